# cell: twisted_bowl

# %% correct: twisted_bowl and twisted_bowl_grad through the Hessian [[1, c], [c, 1]]
def twisted_bowl(xy, c):
    xy = np.asarray(xy, dtype=float)
    h = np.array([[1.0, c], [c, 1.0]])
    return 0.5 * xy @ h @ xy


def twisted_bowl_grad(xy, c):
    h = np.array([[1.0, c], [c, 1.0]])
    return h @ np.asarray(xy, dtype=float)

# %% correct: twisted_bowl and twisted_bowl_grad with Python floats, the gradient from a list
def twisted_bowl(xy, c):
    x, y = float(xy[0]), float(xy[1])
    return 0.5 * (x * x + y * y) + c * x * y


def twisted_bowl_grad(xy, c):
    x, y = float(xy[0]), float(xy[1])
    return np.array([x + c * y, y + c * x])

# %% correct: twisted_bowl reuses bowl; twisted_bowl_grad adds the cross terms in place on a copy
def twisted_bowl(xy, c):
    return bowl(xy) + c * xy[0] * xy[1]


def twisted_bowl_grad(xy, c):
    g = np.array(xy, dtype=float)
    x, y = g
    g[0] += c * y
    g[1] += c * x
    return g

# %% bug: twisted_bowl forgets the factor 0.5 on the round part
# breaks: test_twisted_bowl
def twisted_bowl(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return x**2 + y**2 + c * x * y


def twisted_bowl_grad(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + c * y, y + c * x])

# %% bug: twisted_bowl halves the cross term too, 0.5 * (x**2 + y**2 + c x y)
# breaks: test_twisted_bowl
def twisted_bowl(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2 + c * x * y)


def twisted_bowl_grad(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + c * y, y + c * x])

# %% bug: twisted_bowl has a typo, c * x * x instead of c * x * y
# breaks: test_twisted_bowl
def twisted_bowl(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2) + c * x * x


def twisted_bowl_grad(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + c * y, y + c * x])

# %% bug: twisted_bowl_grad swaps the cross terms, [x + c x, y + c y]
# breaks: test_twisted_bowl_grad
def twisted_bowl(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2) + c * x * y


def twisted_bowl_grad(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + c * x, y + c * y])

# %% bug: twisted_bowl_grad doubles the cross term, [x + 2 c y, y + 2 c x]
# breaks: test_twisted_bowl_grad
def twisted_bowl(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2) + c * x * y


def twisted_bowl_grad(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + 2 * c * y, y + 2 * c * x])

# %% bug: twisted_bowl_grad writes into the caller's array (np.asarray does not copy)
# breaks: test_twisted_bowl_grad
def twisted_bowl(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2) + c * x * y


def twisted_bowl_grad(xy, c):
    g = np.asarray(xy, dtype=float)
    x, y = g[0], g[1]
    g[0] = x + c * y
    g[1] = y + c * x
    return g

# %% bug: twisted_bowl_grad calls xy.astype, which a list does not have
# breaks: test_twisted_bowl_grad
def twisted_bowl(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2) + c * x * y


def twisted_bowl_grad(xy, c):
    x, y = xy.astype(float)
    return np.array([x + c * y, y + c * x])

# %% bug: gradient array has no dtype, so an integer point and integer c give an integer gradient
# breaks: test_twisted_bowl_grad
import numpy as np


def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = xy
    return 0.5 * (x**2 + y**2) + c * x * y


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    x, y = xy
    return np.array([x + c * y, y + c * x])

# %% bug: gradient returned as a Python list rather than an array
# breaks: test_twisted_bowl_grad
import numpy as np


def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = xy
    return 0.5 * (x**2 + y**2) + c * x * y


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    x, y = xy
    return [x + c * y, y + c * x]

# %% bug: a shared helper builds H with the point's dtype, so for an integer point c = 0.5 is truncated to 0 in both the value and the gradient
# breaks: test_twisted_bowl test_twisted_bowl_grad
def _quadratic(xy, c):
    v = np.asarray(xy)
    H = np.array([[1, c], [c, 1]], dtype=v.dtype)
    return v, H


def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    v, H = _quadratic(xy, c)
    return 0.5 * float(v @ H @ v)


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    v, H = _quadratic(xy, c)
    return np.asarray(H @ v, dtype=float)

