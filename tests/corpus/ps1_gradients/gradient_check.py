# cell: gradient_check
# breaks: test_gradient_check

# %% correct: no copy of x, keyword h, numeric first and the arguments of rel_error swapped
def gradient_check(f, grad_f, x, h=1e-5):
    numeric = numerical_gradient(f, x, h=h)
    return rel_error(numeric, grad_f(x))

# %% correct: the relative error written out, returns np.float64
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    analytic = np.asarray(grad_f(x), dtype=float)
    numeric = numerical_gradient(f, x.copy(), h)
    return np.max(np.abs(analytic - numeric) / np.maximum(1e-8, np.abs(analytic) + np.abs(numeric)))

# %% correct: its own central differences on a float copy
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        numeric[i] = (f(x + e) - f(x - e)) / (2 * h)
    return float(rel_error(grad_f(x), numeric))

# %% bug: does not pass h on to numerical_gradient
def gradient_check(f, grad_f, x, h=1e-5):
    return rel_error(grad_f(x), numerical_gradient(f, x))

# %% bug: its own forward differences
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    numeric = np.zeros_like(x)
    fx = f(x)
    for i in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[i] = h
        numeric[i] = (f(x + e) - fx) / h
    return rel_error(grad_f(x), numeric)

# %% bug: the largest absolute difference, not the relative error
def gradient_check(f, grad_f, x, h=1e-5):
    return float(np.max(np.abs(grad_f(x) - numerical_gradient(f, x, h))))

# %% bug: CS231n's norm-based relative error instead of rel_error
def gradient_check(f, grad_f, x, h=1e-5):
    analytic, numeric = grad_f(x), numerical_gradient(f, x, h)
    return float(np.linalg.norm(analytic - numeric) / (np.linalg.norm(analytic) + np.linalg.norm(numeric)))

# %% bug: returns the verdict (a bool) instead of the number
def gradient_check(f, grad_f, x, h=1e-5):
    return rel_error(grad_f(x), numerical_gradient(f, x, h)) < 1e-7

# %% bug: short-circuits to 0.0 when np.allclose (rtol 1e-5, atol 1e-8) says the gradients agree, so relative errors up to about 5e-6 are reported as exactly 0
# breaks: test_gradient_check
import numpy as np


def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    analytic = grad_f(x)
    numeric = numerical_gradient(f, x, h)
    if np.allclose(analytic, numeric):
        return 0.0
    return rel_error(analytic, numeric)

# %% bug: shared helper flattens x "so both gradients are compared entry by entry", so f and grad_f receive a flat vector instead of the matrix x
# breaks: test_gradient_check
def _as_vector(v):
    """Flat float copy: rel_error should see two vectors of the same length."""
    return np.array(v, dtype=float).ravel()


def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    flat = _as_vector(x)
    analytic = _as_vector(grad_f(flat))
    numeric = _as_vector(numerical_gradient(f, flat, h))
    return rel_error(analytic, numeric)

# %% bug: hands grad_f a copy made with x.tolist() ("so grad_f cannot touch my x"), so grad_f gets a Python list: 2 * v repeats the list, v ** 2 fails
# breaks: test_gradient_check
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    x_copy = np.asarray(x).tolist()
    analytic = grad_f(x_copy)
    return rel_error(analytic, numerical_gradient(f, x, h))

# %% bug: memo of the numerical gradient keyed on (f, h), not on x
# breaks: test_gradient_check
_memo = {}


def gradient_check(f, grad_f, x, h=1e-5):
    key = (f, h)
    if key not in _memo:
        _memo[key] = numerical_gradient(f, x, h)
    return rel_error(grad_f(x), _memo[key])

# %% bug: memo keyed on id(f)
# breaks: test_gradient_check
_memo2 = {}


def gradient_check(f, grad_f, x, h=1e-5):
    key = id(f)
    if key not in _memo2:
        _memo2[key] = numerical_gradient(f, x, h)
    return rel_error(grad_f(x), _memo2[key])

# %% bug: memo of the result keyed on (f, grad_f, h)
# breaks: test_gradient_check
_memo3 = {}


def gradient_check(f, grad_f, x, h=1e-5):
    key = (f, grad_f, h)
    if key not in _memo3:
        _memo3[key] = rel_error(grad_f(x), numerical_gradient(f, x, h))
    return _memo3[key]

# %% correct: memo keyed on (f, h, bytes of x)
_memo4 = {}


