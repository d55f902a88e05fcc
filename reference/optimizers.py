"""Momentum, RMSprop, Adam and learning-rate schedules (``ps5_optimizers``).

Every step function takes the parameters ``w``, their gradient ``g`` and the
optimizer's state, and returns the new parameters and the new state as new
float arrays; nothing passed in is modified. The caller keeps the state between
steps, so the same functions serve a 2-D Rosenbrock point and a weight matrix.
"""

import functools

import numpy as np

from .rosenbrock import OPTIMUM, rosenbrock_grad

OPTIMIZERS = ("sgd", "momentum", "adam")


def _floats(*arrays):
    return tuple(np.asarray(a, dtype=float) for a in arrays)


def _float_or_array(value):
    return float(value) if np.ndim(value) == 0 else value


# --------------------------------------------------------------------------- steps


def sgd_step(w, g, lr):
    """One plain gradient step, ``w - lr * g``.

    Examples
    --------
    >>> sgd_step(np.array([1.0, 2.0]), np.array([0.5, -1.0]), lr=0.1)
    array([0.95, 2.1 ])
    """
    w, g = _floats(w, g)
    return w - lr * g


def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One step of gradient descent with momentum (the "heavy ball").

    ``v = momentum * v - lr * g`` and then ``w = w + v``: the velocity ``v`` is
    a decaying sum of past steps, so steps that agree add up and steps that
    alternate in sign cancel.

    Parameters
    ----------
    w, g : array_like
        The parameters and their gradient.
    v : array_like
        The velocity, zeros before the first step.
    lr : float, optional
    momentum : float, optional
        The fraction of the velocity kept from one step to the next.

    Returns
    -------
    w, v : ndarray
        The new parameters and the new velocity.

    Examples
    --------
    With a constant gradient the steps grow towards ``lr / (1 - momentum)``
    times the gradient:

    >>> w, v = np.zeros(1), np.zeros(1)
    >>> for _ in range(3):
    ...     w, v = momentum_step(w, np.ones(1), v, lr=0.1, momentum=0.5)
    ...     print(w, v)
    [-0.1] [-0.1]
    [-0.25] [-0.15]
    [-0.425] [-0.175]
    """
    w, g, v = _floats(w, g, v)
    v = momentum * v - lr * g
    return w + v, v


def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: each coordinate's step is divided by its recent RMS gradient.

    ``s = decay * s + (1 - decay) * g**2`` and
    ``w = w - lr * g / sqrt(s + eps)``. Here ``eps`` is inside the square root
    (PyTorch's ``RMSprop`` adds it outside, to ``sqrt(s)``).

    Returns
    -------
    w, s : ndarray
        The new parameters and the new running mean of the squared gradient.

    Examples
    --------
    Coordinates with very different gradients take steps of similar size:

    >>> w, s = rmsprop_step(np.zeros(2), np.array([100.0, 0.01]), np.zeros(2),
    ...                     lr=0.1, decay=0.9, eps=0.0)
    >>> w.round(4), s
    (array([-0.3162, -0.3162]), array([1.e+03, 1.e-05]))
    """
    w, g, s = _floats(w, g, s)
    s = decay * s + (1.0 - decay) * g**2
    return w - lr * g / np.sqrt(s + eps), s


