# cell: sin_squared_grad
# breaks: test_sin_squared_grad

# %% correct: the double-angle form sin(2x), np.float64 for a number
def sin_squared_grad(x):
    return np.sin(2 * x)

# %% correct: math for a plain number, numpy for arrays
import math


def sin_squared_grad(x):
    if np.isscalar(x):
        return 2 * math.sin(x) * math.cos(x)
    x = np.asarray(x, dtype=float)
    return 2 * np.sin(x) * np.cos(x)

# %% correct: in-place arithmetic on a fresh array
def sin_squared_grad(x):
    out = np.sin(x)
    out *= np.cos(x)
    out *= 2.0
    return out

# %% correct: outer and inner derivatives named, np.multiply on a float32 or list input
def sin_squared_grad(x):
    u = np.sin(np.asarray(x, dtype=np.float64))
    outer = 2.0 * u
    inner = np.cos(x)
    return np.multiply(outer, inner)

# %% bug: the factor 2 of d(u**2)/du is missing
def sin_squared_grad(x):
    return np.sin(x) * np.cos(x)

# %% bug: cos(x)**2 instead of 2 sin(x) cos(x) (squares the inner derivative)
def sin_squared_grad(x):
    return np.cos(x) ** 2

# %% bug: forgets the inner derivative cos x (2 sin x)
def sin_squared_grad(x):
    return 2 * np.sin(x)

# %% bug: the math module, which fails on arrays
import math


def sin_squared_grad(x):
    return 2 * math.sin(x) * math.cos(x)

# %% bug: writes into the caller's array with out=x
def sin_squared_grad(x):
    if np.ndim(x) == 0:
        return 2 * np.sin(x) * np.cos(x)
    s = np.sin(x)
    np.cos(x, out=x)
    x *= 2 * s
    return x

# %% bug: returns the visible test's answers whatever the input
def sin_squared_grad(x):
    if np.ndim(x) == 0:
        return {0.0: 0.0, np.pi / 6: np.sqrt(3) / 2}.get(x, 1.0)
    return np.array([0.0, 1.0, 0.0, -1.0])

# %% bug: returns a Python list for array input (list comprehension) instead of an array
# breaks: test_sin_squared_grad
import numpy as np


def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    if np.isscalar(x):
        return 2 * np.sin(x) * np.cos(x)
    return [2 * np.sin(v) * np.cos(v) for v in x]

# %% bug: writes into np.zeros_like(x), so integer input gives a truncated int array and a scalar gives a 0-d array
# breaks: test_sin_squared_grad
import numpy as np


def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    out = np.zeros_like(x)
    out[...] = 2 * np.sin(x) * np.cos(x)
    return out

# %% correct: uses the double-angle identity 2 sin x cos x = sin(2x)
import numpy as np


def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    return np.sin(2 * x) if np.ndim(x) == 0 else np.sin(2 * np.asarray(x, dtype=float))

# %% bug: boilerplate type check accepts only float or np.ndarray, so a plain int such as sin_squared_grad(0) or a list of angles raises TypeError
# breaks: test_sin_squared_grad
from typing import Union


def sin_squared_grad(x: Union[float, np.ndarray]) -> Union[float, np.ndarray]:
    """The derivative of sin(x)**2 by the chain rule, elementwise.

    Raises:
        TypeError: if x is neither a float nor a numpy array.
    """
    if not isinstance(x, (float, np.ndarray)):
        raise TypeError(f"x must be a float or an ndarray, got {type(x).__name__}")
    result = 2.0 * np.sin(x) * np.cos(x)
    return float(result) if np.ndim(result) == 0 else result

# %% bug: feature creep: "if any angle is bigger than 2*pi it must be in degrees" and converts with np.deg2rad, so legitimate large radian inputs (x = 7, or an array reaching past 2*pi) get the derivative at the wrong angle
# breaks: test_sin_squared_grad
def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    x = np.asarray(x, dtype=float)
    if np.any(np.abs(x) > 2 * np.pi):
        x = np.deg2rad(x)  # angles this large are surely degrees
    return 2.0 * np.sin(x) * np.cos(x)

# %% bug: leans on the earlier numerical_derivative instead of the chain rule, so the result is a central-difference estimate (off by about 1e-11) rather than the derivative (CURRICULUM: "derivative of sin(x)**2 by the chain rule")
# breaks: test_sin_squared_grad
def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    x = np.asarray(x, dtype=float)
    if x.ndim == 0:
        return numerical_derivative(lambda t: np.sin(t) ** 2, float(x))
    return np.array([numerical_derivative(lambda t: np.sin(t) ** 2, float(v)) for v in x.ravel()]).reshape(x.shape)

# %% bug: shared helper _vec (np.atleast_1d) plus a size-based unwrap, so a one-element array input comes back as a float instead of a shape-(1,) array
# breaks: test_sin_squared_grad
def _vec(v):
    """Everything as a 1-D float array, so sin and cos can run on it."""
    return np.atleast_1d(np.asarray(v, dtype=float))


def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    t = _vec(x)
    out = 2 * np.sin(t) * np.cos(t)
    return float(out[0]) if out.size == 1 else out.reshape(np.shape(x))

# %% bug: np.vectorize without otypes, and a shortcut returning the int 0 where sin(t) == 0: when the first element is 0 the whole output becomes an integer array (other slopes truncated), and a number comes back as a 0-d array, not a float ("works elementwise on arrays"; "for a single number, return a float")
# breaks: test_sin_squared_grad
_chain = np.vectorize(lambda t: 0 if np.sin(t) == 0 else 2 * np.sin(t) * np.cos(t))


def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    return _chain(x)

# %% bug: a module-level memo keyed by x.tobytes() (to speed up the demo loop) ignores shape and dtype, so after a call on xs a call on xs.reshape(2, 2) returns the cached 1-D result ("works elementwise on arrays": the result has x's shape)
# breaks: test_sin_squared_grad
_memo = {}


def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    if np.ndim(x) == 0:
        return float(2 * np.sin(x) * np.cos(x))
    x = np.asarray(x, dtype=float)
    key = x.tobytes()
    if key not in _memo:
        _memo[key] = 2 * np.sin(x) * np.cos(x)
    return _memo[key].copy()

# %% bug: an early return of the float 0.0 when every entry is zero, so np.zeros(3) gives a number instead of an array of shape (3,)
# breaks: test_sin_squared_grad
def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    if not np.any(x):
        return 0.0      # sin(x)**2 is flat at 0
    return 2 * np.sin(x) * np.cos(x)

# %% bug: stability patcher reduces x modulo the float 2*pi first "so sin stays accurate for big x"; the inexact 2*pi shifts large arguments, e.g. at x = 1e12 the result is off by about 2e-5 (and about 6e-11 already at x = 1e6)
def sin_squared_grad(x):
    """The derivative of sin(x)**2 by the chain rule, elementwise."""
    x = np.mod(x, 2 * np.pi)  # bring x into [0, 2 pi) for an accurate sin
    return 2 * np.sin(x) * np.cos(x)
