# about: correct, written differently: np.take over a shuffled index, ufuncs with dtype=float, a scale factor for clipping, // for the staircase, a vectorised suggest_lr and a dict of parameters
# %% sgd_step
def sgd_step(w, g, lr):
    return np.subtract(w, np.multiply(lr, g), dtype=float)
# %% minibatches
def minibatches(X, y, batch_size, rng):
    index = np.arange(len(X))
    rng.shuffle(index)
    n_batches = -(-len(X) // batch_size)
    for k in range(n_batches):
        chosen = index[k * batch_size:(k + 1) * batch_size]
        yield np.take(X, chosen, axis=0), np.take(y, chosen, axis=0)
# %% momentum_step
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    velocity = np.multiply(momentum, v, dtype=float) - np.multiply(lr, g, dtype=float)
    return np.add(w, velocity, dtype=float), velocity
# %% adam_step
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * np.square(g)
    correction1, correction2 = 1 - np.power(beta1, t), 1 - np.power(beta2, t)
    step = lr * (m_new / correction1) / (np.sqrt(v_new / correction2) + eps)
    return np.asarray(w, dtype=float) - step, m_new, v_new
# %% clip_by_norm
def clip_by_norm(g, max_norm):
    g = np.asarray(g, dtype=float)
    norm = np.sqrt(np.sum(g * g))
    scale = max_norm / norm if norm > max_norm else 1.0
    return g * scale
# %% step_decay
import math


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** (epoch // epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * math.pow(decay_rate, step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max))
# %% ReduceLROnPlateau
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor, self.patience, self.min_lr = factor, patience, min_lr
        self.best_loss = None
        self.wait = 0

    def step(self, loss):
        if self.best_loss is None or loss < self.best_loss:
            self.best_loss, self.wait = loss, 0
            return self.lr
        self.wait += 1
        if self.wait == self.patience:
            self.lr, self.wait = max(self.lr * self.factor, self.min_lr), 0
        return self.lr
# %% lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = lr_min * (lr_max / lr_min) ** np.linspace(0.0, 1.0, n_steps)
    w, losses = np.array(w0, dtype=float), []
    with np.errstate(over="ignore", invalid="ignore"):
        for lr in lrs:
            w = w - lr * np.asarray(grad_fn(w))
            losses.append(loss_fn(w))
    return lrs, np.array(losses, dtype=float)


def suggest_lr(lrs, losses):
    lrs, losses = np.asarray(lrs, dtype=float), np.asarray(losses, dtype=float)
    with np.errstate(invalid="ignore"):
        lowest_before = np.concatenate([[np.inf], np.minimum.accumulate(losses)[:-1]])
        blown = ~np.isfinite(losses) | (losses > 4 * lowest_before)
    hits = np.flatnonzero(blown)
    return float(lrs[hits[0] if hits.size else -1] / 10)
# %% train_softmax
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
