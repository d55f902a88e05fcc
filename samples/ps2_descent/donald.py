# about: gradient_descent records each point before stepping, so history lags one step behind
# breaks: test_gradient_descent
# %% gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        history.append((x.copy(), f(x)))
        x = x - lr * g
    return x, history
