# cell: himmelblau

# %% correct: himmelblau and himmelblau_grad on Python floats
def himmelblau(xy):
    x, y = float(xy[0]), float(xy[1])
    a = x * x + y - 11
    b = x + y * y - 7
    return a * a + b * b


def himmelblau_grad(xy):
    x, y = float(xy[0]), float(xy[1])
    a = x * x + y - 11
    b = x + y * y - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])

# %% correct: himmelblau with np.square, himmelblau_grad expanded into polynomials and stacked
def himmelblau(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.square(x**2 + y - 11) + np.square(x + y**2 - 7)


def himmelblau_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.stack([4 * x**3 + 4 * x * y - 42 * x + 2 * y**2 - 14,
                     4 * y**3 + 4 * x * y - 26 * y + 2 * x**2 - 22])

# %% correct: himmelblau by indexing, himmelblau_grad filled in place into a new array
def himmelblau(xy):
    return (xy[0] ** 2 + xy[1] - 11) ** 2 + (xy[0] + xy[1] ** 2 - 7) ** 2


def himmelblau_grad(xy):
    x, y = np.array(xy, dtype=np.float64)
    g = np.zeros(2)
    g[0] += 4 * x * (x**2 + y - 11)
    g[0] += 2 * (x + y**2 - 7)
    g[1] += 2 * (x**2 + y - 11)
    g[1] += 4 * y * (x + y**2 - 7)
    return g

# %% bug: himmelblau forgets the square on y in the second term
# breaks: test_himmelblau
def himmelblau(xy):
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y - 11) ** 2 + (x + y - 7) ** 2


def himmelblau_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    a, b = x**2 + y - 11, x + y**2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])

# %% bug: himmelblau squares the sum of the two terms
# breaks: test_himmelblau
def himmelblau(xy):
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y - 11 + x + y**2 - 7) ** 2


def himmelblau_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    a, b = x**2 + y - 11, x + y**2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])

# %% bug: himmelblau with the constants 11 and 7 swapped
# breaks: test_himmelblau
def himmelblau(xy):
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y - 7) ** 2 + (x + y**2 - 11) ** 2


def himmelblau_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    a, b = x**2 + y - 11, x + y**2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])

# %% bug: himmelblau_grad loses a factor 2 of the chain rule (2x a instead of 4x a)
# breaks: test_himmelblau_grad
def himmelblau(xy):
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def himmelblau_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    a, b = x**2 + y - 11, x + y**2 - 7
    return np.array([2 * x * a + 2 * b, 2 * a + 2 * y * b])

# %% bug: himmelblau_grad with its components swapped
# breaks: test_himmelblau_grad
def himmelblau(xy):
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def himmelblau_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    a, b = x**2 + y - 11, x + y**2 - 7
    return np.array([2 * a + 4 * y * b, 4 * x * a + 2 * b])

# %% bug: himmelblau_grad writes the gradient into the caller's array
# breaks: test_himmelblau_grad
def himmelblau(xy):
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def himmelblau_grad(xy):
    g = np.asarray(xy, dtype=float)
    x, y = float(g[0]), float(g[1])
    a, b = x**2 + y - 11, x + y**2 - 7
    g[0] = 4 * x * a + 2 * b
    g[1] = 2 * a + 4 * y * b
    return g

# %% bug: himmelblau_grad calls xy.astype, which a list does not have
# breaks: test_himmelblau_grad
def himmelblau(xy):
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def himmelblau_grad(xy):
    x, y = xy.astype(float)
    a, b = x**2 + y - 11, x + y**2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])

# %% bug: gradient array has no float dtype, so an integer point gives an integer gradient
# breaks: test_himmelblau_grad
import numpy as np


def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = xy
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    x, y = xy
    a = x**2 + y - 11
    b = x + y**2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])

# %% bug: gradient returned as a tuple instead of an array
# breaks: test_himmelblau_grad
import numpy as np


def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = xy
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    x, y = xy
    a = x**2 + y - 11
    b = x + y**2 - 7
    return (4 * x * a + 2 * b, 2 * a + 4 * y * b)

# %% correct: names the two residuals a, b and applies the chain rule through them
import numpy as np


def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = xy
    a = x**2 + y - 11
    b = x + y**2 - 7
    return a**2 + b**2


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    x, y = xy
    a = x**2 + y - 11
    b = x + y**2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b], dtype=float)

