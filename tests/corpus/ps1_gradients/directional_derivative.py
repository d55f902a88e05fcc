# cell: directional_derivative
# breaks: test_directional_derivative

# %% correct: normalises u into a new array first, returns np.float64
def directional_derivative(grad, u):
    unit = np.asarray(u, dtype=float) / np.linalg.norm(u)
    return np.dot(grad, unit)

# %% correct: Python loops over zip
import math


def directional_derivative(grad, u):
    dot = sum(float(g) * float(v) for g, v in zip(grad, u))
    norm = math.sqrt(sum(float(v) ** 2 for v in u))
    return dot / norm

# %% correct: in-place division on a copy of u
def directional_derivative(grad, u):
    u = np.array(u, dtype=float)
    u /= np.sqrt(u @ u)
    return float(np.asarray(grad, dtype=float) @ u)

# %% correct: np.vdot and np.hypot.reduce on tuples or lists
def directional_derivative(grad, u):
    return float(np.vdot(grad, u) / np.hypot.reduce(np.asarray(u, dtype=float)))

# %% bug: does not normalise u
def directional_derivative(grad, u):
    return float(np.dot(grad, u))

# %% bug: normalises the caller's u in place
def directional_derivative(grad, u):
    u /= np.linalg.norm(u)
    return float(np.dot(grad, u))

# %% bug: divides by u·u (the squared norm)
def directional_derivative(grad, u):
    u = np.asarray(u, dtype=float)
    return float(np.dot(grad, u) / np.dot(u, u))

# %% bug: divides by the norm of grad instead of u
def directional_derivative(grad, u):
    return float(np.dot(grad, u) / np.linalg.norm(grad))

# %% bug: forgets to sum (an elementwise product, not a dot product)
def directional_derivative(grad, u):
    u = np.asarray(u, dtype=float)
    return np.asarray(grad) * u / np.linalg.norm(u)

# %% bug: treats grad as a 1 x n row vector (grad[None, :] @ u), returning a shape-(1,) array instead of a float
# breaks: test_directional_derivative
import numpy as np


def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    return grad[None, :] @ u / np.linalg.norm(u)

# %% bug: goes through the angle, |grad| * cos(arccos(cos_theta)): nan when grad = 0 and when rounding pushes cos_theta just past +-1
# breaks: test_directional_derivative
import numpy as np


def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    grad = np.asarray(grad, dtype=float)
    u = np.asarray(u, dtype=float)
    cos_theta = np.dot(grad, u) / (np.linalg.norm(grad) * np.linalg.norm(u))
    theta = np.arccos(cos_theta)
    return float(np.linalg.norm(grad) * np.cos(theta))

# %% bug: boilerplate validation demands float ndarrays and raises TypeError for an integer direction such as np.array([3, 4]) or a list
# breaks: test_directional_derivative
def directional_derivative(grad: np.ndarray, u: np.ndarray) -> float:
    """The rate of change along the direction of u: grad . u / norm(u).

    Raises:
        TypeError: if grad or u is not a floating-point numpy array.
    """
    for name, v in (("grad", grad), ("u", u)):
        if not isinstance(v, np.ndarray) or v.dtype.kind != "f":
            raise TypeError(f"{name} must be a float ndarray")
    if grad.shape != u.shape:
        raise ValueError("grad and u must have the same shape")
    return float(grad @ u / np.linalg.norm(u))

# %% bug: recursive dot product and squared length on slices (head + rest) exceed Python's recursion limit for vectors longer than about 1000 entries
# breaks: test_directional_derivative
import math


def _dot(a, b):
    if len(a) == 0:
        return 0.0
    return float(a[0]) * float(b[0]) + _dot(a[1:], b[1:])


def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    return _dot(grad, u) / math.sqrt(_dot(u, u))

# %% bug: TensorFlow's l2_normalize habit, u / sqrt(max(sum(u**2), 1e-12)): for a short u (length below 1e-6) the result is scaled down instead of being independent of u's length ("If u is not a unit vector, divide by its length: only the direction counts")
# breaks: test_directional_derivative
def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    u = np.asarray(u, dtype=float)
    unit = u / np.sqrt(np.maximum(np.sum(u ** 2), 1e-12))
    return float(np.dot(grad, unit))

# %% bug: a special branch for 1-D (length-1) vectors returns grad[0] * u[0] without dividing by |u| ("in one dimension there is no direction"), e.g. grad [3], u [-2] gives -6 instead of -3 ("grad . u / norm(u) for two vectors")
# breaks: test_directional_derivative
def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    grad = np.asarray(grad, dtype=float)
    u = np.asarray(u, dtype=float)
    if u.size == 1:
        return float(grad.ravel()[0] * u.ravel()[0])
    return float(np.dot(grad, u) / np.linalg.norm(u))

# %% bug: collects the products with np.fromiter(dtype=u.dtype), so an integer u truncates grad_i * u_i to integers
# breaks: test_directional_derivative
def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    u = np.asarray(u)
    products = np.fromiter((g * v for g, v in zip(grad, u)), dtype=u.dtype, count=len(u))
    return float(np.add.reduce(products) / np.linalg.norm(u))

# %% bug: copy-paste from rel_error: divides by np.maximum(1e-8, norm(u)), so a short but nonzero u (norm below 1e-8, e.g. [1e-9, 0]) is divided by 1e-8 instead of its norm and the rate is scaled down
def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    length = np.maximum(1e-8, np.linalg.norm(u))  # never divide by ~0
    return float(np.dot(grad, u) / length)

# %% bug: noisy student: rounds the rate to 6 decimals for its printout and returns the rounded number (errors up to 5e-7, small rates become 0.0)
def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    rate = np.dot(grad, u) / np.linalg.norm(u)
    rate = round(float(rate), 6)
    print(f"D_u f = {rate}")
    return rate

# %% bug: early return "along the gradient the rate is its norm" uses np.allclose(u, grad), whose absolute tolerance 1e-8 makes any two tiny vectors "equal": grad = (1e-9, 0), u = (0, 1e-9) gives 1e-9 instead of 0
def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    grad = np.asarray(grad, dtype=float)
    u = np.asarray(u, dtype=float)
    if np.allclose(u, grad):  # walking along the gradient itself
        return float(np.linalg.norm(grad))
    return float(np.dot(grad, u) / np.linalg.norm(u))

# %% bug: treats any u whose entries are all -1, 0 or 1 as already a unit vector and skips the division, so u = (1, 1) gives grad . u instead of grad . u / sqrt(2)
def directional_derivative(grad, u):
    """The rate of change along the direction of u: grad . u / norm(u)."""
    dot = float(np.dot(grad, u))
    if set(np.abs(np.asarray(u)).tolist()) <= {0, 1}:  # an axis direction like (1, 0) or (0, -1): already unit
        return dot
    return dot / float(np.linalg.norm(u))
