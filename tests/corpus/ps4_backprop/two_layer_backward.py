# cell: two_layer_backward
# breaks: test_two_layer_backward
# (The k-th correct variant reads the cache of the k-th correct two_layer_forward; the bugs read
# the reference's tuple (x, w1, b1, w2, b2, h, y).)

# %% correct: reads a dict cache by name, local derivatives one at a time
def two_layer_backward(cache):
    x, w1, w2 = cache["x"], cache["w1"], cache["w2"]
    h, y = cache["h"], cache["y"]
    dy_dz2 = y * (1 - y)
    dy_dh = dy_dz2 * w2
    dy_dz1 = dy_dh * h * (1 - h)
    return {"x": dy_dz1 * w1, "w1": dy_dz1 * x, "b1": dy_dz1, "w2": dy_dz2 * h, "b2": dy_dz2}

# %% correct: unpacks a list cache, fills the dict key by key from the bias derivatives
def two_layer_backward(cache):
    x, w1, b1, w2, b2, h, y = cache
    grads = {}
    grads["b2"] = y * (1.0 - y)
    grads["w2"] = grads["b2"] * h
    grads["b1"] = grads["b2"] * w2 * h * (1.0 - h)
    grads["w1"] = grads["b1"] * x
    grads["x"] = grads["b1"] * w1
    return grads

# %% correct: recomputes h and y from the cached inputs, sigma'(z) = sigma(z) sigma(-z)
def two_layer_backward(cache):
    x, w1, b1, w2, b2 = cache
    z1 = w1 * x + b1
    h = sigmoid(z1)
    z2 = w2 * h + b2
    dz2 = sigmoid(z2) * sigmoid(-z2)
    dz1 = dz2 * w2 * sigmoid(z1) * sigmoid(-z1)
    return dict(w1=float(dz1 * x), b1=float(dz1), w2=float(dz2 * h), b2=float(dz2), x=float(dz1 * w1))

# %% bug: forgets the hidden unit's sigma' factor on the way back (dz1 = dz2 * w2)
def two_layer_backward(cache):
    x, w1, b1, w2, b2, h, y = cache
    dz2 = y * (1.0 - y)
    dz1 = dz2 * w2
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}

# %% bug: dy/dx uses w2 instead of w1
def two_layer_backward(cache):
    x, w1, b1, w2, b2, h, y = cache
    dz2 = y * (1.0 - y)
    dz1 = dz2 * w2 * h * (1.0 - h)
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w2}

# %% bug: returns the visible test's answer whatever the cache
def two_layer_backward(cache):
    return {"w1": 0.125, "b1": 0.125, "w2": 0.125, "b2": 0.25, "x": 0.0}

# %% bug: the output's sigma' written as y (1 - h), mixing the two units
def two_layer_backward(cache):
    x, w1, b1, w2, b2, h, y = cache
    dz2 = y * (1.0 - h)
    dz1 = dz2 * w2 * h * (1.0 - h)
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}

# %% bug: assistant boilerplate asserts 0 < h < 1 and 0 < y < 1 "for a valid sigmoid cache", which fails on legitimate saturated caches (e.g. b2 = 40 gives y == 1.0 exactly, where every derivative should be 0)
# breaks: test_two_layer_backward
def two_layer_backward(cache: tuple) -> dict[str, float]:
    """dy/d each of w1, b1, w2, b2 and x, as a dict, by the chain rule.

    Args:
        cache: (x, w1, b1, w2, b2, h, y) from two_layer_forward.

    Returns:
        Derivatives of y with respect to w1, b1, w2, b2 and x.
    """
    assert len(cache) == 7, "cache must have 7 entries"
    x, w1, b1, w2, b2, h, y = cache
    assert 0.0 < h < 1.0, f"h = {h} is not a valid sigmoid output"
    assert 0.0 < y < 1.0, f"y = {y} is not a valid sigmoid output"
    dz2 = y * (1.0 - y)
    dz1 = dz2 * w2 * h * (1.0 - h)
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}

# %% bug: defensive floor max(sigma', 1e-6) on both local derivatives "against vanishing gradients": for a saturated unit (e.g. w2 h + b2 = -15, sigma' = 3e-7) the derivatives are inflated
# breaks: test_two_layer_backward
EPS = 1e-6


def two_layer_backward(cache):
    """dy/d each of w1, b1, w2, b2 and x, as a dict, by the chain rule."""
    x, w1, b1, w2, b2, h, y = cache
    dz2 = max(y * (1.0 - y), EPS)
    dz1 = dz2 * w2 * max(h * (1.0 - h), EPS)
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}

# %% bug: edge-case student short-circuits a "dead" hidden unit: if h is exactly 0 or 1 every gradient is returned as 0, but dy/dw2 = dy/dz2 · h and dy/db2 are not 0 then
# breaks: test_two_layer_backward
def two_layer_backward(cache):
    """dy/d each of w1, b1, w2, b2 and x, as a dict, by the chain rule."""
    x, w1, b1, w2, b2, h, y = cache
    if h == 0.0 or h == 1.0:
        # saturated hidden unit: no gradient flows
        return {"w1": 0.0, "b1": 0.0, "w2": 0.0, "b2": 0.0, "x": 0.0}
    dz2 = y * (1 - y)
    dz1 = dz2 * w2 * h * (1 - h)
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}

# %% bug: shortcut "a zero output weight blocks all gradient" returns zeros for every key when w2 == 0, but dy/dw2 = y(1-y) h and dy/db2 = y(1-y) are not zero then
# breaks: test_two_layer_backward
def two_layer_backward(cache):
    """dy/d each of w1, b1, w2, b2 and x, as a dict, by the chain rule."""
    x, w1, b1, w2, b2, h, y = cache
    if w2 == 0:
        return {"w1": 0.0, "b1": 0.0, "w2": 0.0, "b2": 0.0, "x": 0.0}
    dz2 = y * (1 - y)
    dz1 = dz2 * w2 * h * (1 - h)
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}

# %% bug: sanitiser with a gradient-clipping habit: every derivative is clipped to [-1, 1], so large ones are wrong, e.g. at x = 10, w1 = 0, b1 = 0, w2 = 20, b2 = -10 it gives dy/dw1 = 1.0 instead of 12.5 and dy/db1 = 1.0 instead of 1.25 --
def two_layer_backward(cache):
    """dy/d each of w1, b1, w2, b2 and x, as a dict, by the chain rule."""
    x, w1, b1, w2, b2, h, y = cache
    dz2 = y * (1 - y)
    dz1 = dz2 * w2 * h * (1 - h)
    grads = {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}
    return {k: float(np.clip(v, -1.0, 1.0)) for k, v in grads.items()}      # keep steps sane
