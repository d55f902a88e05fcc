# cell: linear_forward
# breaks: test_linear_backward
# (One cell holds linear_forward and linear_backward; each variant is the whole cell.)

# %% correct: linear_forward with np.dot and a dict cache; linear_backward with np.dot and np.sum
def linear_forward(x, W, b):
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    return np.dot(x, W) + b, {"x": x, "W": W}


def linear_backward(dout, cache):
    x, W = cache["x"], cache["W"]
    dx = np.dot(dout, W.T)
    dW = np.dot(x.T, dout)
    db = np.sum(dout, axis=0)
    return dx, dW, db

# %% correct: linear_forward without conversion (float32 stays float32), a list cache; linear_backward with einsum
def linear_forward(x, W, b):
    return x @ W + b, [x, W, b]


def linear_backward(dout, cache):
    x, W, b = cache
    dx = np.einsum("nm,dm->nd", dout, W)
    dW = np.einsum("nd,nm->dm", x, dout)
    db = np.einsum("nm->m", dout)
    return dx, dW, db

# %% correct: linear_forward adds b in place to a fresh product; linear_backward transposes the other way round and sums with a ones vector
def linear_forward(x, W, b):
    x = np.array(x, dtype=float)
    W = np.array(W, dtype=float)
    out = x @ W
    out += np.asarray(b, dtype=float)
    return out, (x, W)


def linear_backward(dout, cache):
    x, W = cache
    dout = np.asarray(dout, dtype=float)
    return (W @ dout.T).T, (dout.T @ x).T, np.ones(len(dout)) @ dout

# %% correct: linear_backward loops over the examples, accumulating outer products and rows
def linear_forward(x, W, b):
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))
    return x @ W + b, (x, W, b)


def linear_backward(dout, cache):
    x, W, _ = cache
    dout = np.asarray(dout, dtype=float)
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    db = np.zeros(W.shape[1])
    for n in range(len(x)):
        dx[n] = W @ dout[n]
        dW += np.outer(x[n], dout[n])
        db += dout[n]
    return dx, dW, db

# %% bug: linear_backward averages db over the batch instead of summing it
def linear_forward(x, W, b):
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))
    return x @ W + b, (x, W, b)


def linear_backward(dout, cache):
    x, W, _ = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ W.T, x.T @ dout, dout.mean(axis=0)

# %% bug: linear_backward divides dW by N (the loss has already averaged)
def linear_forward(x, W, b):
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))
    return x @ W + b, (x, W, b)


def linear_backward(dout, cache):
    x, W, _ = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ W.T, x.T @ dout / len(x), dout.sum(axis=0)

# %% bug: linear_backward sums the batch before the outer product, dW = outer(sum x, sum dout)
def linear_forward(x, W, b):
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))
    return x @ W + b, (x, W, b)


def linear_backward(dout, cache):
    x, W, _ = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ W.T, np.outer(x.sum(axis=0), dout.sum(axis=0)), dout.sum(axis=0)

# %% bug: linear_forward forgets the bias (out = x @ W)
# breaks: test_linear_forward
def linear_forward(x, W, b):
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))
    return x @ W, (x, W, b)


def linear_backward(dout, cache):
    x, W, _ = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)

# %% bug: linear_forward's parentheses slip, x @ (W + b), adds b to every row of W
# breaks: test_linear_forward
def linear_forward(x, W, b):
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))
    return x @ (W + b), (x, W, b)


def linear_backward(dout, cache):
    x, W, _ = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)

# %% bug: linear_forward's cache is a closure, which linear_backward calls (not plain data)
# breaks: test_linear_forward test_linear_backward
def linear_forward(x, W, b):
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))

    def backward(dout):
        dout = np.asarray(dout, dtype=float)
        return dout @ W.T, x.T @ dout, dout.sum(axis=0)

    return x @ W + b, backward


def linear_backward(dout, cache):
    return cache(dout)

# %% bug: np.squeeze on the output, so a batch of one row (or a single output unit) loses a dimension
# breaks: test_linear_forward
import numpy as np


def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    out = np.squeeze(x @ W + b)
    return out, (x, W, b)


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W, b = cache
    dout = dout.reshape(x.shape[0], W.shape[1])
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)

# %% correct: x @ W + b with cache (x, W, b); textbook transposes and a row sum
import numpy as np


