# cell: bce_with_logits
# breaks: test_bce_with_logits

# %% correct: logaddexp, loss = log(1 + e^z) - z y, and sigma from the student's sigmoid
def bce_with_logits(z, y):
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(z)
    return float(np.mean(np.logaddexp(0.0, z) - z * y)), (sigmoid(z) - y) / n

# %% correct: boolean masks by the sign of z, each side with its own stable form, sigma inline
def bce_with_logits(z, y):
    z = np.array(z, dtype=float)
    y = np.array(y, dtype=float)
    per = np.empty_like(z)
    pos = z >= 0
    per[pos] = (1.0 - y[pos]) * z[pos] + np.log1p(np.exp(-z[pos]))
    per[~pos] = -y[~pos] * z[~pos] + np.log1p(np.exp(z[~pos]))
    p = np.empty_like(z)
    p[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    p[~pos] = e / (1.0 + e)
    return per.sum() / z.size, (p - y) / z.size

# %% correct: the notebook's form built up in place on a fresh array, sigma via tanh
def bce_with_logits(z, y):
    z = np.asarray(z, dtype=float)
    loss = np.maximum(z, 0.0)
    loss -= z * y
    loss += np.log1p(np.exp(-np.abs(z)))
    dz = 0.5 * (1.0 + np.tanh(0.5 * z)) - y
    dz /= z.shape[0]
    return float(loss.mean()), dz

# %% bug: the naive form, -y log(sigma(z)) - (1 - y) log(1 - sigma(z)): log(0) for confident logits
def bce_with_logits(z, y):
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    p = sigmoid(z)
    loss = -y * np.log(p) - (1 - y) * np.log(1 - p)
    return float(np.mean(loss)), (p - y) / len(z)

# %% bug: dz is not divided by N
def bce_with_logits(z, y):
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    loss = np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(loss)), sigmoid(z) - y

# %% bug: the loss is the sum over the batch, not the mean
def bce_with_logits(z, y):
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    loss = np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.sum(loss)), (sigmoid(z) - y) / len(z)

# %% bug: (1 - y) z + log(1 + exp(-z)) without the abs: exp(-z) overflows for z below -709
def bce_with_logits(z, y):
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    loss = (1.0 - y) * z + np.log1p(np.exp(-z))
    return float(np.mean(loss)), (sigmoid(z) - y) / len(z)

# %% bug: dz with the sign flipped, (y - sigma(z)) / N
def bce_with_logits(z, y):
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    loss = np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(loss)), (y - sigmoid(z)) / len(z)

# %% bug: np.squeeze on the inputs (to accept column vectors), so a single logit (N = 1) gives dz of shape () instead of (1,)
# breaks: test_bce_with_logits
import numpy as np


def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    z = np.squeeze(np.asarray(z, dtype=float))
    y = np.squeeze(np.asarray(y, dtype=float))
    N = z.size
    loss = np.sum(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))) / N
    return float(loss), (sigmoid(z) - y) / N

# %% bug: a module-level cache keyed on the logits z only: the same z with other labels y returns the stale result
# breaks: test_bce_with_logits
_bce_cache = {}


def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    z = np.asarray(z, dtype=float)
    key = (z.shape, z.tobytes())
    if key not in _bce_cache:
        loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
        dz = (sigmoid(z) - y) / len(z)
        _bce_cache[key] = (loss, dz)
    loss, dz = _bce_cache[key]
    return loss, dz.copy()

# %% bug: (b) boilerplate insists on floating-point labels and raises TypeError for integer labels such as np.array([1, 0])
# breaks: test_bce_with_logits
from typing import Tuple


def bce_with_logits(z: np.ndarray, y: np.ndarray) -> Tuple[float, np.ndarray]:
    """Mean binary cross-entropy from logits.

    Args:
        z: float logits of shape (N,).
        y: float labels of shape (N,), each 0.0 or 1.0.
    """
    if not isinstance(z, np.ndarray) or not isinstance(y, np.ndarray):
        raise TypeError("z and y must be numpy arrays")
    if not np.issubdtype(y.dtype, np.floating):
        raise TypeError(f"labels must be a float array, got dtype {y.dtype}")
    if z.shape != y.shape or z.ndim != 1:
        raise ValueError("z and y must both have shape (N,)")
    n = z.shape[0]
    loss = float(np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))))
    return loss, (sigmoid(z) - y) / n

# %% bug: (f) adds a convenience "if every entry lies strictly in (0, 1), z already holds probabilities", so legitimate logits such as [0.3, 0.7] get the probability formula
# breaks: test_bce_with_logits
def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    N = z.shape[0]
    if np.all((z > 0) & (z < 1)):          # already probabilities: accept them too
        p = z
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        return loss, (p - y) / N
    loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
    return loss, (sigmoid(z) - y) / N

