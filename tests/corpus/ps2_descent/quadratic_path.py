# cell: quadratic_path
# breaks: test_quadratic_path

# %% correct: vectorized powers of the float factor 1 - 2 alpha
def quadratic_path(x0, alpha, iters):
    return x0 * (1.0 - 2.0 * alpha) ** np.arange(iters + 1)

# %% correct: a list of Python floats, stepping with the derivative 2x
def quadratic_path(x0, alpha, iters):
    x = float(x0)
    path = [x]
    for _ in range(iters):
        x = x - alpha * 2 * x
        path.append(x)
    return np.array(path)

# %% correct: np.zeros filled in place, one iterate per slot
def quadratic_path(x0, alpha, iters):
    path = np.zeros(iters + 1)
    path[0] = x0
    for t in range(1, iters + 1):
        path[t] = path[t - 1]
        path[t] *= 1 - 2 * alpha
    return path

# %% bug: (1 - alpha) instead of (1 - 2 alpha)
def quadratic_path(x0, alpha, iters):
    path = [x0]
    for _ in range(iters):
        path.append((1 - alpha) * path[-1])
    return np.array(path)

# %% bug: forgets x0, starting the path at x_1
def quadratic_path(x0, alpha, iters):
    return x0 * (1 - 2 * alpha) ** np.arange(1, iters + 1)

# %% bug: climbs, x_{t+1} = (1 + 2 alpha) x_t
def quadratic_path(x0, alpha, iters):
    path = [x0]
    for _ in range(iters):
        path.append(path[-1] + alpha * 2 * path[-1])
    return np.array(path)

# %% bug: one iterate too many (range(iters + 1) after x0)
def quadratic_path(x0, alpha, iters):
    path = [x0]
    for _ in range(iters + 1):
        path.append((1 - 2 * alpha) * path[-1])
    return np.array(path)

# %% bug: np.full(iters + 1, x0) takes x0's dtype, so an integer start truncates every iterate to an integer
# breaks: test_quadratic_path
import numpy as np


def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    path = np.full(iters + 1, x0)
    for t in range(1, iters + 1):
        path[t] = path[t - 1] * (1 - 2 * alpha)
    return path

# %% correct: loop that applies the gradient step x - alpha * 2x literally and collects the iterates in a float array
import numpy as np


def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    x = np.asarray(x0, dtype=float)
    path = [x]
    for _ in range(iters):
        x = x - alpha * 2 * x
        path.append(x)
    return np.array(path, dtype=float)

# %% bug: memoises the factor sequence by (alpha, iters) in a module-level dict but stores the path itself, so a later call with a different x0 and the same (alpha, iters) returns the old path
# breaks: test_quadratic_path
import numpy as np

_paths = {}


def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    key = (alpha, iters)
    if key not in _paths:
        path = [float(x0)]
        for _ in range(iters):
            path.append((1 - 2 * alpha) * path[-1])
        _paths[key] = np.array(path)
    return _paths[key].copy()

# %% bug: treats |x| > 1e10 as "diverged" and stops recording, so a divergent alpha with many iterations returns fewer than iters + 1 iterates
# breaks: test_quadratic_path
import numpy as np


def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    x = float(x0)
    path = [x]
    for _ in range(iters):
        x = (1 - 2 * alpha) * x
        if abs(x) > 1e10:
            break
        path.append(x)
    return np.asarray(path)

# %% bug: preallocates the path as float32, which loses precision and overflows to inf past 3.4e38 (e.g. alpha = 1.2 for 300 iterations)
# breaks: test_quadratic_path
import numpy as np


def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    path = np.empty(iters + 1, dtype=np.float32)
    path[0] = x0
    for t in range(iters):
        path[t + 1] = (1 - 2 * alpha) * path[t]
    return path

# %% bug: returns a Python list, not an array
# breaks: test_quadratic_path
def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    path = [float(x0)]
    for _ in range(iters):
        path.append(path[-1] * (1 - 2 * alpha))
    return path

