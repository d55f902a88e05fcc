# cell: softmax_cross_entropy
# breaks: test_softmax_cross_entropy

# %% correct: log-sum-exp by np.logaddexp.reduce, one-hot rows from np.eye
def softmax_cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=float)
    y = np.asarray(y, dtype=int)
    log_probs = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
    onehot = np.eye(logits.shape[1])[y]
    n = len(logits)
    return float(-np.sum(log_probs * onehot) / n), (np.exp(log_probs) - onehot) / n

# %% correct: max shift, probabilities for the gradient and log-probabilities for the loss, a loop for the -1
def softmax_cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=float)
    n = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    sums = exp.sum(axis=1, keepdims=True)
    log_probs = shifted - np.log(sums)
    loss = -np.mean(log_probs[np.arange(n), y])
    grad = exp / sums
    for i, label in enumerate(y):
        grad[i, label] -= 1.0
    return loss, grad / n

# %% correct: shifts a copy in place, a boolean one-hot mask and np.where
def softmax_cross_entropy(logits, y):
    s = np.array(logits, dtype=float)
    s -= s.max(axis=1)[:, None]
    lse = np.log(np.exp(s).sum(axis=1))
    mask = np.arange(s.shape[1]) == np.asarray(y)[:, None]
    n = len(s)
    loss = np.sum(lse - s[mask]) / n
    p = np.exp(s - lse[:, None])
    return float(loss), np.where(mask, p - 1.0, p) / n

# %% bug: no max shift: exp overflows for large logits (inf / inf = nan)
def softmax_cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=float)
    n = len(logits)
    exp = np.exp(logits)
    probs = exp / exp.sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(probs[np.arange(n), y]))
    probs[np.arange(n), y] -= 1.0
    return float(loss), probs / n

# %% bug: shifts by the row maximum but takes the log of probabilities that round to 0
def softmax_cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=float)
    n = len(logits)
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = exp / exp.sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(probs[np.arange(n), y]))
    probs[np.arange(n), y] -= 1.0
    return float(loss), probs / n

# %% bug: dlogits[:, y] -= 1 subtracts 1 in every row for every label's column
def softmax_cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=float)
    n = len(logits)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    dlogits = np.exp(log_probs)
    dlogits[:, y] -= 1.0
    return float(-log_probs[np.arange(n), y].mean()), dlogits / n

# %% bug: dlogits is not divided by N
def softmax_cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=float)
    n = len(logits)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    dlogits = np.exp(log_probs)
    dlogits[np.arange(n), y] -= 1.0
    return float(-log_probs[np.arange(n), y].mean()), dlogits

# %% bug: shifts by the global maximum, not each row's: a row far below it underflows to log(0)
def softmax_cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=float)
    n = len(logits)
    shifted = logits - np.max(logits)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    dlogits = np.exp(log_probs)
    dlogits[np.arange(n), y] -= 1.0
    return float(-log_probs[np.arange(n), y].mean()), dlogits / n

# %% bug: shifts the caller's logits in place (np.asarray does not copy), right values
def softmax_cross_entropy(logits, y):
    logits = np.asarray(logits, dtype=float)
    n = len(logits)
    logits -= logits.max(axis=1, keepdims=True)
    log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    dlogits = np.exp(log_probs)
    dlogits[np.arange(n), y] -= 1.0
    return float(-log_probs[np.arange(n), y].mean()), dlogits / n

# %% bug: shifts each row by its mean instead of its max, which is stable only while a row's spread stays below about 1400 (a row like [800, -800] overflows)
# breaks: test_softmax_cross_entropy
import numpy as np


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits)."""
    N = logits.shape[0]
    shifted = logits - logits.mean(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.mean(log_probs[np.arange(N), y])
    dlogits = np.exp(log_probs)
    dlogits[np.arange(N), y] -= 1
    return float(loss), dlogits / N

# %% bug: dlogits made with np.zeros_like(logits): integer logits give a truncated integer gradient
# breaks: test_softmax_cross_entropy
def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits)."""
    logits = np.asarray(logits)
    n = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.mean(log_probs[np.arange(n), y])
    dlogits = np.zeros_like(logits)
    dlogits[:] = np.exp(log_probs)
    dlogits[np.arange(n), y] -= 1
    return loss, dlogits / n