# %% bug: tries the textbook formula first and switches to the stable form only when something comes out non-finite, so logits around 20 to 37 with y = 0 get a finite but wrong loss from log(1 - sigmoid(z)) cancellation
# breaks: test_bce_with_logits
def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(z)
    with np.errstate(all="ignore"):
        p = 1.0 / (1.0 + np.exp(-z))
        terms = -y * np.log(p) - (1.0 - y) * np.log(1.0 - p)
    if not np.all(np.isfinite(terms)):
        terms = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
        p = sigmoid(z)
    return float(np.mean(terms)), (p - y) / n

# %% bug: pure-Python student returns dz as a Python list of floats (np.allclose accepts it)
# breaks: test_bce_with_logits
import math


def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    n = len(z)
    total = 0.0
    dz = []
    for zi, yi in zip(z, y):
        zi, yi = float(zi), float(yi)
        e = math.exp(-abs(zi))
        total += max(zi, 0.0) - zi * yi + math.log1p(e)
        s = 1.0 / (1.0 + e) if zi >= 0 else e / (1.0 + e)
        dz.append((s - yi) / n)
    return total / n, dz

# %% bug: "one log instead of N logs, for precision" takes the log of the product of the factors (1 + e^{-|z|}), which overflows to inf once N is beyond about a thousand examples near z = 0
# breaks: test_bce_with_logits
def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    N = len(z)
    linear_part = np.sum(np.maximum(z, 0) - z * y)
    log_part = np.log(np.prod(1.0 + np.exp(-np.abs(z))))
    loss = (linear_part + log_part) / N
    return float(loss), (sigmoid(z) - y) / N

# %% bug: C-style dz = np.zeros_like(y) takes y's dtype, so with integer labels every (sigmoid(z) - y) / N is truncated to 0
# breaks: test_bce_with_logits
def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    n = z.shape[0]
    terms = np.empty(n)
    dz = np.zeros_like(y)
    for i in range(n):
        zi = z[i]
        e = np.exp(-abs(zi))
        terms[i] = max(zi, 0.0) - zi * y[i] + np.log1p(e)
        p = 1.0 / (1.0 + e) if zi >= 0 else e / (1.0 + e)
        dz[i] = (p - y[i]) / n
    return terms.sum() / n, dz

# %% bug: np.piecewise allocates its output like z, so integer logits give an integer "sigmoid" (0 or 1) and a wrong dz
# breaks: test_bce_with_logits
def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    z = np.asarray(z)
    y = np.asarray(y)
    n = len(z)
    sig = np.piecewise(z, [z >= 0, z < 0],
                       [lambda t: 1.0 / (1.0 + np.exp(-t)),
                        lambda t: np.exp(t) / (1.0 + np.exp(t))])
    loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
    return loss, (sig - y) / n

# %% bug: np.vectorize takes its output dtype from the first element, and the helper returns the int 0 below -700, so when z[0] < -700 every probability is truncated to an int (0 or 1) and dz is wrong
import math


def _stable_sigmoid(t):
    if t < -700:
        return 0  # exp underflows anyway
    if t >= 0:
        return 1.0 / (1.0 + math.exp(-t))
    e = math.exp(t)
    return e / (1.0 + e)


def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    n = len(z)
    loss = float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))
    probs = np.vectorize(_stable_sigmoid)(z)
    return loss, (probs - y) / n

# %% bug: stability patcher adds eps = 1e-7 inside the log, log(1 + e^{-|z|} + 1e-7): every example's loss gains about 1e-7, so confidently right logits (e.g. z = 50, y = 1) give a loss of ~1e-7 instead of the true mean cross-entropy ~0
def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    eps = 1e-7
    per_example = np.maximum(z, 0) - z * y + np.log(1.0 + np.exp(-np.abs(z)) + eps)
    return float(np.mean(per_example)), (sigmoid(z) - y) / len(z)

# %% bug: early return when every prediction already has the right sign (y == (z > 0)): returns loss 0 and dz 0, although the cross-entropy of correctly classified logits is still positive and dz = (sigmoid(z) - y) / N is not 0
def bce_with_logits(z, y):
    """Mean binary cross-entropy from logits, stably; returns (loss, dz)."""
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    if np.all(y == (z > 0)):           # everything classified correctly: nothing to learn
        return 0.0, np.zeros_like(z)
    per_example = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(per_example)), (sigmoid(z) - y) / len(z)
