# about: correct, written with loops and Python floats; numerical_gradient walks np.nditer over a copy and restores each entry
# %% sin_cos
def sin_cos(xy):
    x, y = xy[0], xy[1]
    return np.sin(x) + np.cos(y)


def sin_cos_grad(xy):
    x = float(xy[0])
    y = float(xy[1])
    return np.array([np.cos(x), -np.sin(y)])
# %% numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    forward = f(x + h)
    backward = f(x - h)
    return float(forward - backward) / 2 / h
# %% numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    grad = np.zeros(x.shape)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        ix = it.multi_index
        old = x[ix]
        x[ix] = old + h
        fxph = f(x)
        x[ix] = old - h
        fxmh = f(x)
        x[ix] = old
        grad[ix] = (fxph - fxmh) / (2 * h)
        it.iternext()
    return grad
# %% rel_error
def rel_error(a, b):
    a = np.ravel(np.asarray(a, dtype=float))
    b = np.ravel(np.asarray(b, dtype=float))
    worst = 0.0
    for ai, bi in zip(a, b):
        worst = max(worst, abs(ai - bi) / max(1e-8, abs(ai) + abs(bi)))
    return float(worst)
# %% sin_squared_grad
def sin_squared_grad(x):
    if np.ndim(x) == 0:
        s = float(np.sin(x))
        c = float(np.cos(x))
        return 2 * s * c
    return 2 * np.sin(x) * np.cos(x)
# %% directional_derivative
def directional_derivative(grad, u):
    dot = 0.0
    length = 0.0
    for g, v in zip(grad, u):
        dot += float(g) * float(v)
        length += float(v) ** 2
    return dot / length ** 0.5
