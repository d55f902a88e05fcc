# cell: sigmoid_forward
# breaks: test_sigmoid_backward
# (One cell holds sigmoid_forward and sigmoid_backward; each variant is the whole cell.)

# %% correct: sigmoid_forward caches the input; sigmoid_backward recomputes sigmoid(x)
def sigmoid_forward(x):
    x = np.array(x, dtype=float)
    return sigmoid(x), (x,)


def sigmoid_backward(dout, cache):
    s = sigmoid(cache[0])
    return dout * s * (1 - s)

# %% correct: sigmoid_forward caches the output in a dict; sigmoid_backward uses sigma' = s - s**2
def sigmoid_forward(x):
    out = np.asarray(sigmoid(np.asarray(x, dtype=float)), dtype=float)
    return out, {"s": out}


def sigmoid_backward(dout, cache):
    s = cache["s"]
    return np.multiply(dout, s - s**2)

# %% correct: sigmoid_forward caches a copy of the input in a list; sigmoid_backward uses sigma(x) sigma(-x)
def sigmoid_forward(x):
    x = np.asarray(x, dtype=float)
    return sigmoid(x), [x.copy()]


def sigmoid_backward(dout, cache):
    (x,) = cache
    return np.asarray(dout, dtype=float) * sigmoid(x) * sigmoid(-x)

# %% bug: sigmoid_backward applies the sigmoid again to the cached output
def sigmoid_forward(x):
    out = np.asarray(sigmoid(x), dtype=float)
    return out, (out,)


def sigmoid_backward(dout, cache):
    (out,) = cache
    s = sigmoid(out)
    return np.asarray(dout, dtype=float) * s * (1.0 - s)

# %% bug: sigmoid_backward forgets the (1 - s) factor
def sigmoid_forward(x):
    out = np.asarray(sigmoid(x), dtype=float)
    return out, (out,)


def sigmoid_backward(dout, cache):
    (out,) = cache
    return np.asarray(dout, dtype=float) * out

# %% bug: sigmoid_backward uses exp(-x) / (1 + exp(-x))**2 on the cached input: inf / inf = nan for x = -1000
def sigmoid_forward(x):
    x = np.asarray(x, dtype=float)
    return sigmoid(x), (x,)


def sigmoid_backward(dout, cache):
    (x,) = cache
    e = np.exp(-x)
    return np.asarray(dout, dtype=float) * e / (1.0 + e) ** 2

# %% bug: sigmoid_backward returns the visible test's answer whatever its inputs
def sigmoid_forward(x):
    out = np.asarray(sigmoid(x), dtype=float)
    return out, (out,)


def sigmoid_backward(dout, cache):
    return np.array([[0.25, 0.104993585], [0.209987171, -1.0]])

# %% bug: sigmoid_backward multiplies the caller's dout in place and returns it (right values)
def sigmoid_forward(x):
    out = np.asarray(sigmoid(x), dtype=float)
    return out, (out,)


def sigmoid_backward(dout, cache):
    (out,) = cache
    dout = np.asarray(dout, dtype=float)
    dout *= out * (1.0 - out)
    return dout

# %% bug: sigmoid_forward caches the input, but sigmoid_backward reads the cache as the output
def sigmoid_forward(x):
    x = np.asarray(x, dtype=float)
    return np.asarray(sigmoid(x), dtype=float), (x,)


def sigmoid_backward(dout, cache):
    (out,) = cache
    return np.asarray(dout, dtype=float) * out * (1.0 - out)

# %% bug: sigmoid_forward uses exp(x) / (1 + exp(x)), nan for large x, and caches the nan for sigmoid_backward
# breaks: test_sigmoid_forward test_sigmoid_backward
def sigmoid_forward(x):
    e = np.exp(np.asarray(x, dtype=float))
    out = e / (1.0 + e)
    return out, (out,)


def sigmoid_backward(dout, cache):
    (out,) = cache
    return np.asarray(dout, dtype=float) * out * (1.0 - out)

# %% bug: sigmoid_forward writes sigma(x) over the caller's array (np.asarray does not copy)
# breaks: test_sigmoid_forward
def sigmoid_forward(x):
    out = np.asarray(x, dtype=float)
    out[...] = sigmoid(out)
    return out, (out,)


def sigmoid_backward(dout, cache):
    (out,) = cache
    return np.asarray(dout, dtype=float) * out * (1.0 - out)

# %% bug: sigmoid_forward loops over rows and columns: works only for 2-D input
# breaks: test_sigmoid_forward test_sigmoid_backward
import math


def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    out = np.zeros_like(x, dtype=float)
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            t = x[i, j]
            e = math.exp(-abs(t))
            out[i, j] = 1 / (1 + e) if t >= 0 else e / (1 + e)
    return out, out


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    s = cache
    return dout * s * (1 - s)

# %% bug: one module-level list is reused as every call's cache, so a second forward call overwrites the first call's cache before its backward runs
# breaks: test_sigmoid_forward test_sigmoid_backward
_cache = []


def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    out = sigmoid(x)
    _cache.clear()
    _cache.append(out)
    return out, _cache


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    s = cache[0]
    return dout * s * (1 - s)

# %% bug: out = np.empty_like(x) inherits an integer x's dtype, so sigmoid_forward(np.array([0, 2, -2])) returns [0, 0, 0] (truncated) and the backward is zero
# breaks: test_sigmoid_forward
def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    x = np.asarray(x)
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    out[~pos] = e / (1.0 + e)
    return out, out


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    return dout * cache * (1 - cache)

