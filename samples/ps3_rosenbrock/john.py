# about: gradient_descent updates the caller's x0 in place
# breaks: test_gradient_descent
# %% gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = x0 if isinstance(x0, np.ndarray) else np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x -= lr * g
        history.append((x.copy(), f(x)))
    return x, history
