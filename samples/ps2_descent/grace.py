# about: correct, written with loops and Python floats: a while loop, Cholesky, a closed form, rng.normal
# %% gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.asarray(x0, dtype=np.float64).copy()
    history = [[x.copy(), f(x)]]
    step = 0
    while step < n_steps:
        g = grad_f(x)
        if np.sqrt(np.sum(np.square(g))) < tol:
            break
        x -= lr * g
        history.append([x.copy(), f(x)])
        step += 1
    return x, history
# %% bowl
def bowl(xy):
    x, y = float(xy[0]), float(xy[1])
    return 0.5 * (x * x + y * y)


def bowl_grad(xy):
    return np.array([float(xy[0]), float(xy[1])])
# %% max_stable_lr
def max_stable_lr(hessian):
    h = np.array(hessian, dtype=float)
    if h.shape[0] != h.shape[1] or np.abs(h - h.T).max() > 1e-12 * np.abs(h).max():
        raise ValueError("the Hessian is not symmetric")
    np.linalg.cholesky(h)  # raises LinAlgError, a kind of ValueError, unless positive definite
    largest = max(np.linalg.eigvalsh(h))
    return 2 / largest
# %% quadratic_path
def quadratic_path(x0, alpha, iters):
    t = np.arange(iters + 1)
    return x0 * (1 - 2 * alpha) ** t
# %% classify_alpha
def classify_alpha(alpha):
    if not alpha > 0:
        raise ValueError("the learning rate must be positive")
    factor = 1 - 2 * alpha
    if factor >= 0:
        return "monotone"
    if factor > -1:
        return "oscillating"
    if factor == -1:
        return "cycling"
    return "divergent"
# %% lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    finals = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            x, history = gradient_descent(f, grad_f, x0, lr=lr, n_steps=n_steps, tol=0.0)
            loss = history[-1][1]
            finals.append(loss if np.isfinite(loss) and np.all(np.isfinite(x)) else np.inf)
    return np.array(finals)
# %% himmelblau
def himmelblau(xy):
    x, y = float(xy[0]), float(xy[1])
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2


def himmelblau_grad(xy):
    x, y = float(xy[0]), float(xy[1])
    a = x * x + y - 11
    b = x + y * y - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])
# %% multi_start
def multi_start(f, grad_f, starts, lr, n_steps):
    ends = []
    for start in starts:
        x, _ = gradient_descent(f, grad_f, start, lr, n_steps)
        ends.append(x)
    return np.vstack(ends)
# %% noisy_gradient
def noisy_gradient(grad_f, sigma, rng):
    def g(x):
        return grad_f(x) + rng.normal(0.0, sigma, size=np.shape(x))
    return g
