# about: correct, expanded polynomials, np.stack and a for-else
# %% rosenbrock
def rosenbrock(xy):
    xy = np.asarray(xy, dtype=float)
    x, y = xy[0], xy[1]
    return 1 - 2 * x + x**2 + 100 * (y**2 - 2 * y * x**2 + x**4)
# %% rosenbrock_grad
def rosenbrock_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.stack([400 * x**3 - 400 * x * y + 2 * x - 2, 200 * y - 200 * x**2])
# %% run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    x, history = gradient_descent(f=rosenbrock, grad_f=rosenbrock_grad, x0=np.array(x0), lr=lr,
                                  n_steps=n_steps)
    return x, history
# %% distance_to_optimum
def distance_to_optimum(x):
    dx, dy = x[0] - 1, x[1] - 1
    return (dx * dx + dy * dy) ** 0.5
# %% steps_to_tolerance
def steps_to_tolerance(history, tol):
    distances = [distance_to_optimum(point) for point, _ in history]
    close = np.flatnonzero(np.array(distances) < tol)
    return int(close[0]) if close.size else None
