# cell: train_softmax
# breaks: test_train_softmax test_train_softmax_accuracy

# %% correct: train_softmax with a dict of parameters and a list of optimizer states, t = len(losses)
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    n_classes = int(np.max(y)) + 1
    params = {"W": np.zeros((X.shape[1], n_classes)), "b": np.zeros(n_classes)}
    state = {name: [np.zeros_like(p), np.zeros_like(p)] for name, p in params.items()}
    rng = np.random.default_rng(seed)
    losses = []
    for epoch in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(params["W"], params["b"], X_b, y_b)
            losses.append(loss)
            t = len(losses)
            for name, grad in (("W", dW), ("b", db)):
                first, second = state[name]
                if optimizer == "sgd":
                    params[name] = sgd_step(params[name], grad, lr)
                elif optimizer == "momentum":
                    params[name], state[name][0] = momentum_step(params[name], grad, first, lr=lr)
                else:
                    params[name], state[name][0], state[name][1] = adam_step(
                        params[name], grad, first, second, t, lr=lr)
    return params["W"], params["b"], losses

# %% correct: train_softmax with its own softmax gradient (one-hot labels) and a while loop over the epochs
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).astype(int)
    K = y.max() + 1
    W = np.zeros((X.shape[1], K))
    b = np.zeros(K)
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses = []
    step = 0
    epoch = 0
    while epoch < epochs:
        for Xb, yb in minibatches(X, y, batch_size, rng):
            n = len(yb)
            scores = Xb @ W + b
            scores = scores - scores.max(axis=1, keepdims=True)
            log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
            losses.append(float(-log_probs[np.arange(n), yb].mean()))
            dscores = (np.exp(log_probs) - np.eye(K)[yb]) / n
            dW, db = Xb.T @ dscores, dscores.sum(axis=0)
            step += 1
            if optimizer == "adam":
                W, vW, sW = adam_step(W, dW, vW, sW, step, lr=lr)
                b, vb, sb = adam_step(b, db, vb, sb, step, lr=lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=lr)
                b, vb = momentum_step(b, db, vb, lr=lr)
            else:
                W = sgd_step(W, dW, lr)
                b = sgd_step(b, db, lr)
        epoch += 1
    return W, b, losses

# %% correct: train_softmax with a closure per optimizer that updates a (W, b) pair, losses grown as a numpy array
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    D, K = X.shape[1], int(y.max()) + 1
    params = [np.zeros((D, K)), np.zeros(K)]
    first = [np.zeros((D, K)), np.zeros(K)]
    second = [np.zeros((D, K)), np.zeros(K)]

    def update(i, grad, t):
        if optimizer == "sgd":
            params[i] = sgd_step(params[i], grad, lr)
        elif optimizer == "momentum":
            params[i], first[i] = momentum_step(params[i], grad, first[i], lr=lr, momentum=0.9)
        elif optimizer == "adam":
            params[i], first[i], second[i] = adam_step(params[i], grad, first[i], second[i], t, lr=lr)
        else:
            raise ValueError(optimizer)

    rng = np.random.default_rng(seed)
    losses = np.zeros(0)
    t = 1
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(params[0], params[1], X_b, y_b)
            losses = np.append(losses, loss)
            update(0, dW, t)
            update(1, db, t)
            t += 1
    return params[0], params[1], losses

