# cell: l2_step
# breaks: test_l2_step

# %% correct: the step on the regularised gradient, theta - lr (grad + lam theta)
def l2_step(theta, grad, lr, lam):
    theta = np.asarray(theta, dtype=float)
    return theta - lr * (np.asarray(grad, dtype=float) + lam * theta)

# %% correct: in-place arithmetic on a copy: shrink, then step
def l2_step(theta, grad, lr, lam):
    new = np.array(theta, dtype=float)
    new *= 1.0 - lr * lam
    new -= lr * np.asarray(grad, dtype=float)
    return new

# %% correct: three terms with np.subtract
def l2_step(theta, grad, lr, lam):
    return np.subtract(np.subtract(theta, np.multiply(lr, grad)), np.multiply(lr * lam, theta))

# %% bug: grows theta by (1 + lr * lam) instead of shrinking it
def l2_step(theta, grad, lr, lam):
    return (1.0 + lr * lam) * np.asarray(theta, dtype=float) - lr * np.asarray(grad, dtype=float)

# %% bug: updates the caller's theta in place and returns it
def l2_step(theta, grad, lr, lam):
    theta *= 1.0 - lr * lam
    theta -= lr * np.asarray(grad, dtype=float)
    return theta

# %% bug: the decay forgets the learning rate, (1 - lam) theta - lr grad
def l2_step(theta, grad, lr, lam):
    return (1.0 - lam) * np.asarray(theta, dtype=float) - lr * np.asarray(grad, dtype=float)

# %% bug: decays after stepping, (1 - lr lam) (theta - lr grad)
def l2_step(theta, grad, lr, lam):
    stepped = np.asarray(theta, dtype=float) - lr * np.asarray(grad, dtype=float)
    return (1.0 - lr * lam) * stepped

# %% bug: result array made with np.zeros_like(theta), so an integer theta gives a truncated integer result
# breaks: test_l2_step
import numpy as np


def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    new = np.zeros_like(theta)
    new[...] = (1 - lr * lam) * theta - lr * grad
    return new

# %% correct: the decay-then-step form (1 - lr lam) theta - lr grad
import numpy as np


def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    return (1 - lr * lam) * theta - lr * grad

# %% bug: clamps the decay factor at zero, max(0, 1 - lr * lam), which departs from the formula whenever lr * lam > 1
# breaks: test_l2_step
import numpy as np


def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    decay = max(0.0, 1.0 - lr * lam)
    return decay * np.asarray(theta, dtype=float) - lr * np.asarray(grad, dtype=float)

# %% bug: shortcut "if lr == 0: return theta" hands back the caller's own array instead of a new one
# breaks: test_l2_step
def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    if lr == 0:
        return theta  # nothing moves
    return (1 - lr * lam) * np.asarray(theta, dtype=float) - lr * np.asarray(grad, dtype=float)

# %% bug: "nothing to do" shortcut returns theta itself when the gradient is all zero, skipping the weight decay (and handing back the caller's own array) -- violates "(1 - lr * lam) * theta - lr * grad" and "returning the new parameters as a new array"
# breaks: test_l2_step
def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    theta = np.asarray(theta, dtype=float)
    grad = np.asarray(grad, dtype=float)
    if not np.any(grad):
        return theta
    return (1 - lr * lam) * theta - lr * grad

# %% bug: over-engineer memoises the decay factor in a dict keyed by lam only, so a later call with the same lam but a different lr reuses the old factor -- violates "(1 - lr * lam) * theta - lr * grad"
# breaks: test_l2_step
_DECAY = {}


def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    if lam not in _DECAY:
        _DECAY[lam] = 1.0 - lr * lam
    factor = _DECAY[lam]
    return factor * np.asarray(theta, dtype=float) - lr * np.asarray(grad, dtype=float)

# %% bug: skips the multiplication when lam == 0 and then steps in place, so with lam = 0 the new array is theta itself and the caller's theta is modified (the visible mutation check runs before the lam = 0 call)
# breaks: test_l2_step
def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    new = theta if lam == 0 else (1 - lr * lam) * theta
    new -= lr * grad
    return new

# %% bug: a shortcut treats np.allclose(grad, 0) with lam == 0 as "nothing to do" and returns theta itself: a gradient below about 1e-8 is dropped and the returned array is the caller's own object
# breaks: test_l2_step
def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    if lam == 0 and np.allclose(grad, 0):
        return theta
    return (1 - lr * lam) * np.asarray(theta, dtype=float) - lr * np.asarray(grad, dtype=float)

# %% bug: np.squeeze drops every length-1 axis, so theta of shape (n, 1), (1, n) or (1,) comes back as (n,) or a 0-d value
def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    theta = np.squeeze(np.asarray(theta, dtype=float))  # tolerate stray singleton axes
    grad = np.squeeze(np.asarray(grad, dtype=float))
    return (1.0 - lr * lam) * theta - lr * grad

# %% bug: copy-pasted gradient-norm clipping (max norm 5) left in front of the step, so for gradients with norm above 5 the step is shorter than lr * grad
def l2_step(theta, grad, lr, lam):
    """One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad."""
    grad = np.asarray(grad, dtype=float)
    norm = np.linalg.norm(grad)
    if norm > 5.0:
        grad = grad * (5.0 / norm)
    return (1 - lr * lam) * np.asarray(theta, dtype=float) - lr * grad
