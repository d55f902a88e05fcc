# cell: lr_range_test

# %% correct: lr_range_test with the grid lr_min * ratio ** linspace(0, 1) and a list of losses; suggest_lr vectorised with np.minimum.accumulate
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = lr_min * (lr_max / lr_min) ** np.linspace(0.0, 1.0, n_steps)
    w, losses = np.array(w0, dtype=float), []
    with np.errstate(over="ignore", invalid="ignore"):
        for lr in lrs:
            w = w - lr * np.asarray(grad_fn(w))
            losses.append(loss_fn(w))
    return lrs, np.array(losses, dtype=float)


def suggest_lr(lrs, losses):
    lrs, losses = np.asarray(lrs, dtype=float), np.asarray(losses, dtype=float)
    with np.errstate(invalid="ignore"):
        lowest_before = np.concatenate([[np.inf], np.minimum.accumulate(losses)[:-1]])
        blown = ~np.isfinite(losses) | (losses > 4 * lowest_before)
    hits = np.flatnonzero(blown)
    return float(lrs[hits[0] if hits.size else -1] / 10)

# %% correct: lr_range_test indexing np.geomspace with Python float losses; suggest_lr as a loop with math.isfinite over plain lists
import math


def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = []
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i in range(n_steps):
            w = w - lrs[i] * grad_fn(w)
            losses.append(float(loss_fn(w)))
    return lrs, np.array(losses)


def suggest_lr(lrs, losses):
    lowest = float("inf")
    for i in range(len(lrs)):
        loss = float(losses[i])
        if not math.isfinite(loss) or loss > 4 * lowest:
            return float(lrs[i]) / 10
        if loss < lowest:
            lowest = loss
    return float(lrs[-1]) / 10

# %% correct: lr_range_test on np.logspace of the exponents with an in-place step on a copy; suggest_lr with min(losses[:i]) at every index
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.logspace(np.log10(lr_min), np.log10(lr_max), n_steps)
    losses = np.zeros(n_steps)
    w = np.asarray(w0, dtype=float).copy()
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w -= lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    for i in range(len(losses)):
        if not np.isfinite(losses[i]) or (i > 0 and losses[i] > 4 * min(losses[:i])):
            return lrs[i] / 10
    return lrs[len(lrs) - 1] / 10

# %% bug: lr_range_test starts every step from w0 again
# breaks: test_lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w0 = np.asarray(w0, dtype=float)
    with np.errstate(all="ignore"):
        losses = np.array([loss_fn(w0 - lr * np.asarray(grad_fn(w0))) for lr in lrs])
    return lrs, losses


def suggest_lr(lrs, losses):
    lrs, losses = np.asarray(lrs, dtype=float), np.asarray(losses, dtype=float)
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4.0 * lowest:
            return float(lr / 10.0)
        lowest = min(lowest, loss)
    return float(lrs[-1] / 10.0)

# %% bug: lr_range_test uses a linear grid, np.linspace(lr_min, lr_max, n_steps)
# breaks: test_lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.linspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w = w - lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    lrs, losses = np.asarray(lrs, dtype=float), np.asarray(losses, dtype=float)
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4.0 * lowest:
            return float(lr / 10.0)
        lowest = min(lowest, loss)
    return float(lrs[-1] / 10.0)

# %% bug: lr_range_test passes lr_min and lr_max to np.logspace, which takes exponents
# breaks: test_lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.logspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w = w - lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    lrs, losses = np.asarray(lrs, dtype=float), np.asarray(losses, dtype=float)
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4.0 * lowest:
            return float(lr / 10.0)
        lowest = min(lowest, loss)
    return float(lrs[-1] / 10.0)

# %% bug: lr_range_test records the loss before each step instead of after it
# breaks: test_lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            losses[i] = loss_fn(w)
            w = w - lr * np.asarray(grad_fn(w), dtype=float)
    return lrs, losses


def suggest_lr(lrs, losses):
    lrs, losses = np.asarray(lrs, dtype=float), np.asarray(losses, dtype=float)
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4.0 * lowest:
            return float(lr / 10.0)
        lowest = min(lowest, loss)
    return float(lrs[-1] / 10.0)

# %% bug: lr_range_test steps in place on w0 itself (np.asarray does not copy)
# breaks: test_lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.asarray(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w -= lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    lrs, losses = np.asarray(lrs, dtype=float), np.asarray(losses, dtype=float)
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4.0 * lowest:
            return float(lr / 10.0)
        lowest = min(lowest, loss)
    return float(lrs[-1] / 10.0)

# %% bug: suggest_lr compares with the first loss instead of the lowest loss before it
# breaks: test_suggest_lr
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w = w - lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4 * losses[0]:
            return float(lr / 10)
    return float(lrs[-1] / 10)

# %% bug: suggest_lr compares with the previous loss instead of the lowest before it
# breaks: test_suggest_lr
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w = w - lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    for i in range(len(lrs)):
        if not np.isfinite(losses[i]) or (i > 0 and losses[i] > 4 * losses[i - 1]):
            return float(lrs[i] / 10)
    return float(lrs[-1] / 10)

