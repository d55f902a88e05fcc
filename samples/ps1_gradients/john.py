# about: numerical_gradient perturbs the caller's x in place and never puts it back
# breaks: test_numerical_gradient
# %% numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros(np.shape(x))
    for i in np.ndindex(np.shape(x)):
        x[i] += h
        plus = f(x)
        x[i] -= 2 * h
        minus = f(x)
        grad[i] = (plus - minus) / (2 * h)
    return grad
