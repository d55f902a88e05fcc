"""Behaviour of the ps4_backprop reference: gradients, stability, training."""

import contextlib
import pickle
import warnings

import numpy as np
import pytest

from reference import backprop as bp
from reference.backprop import (
    bce_with_logits,
    init_mlp,
    l2_step,
    layer_gradient_check,
    linear_backward,
    linear_forward,
    make_moons,
    mlp_loss_and_grads,
    mlp_predict,
    mse_loss,
    relu_backward,
    relu_forward,
    sigmoid,
    sigmoid_backward,
    sigmoid_forward,
    softmax_cross_entropy,
    train_mlp,
    two_layer_backward,
    two_layer_forward,
)

TOL = 1e-7
SEEDS = [0, 1, 2]


# --- independent numerical gradients -------------------------------------------------

def rel_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


def num_grad(f, x, h=1e-5):
    """Central differences of the scalar ``f`` at every element of ``x``."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        plus = f(x)
        x[idx] = old - h
        minus = f(x)
        x[idx] = old
        grad[idx] = (plus - minus) / (2 * h)
    return grad


def num_grad_array(f, x, dout, h=1e-5):
    """Gradient of ``sum(f(x) * dout)``, differencing outputs before summing."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        plus = np.array(f(x), dtype=float)
        x[idx] = old - h
        minus = np.array(f(x), dtype=float)
        x[idx] = old
        grad[idx] = np.sum((plus - minus) * dout) / (2 * h)
    return grad


def away_from_zero(x, gap=1e-2):
    """``x`` with entries near 0 pushed out, so no difference step crosses ReLU's kink."""
    return np.where(np.abs(x) < gap, np.copysign(gap, x) + x, x)


def random_shapes(seed):
    rng = np.random.default_rng(seed)
    return rng, int(rng.integers(2, 6)), int(rng.integers(2, 5)), int(rng.integers(2, 5))


def is_plain(data):
    if isinstance(data, (tuple, list)):
        return all(is_plain(v) for v in data)
    if isinstance(data, dict):
        return all(isinstance(k, str) and is_plain(v) for k, v in data.items())
    return isinstance(data, (float, int, np.ndarray)) and not isinstance(data, bool)


@contextlib.contextmanager
def strict():
    """Any floating-point warning or error inside is raised."""
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        yield


# --- sigmoid ------------------------------------------------------------------------

def test_sigmoid_values():
    assert sigmoid(0.0) == 0.5
    assert isinstance(sigmoid(0.0), float)
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-14)
    np.testing.assert_allclose(sigmoid(z) + sigmoid(-z), 1.0, rtol=1e-15)
    assert sigmoid(np.zeros((2, 3))).shape == (2, 3)


def test_sigmoid_large_inputs_without_warnings():
    with strict():
        assert sigmoid(1000.0) == 1.0
        assert sigmoid(-1000.0) == 0.0
        s = sigmoid(np.array([-1000.0, -700.0, -50.0, 50.0, 700.0, 1000.0]))
    assert s[0] == 0.0 and s[-1] == 1.0
    np.testing.assert_allclose(s[1:3], np.exp([-700.0, -50.0]), rtol=1e-12)
    assert np.all(np.isfinite(s))


# --- the two-layer scalar network ----------------------------------------------------

def test_two_layer_forward_value_and_cache():
    y, cache = two_layer_forward(0.5, 2.0, -1.0, 3.0, -0.5)
    h = 1 / (1 + np.exp(-(2.0 * 0.5 - 1.0)))
    assert h == 0.5
    assert y == pytest.approx(1 / (1 + np.exp(-(3.0 * h - 0.5))), rel=1e-14)
    assert isinstance(y, float)
    assert is_plain(cache)
    assert two_layer_backward(pickle.loads(pickle.dumps(cache))) == two_layer_backward(cache)


@pytest.mark.parametrize("seed", SEEDS)
def test_two_layer_backward_matches_numerical_derivatives(seed):
    args = dict(zip(["x", "w1", "b1", "w2", "b2"], np.random.default_rng(seed).normal(size=5)))
    _, cache = two_layer_forward(**args)
    grads = two_layer_backward(cache)
    assert set(grads) == {"w1", "b1", "w2", "b2", "x"}
    h = 1e-5
    for name in args:
        plus = dict(args, **{name: args[name] + h})
        minus = dict(args, **{name: args[name] - h})
        numeric = (two_layer_forward(**plus)[0] - two_layer_forward(**minus)[0]) / (2 * h)
        assert rel_error(grads[name], numeric) < TOL, name


def test_two_layer_backward_hand_computed():
    _, cache = two_layer_forward(2.0, 0.0, 0.0, 4.0, -2.0)
    # h = σ(0) = 1/2, y = σ(4/2 - 2) = 1/2, so dy/dz2 = 1/4 and dy/dz1 = 1/4 · 4 · 1/4.
    assert two_layer_backward(cache) == pytest.approx(
        {"w1": 0.5, "b1": 0.25, "w2": 0.125, "b2": 0.25, "x": 0.0})


# --- layers ---------------------------------------------------------------------------

def test_linear_forward_value():
    x = np.array([[1.0, 2.0], [0.0, -1.0]])
    W = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]])
    b = np.array([0.5, 0.0, -1.0])
    out, cache = linear_forward(x, W, b)
    np.testing.assert_array_equal(out, [[1.5, 2.0, 3.0], [0.5, -1.0, -2.0]])
    assert isinstance(cache, tuple) and is_plain(cache)


@pytest.mark.parametrize("seed", SEEDS)
def test_linear_backward_numerical(seed):
    rng, n, d, m = random_shapes(seed)
    x, W, b = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)
    dout = rng.normal(size=(n, m))
    _, cache = linear_forward(x, W, b)
    dx, dW, db = linear_backward(dout, cache)
    assert dx.shape == x.shape and dW.shape == W.shape and db.shape == b.shape
    assert rel_error(dx, num_grad_array(lambda v: linear_forward(v, W, b)[0], x, dout)) < TOL
    assert rel_error(dW, num_grad_array(lambda v: linear_forward(x, v, b)[0], W, dout)) < TOL
    assert rel_error(db, num_grad_array(lambda v: linear_forward(x, W, v)[0], b, dout)) < TOL
    np.testing.assert_allclose(db, dout.sum(axis=0))


@pytest.mark.parametrize("seed", SEEDS)
def test_relu_backward_numerical(seed):
    rng, n, d, _ = random_shapes(seed)
    x = away_from_zero(rng.normal(size=(n, d)))
    dout = rng.normal(size=(n, d))
    out, cache = relu_forward(x)
    np.testing.assert_array_equal(out, np.maximum(x, 0))
    dx = relu_backward(dout, cache)
    assert rel_error(dx, num_grad_array(lambda v: relu_forward(v)[0], x, dout)) < TOL


def test_relu_subgradient_is_zero_at_zero():
    _, cache = relu_forward(np.array([-2.0, 0.0, 3.0]))
    np.testing.assert_array_equal(relu_backward(np.array([7.0, 7.0, 7.0]), cache), [0, 0, 7])


@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_backward_numerical(seed):
    rng, n, d, _ = random_shapes(seed)
    x = 3 * rng.normal(size=(n, d))
    dout = rng.normal(size=(n, d))
    out, cache = sigmoid_forward(x)
    np.testing.assert_allclose(out, 1 / (1 + np.exp(-x)), rtol=1e-14)
    dx = sigmoid_backward(dout, cache)
    assert rel_error(dx, num_grad_array(lambda v: sigmoid_forward(v)[0], x, dout)) < TOL


def test_caches_are_plain_data_and_survive_pickling():
    rng = np.random.default_rng(0)
    x, W, b = rng.normal(size=(3, 4)), rng.normal(size=(4, 2)), rng.normal(size=2)
    cases = [
        (linear_forward, linear_backward, (x, W, b), rng.normal(size=(3, 2))),
        (relu_forward, relu_backward, (x,), rng.normal(size=(3, 4))),
        (sigmoid_forward, sigmoid_backward, (x,), rng.normal(size=(3, 4))),
    ]
    for forward, backward, inputs, dout in cases:
        _, cache = forward(*inputs)
        assert isinstance(cache, tuple) and is_plain(cache), forward.__name__
        direct = backward(dout, cache)
        shipped = backward(dout, pickle.loads(pickle.dumps(cache)))
        for a, c in zip(_as_tuple(direct), _as_tuple(shipped)):
            np.testing.assert_array_equal(a, c)