# %% bug: defensive gradient-norm clipping at 1000 (the diagnosis table's "clip gradients"), wrong wherever |grad| > 1000, e.g. at (6, 6)
# breaks: test_himmelblau_grad
def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = np.asarray(xy, dtype=float)
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    a, b = x ** 2 + y - 11, x + y ** 2 - 7
    g = np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])
    norm = np.linalg.norm(g)
    if norm > 1e3:
        g *= 1e3 / norm            # keep steps bounded far from the minima
    return g

# %% bug: float32 output buffer "for speed": the gradient is a float32 array rounded to ~7 digits
# breaks: test_himmelblau_grad
def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = xy[0], xy[1]
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    out = np.empty(2, dtype=np.float32)
    x, y = xy[0], xy[1]
    a = x * x + y - 11
    b = x + y * y - 7
    out[0] = 4 * x * a + 2 * b
    out[1] = 2 * a + 4 * y * b
    return out

# %% bug: gradients are memoised under the point rounded to 6 decimals, so two points closer than 1e-6 (late descent steps, finite-difference checks) share one gradient
# breaks: test_himmelblau_grad
_GRAD_MEMO = {}


def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = np.asarray(xy, dtype=float)
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    key = tuple(np.round(np.asarray(xy, dtype=float), 6))
    if key not in _GRAD_MEMO:
        x, y = np.asarray(xy, dtype=float)
        a, b = x * x + y - 11, x + y * y - 7
        _GRAD_MEMO[key] = (4 * x * a + 2 * b, 2 * a + 4 * y * b)
    return np.array(_GRAD_MEMO[key])

# %% bug: "at a minimum the gradient is zero" shortcut: whenever f < 1e-12 the gradient is returned as exactly zero, although near a minimum it is still of order 1e-6
# breaks: test_himmelblau_grad
def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = np.asarray(xy, dtype=float)
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    if himmelblau(xy) < 1e-12:
        return np.zeros(2)  # at one of the four minima
    x, y = np.asarray(xy, dtype=float)
    a = x * x + y - 11
    b = x + y * y - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])

# %% correct: complex-step differentiation of a private copy of the polynomial (step 1e-20 along the imaginary axis, no subtraction so no cancellation), accurate to rounding
def _himmelblau_c(x, y):
    a = x * x + y - 11
    b = x + y * y - 7
    return a * a + b * b


def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = np.asarray(xy, dtype=float)
    return _himmelblau_c(x, y)


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    h = 1e-20
    x, y = (float(v) for v in np.asarray(xy, dtype=float))
    return np.array([
        _himmelblau_c(complex(x, h), y).imag / h,
        _himmelblau_c(x, complex(y, h)).imag / h,
    ])

# %% bug: squares the coordinates in place in a "float view" of the input (np.asarray does not copy a float array), so every call squares the caller's point
# breaks: test_himmelblau
def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = xy[0], xy[1]
    sq = np.asarray(xy, dtype=float)
    sq **= 2
    return float((sq[0] + y - 11) ** 2 + (x + sq[1] - 7) ** 2)


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    x, y = np.array(xy, dtype=float)
    a, b = x * x + y - 11, x + y * y - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])

# %% bug: sanitiser: gradient components below 1e-6 in size are snapped to exactly 0 "so descent stops cleanly at a minimum", so very near a minimum (e.g. at (3 + 1e-8, 2), true gradient about [7.4e-7, 2e-7]) the returned gradient is exactly 0
# breaks: test_himmelblau_grad
def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = xy[0], xy[1]
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    x, y = xy[0], xy[1]
    a = x ** 2 + y - 11
    b = x + y ** 2 - 7
    g = np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b], dtype=float)
    g[np.abs(g) < 1e-6] = 0.0
    return g

# %% bug: sanitiser: the value is capped at 1000 with min(..., 1000.0) "so the contour plot keeps its detail", so far from the minima (e.g. himmelblau(6, 6) = 2186) it returns 1000
# breaks: test_himmelblau
def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = xy[0], xy[1]
    value = (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2
    return min(value, 1000.0)


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    x, y = xy[0], xy[1]
    a = x ** 2 + y - 11
    b = x + y ** 2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b], dtype=float)

# %% bug: a 1e-12 is added to the sum of squares ("keeps log-scale contour plots away from log(0)"), so the four minima have f = 1e-12 instead of 0 and every value is shifted
# breaks: test_himmelblau
def himmelblau(xy):
    """Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2."""
    x, y = np.asarray(xy, dtype=float)
    return float((x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2 + 1e-12)


def himmelblau_grad(xy):
    """The gradient of himmelblau at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    a = x ** 2 + y - 11
    b = x + y ** 2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])
