"""Manual backpropagation (``ps4_backprop``).

Batches are rows: ``x`` has shape ``(N, D)``. Every layer is a pair of
functions. ``*_forward`` returns ``(out, cache)``; ``*_backward(dout, cache)``
takes the gradient of the loss with respect to ``out`` and returns the gradient
with respect to the layer's inputs. A cache is plain data, a tuple of floats or
ndarrays, so it can be pickled and sent to another process:

===============  ===================================  ======================
layer            cache                                backward returns
===============  ===================================  ======================
two-layer        ``(x, w1, b1, w2, b2, h, y)`` floats ``{"w1", "b1", ...}``
linear           ``(x, W, b)``                        ``(dx, dW, db)``
ReLU             ``(x,)``                             ``dx``
sigmoid          ``(out,)``                           ``dx``
===============  ===================================  ======================

Losses return ``(loss, dpred)`` with ``loss`` a Python float and ``dpred`` the
gradient with respect to the predictions, which starts the backward pass.
"""

import numpy as np

# exp(-708) is about 3.3e-308, just above the smallest normal float64.
_EXP_FLOOR = -708.0


def _safe_exp(a):
    """``exp(a)`` for ``a <= 0``, flushed to 0 instead of underflowing."""
    return np.where(a < _EXP_FLOOR, 0.0, np.exp(np.maximum(a, _EXP_FLOOR)))


def sigmoid(z):
    """The logistic function ``1 / (1 + exp(-z))``, elementwise.

    Computed from ``e = exp(-abs(z))``, which never overflows: ``1 / (1 + e)``
    for ``z >= 0`` and ``e / (1 + e)`` for ``z < 0``.

    Parameters
    ----------
    z : float or array_like

    Returns
    -------
    float or ndarray
        A float for a scalar, an array of ``z``'s shape otherwise.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    array([0. , 0.5, 1. ])
    >>> round(sigmoid(2.0) + sigmoid(-2.0), 12)
    1.0
    """
    z = np.asarray(z, dtype=float)
    e = _safe_exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s


def two_layer_forward(x, w1, b1, w2, b2):
    """A network of two sigmoid units on scalars, ``y = σ(w2 σ(w1 x + b1) + b2)``.

    Returns
    -------
    y : float
    cache : tuple of float
        ``(x, w1, b1, w2, b2, h, y)`` with ``h = σ(w1 x + b1)`` the hidden unit.

    Examples
    --------
    >>> y, cache = two_layer_forward(1.0, 0.0, 0.0, 2.0, -1.0)
    >>> y
    0.5
    >>> cache
    (1.0, 0.0, 0.0, 2.0, -1.0, 0.5, 0.5)
    """
    x, w1, b1, w2, b2 = (float(v) for v in (x, w1, b1, w2, b2))
    h = sigmoid(w1 * x + b1)
    y = sigmoid(w2 * h + b2)
    return y, (x, w1, b1, w2, b2, h, y)


def two_layer_backward(cache):
    """The derivatives of :func:`two_layer_forward`'s output, by the chain rule.

    With ``σ'(z) = σ(z) (1 - σ(z))``, ``dy/dz2 = y (1 - y)`` at the output and
    ``dy/dz1 = dy/dz2 · w2 · h (1 - h)`` at the hidden unit.

    Returns
    -------
    dict of float
        ``dy/d`` each of ``"w1", "b1", "w2", "b2", "x"``.

    Examples
    --------
    >>> _, cache = two_layer_forward(1.0, 0.0, 0.0, 2.0, -1.0)
    >>> two_layer_backward(cache)
    {'w1': 0.125, 'b1': 0.125, 'w2': 0.125, 'b2': 0.25, 'x': 0.0}
    """
    x, w1, b1, w2, b2, h, y = cache
    dz2 = y * (1.0 - y)
    dz1 = dz2 * w2 * h * (1.0 - h)
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}


