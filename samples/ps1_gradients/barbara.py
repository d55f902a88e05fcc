# about: numerical_gradient loops over range(len(x)), which only works for vectors
# breaks: test_numerical_gradient
# %% numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in range(len(x)):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad
