# cell: rosenbrock
# breaks: test_rosenbrock

# %% correct: expanded polynomial on a float array
def rosenbrock(xy):
    x, y = np.asarray(xy, dtype=float)
    return 1 - 2 * x + x**2 + 100 * (y**2 - 2 * y * x**2 + x**4)

# %% correct: indexing, no conversion, np.square
def rosenbrock(xy):
    return np.square(1 - xy[0]) + 100 * np.square(xy[1] - xy[0] ** 2)

# %% correct: float32 stays float32 (within tolerance)
def rosenbrock(xy):
    xy = np.asarray(xy)
    x, y = xy[0], xy[1]
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2

# %% bug: squares x instead of x**2 inside the valley term
def rosenbrock(xy):
    x, y = np.asarray(xy, dtype=float)
    return (1 - x) ** 2 + 100 * (y - 2 * x) ** 2

# %% bug: factor 10 instead of 100
def rosenbrock(xy):
    x, y = np.asarray(xy, dtype=float)
    return (1 - x) ** 2 + 10 * (y - x**2) ** 2

# %% bug: works for a point only (flattens a stack)
def rosenbrock(xy):
    x, y = np.asarray(xy, dtype=float).reshape(2, -1)[:, 0]
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2

# %% bug: x and y swapped
def rosenbrock(xy):
    y, x = np.asarray(xy, dtype=float)
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2

# %% bug: `y -= x**2` on the unpacked row is in place, so for a (2, ...) grid stack it overwrites the caller's y grid
# breaks: test_rosenbrock
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    x, y = xy
    y -= x ** 2          # height above the valley floor y = x^2
    return (1 - x) ** 2 + 100 * y ** 2

# %% bug: np.squeeze on the result (meant for a (2, 1) column point), so a (2, 1, n) stack returns shape (n,) instead of (1, n)
# breaks: test_rosenbrock
import numpy as np


def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    x, y = np.asarray(xy, dtype=float)
    return np.squeeze((1 - x) ** 2 + 100 * (y - x ** 2) ** 2)

# %% bug: treats a 2-D input as a batch of (N, 2) points (x, y = xy.T), so a (2, n) stack of coordinate rows fails to unpack (n != 2) or is read column-wise (n == 2)
# breaks: test_rosenbrock
import numpy as np


def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    xy = np.asarray(xy, dtype=float)
    if xy.ndim == 2:
        x, y = xy.T
    else:
        x, y = xy
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2

# %% bug: a stack with a single grid point, e.g. shape (2, 1) or (2, 1, 1), collapses to a float instead of an array of shape xy.shape[1:]
# breaks: test_rosenbrock
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    xy = np.asarray(xy, dtype=float)
    shape = xy.shape[1:]
    x, y = xy.reshape(2, -1)
    f = (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
    if f.size == 1:
        return float(f[0])
    return f.reshape(shape)
