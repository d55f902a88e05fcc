# about: numerical_gradient copies x but leaves each perturbation behind, so later coordinates are differentiated at a shifted point
# breaks: test_numerical_gradient
# %% numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        plus = f(x)
        x[i] -= 2 * h
        minus = f(x)
        grad[i] = (plus - minus) / (2 * h)
    return grad
