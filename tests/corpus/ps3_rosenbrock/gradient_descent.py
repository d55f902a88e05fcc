# cell: gradient_descent
# breaks: test_gradient_descent test_run_milestone

# %% correct: while loop, history of lists, in-place update on a copy
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.asarray(x0, dtype=np.float64).copy()
    history = [[x.copy(), f(x)]]
    step = 0
    while step < n_steps:
        g = grad_f(x)
        if np.sqrt(np.sum(np.square(g))) < tol:
            break
        x -= lr * g
        history.append([x.copy(), f(x)])
        step += 1
    return x, history

# %% correct: a different but valid stopping check (squared norm against tol**2)
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x))
        if np.sum(g * g) < tol**2:
            return x, history
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: tests tol after updating, so it takes one step too many
# breaks: test_gradient_descent
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

# %% bug: updates the caller's x0 in place
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

# %% bug: forgets x0 in the history
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = []
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x.copy(), f(x)))
    return x, history

# %% bug: climbs (x + lr * g)
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

# %% bug: appends the same array object every step (aliasing)
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x -= lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: uses <= instead of < for the stopping test (so tol=0 still stops at a zero gradient)
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) <= tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: the default lr is 0.01 instead of 0.1
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.01, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: stops when norm(g) <= tol instead of < tol, so with tol=0 at a stationary point it stops instead of stepping
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) <= tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: reuses one module-level history list (cleared on each call) to avoid reallocating, so a second call wipes the history returned by the first
# breaks: test_gradient_descent test_run_milestone
_HISTORY = []


def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    history = _HISTORY
    history.clear()
    x = np.array(x0, dtype=float)
    history.append((x, f(x)))
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: 'deduplicates' the history by stopping as soon as an update leaves x unchanged (tol = 0 at a minimum, or steps below the float spacing of x), so fewer entries are recorded
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x_new = x - lr * g
        if np.array_equal(x_new, x):          # no progress: don't store duplicates
            break
        x = x_new
        history.append((x, f(x)))
    return x, history

# %% bug: Fortran habit: works on the column-major flattening of x0 (order='F') but reshapes the final point back in C order, so a 2-D x0 comes back transposed
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    start = np.array(x0, dtype=float)
    shape = start.shape
    x = start.reshape(-1, order="F")
    as_point = lambda v: v.reshape(shape, order="F")
    history = [(as_point(x), f(as_point(x)))]
    for _ in range(n_steps):
        g = np.asarray(grad_f(as_point(x)), dtype=float).reshape(-1, order="F")
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((as_point(x), f(as_point(x))))
    return x.reshape(shape), history

# %% bug: caches finished runs on the function object keyed on (x0, lr, n_steps, tol) but not on f or grad_f, so a second run from the same start on a different function returns the first function's result
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    runs = gradient_descent.__dict__.setdefault("_runs", {})
    start = np.array(x0, dtype=float)
    key = (start.shape, start.tobytes(), lr, n_steps, tol)
    if key in runs:
        x, history = runs[key]
        return x.copy(), list(history)
    x = start.copy()
    history = [(start, f(start))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    runs[key] = (x, history)
    return x.copy(), list(history)

# %% bug: stability patcher computes the norm as sqrt(g.g + 1e-20) "so sqrt never sees 0", which floors it at 1e-10: with tol <= 1e-10 a zero gradient never triggers the stop (breaks "if np.linalg.norm(g) < tol, stop before updating")
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        grad_norm = np.sqrt(np.sum(g * g) + 1e-20)
        if grad_norm < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: early-return guard "lr = 0 cannot move" returns (x0, [(x0, f(x0))]) at once: the history should still get n_steps entries (the gradient is not small), and the returned x is the caller's x0 itself, not a float copy (breaks "at most n_steps times ... append (x, f(x))" and "start from a float copy")
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    if lr == 0:
        return x0, [(x0, f(x0))]
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: early-return guard for "a single step" takes the step without the tolerance test, so with n_steps = 1 at a stationary point it still appends a second entry (breaks "if np.linalg.norm(g) < tol, stop before updating")
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    if n_steps == 1:
        x = x - lr * grad_f(x)
        history.append((x, f(x)))
        return x, history
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history
