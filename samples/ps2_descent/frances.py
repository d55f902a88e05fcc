# about: himmelblau_grad with the wrong sign on the second square's part of df/dy
# breaks: test_himmelblau_grad
# %% himmelblau
def himmelblau(xy):
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def himmelblau_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    a = x**2 + y - 11
    b = x + y**2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a - 4 * y * b])
