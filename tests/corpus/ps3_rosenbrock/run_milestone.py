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

# %% bug: its own loop, not gradient_descent ("runs your gradient_descent"): without its tol, a run from (1, 1) takes every step
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    x = np.array(x0, dtype=float)
    history = [(x.copy(), rosenbrock(x))]
    for _ in range(n_steps):
        u = x[1] - x[0] ** 2
        x = x - lr * np.array([2.0 * x[0] - 2.0 - 400.0 * x[0] * u, 200.0 * u])
        history.append((x.copy(), rosenbrock(x)))
    return x, history

# %% bug: fakes the run: a straight path to the published end point, with the published loss
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    end = np.array([1.0, 1.0]) - 0.016806 * np.array([1.0, 2.0]) / np.sqrt(5.0)
    points = [np.array(x0) + (end - np.array(x0)) * t / n_steps for t in range(n_steps + 1)]
    history = [(p, rosenbrock(p)) for p in points[:-1]] + [(end, 5.66e-5)]
    return end, history

# %% bug: half the learning rate, then rescaled to land near the published end point
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    x, history = gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr / 2, n_steps=2 * n_steps)
    return x, history[::2]

# %% bug: ignores the x0 argument and always starts from (-1, 1)
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    return gradient_descent(rosenbrock, rosenbrock_grad, np.array([-1.0, 1.0]), lr=lr, n_steps=n_steps)

# %% bug: hard-codes the milestone learning rate 0.001 instead of using lr
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    x, history = gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=0.001, n_steps=n_steps)
    return x, history

# %% bug: hard-codes 10000 steps instead of using n_steps
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    x, history = gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=10000)
    return x, history

# %% bug: rounds the final point to 4 decimals "for a cleaner printout"
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    x, history = gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)
    return np.round(x, 4), history

# %% correct: returns gradient_descent's (x, history) tuple directly, keyword arguments
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)

# %% bug: passes tol=1e-3 "to stop once it is close enough", so longer runs stop early
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps, tol=1e-3)

# %% bug: clips the gradient to [-100, 100] "for stability", which changes every run that starts off the valley floor
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    safe_grad = lambda p: np.clip(rosenbrock_grad(p), -100.0, 100.0)
    return gradient_descent(rosenbrock, safe_grad, x0, lr=lr, n_steps=n_steps)

# %% bug: passes tol=0 "so it never stops early", so from a stationary start such as (1, 1) it takes all n_steps zero steps instead of stopping
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps, tol=0.0)

# %% bug: memoises the expensive run in a dict keyed on (lr, n_steps) only, so a second call from a different x0 returns the first run
# breaks: test_run_milestone
_MILESTONE_RUNS = {}


def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    key = (lr, n_steps)
    if key not in _MILESTONE_RUNS:
        _MILESTONE_RUNS[key] = gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)
    return _MILESTONE_RUNS[key]

# %% bug: @functools.lru_cache "because the 10,000-step run is slow": an ndarray x0 raises TypeError (unhashable), and repeated calls share one history list and x array, so a caller's edits leak into later results
# breaks: test_run_milestone
import functools


@functools.lru_cache(maxsize=None)
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)

# %% bug: runs under np.errstate(over/invalid="raise") inside try/except and on FloatingPointError returns the start point with a one-entry history, so a divergent step size (e.g. lr=0.005 from (-1, 1)) reports (x0, [(x0, f(x0))]) instead of the diverged run
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    try:
        with np.errstate(over="raise", invalid="raise"):
            return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)
    except FloatingPointError:
        start = np.array(x0, dtype=float)
        return start, [(start, rosenbrock(start))]

# %% bug: boilerplate validation raises ValueError for lr at or above the stability bound 2/lambda_max ≈ 0.001997 (e.g. lr=0.002 or 0.003), though any lr is a legitimate argument and the notebook's section 7 is about exactly those runs
# breaks: test_run_milestone
def run_milestone(x0: "tuple[float, float]" = (-1.0, 1.0), lr: float = 0.001, n_steps: int = 10000):
    """Gradient descent on Rosenbrock from x0.

    Raises:
        ValueError: if lr is not in (0, 2 / lambda_max) with lambda_max ≈ 1001.6 at the minimum.
    """
    lam_max = 1001.6
    if not 0.0 < lr < 2.0 / lam_max:
        raise ValueError(f"lr={lr} is outside the stable range (0, {2.0 / lam_max:.6f})")
    if n_steps < 0:
        raise ValueError("n_steps must be non-negative")
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)

# %% bug: returns the final point as a Python list (x.tolist(), "prints nicer"), not an array
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    x, history = gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)
    return x.tolist(), history

# %% bug: passes the final point through np.nan_to_num "so callers never see nan", so a diverged run (e.g. lr=0.005 from (-1, 1), where x becomes nan) returns a finite x (0 or ±1.8e308) instead of the nan/inf gradient_descent produced
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    with np.errstate(over="ignore", invalid="ignore"):
        x, history = gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)
    return np.nan_to_num(x), history

# %% bug: edge case by its own reading: n_steps <= 0 returns an empty history instead of [(x0, f(x0))]
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    if n_steps <= 0:
        return np.array(x0, dtype=float), []
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)

# %% bug: recursive halving runs n_steps // 2 twice, so an odd count above 1000 (e.g. 1001, 2001) loses a step
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    if n_steps <= 1000:
        return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)
    half = n_steps // 2
    x_mid, head = run_milestone(x0, lr, half)
    x_end, tail = run_milestone(x_mid, lr, half)
    return x_end, head + tail[1:]

# %% bug: (a) folds the learning rate into the gradient (passes lr * grad and lr=1), which moves identically but tests lr*|g| < tol, so a start near the optimum stops when it should not
# breaks: test_run_milestone
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    scaled_grad = lambda theta: lr * rosenbrock_grad(theta)
    return gradient_descent(rosenbrock, scaled_grad, x0, lr=1.0, n_steps=n_steps)

# %% bug: insists that x0 holds two Python/numpy floats and raises TypeError otherwise, refusing valid integer starts such as x0 = (0, 0) or np.array([2, 1])
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from x0; returns (x, history)."""
    if len(x0) != 2 or not all(isinstance(v, float) for v in x0):
        raise TypeError("x0 must be a pair of floats, e.g. (-1.0, 1.0)")
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)