# %% bug: suggest_lr only tests loss > 4 * lowest, so a nan loss slips through
# breaks: test_suggest_lr
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w = w - lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        if loss > 4 * lowest:
            return float(lr / 10)
        lowest = min(lowest, loss)
    return float(lrs[-1] / 10)

# %% bug: suggest_lr returns the blow-up rate itself, not a tenth of it
# breaks: test_suggest_lr
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w = w - lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4 * lowest:
            return float(lr)
        lowest = min(lowest, loss)
    return float(lrs[-1])

# %% bug: lr_range_test stops at the first non-finite loss, returning arrays shorter than n_steps
# breaks: test_lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            loss = loss_fn(w)
            losses.append(loss)
            if not np.isfinite(loss):
                break                     # diverged, no point going on
    return lrs[:len(losses)], np.array(losses, dtype=float)


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    best = np.inf
    for i, loss in enumerate(losses):
        if not np.isfinite(loss) or loss > 4 * best:
            return float(lrs[i] / 10)
        best = min(best, loss)
    return float(lrs[-1] / 10)

# %% bug: copies w0 without converting to float and updates in place, so integer or list w0 crashes
# breaks: test_lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.copy(w0)
    losses = np.zeros(n_steps)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w -= lr * grad_fn(w)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    best = np.inf
    for i, loss in enumerate(losses):
        if not np.isfinite(loss) or loss > 4 * best:
            return float(lrs[i] / 10)
        best = min(best, loss)
    return float(lrs[-1] / 10)

# %% correct: list of losses in a loop; suggest_lr with a running minimum in a loop
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            losses.append(loss_fn(w))
    return lrs, np.array(losses, dtype=float)


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    best = np.inf
    for i, loss in enumerate(losses):
        if not np.isfinite(loss) or loss > 4 * best:
            return float(lrs[i] / 10)
        best = min(best, loss)
    return float(lrs[-1] / 10)

# %% bug: treats a loss of exactly 4x the lowest loss before it as a blow-up (>= instead of >)
# breaks: test_suggest_lr
import numpy as np


def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            losses.append(loss_fn(w))
    return lrs, np.array(losses, dtype=float)


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    best = np.inf
    for i, loss in enumerate(losses):
        if not np.isfinite(loss) or loss >= 4 * best:
            return float(lrs[i] / 10)
        best = min(best, loss)
    return float(lrs[-1] / 10)

# %% bug: lr_range_test returns the losses as a Python list, not an array
# breaks: test_lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            losses.append(float(loss_fn(w)))
    return lrs, losses


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4 * lowest:
            return float(lr) / 10
        lowest = min(lowest, loss)
    return float(lrs[-1]) / 10

# %% bug: (b) boilerplate insists that w0 be a 1-D parameter vector and raises ValueError for a scalar/0-d or matrix-shaped w0 
# breaks: test_lr_range_test
from typing import Callable, Tuple


def lr_range_test(loss_fn: Callable, grad_fn: Callable, w0: np.ndarray, lr_min: float = 1e-6,
                  lr_max: float = 1.0, n_steps: int = 100) -> Tuple[np.ndarray, np.ndarray]:
    """Learning-rate range test on a parameter vector w0.

    Raises
    ------
    ValueError
        If w0 is not a 1-D vector or the rate bounds are not positive and increasing.
    """
    w = np.array(w0, dtype=np.float64)
    if w.ndim != 1:
        raise ValueError(f"w0 must be a 1-D parameter vector, got shape {w.shape}")
    if not 0 < lr_min < lr_max:
        raise ValueError("need 0 < lr_min < lr_max")
    if n_steps < 1:
        raise ValueError("n_steps must be positive")
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps, dtype=np.float64)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w = w - lr * grad_fn(w)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses) -> float:
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    lowest = np.inf
    for i, loss in enumerate(losses):
        if not np.isfinite(loss) or loss > 4 * lowest:
            return float(lrs[i] / 10)
        lowest = min(lowest, loss)
    return float(lrs[-1] / 10)

# %% bug: suggest_lr checks only for the two non-finite values the visible tests use (loss == inf or loss != loss), so a loss of -inf is not flagged
# breaks: test_suggest_lr
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            losses.append(loss_fn(w))
    return lrs, np.array(losses, dtype=float)


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        blew_up = loss == np.inf or loss != loss
        if blew_up or loss > 4 * lowest:
            return float(lr) / 10
        lowest = min(lowest, loss)
    return float(lrs[-1]) / 10

# %% bug: (c) the losses are written into a module-level buffer and a slice (view) of it is returned, so the next lr_range_test call overwrites the losses an earlier call returned
# breaks: test_lr_range_test
_loss_buffer = np.empty(0)


