# about: rosenbrock_hessian with the wrong sign off the diagonal
# breaks: test_rosenbrock_hessian
# %% rosenbrock_hessian
def rosenbrock_hessian(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([[2 - 400 * (y - x**2) + 800 * x**2, 400 * x], [400 * x, 200.0]])
