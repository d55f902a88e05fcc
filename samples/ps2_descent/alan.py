# about: correct, vectorized: lr_sweep runs every rate at once on a (d, k) stack; polyval, roots, a callable class
# %% twisted_bowl
def twisted_bowl(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y**2) / 2 + c * x * y


def twisted_bowl_grad(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return np.stack([x + c * y, c * x + y])
# %% lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    lrs = np.asarray(lrs, dtype=float)
    x0 = np.asarray(x0, dtype=float)
    xs = np.repeat(x0[..., None], len(lrs), axis=-1)  # column j is the run with lrs[j]
    with np.errstate(all="ignore"):
        for _ in range(n_steps):
            xs = xs - lrs * grad_f(xs)
        losses = np.asarray(f(xs), dtype=float)
    finite = np.isfinite(losses) & np.isfinite(xs).reshape(-1, len(lrs)).all(axis=0)
    return np.where(finite, losses, np.inf)
# %% quartic
def quartic(x):
    return np.polyval([1, -3, 0, 0, 2], x)


def quartic_grad(x):
    return np.polyval([4, -9, 0, 0], x)


def quartic_critical_points():
    roots = np.roots([4, -9, 0, 0])
    return np.unique(np.round(roots.real, 12))
# %% multi_start
def multi_start(f, grad_f, starts, lr, n_steps):
    ends = np.array(starts, dtype=float)
    for i in range(len(ends)):
        for _ in range(n_steps):
            g = np.asarray(grad_f(ends[i]), dtype=float)
            if np.linalg.norm(g) < 1e-8:
                break
            ends[i] = ends[i] - lr * g
    return ends
# %% noisy_gradient
class NoisyGradient:
    def __init__(self, grad_f, sigma, rng):
        self.grad_f, self.sigma, self.rng = grad_f, sigma, rng

    def __call__(self, x):
        return np.asarray(self.grad_f(x)) + self.sigma * self.rng.standard_normal(np.shape(x))


def noisy_gradient(grad_f, sigma, rng):
    return NoisyGradient(grad_f, sigma, rng)
