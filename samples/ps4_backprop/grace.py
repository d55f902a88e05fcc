# about: correct, with list caches, loops and Python floats, masked assignment, 0.01-scaled weights and in-place updates of copies
# %% sigmoid
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    flat = np.atleast_1d(z).ravel()
    out = np.empty_like(flat)
    positive = flat >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-flat[positive]))
    e = np.exp(flat[~positive])
    out[~positive] = e / (1.0 + e)
    return out.reshape(z.shape)
# %% two_layer_forward
import math


def two_layer_forward(x, w1, b1, w2, b2):
    z1 = w1 * x + b1
    h = 1.0 / (1.0 + math.exp(-z1))
    z2 = w2 * h + b2
    y = 1.0 / (1.0 + math.exp(-z2))
    return y, [x, w1, b1, w2, b2, z1, h, z2, y]
# %% two_layer_backward
def two_layer_backward(cache):
    x, w1, b1, w2, b2, z1, h, z2, y = cache
    dy_dz2 = y * (1.0 - y)
    dy_dh = dy_dz2 * w2
    dy_dz1 = dy_dh * h * (1.0 - h)
    grads = {}
    grads["w2"] = dy_dz2 * h
    grads["b2"] = dy_dz2
    grads["w1"] = dy_dz1 * x
    grads["b1"] = dy_dz1
    grads["x"] = dy_dz1 * w1
    return grads
# %% linear_forward
def linear_forward(x, W, b):
    n, m = x.shape[0], W.shape[1]
    out = np.zeros((n, m))
    for i in range(n):
        out[i] = x[i] @ W + b
    return out, [x.copy(), W.copy(), b.copy()]


def linear_backward(dout, cache):
    x, W, b = cache
    dx = dout @ W.T
    dW = np.zeros(W.shape)
    for i in range(x.shape[0]):
        dW += np.outer(x[i], dout[i])
    db = np.zeros(b.shape)
    for i in range(dout.shape[0]):
        db += dout[i]
    return dx, dW, db
# %% relu_forward
def relu_forward(x):
    return x * (x > 0), [x]


def relu_backward(dout, cache):
    x = cache[0]
    return dout * (x > 0)
# %% sigmoid_forward
def sigmoid_forward(x):
    out = sigmoid(x)
    return out, [out]


def sigmoid_backward(dout, cache):
    out = cache[0]
    return dout * (out - out**2)
# %% mse_loss
def mse_loss(pred, y):
    n = len(pred)
    total = 0.0
    for row_pred, row_y in zip(pred, y):
        total += float(np.sum((row_pred - row_y) ** 2))
    return total / (2 * n), (pred - y) / n
# %% bce_with_logits
def bce_with_logits(z, y):
    n = z.shape[0]
    loss = 0.0
    for zi, yi in zip(z, y):
        loss += max(zi, 0.0) - zi * yi + math.log1p(math.exp(-abs(zi)))
    return loss / n, (sigmoid(z) - y) / n
# %% softmax_cross_entropy
def softmax_cross_entropy(logits, y):
    n, c = logits.shape
    shifted = logits - logits.max(axis=1)[:, None]
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    loss = 0.0
    dlogits = np.exp(shifted - log_norm[:, None])
    for i in range(n):
        loss -= shifted[i, y[i]] - log_norm[i]
        dlogits[i, y[i]] -= 1.0
    return loss / n, dlogits / n
# %% l2_step
def l2_step(theta, grad, lr, lam):
    new = theta.astype(float)
    new *= 1 - lr * lam
    new -= lr * grad
    return new
# %% init_mlp
def init_mlp(n_in, n_hidden, n_out, rng):
    params = {}
    params["W1"] = 0.01 * rng.standard_normal((n_in, n_hidden))
    params["b1"] = np.zeros(n_hidden)
    params["W2"] = 0.01 * rng.standard_normal((n_hidden, n_out))
    params["b2"] = np.zeros(n_out)
    return params
# %% mlp_loss_and_grads
def mlp_loss_and_grads(params, X, y):
    z1, cache1 = linear_forward(X, params["W1"], params["b1"])
    a1, cache_relu = relu_forward(z1)
    scores, cache2 = linear_forward(a1, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    grads = {}
    da1, grads["W2"], grads["b2"] = linear_backward(dscores, cache2)
    dz1 = relu_backward(da1, cache_relu)
    dX, grads["W1"], grads["b1"] = linear_backward(dz1, cache1)
    return loss, grads
# %% train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    rng = np.random.default_rng(seed)
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, rng)
    params = {k: v.copy() for k, v in params.items()}
    losses = []
    epoch = 0
    while epoch < epochs:
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        for k in params:
            params[k] -= lr * grads[k]
        epoch += 1
    return params, losses
