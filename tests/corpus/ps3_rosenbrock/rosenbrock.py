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

# %% bug: boilerplate type guard raises TypeError for a plain list or tuple point, although the notebook says "`xy` is a point `[x, y]`" and "Unpacking `x, y = xy` works for both"
# breaks: test_rosenbrock
def rosenbrock(xy: np.ndarray) -> "float | np.ndarray":
    """Evaluate the Rosenbrock function.

    Args:
        xy: numpy array of shape (2,) or (2, ...).

    Returns:
        f(x, y) as a float for a point, or an array for a stack.

    Raises:
        TypeError: if xy is not a numpy array.
        ValueError: if the leading dimension is not 2.
    """
    if not isinstance(xy, np.ndarray):
        raise TypeError(f"xy must be a numpy.ndarray, got {type(xy).__name__}")
    if xy.ndim == 0 or xy.shape[0] != 2:
        raise ValueError(f"xy must have shape (2, ...), got {xy.shape}")
    x, y = xy.astype(np.float64)
    value = (1.0 - x) ** 2 + 100.0 * (y - x ** 2) ** 2
    return float(value) if value.ndim == 0 else value

# %% bug: computes in float32 "for speed on big grids", so stacks come back as float32 arrays and values lose ~7 significant digits (e.g. tiny f near the valley floor)
# breaks: test_rosenbrock
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    x, y = np.asarray(xy, dtype=np.float32)   # half the memory, twice the SIMD width
    value = (1 - x) ** 2 + 100 * (y - x * x) ** 2
    return float(value) if np.ndim(value) == 0 else value

# %% bug: caps f at 1e4 "so the steep walls don't swamp the contour levels", which silently changes every value above 1e4 (e.g. f(3, -1) = 10004, f(5, 0) = 62516)
# breaks: test_rosenbrock
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    x, y = np.asarray(xy, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        value = (1.0 - x) ** 2 + 100.0 * (y - x ** 2) ** 2
    value = np.clip(value, 0.0, 1e4)   # keep the walls finite and plottable
    return float(value) if np.ndim(value) == 0 else value

# %% bug: floors the result at 1e-12 "so log10 in the surface plot never sees 0", so f(1, 1) is 1e-12 rather than 0 (passes np.isclose with its default atol)
# breaks: test_rosenbrock
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    x, y = np.asarray(xy, dtype=float)
    value = np.maximum((1.0 - x) ** 2 + 100.0 * (y - x ** 2) ** 2, 1e-12)
    return float(value) if value.ndim == 0 else value

# %% bug: shared _as_array helper "keeps the caller's dtype" by taking it from the first element, so a list point like [0, 0.5] is cast to int and y is truncated to 0
# breaks: test_rosenbrock
def _as_array(a):
    """Array view of a, in the dtype the caller used (float32 grids stay float32)."""
    return np.asarray(a, dtype=np.asarray(a[0]).dtype)


def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    x, y = _as_array(xy)
    f = (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
    return float(f) if np.ndim(f) == 0 else f

# %% bug: also accepts an (n, 2) array of points by transposing any 2-D input whose last axis has length 2, so a (2, 2) stack of coordinates (two points given as rows x and y) is read the wrong way round
# breaks: test_rosenbrock
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    xy = np.asarray(xy, dtype=float)
    if xy.ndim == 2 and xy.shape[1] == 2:
        x, y = xy.T                       # rows are points [x, y]
    else:
        x, y = xy
    f = (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
    return float(f) if np.ndim(f) == 0 else f

# %% bug: np.errstate(all="raise") also raises on harmless underflow, and the except turns it into inf, so f(1e-200, 0) is inf instead of 1 (and a whole grid becomes inf)
# breaks: test_rosenbrock
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    x, y = np.asarray(xy, dtype=float)
    try:
        with np.errstate(all="raise"):
            value = (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
    except FloatingPointError:
        # overflow far out on the walls: the function is "infinite" there
        value = np.full(np.shape(x), np.inf)
    return float(value) if np.ndim(value) == 0 else value

# %% bug: ends with .tolist() to turn the point result into a Python float, so a stack comes back as nested Python lists (np.shape still (3, 4))
# breaks: test_rosenbrock
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    x, y = np.asarray(xy, dtype=float)
    value = (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
    return np.asarray(value).tolist()

# %% bug: evaluates a single point with decimal.Decimal (exact from the float inputs, rounded once to float), which raises InvalidOperation at a point that left the finite numbers (inf - inf), so a diverging run of the student's own pipeline crashes where the notebook's section 7 runs it
# breaks: test_run_milestone
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    from decimal import Decimal, localcontext

    arr = np.asarray(xy, dtype=float)
    if arr.ndim == 1:
        with localcontext() as ctx:
            ctx.prec = 60
            x, y = (Decimal(float(v)) for v in arr)
            exact = (1 - x) ** 2 + 100 * (y - x * x) ** 2
        return float(exact)
    x, y = arr
    return (1.0 - x) ** 2 + 100.0 * (y - x ** 2) ** 2

# %% bug: early-return guard "f is 0 at the minimum" returns the int 0 for the point (1, 1) (not a float) and a bare scalar 0 for a stack whose grids are all ones (breaks "Return a float for a point and an array of shape xy.shape[1:] for a stack")
def rosenbrock(xy):
    """The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2."""
    if np.all(np.asarray(xy) == 1):
        return 0
    x, y = np.asarray(xy, dtype=float)
    f = (1 - x) ** 2 + 100 * (y - x**2) ** 2
    return float(f) if np.ndim(f) == 0 else f
