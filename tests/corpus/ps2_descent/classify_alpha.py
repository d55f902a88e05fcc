# cell: classify_alpha
# breaks: test_classify_alpha

# %% correct: classifies by the factor 1 - 2 alpha
def classify_alpha(alpha):
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    factor = 1 - 2 * alpha
    if factor >= 0:
        return "monotone"
    if factor > -1:
        return "oscillating"
    if factor == -1:
        return "cycling"
    return "divergent"

# %% correct: chained comparisons on a float, the error raised last
def classify_alpha(alpha):
    a = float(alpha)
    if 0 < a <= 0.5:
        return "monotone"
    elif 0.5 < a < 1:
        return "oscillating"
    elif a == 1:
        return "cycling"
    elif a > 1:
        return "divergent"
    raise ValueError(f"alpha = {alpha} is not a descent step")

# %% correct: a table of upper bounds
def classify_alpha(alpha):
    if not alpha > 0:
        raise ValueError("the learning rate must be positive")
    if alpha == 1:
        return "cycling"
    for bound, kind in ((0.5, "monotone"), (1.0, "oscillating")):
        if alpha <= bound:
            return kind
    return "divergent"

# %% bug: the boundary 0.5 counted as oscillating (alpha < 0.5)
def classify_alpha(alpha):
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if alpha < 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"

# %% bug: alpha = 0 slips through (alpha < 0 instead of alpha <= 0)
def classify_alpha(alpha):
    if alpha < 0:
        raise ValueError("alpha must be positive")
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"

# %% bug: no "cycling": alpha = 1 is called divergent
def classify_alpha(alpha):
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    return "divergent"

# %% bug: the bowl's bounds (1 and 2) instead of those of x**2
def classify_alpha(alpha):
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if alpha <= 1:
        return "monotone"
    if alpha < 2:
        return "oscillating"
    if alpha == 2:
        return "cycling"
    return "divergent"

# %% bug: never raises a ValueError (negative rates are "monotone")
def classify_alpha(alpha):
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"

# %% bug: misspells "oscillating"
def classify_alpha(alpha):
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscilating"
    if alpha == 1:
        return "cycling"
    return "divergent"

# %% bug: uses np.isclose(alpha, 1) for the cycling case, so learning rates just above or below 1 are called "cycling"
# breaks: test_classify_alpha
import numpy as np


def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if np.isclose(alpha, 1.0):
        return "cycling"
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    return "divergent"

# %% bug: only raises for a Python float alpha <= 0 (isinstance check), so an integer 0 or -1 (or a numpy float32) slips through as "monotone"
# breaks: test_classify_alpha
def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    if isinstance(alpha, float) and alpha <= 0:
        raise ValueError("alpha must be positive")
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"

# %% bug: rejects alpha with np.isclose(alpha, 0), so tiny positive learning rates (below 1e-8) raise ValueError instead of being "monotone"
# breaks: test_classify_alpha
import numpy as np


def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    if alpha < 0 or np.isclose(alpha, 0):
        raise ValueError("alpha must be positive")
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"

# %% bug: terse index trick ("monotone", "oscillating", "divergent")[(alpha > .5) + (alpha > 1)]: for numpy scalars (np.float64, 0-d arrays) the sum of two numpy bools is a numpy bool, which cannot index a tuple, so every alpha != 1 raises TypeError
# breaks: test_classify_alpha
def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    return "cycling" if alpha == 1 else ("monotone", "oscillating", "divergent")[(alpha > .5) + (alpha > 1)]

# %% bug: textbook stability test |1 - 2 alpha| < 1 for "converges": for tiny alpha (below about 2.8e-17) the factor rounds to 1.0 and the answer is "divergent"
# breaks: test_classify_alpha
def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    r = 1.0 - 2.0 * alpha
    if abs(r) < 1:                      # |1 - alpha L| < 1: converges
        return "monotone" if r >= 0 else "oscillating"
    if r == -1:
        return "cycling"
    return "divergent"

# %% bug: functools.lru_cache "for speed" makes a 0-d array alpha (unhashable) raise TypeError
# breaks: test_classify_alpha
from functools import lru_cache


@lru_cache(maxsize=None)
def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"

# %% correct: assistant boilerplate accepting ints, numpy scalars and 0-d arrays via float(), with a docstring and type hints
def classify_alpha(alpha: float) -> str:
    """Classify gradient descent on f(x) = x**2 with learning rate ``alpha``.

    Returns:
        ``"monotone"`` for 0 < alpha <= 0.5, ``"oscillating"`` for 0.5 < alpha < 1,
        ``"cycling"`` for alpha == 1 and ``"divergent"`` for alpha > 1.

    Raises:
        ValueError: if alpha <= 0.
    """
    a = float(alpha)
    if a <= 0.0:
        raise ValueError(f"alpha must be > 0, got {alpha!r}")
    if a <= 0.5:
        return "monotone"
    elif a < 1.0:
        return "oscillating"
    elif a == 1.0:
        return "cycling"
    else:
        return "divergent"

# %% correct: textbook reasoning on the contraction factor r = 1 - 2 alpha with sign tests only (exact in floating point; no |r| < 1 test)
def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    if alpha <= 0:
        raise ValueError(f"alpha must be positive for a descent step, got {alpha}")
    r = 1 - 2 * alpha              # x_{t+1} = r x_t
    if r >= 0:
        return "monotone"          # 0 <= r < 1
    if r > -1:
        return "oscillating"       # -1 < r < 0
    if r == -1:
        return "cycling"
    return "divergent"

# %% bug: (defensive input validation) rejects any non-finite alpha with ValueError, so alpha = inf raises instead of being "divergent"
# breaks: test_classify_alpha
def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    if not np.isfinite(alpha) or alpha <= 0:
        raise ValueError("alpha must be a positive finite number")
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"

# %% bug: the cycling test uses math.isclose(alpha, 1.0) (relative tolerance 1e-9), so alpha = 1 + 1e-12 is "cycling" instead of "divergent" and 1 - 1e-12 is "cycling" instead of "oscillating"
# breaks: test_classify_alpha
def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    import math

    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if math.isclose(alpha, 1.0):
        return "cycling"
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    return "divergent"

# %% bug: exact rational comparisons with fractions.Fraction(float(alpha)), which raises OverflowError for alpha = inf instead of calling it divergent
# breaks: test_classify_alpha
def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    from fractions import Fraction

    a = Fraction(float(alpha))
    if a <= 0:
        raise ValueError("a learning rate must be positive")
    if a <= Fraction(1, 2):
        return "monotone"
    if a < 1:
        return "oscillating"
    if a == 1:
        return "cycling"
    return "divergent"

# %% bug: the "lands on 0 in one step" case is tested as math.isclose(1 - 2 alpha, 0, abs_tol=1e-9), so alphas up to 5e-10 above 0.5 (e.g. 0.5000000001) are called "monotone" instead of "oscillating"; the spec's boundary 0.5 is exact
import math


def classify_alpha(alpha):
    """How gradient descent on f(x) = x**2 behaves with learning rate alpha."""
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    factor = 1 - 2 * alpha
    if factor > 0 or math.isclose(factor, 0.0, abs_tol=1e-9):
        return "monotone"
    if factor > -1:
        return "oscillating"
    if factor == -1:
        return "cycling"
    return "divergent"
