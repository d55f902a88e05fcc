# about: momentum_step adds lr * g to the velocity, so the heavy ball rolls uphill
# breaks: test_momentum_step
# %% momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    v = momentum * np.asarray(v, dtype=float) + lr * np.asarray(g, dtype=float)
    return np.asarray(w, dtype=float) + v, v
