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