def _as_tuple(grads):
    return grads if isinstance(grads, tuple) else (grads,)


def test_layer_gradient_check_helper():
    rng = np.random.default_rng(3)
    x, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    assert max(layer_gradient_check(linear_forward, linear_backward, x, W, b)) < TOL
    assert max(layer_gradient_check(sigmoid_forward, sigmoid_backward, x)) < TOL

    def wrong_backward(dout, cache):
        dx, dW, db = linear_backward(dout, cache)
        return dx, dW, dout.mean(axis=0)

    errors = layer_gradient_check(linear_forward, wrong_backward, x, W, b)
    assert errors[0] < TOL and errors[1] < TOL and errors[2] > 0.1


# --- losses -------------------------------------------------------------------------

def test_mse_loss_hand_computed():
    loss, dpred = mse_loss(np.array([[1.0, 2.0], [3.0, 0.0]]), np.array([[0.0, 2.0], [1.0, 1.0]]))
    # sum of squares 1 + 0 + 4 + 1 = 6 over 2 rows: 6 / 4.
    assert loss == 1.5 and isinstance(loss, float)
    np.testing.assert_array_equal(dpred, [[0.5, 0.0], [1.0, -0.5]])
    loss, dpred = mse_loss(np.array([[1.0], [3.0]]), np.array([0.0, 1.0]))
    assert loss == 1.25 and dpred.shape == (2, 1)


@pytest.mark.parametrize("seed", SEEDS)
def test_mse_loss_gradient_numerical(seed):
    rng, n, d, _ = random_shapes(seed)
    pred, y = rng.normal(size=(n, d)), rng.normal(size=(n, d))
    _, dpred = mse_loss(pred, y)
    assert rel_error(dpred, num_grad(lambda p: mse_loss(p, y)[0], pred)) < TOL


def test_bce_with_logits_hand_computed():
    loss, dz = bce_with_logits(np.array([0.0]), np.array([1.0]))
    assert loss == pytest.approx(np.log(2), rel=1e-14) and isinstance(loss, float)
    np.testing.assert_allclose(dz, [-0.5])
    z, y = np.array([2.0, -1.0, 0.5]), np.array([1.0, 0.0, 0.3])
    p = 1 / (1 + np.exp(-z))
    expected = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    loss, dz = bce_with_logits(z, y)
    assert loss == pytest.approx(expected, rel=1e-13)
    np.testing.assert_allclose(dz, (p - y) / 3, rtol=1e-13)


@pytest.mark.parametrize("seed", SEEDS)
def test_bce_with_logits_gradient_numerical(seed):
    rng, n, _, _ = random_shapes(seed)
    z, y = 3 * rng.normal(size=(n, 1)), rng.integers(0, 2, size=(n, 1)).astype(float)
    _, dz = bce_with_logits(z, y)
    assert dz.shape == z.shape
    assert rel_error(dz, num_grad(lambda v: bce_with_logits(v, y)[0], z)) < TOL


def test_bce_with_logits_stable_for_large_logits():
    z = np.array([500.0, -500.0, 300.0, -300.0])
    with strict():
        right, dz_right = bce_with_logits(z, np.array([1.0, 0.0, 1.0, 0.0]))
        wrong, dz_wrong = bce_with_logits(z, np.array([0.0, 1.0, 0.0, 1.0]))
    assert right == pytest.approx(0.0, abs=1e-100)
    assert wrong == pytest.approx(400.0, rel=1e-14)
    np.testing.assert_allclose(dz_right, 0.0, atol=1e-100)
    np.testing.assert_allclose(dz_wrong, [0.25, -0.25, 0.25, -0.25], rtol=1e-14)


def test_softmax_cross_entropy_hand_computed():
    loss, dlogits = softmax_cross_entropy(np.zeros((1, 3)), np.array([2]))
    assert loss == pytest.approx(np.log(3), rel=1e-14) and isinstance(loss, float)
    np.testing.assert_allclose(dlogits, [[1 / 3, 1 / 3, -2 / 3]], rtol=1e-14)
    logits, y = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]]), np.array([2, 0])
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    loss, dlogits = softmax_cross_entropy(logits, y)
    assert loss == pytest.approx(-np.mean(np.log(probs[[0, 1], y])), rel=1e-14)
    np.testing.assert_allclose(dlogits, (probs - np.eye(3)[y]) / 2, rtol=1e-13)


