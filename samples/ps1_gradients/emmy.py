# about: sin_cos_grad forgets the minus sign of d/dy cos(y)
# breaks: test_sin_cos_grad
# %% sin_cos
def sin_cos(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), np.sin(y)])