def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step: momentum on the gradient, RMSprop on the step, bias-corrected.

    ``m = beta1 * m + (1 - beta1) * g`` and ``v = beta2 * v + (1 - beta2) * g**2``
    are running means that start at zero, so early on they are too small by
    the factors ``1 - beta1**t`` and ``1 - beta2**t``; dividing by those gives
    ``m_hat`` and ``v_hat``, and ``w = w - lr * m_hat / (sqrt(v_hat) + eps)``.

    Parameters
    ----------
    w, g : array_like
        The parameters and their gradient.
    m, v : array_like
        The first and second moment estimates, zeros before the first step.
    t : int
        The number of this step, counting from 1.

    Returns
    -------
    w, m, v : ndarray
        The new parameters and moment estimates (without bias correction).

    Examples
    --------
    Thanks to the bias correction the first step moves every coordinate by
    about ``lr``, whatever the gradient's scale:

    >>> w, m, v = adam_step(np.zeros(2), np.array([1e3, -1e-3]), np.zeros(2),
    ...                     np.zeros(2), t=1, lr=0.01)
    >>> w.round(6)
    array([-0.01,  0.01])
    >>> m, v
    (array([ 1.e+02, -1.e-04]), array([1.e+03, 1.e-09]))
    """
    if t < 1:
        raise ValueError(f"adam_step: t counts from 1, got t={t}")
    w, g, m, v = _floats(w, g, m, v)
    m = beta1 * m + (1.0 - beta1) * g
    v = beta2 * v + (1.0 - beta2) * g**2
    m_hat = m / (1.0 - beta1**t)
    v_hat = v / (1.0 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def clip_by_norm(g, max_norm):
    """``g`` scaled down so that its Euclidean norm is at most ``max_norm``.

    The direction is kept; a gradient already within the norm comes back
    unchanged (as a copy). The norm is over all elements of ``g``.

    Examples
    --------
    >>> clip_by_norm([3.0, 4.0], 1.0)
    array([0.6, 0.8])
    >>> clip_by_norm([3.0, 4.0], 10.0)
    array([3., 4.])
    """
    if max_norm < 0:
        raise ValueError(f"clip_by_norm: max_norm must be >= 0, got {max_norm}")
    g = np.array(g, dtype=float)
    norm = np.linalg.norm(g)
    return g if norm <= max_norm else g * (max_norm / norm)


# ----------------------------------------------------------------------- schedules


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """``initial_lr * drop ** floor(epoch / epochs_drop)``: a staircase.

    Works on a number (returns a float) or elementwise on an array.

    Examples
    --------
    >>> step_decay(np.array([0, 9, 10, 19, 20]))
    array([0.1  , 0.1  , 0.05 , 0.05 , 0.025])
    """
    return _float_or_array(initial_lr * drop ** np.floor(np.asarray(epoch) / epochs_drop))


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """``initial_lr * decay_rate ** (step / decay_steps)``: smooth decay.

    The rate is multiplied by ``decay_rate`` every ``decay_steps`` steps.

    Examples
    --------
    >>> exponential_decay(20000)
    0.09216
    >>> exponential_decay(np.array([0, 1, 2]), 1.0, decay_steps=2, decay_rate=0.25)
    array([1.  , 0.5 , 0.25])
    """
    return _float_or_array(initial_lr * decay_rate ** (np.asarray(step) / decay_steps))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """``lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2``.

    Half a cosine from ``lr_max`` at step 0 down to ``lr_min`` at ``t_max``
    (past ``t_max`` the formula climbs back up).

    Examples
    --------
    >>> cosine_annealing(np.array([0, 50, 100]), lr_max=0.1, t_max=100).round(12)
    array([0.1 , 0.05, 0.  ])
    """
    phase = np.pi * np.asarray(step) / t_max
    return _float_or_array(lr_min + (lr_max - lr_min) * (1.0 + np.cos(phase)) / 2.0)


class ReduceLROnPlateau:
    """Cut the learning rate when the loss stops improving.

    Each call of :meth:`step` reports a loss. A loss below the best so far
    becomes the best and resets the count of bad steps; any other loss adds one
    to the count, and when the count reaches ``patience`` the rate becomes
    ``max(lr * factor, min_lr)`` and the count restarts at 0.

    PyTorch's ``torch.optim.lr_scheduler.ReduceLROnPlateau`` cuts when its count
    *exceeds* its ``patience``, so this class with ``patience=p`` behaves as
    PyTorch's with ``mode="min", patience=p - 1, threshold=0, cooldown=0``.

    Attributes
    ----------
    lr : float
        The current learning rate.
    best : float
        The lowest loss so far (``inf`` before the first step).
    num_bad : int
        Steps since the last improvement or the last cut.

    Examples
    --------
    >>> plateau = ReduceLROnPlateau(1.0, factor=0.5, patience=2, min_lr=0.2)
    >>> [plateau.step(loss) for loss in [5, 4, 4, 4, 3, 9, 9, 9, 9, 9, 9]]
    [1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2, 0.2]
    """

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = float(lr)
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = np.inf
        self.num_bad = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss < self.best:
            self.best = loss
            self.num_bad = 0
        else:
            self.num_bad += 1
            if self.num_bad >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.num_bad = 0
        return self.lr


# ------------------------------------------------------------- data and lr search


def minibatches(X, y, batch_size, rng):
    """Yield ``(X_b, y_b)`` mini-batches over one random permutation of the rows.

    The order is ``rng.permutation(len(X))``, drawn once; every row appears in
    exactly one batch, rows of ``X`` and ``y`` stay paired, and the last batch
    holds the ``len(X) % batch_size`` left-over rows when that is not zero.
    The batches are copies.

    Examples
    --------
    >>> X, y = np.arange(10).reshape(5, 2), np.arange(5)
    >>> for X_b, y_b in minibatches(X, y, 2, np.random.default_rng(0)):
    ...     print(y_b, X_b[:, 0])
    [2 4] [4 8]
    [3 0] [6 0]
    [1] [2]
    """
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"minibatches: X has {len(X)} rows but y has {len(y)}")
    if batch_size < 1:
        raise ValueError(f"minibatches: batch_size must be >= 1, got {batch_size}")
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]


def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """The learning-rate range test: one step per rate, from tiny to huge.

    The rates are ``np.geomspace(lr_min, lr_max, n_steps)``. Starting at ``w0``,
    step ``i`` is one gradient step with ``lrs[i]`` from where step ``i - 1``
    ended, and ``losses[i]`` is ``loss_fn`` at the point it reached. The loss
    first falls, then, once the rate is too large, shoots up; after a
    divergence the losses are ``inf`` or ``nan`` (without warnings).

    Returns
    -------
    lrs, losses : ndarray, shape (n_steps,)

    Examples
    --------
    On ``f(w) = w**2`` from ``w0 = 1`` a step with rate ``a`` multiplies ``w``
    by ``1 - 2a``:

    >>> lrs, losses = lr_range_test(lambda w: float(w @ w), lambda w: 2 * w,
    ...                             np.ones(1), lr_min=0.01, lr_max=100, n_steps=5)
    >>> lrs
    array([1.e-02, 1.e-01, 1.e+00, 1.e+01, 1.e+02])
    >>> [round(float(np.sqrt(loss)), 3) for loss in losses]  # abs(w) after each step
    [0.98, 0.784, 0.784, 14.896, 2964.304]
    >>> suggest_lr(lrs, losses)
    1.0
    """
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        for i, lr in enumerate(lrs):
            w = w - lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses


def suggest_lr(lrs, losses):
    """A learning rate read off a range test: a tenth of where the loss blows up.

    The blow-up is the first rate whose loss is not finite or more than 4
    times the lowest loss strictly before it; when there is none, a tenth of
    the last rate.

    Examples
    --------
    >>> lrs = [0.001, 0.01, 0.1, 1.0, 10.0]
    >>> suggest_lr(lrs, [5.0, 2.0, 1.0, 4.5, np.inf])
    0.1
    >>> suggest_lr(lrs, [5.0, 2.0, 1.0, 3.0, 3.5])
    1.0
    """
    lrs, losses = _floats(lrs, losses)
    blown = ~np.isfinite(losses)
    blown[1:] |= losses[1:] > 4.0 * np.minimum.accumulate(losses)[:-1]
    first = int(np.argmax(blown)) if blown.any() else len(lrs) - 1
    return float(lrs[first] / 10.0)


# ------------------------------------------------------------ softmax classifier


def softmax_loss_grads(W, b, X, y):
    """Mean softmax cross-entropy of ``X @ W + b`` against labels ``y``, and its gradients.

    Returns
    -------
    loss : float
    dW, db : ndarray
        Gradients of the loss with respect to ``W`` and ``b``.

    Examples
    --------
    With zero weights every class has probability ``1/K``:

    >>> loss, dW, db = softmax_loss_grads(np.zeros((2, 4)), np.zeros(4),
    ...                                   np.ones((3, 2)), np.array([0, 1, 1]))
    >>> bool(np.isclose(loss, np.log(4))), dW.shape, db.round(4)
    (True, (2, 4), array([-0.0833, -0.4167,  0.25  ,  0.25  ]))
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    logits = X @ W + b
    logits = logits - logits.max(axis=1, keepdims=True)
    log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    n = len(X)
    loss = -log_p[np.arange(n), y].mean()
    dlogits = np.exp(log_p)
    dlogits[np.arange(n), y] -= 1.0
    dlogits /= n
    return float(loss), X.T @ dlogits, dlogits.sum(axis=0)