# %% bug: train_softmax records one mean loss per epoch instead of one per mini-batch
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for _ in range(epochs):
        epoch_losses = []
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            epoch_losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mb = momentum_step(b, db, mb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
        losses.append(float(np.mean(epoch_losses)))
    return W, b, losses

# %% bug: train_softmax walks through the data in its stored order (no shuffling)
# breaks: test_train_softmax test_train_softmax_accuracy
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    losses, t = [], 0
    for _ in range(epochs):
        for start in range(0, len(X), batch_size):
            X_b, y_b = X[start:start + batch_size], y[start:start + batch_size]
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mb = momentum_step(b, db, mb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: train_softmax counts Adam's t from 0 (t += 1 after the step), so the first step divides by zero
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mb = momentum_step(b, db, mb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
            t += 1
    return W, b, losses

# %% bug: train_softmax ignores optimizer and always takes plain SGD steps
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    rng = np.random.default_rng(seed)
    losses = []
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
    return W, b, losses

# %% bug: train_softmax loops over range(1, epochs), one epoch short
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for epoch in range(1, epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mb = momentum_step(b, db, mb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: train_softmax starts a new losses list every epoch, so it returns the last epoch's losses only
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    t = 0
    for _ in range(epochs):
        losses = []
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mb = momentum_step(b, db, mb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: train_softmax shares one velocity between W and b for momentum
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mW = momentum_step(b, db, mW, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: train_softmax takes K = y.max() classes, one too few
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max())))
    b = np.zeros(W.shape[1])
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mb = momentum_step(b, db, mb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: train_softmax always asks minibatches for batches of 64, ignoring batch_size
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, 64, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mb = momentum_step(b, db, mb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: train_softmax returns W transposed, of shape (K, D)
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mb = momentum_step(b, db, mb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W.T, b, losses

# %% bug: the momentum velocities (and Adam moments) are re-initialised to zero at the start of every epoch
# breaks: test_train_softmax
import numpy as np


def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = int(y.max()) + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for _ in range(epochs):
        vW, vb = np.zeros_like(W), np.zeros_like(b)
        mW, mb, sW, sb = np.zeros_like(W), np.zeros_like(b), np.zeros_like(W), np.zeros_like(b)
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=lr)
                b, vb = momentum_step(b, db, vb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: Adam's t is advanced inside the per-parameter update, so W uses t = 1, 3, 5, ... and b uses t = 2, 4, 6, ...
# breaks: test_train_softmax
import numpy as np


def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = int(y.max()) + 1
    params = {"W": np.zeros((X.shape[1], K)), "b": np.zeros(K)}
    state = {k: [np.zeros_like(p), np.zeros_like(p)] for k, p in params.items()}
    t = 0

    def update(name, grad):
        nonlocal t
        p = params[name]
        if optimizer == "sgd":
            params[name] = sgd_step(p, grad, lr)
        elif optimizer == "momentum":
            params[name], state[name][0] = momentum_step(p, grad, state[name][0], lr=lr)
        else:
            t += 1
            params[name], state[name][0], state[name][1] = adam_step(p, grad, state[name][0], state[name][1], t, lr=lr)

    rng = np.random.default_rng(seed)
    losses = []
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(params["W"], params["b"], X_b, y_b)
            losses.append(loss)
            update("W", dW)
            update("b", db)
    return params["W"], params["b"], losses

# %% bug: a new generator from the seed every epoch, so every epoch has the same order
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = y.max() + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    mW, mb, sW, sb = np.zeros_like(W), np.zeros_like(b), np.zeros_like(W), np.zeros_like(b)
    losses = []
    t = 0
    for epoch in range(epochs):
        rng = np.random.default_rng(seed)
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=lr)
                b, vb = momentum_step(b, db, vb, lr=lr)
            elif optimizer == "adam":
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: K = the number of distinct labels, too few when a class is missing
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = len(np.unique(y))
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    mW, mb, sW, sb = np.zeros_like(W), np.zeros_like(b), np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses = []
    t = 0
    for epoch in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=lr)
                b, vb = momentum_step(b, db, vb, lr=lr)
            elif optimizer == "adam":
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: the generator is always seeded with 0 (the seed argument is ignored)
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = y.max() + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    mW, mb, sW, sb = np.zeros_like(W), np.zeros_like(b), np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(0)
    losses = []
    t = 0
    for epoch in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=lr)
                b, vb = momentum_step(b, db, vb, lr=lr)
            elif optimizer == "adam":
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% bug: the default optimizer is "sgd" instead of "adam"
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="sgd", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = y.max() + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    mW, mb, sW, sb = np.zeros_like(W), np.zeros_like(b), np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses = []
    t = 0
    for epoch in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=lr)
                b, vb = momentum_step(b, db, vb, lr=lr)
            elif optimizer == "adam":
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
    return W, b, losses

# %% correct: train_softmax calling minibatches by keyword, the generator made with default_rng(seed=seed), the step chosen from a dict
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.array(X, dtype=float), np.array(y, dtype=int)
    K = y.max() + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    states = {"W": (np.zeros_like(W), np.zeros_like(W)), "b": (np.zeros_like(b), np.zeros_like(b))}

    def sgd(name, p, grad, t):
        return sgd_step(p, grad, lr)

    def momentum(name, p, grad, t):
        p, v = momentum_step(p, grad, states[name][0], lr=lr)
        states[name] = (v, states[name][1])
        return p

    def adam(name, p, grad, t):
        p, m, v = adam_step(p, grad, *states[name], t, lr=lr)
        states[name] = (m, v)
        return p

    step = {"sgd": sgd, "momentum": momentum, "adam": adam}[optimizer]
    generator = np.random.default_rng(seed=seed)
    losses, t = [], 0
    for _ in range(epochs):
        for X_b, y_b in minibatches(X=X, y=y, batch_size=batch_size, rng=generator):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(float(loss))
            t += 1
            W, b = step("W", W, dW, t), step("b", b, db, t)
    return W, b, losses

# %% bug: records the loss of the whole training set before each step instead of the mini-batch's loss (same first value log K, different afterwards)
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = y.max() + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses = []
    t = 0
    for epoch in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            t += 1
            full_loss, _, _ = softmax_loss_grads(W, b, X, y)      # the real training loss
            losses.append(full_loss)
            _, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=lr)
                b, vb = momentum_step(b, db, vb, lr=lr)
            elif optimizer == "adam":
                W, mW, vW = adam_step(W, dW, mW, vW, t, lr=lr)
                b, mb, vb = adam_step(b, db, mb, vb, t, lr=lr)
    return W, b, losses

# %% bug: updates the bias with plain sgd_step whatever the optimizer ("the bias doesn't need momentum"), so only W gets momentum/Adam
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = y.max() + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    vW = np.zeros_like(W)
    mW = np.zeros_like(W)
    rng = np.random.default_rng(seed)
    losses = []
    t = 0
    for epoch in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            t += 1
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            if optimizer == "sgd":
                W = sgd_step(W, dW, lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=lr)
            elif optimizer == "adam":
                W, mW, vW = adam_step(W, dW, mW, vW, t, lr=lr)
            b = sgd_step(b, db, lr)
    return W, b, losses

# %% bug: assumes ndarray inputs (y.max(), X.shape, fancy indexing in minibatches), so plain Python lists for X and y raise
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    K = y.max() + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses = []
    t = 0
    for epoch in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            t += 1
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=lr)
                b, vb = momentum_step(b, db, vb, lr=lr)
            elif optimizer == "adam":
                W, mW, vW = adam_step(W, dW, mW, vW, t, lr=lr)
                b, mb, vb = adam_step(b, db, mb, vb, t, lr=lr)
    return W, b, losses

# %% correct: packs W and b into one flat parameter vector with one optimizer state (the step functions are elementwise, so this is the same as separate states for W and for b)
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    D, K = X.shape[1], int(np.max(y)) + 1
    theta = np.zeros(D * K + K)

    def unpack(vec):
        return vec[:D * K].reshape(D, K), vec[D * K:]

    first, second = np.zeros_like(theta), np.zeros_like(theta)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            W, b = unpack(theta)
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            g = np.concatenate([dW.ravel(), db])
            t += 1
            if optimizer == "sgd":
                theta = sgd_step(theta, g, lr)
            elif optimizer == "momentum":
                theta, first = momentum_step(theta, g, first, lr=lr)
            elif optimizer == "adam":
                theta, first, second = adam_step(theta, g, first, second, t, lr=lr)
            else:
                raise ValueError(f"optimizer must be 'sgd', 'momentum' or 'adam', not {optimizer!r}")
    W, b = unpack(theta)
    return W.copy(), b.copy(), losses

# %% bug: (b) validation raises ValueError when batch_size exceeds the number of rows, although minibatches then simply yields one (full) batch per epoch
# breaks: test_train_softmax
from typing import List, Tuple


def train_softmax(X: np.ndarray, y: np.ndarray, optimizer: str = "adam", lr: float = 0.01,
                  epochs: int = 30, batch_size: int = 64, seed: int = 0
                  ) -> Tuple[np.ndarray, np.ndarray, List[float]]:
    """Train a softmax classifier; returns (W, b, losses), one loss per mini-batch.

    Raises
    ------
    ValueError
        On an unknown optimizer, a non-positive learning rate or batch size, or a batch size
        larger than the data set.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if optimizer not in ("sgd", "momentum", "adam"):
        raise ValueError(f"unknown optimizer {optimizer!r}")
    if lr <= 0:
        raise ValueError("lr must be positive")
    if not 0 < batch_size <= len(X):
        raise ValueError(f"batch_size must be in [1, {len(X)}], got {batch_size}")
    K = int(y.max()) + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    s1W, s2W, s1b, s2b = np.zeros_like(W), np.zeros_like(W), np.zeros_like(b), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses: List[float] = []
    t = 0
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, s1W = momentum_step(W, dW, s1W, lr=lr)
                b, s1b = momentum_step(b, db, s1b, lr=lr)
            else:
                W, s1W, s2W = adam_step(W, dW, s1W, s2W, t, lr=lr)
                b, s1b, s2b = adam_step(b, db, s1b, s2b, t, lr=lr)
    return W, b, losses

# %% correct: an extra keyword argument (callback=None, called after every step) with a default that changes nothing; a while loop pulls the batches with next()
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0, callback=None):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    if optimizer not in ("sgd", "momentum", "adam"):
        raise ValueError(f"optimizer should be 'sgd', 'momentum' or 'adam', not {optimizer!r}")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    K = y.max() + 1
    W = np.zeros((X.shape[1], K))
    b = np.zeros((K,))
    v_W, v_b = np.zeros_like(W), np.zeros_like(b)
    s_W, s_b = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses = []
    t = 0
    epoch = 0
    while epoch < epochs:
        batches = minibatches(X, y, batch_size, rng)
        while True:
            try:
                X_b, y_b = next(batches)
            except StopIteration:
                break
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "adam":
                W, v_W, s_W = adam_step(W, dW, v_W, s_W, t, lr=lr)
                b, v_b, s_b = adam_step(b, db, v_b, s_b, t, lr=lr)
            elif optimizer == "momentum":
                W, v_W = momentum_step(W, dW, v_W, lr=lr)
                b, v_b = momentum_step(b, db, v_b, lr=lr)
            else:
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            if callback is not None:
                callback(t, W, b, loss)
        epoch += 1
    return W, b, losses

# %% correct: MATLAB habit, the weights kept as a K x D matrix (one row per class) with W' passed to the loss, the gradient transposed back, and W' returned at the end
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = int(np.max(y)) + 1
    D = X.shape[1]
    Wt = np.zeros((K, D))                 # row k holds class k's weights
    b = np.zeros(K)
    m_W, v_W = np.zeros((K, D)), np.zeros((K, D))
    m_b, v_b = np.zeros(K), np.zeros(K)
    rng = np.random.default_rng(seed)
    losses = []
    t = 0
    for epoch in range(1, epochs + 1):
        for Xb, yb in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(Wt.T, b, Xb, yb)
            losses.append(loss)
            dWt = dW.T
            if optimizer == "sgd":
                Wt = sgd_step(Wt, dWt, lr)
                b = sgd_step(b, db, lr)
            elif optimizer == "momentum":
                Wt, m_W = momentum_step(Wt, dWt, m_W, lr)
                b, m_b = momentum_step(b, db, m_b, lr)
            elif optimizer == "adam":
                t = t + 1
                Wt, m_W, v_W = adam_step(Wt, dWt, m_W, v_W, t, lr)
                b, m_b, v_b = adam_step(b, db, m_b, v_b, t, lr)
            else:
                raise ValueError(optimizer)
    return np.ascontiguousarray(Wt.T), b, losses

# %% bug: visible-assert fitter: scales the rate by len(X_b) / batch_size so that the short last batch "counts less", which changes every update of a partial batch (the visible 48 rows in batches of 16 never have one)
# breaks: test_train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    K = y.max() + 1
    W, b = np.zeros((X.shape[1], K)), np.zeros(K)
    vW, vb = np.zeros_like(W), np.zeros_like(b)
    mW, mb = np.zeros_like(W), np.zeros_like(b)
    sW, sb = np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for epoch in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            step_lr = lr * len(X_b) / batch_size     # a short batch gets a shorter step
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, step_lr), sgd_step(b, db, step_lr)
            elif optimizer == "momentum":
                W, vW = momentum_step(W, dW, vW, lr=step_lr)
                b, vb = momentum_step(b, db, vb, lr=step_lr)
            elif optimizer == "adam":
                t += 1
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=step_lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=step_lr)
    return W, b, losses
