# about: rmsprop_step adds eps outside the square root, as PyTorch does, not inside as asked
# breaks: test_rmsprop_step
# %% rmsprop_step
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    w, g, s = (np.asarray(a, dtype=float) for a in (w, g, s))
    s = decay * s + (1 - decay) * g**2
    return w - lr * g / (np.sqrt(s) + eps), s
