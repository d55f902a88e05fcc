# cell: distance_to_optimum
# breaks: test_distance_to_optimum

# %% correct: by hand with Python floats
def distance_to_optimum(x):
    dx, dy = x[0] - 1, x[1] - 1
    return (dx * dx + dy * dy) ** 0.5

# %% correct: np.hypot, returns np.float64
def distance_to_optimum(x):
    return np.hypot(x[0] - 1.0, x[1] - 1.0)

# %% bug: the squared distance
def distance_to_optimum(x):
    return float(np.sum((np.asarray(x) - 1.0) ** 2))

# %% bug: distance to the origin
def distance_to_optimum(x):
    return float(np.linalg.norm(x))

# %% bug: Manhattan distance
def distance_to_optimum(x):
    return float(np.sum(np.abs(np.asarray(x) - 1.0)))

# %% bug: shifts x in place (x -= 1), modifying the caller's array
# breaks: test_distance_to_optimum
def distance_to_optimum(x):
    """Euclidean distance from x to the minimum (1, 1)."""
    x -= np.array([1.0, 1.0])     # move the optimum to the origin
    return float(np.sqrt(np.sum(x ** 2)))

# %% bug: "batched" version returns a shape-(1,) array instead of a float
# breaks: test_distance_to_optimum
def distance_to_optimum(x):
    """Euclidean distance from x to the minimum (1, 1)."""
    points = np.atleast_2d(np.asarray(x, dtype=float))
    return np.linalg.norm(points - 1.0, axis=1)

# %% correct: np.linalg.norm of the float difference, converted to a Python float
def distance_to_optimum(x):
    """Euclidean distance from x to the minimum (1, 1)."""
    diff = np.asarray(x, dtype=float) - np.array([1.0, 1.0])
    return float(np.linalg.norm(diff))

# %% bug: expands |x - c|^2 = |x|^2 - 2 x.c + |c|^2 (kernel-trick habit): cancellation near (1, 1) gives 0 or ~1.5e-8 noise for distances around 1e-8 (nan if it rounds negative)
# breaks: test_distance_to_optimum
import numpy as np


def distance_to_optimum(x):
    """Euclidean distance from x to the minimum (1, 1)."""
    x = np.asarray(x, dtype=float)
    c = np.array([1.0, 1.0])
    return float(np.sqrt(x @ x - 2 * (x @ c) + c @ c))

# %% bug: boilerplate assert insists on a float64 ndarray, so an integer point like np.array([4, 5]) or a tuple raises
# breaks: test_distance_to_optimum
def distance_to_optimum(x: np.ndarray) -> float:
    """Return the Euclidean distance from x to (1, 1).

    Args:
        x: float64 array of shape (2,).
    """
    assert isinstance(x, np.ndarray) and x.dtype == np.float64, "x must be a float64 numpy array"
    assert x.shape == (2,), f"x must have shape (2,), got {x.shape}"
    return float(np.linalg.norm(x - 1.0))

# %% bug: clips coordinates to [-1e6, 1e6] "to avoid overflow in the squares", so far-away or diverged points get a wrong finite distance (x = (1e7, 1) gives ~1e6)
# breaks: test_distance_to_optimum
def distance_to_optimum(x):
    """Euclidean distance from x to the minimum (1, 1)."""
    x = np.clip(np.asarray(x, dtype=float), -1e6, 1e6)
    return float(np.sqrt(np.sum((x - 1.0) ** 2)))

# %% bug: generalises to also accept a history entry (x, f(x)) by taking x[0] whenever x is a tuple, so a plain tuple point such as (4.0, 5.0) is measured as the scalar 4.0 broadcast against (1, 1)
# breaks: test_distance_to_optimum
def distance_to_optimum(x):
    """Euclidean distance from x to the minimum (1, 1)."""
    if isinstance(x, tuple):          # allow distance_to_optimum(history[t]) too
        x = x[0]
    return float(np.linalg.norm(np.asarray(x, dtype=float) - np.ones(2)))

# %% bug: uses np.nansum "so diverged points do not break the summary", so NaN coordinates are silently dropped: (nan, nan) is at distance 0.0
# breaks: test_distance_to_optimum
def distance_to_optimum(x):
    """Euclidean distance from x to the minimum (1, 1)."""
    d = np.asarray(x, dtype=float) - 1.0
    return float(np.sqrt(np.nansum(d * d)))

# %% bug: forum answer scipy.spatial.distance.euclidean validates its input and raises ValueError on the inf/nan points of a diverged run, e.g. when steps_to_tolerance scans the history of the lr sweep
# breaks: test_distance_to_optimum
def distance_to_optimum(x):
    """Euclidean distance from x to the minimum (1, 1)."""
    from scipy.spatial.distance import euclidean
    return float(euclidean(np.asarray(x, dtype=float), [1.0, 1.0]))

# %% bug: np.ma.masked_invalid "to survive diverged runs" drops inf/nan coordinates, so (inf, 1) is at distance 0 and (nan, 5) at distance 4 instead of inf / nan
# breaks: test_distance_to_optimum
def distance_to_optimum(x):
    """Euclidean distance from x to the minimum (1, 1)."""
    d = np.ma.masked_invalid(np.asarray(x, dtype=float)) - 1.0
    return float(np.sqrt(np.ma.sum(d * d)))
