# about: gradient_descent ignores n_steps and loops until the gradient is tiny: it hangs
# zero: test_run_milestone
# breaks: test_gradient_descent
# %% gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    g = grad_f(x)
    while np.linalg.norm(g) >= tol:
        x = x - lr * g
        history.append((x.copy(), f(x)))
        g = grad_f(x)
    return x, history
