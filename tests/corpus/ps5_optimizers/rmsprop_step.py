# cell: rmsprop_step
# breaks: test_rmsprop_step

# %% correct: in-place arithmetic on float copies, (s + eps) ** -0.5
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    g = np.asarray(g, dtype=float)
    s = np.array(s, dtype=float)
    s *= decay
    s += (1 - decay) * g * g
    w = np.array(w, dtype=float)
    w -= lr * g * (s + eps) ** -0.5
    return w, s

# %% correct: Python floats and math.sqrt in a loop over the flattened arrays
import math


def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    shape = np.shape(w)
    new_w, new_s = [], []
    for wi, gi, si in zip(np.ravel(w), np.ravel(g), np.ravel(s)):
        si = decay * float(si) + (1.0 - decay) * float(gi) ** 2
        new_s.append(si)
        new_w.append(float(wi) - lr * float(gi) / math.sqrt(si + eps))
    return np.array(new_w).reshape(shape), np.array(new_s).reshape(shape)

# %% correct: ufuncs (np.square, np.divide, np.sqrt), a tuple built from a generator
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    s = np.add(np.multiply(decay, s, dtype=float), (1 - decay) * np.square(np.asarray(g, dtype=float)))
    step = lr * np.divide(g, np.sqrt(s + eps))
    return tuple(a for a in (np.subtract(w, step, dtype=float), s))

# %% bug: eps outside the square root, sqrt(s) + eps (PyTorch's form)
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    w, g, s = (np.asarray(a, dtype=float) for a in (w, g, s))
    s = decay * s + (1 - decay) * g**2
    return w - lr * g / (np.sqrt(s) + eps), s

# %% bug: divides by s + eps without the square root
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    w, g, s = (np.asarray(a, dtype=float) for a in (w, g, s))
    s = decay * s + (1 - decay) * g**2
    return w - lr * g / (s + eps), s

# %% bug: decay and 1 - decay swapped in the running mean
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    w, g, s = (np.asarray(a, dtype=float) for a in (w, g, s))
    s = (1 - decay) * s + decay * g**2
    return w - lr * g / np.sqrt(s + eps), s

# %% bug: divides by the old s, before updating it
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    w, g, s = (np.asarray(a, dtype=float) for a in (w, g, s))
    new_w = w - lr * g / np.sqrt(s + eps)
    return new_w, decay * s + (1 - decay) * g**2

# %% bug: new state allocated with np.empty_like(s), so an integer s (e.g. [0, 0]) truncates the running mean to integers
# breaks: test_rmsprop_step
import numpy as np


def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    g = np.asarray(g, dtype=float)
    new_s = np.empty_like(s)
    new_s[...] = decay * np.asarray(s, dtype=float) + (1 - decay) * g**2
    new_w = np.asarray(w, dtype=float) - lr * g / np.sqrt(new_s + eps)
    return new_w, new_s

# %% bug: an extra "safety" 1e-12 added outside the square root on top of eps, which changes the step when s + eps is tiny (eps = 0, tiny gradients)
# breaks: test_rmsprop_step
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    w, g, s = (np.asarray(a, dtype=float) for a in (w, g, s))
    s = decay * s + (1 - decay) * g ** 2
    w = w - lr * g / (np.sqrt(s + eps) + 1e-12)
    return w, s

# %% bug: early exit when the gradient is all zeros returns w and the old s untouched, but s should still decay by the factor decay
# breaks: test_rmsprop_step
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    w = np.array(w, dtype=float)
    s = np.array(s, dtype=float)
    if not np.any(g):
        return w, s                                # zero gradient: nothing moves
    g = np.asarray(g, dtype=float)
    s = decay * s + (1 - decay) * g ** 2
    return w - lr * g / np.sqrt(s + eps), s

# %% bug: stores the running mean s in float32 "to halve the memory", so the returned state is float32 and loses precision (tiny or huge g**2 underflow or overflow)
# breaks: test_rmsprop_step
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    g32 = np.asarray(g, dtype=np.float32)
    s = np.float32(decay) * np.asarray(s, dtype=np.float32) + np.float32(1 - decay) * g32 * g32
    w = np.asarray(w, dtype=np.float64) - lr * np.asarray(g, dtype=np.float64) / np.sqrt(s.astype(np.float64) + eps)
    return w, s

