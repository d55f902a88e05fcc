# cell: sigmoid
# breaks: test_sigmoid

# %% correct: the tanh identity, sigma(z) = (1 + tanh(z / 2)) / 2, which never overflows
def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))

# %% correct: logaddexp, log sigma(z) = -log(1 + exp(-z)) computed stably
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z))

# %% correct: boolean masks on a fresh array, exp only of numbers <= 0
def sigmoid(z):
    z = np.array(z, dtype=float)
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1.0 + e)
    return float(out) if out.ndim == 0 else out

# %% correct: a Python loop with math.exp, one element at a time, reshaped
import math

def sigmoid(z):
    values = np.asarray(z, dtype=float)

    def one(v):
        if v >= 0:
            return 1.0 / (1.0 + math.exp(-v))
        e = math.exp(v)
        return e / (1.0 + e)

    out = np.array([one(v) for v in values.ravel()]).reshape(values.shape)
    return float(out) if values.ndim == 0 else out

# %% correct: clips a copy of z to [-500, 500] (exp(500) is finite), then the textbook formula
def sigmoid(z):
    z = np.clip(np.asarray(z, dtype=float), -500.0, 500.0)
    return 1.0 / (1.0 + np.exp(-z))

# %% bug: the textbook's other form, exp(z) / (1 + exp(z)): inf / inf = nan for large z
def sigmoid(z):
    e = np.exp(np.asarray(z, dtype=float))
    return e / (1.0 + e)

# %% bug: clips z to [-20, 20] "since sigma(20) is already 1": the tails are wrong
def sigmoid(z):
    z = np.clip(np.asarray(z, dtype=float), -20.0, 20.0)
    return 1.0 / (1.0 + np.exp(-z))

# %% bug: clips the caller's array in place (np.asarray does not copy), right values
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    z[z > 500] = 500.0
    z[z < -500] = -500.0
    return 1.0 / (1.0 + np.exp(-z))

# %% bug: np.where with its branches swapped, so exp(z) / (1 + exp(z)) serves z >= 0 (nan at z = 1000)
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.where(z < 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))

# %% bug: output array made with np.empty_like(z), so an integer input gives an integer (truncated) result
# breaks: test_sigmoid
import numpy as np


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1 + e)
    return out

# %% bug: scalar fast path with math.exp, which raises OverflowError for a scalar z below about -709
# breaks: test_sigmoid
import math

import numpy as np


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    if np.ndim(z) == 0:
        return 1.0 / (1.0 + math.exp(-z))
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

# %% correct: np.where over two branches that both exponentiate only -abs(z)
import numpy as np


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

# %% bug: np.vectorize without otypes around a helper that returns the ints 0 / 1 for abs(z) > 500: when the first element is extreme the whole output is an int array (0.3 becomes 0)
# breaks: test_sigmoid
import math

import numpy as np


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    def one(t):
        if t > 500:
            return 1
        if t < -500:
            return 0
        return 1.0 / (1.0 + math.exp(-t))

    return np.vectorize(one)(z)

# %% bug: dodges overflow by computing the naive formula in np.longdouble: returns float128 not float64 and still overflows for z below about -11356
# breaks: test_sigmoid
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=np.longdouble)   # extended range: exp(1000) fits
    return 1 / (1 + np.exp(-z))

# %% bug: edge-case student wraps the input in np.atleast_1d so numbers "work too", so sigmoid(0.3) returns shape (1,) instead of a number
# breaks: test_sigmoid
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.atleast_1d(np.asarray(z, dtype=float))
    e = np.exp(-np.abs(z))
    out = e / (1.0 + e)
    out[z >= 0] = 1.0 / (1.0 + e[z >= 0])
    return out

# %% bug: memoises per element on round(z, 3), in a module-level dict, so nearby inputs (in the same call or a later one) get the value of the first one seen
# breaks: test_sigmoid
import math

_SIGMOID_MEMO = {}


def _sig_one(t):
    key = round(t, 3)
    if key not in _SIGMOID_MEMO:
        if t >= 0:
            _SIGMOID_MEMO[key] = 1.0 / (1.0 + math.exp(-t))
        else:
            e = math.exp(t)
            _SIGMOID_MEMO[key] = e / (1.0 + e)
    return _SIGMOID_MEMO[key]


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    arr = np.asarray(z, dtype=float)
    values = list(map(_sig_one, arr.ravel().tolist()))
    out = np.array(values, dtype=float).reshape(arr.shape)
    return out

