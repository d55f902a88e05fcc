# about: noisy_gradient draws its noise from numpy's global generator, not the rng it was given
# breaks: test_noisy_gradient
# %% noisy_gradient
def noisy_gradient(grad_f, sigma, rng):
    def g(x):
        return grad_f(x) + sigma * np.random.standard_normal(np.shape(x))
    return g