@pytest.mark.parametrize("seed", SEEDS)
def test_softmax_cross_entropy_gradient_numerical(seed):
    rng, n, _, c = random_shapes(seed)
    logits, y = rng.normal(size=(n, c)), rng.integers(0, c, size=n)
    _, dlogits = softmax_cross_entropy(logits, y)
    assert rel_error(dlogits, num_grad(lambda v: softmax_cross_entropy(v, y)[0], logits)) < TOL


def test_softmax_cross_entropy_stable_for_large_logits():
    logits = np.array([[500.0, -500.0], [-500.0, 500.0], [500.0, 500.0]])
    with strict():
        loss, dlogits = softmax_cross_entropy(logits, np.array([0, 0, 1]))
    assert loss == pytest.approx((0.0 + 1000.0 + np.log(2)) / 3, rel=1e-14)
    np.testing.assert_allclose(dlogits, [[0, 0], [-1 / 3, 1 / 3], [1 / 6, -1 / 6]], atol=1e-15)
    shifted, _ = softmax_cross_entropy(np.array([[1.0, 2.0]]) + 1000.0, np.array([0]))
    assert shifted == pytest.approx(softmax_cross_entropy(np.array([[1.0, 2.0]]), [0])[0])


# --- regularised step, the MLP -----------------------------------------------------------

def test_l2_step():
    theta, grad = np.array([1.0, -2.0, 4.0]), np.array([0.5, 1.0, 0.0])
    np.testing.assert_allclose(l2_step(theta, grad, lr=0.1, lam=0.5), [0.9, -2.0, 3.8])
    np.testing.assert_allclose(l2_step(theta, grad, lr=0.1, lam=0.0), theta - 0.1 * grad)
    np.testing.assert_array_equal(theta, [1.0, -2.0, 4.0])


def test_init_mlp_shapes_biases_and_seed():
    params = init_mlp(3, 7, 4, np.random.default_rng(5))
    assert {k: v.shape for k, v in params.items()} == {
        "W1": (3, 7), "b1": (7,), "W2": (7, 4), "b2": (4,)}
    assert not params["b1"].any() and not params["b2"].any()
    for name in ("W1", "W2"):
        w = params[name]
        assert w.dtype == np.float64
        assert np.all(w != 0) and 0 < w.std() < 2, name
        assert np.unique(w, axis=1).shape[1] == w.shape[1], "units must differ"
    again = init_mlp(3, 7, 4, np.random.default_rng(5))
    other = init_mlp(3, 7, 4, np.random.default_rng(6))
    for name in params:
        np.testing.assert_array_equal(params[name], again[name])
    assert not np.array_equal(params["W1"], other["W1"])


def small_mlp_problem(seed):
    rng = np.random.default_rng(seed)
    n, d, hidden, c = 6, 3, 5, 4
    params = init_mlp(d, hidden, c, rng)
    params["b1"] = 0.1 * rng.normal(size=hidden)
    params["b2"] = 0.1 * rng.normal(size=c)
    X, y = rng.normal(size=(n, d)), rng.integers(0, c, size=n)
    return params, X, y


@pytest.mark.parametrize("seed", SEEDS)
def test_mlp_loss_and_grads_numerical(seed):
    params, X, y = small_mlp_problem(seed)
    hidden = X @ params["W1"] + params["b1"]
    assert np.abs(hidden).min() > 1e-3, "a finite difference would cross a ReLU kink"
    loss, grads = mlp_loss_and_grads(params, X, y)
    assert isinstance(loss, float) and set(grads) == set(params)
    for name in params:
        def f(value, name=name):
            return mlp_loss_and_grads(dict(params, **{name: value}), X, y)[0]
        assert grads[name].shape == params[name].shape
        assert rel_error(grads[name], num_grad(f, params[name])) < TOL, name


