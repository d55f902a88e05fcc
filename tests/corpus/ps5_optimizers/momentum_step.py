# cell: momentum_step
# breaks: test_momentum_step
#
# The fourth bug (the velocity kept in a global) also fails the visible asserts of
# test_train_softmax_accuracy under nbgrader: the notebook's own training run, with the
# student's momentum_step, crashes on a velocity left from the visible test's steps, and the
# accuracy cell reads that run's results; the hidden suite charges it to test_momentum_step
# alone. It is fourth so that its round holds train_softmax's fourth bug, which breaks that
# cell anyway.

# %% correct: in-place arithmetic on float copies of v and w
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    new_v = np.array(v, dtype=float)
    new_v *= momentum
    new_v -= lr * np.asarray(g, dtype=float)
    new_w = np.array(w, dtype=float)
    new_w += new_v
    return new_w, new_v

# %% correct: ufuncs with dtype=float, returns a list [w, v]
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    velocity = np.subtract(np.multiply(momentum, v, dtype=float), np.multiply(lr, g, dtype=float))
    return [np.add(w, velocity, dtype=float), velocity]

# %% correct: Python floats in a loop over the flattened arrays
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    shape = np.shape(w)
    new_w, new_v = [], []
    for wi, gi, vi in zip(np.ravel(w), np.ravel(g), np.ravel(v)):
        vi = momentum * float(vi) - lr * float(gi)
        new_v.append(vi)
        new_w.append(float(wi) + vi)
    return np.array(new_w).reshape(shape), np.array(new_v).reshape(shape)

# %% bug: the velocity adds lr * g, so the ball rolls uphill
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    v = momentum * np.asarray(v, dtype=float) + lr * np.asarray(g, dtype=float)
    return np.asarray(w, dtype=float) + v, v

# %% bug: the opposite sign convention (v = momentum * v + lr * g, w = w - v) returns -v
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    v = momentum * v + lr * g
    return w - v, v

# %% bug: steps with the old velocity, then updates it
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    new_w = w + v
    return new_w, momentum * v - lr * g

# %% bug: keeps the velocity in a global, as an optimizer object would, and reads the v passed in only on the first call
_velocity = None


def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    global _velocity
    if _velocity is None:
        _velocity = np.array(v, dtype=float)
    _velocity = momentum * _velocity - lr * np.asarray(g, dtype=float)
    return np.asarray(w, dtype=float) + _velocity, _velocity.copy()

# %% bug: updates the caller's v in place (np.asarray does not copy)
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    v = np.asarray(v, dtype=float)
    v *= momentum
    v -= lr * np.asarray(g, dtype=float)
    return np.asarray(w, dtype=float) + v, v

# %% bug: lr scales the whole velocity (v = momentum * v - g, w = w + lr * v)
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    v = momentum * v - g
    return w + lr * v, v

# %% bug: lr and momentum declared in the wrong order (momentum=0.9, lr=0.01), so positional calls swap them
# breaks: test_momentum_step
import numpy as np


def momentum_step(w, g, v, momentum=0.9, lr=0.01):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    new_v = momentum * v - lr * g
    return w + new_v, new_v

# %% bug: preallocates the velocity with np.zeros_like(w), so an integer w truncates v (and w) to integers
# breaks: test_momentum_step
import numpy as np


def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    new_v = np.zeros_like(w)
    new_v[...] = momentum * np.asarray(v, dtype=float) - lr * np.asarray(g, dtype=float)
    new_w = np.zeros_like(w)
    new_w[...] = np.asarray(w) + new_v
    return new_w, new_v

# %% bug: recovers v as new_w - w, losing the velocity to cancellation when w is large
# breaks: test_momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    w = np.asarray(w, dtype=float)
    new_w = w + momentum * np.asarray(v, dtype=float) - lr * np.asarray(g, dtype=float)
    new_v = new_w - w
    return new_w, new_v

# %% bug: np.squeeze on the results drops singleton axes ((n, 1) and 0-d shapes change)
# breaks: test_momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    new_v = momentum * np.asarray(v, dtype=float) - lr * np.asarray(g, dtype=float)
    new_w = np.asarray(w, dtype=float) + new_v
    return np.squeeze(new_w), np.squeeze(new_v)

# %% bug: converts to PyTorch's buffer convention (buf = -v / lr; buf = momentum * buf + g; v = -lr * buf), which divides by lr, so lr = 0 gives nan instead of v = momentum * v
# breaks: test_momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    buf = -v / lr                     # torch.optim.SGD keeps momentum_buffer in gradient units
    buf = momentum * buf + g
    new_v = -lr * buf
    return w + new_v, new_v

# %% bug: early exit for momentum == 0 does a plain step and hands back the old velocity (the same object) instead of -lr * g
# breaks: test_momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    if momentum == 0:
        return w - lr * g, v                          # no momentum: just gradient descent
    v = momentum * np.asarray(v, dtype=float) - lr * g
    return w + v, v

# %% bug: (f) snaps velocities below 1e-12 to exactly zero "to remove floating-point noise", so tiny gradients never move w
# breaks: test_momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    v_new = momentum * v - lr * g
    v_new = np.where(np.abs(v_new) < 1e-12, 0.0, v_new)
    return w + v_new, v_new

# %% bug: 'robust' early return for a zero gradient hands back the caller's w and v unchanged, but the ball should keep rolling (v = momentum * v, w = w + v)
# breaks: test_momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    if not np.any(g):
        return w, v                      # at a stationary point: nothing to do
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    new_v = momentum * v - lr * g
    return w + new_v, new_v

# %% bug: 'helpful' unwrapping returns plain Python floats when there is a single parameter, so a shape-(1,) w comes back as a scalar
# breaks: test_momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    new_v = momentum * v - lr * g
    new_w = w + new_v
    if new_w.size == 1:
        return float(new_w.item()), float(new_v.item())
    return new_w, new_v

# %% bug: copies v without a float dtype and updates it with *= and -=, which raises a casting error when v is an integer array or a list like [0, 0]
# breaks: test_momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    new_v = np.array(v)
    new_v *= momentum
    new_v -= lr * np.asarray(g, dtype=float)
    new_w = np.asarray(w, dtype=float) + new_v
    return new_w, new_v

# %% bug: extra clip_norm=5.0 option on by default rescales g to norm 5 whenever norm(g) > 5, so large gradients give the wrong velocity
def momentum_step(w, g, v, lr=0.01, momentum=0.9, clip_norm=5.0):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    g = np.asarray(g, dtype=float)
    if clip_norm is not None:
        norm = np.linalg.norm(g)
        if norm > clip_norm:
            g = g * (clip_norm / norm)
    new_v = momentum * np.asarray(v, dtype=float) - lr * g
    return np.asarray(w, dtype=float) + new_v, new_v

# %% bug: returns map(np.copy, ...) - a one-shot map iterator - instead of the tuple (w, v); unpacking works once, but indexing or len() fail; breaks "returns (w, v)"
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    v_new = momentum * np.asarray(v, dtype=float) - lr * np.asarray(g, dtype=float)
    w_new = np.asarray(w, dtype=float) + v_new
    return map(np.copy, (w_new, v_new))

# %% bug: stability patch clamps the momentum to at most 0.99 "so the ball cannot run away", so momentum = 0.995 or 1.0 is silently replaced by 0.99; breaks "v = momentum * v - lr * g"
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    mu = min(momentum, 0.99)                 # keep some friction, otherwise it never settles
    v_new = mu * np.asarray(v, dtype=float) - lr * np.asarray(g, dtype=float)
    return np.asarray(w, dtype=float) + v_new, v_new