# %% bug: a memo of Hessians keyed on round(c, 3) reuses the matrix of a nearby c (0.5004 gets the H of 0.5), so the gradient is off for most random c
# breaks: test_twisted_bowl_grad
_HESSIANS = {}


def _hessian(c):
    key = round(float(c), 3)
    if key not in _HESSIANS:
        _HESSIANS[key] = np.array([[1.0, c], [c, 1.0]])
    return _HESSIANS[key]


def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x * x + y * y) + c * x * y


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    return _hessian(c) @ np.asarray(xy, dtype=float)

# %% bug: rounds the gradient to 12 decimals 'to clean up rounding noise', which changes tiny gradients (and sets those below 5e-13 to 0)
# breaks: test_twisted_bowl_grad
def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x * x + y * y) + c * x * y


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    return np.round(np.array([x + c * y, y + c * x]), 12)

# %% bug: the gradient is a central difference of twisted_bowl with a fixed h = 1e-5 (reusing the ps1 idea) instead of the formula; far from the origin rounding in f swamps it (relative error ~1e-3 at |xy| ~ 1e8)
# breaks: test_twisted_bowl_grad
def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x * x + y * y) + c * x * y


def twisted_bowl_grad(xy, c, h=1e-5):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    p = np.array(xy, dtype=float)
    g = np.zeros(2)
    for i in range(2):
        e = np.zeros(2)
        e[i] = h
        g[i] = (twisted_bowl(p + e, c) - twisted_bowl(p - e, c)) / (2 * h)
    return g

# %% correct: completing the square, 0.5 * ((x + c y)^2 + (1 - c^2) y^2), which expands to the same polynomial; plain Python floats throughout
def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = (float(v) for v in xy)
    c = float(c)
    return 0.5 * ((x + c * y) ** 2 + (1.0 - c * c) * y * y)


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    x, y = (float(v) for v in xy)
    return np.array([x + c * y, y + c * x], dtype=float)

# %% bug: keeps the Hessian in a default argument and only writes c into it when c is non-zero, so after a call with c = 2 a later call with c = 0 still uses 2
# breaks: test_twisted_bowl
def twisted_bowl(xy, c, _h=np.eye(2)):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    if c:
        _h[0, 1] = _h[1, 0] = c
    v = np.asarray(xy, dtype=float)
    return float(0.5 * v @ _h @ v)


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + c * y, y + c * x])

# %% bug: a shortcut branch for c == 0 returns the caller's xy itself (same object, and integer if the point was) instead of a new float gradient
# breaks: test_twisted_bowl_grad
def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = xy[0], xy[1]
    return 0.5 * (x * x + y * y) + c * x * y


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    if c == 0:
        return xy
    x, y = xy[0], xy[1]
    return np.array([x + c * y, y + c * x], dtype=float)

# %% bug: numerically naive student: the polar form 0.5 r^2 (1 + c sin 2theta) with theta = arctan(y / x) divides 0 by 0 at the origin and returns nan there (the minimum) instead of 0
# breaks: test_twisted_bowl
def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = np.asarray(xy, dtype=float)
    r2 = x ** 2 + y ** 2
    theta = np.arctan(y / x)
    return float(0.5 * r2 * (1 + c * np.sin(2 * theta)))


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + c * y, y + c * x])

# %% bug: twisted_bowl_grad returns the round bowl's gradient whenever x or y is 0 ("the cross term is zero there"), but the cross term's gradient c*[y, x] is not zero there (at (2, 0) it is [0, 2c])
# breaks: test_twisted_bowl_grad
def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = np.asarray(xy, dtype=float)
    if x == 0 or y == 0:
        return float(0.5 * (x * x + y * y))
    return float(0.5 * (x * x + y * y) + c * x * y)


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    if x == 0 or y == 0:
        return np.array([x, y])
    return np.array([x + c * y, y + c * x])

# %% bug: for |c| == 1 (the flat valley) the gradient is returned as np.full(2, x + c*y), which is right for c = 1 but for c = -1 gives [x - y, x - y] instead of [x - y, y - x]
# breaks: test_twisted_bowl_grad
def twisted_bowl(xy, c):
    """The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y."""
    x, y = np.asarray(xy, dtype=float)
    return float(0.5 * (x * x + y * y) + c * x * y)


def twisted_bowl_grad(xy, c):
    """The gradient of twisted_bowl at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    if abs(c) == 1:
        # flat valley: both components are the same combination
        return np.full(2, x + c * y)
    return np.array([x + c * y, y + c * x])
