# cell: train_mlp
# breaks: test_train_mlp

# %% correct: in-place updates of the fresh parameters, losses returned as an array
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(seed))
    losses = np.empty(epochs)
    for epoch in range(epochs):
        losses[epoch], grads = mlp_loss_and_grads(params, X, y)
        for key in params:
            params[key] -= lr * grads[key]
    return params, losses

# %% correct: every parameter stepped with l2_step and lam = 0
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    rng = np.random.default_rng(seed)
    params = init_mlp(np.shape(X)[1], n_hidden, max(y) + 1, rng)
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {name: l2_step(value, grads[name], lr, 0.0) for name, value in params.items()}
    return params, losses

# %% correct: a while loop, a tuple of keys, Python float losses
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    n_classes = int(y.max()) + 1
    params = init_mlp(X.shape[1], n_hidden, n_classes, np.random.default_rng(seed))
    keys = ("W1", "b1", "W2", "b2")
    losses, epoch = [], 0
    while epoch < epochs:
        loss, grads = mlp_loss_and_grads(params, X, y)
        params = dict((k, params[k] - lr * grads[k]) for k in keys)
        losses.append(float(loss))
        epoch += 1
    return params, losses

# %% bug: updates the weights only, never the biases
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        params["W1"] = params["W1"] - lr * grads["W1"]
        params["W2"] = params["W2"] - lr * grads["W2"]
        losses.append(loss)
    return params, losses

# %% bug: climbs the gradient (params + lr * grads)
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        params = {k: params[k] + lr * grads[k] for k in params}
        losses.append(loss)
    return params, losses

# %% bug: rebinds the loop variable, so no parameter is ever updated
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        for key, value in params.items():
            value = value - lr * grads[key]
        losses.append(loss)
    return params, losses

# %% bug: ignores lr and steps with a fixed 0.01
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        params = {k: params[k] - 0.01 * grads[k] for k in params}
        losses.append(loss)
    return params, losses

# %% bug: one class short, C = max(y) instead of max(y) + 1
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    params = init_mlp(X.shape[1], n_hidden, int(y.max()), np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        params = {k: params[k] - lr * grads[k] for k in params}
        losses.append(loss)
    return params, losses

# %% bug: ignores the seed argument (always np.random.default_rng(0))
# breaks: test_train_mlp
import numpy as np


def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(0))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(float(loss))
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses

# %% correct: new parameter dict each epoch via a dict comprehension; losses as a list of floats
import numpy as np


def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    D = X.shape[1]
    C = int(np.max(y)) + 1
    params = init_mlp(D, n_hidden, C, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(float(loss))
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses

# %% bug: lr multiplies only the weight gradients; the biases take the raw gradient step (b - grad)
# breaks: test_train_mlp
import numpy as np


def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(float(loss))
        for name in params:
            step = lr * grads[name] if name.startswith("W") else grads[name]
            params[name] = params[name] - step
    return params, losses

# %% bug: decays the learning rate over the epochs, lr / (1 + 0.01 * epoch), instead of a constant lr
# breaks: test_train_mlp
import numpy as np


def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(seed))
    losses = []
    for epoch in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(float(loss))
        step = lr / (1.0 + 0.01 * epoch)
        params = {k: params[k] - step * grads[k] for k in params}
    return params, losses

# %% bug: stops early once the loss changes by less than 1e-8 (lr = 0: fewer than epochs losses)
# breaks: test_train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        if len(losses) > 1 and abs(losses[-2] - losses[-1]) < 1e-8:
            break  # converged
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses

# %% bug: counts classes as len(np.unique(y)), too few when a label below max(y) is absent
# breaks: test_train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    n_classes = len(np.unique(y))
    params = init_mlp(X.shape[1], n_hidden, n_classes, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: v - lr * grads[k] for k, v in params.items()}
    return params, losses

# %% bug: MATLAB 1-based loop that skips the update on the last epoch ("no point updating after the last loss"), so only epochs - 1 steps are taken -- violates "then, epochs times: compute the loss and gradients ..., record the loss, and update every parameter"
# breaks: test_train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(seed))
    losses = []
    for t in range(1, epochs + 1):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        if t < epochs:
            params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses

# %% bug: confuses the legacy and new random APIs: np.random.seed(seed) then an unseeded np.random.default_rng(), so the initialisation ignores seed and runs are not reproducible -- violates "start from init_mlp(D, n_hidden, C, np.random.default_rng(seed))"
# breaks: test_train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    np.random.seed(seed)
    rng = np.random.default_rng()
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, rng)
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: v - lr * grads[k] for k, v in params.items()}
    return params, losses

# %% bug: over-engineer keeps one generator per seed in a module-level dict, so a second call with the same seed continues that generator's stream and starts from different weights -- violates "start from init_mlp(D, n_hidden, C, np.random.default_rng(seed))"
# breaks: test_train_mlp
_GENERATORS = {}


def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    rng = _GENERATORS.setdefault(seed, np.random.default_rng(seed))
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, rng)
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: v - lr * grads[k] for k, v in params.items()}
    return params, losses

# %% bug: (e) "protects" training from divergence: when the loss goes up it halves lr and undoes the previous step, so large learning rates no longer give plain gradient descent
# breaks: test_train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(seed))
    losses = []
    previous = None
    step = lr
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        if not np.isfinite(loss) or (losses and loss > losses[-1]):
            step *= 0.5
            if previous is not None:
                params = previous
                loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        previous = params
        params = {k: v - step * grads[k] for k, v in params.items()}
    return params, losses

# %% bug: np.random.default_rng(seed or None) treats the default seed 0 as falsy, so seed=0 draws fresh OS entropy and two identical calls give different results
# breaks: test_train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    rng = np.random.default_rng(seed or None)
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, rng)
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses

# %% bug: X = np.squeeze(X) "drops stray axes" but also the feature axis of one-feature data (N, 1) and the batch axis of a single example (1, D), so X.shape[1] raises IndexError; refuses valid X with D = 1 or N = 1
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    X = np.squeeze(X)  # drop stray singleton axes
    y = np.squeeze(y)
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses

# %% bug: refuses epochs = 0 with a ValueError, although zero epochs is a valid run (the initial params and an empty list of losses)
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    if epochs < 1:
        raise ValueError("train for at least one epoch")
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses

# %% bug: a single epoch is special-cased to just evaluate the loss: for epochs == 1 it returns the initial parameters without the one update the spec asks for
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses)."""
    params = init_mlp(X.shape[1], n_hidden, int(np.max(y)) + 1, np.random.default_rng(seed))
    if epochs == 1:                          # one epoch: just report where we start
        loss, _ = mlp_loss_and_grads(params, X, y)
        return params, [loss]
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: params[k] - lr * grads[k] for k in params}
    return params, losses
