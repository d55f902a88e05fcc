# about: correct, with dict caches, boolean masks, logaddexp losses, ReLU masked by its output and He initialisation
# %% sigmoid
def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z))
# %% two_layer_forward
def two_layer_forward(x, w1, b1, w2, b2):
    h = sigmoid(w1 * x + b1)
    y = sigmoid(w2 * h + b2)
    return y, {"x": x, "w1": w1, "w2": w2, "h": h, "y": y}
# %% two_layer_backward
def two_layer_backward(cache):
    dz2 = cache["y"] * (1 - cache["y"])
    dh = dz2 * cache["w2"]
    dz1 = dh * cache["h"] * (1 - cache["h"])
    return {"w2": dz2 * cache["h"], "b2": dz2, "w1": dz1 * cache["x"], "b1": dz1,
            "x": dz1 * cache["w1"]}
# %% linear_forward
def linear_forward(x, W, b):
    out = np.dot(x, W) + b
    return out, {"x": x, "W": W}


def linear_backward(dout, cache):
    dx = np.dot(dout, cache["W"].T)
    dW = np.dot(cache["x"].T, dout)
    db = np.sum(dout, axis=0)
    return dx, dW, db
# %% relu_forward
def relu_forward(x):
    out = np.where(x > 0, x, 0.0)
    return out, {"out": out}


def relu_backward(dout, cache):
    mask = cache["out"] > 0
    dx = np.zeros_like(dout, dtype=float)
    dx[mask] = dout[mask]
    return dx
# %% sigmoid_forward
def sigmoid_forward(x):
    s = sigmoid(x)
    return s, {"s": s}


def sigmoid_backward(dout, cache):
    s = cache["s"]
    return dout * s * (1 - s)
# %% mse_loss
def mse_loss(pred, y):
    n = pred.shape[0]
    diff = pred - y
    return 0.5 * np.sum(diff * diff) / n, diff / n
# %% bce_with_logits
def bce_with_logits(z, y):
    n = len(z)
    losses = y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)
    return np.mean(losses), (sigmoid(z) - y) / n
# %% softmax_cross_entropy
def softmax_cross_entropy(logits, y):
    n = logits.shape[0]
    m = np.max(logits, axis=1, keepdims=True)
    log_z = m + np.log(np.sum(np.exp(logits - m), axis=1, keepdims=True))
    log_probs = logits - log_z
    onehot = np.eye(logits.shape[1])[y]
    loss = -np.sum(log_probs * onehot) / n
    return loss, (np.exp(log_probs) - onehot) / n
# %% l2_step
def l2_step(theta, grad, lr, lam):
    return theta - lr * (grad + lam * theta)
# %% init_mlp
def init_mlp(n_in, n_hidden, n_out, rng):
    W1 = rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, n_hidden))
    W2 = rng.normal(0.0, np.sqrt(2.0 / n_hidden), size=(n_hidden, n_out))
    return {"W1": W1, "b1": np.zeros(n_hidden), "W2": W2, "b2": np.zeros(n_out)}
# %% train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    n_classes = int(np.max(y)) + 1
    params = init_mlp(X.shape[1], n_hidden, n_classes, np.random.default_rng(seed))
    losses = np.zeros(epochs)
    for epoch in range(epochs):
        losses[epoch], grads = mlp_loss_and_grads(params, X, y)
        params = {name: value - lr * grads[name] for name, value in params.items()}
    return params, losses
