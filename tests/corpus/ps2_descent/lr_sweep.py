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
