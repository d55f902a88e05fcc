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
