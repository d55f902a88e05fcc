# cell: mlp_loss_and_grads
# breaks: test_mlp_loss_and_grads

# %% correct: written out in numpy, without the layer functions
def mlp_loss_and_grads(params, X, y):
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    n = len(X)
    rows = np.arange(n)
    z1 = X @ W1 + b1
    a1 = np.maximum(z1, 0.0)
    scores = a1 @ W2 + b2
    scores = scores - scores.max(axis=1, keepdims=True)
    log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
    loss = -log_probs[rows, y].mean()
    dscores = np.exp(log_probs)
    dscores[rows, y] -= 1.0
    dscores /= n
    dz1 = (dscores @ W2.T) * (z1 > 0)
    return float(loss), {"W1": X.T @ dz1, "b1": dz1.sum(axis=0),
                         "W2": a1.T @ dscores, "b2": dscores.sum(axis=0)}

# %% correct: the layer functions with their caches in a dict, gradients collected by name
def mlp_loss_and_grads(params, X, y):
    caches = {}
    h, caches["fc1"] = linear_forward(X, params["W1"], params["b1"])
    a, caches["relu"] = relu_forward(h)
    scores, caches["fc2"] = linear_forward(a, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    grads = {}
    da, grads["W2"], grads["b2"] = linear_backward(dscores, caches["fc2"])
    dh = relu_backward(da, caches["relu"])
    _, grads["W1"], grads["b1"] = linear_backward(dh, caches["fc1"])
    return loss, grads

# %% correct: the layer functions as a list of (forward, backward) pairs, walked forwards then backwards
def mlp_loss_and_grads(params, X, y):
    out, caches = X, []
    for forward, args in ((linear_forward, ("W1", "b1")), (relu_forward, ()),
                          (linear_forward, ("W2", "b2"))):
        out, cache = forward(out, *(params[k] for k in args))
        caches.append(cache)
    loss, dout = softmax_cross_entropy(out, y)
    dout, dW2, db2 = linear_backward(dout, caches[2])
    dout = relu_backward(dout, caches[1])
    _, dW1, db1 = linear_backward(dout, caches[0])
    return loss, dict(zip(("W1", "b1", "W2", "b2"), (dW1, db1, dW2, db2)))

# %% bug: forgets the ReLU mask on the way back (skips relu_backward)
def mlp_loss_and_grads(params, X, y):
    hidden, linear1 = linear_forward(X, params["W1"], params["b1"])
    active, relu = relu_forward(hidden)
    scores, linear2 = linear_forward(active, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    dactive, dW2, db2 = linear_backward(dscores, linear2)
    _, dW1, db1 = linear_backward(dactive, linear1)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

# %% bug: forgets b1 in the forward pass (hidden = X @ W1)
def mlp_loss_and_grads(params, X, y):
    X = np.asarray(X, dtype=float)
    hidden, linear1 = linear_forward(X, params["W1"], np.zeros_like(params["b1"]))
    active, relu = relu_forward(hidden)
    scores, linear2 = linear_forward(active, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    dactive, dW2, db2 = linear_backward(dscores, linear2)
    dhidden = relu_backward(dactive, relu)
    _, dW1, db1 = linear_backward(dhidden, linear1)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

# %% bug: divides the gradients by N again (softmax_cross_entropy has already averaged)
def mlp_loss_and_grads(params, X, y):
    n = len(X)
    hidden, linear1 = linear_forward(X, params["W1"], params["b1"])
    active, relu = relu_forward(hidden)
    scores, linear2 = linear_forward(active, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    dactive, dW2, db2 = linear_backward(dscores, linear2)
    dhidden = relu_backward(dactive, relu)
    _, dW1, db1 = linear_backward(dhidden, linear1)
    return loss, {"W1": dW1 / n, "b1": db1 / n, "W2": dW2 / n, "b2": db2 / n}

# %% bug: dW2 from the hidden pre-activation instead of the ReLU's output (a hand-made cache)
def mlp_loss_and_grads(params, X, y):
    hidden, linear1 = linear_forward(X, params["W1"], params["b1"])
    active, relu = relu_forward(hidden)
    scores, _ = linear_forward(active, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    dactive, dW2, db2 = linear_backward(dscores, (hidden, np.asarray(params["W2"], dtype=float),
                                                  np.asarray(params["b2"], dtype=float)))
    dhidden = relu_backward(dactive, relu)
    _, dW1, db1 = linear_backward(dhidden, linear1)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

# %% bug: inline ReLU backward with the mask pre >= 0: passes the gradient where the pre-activation is exactly 0 (W1 = b1 = 0)
# breaks: test_mlp_loss_and_grads
def mlp_loss_and_grads(params, X, y):
    """Loss and gradients of a ReLU network with a softmax cross-entropy loss."""
    pre, cache1 = linear_forward(X, params["W1"], params["b1"])
    hidden = np.maximum(pre, 0)
    scores, cache2 = linear_forward(hidden, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    dhidden, dW2, db2 = linear_backward(dscores, cache2)
    dpre = dhidden * (pre >= 0)
    _, dW1, db1 = linear_backward(dpre, cache1)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

# %% bug: loss rounded to 5 decimals so the printed numbers look clean (log 3 still passes np.isclose), which breaks finite-difference checks, small losses and any comparison tighter than 5e-6
# breaks: test_mlp_loss_and_grads
def mlp_loss_and_grads(params, X, y):
    """Loss and gradients of a ReLU network with a softmax cross-entropy loss."""
    hidden_in, cache1 = linear_forward(X, params["W1"], params["b1"])
    hidden, cache_relu = relu_forward(hidden_in)
    scores, cache2 = linear_forward(hidden, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    dhidden, dW2, db2 = linear_backward(dscores, cache2)
    _, dW1, db1 = linear_backward(relu_backward(dhidden, cache_relu), cache1)
    return round(float(loss), 5), {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

# %% bug: pairs the gradients with the keys by zip(params, ...), assuming params is ordered W1, b1, W2, b2; a dict built in another order (e.g. sorted keys W1, W2, b1, b2) gets its gradients under the wrong names
# breaks: test_mlp_loss_and_grads
def mlp_loss_and_grads(params, X, y):
    """Loss and gradients of a ReLU network with a softmax cross-entropy loss."""
    h, c1 = linear_forward(X, params["W1"], params["b1"])
    a, c2 = relu_forward(h)
    s, c3 = linear_forward(a, params["W2"], params["b2"])
    loss, ds = softmax_cross_entropy(s, y)
    da, dW2, db2 = linear_backward(ds, c3)
    dh = relu_backward(da, c2)
    _, dW1, db1 = linear_backward(dh, c1)
    return loss, dict(zip(params, (dW1, db1, dW2, db2)))

# %% bug: np.squeeze on every gradient "to drop stray size-1 axes" changes the shape whenever a dimension is 1 (one input feature, one hidden unit or one class: W1 (1, H) becomes (H,))
# breaks: test_mlp_loss_and_grads
def mlp_loss_and_grads(params, X, y):
    """Loss and gradients of a ReLU network with a softmax cross-entropy loss."""
    h, c1 = linear_forward(X, params["W1"], params["b1"])
    a, c2 = relu_forward(h)
    s, c3 = linear_forward(a, params["W2"], params["b2"])
    loss, ds = softmax_cross_entropy(s, y)
    da, dW2, db2 = linear_backward(ds, c3)
    dh = relu_backward(da, c2)
    _, dW1, db1 = linear_backward(dh, c1)
    raw = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
    return loss, {k: np.squeeze(v) for k, v in raw.items()}

# %% bug: 'robust' shortcut for an all-zero network returns log(C) and all-zero gradients, but db2 = sum over rows of (1/C - onehot(y)) / N is not zero unless the classes are balanced
# breaks: test_mlp_loss_and_grads
def mlp_loss_and_grads(params, X, y):
    """Loss and gradients of a ReLU network with a softmax cross-entropy loss."""
    if not any(np.any(v) for v in params.values()):
        n_classes = np.shape(params["b2"])[0]
        return float(np.log(n_classes)), {k: np.zeros_like(v, dtype=float) for k, v in params.items()}
    h, c1 = linear_forward(X, params["W1"], params["b1"])
    a, c2 = relu_forward(h)
    s, c3 = linear_forward(a, params["W2"], params["b2"])
    loss, ds = softmax_cross_entropy(s, y)
    da, dW2, db2 = linear_backward(ds, c3)
    _, dW1, db1 = linear_backward(relu_backward(da, c2), c1)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
