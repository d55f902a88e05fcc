# about: clip_by_norm clips each element to [-max_norm, max_norm], which changes the direction
# breaks: test_clip_by_norm
# %% clip_by_norm
def clip_by_norm(g, max_norm):
    return np.clip(np.asarray(g, dtype=float), -max_norm, max_norm)
