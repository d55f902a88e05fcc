# cell: sin_cos
# breaks: test_sin_cos

# %% correct: sin_cos by indexing, returns np.float64; sin_cos_grad with np.stack
def sin_cos(xy):
    return np.sin(xy[0]) + np.cos(xy[1])


def sin_cos_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.stack([np.cos(x), -np.sin(y)])

# %% correct: sin_cos with the math module for a point and numpy for a stack; sin_cos_grad from Python floats
import math


def sin_cos(xy):
    x, y = xy
    if np.ndim(x) == 0:
        return math.sin(x) + math.cos(y)
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    x, y = float(xy[0]), float(xy[1])
    return np.array([math.cos(x), -math.sin(y)])

# %% correct: sin_cos writes cos y as sin(y + pi/2); sin_cos_grad fills a float copy in place
def sin_cos(xy):
    xy = np.asarray(xy)
    return np.add(np.sin(xy[0]), np.sin(xy[1] + np.pi / 2))


def sin_cos_grad(xy):
    g = np.array(xy, dtype=float)
    g[0] = np.cos(g[0])
    g[1] = -np.sin(g[1])
    return g

# %% correct: sin_cos on a tuple of coordinates; sin_cos_grad keeps float32 as float32
def sin_cos(xy):
    x, y = tuple(xy)
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    xy = np.asarray(xy)
    return np.array([np.cos(xy[0]), np.negative(np.sin(xy[1]))])

# %% bug: sin_cos with sin and cos swapped (cos x + sin y)
# breaks: test_sin_cos
def sin_cos(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.cos(x) + np.sin(y)


def sin_cos_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), -np.sin(y)])

# %% bug: sin_cos_grad has the sign of df/dy flipped (+sin y)
# breaks: test_sin_cos_grad
def sin_cos(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), np.sin(y)])

# %% bug: sin_cos works for a point only (float() of a stack fails)
# breaks: test_sin_cos
def sin_cos(xy):
    return float(np.sin(xy[0]) + np.cos(xy[1]))


def sin_cos_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), -np.sin(y)])

# %% bug: sin_cos_grad with its components swapped ([-sin y, cos x])
# breaks: test_sin_cos_grad
def sin_cos(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([-np.sin(y), np.cos(x)])

# %% bug: sin_cos unpacks along the last axis (xy[..., 0]), wrong for a stack
# breaks: test_sin_cos
def sin_cos(xy):
    xy = np.asarray(xy, dtype=float)
    return np.sin(xy[..., 0]) + np.cos(xy[..., 1])


def sin_cos_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), -np.sin(y)])

# %% bug: sin_cos_grad overwrites the caller's array with the gradient
# breaks: test_sin_cos_grad
def sin_cos(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    xy = np.asarray(xy)
    xy[0], xy[1] = np.cos(xy[0]), -np.sin(xy[1])
    return xy

# %% bug: sin_cos subtracts (sin x - cos y)
# breaks: test_sin_cos
def sin_cos(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.sin(x) - np.cos(y)


def sin_cos_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), -np.sin(y)])

# %% bug: sin_cos_grad differentiates sin x + cos x (uses x twice: [cos x, -sin x])
# breaks: test_sin_cos_grad
def sin_cos(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), -np.sin(x)])

# %% bug: sin_cos_grad returns a plain Python list [cos x, -sin y] instead of a float array
# breaks: test_sin_cos_grad
import numpy as np


def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    x, y = xy
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    x, y = xy
    return [np.cos(x), -np.sin(y)]

# %% bug: sin_cos_grad allocates np.zeros_like(xy), so an integer point gives an integer (truncated) gradient
# breaks: test_sin_cos_grad
import numpy as np


def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    x, y = xy
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    g = np.zeros_like(xy)
    g[0] = np.cos(xy[0])
    g[1] = -np.sin(xy[1])
    return g

# %% correct: converts xy with np.asarray and indexes xy[0], xy[1]; returns a Python float for a point; gradient filled into np.empty(2)
import numpy as np


