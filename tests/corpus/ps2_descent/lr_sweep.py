# cell: lr_sweep
# breaks: test_lr_sweep

# %% correct: a loop with in-place steps on a copy, np.float64 losses (np.inf for divergent runs) gathered into an array
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    losses = []
    for lr in lrs:
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x -= lr * np.asarray(grad_f(x), dtype=float)
            loss = np.float64(f(x))
        if not (np.isfinite(loss) and np.isfinite(x).all()):
            loss = np.float64(np.inf)
        losses.append(loss)
    return np.array(losses)

# %% correct: vectorized over the learning rates (coordinates first, one column per rate)
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    lrs = np.asarray(lrs, dtype=float)
    k = lrs.size
    xs = np.repeat(np.asarray(x0, dtype=float)[..., np.newaxis], k, axis=-1)
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(n_steps):
            xs = xs - lrs * grad_f(xs)
        losses = np.asarray(f(xs), dtype=float).copy()
    finite = np.isfinite(xs).reshape(-1, k).all(axis=0) & np.isfinite(losses)
    losses[~finite] = np.inf
    return losses

# %% correct: reuses gradient_descent with tol=0 (it never stops early) and stops a run once it is non-finite
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    result = np.empty(len(lrs))
    for i, lr in enumerate(lrs):
        with np.errstate(over="ignore", invalid="ignore"):
            x, _ = gradient_descent(f, grad_f, x0, lr=lr, n_steps=n_steps, tol=0.0)
            loss = float(f(x))
        result[i] = loss if np.isfinite(loss) and np.all(np.isfinite(x)) else np.inf
    return result

# %% bug: reports nan for runs that end in nan, instead of np.inf
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    losses = []
    for lr in lrs:
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            losses.append(f(x))
    return np.array(losses, dtype=float)

