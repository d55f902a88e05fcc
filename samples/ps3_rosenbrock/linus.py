# about: distance_to_optimum returns the squared distance; steps_to_tolerance the last index
# breaks: test_distance_to_optimum test_steps_to_tolerance
# %% run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)
# %% distance_to_optimum
def distance_to_optimum(x):
    return float(np.sum((np.asarray(x) - 1.0) ** 2))
# %% steps_to_tolerance
def steps_to_tolerance(history, tol):
    found = None
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            found = t
    return found
