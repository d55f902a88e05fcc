# about: rosenbrock_grad with df/dy's sign flipped: her descent climbs out of the valley
# breaks: test_rosenbrock_grad test_run_milestone
# %% rosenbrock_grad
def rosenbrock_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([-2 * (1 - x) - 400 * x * (y - x**2), -200 * (y - x**2)])
