# about: correct: perturbs the caller's array in place over np.ndindex and puts every saved entry back; her own central differences in gradient_check
# %% numerical_gradient
def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    grad = np.empty(x.shape)
    for index in np.ndindex(*x.shape):
        saved = x[index]
        x[index] = saved + h
        up = f(x)
        x[index] = saved - h
        down = f(x)
        x[index] = saved
        grad[index] = (up - down) / (2 * h)
    return grad
# %% gradient_check
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    analytic = np.asarray(grad_f(x), dtype=float)
    numeric = np.zeros_like(x)
    for index in np.ndindex(*x.shape):
        e = np.zeros_like(x)
        e[index] = h
        numeric[index] = (f(x + e) - f(x - e)) / (2 * h)
    return rel_error(analytic, numeric)
