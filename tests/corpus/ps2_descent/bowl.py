# cell: bowl

# %% correct: bowl with np.sum of squares (np.float64), bowl_grad as a float copy
def bowl(xy):
    xy = np.asarray(xy, dtype=float)
    return 0.5 * np.sum(np.square(xy), axis=0)


def bowl_grad(xy):
    return np.asarray(xy, dtype=float).copy()

# %% correct: bowl with Python floats, bowl_grad filled in a loop
def bowl(xy):
    x, y = float(xy[0]), float(xy[1])
    return (x * x + y * y) / 2


def bowl_grad(xy):
    g = np.zeros(2)
    for i in range(2):
        g[i] = xy[i]
    return g

# %% correct: bowl as a dot product, bowl_grad keeps float32 as float32
def bowl(xy):
    xy = np.asarray(xy)
    return 0.5 * xy @ xy


def bowl_grad(xy):
    x, y = xy[0], xy[1]
    return np.stack([x, y]) * 1.0

# %% bug: bowl forgets the factor 0.5
# breaks: test_bowl
def bowl(xy):
    x, y = np.asarray(xy, dtype=float)
    return x**2 + y**2


def bowl_grad(xy):
    return np.array(xy, dtype=float)

# %% bug: bowl squares the sum, 0.5 * (x + y)**2
# breaks: test_bowl
def bowl(xy):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x + y) ** 2


def bowl_grad(xy):
    return np.array(xy, dtype=float)

# %% bug: bowl has a sign error, 0.5 * (x**2 - y**2)
# breaks: test_bowl
def bowl(xy):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 - y**2)


def bowl_grad(xy):
    return np.array(xy, dtype=float)

# %% bug: bowl_grad is twice the gradient (differentiates x**2, forgetting the 0.5)
# breaks: test_bowl_grad
def bowl(xy):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2)


def bowl_grad(xy):
    return 2 * np.array(xy, dtype=float)

# %% bug: bowl_grad has its components swapped, [y, x]
# breaks: test_bowl_grad
def bowl(xy):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2)


def bowl_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([y, x])

# %% bug: bowl_grad returns the visible test's answer whatever the input
# breaks: test_bowl_grad
def bowl(xy):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2)


def bowl_grad(xy):
    return np.array([3.0, -4.0])

# %% bug: bowl_grad returns a plain Python list instead of an array
# breaks: test_bowl_grad
import numpy as np


def bowl(xy):
    """The round bowl 0.5 * (x**2 + y**2)."""
    return 0.5 * (xy[0] ** 2 + xy[1] ** 2)


def bowl_grad(xy):
    """The gradient of bowl at xy, as a new array [x, y]."""
    return [float(xy[0]), float(xy[1])]

# %% bug: np.asarray(..., dtype=float) copies only integer input; a float array comes back as the same object
# breaks: test_bowl_grad
def bowl(xy):
    """The round bowl 0.5 * (x**2 + y**2)."""
    xy = np.asarray(xy, dtype=float)
    return float(0.5 * np.sum(xy ** 2))


def bowl_grad(xy):
    """The gradient of bowl at xy, as a new array [x, y]."""
    return np.asarray(xy, dtype=float)

# %% bug: bowl_grad fills and returns one module-level buffer, so every call returns the same array and earlier gradients change under the caller
# breaks: test_bowl_grad
_GRAD_BUFFER = np.zeros(2)


def bowl(xy):
    """The round bowl 0.5 * (x**2 + y**2)."""
    return 0.5 * (float(xy[0]) ** 2 + float(xy[1]) ** 2)


def bowl_grad(xy):
    """The gradient of bowl at xy, as a new array [x, y]."""
    _GRAD_BUFFER[0] = xy[0]
    _GRAD_BUFFER[1] = xy[1]
    return _GRAD_BUFFER

# %% bug: float32 "for speed": the value overflows to inf for |x| > 1.8e19 and the gradient comes back as float32
# breaks: test_bowl test_bowl_grad
def bowl(xy):
    """The round bowl 0.5 * (x**2 + y**2)."""
    v = np.asarray(xy, dtype=np.float32)
    return np.float32(0.5) * np.dot(v, v)


def bowl_grad(xy):
    """The gradient of bowl at xy, as a new array [x, y]."""
    return np.array(xy, dtype=np.float32)

# %% bug: rounds the value to 6 decimals (to make printed values look clean), so small losses such as 1e-7 become 0
# breaks: test_bowl
def bowl(xy):
    """The round bowl 0.5 * (x**2 + y**2)."""
    x, y = np.asarray(xy, dtype=float)
    return round(float(0.5 * (x ** 2 + y ** 2)), 6)


def bowl_grad(xy):
    """The gradient of bowl at xy, as a new array [x, y]."""
    return np.array(xy, dtype=float)

# %% bug: statistics.mean of the squares keeps the input's number type, so an integer point gives an integer (truncated) value: bowl([3, 4]) is 12, not 12.5
# breaks: test_bowl
def bowl(xy):
    """The round bowl 0.5 * (x**2 + y**2)."""
    import statistics
    return statistics.mean(np.asarray(xy) ** 2)  # mean of two squares = half their sum


def bowl_grad(xy):
    """The gradient of bowl at xy, as a new array [x, y]."""
    return np.array(xy, dtype=float)

# %% bug: numerically naive student: writes the gradient as |xy| times the unit vector xy / |xy|, which divides 0 by 0 and returns nan at the origin (the minimum) instead of [0, 0]
# breaks: test_bowl_grad
def bowl(xy):
    """The round bowl 0.5 * (x**2 + y**2)."""
    r = np.hypot(xy[0], xy[1])
    return float(0.5 * r ** 2)


def bowl_grad(xy):
    """The gradient of bowl at xy, as a new array [x, y]."""
    p = np.asarray(xy, dtype=float)
    r = np.linalg.norm(p)
    return r * (p / r)
