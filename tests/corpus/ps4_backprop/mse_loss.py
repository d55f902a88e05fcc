# cell: mse_loss
# breaks: test_mse_loss

# %% correct: the mean over rows of each row's squared error, halved
def mse_loss(pred, y):
    pred = np.asarray(pred, dtype=float)
    diff = pred - np.asarray(y, dtype=float)
    per_row = np.sum(diff.reshape(len(diff), -1) ** 2, axis=1)
    return float(np.mean(per_row) / 2), diff / len(diff)

# %% correct: in-place arithmetic on a copy, np.vdot for the sum of squares
def mse_loss(pred, y):
    d = np.array(pred, dtype=float)
    d -= y
    n = d.shape[0]
    loss = 0.5 * np.vdot(d, d) / n
    d /= n
    return loss, d

# %% correct: np.square and the shape's first entry, loss as np.float64
def mse_loss(pred, y):
    residual = np.subtract(pred, y, dtype=float)
    n = np.shape(residual)[0]
    return np.square(residual).sum() / (2.0 * n), residual * (1.0 / n)

# %% bug: without the 1/2 (loss = sum / N)
def mse_loss(pred, y):
    diff = np.asarray(pred, dtype=float) - np.asarray(y, dtype=float)
    n = len(diff)
    return float(np.sum(diff**2) / n), diff / n

# %% bug: divides by every element, N * K, not by the N rows
def mse_loss(pred, y):
    diff = np.asarray(pred, dtype=float) - np.asarray(y, dtype=float)
    return float(np.mean(diff**2) / 2), diff / diff.size

# %% bug: dpred is not divided by N
def mse_loss(pred, y):
    diff = np.asarray(pred, dtype=float) - np.asarray(y, dtype=float)
    n = len(diff)
    return float(np.sum(diff**2) / (2 * n)), diff

# %% bug: dpred is 2 (pred - y) / N, the gradient of the loss without its 1/2
def mse_loss(pred, y):
    diff = np.asarray(pred, dtype=float) - np.asarray(y, dtype=float)
    n = len(diff)
    return float(np.sum(diff**2) / (2 * n)), 2 * diff / n

# %% bug: subtracts y from the caller's pred in place (np.asarray does not copy), right values
def mse_loss(pred, y):
    diff = np.asarray(pred, dtype=float)
    diff -= np.asarray(y, dtype=float)
    n = len(diff)
    return float(np.sum(diff**2) / (2 * n)), diff / n

# %% bug: in-place division of pred - y by N: fails (casting error) for integer pred and y
# breaks: test_mse_loss
def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    n = len(pred)
    dpred = pred - y
    loss = np.sum(dpred ** 2) / (2 * n)
    dpred /= n
    return loss, dpred

# %% bug: (e) guards the loss with max(loss, 1e-12) "so it is never exactly zero", so a perfect prediction reports 1e-12 instead of 0
# breaks: test_mse_loss
def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    pred = np.asarray(pred, dtype=float)
    y = np.asarray(y, dtype=float)
    N = len(pred)
    diff = pred - y
    loss = max(float(np.sum(diff ** 2)) / (2 * N), 1e-12)
    return loss, diff / N

# %% bug: (e) clips the residual to [-1e3, 1e3] "to avoid overflow when squaring", which changes loss and gradient whenever an error exceeds 1000
# breaks: test_mse_loss
def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    diff = np.clip(np.asarray(pred, dtype=float) - np.asarray(y, dtype=float), -1e3, 1e3)
    N = diff.shape[0]
    return np.sum(diff * diff) / (2 * N), diff / N

# %% bug: (d) casts to float32 "for speed", so dpred comes back float32 and the loss loses precision
# breaks: test_mse_loss
def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    diff = np.asarray(pred, dtype=np.float32) - np.asarray(y, dtype=np.float32)
    n = np.float32(diff.shape[0])
    return float(np.sum(diff * diff) / (2 * n)), diff / n

# %% correct: mean over the batch axis, summed over outputs, halved; returns a namedtuple (still a 2-tuple that unpacks)
from collections import namedtuple

MSEResult = namedtuple("MSEResult", ["loss", "dpred"])


