# about: correct, written with loops, Python floats and a while loop
# %% rosenbrock
def rosenbrock(xy):
    x, y = xy[0], xy[1]
    a = 1 - x
    b = y - x * x
    return a * a + 100 * b * b
# %% rosenbrock_grad
def rosenbrock_grad(xy):
    x = float(xy[0])
    y = float(xy[1])
    dfdx = -2 * (1 - x) - 400 * x * (y - x ** 2)
    dfdy = 200 * (y - x ** 2)
    return np.array([dfdx, dfdy])
# %% rosenbrock_hessian
def rosenbrock_hessian(xy):
    x, y = float(xy[0]), float(xy[1])
    h = np.zeros((2, 2))
    h[0, 0] = 1200 * x ** 2 - 400 * y + 2
    h[0, 1] = h[1, 0] = -400 * x
    h[1, 1] = 200
    return h
# %% gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.asarray(x0, dtype=np.float64).copy()
    history = [[x.copy(), f(x)]]
    step = 0
    while step < n_steps:
        g = grad_f(x)
        if np.sqrt(np.sum(g ** 2)) < tol:
            break
        x -= lr * g
        history.append([x.copy(), f(x)])
        step += 1
    return x, history
