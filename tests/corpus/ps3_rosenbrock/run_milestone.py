# cell: run_milestone
# breaks: test_run_milestone

# %% correct: keyword arguments and an array start
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    return gradient_descent(f=rosenbrock, grad_f=rosenbrock_grad, x0=np.array(x0), lr=lr, n_steps=n_steps)

# %% correct: unpacks and repacks
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    x, history = gradient_descent(rosenbrock, rosenbrock_grad, list(x0), lr, n_steps)
    return x, history

# %% bug: a hard-coded start
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    return gradient_descent(rosenbrock, rosenbrock_grad, (0.0, 0.0), lr=lr, n_steps=n_steps)

# %% bug: forgets to pass lr (uses the default 0.1, which diverges)
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, n_steps=n_steps)

# %% bug: one step short
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps - 1)
