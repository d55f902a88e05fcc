# about: gradient_check computes its own forward differences instead of calling numerical_gradient
# breaks: test_gradient_check
# %% gradient_check
def gradient_check(f, grad_f, x, h=1e-5):
    x = np.array(x, dtype=float)
    fx = f(x)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        numeric[i] = (f(x + step) - fx) / h
    return rel_error(grad_f(x), numeric)
