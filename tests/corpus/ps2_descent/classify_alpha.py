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