def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    global _loss_buffer
    if _loss_buffer.size < n_steps:
        _loss_buffer = np.empty(max(n_steps, 128))
    losses = _loss_buffer[:n_steps]
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i in range(n_steps):
            w = w - lrs[i] * grad_fn(w)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    best = np.inf
    for i, loss in enumerate(losses):
        if not np.isfinite(loss) or loss > 4 * best:
            return float(lrs[i] / 10)
        best = min(best, loss)
    return float(lrs[-1] / 10)

# %% bug: (h) suggest_lr tests the ratio loss / lowest > 4 on Python floats and turns ZeroDivisionError into a ratio of 1, so after a loss of exactly 0 no later positive loss is flagged (and the ratio also flips for negative losses)
# breaks: test_suggest_lr
import math


def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            losses.append(loss_fn(w))
    return lrs, np.asarray(losses, dtype=float)


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    losses = [float(loss) for loss in losses]
    lowest = math.inf
    for i, loss in enumerate(losses):
        if not math.isfinite(loss):
            return float(lrs[i]) / 10
        try:
            ratio = loss / lowest
        except ZeroDivisionError:
            ratio = 1.0
        if ratio > 4:
            return float(lrs[i]) / 10
        lowest = min(lowest, loss)
    return float(lrs[-1]) / 10

# %% bug: the grid is built by index arithmetic, lrs[i] = lr_min * ratio ** i with ratio = (lr_max / lr_min) ** (1 / (n_steps - 1)), which divides by zero for n_steps = 1 (np.geomspace gives [lr_min])
# breaks: test_lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    ratio = (lr_max / lr_min) ** (1.0 / (n_steps - 1))
    lrs = np.zeros(n_steps)
    losses = np.zeros(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i in range(n_steps):
            lrs[i] = lr_min * ratio ** i
            w = w - lrs[i] * grad_fn(w)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    lowest = np.inf
    for i in range(len(losses)):
        if not np.isfinite(losses[i]) or losses[i] > 4 * lowest:
            return float(lrs[i] / 10)
        lowest = min(lowest, losses[i])
    return float(lrs[-1] / 10)

# %% bug: suggest_lr copies the losses into float16 "for a compact comparison", so finite losses above 65504 become inf and are flagged, and a loss just over 4x (4.001 after 1.0) rounds to exactly 4 and is missed
# breaks: test_suggest_lr
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            losses.append(loss_fn(w))
    return lrs, np.asarray(losses, dtype=float)


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    small = np.asarray(losses, dtype=np.float16)
    with np.errstate(all="ignore"):
        for i in range(len(small)):
            if not np.isfinite(small[i]) or (i > 0 and small[i] > 4 * small[:i].min()):
                return float(lrs[i]) / 10
    return float(lrs[-1]) / 10

# %% bug: an early return answers a tenth of the last rate whenever the last loss is finite and within 4x the overall minimum, skipping the scan, so a blow-up that later recovers is missed (losses 1, 5, 1, 1, 1, or inf, 1, 2, 3, 4, give a tenth of the last rate)
# breaks: test_suggest_lr
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            losses.append(loss_fn(w))
    return lrs, np.array(losses, dtype=float)


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    losses = np.asarray(losses, dtype=float)
    if np.isfinite(losses[-1]) and losses[-1] <= 4 * np.min(losses):
        return float(lrs[-1] / 10)         # the run never blew up
    for i in range(len(losses)):
        if not np.isfinite(losses[i]) or (i > 0 and losses[i] > 4 * losses[:i].min()):
            return float(lrs[i] / 10)
    return float(lrs[-1] / 10)

# %% bug: the ratio test divides by (lowest + 1e-8) "in case the lowest loss is 0", so small losses are not flagged when they jump: losses 1e-10 then 1e-9 (ten times the lowest) pass as 1e-9 / 1.01e-8 < 4
# breaks: test_suggest_lr
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            losses.append(loss_fn(w))
    return lrs, np.array(losses, dtype=float)


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    lowest = np.inf
    for i, loss in enumerate(losses):
        if not np.isfinite(loss) or loss / (lowest + 1e-8) > 4:
            return float(lrs[i] / 10)
        lowest = min(lowest, loss)
    return float(lrs[-1] / 10)

# %% bug: suggest_lr ignores the rates it is given and rebuilds them as np.geomspace(lrs[0], lrs[-1], len(lrs)), so for any grid that is not geometric (say 0.1, 0.2, 0.3, 0.5, 0.8) it returns a tenth of the wrong rate instead of lrs[i] / 10
# breaks: test_suggest_lr
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w = np.array(w0, dtype=float)
    losses = []
    with np.errstate(all="ignore"):
        for lr in lrs:
            w = w - lr * grad_fn(w)
            losses.append(loss_fn(w))
    return lrs, np.array(losses, dtype=float)


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    grid = np.geomspace(lrs[0], lrs[-1], len(lrs))       # the range test's rates
    lowest = np.inf
    for i, loss in enumerate(losses):
        if not np.isfinite(loss) or loss > 4 * lowest:
            return float(grid[i] / 10)
        lowest = min(lowest, loss)
    return float(grid[-1] / 10)