def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    xy = np.asarray(xy, dtype=float)
    z = np.sin(xy[0]) + np.cos(xy[1])
    if np.ndim(z) == 0:
        return float(z)
    return z


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    g = np.empty(2)
    g[0] = np.cos(x)
    g[1] = -np.sin(y)
    return g

# %% bug: sin_cos turns any one-element result into a float, so a (2, 1) or (2, 1, 1) stack loses its shape
# breaks: test_sin_cos
import numpy as np


def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    x, y = np.asarray(xy, dtype=float)
    z = np.sin(x) + np.cos(y)
    if np.size(z) == 1:
        return float(np.ravel(z)[0])
    return z


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), -np.sin(y)])

# %% bug: slides store samples as rows, so an input of shape (n, 2) is read as n points and transposed; a (2, 2) meshgrid stack is then read the wrong way round (notebook: "a stack of two coordinate grids of shape (2, ...) ... Unpacking x, y = xy works for both")
# breaks: test_sin_cos
def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    xy = np.asarray(xy, dtype=float)
    if xy.ndim == 2 and xy.shape[1] == 2:   # one point per row, as on the slides
        xy = xy.T
    x, y = xy
    out = np.sin(x) + np.cos(y)
    return float(out) if out.ndim == 0 else out


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), -np.sin(y)])

# %% bug: a shortcut for the origin returns the integer array [1, 0]
# breaks: test_sin_cos_grad
def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    x, y = xy
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    x, y = xy
    if x == 0 and y == 0:
        return np.array([1, 0])   # cos 0 = 1, sin 0 = 0: no need to evaluate
    return np.array([np.cos(x), -np.sin(y)])

# %% bug: the "analytic" gradient is itself a central difference of sin_cos with a coarse step 2e-3, off by about 7e-7 relatively, so a gradient check scores it ~3e-7 ("suspicious")
# breaks: test_sin_cos_grad
def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    x, y = xy
    value = np.sin(x) + np.cos(y)
    return float(value) if np.ndim(value) == 0 else value


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    step = 2e-3
    x, y = (float(v) for v in xy)
    dfdx = (sin_cos([x + step, y]) - sin_cos([x - step, y])) / (2 * step)
    dfdy = (sin_cos([x, y + step]) - sin_cos([x, y - step])) / (2 * step)
    return np.array([dfdx, dfdy])

# %% bug: np.float was removed, so the student switched to np.float32 for the returned gradient: dtype float32 and every entry rounded to ~7 digits (relative errors up to 6e-8, which a tight gradient check sees)
# breaks: test_sin_cos_grad
def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    x, y = xy
    value = np.sin(x) + np.cos(y)
    return float(value) if np.ndim(value) == 0 else value


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    x, y = xy
    return np.array([np.cos(x), -np.sin(y)], dtype=np.float32)

# %% bug: sin_cos_grad returns an exact zero vector whenever f is np.isclose to the hilltop height 2, so points within about 6e-3 of a hilltop get [0, 0] instead of [cos x, -sin y]
# breaks: test_sin_cos_grad
def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    x, y = xy
    value = np.sin(x) + np.cos(y)
    return float(value) if np.ndim(value) == 0 else value


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    x, y = xy
    if np.isclose(np.sin(x) + np.cos(y), 2.0):
        # at a hilltop the gradient vanishes
        return np.zeros(2)
    return np.array([np.cos(x), -np.sin(y)], dtype=float)

# %% bug: early return "the origin gives 1" fires for any all-zero input, so an all-zero (2, ...) stack gets the float 1.0 instead of an array of shape xy.shape[1:]
def sin_cos(xy):
    """f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids."""
    if not np.any(xy):  # the origin: sin 0 + cos 0 = 1
        return 1.0
    x, y = xy
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    """The gradient of sin_cos at the point xy, as an array [df/dx, df/dy]."""
    x, y = xy
    return np.array([np.cos(x), -np.sin(y)])
