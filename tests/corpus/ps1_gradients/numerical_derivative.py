# cell: numerical_derivative
# breaks: test_numerical_derivative

# %% correct: Python arithmetic, no conversion, returns what f gives
def numerical_derivative(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)

# %% correct: both points in an array, np.diff, returns np.float64
def numerical_derivative(f, x, h=1e-5):
    points = np.array([x - h, x + h], dtype=np.float64)
    values = np.array([f(p) for p in points])
    return np.diff(values)[0] / (2.0 * h)

# %% correct: half the difference over h, Python float
def numerical_derivative(f, x, h=1e-5):
    forward = f(x + h)
    backward = f(x - h)
    return float(0.5 * (forward - backward) / h)

# %% bug: forward difference (f(x + h) - f(x)) / h
def numerical_derivative(f, x, h=1e-5):
    return float((f(x + h) - f(x)) / h)

# %% bug: divides by h instead of 2h
def numerical_derivative(f, x, h=1e-5):
    return float((f(x + h) - f(x - h)) / h)

# %% bug: ignores the h it is given (always 1e-5)
def numerical_derivative(f, x, h=1e-5):
    step = 1e-5
    return float((f(x + step) - f(x - step)) / (2 * step))

# %% bug: operator precedence, / 2 * h multiplies by h
def numerical_derivative(f, x, h=1e-5):
    return float((f(x + h) - f(x - h)) / 2 * h)

# %% bug: scales the step by max(1, |x|) ("relative step") instead of using the h it is given
# breaks: test_numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    step = h * max(1.0, abs(x))
    return float((f(x + step) - f(x - step)) / (2 * step))

# %% bug: clamps h from below at 1e-5 (after reading about round-off), so a smaller given h is ignored
# breaks: test_numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    h = max(h, 1e-5)
    return float((f(x + h) - f(x - h)) / (2 * h))

# %% bug: rounds the result to 6 decimals "to remove floating-point noise", losing precision on small derivatives
# breaks: test_numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    d = (f(x + h) - f(x - h)) / (2 * h)
    return round(float(d), 6)

# %% bug: memoises results keyed on (x, h) only, so a different f at the same x and h returns a stale value
# breaks: test_numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    cache = numerical_derivative.__dict__.setdefault("_cache", {})
    key = (float(x), float(h))
    if key not in cache:
        cache[key] = float((f(x + h) - f(x - h)) / (2 * h))
    return cache[key]

# %% correct: evaluates the two sides into named temporaries and converts the quotient to a Python float
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    f_plus = f(x + h)
    f_minus = f(x - h)
    return float((f_plus - f_minus) / (2.0 * h))

# %% bug: boilerplate rejects anything that is not a float, so an integer point such as numerical_derivative(f, 2) or a 0-d array raises TypeError
# breaks: test_numerical_derivative
def numerical_derivative(f, x: float, h: float = 1e-5) -> float:
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x).

    Raises:
        TypeError: if x is not a float.
    """
    if not isinstance(x, float):
        raise TypeError(f"x must be a float, got {type(x).__name__}")
    if not isinstance(h, float):
        raise TypeError(f"h must be a float, got {type(h).__name__}")
    return float((f(x + h) - f(x - h)) / (2 * h))

# %% bug: returns np.float32 "to save memory", rounding every derivative to about 7 significant digits (and the result is not a Python float)
# breaks: test_numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    return np.float32((f(x + h) - f(x - h)) / (2 * h))

# %% bug: defensive floor on the step, h = max(h, 1e-8) "to avoid round-off", silently replaces any smaller step the caller asks for (the notebook's own error plot uses h down to 1e-15)
# breaks: test_numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    h = max(abs(h), 1e-8)  # never let the step underflow into round-off noise
    try:
        return float((f(x + h) - f(x - h)) / (2 * h))
    except ZeroDivisionError:
        return 0.0

# %% correct: Nocedal & Wright transcription (eq. 8.7 with step epsilon) in their notation, the two evaluations named f_plus and f_minus, converted to a Python float at the end
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    eps = h  # N&W call the step epsilon
    f_plus = f(x + eps)
    f_minus = f(x - eps)
    return float((f_plus - f_minus) / (2.0 * eps))

# %% correct: math.fsum of the two signed values (exact for two terms) and 0.5 * d / h, which rounds the same as d / (2h) because halving is exact
import math


def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    d = math.fsum((f(x + h), -f(x - h)))
    return 0.5 * d / h

# %% correct: np.diff of the values at x - h and x + h (in that order) gives f(x + h) - f(x - h); unwrapped with .item()
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    values = np.array([f(x - h), f(x + h)], dtype=float)
    return (np.diff(values) / (2 * h)).item()

# %% bug: special-cases x == 0 with a one-sided forward difference "in case f is undefined for negative x", e.g. x**2 at 0 with h=0.1 gives 0.1 instead of 0 ("the central difference (f(x + h) - f(x - h)) / (2h)")
# breaks: test_numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    if x == 0:
        return float((f(h) - f(0.0)) / h)
    return float((f(x + h) - f(x - h)) / (2 * h))

# %% bug: steps x forward and back in place on one 0-d array and keeps f's results without copying; an f that returns its argument (or a view of it) sees both values change, giving 0, and a caller's 0-d array comes back not exactly restored
# breaks: test_numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    x = np.asarray(x, dtype=float)
    x += h
    f_plus = f(x)
    x -= 2 * h
    f_minus = f(x)
    x += h
    return float((f_plus - f_minus) / (2 * h))

# %% bug: for an int x it converts and recurses as numerical_derivative(f, float(x)) without passing h, so the default 1e-5 replaces the given h ("Use the h you are given")
def numerical_derivative(f, x, h=1e-5):
    """The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x)."""
    if isinstance(x, int):
        # work in floats
        return numerical_derivative(f, float(x))
    return float((f(x + h) - f(x - h)) / (2 * h))
