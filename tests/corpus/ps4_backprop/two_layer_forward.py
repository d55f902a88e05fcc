# cell: two_layer_forward
# breaks: test_two_layer_forward

# %% correct: a dict cache with named entries (two_layer_backward reads it by name)
def two_layer_forward(x, w1, b1, w2, b2):
    h = sigmoid(w1 * x + b1)
    y = sigmoid(w2 * h + b2)
    return y, {"x": x, "w1": w1, "b1": b1, "w2": w2, "b2": b2, "h": h, "y": y}

# %% correct: named pre-activations, a list cache, y as np.float64
def two_layer_forward(x, w1, b1, w2, b2):
    z1 = w1 * x + b1
    h = sigmoid(z1)
    z2 = w2 * h + b2
    y = sigmoid(z2)
    return np.float64(y), [x, w1, b1, w2, b2, h, y]

# %% correct: caches only the inputs (two_layer_backward recomputes h and y)
def two_layer_forward(x, w1, b1, w2, b2):
    y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2)
    return float(y), (x, w1, b1, w2, b2)

# %% bug: forgets the hidden unit's sigmoid (h = w1 x + b1), so the cache is wrong too
# breaks: test_two_layer_forward test_two_layer_backward
def two_layer_forward(x, w1, b1, w2, b2):
    h = w1 * x + b1
    y = sigmoid(w2 * h + b2)
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: returns the output's pre-activation z2 as y (the cache is right)
def two_layer_forward(x, w1, b1, w2, b2):
    h = sigmoid(w1 * x + b1)
    z2 = w2 * h + b2
    y = sigmoid(z2)
    return z2, (x, w1, b1, w2, b2, h, y)

# %% bug: w2 and b2 swapped in the output unit, so the cached y is wrong too
# breaks: test_two_layer_forward test_two_layer_backward
def two_layer_forward(x, w1, b1, w2, b2):
    h = sigmoid(w1 * x + b1)
    y = sigmoid(b2 * h + w2)
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: caches the hidden pre-activation z1 where two_layer_backward expects h (y is right)
# breaks: test_two_layer_backward
def two_layer_forward(x, w1, b1, w2, b2):
    z1 = w1 * x + b1
    h = sigmoid(z1)
    y = sigmoid(w2 * h + b2)
    return y, (x, w1, b1, w2, b2, z1, y)

# %% bug: one module-level list is reused as the cache of every call, so a later forward call silently overwrites the cache an earlier call returned
# breaks: test_two_layer_forward test_two_layer_backward
_CACHE = [None] * 7


def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    h = float(sigmoid(w1 * x + b1))
    y = float(sigmoid(w2 * h + b2))
    _CACHE[:] = [x, w1, b1, w2, b2, h, y]
    return y, _CACHE

# %% bug: memoises the hidden activation in a module-level dict keyed by x alone, so a second call with the same x but other w1/b1 reuses a stale h
# breaks: test_two_layer_forward
_HIDDEN = {}


def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    if x not in _HIDDEN:                       # the hidden unit only sees x
        _HIDDEN[x] = float(sigmoid(w1 * x + b1))
    h = _HIDDEN[x]
    y = float(sigmoid(w2 * h + b2))
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: defensive clamp of y into [1e-6, 1 - 1e-6] "so a later log(y) is finite": for a saturated output (w2 h + b2 <= -14) y is 1e-6 instead of e.g. 2e-9, and the cached y is wrong too
# breaks: test_two_layer_forward test_two_layer_backward
EPS = 1e-6


