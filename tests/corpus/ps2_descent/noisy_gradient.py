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