def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    pred = np.array(pred, dtype=float)
    y = np.array(y, dtype=float)
    gap = pred - y
    loss = 0.5 * np.sum(np.mean(gap ** 2, axis=0))
    return MSEResult(float(loss), gap / gap.shape[0])

# %% bug: np.vectorize takes its output dtype from the first call; the shortcut `0 if e == 0` returns an int when the first residual is zero, so every later square is truncated to an integer
# breaks: test_mse_loss
def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    diff = np.asarray(pred, dtype=float) - np.asarray(y, dtype=float)
    square = np.vectorize(lambda e: 0 if e == 0 else e * e)
    n = len(diff)
    loss = np.sum(square(diff)) / (2 * n)
    return float(loss), diff / n

# %% bug: reuses a module-level buffer per shape for dpred, so the gradient returned by one call is overwritten by the next call of the same shape
# breaks: test_mse_loss
_DPRED_BUFFERS = {}


def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    shape = np.shape(pred)
    buf = _DPRED_BUFFERS.get(shape)
    if buf is None:
        buf = _DPRED_BUFFERS[shape] = np.empty(shape, dtype=np.float64)
    np.subtract(pred, y, out=buf)
    n = shape[0]
    loss = float(np.sum(buf * buf)) / (2 * n)
    buf /= n
    return loss, buf

# %% bug: keeps a reusable gradient buffer as a class attribute (shared by all instances) and returns it, so the next call with the same shape overwrites the dpred a caller already holds
# breaks: test_mse_loss
class MSELoss:
    _buffer = None

    def __call__(self, pred, y):
        diff = np.asarray(pred, dtype=float) - np.asarray(y, dtype=float)
        N = diff.shape[0]
        if MSELoss._buffer is None or MSELoss._buffer.shape != diff.shape:
            MSELoss._buffer = np.empty_like(diff)
        np.divide(diff, N, out=MSELoss._buffer)
        return float(np.sum(diff ** 2)) / (2 * N), MSELoss._buffer


def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    return MSELoss()(pred, y)

# %% bug: 'robust' early return for a perfect prediction hands back a scalar 0.0 as dpred instead of zeros shaped like pred
# breaks: test_mse_loss
def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    pred = np.asarray(pred, dtype=float)
    y = np.asarray(y, dtype=float)
    if np.array_equal(pred, y):
        return 0.0, 0.0          # perfect fit: no loss, nothing to push back
    n = pred.shape[0]
    diff = pred - y
    return float(np.sum(diff * diff)) / (2 * n), diff / n

# %% bug: squeezes the residuals so that (N, 1) columns become vectors, which makes a single row (1, K) count K examples (and a single example of shape (1,) crash on len of a 0-d array)
# breaks: test_mse_loss
def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    diff = np.squeeze(np.asarray(pred, dtype=float) - np.asarray(y, dtype=float))
    N = len(diff)
    loss = np.dot(diff.ravel(), diff.ravel()) / (2 * N)
    dpred = diff.reshape(np.shape(pred)) / N
    return loss, dpred

# %% bug: dpred is estimated by central differences of the loss instead of the closed form; for large predictions the step h is lost in rounding and the estimate is far off
# breaks: test_mse_loss
def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    pred = np.asarray(pred, dtype=float)
    y = np.asarray(y, dtype=float)
    N = len(pred)

    def total(p):
        return np.sum((p - y) ** 2) / (2 * N)

    loss = total(pred)
    dpred = np.zeros_like(pred)
    h = 1e-6
    for idx in np.ndindex(pred.shape):
        step = np.zeros_like(pred)
        step[idx] = h
        dpred[idx] = (total(pred + step) - total(pred - step)) / (2 * h)
    return loss, dpred

# %% bug: exception swallower: copies pred and subtracts y in place, which raises for an integer pred with float y; the bare except returns (0.0, zeros) instead of the loss
def mse_loss(pred, y):
    """sum((pred - y)**2) / (2N) and its gradient (pred - y) / N."""
    try:
        diff = pred.copy()
        diff -= y
        N = len(diff)
        return float(np.sum(diff ** 2)) / (2 * N), diff / N
    except Exception:
        return 0.0, np.zeros_like(pred, dtype=float)