def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """Train a softmax classifier ``argmax(X @ W + b)`` with mini-batches.

    ``W`` and ``b`` start at zero. Each epoch draws :func:`minibatches` from
    ``rng = np.random.default_rng(seed)`` (one rng for the whole run) and takes
    one step per batch with :func:`sgd_step`, :func:`momentum_step` (default
    momentum) or :func:`adam_step` (default betas, ``t`` counting batches from 1).

    Parameters
    ----------
    X : array_like, shape (N, D)
    y : array_like of int, shape (N,)
        Labels ``0 .. K-1``; ``K = y.max() + 1``.
    optimizer : {"sgd", "momentum", "adam"}

    Returns
    -------
    W : ndarray, shape (D, K)
    b : ndarray, shape (K,)
    losses : list of float
        The loss of each mini-batch, measured before its step.

    Examples
    --------
    >>> X = np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 2.0], [2.0, 0.0]])
    >>> y = np.array([0, 1, 0, 1])
    >>> W, b, losses = train_softmax(X, y, lr=0.1, epochs=20, batch_size=2)
    >>> len(losses), accuracy(W, b, X, y), losses[-1] < losses[0]
    (40, 1.0, True)
    """
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"train_softmax: optimizer must be one of {OPTIMIZERS}, got {optimizer!r}")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    # moment estimates: m for momentum's velocity and Adam's first moment, s for Adam's second
    mW, mb, sW, sb = np.zeros_like(W), np.zeros_like(b), np.zeros_like(W), np.zeros_like(b)
    rng = np.random.default_rng(seed)
    losses = []
    t = 0
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