# %% bug: one step short (range(1, n_steps))
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    losses = []
    for lr in lrs:
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(1, n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
        losses.append(loss if np.isfinite(loss) and np.all(np.isfinite(x)) else np.inf)
    return np.array(losses)

# %% bug: modifies the caller's x0 (np.asarray does not copy), so each run starts where the last ended
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    losses = []
    for lr in lrs:
        x = np.asarray(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x -= lr * grad_f(x)
            loss = f(x)
        losses.append(loss if np.isfinite(loss) and np.all(np.isfinite(x)) else np.inf)
    return np.array(losses)

# %% bug: starts every run where the previous one ended (x made once, outside the loop)
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    losses = []
    x = np.array(x0, dtype=float)
    for lr in lrs:
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
        losses.append(loss if np.isfinite(loss) and np.all(np.isfinite(x)) else np.inf)
    return np.array(losses)

# %% bug: in-place update on np.copy(x0) crashes with a casting error when x0 is an integer array
# breaks: test_lr_sweep
import numpy as np


def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = []
    for lr in lrs:
        x = np.copy(x0)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x -= lr * grad_f(x)
            loss = f(x)
        losses.append(loss if np.isfinite(loss) else np.inf)
    return np.array(losses, dtype=float)

# %% correct: loop over the learning rates with a fresh float copy per run; np.isfinite on the point and the loss
import numpy as np


def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = []
    for lr in lrs:
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
        if np.all(np.isfinite(x)) and np.isfinite(loss):
            losses.append(loss)
        else:
            losses.append(np.inf)
    return np.array(losses, dtype=float)

# %% bug: declares a run diverged once its loss exceeds 1e10, so a finite but large final loss (big start or steep f) is reported as np.inf
# breaks: test_lr_sweep
import numpy as np


def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = np.zeros(len(lrs))
    for i, lr in enumerate(lrs):
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
        finite = np.all(np.isfinite(x)) and np.isfinite(loss)
        losses[i] = loss if finite and loss < 1e10 else np.inf
    return losses

# %% bug: np.nan_to_num turns a +inf loss into the largest float, not np.inf
# breaks: test_lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = []
    with np.errstate(over="ignore", invalid="ignore"):
        for lr in lrs:
            x = np.array(x0, dtype=float)
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            losses.append(np.nan_to_num(f(x), nan=np.inf))
    return np.array(losses, dtype=float)

# %% bug: checks only the loss, so a point at inf with a bounded f is reported finite
# breaks: test_lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = np.empty(len(lrs))
    with np.errstate(over="ignore", invalid="ignore"):
        for i, lr in enumerate(lrs):
            x = np.array(x0, dtype=float)
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
            losses[i] = loss if np.isfinite(loss) else np.inf
    return losses

# %% bug: returns a Python list, not an array
# breaks: test_lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = []
    with np.errstate(over="ignore", invalid="ignore"):
        for lr in lrs:
            x = np.array(x0, dtype=float)
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = float(f(x))
            losses.append(loss if np.isfinite(loss) and np.isfinite(x).all() else np.inf)
    return losses

# %% bug: caches losses keyed by (lr, n_steps) only, so another f or x0 gets stale losses
# breaks: test_lr_sweep
_cache = {}


def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = []
    with np.errstate(over="ignore", invalid="ignore"):
        for lr in lrs:
            key = (float(lr), int(n_steps))
            if key not in _cache:
                x = np.array(x0, dtype=float)
                for _ in range(n_steps):
                    x = x - lr * grad_f(x)
                loss = f(x)
                _cache[key] = float(loss) if np.isfinite(loss) and np.isfinite(x).all() else np.inf
            losses.append(_cache[key])
    return np.array(losses, dtype=float)

# %% bug: defensive errstate(all="raise") treats any FloatingPointError as divergence, so a converging run that merely underflows (e.g. lr = 0.1 for 5000 steps) reports inf
# breaks: test_lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = []
    for lr in lrs:
        x = np.array(x0, dtype=float)
        try:
            with np.errstate(all="raise"):
                for _ in range(n_steps):
                    x = x - lr * grad_f(x)
                loss = float(f(x))
        except (FloatingPointError, OverflowError):
            loss = np.inf                      # numerical blow-up means divergence
        losses.append(loss if np.isfinite(loss) else np.inf)
    return np.array(losses)

# %% bug: boilerplate validation raises ValueError for n_steps <= 0, but n_steps = 0 is legitimate (every entry is then f(x0))
# breaks: test_lr_sweep
from typing import Callable, Iterable


def lr_sweep(f: Callable, grad_f: Callable, x0: np.ndarray, lrs: Iterable[float], n_steps: int) -> np.ndarray:
    """Final loss of n_steps of gradient descent from x0, for each learning rate.

    Raises:
        ValueError: if n_steps is not a positive integer.
    """
    if not isinstance(n_steps, (int, np.integer)) or n_steps <= 0:
        raise ValueError(f"n_steps must be a positive integer, got {n_steps!r}")
    losses = []
    for lr in lrs:
        x = np.array(x0, dtype=np.float64)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
        losses.append(float(loss) if np.isfinite(loss) and np.isfinite(x).all() else np.inf)
    return np.array(losses, dtype=np.float64)

# %% correct: reuses gradient_descent with tol=-inf (the test norm(g) < -inf never fires, so exactly n_steps steps) and reads the last history entry
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    lrs = list(lrs)
    out = np.empty(len(lrs), dtype=float)
    for i, lr in enumerate(lrs):
        with np.errstate(over="ignore", invalid="ignore"):
            x, history = gradient_descent(f, grad_f, x0, lr=lr, n_steps=n_steps, tol=-np.inf)
            loss = f(x)
        out[i] = loss if (np.isfinite(loss) and np.isfinite(x).all()) else np.inf
    return out

# %% correct: vectoriser following the notebook's hint, one column per learning rate in a (d, k) stack for a 1-D x0, with a plain loop for any other shape of x0
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    x0 = np.asarray(x0, dtype=float)
    rates = np.asarray(list(lrs), dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        if x0.ndim == 1 and rates.size:
            X = np.repeat(x0[:, None], rates.size, axis=1)        # (d, k), coordinates first
            for _ in range(n_steps):
                X = X - rates * grad_f(X)
            losses = np.asarray(f(X), dtype=float).reshape(rates.size)
            finite = np.isfinite(X).all(axis=0) & np.isfinite(losses)
        else:
            losses = np.empty(rates.size)
            finite = np.empty(rates.size, dtype=bool)
            for i, lr in enumerate(rates):
                x = x0.copy()
                for _ in range(n_steps):
                    x = x - lr * grad_f(x)
                losses[i] = f(x)
                finite[i] = np.isfinite(x).all() and np.isfinite(losses[i])
    return np.where(finite, losses, np.inf)

# %% bug: reuses gradient_descent as the common loop driver but keeps its default tol, so a run whose gradient falls below 1e-8 stops early instead of taking exactly n_steps steps
# breaks: test_lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = []
    for lr in lrs:
        with np.errstate(over="ignore", invalid="ignore"):
            x, history = gradient_descent(f, grad_f, x0, lr=lr, n_steps=n_steps)
        loss = history[-1][1]
        finite = np.all(np.isfinite(x)) and np.isfinite(loss)
        losses.append(float(loss) if finite else np.inf)
    return np.array(losses)

# %% bug: stores the losses as float32 'to save memory', so the array is not float64 and any finite loss above 3.4e38 turns into inf (and others are rounded)
# breaks: test_lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = np.full(len(lrs), np.inf, dtype=np.float32)
    for i, lr in enumerate(lrs):
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
            if np.isfinite(x).all() and np.isfinite(loss):
                losses[i] = loss
    return losses

# %% bug: C-style result buffer np.zeros_like(lrs) inherits an integer dtype when the rates are integers (lrs = [1, 2, 3] or np.arange), truncating the losses and failing to store np.inf
# breaks: test_lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    rates = np.asarray(lrs)
    losses = np.zeros_like(rates)
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(len(rates)):
            x = np.array(x0, dtype=float)
            for _ in range(n_steps):
                x = x - rates[i] * grad_f(x)
            loss = f(x)
            losses[i] = loss if np.isfinite(loss) and np.isfinite(x).all() else np.inf
    return losses

# %% correct: C-style: the result starts as np.full(..., np.inf) and only finite runs overwrite their slot; each run updates its own fresh copy in place with np.subtract(..., out=x)
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    rates = list(lrs)
    losses = np.full(len(rates), np.inf, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(len(rates)):
            x = np.array(x0, dtype=np.float64)
            for _ in range(n_steps):
                np.subtract(x, rates[i] * grad_f(x), out=x)
            if not np.isfinite(x).all():
                continue
            loss = f(x)
            if np.isfinite(loss):
                losses[i] = loss
    return losses

# %% bug: over-defensive assert that every learning rate is positive, so a sweep that includes lr = 0 (the baseline that just reports f(x0)) or a negative rate raises AssertionError
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    lrs = np.asarray(lrs, dtype=float)
    assert np.all(lrs > 0), "learning rates must be positive"
    losses = np.empty(lrs.shape)
    for i, lr in enumerate(lrs):
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
        losses[i] = loss if np.all(np.isfinite(x)) and np.isfinite(loss) else np.inf
    return losses

# %% bug: memoizes whole sweeps in a dict kept on the function, keyed by (x0, lrs, n_steps) but not by f or grad_f, so sweeping a second function from the same start with the same rates returns the first function's losses
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    cache = lr_sweep.__dict__.setdefault("cache", {})
    key = (tuple(np.ravel(x0).tolist()), tuple(np.ravel(lrs).tolist()), n_steps)
    if key in cache:
        return cache[key].copy()
    losses = []
    for lr in lrs:
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
        losses.append(loss if np.all(np.isfinite(x)) and np.isfinite(loss) else np.inf)
    cache[key] = np.array(losses, dtype=float)
    return cache[key].copy()

# %% bug: object-oriented student: collects the results in a dict subclass keyed by learning rate and returns its values, so repeated learning rates collapse into one entry and the array is shorter than lrs
class SweepResult(dict):
    def as_array(self):
        return np.array(list(self.values()), dtype=float)

    def best(self):
        return min(self, key=self.get)


def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    result = SweepResult()
    for lr in lrs:
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
        result[lr] = loss if np.isfinite(loss) and np.isfinite(x).all() else np.inf
    return result.as_array()

# %% bug: the loss test is `np.isnan(loss) or loss == np.inf`, so a run on a loss unbounded below whose loss overflows to -inf while the point is still finite (e.g. f = -|x|**2, moving outwards) keeps -inf instead of reporting np.inf
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final loss of n_steps of gradient descent from x0, for each learning rate."""
    losses = np.zeros(len(lrs))
    with np.errstate(over="ignore", invalid="ignore"):
        for i, lr in enumerate(lrs):
            x = np.array(x0, dtype=float)
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            loss = f(x)
            if not np.all(np.isfinite(x)) or np.isnan(loss) or loss == np.inf:
                loss = np.inf
            losses[i] = loss
    return losses
