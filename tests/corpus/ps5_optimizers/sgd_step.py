# cell: sgd_step
# breaks: test_sgd_step

# %% correct: np.subtract with dtype=float (lists and float32 come back as float64)
def sgd_step(w, g, lr):
    return np.subtract(w, np.multiply(lr, g), dtype=float)

# %% correct: in-place arithmetic on a float copy of w
def sgd_step(w, g, lr):
    new_w = np.array(w, dtype=float)
    new_w -= lr * np.asarray(g, dtype=float)
    return new_w

# %% bug: a loop over the rows of a float copy: len() of a 0-d w (a single number) raises TypeError, though a 0-d w is a point of the input's shape too
# breaks: test_sgd_step
def sgd_step(w, g, lr):
    new_w = np.array(w, dtype=float)
    g = np.asarray(g, dtype=float)
    for i in range(len(new_w)):
        new_w[i] = new_w[i] - lr * g[i]
    return new_w

# %% bug: updates w in place (w -= lr * g) and returns it
def sgd_step(w, g, lr):
    w -= lr * g
    return w

# %% bug: np.asarray does not copy a float array, so the in-place step modifies the caller's w
def sgd_step(w, g, lr):
    w = np.asarray(w, dtype=float)
    w -= lr * np.asarray(g, dtype=float)
    return w

# %% bug: no conversion, so lists fail (a float times a list)
def sgd_step(w, g, lr):
    return w - lr * g

# %% bug: copies w but keeps its dtype, so the in-place float update fails for integer arrays / int lists
# breaks: test_sgd_step
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    new_w = np.copy(w)
    new_w -= lr * np.asarray(g)
    return new_w

# %% correct: converts both inputs to float arrays and subtracts, one expression
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    return np.asarray(w, dtype=float) - lr * np.asarray(g, dtype=float)

# %% bug: reuses one module-level output buffer per shape, so a later call overwrites an earlier result and sgd_step(new_w, ...) writes into its own input
# breaks: test_sgd_step
_sgd_buffers = {}


def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    out = _sgd_buffers.get(w.shape)
    if out is None:
        out = np.empty(w.shape, dtype=float)
        _sgd_buffers[w.shape] = out
    np.subtract(w, lr * g, out=out)
    return out

# %% bug: "nothing to do" shortcut returns the caller's own w object when g is all zeros (aliasing, and int w stays int)
# breaks: test_sgd_step
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    if not np.any(g):
        return w
    return np.asarray(w, dtype=float) - lr * np.asarray(g, dtype=float)

# %% bug: reads only the docstring and never converts to float, so integer arrays with an integer lr give an integer array
# breaks: test_sgd_step
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    return np.asarray(w) - lr * np.asarray(g)

# %% bug: flattens everything and only restores the shape for 2-D inputs (the shape the visible test uses), so a 0-d w comes back with shape (1,) and a 3-D w comes back flat
# breaks: test_sgd_step
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    new_w = np.ravel(np.asarray(w, dtype=float)) - lr * np.ravel(np.asarray(g, dtype=float))
    if np.ndim(w) == 2:               # matrices must keep their shape (see the test with np.ones((2, 3)))
        new_w = new_w.reshape(np.shape(w))
    return new_w

# %% bug: memoises the step on (w, lr) only, reasoning that g = grad(w) is fixed by w, so a second call with the same w and lr but a different g returns the first result
# breaks: test_sgd_step
_step_memo = {}


def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    w = np.asarray(w, dtype=float)
    key = (w.tobytes(), w.shape, float(lr))      # g is the gradient at w, so w and lr fix the step
    if key not in _step_memo:
        _step_memo[key] = w - lr * np.asarray(g, dtype=float)
    return _step_memo[key].copy()

# %% bug: (b) learning rate kept on the class and only overwritten when lr is truthy, so lr=0 reuses the previous call's rate
# breaks: test_sgd_step
class SGD:
    lr = 0.01

    def __call__(self, w, g, lr=None):
        if lr:
            SGD.lr = lr
        return np.asarray(w, dtype=float) - SGD.lr * np.asarray(g, dtype=float)


_sgd = SGD()


def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    return _sgd(w, g, lr)

# %% bug: np.atleast_1d to "support scalars" turns a 0-d w into shape (1,)
# breaks: test_sgd_step
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    w = np.atleast_1d(np.asarray(w, dtype=float))
    g = np.atleast_1d(np.asarray(g, dtype=float))
    return w - lr * g

# %% bug: recursion over the leading axis that bottoms out at 1-D: a 0-d w crashes and an empty (0, d) w comes back as shape (0,)
# breaks: test_sgd_step
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    if np.ndim(w) == 1:
        return np.array([float(wi) - lr * float(gi) for wi, gi in zip(w, g)])
    return np.array([sgd_step(wi, gi, lr) for wi, gi in zip(w, g)])

# %% bug: a size-1 special path returns a Python float instead of an array of w's shape
# breaks: test_sgd_step
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    if w.size == 1:
        # a single parameter: plain float arithmetic is enough
        return float(w.item() - lr * g.item())
    return w - lr * g

# %% bug: memoises results on (w.tobytes(), g.tobytes(), lr), a key that ignores the shape, so after a call with one shape, a call with the same numbers in another shape (e.g. (2, 3) then (6,) or (3, 2)) returns the cached array of the first shape (and all callers share one cached object)
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    cache = sgd_step.__dict__.setdefault("cache", {})
    key = (w.tobytes(), g.tobytes(), lr)
    if key not in cache:
        cache[key] = w - lr * g
    return cache[key]

# %% bug: stopping-rule habit, skips the step when norm(g) < 1e-8 ("already converged"), so a tiny gradient with a large lr leaves w unchanged instead of w - lr * g
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    if np.linalg.norm(g) < 1e-8:                   # stationary point: no step needed
        return w.copy()
    return w - lr * g
