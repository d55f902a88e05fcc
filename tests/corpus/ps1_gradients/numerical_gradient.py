# cell: numerical_gradient
# breaks: test_numerical_gradient

# %% correct: perturbs a float copy in place, saving and restoring each entry
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros(x.shape)
    for i in np.ndindex(*x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad

# %% correct: a flat loop over range(x.size) with reshapes
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=np.float64)
    flat = x.ravel().copy()
    grad = np.empty(flat.size)
    for k in range(flat.size):
        e = np.zeros(flat.size)
        e[k] = h
        grad[k] = 0.5 * (f((flat + e).reshape(x.shape)) - f((flat - e).reshape(x.shape))) / h
    return grad.reshape(x.shape)

# %% correct: the basis from np.eye, a list comprehension, float32 or list inputs welcome
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x).astype(np.float64)
    basis = h * np.eye(x.size).reshape((x.size,) + x.shape)
    diffs = [f(x + e) - f(x - e) for e in basis]
    return np.array(diffs).reshape(x.shape) / (2 * h)

# %% correct: np.nditer with multi_index on a copy
def numerical_gradient(f, x, h=1e-5):
    x = np.copy(x).astype(float)
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    while not it.finished:
        i = it.multi_index
        xp, xm = x.copy(), x.copy()
        xp[i] += h
        xm[i] -= h
        grad[i] = (f(xp) - f(xm)) / (2 * h)
        it.iternext()
    return grad

# %% bug: forward differences
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    fx = f(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - fx) / h
    return grad

# %% bug: divides by h instead of 2h
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / h
    return grad

# %% bug: never restores the entry, so the perturbation is left behind in the caller's array
def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        f_plus = f(x)
        x[i] -= 2 * h
        f_minus = f(x)
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad

# %% bug: loops over range(len(x)), which perturbs whole rows of a matrix
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in range(len(x)):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad

# %% bug: perturbs the caller's array and "restores" it by adding h back (rounding drift)
def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros_like(x, dtype=float)
    for i in np.ndindex(x.shape):
        x[i] += h
        f_plus = f(x)
        x[i] -= 2 * h
        f_minus = f(x)
        x[i] += h
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad

# %% bug: x.copy() keeps an integer dtype, so an integer x's perturbations are truncated to 0
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x).copy()
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad

# %% bug: returns grad.tolist() (nested Python lists) instead of a float ndarray
# breaks: test_numerical_gradient
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.array(x, dtype=float)
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        fp = f(x)
        x[idx] = old - h
        fm = f(x)
        x[idx] = old
        grad[idx] = (fp - fm) / (2 * h)
    return grad.tolist()

# %% bug: keeps the caller's floating dtype "to preserve precision": a float32 x is differenced in float32, where x + 1e-5 loses most digits
# breaks: test_numerical_gradient
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.asarray(x)
    dtype = x.dtype if np.issubdtype(x.dtype, np.floating) else float
    work = np.array(x, dtype=dtype)
    grad = np.zeros(work.shape, dtype=dtype)
    for idx in np.ndindex(work.shape):
        saved = work[idx]
        work[idx] = saved + h
        up = f(work)
        work[idx] = saved - h
        down = f(work)
        work[idx] = saved
        grad[idx] = (up - down) / (2 * h)
    return grad

# %% bug: scales the step to each coordinate's size, h * max(1, |x_i|), instead of using the given h
# breaks: test_numerical_gradient
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    work = np.array(x, dtype=float)
    grad = np.zeros(work.shape)
    for idx in np.ndindex(work.shape):
        saved = work[idx]
        step = h * max(1.0, abs(saved))
        work[idx] = saved + step
        up = f(work)
        work[idx] = saved - step
        down = f(work)
        work[idx] = saved
        grad[idx] = (up - down) / (2 * step)
    return grad

# %% bug: reuses one module-level output buffer per shape, so a later call overwrites the array returned by an earlier one
# breaks: test_numerical_gradient
_grad_buffers = {}


def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.array(x, dtype=float)
    grad = _grad_buffers.setdefault(x.shape, np.zeros(x.shape))
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        fp = f(x)
        x[idx] = old - h
        fm = f(x)
        x[idx] = old
        grad[idx] = (fp - fm) / (2 * h)
    return grad

# %% bug: MATLAB habit of treating every x as a vector via np.atleast_1d, so a 0-d (scalar) x gives a gradient of shape (1,)
# breaks: test_numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.atleast_1d(np.array(x, dtype=float))
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        keep = x[idx]
        x[idx] = keep + h
        fp = f(x)
        x[idx] = keep - h
        fm = f(x)
        x[idx] = keep
        grad[idx] = (fp - fm) / (2 * h)
    return grad