def linear_forward(x, W, b):
    """An affine layer, ``out = x @ W + b``.

    Parameters
    ----------
    x : array_like, shape (N, D)
    W : array_like, shape (D, M)
    b : array_like, shape (M,)

    Returns
    -------
    out : ndarray, shape (N, M)
    cache : tuple
        ``(x, W, b)`` as float arrays.

    Examples
    --------
    >>> out, _ = linear_forward([[1.0, 2.0]], [[1.0, 0.0], [0.0, 1.0]], [0.5, -0.5])
    >>> out
    array([[1.5, 1.5]])
    """
    x = np.asarray(x, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    return x @ W + b, (x, W, b)


def linear_backward(dout, cache):
    """Gradients of an affine layer: ``(dx, dW, db)``.

    ``dx = dout @ W.T``, ``dW = x.T @ dout``, and ``db`` is ``dout`` summed over
    the batch, because ``b`` is added to every row.

    Examples
    --------
    >>> _, cache = linear_forward([[1.0, 2.0], [3.0, 4.0]], np.eye(2), [0.0, 0.0])
    >>> dx, dW, db = linear_backward(np.ones((2, 2)), cache)
    >>> dW
    array([[4., 4.],
           [6., 6.]])
    >>> db
    array([2., 2.])
    """
    x, W, _ = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)


def relu_forward(x):
    """``max(x, 0)`` elementwise; returns ``(out, (x,))``.

    Examples
    --------
    >>> relu_forward([-1.0, 0.0, 2.0])[0]
    array([0., 0., 2.])
    """
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0), (x,)


def relu_backward(dout, cache):
    """``dout`` where the input was positive, 0 elsewhere (including at 0).

    Examples
    --------
    >>> _, cache = relu_forward([-1.0, 0.0, 2.0])
    >>> relu_backward([5.0, 5.0, 5.0], cache)
    array([0., 0., 5.])
    """
    (x,) = cache
    return np.where(x > 0, np.asarray(dout, dtype=float), 0.0)


def sigmoid_forward(x):
    """:func:`sigmoid` as a layer; returns ``(out, (out,))``.

    The cache holds the output, since ``σ'(x) = σ(x) (1 - σ(x))``.

    Examples
    --------
    >>> sigmoid_forward([0.0])[0]
    array([0.5])
    """
    out = np.asarray(sigmoid(x), dtype=float)
    return out, (out,)


def sigmoid_backward(dout, cache):
    """``dout · σ(x) (1 - σ(x))``.

    Examples
    --------
    >>> _, cache = sigmoid_forward([0.0])
    >>> sigmoid_backward([1.0], cache)
    array([0.25])
    """
    (out,) = cache
    return np.asarray(dout, dtype=float) * out * (1.0 - out)


def mse_loss(pred, y):
    """Half the mean squared error per row, ``sum((pred - y)**2) / (2N)``.

    ``N`` is the number of rows of ``pred`` (its length), and ``y`` is
    reshaped to ``pred``'s shape. Returns ``(loss, dpred)`` with
    ``dpred = (pred - y) / N``.

    Examples
    --------
    >>> loss, dpred = mse_loss([[1.0], [3.0]], [0.0, 1.0])
    >>> loss
    1.25
    >>> dpred
    array([[0.5],
           [1. ]])
    """
    pred = np.asarray(pred, dtype=float)
    diff = pred - np.asarray(y, dtype=float).reshape(pred.shape)
    n = len(pred) if pred.ndim else 1
    return float(np.sum(diff**2) / (2 * n)), diff / n


def bce_with_logits(z, y):
    """Mean binary cross-entropy of labels ``y`` in [0, 1] given logits ``z``.

    Per element the loss is ``-y log σ(z) - (1 - y) log(1 - σ(z))``, which
    equals ``max(z, 0) - z y + log(1 + exp(-abs(z)))``: that form never takes
    the log of 0 nor overflows, whatever the size of ``z``. The mean is over
    the ``N`` elements of ``z`` (one logit per row, usually), and
    ``dz = (σ(z) - y) / N``.

    Returns
    -------
    loss : float
    dz : ndarray of ``z``'s shape

    Examples
    --------
    >>> loss, dz = bce_with_logits([0.0, 0.0], [1.0, 0.0])
    >>> round(loss, 6) == round(float(np.log(2)), 6)
    True
    >>> dz
    array([-0.25,  0.25])
    >>> bce_with_logits([500.0, -500.0], [0.0, 1.0])[0]
    500.0
    """
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float).reshape(z.shape)
    n = max(z.size, 1)
    per_element = np.maximum(z, 0.0) - z * y + np.log1p(_safe_exp(-np.abs(z)))
    return float(np.sum(per_element) / n), np.asarray((sigmoid(z) - y) / n)


