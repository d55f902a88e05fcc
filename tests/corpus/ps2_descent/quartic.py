# cell: quartic

# %% correct: quartic and quartic_grad in Horner form, quartic_critical_points from np.roots
def quartic(x):
    return (x - 3) * x**3 + 2


def quartic_grad(x):
    return x * x * (4 * x - 9)


def quartic_critical_points():
    return np.unique(np.roots([4.0, -9.0, 0.0, 0.0]).real)

# %% correct: quartic and quartic_grad with np.polyval, quartic_critical_points from exact fractions
def quartic(x):
    return np.polyval([1.0, -3.0, 0.0, 0.0, 2.0], x)


def quartic_grad(x):
    return np.polyval(np.polyder([1.0, -3.0, 0.0, 0.0, 2.0]), x)


def quartic_critical_points():
    return np.array([0.0, 9 / 4])

# %% correct: quartic and quartic_grad return np.float64, quartic_critical_points sorted from a set
def quartic(x):
    x = np.float64(x)
    return np.power(x, 4) - 3.0 * np.power(x, 3) + 2.0


def quartic_grad(x):
    x = np.float64(x)
    return 4.0 * x**3 - 9.0 * x**2


def quartic_critical_points():
    return np.array(sorted({0.0, 2.25}))

# %% bug: quartic with x**2 in place of x**3
# breaks: test_quartic
def quartic(x):
    return x**4 - 3 * x**2 + 2


def quartic_grad(x):
    return 4 * x**3 - 9 * x**2


def quartic_critical_points():
    return np.array([0.0, 2.25])

# %% bug: quartic with the sign of the cubic term flipped
# breaks: test_quartic
def quartic(x):
    return x**4 + 3 * x**3 + 2


def quartic_grad(x):
    return 4 * x**3 - 9 * x**2


def quartic_critical_points():
    return np.array([0.0, 2.25])

# %% bug: quartic forgets the constant 2
# breaks: test_quartic
def quartic(x):
    return x**4 - 3 * x**3


def quartic_grad(x):
    return 4 * x**3 - 9 * x**2


def quartic_critical_points():
    return np.array([0.0, 2.25])

# %% bug: quartic_grad forgets to bring down the exponent of 3x**3 (4x**3 - 3x**2)
# breaks: test_quartic_grad
def quartic(x):
    return x**4 - 3 * x**3 + 2


def quartic_grad(x):
    return 4 * x**3 - 3 * x**2


def quartic_critical_points():
    return np.array([0.0, 2.25])

# %% bug: quartic_grad lowers the power twice, 4x**3 - 9x
# breaks: test_quartic_grad
def quartic(x):
    return x**4 - 3 * x**3 + 2


def quartic_grad(x):
    return 4 * x**3 - 9 * x


def quartic_critical_points():
    return np.array([0.0, 2.25])

# %% bug: quartic_grad with the sign of 9x**2 flipped
# breaks: test_quartic_grad
def quartic(x):
    return x**4 - 3 * x**3 + 2


def quartic_grad(x):
    return 4 * x**3 + 9 * x**2


def quartic_critical_points():
    return np.array([0.0, 2.25])

# %% bug: quartic_critical_points lists the double root 0 twice
# breaks: test_quartic_critical_points
def quartic(x):
    return x**4 - 3 * x**3 + 2


def quartic_grad(x):
    return 4 * x**3 - 9 * x**2


def quartic_critical_points():
    return np.sort(np.roots([4.0, -9.0, 0.0, 0.0]).real)

# %% bug: quartic_critical_points not sorted
# breaks: test_quartic_critical_points
def quartic(x):
    return x**4 - 3 * x**3 + 2


def quartic_grad(x):
    return 4 * x**3 - 9 * x**2


def quartic_critical_points():
    return np.array([2.25, 0.0])

# %% bug: quartic_critical_points solves 4x - 9 = 0 as x = 4/9
# breaks: test_quartic_critical_points
def quartic(x):
    return x**4 - 3 * x**3 + 2


def quartic_grad(x):
    return 4 * x**3 - 9 * x**2


def quartic_critical_points():
    return np.array([0.0, 4 / 9])

# %% bug: math.pow works for one number but raises TypeError on an array
# breaks: test_quartic test_quartic_grad
import math


def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    return math.pow(x, 4) - 3 * math.pow(x, 3) + 2


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    return 4 * math.pow(x, 3) - 9 * math.pow(x, 2)


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: quartic_critical_points returns a Python list, not an array
# breaks: test_quartic_critical_points
def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    x = np.asarray(x, dtype=float)
    return x ** 4 - 3 * x ** 3 + 2


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    x = np.asarray(x, dtype=float)
    return 4 * x ** 3 - 9 * x ** 2


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return [0.0, 2.25]

