# about: correct, with loops and Python floats: a while loop over the batches, repeated multiplication for the staircase, a scheduler that keeps its history, her own softmax gradient
# %% rmsprop_step
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    w = np.array(w, dtype=float)
    g = np.array(g, dtype=float)
    s = np.array(s, dtype=float)
    s = decay * s + (1 - decay) * g * g
    w -= lr * g / (s + eps) ** 0.5
    return w, s
# %% minibatches
def minibatches(X, y, batch_size, rng):
    X = np.asarray(X)
    y = np.asarray(y)
    perm = rng.permutation(len(y))
    i = 0
    while i < len(perm):
        j = min(i + batch_size, len(perm))
        yield X[perm[i:j]], y[perm[i:j]]
        i = j
# %% clip_by_norm
import math


def clip_by_norm(g, max_norm):
    g = np.array(g, dtype=float)
    norm = math.sqrt(sum(x * x for x in g.ravel()))
    if norm > max_norm:
        g = g * (max_norm / norm)
    return g
# %% step_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    lr = initial_lr
    for _ in range(math.floor(epoch / epochs_drop)):
        lr *= drop
    return lr


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * math.exp(step / decay_steps * math.log(decay_rate))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max)) / 2
# %% ReduceLROnPlateau
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.history = []
        self.since = 0        # the count is the number of reports after this one

    def step(self, loss):
        best = min(self.history) if self.history else float("inf")
        self.history.append(loss)
        if loss < best:
            self.since = len(self.history)
        elif len(self.history) - self.since >= self.patience:
            self.lr = max(self.lr * self.factor, self.min_lr)
            self.since = len(self.history)
        return self.lr
# %% lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = []
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i in range(n_steps):
            w = w - lrs[i] * grad_fn(w)
            losses.append(float(loss_fn(w)))
    return lrs, np.array(losses)


def suggest_lr(lrs, losses):
    lowest = float("inf")
    for i in range(len(lrs)):
        loss = float(losses[i])
        if math.isnan(loss) or math.isinf(loss) or loss > 4 * lowest:
            return float(lrs[i]) / 10
        if loss < lowest:
            lowest = loss
    return float(lrs[-1]) / 10
# %% train_softmax
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
    for epoch in range(epochs):
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
    return W, b, losses
