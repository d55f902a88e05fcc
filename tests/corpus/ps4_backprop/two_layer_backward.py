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