# %% bug: works in blocks of 16 elements, but the number of blocks is max(1, n // 16), so the last partial block of any array with more than 16 elements (n not a multiple of 16) is left at 0
# breaks: test_sigmoid
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    arr = np.asarray(z, dtype=float)
    flat = arr.ravel()
    out = np.zeros(flat.shape, dtype=float)
    block = 16
    n_blocks = max(1, flat.size // block)
    for k in range(n_blocks):
        chunk = flat[k * block:(k + 1) * block]
        e = np.exp(-np.abs(chunk))
        out[k * block:(k + 1) * block] = np.where(chunk >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return out.reshape(arr.shape)

# %% bug: any one-element input is turned into a plain float, so an array of shape (1,) or (1, 1) loses its shape
# breaks: test_sigmoid
import math


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    if z.size == 1:
        t = z.item()
        e = math.exp(-abs(t))
        return 1.0 / (1.0 + e) if t >= 0 else e / (1.0 + e)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

# %% bug: memoises results in a default dict keyed by z.tobytes(), which ignores shape, so a reshaped input (or 0.0 after np.array([0.0])) gets the earlier call's shape back, and callers share one result array
# breaks: test_sigmoid
def sigmoid(z, _memo={}):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    key = z.tobytes()
    if key not in _memo:
        e = np.exp(-np.abs(z))
        _memo[key] = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return _memo[key]

# %% bug: reads "squashes any real number into (0, 1)" as a requirement and clips the result into [1e-15, 1 - 1e-15], so sigmoid(1000) is 0.999999999999999 and sigmoid(-40) is 1e-15 instead of 4.2e-18
# breaks: test_sigmoid
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    eps = 1e-15
    return np.clip(s, eps, 1.0 - eps)

# %% bug: switches to the 0 branch only below z = -745 (where exp(z) underflows) instead of where exp(-z) overflows (z < -709.78), so for z in (-745, -709.78], e.g. -720, exp(-z) still overflows with a RuntimeWarning
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    out = np.zeros(z.shape)
    alive = z > -745.0            # below -745, sigma(z) is 0 in float64 anyway
    out[alive] = 1.0 / (1.0 + np.exp(-z[alive]))
    return out

# %% bug: the fast-path guard tests np.max(z) < 700, but the plain formula overflows for very NEGATIVE z, so an array like [-1000.0, 1.0] (max 1) takes 1 / (1 + exp(-z)) and overflows (and an empty array crashes in np.max)
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    if np.max(z) < 700:                      # nothing huge: the textbook formula is fine
        return 1.0 / (1.0 + np.exp(-z))
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

# %% bug: nested Python loops written for 2-D input only (with special paths for numbers and 1-D arrays); a 3-D array makes the scalar helper compare an array and raise ValueError
import math


def _sig_scalar(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    if np.ndim(z) == 0:
        return _sig_scalar(float(z))
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        return np.array([_sig_scalar(v) for v in z], dtype=float)
    out = np.zeros(z.shape)
    for i in range(z.shape[0]):
        for j in range(z.shape[1]):
            out[i, j] = _sig_scalar(z[i, j])
    return out

# %% bug: early return "sigma(0) = 1/2" when no entry is nonzero returns the number 0.5 for an all-zero array (and for an empty one) instead of an array of z's shape; breaks "working elementwise", result of z's shape
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    if not np.any(z):                    # all zeros: sigma(0) = 1/2, nothing to compute
        return 0.5
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

# %% bug: np.round(s, 12) "to clean up float noise like 0.49999999999999994" makes every sigma(z) below 5e-13 (z < about -28) exactly 0 and shifts the others by up to 5e-13; breaks sigma(z) = 1 / (1 + e^-z)
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return np.round(s, 12)

# %% bug: switches to the plain formula whenever max |z| < 710, but exp(t) already overflows for t > 709.78, so z in (-710, -709.78] (e.g. -709.9) overflows; breaks "without overflow warnings for large abs(z)"
def sigmoid(z):
    """The logistic function 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    if z.size == 0 or np.max(np.abs(z)) < 710:   # exp overflows only past about 710
        return 1.0 / (1.0 + np.exp(-z))
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
