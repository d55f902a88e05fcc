# cell: relu_forward
# breaks: test_relu_backward
# (One cell holds relu_forward and relu_backward; each variant is the whole cell.)

# %% correct: relu_forward caches the output; relu_backward masks with out > 0, the same mask
def relu_forward(x):
    out = np.maximum(np.asarray(x, dtype=float), 0.0)
    return out, out


def relu_backward(dout, cache):
    return np.where(cache > 0, dout, 0.0)

# %% correct: relu_forward multiplies by a boolean mask, cached in a dict; relu_backward multiplies dout by it
def relu_forward(x):
    x = np.array(x, dtype=float)
    mask = x > 0
    return x * mask, {"mask": mask}


def relu_backward(dout, cache):
    return np.asarray(dout, dtype=float) * cache["mask"]

# %% correct: relu_forward with np.clip and a list cache; relu_backward zeroes a copy of dout in place
def relu_forward(x):
    x = np.array(x, dtype=float)
    return np.clip(x, 0.0, None), [x]


def relu_backward(dout, cache):
    x = cache[0]
    dx = np.array(dout, dtype=float)
    dx[x <= 0] = 0.0
    return dx

# %% bug: relu_backward lets the gradient through where x == 0 (x >= 0 instead of x > 0)
def relu_forward(x):
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0), (x,)


def relu_backward(dout, cache):
    (x,) = cache
    return np.where(x >= 0, dout, 0.0)

# %% bug: relu_backward multiplies dout by the cached output instead of by the mask
def relu_forward(x):
    out = np.maximum(np.asarray(x, dtype=float), 0.0)
    return out, (out,)


def relu_backward(dout, cache):
    (out,) = cache
    return np.asarray(dout, dtype=float) * out

# %% bug: relu_backward applies the ReLU to the gradient, np.maximum(dout, 0)
def relu_forward(x):
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0), (x,)


def relu_backward(dout, cache):
    return np.maximum(np.asarray(dout, dtype=float), 0.0)

# %% bug: relu_backward zeroes the caller's dout in place and returns it (right values)
def relu_forward(x):
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0), (x,)


def relu_backward(dout, cache):
    (x,) = cache
    dx = np.asarray(dout, dtype=float)
    dx[x <= 0] = 0.0
    return dx

# %% bug: relu_forward keeps its mask in a global, and relu_backward reads it there instead of in the cache
_mask = None


def relu_forward(x):
    global _mask
    x = np.asarray(x, dtype=float)
    _mask = x > 0
    return np.where(_mask, x, 0.0), None


def relu_backward(dout, cache):
    return np.where(_mask, dout, 0.0)

# %% bug: relu_forward is leaky (0.01 x for x < 0)
# breaks: test_relu_forward
def relu_forward(x):
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, 0.01 * x), (x,)


def relu_backward(dout, cache):
    (x,) = cache
    return np.where(x > 0, np.asarray(dout, dtype=float), 0.0)

# %% bug: relu_forward uses np.minimum instead of np.maximum
# breaks: test_relu_forward
def relu_forward(x):
    x = np.asarray(x, dtype=float)
    return np.minimum(x, 0.0), (x,)


def relu_backward(dout, cache):
    (x,) = cache
    return np.where(x > 0, np.asarray(dout, dtype=float), 0.0)

# %% bug: relu_forward zeroes the negatives of the caller's x in place (np.asarray does not copy)
# breaks: test_relu_forward
def relu_forward(x):
    x = np.asarray(x, dtype=float)
    x[x < 0] = 0.0
    return x, (x,)


def relu_backward(dout, cache):
    (x,) = cache
    return np.where(x > 0, np.asarray(dout, dtype=float), 0.0)

# %% bug: relu_backward masks with x > 1e-6, blocking the gradient at tiny positive inputs
# breaks: test_relu_backward
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    return np.maximum(x, 0.0), x


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    x = cache
    return np.where(x > 1e-6, dout, 0.0)