# %% bug: quartic_grad squares a float array in place (the caller's), giving x^2 (4x^2 - 9) on arrays
# breaks: test_quartic_grad
def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    return x ** 4 - 3 * x ** 3 + 2


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    square = np.asarray(x, dtype=float)
    square *= square
    return square * (4 * np.asarray(x) - 9)


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: builds the gradient in a buffer from np.asarray(x, float), which IS the caller's array when x is float64, so quartic_grad(xs) overwrites xs with the gradient (values correct)
# breaks: test_quartic_grad
def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    return x**4 - 3 * x**3 + 2


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    slope_factor = 4 * np.asarray(x, dtype=float) - 9
    out = np.asarray(x, dtype=float)
    out *= out
    out *= slope_factor
    return out


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: bakes in the diagnosis table's "clip gradients": quartic_grad is clipped to +-1e6, wrong for |x| above about 63
# breaks: test_quartic_grad
def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    return x ** 4 - 3 * x ** 3 + 2


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    return np.clip(4 * x ** 3 - 9 * x ** 2, -1e6, 1e6)      # clip gradients against explosions


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: boilerplate type check accepts only floats and float arrays, so an integer argument such as quartic(4) raises TypeError
# breaks: test_quartic test_quartic_grad
def _check(x):
    if not (isinstance(x, float) or (isinstance(x, np.ndarray) and x.dtype.kind == "f")):
        raise TypeError(f"x must be a float or a float array, got {type(x).__name__}")


def quartic(x: float) -> float:
    """The quartic x**4 - 3 x**3 + 2."""
    _check(x)
    return x ** 4 - 3 * x ** 3 + 2


def quartic_grad(x: float) -> float:
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    _check(x)
    return 4 * x ** 3 - 9 * x ** 2


def quartic_critical_points() -> np.ndarray:
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: quartic_grad is an np.vectorize of a function with a "flat spot" shortcut returning int 0; vectorize fixes the output dtype from the first element, so an array starting with 0.0 truncates every other slope to an int
# breaks: test_quartic_grad
def _slope(t):
    if t == 0:
        return 0  # the flat spot
    return 4 * t**3 - 9 * t**2


quartic_grad = np.vectorize(_slope)


def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    return x**4 - 3 * x**3 + 2


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: a size-1 shortcut in quartic_grad returns float(...) so a one-element array gives a bare number instead of an array of shape (1,)
# breaks: test_quartic_grad
def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    return x ** 4 - 3 * x ** 3 + 2


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    if np.size(x) == 1:
        v = float(np.ravel(x)[0])
        return float(4 * v ** 3 - 9 * v ** 2)
    x = np.asarray(x, dtype=float)
    return 4 * x ** 3 - 9 * x ** 2


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: reuses the argument as scratch space — np.asarray(x, dtype=float) is the caller's array for float input and x -= 3 then shifts it — so quartic(xs) leaves xs shifted by -3 (and a 0-d point inside gradient descent is moved)
# breaks: test_quartic
def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    x = np.asarray(x, dtype=float)
    cube = x ** 3
    x -= 3  # x - 3, without a new array
    return cube * x + 2


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    x = np.asarray(x, dtype=float)
    return 4 * x ** 3 - 9 * x ** 2


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: over-defensive clipping of x to [-1000, 1000] before evaluating the derivative "to avoid overflow", so the slope is wrong for |x| > 1000 (quartic_grad(5000.0) returns the slope at 1000)
# breaks: test_quartic_grad
def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    x = np.asarray(x, dtype=float)
    return x ** 4 - 3 * x ** 3 + 2


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    x = np.clip(np.asarray(x, dtype=float), -1e3, 1e3)
    return 4 * x ** 3 - 9 * x ** 2


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: slow pure-Python student: quartic_grad handles np.isscalar inputs directly and otherwise loops "for i in range(len(x))", which raises TypeError on the 0-d arrays gradient_descent passes when it starts from x0 = 4.0, and breaks on 2-D arrays
# breaks: test_quartic_grad
def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    return x ** 4 - 3 * x ** 3 + 2


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    if np.isscalar(x):
        return 4.0 * x ** 3 - 9.0 * x ** 2
    out = np.zeros(len(x))
    for i in range(len(x)):
        out[i] = 4.0 * x[i] ** 3 - 9.0 * x[i] ** 2
    return out


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])

# %% bug: coefficients contracted (np.tensordot, axes=1) with np.power.outer(x, powers).T to put the power axis first: for a 2-D x the .T reverses every axis the .T reverses every axis, so the result is transposed (wrong shape for a non-square x, silently swapped values for a square one)
# breaks: test_quartic
_POWERS = np.arange(5)
_C = np.array([2.0, 0.0, 0.0, -3.0, 1.0])
_DC = np.array([0.0, 0.0, -9.0, 4.0, 0.0])


def quartic(x):
    """The quartic x**4 - 3 x**3 + 2."""
    return np.tensordot(_C, np.power.outer(x, _POWERS).T, axes=1)


def quartic_grad(x):
    """The derivative of quartic, 4 x**3 - 9 x**2."""
    return np.tensordot(_DC, np.power.outer(x, _POWERS).T, axes=1)


def quartic_critical_points():
    """The sorted zeros of quartic_grad, as an array."""
    return np.array([0.0, 2.25])