def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    out = x @ W + b
    cache = (x, W, b)
    return out, cache


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W, b = cache
    dx = dout @ W.T
    dW = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dW, db

# %% bug: linear_forward allocates out with x's dtype, so an integer x truncates x @ W + b
# breaks: test_linear_forward
def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    N, M = x.shape[0], W.shape[1]
    out = np.zeros((N, M), dtype=x.dtype)
    for n in range(N):
        out[n] = x[n] @ W + b
    return out, (x, W)


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W = cache
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)

# %% bug: linear_backward squeezes db, so a single output unit (M = 1) gives shape () instead of (1,)
# breaks: test_linear_backward
def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    return x @ W + b, (x, W)


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W = cache
    dx = dout @ W.T
    dW = x.T @ dout
    db = np.squeeze(np.sum(dout, axis=0, keepdims=True))
    return dx, dW, db

# %% bug: defensive gradient clipping to [-10, 10] inside linear_backward "against exploding gradients": dW and dx are wrong as soon as an entry exceeds 10 (larger batches or inputs)
# breaks: test_linear_backward
CLIP = 10.0


def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    return x @ W + b, (x, W, b)


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W, b = cache
    dx = np.clip(dout @ W.T, -CLIP, CLIP)
    dW = np.clip(x.T @ dout, -CLIP, CLIP)
    db = np.clip(dout.sum(axis=0), -CLIP, CLIP)
    return dx, dW, db

# %% bug: the forward pass works in blocks of 8 rows but loops over range(n_full - 1) and starts the tail at n_full * 8, so the last full block is never multiplied (those rows are just b) whenever N >= 8
# breaks: test_linear_forward
def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    N = x.shape[0]
    out = np.zeros((N, W.shape[1]))
    block = 8
    n_full = N // block
    for k in range(n_full - 1):
        rows = slice(k * block, (k + 1) * block)
        out[rows] = x[rows] @ W
    if N % block:
        tail = slice(n_full * block, N)
        out[tail] = x[tail] @ W
    out += b
    return out, (x, W, b)


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W, b = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)

# %% bug: gradient buffers from np.zeros_like(x) / np.zeros_like(W) inherit an integer dtype, so for integer x or W the float gradients are silently truncated
# breaks: test_linear_backward
def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    return x @ W + b, (x, W)


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W = cache
    dx = np.zeros_like(x)
    dW = np.zeros_like(W)
    dx[...] = dout @ W.T
    dW[...] = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dW, db

# %% bug: also accepts PyTorch's nn.Linear layout W: (M, D) and prefers it whenever W.shape[1] == D, so for a square W the layer computes x @ W.T + b (visible test has D != M)
# breaks: test_linear_forward
def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    if W.shape[1] == x.shape[1]:      # torch layout (out_features, in_features)
        out = x @ W.T + b
    else:
        out = x @ W + b
    return out, (x, W)


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W = cache
    if W.shape[1] == x.shape[1]:
        dx = dout @ W
        dW = dout.T @ x
    else:
        dx = dout @ W.T
        dW = x.T @ dout
    return dx, dW, dout.sum(axis=0)

# %% bug: a special path for a batch of one row returns db = dout itself, of shape (1, M) instead of (M,)
# breaks: test_linear_backward
def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    return x @ W + np.asarray(b, dtype=float), (x, W)


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W = cache
    dout = np.asarray(dout, dtype=float)
    if len(x) == 1:
        # one example: no batch to sum over
        return dout @ W.T, np.outer(x, dout), dout
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)

# %% bug: the cache is a generator expression (v for v in (x, W)), which is not plain data (it cannot be pickled) and is exhausted after the first unpacking, so a second backward with the same cache raises ValueError
# breaks: test_linear_backward test_linear_forward
def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    return x @ W + b, (v for v in (x, W))


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W = cache
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)

# %% bug: early return "zero input, nothing to learn" when x is all zeros returns dx = 0 as well, but dx = dout @ W.T does not depend on x; breaks dx = dout W^T
def linear_forward(x, W, b):
    """An affine layer, out = x @ W + b; returns (out, cache)."""
    return x @ W + b, (x, W, b)


def linear_backward(dout, cache):
    """Gradients of the affine layer: (dx, dW, db)."""
    x, W, b = cache
    if not np.any(x):
        return np.zeros(x.shape), np.zeros(W.shape), dout.sum(axis=0)
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)