def softmax_cross_entropy(logits, y):
    """Mean cross-entropy of integer labels ``y`` under ``softmax(logits)``.

    Each row's largest logit is subtracted first (softmax does not change), so
    no exponential overflows; the loss comes from log-probabilities, never from
    the log of a probability that rounded to 0.

    Parameters
    ----------
    logits : array_like, shape (N, C)
    y : array_like of int, shape (N,)
        The class of each row, in ``0 .. C-1``.

    Returns
    -------
    loss : float
    dlogits : ndarray, shape (N, C)
        ``(softmax(logits) - onehot(y)) / N``.

    Examples
    --------
    >>> loss, dlogits = softmax_cross_entropy([[0.0, 0.0]], [1])
    >>> round(loss, 6) == round(float(np.log(2)), 6)
    True
    >>> dlogits
    array([[ 0.5, -0.5]])
    >>> softmax_cross_entropy([[1000.0, 0.0]], [1])[0]
    1000.0
    """
    logits = np.asarray(logits, dtype=float)
    y = np.asarray(y, dtype=np.intp)
    n = logits.shape[0]
    rows = np.arange(n)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(_safe_exp(shifted), axis=1, keepdims=True))
    dlogits = _safe_exp(log_probs)
    dlogits[rows, y] -= 1.0
    return float(-np.sum(log_probs[rows, y]) / n), dlogits / n


def l2_step(theta, grad, lr, lam):
    """A gradient step with L2 weight decay, ``(1 - lr·lam) · theta - lr · grad``.

    It is the plain step on ``loss + lam/2 · ||theta||²``.

    Examples
    --------
    >>> l2_step(np.array([1.0, -2.0]), np.array([0.5, 0.0]), lr=0.1, lam=1.0)
    array([ 0.85, -1.8 ])
    """
    theta = np.asarray(theta, dtype=float)
    return (1.0 - lr * lam) * theta - lr * np.asarray(grad, dtype=float)


def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases.

    Weights are normal with standard deviation ``1 / sqrt(fan_in)``, so every
    unit's input starts with about the variance of one input feature.

    Parameters
    ----------
    n_in, n_hidden, n_out : int
    rng : numpy.random.Generator or int
        The source of randomness (an int is used as a seed).

    Returns
    -------
    dict
        ``W1`` (n_in, n_hidden), ``b1`` (n_hidden,), ``W2`` (n_hidden, n_out),
        ``b2`` (n_out,).

    Examples
    --------
    >>> params = init_mlp(2, 16, 3, np.random.default_rng(0))
    >>> {k: v.shape for k, v in params.items()}
    {'W1': (2, 16), 'b1': (16,), 'W2': (16, 3), 'b2': (3,)}
    >>> float(abs(params["b1"]).max())
    0.0
    """
    rng = np.random.default_rng(rng)
    return {
        "W1": rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in),
        "b1": np.zeros(n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden),
        "b2": np.zeros(n_out),
    }


def mlp_loss_and_grads(params, X, y):
    """Loss and gradients of ``softmax(relu(X @ W1 + b1) @ W2 + b2)``.

    Parameters
    ----------
    params : dict
        ``W1, b1, W2, b2`` as made by :func:`init_mlp`.
    X : array_like, shape (N, D)
    y : array_like of int, shape (N,)

    Returns
    -------
    loss : float
        The mean softmax cross-entropy.
    grads : dict
        The gradient of ``loss`` for each key of ``params``.

    Examples
    --------
    With zero weights every class is equally likely:

    >>> params = {"W1": np.zeros((2, 3)), "b1": np.zeros(3),
    ...           "W2": np.zeros((3, 4)), "b2": np.zeros(4)}
    >>> loss, grads = mlp_loss_and_grads(params, np.ones((5, 2)), [0, 1, 2, 3, 0])
    >>> round(loss, 6) == round(float(np.log(4)), 6)
    True
    >>> grads["b2"]
    array([-0.15,  0.05,  0.05,  0.05])
    """
    hidden, linear1 = linear_forward(X, params["W1"], params["b1"])
    active, relu = relu_forward(hidden)
    scores, linear2 = linear_forward(active, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    dactive, dW2, db2 = linear_backward(dscores, linear2)
    dhidden = relu_backward(dactive, relu)
    _, dW1, db1 = linear_backward(dhidden, linear1)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    """Full-batch gradient descent on :func:`mlp_loss_and_grads`.

    The network starts from ``init_mlp(D, n_hidden, C, np.random.default_rng(seed))``
    with ``C = max(y) + 1`` classes.

    Returns
    -------
    params : dict
        The parameters after ``epochs`` steps.
    losses : list of float
        The loss before each step, one per epoch.

    Examples
    --------
    >>> X, y = make_moons(seed=0)
    >>> params, losses = train_mlp(X, y, epochs=200)
    >>> len(losses), losses[-1] < 0.5 * losses[0]
    (200, True)
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=np.intp)
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        params = {k: params[k] - lr * grads[k] for k in params}
        losses.append(loss)
    return params, losses