# %% bug: assistant boilerplate rejects 0-d input ("expected an array, got a scalar") and empty arrays, although a 0-d array and a (0, D) batch are arrays too
# breaks: test_sigmoid_forward
def sigmoid_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sigmoid as a layer; returns (out, cache).

    Raises:
        ValueError: if x is a scalar or empty.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 0:
        raise ValueError("sigmoid_forward expects an array, got a scalar")
    if x.size == 0:
        raise ValueError("sigmoid_forward got an empty array")
    out = np.asarray(sigmoid(x), dtype=np.float64)
    return out, out


def sigmoid_backward(dout: np.ndarray, cache: np.ndarray) -> np.ndarray:
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != cache.shape:
        raise ValueError(f"dout has shape {dout.shape}, expected {cache.shape}")
    return dout * cache * (1.0 - cache)

# %% bug: the gradient buffer is np.empty_like(dout), so an integer dout gives an integer dx and every entry is truncated (mostly to 0)
# breaks: test_sigmoid_backward
def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    s = sigmoid(np.asarray(x, dtype=float))
    return s, (s,)


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    (s,) = cache
    dout = np.asarray(dout)
    dx = np.empty_like(dout)
    dx[...] = dout * s * (1 - s)
    return dx

# %% bug: memoises the forward pass in a module-level dict keyed on x.tobytes(), which ignores the shape (and dtype), so an x with the same bytes but another shape gets the earlier, wrongly shaped output, and the same out object is handed to every caller
# breaks: test_sigmoid_forward
_FORWARD_MEMO = {}


def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    key = x.tobytes()
    if key not in _FORWARD_MEMO:
        _FORWARD_MEMO[key] = sigmoid(x)
    out = _FORWARD_MEMO[key]
    return out, (out,)


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    (s,) = cache
    return np.asarray(dout, dtype=float) * s * (1 - s)

# %% bug: writes the output into a module-level buffer per shape and returns that buffer (as out and as cache), so the next forward call of the same shape overwrites the previous out and cache
# breaks: test_sigmoid_forward
_BUFFERS = {}


def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    out = _BUFFERS.get(x.shape)
    if out is None:
        out = _BUFFERS[x.shape] = np.empty(x.shape)
    e = np.exp(-np.abs(x))
    np.copyto(out, np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))
    return out, out


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    s = cache
    return dout * s * (1.0 - s)

# %% bug: "saturated units pass no gradient": backward zeroes entries where s is np.isclose to 0 or 1, and with the default rtol 1e-5 that already happens for x > ~11.5 (true gradient ~1e-5 * dout) and x < ~-18.4
# breaks: test_sigmoid_backward
def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    out = sigmoid(x)
    return out, out


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    s = cache
    saturated = np.isclose(s, 0.0) | np.isclose(s, 1.0)
    return np.where(saturated, 0.0, dout * s * (1 - s))

# %% bug: "robust" guard returns nan wherever x is not finite, but sigma(+inf) = 1 and sigma(-inf) = 0 (and the derivative there is 0)
# breaks: test_sigmoid_forward test_sigmoid_backward
def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    finite = np.isfinite(x)
    safe = np.where(finite, x, 0.0)
    out = np.where(finite, sigmoid(safe), np.nan)
    return out, out


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    s = cache
    return dout * s * (1 - s)

# %% bug: a single value goes through float(x) and math.exp, so a (1, 1) or (1,) input comes back as a Python float (shape lost) and a single x below about -710 raises OverflowError
# breaks: test_sigmoid_forward
import math


def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    if np.size(x) == 1:
        s = 1.0 / (1.0 + math.exp(-float(np.ravel(x)[0])))     # one number: no numpy needed
    else:
        s = sigmoid(np.asarray(x, dtype=float))
    return s, s


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    return dout * cache * (1 - cache)

# %% bug: a shortcut for a plain number caches x instead of the output, while the backward pass always treats its cache as s = sigmoid(x), so dx = dout * x * (1 - x) for 0-d inputs
# breaks: test_sigmoid_backward
def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    if np.ndim(x) == 0:
        return sigmoid(x), x
    x = np.asarray(x, dtype=float)
    out = sigmoid(x)
    return out, out


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    s = np.asarray(cache, dtype=float)
    return np.asarray(dout, dtype=float) * s * (1 - s)

# %% bug: over-engineer accepting "either x or sigma(x)" as the cache: the forward caches x and the backward treats the cache as already-sigmoided whenever ALL its values lie in [0, 1], so an input with every x in [0, 1] gets dout * x * (1 - x) instead of dout * s * (1 - s) --
def sigmoid_forward(x):
    """The sigmoid as a layer; returns (out, cache)."""
    x = np.asarray(x, dtype=float)
    return np.asarray(sigmoid(x), dtype=float), x


def sigmoid_backward(dout, cache):
    """dout * sigmoid(x) * (1 - sigmoid(x))."""
    cache = np.asarray(cache, dtype=float)
    if np.all((cache >= 0.0) & (cache <= 1.0)):
        s = cache                         # already probabilities
    else:
        s = np.asarray(sigmoid(cache), dtype=float)
    return dout * s * (1.0 - s)
