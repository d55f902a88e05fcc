# about: gradient_descent checks tol after updating, so it takes one step too many
# breaks: test_gradient_descent test_run_milestone
# %% gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        x = x - lr * g
        history.append((x.copy(), f(x)))
        if np.linalg.norm(g) < tol:
            break
    return x, history
