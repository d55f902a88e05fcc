# cell: gradient_descent
# breaks: test_gradient_descent

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

# %% correct: a different but valid stopping check (squared norm against tol**2), tuples accepted
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        if np.sum(g * g) < tol**2:
            return x, history
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: Python float losses, counts the steps taken, returns a tuple, but calls grad_f twice per step (the stopping test and the update each call it), so a noisy gradient's step uses another draw than the one tested
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=np.float64, copy=True)
    history = [(x.copy(), float(f(x)))]
    steps = 0
    while steps < n_steps and not np.linalg.norm(grad_f(x)) < tol:
        x = x - lr * np.asarray(grad_f(x))
        steps += 1
        history.append((x.copy(), float(f(x))))
    return (x, history)

# %% bug: tests tol after updating, so it takes one step too many
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

# %% bug: updates the caller's x0 in place (np.asarray does not copy)
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.asarray(x0, dtype=float)
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

# %% bug: records the loss of the point before the step
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        loss = f(x)
        x = x - lr * g
        history.append((x.copy(), loss))
    return x, history

# %% bug: non-strict stopping test norm(g) <= tol (stops when the norm equals tol, e.g. always at a zero gradient with tol=0)
# breaks: test_gradient_descent
import numpy as np


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

# %% bug: copies x0 with np.copy but never converts to float, so an integer start comes back as an integer array when no step is taken
# breaks: test_gradient_descent
import numpy as np


def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.copy(x0)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% correct: for-loop with a float copy via np.array(..., dtype=float) and rebinding updates
import numpy as np


def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
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

# %% bug: np.linalg.norm(g, ord=2) is the spectral norm for a 2-D point (too small, stops early) and raises for a scalar (0-d) point
# breaks: test_gradient_descent
import numpy as np


def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g, ord=2) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: np.atleast_1d on the copy, so a scalar start comes back (and is stored) as shape (1,) instead of the input's shape ()
# breaks: test_gradient_descent
import numpy as np


def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.atleast_1d(np.array(x0, dtype=float))
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: tests "keep going while norm(g) >= tol", which also stops on a nan gradient, so a diverged run ends early instead of stepping (to nan) n_steps times
# breaks: test_gradient_descent
import numpy as np


def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) >= tol:
            x = x - lr * g
            history.append((x, f(x)))
        else:
            break
    return x, history

# %% bug: the default tol is 1e-6 instead of 1e-8
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-6):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: calls grad_f twice per step (once for the stopping test, once for the update), so with a noisy gradient the step uses a different draw than the one tested and consumes the rng twice
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        if np.linalg.norm(grad_f(x)) < tol:
            break
        x = x - lr * grad_f(x)
        history.append((x, f(x)))
    return x, history

# %% bug: memoises f in a module-level dict keyed only by the bytes of the point, so a later call with a different f at the same point gets the old loss
# breaks: test_gradient_descent
_LOSS_CACHE = {}


def _cached_loss(f, x):
    key = (np.shape(x), np.asarray(x, dtype=float).tobytes())
    if key not in _LOSS_CACHE:
        _LOSS_CACHE[key] = f(x)
    return _LOSS_CACHE[key]


def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, _cached_loss(f, x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, _cached_loss(f, x)))
    return x, history

# %% bug: boilerplate validation rejects tol <= 0, although tol=0 is a legitimate "never stop early" setting
# breaks: test_gradient_descent
from typing import Callable, List, Tuple


def gradient_descent(f: Callable, grad_f: Callable, x0, lr: float = 0.1,
                     n_steps: int = 100, tol: float = 1e-8) -> Tuple[np.ndarray, List[tuple]]:
    """Plain gradient descent; returns the last point and the (x, f(x)) history.

    Raises:
        ValueError: if n_steps is negative or tol is not positive.
    """
    if n_steps < 0:
        raise ValueError("n_steps must be non-negative")
    if tol <= 0:
        raise ValueError("tol must be positive")
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: functools.reduce cannot break, so a small gradient only skips that step and the fold keeps calling grad_f (a noisy gradient then steps again)
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    from functools import reduce

    def fold(history, _):
        x = history[-1][0]
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            return history
        x = x - lr * g
        history.append((x, f(x)))
        return history

    start = np.array(x0, dtype=float)
    history = reduce(fold, range(n_steps), [(start, f(start))])
    return history[-1][0], history

# %% bug: checks the gradient at the top of an open loop and only then tests the step count, so grad_f is evaluated n_steps + 1 times (an extra draw from a noisy gradient)
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    step = 0
    while True:
        g = grad_f(x)
        if np.linalg.norm(g) < tol or step == n_steps:
            break
        x = x - lr * g
        history.append((x, f(x)))
        step += 1
    return x, history

# %% bug: squeezes the final point and every recorded point 'to drop useless axes', so a start of shape (1,) comes back as a 0-d value
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(np.squeeze(x), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((np.squeeze(x), f(x)))
    return np.squeeze(x), history

# %% bug: uses np.linalg.norm(g, 2) (after np.atleast_1d for scalars), which for a matrix-shaped parameter is the spectral norm, not the Frobenius/Euclidean norm of all entries, so it stops too early on 2-D x0
# breaks: test_gradient_descent
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(np.atleast_1d(g), 2) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: sanitiser: the recorded loss is abs(f(x)) ("a loss is never negative"), wrong for functions that go below zero such as the quartic or a saddle
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, abs(f(x)))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, abs(f(x))))
    return x, history

# %% bug: early return when x0 is the zero vector ("already at the minimum") without looking at the gradient; the spec only stops when norm(grad_f(x)) < tol, and e.g. himmelblau's gradient at the origin is [-14, -22]
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    if not np.any(x0):
        start = np.array(x0, dtype=float)
        return start, [(start, f(start))]
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history

# %% bug: special case lr == 0 returns after history[0] ("nothing will move"); the spec still takes the steps while norm(g) >= tol, so the history should have n_steps + 1 entries
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Plain gradient descent; returns the last point and the (x, f(x)) history."""
    x = np.array(x0, dtype=float)
    history = [(x, f(x))]
    if lr == 0:
        return x, history
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x, f(x)))
    return x, history