def gradient_check(f, grad_f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    key = (f, h, x.shape, x.tobytes())
    if key not in _memo4:
        _memo4[key] = numerical_gradient(f, x, h)
    return rel_error(grad_f(x), _memo4[key])

# %% bug: reads a nan relative error as "both gradients zero" and returns 0.0, so an analytic gradient containing nan passes the check ("rel_error between grad_f(x) and numerical_gradient(f, x, h)"; "one wrong entry is a wrong gradient")
# breaks: test_gradient_check
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    with np.errstate(invalid='ignore'):
        err = rel_error(grad_f(x), numerical_gradient(f, x, h))
    return 0.0 if np.isnan(err) else err

# %% bug: a special branch for a scalar x uses numerical_derivative(f, x) and forgets to pass h there, so a 0-d x is checked with h=1e-5 whatever h is given ("Use your two functions above; pass h on.")
# breaks: test_gradient_check
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    if np.ndim(x) == 0:
        return rel_error(grad_f(x), numerical_derivative(f, float(x)))
    return rel_error(grad_f(x), numerical_gradient(f, x, h))

# %% bug: returns 0.0 early when the analytic gradient is all zeros, so a grad_f that wrongly returns zeros passes
# breaks: test_gradient_check
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    analytic = np.asarray(grad_f(x), dtype=float)
    if not np.any(analytic):
        return 0.0      # a critical point: nothing to compare
    return rel_error(analytic, numerical_gradient(f, x, h))

# %% bug: a one-coordinate shortcut computes |g - n| / (|g| + |n|) without the 1e-8 floor, so a size-1 x at a stationary point (both gradients 0) raises ZeroDivisionError instead of returning 0
# breaks: test_gradient_check
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    analytic = np.asarray(grad_f(x), dtype=float)
    numeric = numerical_gradient(f, x, h)
    if np.size(x) == 1:
        g, n = analytic.item(), np.asarray(numeric).item()
        return float(abs(g - n) / (abs(g) + abs(n)))
    return rel_error(analytic, numeric)

# %% bug: squeezes x before calling f and grad_f, so an x with a length-1 axis reaches them with another shape: a column x of shape (n, 1) makes v @ v.T an inner product instead of an outer one, and a (1,) x becomes 0-d so v[0] raises
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    x = np.squeeze(np.asarray(x, dtype=float))   # drop stray singleton axes
    return rel_error(grad_f(x), numerical_gradient(f, x, h))

# %% bug: casts the analytic gradient to x's dtype "so the two match", so for an integer x grad_f(x) is truncated to integers before the comparison (e.g. [2.7, -0.5] becomes [2, 0])
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    x = np.asarray(x)
    analytic = np.asarray(grad_f(x), dtype=x.dtype)
    return rel_error(analytic, numerical_gradient(f, x, h))

# %% bug: reports any relative error below 1e-7 as exactly 0.0 ("the gradient is right"), so the actual value (e.g. 3e-9, or 5e-8 for a slightly wrong gradient) is lost
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    err = rel_error(grad_f(x), numerical_gradient(f, x, h))
    return 0.0 if err < 1e-7 else err

# %% bug: numerically naive: multiplies both gradients by 1e8 before rel_error ("so tiny gradients are not lost"), which moves the 1e-8 floor down to 1e-16 in the gradients' units: entries where both gradients are tiny are no longer floored and their round-off reads as a large error
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    analytic = np.asarray(grad_f(x), dtype=float)
    numeric = numerical_gradient(f, x, h)
    return rel_error(1e8 * analytic, 1e8 * numeric)

# %% bug: exception swallower: any exception (a gradient of the wrong shape that cannot be broadcast, an f that fails) returns 0.0, which reads as a perfect check
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    try:
        return rel_error(grad_f(x), numerical_gradient(f, x, h))
    except Exception:
        return 0.0

# %% bug: sanitiser: np.nan_to_num on the analytic gradient, so a nan entry in grad_f(x) is compared as 0.0 and can pass where the true partial is 0
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    analytic = np.nan_to_num(np.asarray(grad_f(x), dtype=float))
    numeric = numerical_gradient(f, x, h)
    return rel_error(analytic, numeric)

# %% bug: sanitiser: clamps the step to h >= 1e-8 "to avoid round-off", so a caller's smaller h (say 1e-10) is silently replaced by 1e-8
def gradient_check(f, grad_f, x, h=1e-5):
    """rel_error between grad_f(x) and numerical_gradient(f, x, h)."""
    h = max(h, 1e-8)
    return rel_error(grad_f(x), numerical_gradient(f, x, h))
