# cell: clip_by_norm
# breaks: test_clip_by_norm

# %% correct: one scale factor, min(1, max_norm / norm)
def clip_by_norm(g, max_norm):
    g = np.asarray(g, dtype=float)
    norm = np.sqrt(np.sum(g * g))
    scale = min(1.0, max_norm / norm) if norm > 0 else 1.0
    return g * scale

# %% correct: the norm from Python floats and math.sqrt, in-place rescaling of a copy
import math


def clip_by_norm(g, max_norm):
    g = np.array(g, dtype=float)
    norm = math.sqrt(sum(float(x) * float(x) for x in g.ravel()))
    if norm > max_norm:
        g *= max_norm / norm
    return g

# %% correct: the norm of the flattened array, g / norm * max_norm, a copy when within
def clip_by_norm(g, max_norm):
    g = np.asarray(g, dtype=float)
    norm = np.linalg.norm(g.ravel())
    if norm <= max_norm:
        return g.copy()
    return g / norm * max_norm

# %% bug: clips each element to [-max_norm, max_norm], which changes the direction
def clip_by_norm(g, max_norm):
    return np.clip(np.asarray(g, dtype=float), -max_norm, max_norm)

# %% bug: always rescales to length max_norm, even short gradients
def clip_by_norm(g, max_norm):
    g = np.asarray(g, dtype=float)
    return g * (max_norm / np.linalg.norm(g))

# %% bug: np.linalg.norm(g, 2) is the spectral norm for a matrix, not the norm over all elements
def clip_by_norm(g, max_norm):
    g = np.asarray(g, dtype=float)
    norm = np.linalg.norm(g, 2)
    return g * (max_norm / norm) if norm > max_norm else g

# %% bug: compares the squared norm with max_norm (no square root)
def clip_by_norm(g, max_norm):
    g = np.array(g, dtype=float)
    squared = np.sum(g**2)
    return g * (max_norm / squared) if squared > max_norm else g

# %% bug: rescales the caller's array in place (np.asarray does not copy)
def clip_by_norm(g, max_norm):
    g = np.asarray(g, dtype=float)
    norm = np.linalg.norm(g)
    if norm > max_norm:
        g *= max_norm / norm
    return g

# %% bug: scale = min(1.0, max_norm / norm) on Python floats, so a zero gradient raises ZeroDivisionError
# breaks: test_clip_by_norm
import numpy as np


def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    g = np.asarray(g, dtype=float)
    norm = float(np.linalg.norm(g))
    scale = min(1.0, max_norm / norm)
    return g * scale

# %% bug: returns the caller's object itself when already within (a list stays a list, an int array stays int, and it aliases the input)
# breaks: test_clip_by_norm
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    norm = np.linalg.norm(g)
    if norm <= max_norm:
        return g
    return np.asarray(g, dtype=float) * (max_norm / norm)

# %% bug: casts to float32 "to save memory": returns float32 and the squared norm overflows to inf for elements above ~1e19, clipping such gradients to zeros
# breaks: test_clip_by_norm
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    g32 = np.array(g, dtype=np.float32)
    norm = np.sqrt(np.sum(g32 * g32))
    if norm > max_norm:
        g32 = g32 * np.float32(max_norm / norm)
    return g32

# %% bug: (f) generalises with np.atleast_1d so scalars "work", but a 0-d gradient comes back with shape (1,)
# breaks: test_clip_by_norm
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    g = np.atleast_1d(np.array(g, dtype=float))
    norm = np.sqrt((g ** 2).sum())
    if norm > max_norm:
        g = g * (max_norm / norm)
    return g

# %% bug: JavaScript habit that assignment shares and asarray "makes a float version": np.asarray on a float array is the same object, so the in-place scaling modifies the caller's g
# breaks: test_clip_by_norm
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    out = np.asarray(g, dtype=float)
    norm = np.linalg.norm(out)
    if norm > max_norm:
        out *= max_norm / norm
    return out

# %% bug: JavaScript "all numbers are floats": np.copy keeps an integer dtype, so an integer gradient within the bound comes back as ints and one that needs clipping raises a casting error
# breaks: test_clip_by_norm
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    out = np.copy(g)
    norm = np.sqrt(np.sum(np.square(out)))
    if norm > max_norm:
        out *= max_norm / norm
    return out

# %% bug: clips when norm >= max_norm, so a zero gradient with max_norm = 0 gives 0/0 = nan instead of coming back "unchanged when already within"
# breaks: test_clip_by_norm
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    g = np.array(g, dtype=float)
    norm = np.linalg.norm(g)
    if norm >= max_norm:
        with np.errstate(invalid="ignore", divide="ignore"):
            g = g / norm * max_norm
    return g

# %% bug: functools.reduce(math.hypot, ...) without an initial value returns the lone element itself for a one-element gradient, so a negative one like [-5] gets "norm" -5 and is never clipped
# breaks: test_clip_by_norm
import functools
import math


def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    arr = np.array(g, dtype=float)
    norm = functools.reduce(math.hypot, arr.ravel())
    if norm > max_norm:
        arr = arr * (max_norm / norm)
    return arr

# %% bug: (g) treats max_norm <= 0 as "clipping switched off" and returns g unchanged, where the rule asks for a gradient of norm <= 0, i.e. zeros
# breaks: test_clip_by_norm
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    g = np.array(g, dtype=float)
    if max_norm is None or max_norm <= 0:      # no clipping requested
        return g
    norm = np.linalg.norm(g)
    if norm > max_norm:
        g *= max_norm / norm
    return g

# %% bug: np.isclose(norm, max_norm) used as "already at the limit", so a norm slightly above max_norm, or any norm below max_norm + 1e-8 when max_norm is tiny, is not clipped ("g rescaled so that norm(g) <= max_norm")
# breaks: test_clip_by_norm
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    g = np.array(g, dtype=float)
    norm = np.linalg.norm(g)
    if norm <= max_norm or np.isclose(norm, max_norm):
        return g
    return g * (max_norm / norm)

# %% bug: reuses sgd_step: g - (1 - c/|g|) * g cancels catastrophically for an exploding gradient (1 - 1e-20 rounds to 1), so a gradient of 1e20 comes back as zeros instead of g * c/|g|
# breaks: test_clip_by_norm
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    g = np.array(g, dtype=float)          # always a new float array
    norm = np.linalg.norm(g)
    if norm <= max_norm:
        return g
    return sgd_step(g, g, 1.0 - max_norm / norm)

# %% bug: pure-Python student's norm loops over rows and then elements (two nested loops), which only covers vectors and matrices: for a 3-d gradient the inner items are arrays and the function raises
import math


def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    g = np.array(g, dtype=float)
    total = 0.0
    for row in np.atleast_2d(g):
        for x in row:
            total = total + x * x
    norm = np.sqrt(total)
    if norm > max_norm:
        return g * (max_norm / norm)
    return g

# %% bug: hurried typist: the norm and the copy are computed on g_arr but the clipped result multiplies the raw argument g, so a list g above max_norm raises TypeError (list * float)
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    g_arr = np.array(g, dtype=float)
    norm = np.linalg.norm(g_arr)
    if norm > max_norm:
        return g * (max_norm / norm)
    return g_arr