def test_mlp_loss_at_zero_weights_is_log_classes():
    params = {"W1": np.zeros((2, 3)), "b1": np.zeros(3), "W2": np.zeros((3, 5)), "b2": np.zeros(5)}
    loss, grads = mlp_loss_and_grads(params, np.ones((4, 2)), np.array([0, 1, 2, 3]))
    assert loss == pytest.approx(np.log(5), rel=1e-14)
    np.testing.assert_allclose(grads["b2"], [-0.05, -0.05, -0.05, -0.05, 0.2], atol=1e-15)
    assert not grads["W1"].any()


def test_mlp_loss_and_grads_builds_on_the_layer_functions(monkeypatch):
    calls = []
    for name in ("linear_forward", "linear_backward", "relu_forward", "relu_backward",
                 "softmax_cross_entropy"):
        original = getattr(bp, name)

        def spy(*args, _original=original, _name=name):
            calls.append(_name)
            return _original(*args)
        monkeypatch.setattr(bp, name, spy)
    params, X, y = small_mlp_problem(0)
    bp.mlp_loss_and_grads(params, X, y)
    assert sorted(calls) == sorted(["linear_forward"] * 2 + ["linear_backward"] * 2
                                   + ["relu_forward", "relu_backward", "softmax_cross_entropy"])


def test_make_moons():
    X, y = make_moons(n=101, noise=0.1, seed=4)
    assert X.shape == (101, 2) and y.shape == (101,)
    assert set(y.tolist()) == {0, 1}
    again, _ = make_moons(n=101, noise=0.1, seed=4)
    np.testing.assert_array_equal(X, again)
    assert not np.array_equal(X, make_moons(n=101, noise=0.1, seed=5)[0])


def test_train_mlp_learns_the_moons():
    X, y = make_moons(n=200, noise=0.1, seed=0)
    X_before, y_before = X.copy(), y.copy()
    params, losses = train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0)
    assert len(losses) == 500 and all(isinstance(v, float) for v in losses)
    assert losses[0] == pytest.approx(mlp_loss_and_grads(
        init_mlp(2, 16, 2, np.random.default_rng(0)), X, y)[0])
    assert losses[-1] < 0.1 < 0.6 < losses[0]
    assert np.mean(np.diff(losses) <= 1e-12) > 0.95, "the loss should go down"
    assert np.mean(mlp_predict(params, X) == y) >= 0.97
    np.testing.assert_array_equal(X, X_before)
    np.testing.assert_array_equal(y, y_before)
    again, losses_again = train_mlp(X, y, epochs=20, seed=0)
    assert losses_again == losses[:20]


def test_train_mlp_three_classes():
    rng = np.random.default_rng(1)
    centres = np.array([[0.0, 3.0], [3.0, 0.0], [-3.0, -3.0]])
    y = np.repeat([0, 1, 2], 30)
    X = centres[y] + 0.5 * rng.normal(size=(90, 2))
    params, losses = train_mlp(X, y, n_hidden=8, lr=0.2, epochs=200, seed=1)
    assert params["W2"].shape == (8, 3)
    assert np.mean(mlp_predict(params, X) == y) == 1.0


def test_inputs_are_not_modified():
    rng = np.random.default_rng(7)
    x, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    dout, target, labels = rng.normal(size=(4, 2)), rng.normal(size=(4, 2)), np.array([0, 1, 1, 0])
    params = init_mlp(3, 5, 2, rng)
    arrays = [x, W, b, dout, target, labels, *params.values()]
    before = [a.copy() for a in arrays]
    _, cache = linear_forward(x, W, b)
    linear_backward(dout, cache)
    for forward, backward in ((relu_forward, relu_backward), (sigmoid_forward, sigmoid_backward)):
        _, cache = forward(x)
        backward(x, cache)
    sigmoid(x)
    mse_loss(dout, target)
    bce_with_logits(dout[:, 0], labels)
    softmax_cross_entropy(dout, labels)
    l2_step(W, W, 0.1, 0.1)
    mlp_loss_and_grads(params, x, labels)
    mlp_predict(params, x)
    for a, original in zip(arrays, before):
        np.testing.assert_array_equal(a, original)


def test_decision_boundary_draws_and_returns_axes():
    import matplotlib
    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    from reference.plotting.boundary import decision_boundary

    X, y = make_moons(n=40, seed=0)
    seen = []

    def predict(points):
        seen.append(points.shape)
        return (points[:, 1] < 0.25).astype(int)

    fig, ax = plt.subplots()
    assert decision_boundary(predict, X, y, ax=ax, n=30) is ax
    assert seen == [(900, 2)]
    assert ax.collections, "regions and points should be drawn"
    plt.close(fig)


