# about: correct, vectorized: all the steps of numerical_gradient at once, np.sin(2x), arguments of rel_error swapped
# %% sin_cos
def sin_cos(xy):
    xy = np.asarray(xy, dtype=float)
    return np.sin(xy[0]) + np.cos(xy[1])


def sin_cos_grad(xy):
    xy = np.asarray(xy, dtype=float)
    return np.stack([np.cos(xy[0]), -np.sin(xy[1])])
# %% numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    steps = h * np.eye(x.size).reshape((x.size,) + x.shape)
    slopes = [(f(x + step) - f(x - step)) / (2 * h) for step in steps]
    return np.array(slopes).reshape(x.shape)
# %% rel_error
def rel_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    denominator = np.abs(a) + np.abs(b)
    denominator = np.where(denominator > 1e-8, denominator, 1e-8)
    return (np.abs(a - b) / denominator).max()
# %% gradient_check
def gradient_check(f, grad_f, x, h=1e-5):
    return rel_error(numerical_gradient(f, x, h=h), grad_f(x))
# %% sin_squared_grad
def sin_squared_grad(x):
    return np.sin(2 * np.asarray(x, dtype=float))
# %% directional_derivative
def directional_derivative(grad, u):
    u = np.asarray(u, dtype=float)
    return np.dot(grad, u) / np.sqrt(np.sum(u**2))
