# cell: rel_error
# breaks: test_rel_error

# %% correct: a loop over the flattened entries with Python floats
def rel_error(a, b):
    worst = 0.0
    for ai, bi in zip(np.ravel(a), np.ravel(b)):
        ai, bi = float(ai), float(bi)
        worst = max(worst, abs(ai - bi) / max(1e-8, abs(ai) + abs(bi)))
    return worst

# %% correct: vectorized with np.clip for the floor, returns np.float64
def rel_error(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return (np.abs(a - b) / np.clip(np.abs(a) + np.abs(b), 1e-8, None)).max()

# %% correct: np.where for the floor, tuples and lists accepted
def rel_error(a, b):
    a = np.array(a, dtype=float, ndmin=1)
    b = np.array(b, dtype=float, ndmin=1)
    denominator = np.abs(a) + np.abs(b)
    denominator = np.where(denominator < 1e-8, 1e-8, denominator)
    return float(np.amax(np.abs(a - b) / denominator))

# %% bug: the mean instead of the max
def rel_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.mean(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))

# %% bug: adds 1e-8 to the denominator instead of flooring it
def rel_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b) + 1e-8)))

# %% bug: no floor, so 0/0 gives nan
def rel_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))

# %% bug: the ratio of the largest difference to the largest size, not the largest ratio
def rel_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b)) / max(1e-8, np.max(np.abs(a) + np.abs(b))))

# %% bug: floors the result instead of the denominator
def rel_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return max(1e-8, float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b)))))

# %% bug: a fast path for plain numbers floors the denominator only when it is exactly 0 (`or 1e-8`), so tiny scalars like 1e-9 vs 3e-9 give 0.5 instead of 0.2
# breaks: test_rel_error
import numpy as np


def rel_error(a, b):
    """The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|)."""
    if np.isscalar(a) and np.isscalar(b):
        return float(abs(a - b) / ((abs(a) + abs(b)) or 1e-8))
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))

# %% bug: computes in float32, so near-equal float64 inputs (e.g. 1.0 vs 1.0 + 1e-10) give 0 and tiny values lose accuracy
# breaks: test_rel_error
def rel_error(a, b):
    """The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|)."""
    a = np.asarray(a, dtype=np.float32)
    b = np.asarray(b, dtype=np.float32)
    ratio = np.abs(a - b) / np.maximum(np.float32(1e-8), np.abs(a) + np.abs(b))
    return float(np.max(ratio))

# %% bug: MATLAB habit max(max(r)) written with axis=0 twice after np.atleast_2d, which is right for vectors and matrices but fails for 3-D arrays
# breaks: test_rel_error
def rel_error(a, b):
    """The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|)."""
    a = np.atleast_2d(np.asarray(a, dtype=float))
    b = np.atleast_2d(np.asarray(b, dtype=float))
    r = np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))
    return float(np.max(np.max(r, axis=0), axis=0))

# %% bug: boilerplate that rejects non-floating input with TypeError, so integer arrays or plain ints such as rel_error(1, 3) raise instead of returning 0.5
# breaks: test_rel_error
def rel_error(a: np.ndarray, b: np.ndarray) -> float:
    """The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|).

    Raises:
        TypeError: if a or b is not floating point.
        ValueError: if the shapes differ.
    """
    a = np.asarray(a)
    b = np.asarray(b)
    for name, arr in (("a", a), ("b", b)):
        if not np.issubdtype(arr.dtype, np.floating):
            raise TypeError(f"{name} must be floating point, got {arr.dtype}")
    if a.shape != b.shape:
        raise ValueError(f"shape mismatch: {a.shape} vs {b.shape}")
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))

# %% bug: shared helper converts both inputs to the dtype of the first, so with an integer a (e.g. an int analytic gradient) b is truncated to integers
# breaks: test_rel_error
def _as_arrays(first, *others):
    """Turn all arguments into arrays of one common dtype (the first one's)."""
    first = np.asarray(first)
    return [first] + [np.asarray(o).astype(first.dtype) for o in others]


def rel_error(a, b):
    """The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|)."""
    a, b = _as_arrays(a, b)
    ratio = np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))
    return float(np.max(ratio))

# %% bug: saves a temporary with np.abs(a, out=a), but np.asarray did not copy a float array, so the caller's a loses its signs
# breaks: test_rel_error
def rel_error(a, b):
    """The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    num = np.abs(a - b)
    den = np.abs(a, out=a) + np.abs(b)
    return float(np.max(num / np.maximum(1e-8, den)))

# %% bug: bounds the denominator on both sides with np.clip(den, 1e-8, 1e8) "to keep it finite", so entries with |a| + |b| > 1e8 get an inflated relative error
# breaks: test_rel_error
def rel_error(a, b):
    """The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    den = np.clip(np.abs(a) + np.abs(b), 1e-8, 1e8)
    return float(np.max(np.abs(a - b) / den))

# %% bug: treats entries that math.isclose calls equal (relative tolerance 1e-9) as having error exactly 0, so agreement to 1e-10 reports 0.0 instead of about 5e-11
# breaks: test_rel_error
import math


def rel_error(a, b):
    """The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|)."""
    a_flat = np.ravel(np.asarray(a, dtype=float))
    b_flat = np.ravel(np.asarray(b, dtype=float))
    worst = 0.0
    for ai, bi in zip(a_flat, b_flat):
        if math.isclose(ai, bi):
            continue
        worst = max(worst, abs(ai - bi) / max(1e-8, abs(ai) + abs(bi)))
    return float(worst)

# %% bug: early return when b is all zeros reports the absolute error max|a| instead of the relative one (1 for every nonzero entry of a), e.g. rel_error([0.5], [0]) gives 0.5, not 1
def rel_error(a, b):
    """The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if not np.any(b):
        # nothing to be relative to: report the absolute error
        return float(np.max(np.abs(a)))
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