# --- cross-checks against PyTorch autograd ----------------------------------------------

def tensor(a, grad=True):
    torch = pytest.importorskip("torch")
    return torch.tensor(np.asarray(a, dtype=float), dtype=torch.float64, requires_grad=grad)


@pytest.mark.parametrize("seed", SEEDS)
def test_two_layer_backward_matches_torch(seed):
    torch = pytest.importorskip("torch")
    values = np.random.default_rng(seed).normal(size=5)
    x, w1, b1, w2, b2 = (tensor(v) for v in values)
    y = torch.sigmoid(w2 * torch.sigmoid(w1 * x + b1) + b2)
    y.backward()
    ours, cache = two_layer_forward(*values)
    grads = two_layer_backward(cache)
    assert ours == pytest.approx(y.item(), rel=1e-14)
    for name, t in zip(["x", "w1", "b1", "w2", "b2"], (x, w1, b1, w2, b2)):
        assert grads[name] == pytest.approx(t.grad.item(), rel=1e-12, abs=1e-15), name


@pytest.mark.parametrize("seed", SEEDS)
def test_layers_match_torch(seed):
    torch = pytest.importorskip("torch")
    rng, n, d, m = random_shapes(seed)
    x, W, b = rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)

    tx, tW, tb = tensor(x), tensor(W), tensor(b)
    out = tx @ tW + tb
    dout = rng.normal(size=(n, m))
    out.backward(tensor(dout, grad=False))
    ours, cache = linear_forward(x, W, b)
    np.testing.assert_allclose(ours, out.detach().numpy(), rtol=1e-13)
    for g, t in zip(linear_backward(dout, cache), (tx, tW, tb)):
        np.testing.assert_allclose(g, t.grad.numpy(), rtol=1e-12, atol=1e-14)

    dout = rng.normal(size=(n, d))
    for forward, backward, torch_fn in ((relu_forward, relu_backward, torch.relu),
                                        (sigmoid_forward, sigmoid_backward, torch.sigmoid)):
        tx = tensor(x)
        out = torch_fn(tx)
        out.backward(tensor(dout, grad=False))
        ours, cache = forward(x)
        np.testing.assert_allclose(ours, out.detach().numpy(), rtol=1e-13)
        np.testing.assert_allclose(backward(dout, cache), tx.grad.numpy(), rtol=1e-12, atol=1e-14)


def test_bce_with_logits_matches_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    z = np.concatenate([3 * rng.normal(size=10), [500.0, -500.0, 300.0, -300.0]])
    y = np.concatenate([rng.uniform(size=10), [0.0, 1.0, 1.0, 0.0]])
    tz = tensor(z)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(tz, tensor(y, grad=False))
    loss.backward()
    ours, dz = bce_with_logits(z, y)
    assert ours == pytest.approx(loss.item(), rel=1e-13)
    np.testing.assert_allclose(dz, tz.grad.numpy(), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("scale", [1.0, 500.0])
def test_softmax_cross_entropy_matches_torch(scale):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    logits, y = scale * rng.normal(size=(8, 5)), rng.integers(0, 5, size=8)
    tl = tensor(logits)
    loss = torch.nn.functional.cross_entropy(tl, torch.tensor(y))
    loss.backward()
    ours, dlogits = softmax_cross_entropy(logits, y)
    assert ours == pytest.approx(loss.item(), rel=1e-13)
    np.testing.assert_allclose(dlogits, tl.grad.numpy(), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("seed", SEEDS)
def test_mlp_loss_and_grads_matches_torch(seed):
    torch = pytest.importorskip("torch")
    params, X, y = small_mlp_problem(seed)
    t = {k: tensor(v) for k, v in params.items()}
    scores = torch.relu(tensor(X, grad=False) @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"]
    loss = torch.nn.functional.cross_entropy(scores, torch.tensor(y))
    loss.backward()
    ours, grads = mlp_loss_and_grads(params, X, y)
    assert ours == pytest.approx(loss.item(), rel=1e-13)
    for name in params:
        np.testing.assert_allclose(grads[name], t[name].grad.numpy(), rtol=1e-12, atol=1e-14)