# %% bug: dx = np.zeros_like(x) takes x's dtype, so for an integer input x the float gradients are truncated to integers (dout 0.7 becomes 0)
# breaks: test_relu_backward
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    x = np.asarray(x)
    return np.maximum(x, 0), x


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    x = cache
    dx = np.zeros_like(x)
    mask = x > 0
    dx[mask] = dout[mask]
    return dx

# %% bug: generaliser writes it for the notebook's 2-D batches with nested list comprehensions over rows: a 1-D or 3-D x raises, and an all-negative x gives an integer array
# breaks: test_relu_backward test_relu_forward
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    out = np.array([[max(v, 0) for v in row] for row in x])
    mask = np.array([[v > 0 for v in row] for row in x])
    return out, mask


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    return np.array([[d if m else 0.0 for d, m in zip(drow, mrow)] for drow, mrow in zip(dout, cache)])

# %% bug: Keras Flatten habit: reshapes x to (len(x), -1) "batches are rows", so a 1-D input comes back as (D, 1) and a 3-D input flattened, and dx has the same wrong shape
# breaks: test_relu_forward test_relu_backward
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    flat = x.reshape(len(x), -1)
    return np.maximum(flat, 0.0), flat


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    flat = cache
    dout = np.asarray(dout, dtype=float).reshape(flat.shape)
    return np.where(flat > 0, dout, 0.0)

# %% bug: backward written as np.einsum("ij,ij->ij", dout, mask), whose subscripts only fit 2-D arrays, so a 1-D or 3-D input raises
# breaks: test_relu_backward
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0), (x > 0).astype(float)


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    mask = cache
    return np.einsum("ij,ij->ij", np.asarray(dout, dtype=float), mask)

# %% bug: implements ReLU6 (min(max(x, 0), 6), the MobileNet / tf.nn.relu6 variant), so inputs above 6 are capped and get zero gradient
# breaks: test_relu_forward
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    return np.clip(x, 0.0, 6.0), x


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    x = cache
    return np.where((x > 0) & (x < 6.0), dout, 0.0)

# %% bug: a shortcut for single-element inputs returns Python floats from max(), so relu_forward(np.array([[3.0]])) gives out of shape () instead of (1, 1), and dx likewise
# breaks: test_relu_forward
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    if x.size == 1:
        v = x.item()
        return max(v, 0.0), v > 0
    return np.maximum(x, 0.0), x > 0


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    if np.ndim(cache) == 0:
        return np.asarray(dout, dtype=float).item() if cache else 0.0
    return np.where(cache, np.asarray(dout, dtype=float), 0.0)

# %% bug: sanitiser with a gradient-clipping habit: dx is clipped to [-5, 5] "to keep gradients bounded", so any passed-through |dout| > 5 is wrong --
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    return np.maximum(x, 0.0), x > 0


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    dx = np.where(cache, dout, 0.0)
    return np.clip(dx, -5.0, 5.0)

# %% bug: exception swallower returning the input: relu_forward works row by row and, when iterating fails (a 0-d array: "iteration over a 0-d array" TypeError), returns x itself as the output, so relu_forward(np.array(-2.0)) gives -2.0 instead of 0.0 --
# breaks: test_relu_forward
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    try:
        out = np.array([np.maximum(row, 0.0) for row in x], dtype=float).reshape(np.shape(x))
    except TypeError:
        out = x          # nothing to iterate over: leave it as it is
    return out, np.asarray(x) > 0


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    return np.where(cache, dout, 0.0)

# %% bug: early return "nothing to clip" when min(x) >= 0 caches None, and the backward pass then passes dout through everywhere, including where x == 0 (an empty x even raises ValueError in np.min); breaks "0 where x <= 0 (at exactly 0 too)"
def relu_forward(x):
    """max(x, 0) elementwise; returns (out, cache)."""
    if np.min(x) >= 0:                   # all inputs already non-negative
        return np.array(x, dtype=float), None
    return np.maximum(x, 0.0), x > 0


def relu_backward(dout, cache):
    """dout where the input was positive, 0 where it was <= 0."""
    if cache is None:                    # forward clipped nothing: identity
        return np.array(dout, dtype=float)
    return np.where(cache, dout, 0.0)