# %% bug: boilerplate copies classify_alpha's rule and raises ValueError for alpha <= 0, although quadratic_path is defined for any alpha (alpha = 0 is a constant path)
# breaks: test_quadratic_path
def quadratic_path(x0: float, alpha: float, iters: int) -> np.ndarray:
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2.

    Raises:
        ValueError: if alpha is not a positive learning rate or iters < 0.
    """
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if iters < 0:
        raise ValueError("iters must be non-negative")
    path = [float(x0)]
    for _ in range(iters):
        path.append((1.0 - 2.0 * alpha) * path[-1])
    return np.array(path, dtype=float)

# %% bug: defensive clipping of the iterates to +-1e100 "to avoid overflow" changes every divergent path beyond 1e100
# breaks: test_quadratic_path
def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    path = [float(x0)]
    factor = 1.0 - 2.0 * alpha
    for _ in range(iters):
        path.append(float(np.clip(factor * path[-1], -1e100, 1e100)))
    return np.array(path)

# %% correct: assistant boilerplate with type hints, docstring and validation that only rejects a negative or non-integer iteration count
import operator as _op


def quadratic_path(x0: float, alpha: float, iters: int) -> np.ndarray:
    """Iterates of gradient descent on f(x) = x**2.

    Each step is x_{t+1} = (1 - 2*alpha) * x_t.

    Args:
        x0: starting point.
        alpha: learning rate.
        iters: number of steps.

    Returns:
        float64 array [x_0, x_1, ..., x_iters] of length iters + 1.
    """
    iters = _op.index(iters)
    if iters < 0:
        raise ValueError(f"iters must be >= 0, got {iters}")
    factor = 1.0 - 2.0 * float(alpha)
    out = np.zeros(iters + 1, dtype=np.float64)
    out[0] = float(x0)
    for t in range(1, iters + 1):
        out[t] = factor * out[t - 1]
    return out

# %% bug: a memo of factor powers keyed on (iters, round(alpha, 1)) hands alpha = 0.23 the powers computed for alpha = 0.24
# breaks: test_quadratic_path
_POWERS = {}


def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    key = (iters, round(alpha, 1))
    if key not in _POWERS:
        _POWERS[key] = (1.0 - 2.0 * alpha) ** np.arange(iters + 1)
    return float(x0) * _POWERS[key]

# %% bug: recursion on iters (path(iters) = path(iters - 1) plus one step) hits RecursionError for a long path such as iters = 5000
# breaks: test_quadratic_path
def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    if iters == 0:
        return np.array([float(x0)])
    earlier = quadratic_path(x0, alpha, iters - 1)
    return np.append(earlier, (1.0 - 2.0 * alpha) * earlier[-1])

# %% bug: runs under np.errstate(all="raise") and on FloatingPointError fills the rest with +inf, which loses the sign of a divergent run and turns an underflowing convergent run (e.g. alpha = 0.45 for 400 steps) into inf
# breaks: test_quadratic_path
def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    path = np.full(iters + 1, np.inf)
    x = np.float64(x0)
    path[0] = x
    factor = np.float64(1 - 2 * alpha)
    with np.errstate(all="raise"):
        try:
            for t in range(1, iters + 1):
                x = factor * x
                path[t] = x
        except FloatingPointError:
            pass  # diverged: the rest stays inf
    return path

# %% bug: stops early once |x| overflows past 1e300 'because the run has diverged anyway', so a divergent path is shorter than iters + 1
# breaks: test_quadratic_path
def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    path = [float(x0)]
    for _ in range(iters):
        nxt = (1 - 2 * alpha) * path[-1]
        if abs(nxt) > 1e300:
            break
        path.append(nxt)
    return np.array(path)

# %% bug: updates with x *= factor and appends x, which for a 0-d array start rebinds nothing: every entry is the same object and the caller's x0 is overwritten
# breaks: test_quadratic_path
def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    x = x0
    path = [x]
    for _ in range(iters):
        x *= 1 - 2 * alpha
        path.append(x)
    return np.array(path, dtype=float)

# %% bug: over-defensive isinstance(iters, int) check raises TypeError for numpy integers such as np.int64(7) (what rng.integers returns)
def quadratic_path(x0, alpha, iters):
    """The iterates x_0 .. x_iters of gradient descent on f(x) = x**2."""
    if not isinstance(iters, int) or iters < 0:
        raise TypeError("iters must be a non-negative int")
    path = [float(x0)]
    for _ in range(iters):
        path.append((1 - 2 * alpha) * path[-1])
    return np.array(path)
