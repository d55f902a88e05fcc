# about: rosenbrock_grad without the factor 2 of d/dx (1 - x)**2
# breaks: test_rosenbrock_grad test_run_milestone
# %% rosenbrock_grad
def rosenbrock_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([-(1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])
