# cell: noisy_gradient
# breaks: test_noisy_gradient

# %% correct: a lambda over np.shape(x)
def noisy_gradient(grad_f, sigma, rng):
    return lambda x: grad_f(x) + sigma * rng.standard_normal(np.shape(x))

# %% correct: rng.normal(0, sigma, size) on a float copy of x
def noisy_gradient(grad_f, sigma, rng):
    def g(x):
        x = np.array(x, dtype=float)
        noise = rng.normal(0.0, sigma, size=x.shape)
        return np.asarray(grad_f(x), dtype=float) + noise

    return g

# %% correct: a callable object that keeps grad_f, sigma and rng
class NoisyGradient:
    def __init__(self, grad_f, sigma, rng):
        self.grad_f, self.sigma, self.rng = grad_f, sigma, rng

    def __call__(self, x):
        return self.grad_f(x) + self.sigma * self.rng.standard_normal(x.shape)


def noisy_gradient(grad_f, sigma, rng):
    return NoisyGradient(grad_f, sigma, rng)

# %% bug: ignores sigma (unit noise)
def noisy_gradient(grad_f, sigma, rng):
    def g(x):
        return grad_f(x) + rng.standard_normal(x.shape)

    return g

# %% bug: ignores the rng it was given and makes its own
def noisy_gradient(grad_f, sigma, rng):
    own = np.random.default_rng()

    def g(x):
        return grad_f(x) + sigma * own.standard_normal(x.shape)

    return g

# %% bug: one noise number for all coordinates (rng.standard_normal())
def noisy_gradient(grad_f, sigma, rng):
    def g(x):
        return grad_f(x) + sigma * rng.standard_normal()

    return g

# %% bug: sigma taken as the variance (np.sqrt(sigma) * noise)
def noisy_gradient(grad_f, sigma, rng):
    def g(x):
        return grad_f(x) + np.sqrt(sigma) * rng.standard_normal(x.shape)

    return g

# %% bug: keeps the generator in a module-level global that each call of noisy_gradient overwrites, so a g made earlier draws from the rng of the most recent call
# breaks: test_noisy_gradient
_RNG = None


def noisy_gradient(grad_f, sigma, rng):
    """grad_f plus Gaussian noise of standard deviation sigma, drawn from rng at every call."""
    global _RNG
    _RNG = rng

    def g(x):
        return grad_f(x) + sigma * _RNG.standard_normal(x.shape)
    return g

# %% bug: PyTorch add_-style in-place update on grad_f's return value, so when grad_f returns its argument (or any array it keeps) that array is changed, and an integer-valued gradient array raises a casting error
# breaks: test_noisy_gradient
def noisy_gradient(grad_f, sigma, rng):
    """grad_f plus Gaussian noise of standard deviation sigma, drawn from rng at every call."""
    def g(x):
        out = grad_f(x)
        out += sigma * rng.standard_normal(x.shape)
        return out
    return g

# %% bug: defensive clipping of the noise to +-3 standard deviations "to avoid outliers" changes every draw beyond 3 sigma
# breaks: test_noisy_gradient
def noisy_gradient(grad_f, sigma, rng):
    """grad_f plus Gaussian noise of standard deviation sigma, drawn from rng at every call."""
    def g(x):
        z = np.clip(rng.standard_normal(np.shape(x)), -3.0, 3.0)
        return grad_f(x) + sigma * z
    return g

# %% bug: boilerplate normalises x with np.atleast_1d, so a scalar point gets a gradient of shape (1,) instead of ()
# breaks: test_noisy_gradient
from typing import Callable


def noisy_gradient(grad_f: Callable, sigma: float, rng: np.random.Generator) -> Callable:
    """grad_f plus Gaussian noise of standard deviation sigma, drawn from rng at every call."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError("rng must be a numpy Generator")

    def g(x) -> np.ndarray:
        x = np.atleast_1d(np.asarray(x, dtype=float))
        return np.asarray(grad_f(x), dtype=float) + sigma * rng.standard_normal(x.shape)

    return g

# %% correct: draws x.size numbers as a flat vector and reshapes to x's shape (the same C-order stream as drawing with the shape directly)
def noisy_gradient(grad_f, sigma, rng):
    """grad_f plus Gaussian noise of standard deviation sigma, drawn from rng at every call."""
    def g(x):
        shape = np.shape(x)
        noise = rng.standard_normal(int(np.prod(shape))).reshape(shape)
        return grad_f(x) + sigma * noise

    return g

# %% bug: returns the noisy gradient as a Python list (tolist) 'for readability', so gradient_descent's x - lr * g fails with a TypeError
# breaks: test_noisy_gradient
def noisy_gradient(grad_f, sigma, rng):
    """grad_f plus Gaussian noise of standard deviation sigma, drawn from rng at every call."""
    def g(x):
        noisy = np.asarray(grad_f(x), dtype=float) + sigma * rng.standard_normal(x.shape)
        return noisy.tolist()
    return g

# %% bug: writes the result into np.zeros_like(x), which is an integer array for an integer point, so the noisy gradient at np.array([1, 2]) is truncated to integers
def noisy_gradient(grad_f, sigma, rng):
    """grad_f plus Gaussian noise of standard deviation sigma, drawn from rng at every call."""

    def g(x):
        out = np.zeros_like(x)
        out[...] = grad_f(x) + sigma * rng.standard_normal(x.shape)
        return out

    return g

# %% bug: sigma is floored at 1e-8 ("a zero standard deviation is degenerate"), so with sigma = 0 g(x) still adds noise of size about 1e-8 instead of returning grad_f(x) exactly
def noisy_gradient(grad_f, sigma, rng):
    """grad_f plus Gaussian noise of standard deviation sigma, drawn from rng at every call."""
    scale = max(sigma, 1e-8)

    def g(x):
        return grad_f(x) + scale * rng.standard_normal(x.shape)

    return g