# %% bug: defensive "noise cleanup" sets every partial derivative smaller than 1e-10 in size to exactly 0, which wipes out the whole gradient of a legitimately small-scaled function (e.g. 1e-12 * sum(v**2))
# breaks: test_numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        fp = f(x)
        x[i] = old - h
        fm = f(x)
        x[i] = old
        g = (fp - fm) / (2 * h)
        grad[i] = 0.0 if abs(g) < 1e-10 else g  # below this it is round-off noise
    np.nan_to_num(grad, copy=False)  # and no nan/inf leaks out
    return grad

# %% correct: terse comprehension with the walrus operator; the perturbation for flat index k is np.where(index grid == k, h, 0) and the list is reshaped to x's shape
def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.array(x, dtype=float)
    idx = np.arange(x.size).reshape(x.shape)
    return np.array([(f(x + (e := np.where(idx == k, h, 0.0))) - f(x - e)) / (2 * h)
                     for k in range(x.size)], dtype=float).reshape(x.shape)

# %% bug: perturbs the caller's float array in place (np.asarray) and skips flat coordinates with `continue` before the restore, so any coordinate f does not depend on is left at x_i - h
# breaks: test_numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.asarray(x, dtype=float)
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = f(x)
        x[idx] = old - h
        f_minus = f(x)
        if f_plus == f_minus:      # f does not move along this axis: leave the 0
            continue
        grad[idx] = (f_plus - f_minus) / (2 * h)
        x[idx] = old
    return grad

# %% bug: squeezes the gradient when x has more than one axis "to give a clean vector", so a (3, 1) column x gets a (3,) gradient
# breaks: test_numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        fp = f(x)
        x[idx] = old - h
        fm = f(x)
        x[idx] = old
        g[idx] = (fp - fm) / (2 * h)
    if g.ndim > 1:
        g = g.squeeze()
    return g

# %% bug: randomness student: estimates only min(10, x.size) coordinates drawn with the global np.random.choice (CS231n-style spot check) and leaves the rest 0, so any x with more than 10 entries gets a mostly-zero, run-dependent result
def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    # a full check of a big weight matrix is slow: spot-check at most 10 entries
    picks = np.random.choice(x.size, size=min(10, x.size), replace=False)
    for k in picks:
        i = np.unravel_index(k, x.shape)
        old = x[i]
        x[i] = old + h
        fp = f(x)
        x[i] = old - h
        fm = f(x)
        x[i] = old
        grad[i] = (fp - fm) / (2 * h)
    return grad

# %% bug: copy-paste from a vector-only version: perturbs flat = x.reshape(-1), which is a view only for C-ordered arrays; np.array(x) keeps a transposed (Fortran-ordered) input's layout, so reshape returns a copy, f never sees the moves and the gradient is all zeros
def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.array(x, dtype=float)
    flat = x.reshape(-1)  # a flat view, so one loop covers any shape
    grad = np.zeros(flat.size)
    for k in range(flat.size):
        old = flat[k]
        flat[k] = old + h
        fp = f(x)
        flat[k] = old - h
        fm = f(x)
        flat[k] = old
        grad[k] = (fp - fm) / (2 * h)
    return grad.reshape(x.shape)

# %% bug: for x with 2 or more dimensions it recurses on the flattened x without passing h, so matrices always use the default h=1e-5 ("use the h you are given")
def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.array(x, dtype=float)
    if x.ndim > 1:
        # differentiate the flattened array, then fold the result back into x's shape
        flat = numerical_gradient(lambda v: f(v.reshape(x.shape)), x.ravel())
        return flat.reshape(x.shape)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = f(x)
        x[idx] = old - h
        f_minus = f(x)
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad

# %% bug: iterates over filter(lambda i: x[i] != 0, np.ndindex(x.shape)), skipping entries equal to 0 and leaving their gradient 0, though the partial derivative there need not be 0 (e.g. sum(v**2 + v) at 0 gives 1)
def numerical_gradient(f, x, h=1e-5):
    """Central differences of f along every coordinate of the array x (of any shape)."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    # zero entries (like the diagonal of the test matrix) contribute nothing: skip them
    for idx in filter(lambda i: x[i] != 0, np.ndindex(x.shape)):
        old = x[idx]
        x[idx] = old + h
        f_plus = f(x)
        x[idx] = old - h
        f_minus = f(x)
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