def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    h = float(sigmoid(w1 * x + b1))
    y = float(sigmoid(w2 * h + b2))
    y = min(max(y, EPS), 1.0 - EPS)
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: assistant boilerplate raises TypeError unless every argument is a float, so Python ints (two_layer_forward(1, 0, 0, 2, -1)) and numpy integers are rejected
# breaks: test_two_layer_forward
def two_layer_forward(x: float, w1: float, b1: float, w2: float, b2: float) -> tuple[float, tuple]:
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache).

    Raises:
        TypeError: if any argument is not a float.
    """
    for name, value in {"x": x, "w1": w1, "b1": b1, "w2": w2, "b2": b2}.items():
        if not isinstance(value, float):
            raise TypeError(f"{name} must be a float, got {type(value).__name__}")
    h = float(sigmoid(w1 * x + b1))
    y = float(sigmoid(w2 * h + b2))
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: speed optimiser casts everything to np.float32 "for speed": y and the cache carry only ~7 significant digits (e.g. y near 1 rounds to exactly 1.0)
# breaks: test_two_layer_forward test_two_layer_backward
def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    f = np.float32
    x, w1, b1, w2, b2 = f(x), f(w1), f(b1), f(w2), f(b2)
    e1 = np.exp(-np.abs(w1 * x + b1))
    h = np.where(w1 * x + b1 >= 0, f(1) / (f(1) + e1), e1 / (f(1) + e1)).astype(f)[()]
    z2 = w2 * h + b2
    e2 = np.exp(-np.abs(z2))
    y = np.where(z2 >= 0, f(1) / (f(1) + e2), e2 / (f(1) + e2)).astype(f)[()]
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: shortcut "no input, no signal": for x == 0 it skips the hidden unit and returns sigma(b2), but h = sigma(b1) is not 0 there
# breaks: test_two_layer_forward
def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    if x == 0:
        y = float(sigmoid(b2))
        return y, (x, w1, b1, w2, b2, 0.0, y)
    h = float(sigmoid(w1 * x + b1))
    y = float(sigmoid(w2 * h + b2))
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: skips the product when np.isclose(w, 0) "dead weight", but isclose's default atol 1e-8 is not equality: w1 = 1e-9 with x = 1e8 should add 0.1 to z1
# breaks: test_two_layer_forward
def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    z1 = b1 if np.isclose(w1, 0.0) else w1 * x + b1
    h = sigmoid(z1)
    z2 = b2 if np.isclose(w2, 0.0) else w2 * h + b2
    y = sigmoid(z2)
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: shortcut "with w1 = 0 the hidden unit is sigma(0) = 0.5" generalised from the visible test, wrong whenever w1 == 0 and b1 != 0
# breaks: test_two_layer_forward
def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    if w1 == 0:
        h = 0.5  # the input is switched off, the hidden unit sits at sigma(0)
    else:
        h = sigmoid(w1 * x + b1)
    y = sigmoid(w2 * h + b2)
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: memoises the hidden unit in a module-level dict keyed by (w1, b1) "because the weights don't change between calls", ignoring x, so a second call with the same w1, b1 but another x reuses the old h
_HIDDEN_MEMO = {}


def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    key = (w1, b1)
    if key not in _HIDDEN_MEMO:
        _HIDDEN_MEMO[key] = float(sigmoid(w1 * x + b1))
    h = _HIDDEN_MEMO[key]
    y = float(sigmoid(w2 * h + b2))
    return y, (x, w1, b1, w2, b2, h, y)

# %% bug: packs the cache into one preallocated array np.array([x, w1, b1, w2, b2, 0, 0]) and writes h and y into its last two slots; when the five inputs are Python ints the array is int64, so h and y are stored truncated (to 0 or 1)
# breaks: test_two_layer_backward
def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    cache = np.array([x, w1, b1, w2, b2, 0, 0])
    cache[5] = h = float(sigmoid(w1 * x + b1))
    cache[6] = y = float(sigmoid(w2 * h + b2))
    return y, cache

# %% bug: the cache is a lazy map(float, ...) iterator instead of a tuple: it can be unpacked only once (a second backward on the same cache finds it empty) and it is not plain data
# breaks: test_two_layer_backward test_two_layer_forward
def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    h = sigmoid(w1 * x + b1)
    y = sigmoid(w2 * h + b2)
    return float(y), map(float, (x, w1, b1, w2, b2, h, y))

# %% bug: y is floored at 1e-12 "so later logs and divisions never see 0", so any output below 1e-12 (w2 * h + b2 < about -27.6) is returned as 1e-12; breaks y = sigma(w2 * h + b2)
def two_layer_forward(x, w1, b1, w2, b2):
    """y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache)."""
    h = sigmoid(w1 * x + b1)
    y = max(sigmoid(w2 * h + b2), 1e-12)
    return y, (x, w1, b1, w2, b2, h, y)