def mlp_predict(params, X):
    """The most likely class of each row of ``X`` under the network ``params``.

    Examples
    --------
    >>> params = {"W1": np.eye(2), "b1": np.zeros(2), "W2": np.eye(2), "b2": np.zeros(2)}
    >>> mlp_predict(params, [[1.0, 0.0], [0.0, 1.0]])
    array([0, 1])
    """
    hidden, _ = linear_forward(X, params["W1"], params["b1"])
    active, _ = relu_forward(hidden)
    scores, _ = linear_forward(active, params["W2"], params["b2"])
    return scores.argmax(axis=1)


def make_moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles, a toy 2-D classification problem.

    Class 0 is the upper moon, class 1 the lower one; no line separates them.

    Returns
    -------
    X : ndarray, shape (n, 2)
    y : ndarray of int, shape (n,)

    Examples
    --------
    >>> X, y = make_moons(n=6, noise=0.0)
    >>> X.round(2)
    array([[ 1. ,  0. ],
           [ 0. ,  1. ],
           [-1. ,  0. ],
           [ 0. ,  0.5],
           [ 1. , -0.5],
           [ 2. ,  0.5]])
    >>> y
    array([0, 0, 0, 1, 1, 1])
    """
    rng = np.random.default_rng(seed)
    n_upper = n // 2
    t_upper = np.linspace(0.0, np.pi, n_upper)
    t_lower = np.linspace(0.0, np.pi, n - n_upper)
    upper = np.column_stack([np.cos(t_upper), np.sin(t_upper)])
    lower = np.column_stack([1.0 - np.cos(t_lower), 0.5 - np.sin(t_lower)])
    X = np.vstack([upper, lower]) + noise * rng.standard_normal((n, 2))
    return X, np.repeat([0, 1], [n_upper, n - n_upper])


def layer_gradient_check(forward, backward, *inputs, seed=0, h=1e-5):
    """Relative errors between a layer's backward pass and central differences.

    The layer's output is contracted with a fixed random upstream gradient
    ``dout``; the gradient of ``sum(out * dout)`` with respect to each input is
    exactly what ``backward(dout, cache)`` must return.

    Parameters
    ----------
    forward : callable
        ``forward(*inputs) -> (out, cache)``.
    backward : callable
        ``backward(dout, cache)``: the gradient for the single input, or a
        tuple with one gradient per input.
    *inputs : array_like
        Where to check; they are copied, never modified.

    Returns
    -------
    list of float
        ``max(abs(a - n) / maximum(1e-8, abs(a) + abs(n)))`` for each input,
        with ``a`` the analytic and ``n`` the numerical gradient.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> x, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    >>> [err < 1e-8 for err in layer_gradient_check(linear_forward, linear_backward, x, W, b)]
    [True, True, True]
    >>> [err < 1e-8 for err in layer_gradient_check(sigmoid_forward, sigmoid_backward, x)]
    [True]
    """
    inputs = [np.array(v, dtype=float) for v in inputs]
    out, cache = forward(*inputs)
    dout = np.random.default_rng(seed).standard_normal(np.shape(out))
    analytic = backward(dout, cache)
    if len(inputs) == 1:
        analytic = (analytic,)
    errors = []
    for i, (value, grad) in enumerate(zip(inputs, analytic)):
        numeric = np.zeros_like(value)
        for idx in np.ndindex(value.shape):
            outs = []
            for step in (h, -h):
                shifted = [v.copy() for v in inputs]
                shifted[i][idx] += step
                outs.append(forward(*shifted)[0])
            numeric[idx] = np.sum((outs[0] - outs[1]) * dout) / (2 * h)
        grad = np.asarray(grad, dtype=float)
        scale = np.maximum(1e-8, np.abs(grad) + np.abs(numeric))
        errors.append(float(np.max(np.abs(grad - numeric) / scale)))
    return errors
