# cell: multi_start
# breaks: test_multi_start

# %% correct: a loop filling rows of np.empty_like
def multi_start(f, grad_f, starts, lr, n_steps):
    starts = np.asarray(starts, dtype=float)
    ends = np.empty_like(starts)
    for i in range(starts.shape[0]):
        ends[i], _ = gradient_descent(f, grad_f, starts[i], lr=lr, n_steps=n_steps)
    return ends

# %% correct: over the starts as given (lists too), np.stack of the final points
def multi_start(f, grad_f, starts, lr, n_steps):
    finals = []
    for start in starts:
        x, history = gradient_descent(f, grad_f, start, lr, n_steps)
        finals.append(x)
    return np.stack(finals)

# %% correct: the last point of each history, np.array of a list comprehension
def multi_start(f, grad_f, starts, lr, n_steps):
    return np.array([gradient_descent(f, grad_f, np.array(s, dtype=float), lr=lr, n_steps=n_steps)[1][-1][0]
                     for s in starts])

# %% bug: returns (d, k), one column per start, instead of (k, d)
def multi_start(f, grad_f, starts, lr, n_steps):
    ends = [gradient_descent(f, grad_f, s, lr=lr, n_steps=n_steps)[0] for s in np.asarray(starts, dtype=float)]
    return np.column_stack(ends)

# %% bug: overwrites the caller's starts with the final points
def multi_start(f, grad_f, starts, lr, n_steps):
    for i in range(len(starts)):
        starts[i] = gradient_descent(f, grad_f, starts[i], lr=lr, n_steps=n_steps)[0]
    return np.asarray(starts, dtype=float)

# %% bug: returns the visible test's answer (each start halved) whatever f and lr are
def multi_start(f, grad_f, starts, lr, n_steps):
    return np.array(starts, dtype=float) / 2

# %% bug: forgets to pass lr, so gradient_descent uses its default 0.1
def multi_start(f, grad_f, starts, lr, n_steps):
    return np.array([gradient_descent(f, grad_f, s, n_steps=n_steps)[0] for s in np.asarray(starts, dtype=float)])

# %% bug: returns a Python list of the end points rather than a (k, d) array
# breaks: test_multi_start
import numpy as np


def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    return [gradient_descent(f, grad_f, start, lr=lr, n_steps=n_steps)[0] for start in starts]

# %% bug: squeezes the result, so a single start (k = 1) or one-dimensional points (d = 1) come back without their length-1 axis
# breaks: test_multi_start
import numpy as np


def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    ends = [gradient_descent(f, grad_f, s, lr=lr, n_steps=n_steps)[0] for s in np.asarray(starts, dtype=float)]
    return np.squeeze(np.array(ends))

# %% bug: the result is np.zeros_like(starts), which takes the starts' dtype: integer starting points get their end points truncated to integers
# breaks: test_multi_start
import numpy as np


def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    starts = np.asarray(starts)
    ends = np.zeros_like(starts)
    for i in range(len(starts)):
        ends[i] = gradient_descent(f, grad_f, starts[i], lr=lr, n_steps=n_steps)[0]
    return ends

# %% bug: passes tol=1e-6 instead of using gradient_descent's default
# breaks: test_multi_start
def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    ends = []
    for start in np.asarray(starts, dtype=float):
        x, _ = gradient_descent(f, grad_f, start, lr=lr, n_steps=n_steps, tol=1e-6)
        ends.append(x)
    return np.array(ends)

# %% bug: caches end points keyed by (start, lr, n_steps), not by f
# breaks: test_multi_start
_ENDS = {}


def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    ends = []
    for start in np.asarray(starts, dtype=float):
        key = (tuple(start), lr, n_steps)
        if key not in _ENDS:
            _ENDS[key] = gradient_descent(f, grad_f, start, lr=lr, n_steps=n_steps)[0]
        ends.append(_ENDS[key])
    return np.array(ends)

# %% bug: "improvement" returns the best point of each run's history (lowest loss) instead of the final point, which differs for oscillating or diverging runs
# breaks: test_multi_start
def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    best = []
    for s in starts:
        _, history = gradient_descent(f, grad_f, s, lr=lr, n_steps=n_steps)
        point, _ = min(history, key=lambda entry: entry[1])    # keep the best point seen
        best.append(point)
    return np.array(best, dtype=float)

# %% bug: tries starts.shape and on AttributeError (a list) guesses d = 2, so a list of 3-D or 1-D points fails
# breaks: test_multi_start
def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    try:
        k, d = starts.shape
    except AttributeError:
        k, d = len(starts), 2  # a list of points in the plane
    ends = np.zeros((k, d))
    for i in range(k):
        ends[i] = gradient_descent(f, grad_f, np.asarray(starts[i], dtype=float), lr=lr, n_steps=n_steps)[0]
    return ends

# %% bug: randomness mishandler: a start where the gradient is exactly zero is nudged by 1e-6 * standard normal noise from a fresh np.random.default_rng() "so the run does not stall", so such a run no longer ends where gradient_descent from that start ends (it should stay put) and the result is not reproducible
def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    rng = np.random.default_rng()
    ends = []
    for start in starts:
        x0 = np.array(start, dtype=float)
        if np.linalg.norm(grad_f(x0)) == 0:
            x0 = x0 + 1e-6 * rng.standard_normal(x0.shape)
        ends.append(gradient_descent(f, grad_f, x0, lr=lr, n_steps=n_steps)[0])
    return np.array(ends, dtype=float)

# %% bug: noisy student: prints a warning and leaves out every run whose end is not finite (a diverged run), so the result has fewer than k rows and row i no longer matches starts[i]
def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    ends = []
    for i, start in enumerate(starts):
        with np.errstate(over="ignore", invalid="ignore"):
            x, _ = gradient_descent(f, grad_f, np.array(start, dtype=float), lr=lr, n_steps=n_steps)
        if not np.all(np.isfinite(x)):
            print(f"warning: run {i} from {start} diverged, leaving it out")
            continue
        ends.append(x)
    return np.array(ends, dtype=float).reshape(len(ends), -1)

# %% bug: sanitiser: end points are rounded to 8 decimals and duplicates removed (keeping first occurrences) "so each minimum is listed once", so two starts that reach the same minimum give fewer than k rows
def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    ends = np.array([gradient_descent(f, grad_f, s, lr=lr, n_steps=n_steps)[0]
                     for s in np.asarray(starts, dtype=float)])
    rounded = np.round(ends, 8)
    _, first = np.unique(rounded, axis=0, return_index=True)
    return ends[np.sort(first)]

# %% bug: if every start is the origin it returns zeros without running ("the origin is the minimum"), but the origin is not a minimum in general (himmelblau's gradient there is [-14, -22])
def multi_start(f, grad_f, starts, lr, n_steps):
    """The final points of gradient descent from each row of starts, shape (k, d)."""
    points = np.array(starts, dtype=float)
    if not points.any():
        return np.zeros_like(points)
    return np.array([gradient_descent(f, grad_f, p, lr, n_steps)[0] for p in points])