# %% bug: formula typed straight in with no conversion, so list inputs fail (decay * [..] raises TypeError, g ** 2 on a list too)
# breaks: test_rmsprop_step
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    s = decay * s + (1 - decay) * g ** 2
    w = w - lr * g / np.sqrt(s + eps)
    return w, s

# %% bug: np.errstate(all="raise") around the whole update with a skip-the-step fallback: an underflow in g**2 (|g| < 1e-154) or 0/0 at eps = 0 returns w and s unchanged for every coordinate
# breaks: test_rmsprop_step
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    w = np.asarray(w, dtype=float)
    g = np.asarray(g, dtype=float)
    s = np.asarray(s, dtype=float)
    try:
        with np.errstate(all="raise"):
            new_s = decay * s + (1 - decay) * g**2
            new_w = w - lr * g / np.sqrt(new_s + eps)
    except FloatingPointError:
        return w.copy(), s.copy()  # numerically unsafe: skip this step
    return new_w, new_s

# %% bug: (b) module-level optimizer configured through a chained .set(...) that only overwrites truthy values, so decay=0 silently keeps the previous decay (0.9 at first)
# breaks: test_rmsprop_step
class RMSpropOptimizer:
    def __init__(self, lr=0.001, decay=0.9, eps=1e-8):
        self.lr, self.decay, self.eps = lr, decay, eps

    def set(self, lr=None, decay=None, eps=None):
        self.lr = lr if lr is not None else self.lr
        self.decay = decay or self.decay
        self.eps = eps if eps is not None else self.eps
        return self

    def step(self, w, g, s):
        w, g, s = (np.asarray(a, dtype=float) for a in (w, g, s))
        s_new = self.decay * s + (1 - self.decay) * g ** 2
        return w - self.lr * g / np.sqrt(s_new + self.eps), s_new


_rmsprop = RMSpropOptimizer()


def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    return _rmsprop.set(lr=lr, decay=decay, eps=eps).step(w, g, s)

# %% bug: (f) casts the new parameters back to the caller's dtype "to keep types consistent", so integer w (or a list of ints) is truncated
# breaks: test_rmsprop_step
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    w_in = np.asarray(w)
    g, s = np.asarray(g, dtype=float), np.asarray(s, dtype=float)
    s_new = decay * s + (1 - decay) * g ** 2
    w_new = w_in - lr * g / np.sqrt(s_new + eps)
    return w_new.astype(w_in.dtype), s_new

# %% bug: np.squeeze on the inputs "to accept column vectors" drops size-1 axes, so shape-(1,) or (1, d) inputs come back with another shape
# breaks: test_rmsprop_step
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    w, g, s = (np.squeeze(np.asarray(a, dtype=float)) for a in (w, g, s))
    new_s = decay * s + (1 - decay) * g**2
    return w - lr * g / np.sqrt(new_s + eps), new_s

# %% bug: treats gradients with |g| <= eps as noise and zeroes them before the update, so a tiny but nonzero gradient (|g| <= 1e-8 by default) neither enters s nor moves w, although the formula uses every g
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    g = np.asarray(g, dtype=float)
    g = np.where(np.abs(g) > eps, g, 0.0)             # below eps it is only rounding noise
    s = decay * np.asarray(s, dtype=float) + (1 - decay) * g ** 2
    return np.asarray(w, dtype=float) - lr * g / np.sqrt(s + eps), s

# %% bug: returns a generator expression of copies instead of the tuple (w, s); unpacking works once, but indexing or a second pass fail; breaks "returning (w, s)"
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    g = np.asarray(g, dtype=float)
    s_new = decay * np.asarray(s, dtype=float) + (1 - decay) * g**2
    w_new = np.asarray(w, dtype=float) - lr * g / np.sqrt(s_new + eps)
    return (a.copy() for a in (w_new, s_new))

# %% bug: shortcut for decay == 0 returns w - lr * sign(g) ("no memory means sign-SGD"), dropping eps, so gradients with g**2 comparable to eps take a full lr step; breaks "w - lr * g / sqrt(s + eps)"
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    g = np.asarray(g, dtype=float)
    if decay == 0:                           # s = g**2, so g / sqrt(s) is just the sign
        return np.asarray(w, dtype=float) - lr * np.sign(g), g**2
    s_new = decay * np.asarray(s, dtype=float) + (1 - decay) * g**2
    return np.asarray(w, dtype=float) - lr * g / np.sqrt(s_new + eps), s_new
