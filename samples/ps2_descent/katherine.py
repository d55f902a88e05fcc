# about: gradient_descent adds the gradient (x + lr * g): every step climbs the hill; multi_start's visible test fails with it too, so that cell is graded by its hidden tests, with the reference's gradient_descent
# breaks: test_gradient_descent
# %% gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x + lr * g
        history.append((x.copy(), f(x)))
    return x, history