def predict(W, b, X):
    """The most likely class of each row of ``X``."""
    return np.argmax(np.asarray(X, dtype=float) @ W + b, axis=1)


def accuracy(W, b, X, y):
    """The fraction of rows of ``X`` whose predicted class is ``y``.

    Examples
    --------
    >>> accuracy(np.eye(2), np.zeros(2), [[1.0, 0.0], [0.0, 1.0]], [0, 0])
    0.5
    """
    return float(np.mean(predict(W, b, X) == np.asarray(y)))


@functools.lru_cache(maxsize=1)
def _digits():
    """The digits' pixels scaled to [0, 1] and their labels, read once per process
    (scikit-learn parses its compressed CSV anew on every ``load_digits()``); both
    read-only, so a split is always a copy."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    X, y = digits.data / 16.0, digits.target
    X.flags.writeable = y.flags.writeable = False
    return X, y


def load_digits_split(test_fraction=0.25, seed=0):
    """scikit-learn's 8x8 handwritten digits, scaled to [0, 1] and split at random.

    The pixels (0 to 16) are divided by 16. The split is
    ``np.random.default_rng(seed).permutation``: the first ``test_fraction``
    of the shuffled rows are the test set.

    Returns
    -------
    X_train, X_test, y_train, y_test : ndarray

    Examples
    --------
    >>> X_train, X_test, y_train, y_test = load_digits_split()
    >>> X_train.shape, X_test.shape, float(X_train.min()), float(X_train.max())
    ((1348, 64), (449, 64), 0.0, 1.0)
    """
    X, y = _digits()
    order = np.random.default_rng(seed).permutation(len(X))
    n_test = int(round(test_fraction * len(X)))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]


def batch_size_comparison(X, y, lr=0.1, epochs=5, batch_size=32, seed=0):
    """Plain SGD with full-batch, one-example and mini-batch steps, same epochs.

    Returns
    -------
    dict
        ``{label: (W, b, losses)}`` for ``"batch"`` (``batch_size=len(X)``),
        ``"stochastic"`` (``batch_size=1``) and ``"mini-batch"``. All three see
        every example ``epochs`` times, but take very different numbers of steps.

    Examples
    --------
    >>> X_train, _, y_train, _ = load_digits_split()
    >>> runs = batch_size_comparison(X_train[:200], y_train[:200], epochs=2)
    >>> {label: len(losses) for label, (_, _, losses) in runs.items()}
    {'batch': 2, 'stochastic': 400, 'mini-batch': 14}
    """
    sizes = {"batch": len(X), "stochastic": 1, "mini-batch": batch_size}
    return {label: train_softmax(X, y, "sgd", lr=lr, epochs=epochs, batch_size=size, seed=seed)
            for label, size in sizes.items()}


# --------------------------------------------------------- optimizers on Rosenbrock

#: Hyperparameters roughly tuned on Rosenbrock from ``(-1, 1)``; plain SGD uses
#: the ps3 milestone's rate.
ROSENBROCK_SETTINGS = {
    "sgd": {"lr": 0.001},
    "momentum": {"lr": 0.001, "momentum": 0.9},
    "rmsprop": {"lr": 0.001, "decay": 0.9},
    "adam": {"lr": 0.02},
}


def optimize(grad_f, x0, optimizer="adam", n_steps=1000, **hyper):
    """Run one optimizer for ``n_steps`` steps; returns the ``(n_steps + 1, d)`` iterates.

    ``optimizer`` is ``"sgd"``, ``"momentum"``, ``"rmsprop"`` or ``"adam"``;
    ``hyper`` goes to its step function (``lr`` is required for ``"sgd"``).

    Examples
    --------
    >>> optimize(lambda x: x, [4.0], "sgd", n_steps=2, lr=0.5).ravel()
    array([4., 2., 1.])
    """
    x = np.array(x0, dtype=float)
    state = [np.zeros_like(x), np.zeros_like(x)]
    path = [x]
    for t in range(1, n_steps + 1):
        g = grad_f(x)
        if optimizer == "sgd":
            x = sgd_step(x, g, **hyper)
        elif optimizer == "momentum":
            x, state[0] = momentum_step(x, g, state[0], **hyper)
        elif optimizer == "rmsprop":
            x, state[0] = rmsprop_step(x, g, state[0], **hyper)
        elif optimizer == "adam":
            x, state[0], state[1] = adam_step(x, g, state[0], state[1], t, **hyper)
        else:
            raise ValueError(f"optimize: unknown optimizer {optimizer!r}")
        path.append(x)
    return np.array(path)


def steps_to_reach(path, target=OPTIMUM, tol=1e-3):
    """The first index of ``path`` within ``tol`` of ``target``, or ``None``.

    Examples
    --------
    >>> steps_to_reach([[0.0, 0.0], [0.9, 1.0], [1.0, 1.0]], tol=0.5)
    1
    """
    close = np.linalg.norm(np.asarray(path, dtype=float) - target, axis=1) < tol
    return int(np.argmax(close)) if close.any() else None


def compare_on_rosenbrock(x0=(-1.0, 1.0), n_steps=20000, tol=1e-3, settings=None):
    """Each optimizer on Rosenbrock from ``x0``, with its steps to reach ``tol`` of ``(1, 1)``.

    Parameters
    ----------
    settings : dict, optional
        ``{optimizer: hyperparameters}``; :data:`ROSENBROCK_SETTINGS` by default.

    Returns
    -------
    dict
        ``{optimizer: (path, steps)}``, ``steps`` being ``None`` when the run
        never got within ``tol``.

    Examples
    --------
    >>> results = compare_on_rosenbrock()
    >>> {name: steps for name, (_, steps) in results.items()}
    {'sgd': 17041, 'momentum': 1628, 'rmsprop': 7986, 'adam': 783}
    """
    settings = ROSENBROCK_SETTINGS if settings is None else settings
    results = {}
    for name, hyper in settings.items():
        path = optimize(rosenbrock_grad, x0, name, n_steps=n_steps, **hyper)
        results[name] = (path, steps_to_reach(path, OPTIMUM, tol))
    return results