# %% bug: over-engineered module-level workspace keyed by shape, returned as dlogits and overwritten by the next call with the same shape, so an earlier returned gradient silently changes -- violates "Return (loss, dlogits): the mean cross-entropy over the rows, and its gradient" (a returned dlogits must stay the gradient of its own call)
# breaks: test_softmax_cross_entropy
_WORKSPACE = {}


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits)."""
    logits = np.asarray(logits, dtype=float)
    N, C = logits.shape
    buf = _WORKSPACE.setdefault((N, C), np.empty((N, C)))
    np.subtract(logits, logits.max(axis=1, keepdims=True), out=buf)
    lse = np.log(np.exp(buf).sum(axis=1, keepdims=True))
    buf -= lse                                   # log-probabilities
    loss = -buf[np.arange(N), y].mean()
    np.exp(buf, out=buf)
    buf[np.arange(N), y] -= 1.0
    buf /= N
    return loss, buf

# %% bug: (b) boilerplate asserts y.dtype == np.int64, so legitimate integer labels of another integer dtype (int32, uint8, a list on some platforms) raise AssertionError
# breaks: test_softmax_cross_entropy
from typing import Tuple


def softmax_cross_entropy(logits: np.ndarray, y: np.ndarray) -> Tuple[float, np.ndarray]:
    """Mean softmax cross-entropy.

    Args:
        logits: (N, C) float64 scores.
        y: (N,) int64 labels.
    """
    assert isinstance(logits, np.ndarray) and logits.ndim == 2, "logits must be an (N, C) array"
    assert isinstance(y, np.ndarray) and y.dtype == np.int64, f"y must be an int64 array, got {getattr(y, 'dtype', type(y))}"
    assert y.shape == (logits.shape[0],), "y must have shape (N,)"
    N = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = float(-log_probs[np.arange(N), y].mean())
    dlogits = np.exp(log_probs)
    dlogits[np.arange(N), y] -= 1.0
    return loss, dlogits / N

# %% bug: only shifts when the largest logit exceeds 500 (the visible test has 1000 and 800), so very negative logits such as [[-800, -801]] underflow exp to 0 and give log(0), an infinite loss and nan gradients
# breaks: test_softmax_cross_entropy
def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits)."""
    s = np.asarray(logits, dtype=float)
    if np.max(s) > 500:
        s = s - s.max(axis=1, keepdims=True)
    n = len(s)
    with np.errstate(divide="ignore", invalid="ignore"):
        exps = np.exp(s)
        totals = exps.sum(axis=1, keepdims=True)
        log_probs = s - np.log(totals)
        probs = exps / totals
    rows = np.arange(n)
    loss = -np.mean(log_probs[rows, y])
    probs[rows, y] -= 1.0
    return float(loss), probs / n

# %% bug: memoises the one-hot matrix in a default-argument dict keyed by the label bytes only, so the same labels with a different number of classes reuse a one-hot of the wrong width
# breaks: test_softmax_cross_entropy
def softmax_cross_entropy(logits, y, _onehots={}):
    """Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits)."""
    logits = np.asarray(logits, dtype=float)
    y = np.asarray(y)
    key = y.tobytes()
    if key not in _onehots:
        _onehots[key] = np.eye(logits.shape[1])[y]
    onehot = _onehots[key]
    n = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.sum(onehot * log_probs) / n
    return float(loss), (np.exp(log_probs) - onehot) / n

# %% bug: a single-row batch is special-cased and dlogits comes back squeezed to shape (C,) instead of (1, C)
# breaks: test_softmax_cross_entropy
def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits)."""
    logits = np.asarray(logits, dtype=float)
    y = np.asarray(y)
    if logits.shape[0] == 1:
        row = logits[0] - logits[0].max()
        log_p = row - np.log(np.exp(row).sum())
        grad = np.exp(log_p)
        grad[int(y[0])] -= 1.0
        return float(-log_p[int(y[0])]), grad
    n = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    dlogits = np.exp(log_probs)
    dlogits[np.arange(n), y] -= 1.0
    return float(-np.mean(log_probs[np.arange(n), y])), dlogits / n

# %% bug: recursive log-sum-exp and softmax rows memoised with lru_cache on the row's tuple, and the cached probability array is then modified in place (p[y] -= 1), so any later row with the same logits (in this batch or a later call) gets a corrupted gradient
# breaks: test_softmax_cross_entropy
import functools


@functools.lru_cache(maxsize=None)
def _sce_logsumexp(row):
    if len(row) == 1:
        return row[0]
    return float(np.logaddexp(row[0], _sce_logsumexp(row[1:])))


@functools.lru_cache(maxsize=None)
def _sce_probs(row):
    return np.exp(np.array(row) - _sce_logsumexp(row))


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits)."""
    s = np.asarray(logits, dtype=float)
    n = s.shape[0]
    dlogits = np.empty_like(s)
    total = 0.0
    for i in range(n):
        key = tuple(s[i].tolist())
        label = int(y[i])
        p = _sce_probs(key)
        total += _sce_logsumexp(key) - s[i, label]
        p[label] -= 1.0                   # p - onehot(y)
        dlogits[i] = p / n
    return total / n, dlogits

# %% bug: log(1 + r), where r is the other classes' share after the shift, is cut to 0 when r < 5e-5 (first term of the series "negligible"); the loss of a confident correct row becomes exactly 0 instead of about r
# breaks: test_softmax_cross_entropy
def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits)."""
    s = np.asarray(logits, dtype=float)
    N = s.shape[0]
    shifted = s - s.max(axis=1, keepdims=True)
    exps = np.exp(shifted)
    totals = exps.sum(axis=1)
    rest = totals - 1.0
    log_norm = np.where(rest < 5e-5, 0.0, np.log1p(rest))
    rows = np.arange(N)
    loss = -np.mean(shifted[rows, y] - log_norm)
    dlogits = exps / totals[:, None]
    dlogits[rows, y] -= 1.0
    return loss, dlogits / N

# %% bug: exception swallower: divides exp(shifted) by its row sums without keepdims and only catches the ValueError that follows when N != C; for a square batch (N == C) the division silently broadcasts column-wise and dlogits is wrong
def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits)."""
    N = logits.shape[0]
    rows = np.arange(N)
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    s = e.sum(axis=1)
    loss = np.mean(np.log(s) - shifted[rows, y])
    try:
        probs = e / s
    except ValueError:            # shapes (N, C) and (N,) don't line up: add the axis
        probs = e / s[:, None]
    probs[rows, y] -= 1
    return float(loss), probs / N
