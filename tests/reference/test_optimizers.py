"""Behaviour of the ps5 reference: :mod:`reference.optimizers`, its figures and GIFs.

The PyTorch cross-checks import torch inside the test, so the file runs (and
skips only those) without it.
"""

import math
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

from reference import optimizers as opt
from reference.animation import _frames, lr_race_gif, marble_gif
from reference.optimizers import (
    ReduceLROnPlateau,
    accuracy,
    adam_step,
    clip_by_norm,
    compare_on_rosenbrock,
    cosine_annealing,
    exponential_decay,
    load_digits_split,
    lr_range_test,
    minibatches,
    momentum_step,
    optimize,
    rmsprop_step,
    sgd_step,
    step_decay,
    steps_to_reach,
    suggest_lr,
    train_softmax,
)
from reference.plotting import optimizers as figs


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def digits():
    return load_digits_split()


# ------------------------------------------------------------------ step functions


def test_sgd_step_values():
    out = sgd_step(np.array([1.0, 2.0]), np.array([0.5, -1.0]), 0.1)
    np.testing.assert_allclose(out, [0.95, 2.1])


def test_momentum_step_values():
    w, v = momentum_step(np.array([1.0, 2.0]), np.array([0.5, -1.0]), np.array([0.1, 0.2]),
                         lr=0.1, momentum=0.9)
    np.testing.assert_allclose(v, [0.9 * 0.1 - 0.05, 0.9 * 0.2 + 0.1])
    np.testing.assert_allclose(w, [1.04, 2.28])


def test_momentum_step_defaults():
    w, v = momentum_step(np.zeros(1), np.ones(1), np.ones(1))
    np.testing.assert_allclose(v, [0.9 - 0.01])
    np.testing.assert_allclose(w, v)


def test_rmsprop_step_values():
    w, s = rmsprop_step(np.array([1.0]), np.array([2.0]), np.array([0.0]),
                        lr=0.1, decay=0.9, eps=0.0)
    np.testing.assert_allclose(s, [0.4])
    np.testing.assert_allclose(w, [1.0 - 0.1 * 2.0 / math.sqrt(0.4)])


def test_rmsprop_eps_inside_the_sqrt():
    # s = 0.1 * g**2 = 1e-9 is smaller than eps, so where eps goes matters
    w, _ = rmsprop_step(np.zeros(1), np.array([1e-4]), np.zeros(1), lr=1.0, decay=0.9, eps=1e-8)
    inside = 1e-4 / math.sqrt(1e-9 + 1e-8)
    outside = 1e-4 / (math.sqrt(1e-9) + 1e-8)
    np.testing.assert_allclose(w, [-inside], rtol=1e-12)
    assert not np.isclose(w[0], -outside)


def test_adam_first_step_is_lr_per_coordinate():
    g = np.array([1e3, -1e-2, 5.0, -3e-5])
    w, m, v = adam_step(np.zeros(4), g, np.zeros(4), np.zeros(4), t=1, lr=0.01)
    np.testing.assert_allclose(w, -0.01 * np.sign(g), rtol=1e-3)
    np.testing.assert_allclose(m, 0.1 * g)
    np.testing.assert_allclose(v, 0.001 * g**2)


def test_adam_counts_t_from_one():
    lr = 0.1
    w, m, v = adam_step(np.zeros(1), np.ones(1), np.zeros(1), np.zeros(1), t=1, lr=lr)
    np.testing.assert_allclose(w, [-lr], rtol=1e-7)
    w, m, v = adam_step(w, -np.ones(1), m, v, t=2, lr=lr)
    # m = 0.9 * 0.1 - 0.1 = -0.01, m_hat = -0.01 / 0.19; v_hat = 1
    np.testing.assert_allclose(m, [-0.01])
    np.testing.assert_allclose(v, [0.001999])
    np.testing.assert_allclose(w, [-lr + lr * 0.01 / 0.19], rtol=1e-7)


def test_adam_rejects_t_zero():
    with pytest.raises(ValueError):
        adam_step(np.zeros(1), np.ones(1), np.zeros(1), np.zeros(1), t=0)


def _step_calls():
    rng = np.random.default_rng(3)
    w, g, a, b = (rng.standard_normal((3, 2)) for _ in range(4))
    a, b = np.abs(a), np.abs(b)  # valid second-moment states
    return {
        "sgd": (sgd_step, (w, g, 0.1)),
        "momentum": (momentum_step, (w, g, a)),
        "rmsprop": (rmsprop_step, (w, g, b)),
        "adam": (adam_step, (w, g, a, b, 3)),
        "clip": (clip_by_norm, (g, 0.5)),
    }


@pytest.mark.parametrize("name", ["sgd", "momentum", "rmsprop", "adam", "clip"])
def test_steps_leave_inputs_alone_and_return_new_float_arrays(name):
    fn, args = _step_calls()[name]
    before = [np.copy(a) for a in args]
    out = fn(*args)
    outs = out if isinstance(out, tuple) else (out,)
    for a, b in zip(args, before):
        np.testing.assert_array_equal(a, b, err_msg=f"{name} modified an input")
    for o in outs:
        assert isinstance(o, np.ndarray) and o.dtype == np.float64 and o.shape == (3, 2)
        assert not any(np.shares_memory(o, a) for a in args if isinstance(a, np.ndarray))


def test_steps_accept_integer_arrays():
    out = sgd_step(np.array([1, 2]), np.array([1, 1]), 0.5)
    assert out.dtype == np.float64
    np.testing.assert_allclose(out, [0.5, 1.5])


def test_clip_by_norm_scales_down_keeping_direction():
    g = np.array([[3.0, 0.0], [0.0, -4.0]])
    out = clip_by_norm(g, 2.0)
    assert np.linalg.norm(out) == pytest.approx(2.0)
    np.testing.assert_allclose(out, g * 0.4)


@pytest.mark.parametrize("max_norm", [5.0, 10.0])
def test_clip_by_norm_unchanged_within_the_norm(max_norm):
    g = np.array([3.0, 4.0])
    out = clip_by_norm(g, max_norm)
    np.testing.assert_array_equal(out, g)
    assert out is not g


# ----------------------------------------------------------------------- schedules


def test_step_decay_boundaries():
    assert [step_decay(e) for e in [0, 9, 10, 19, 20]] == pytest.approx(
        [0.1, 0.1, 0.05, 0.05, 0.025])
    assert step_decay(7, initial_lr=1.0, drop=0.1, epochs_drop=3) == pytest.approx(0.01)
    assert isinstance(step_decay(3), float)


def test_exponential_decay_values():
    assert exponential_decay(0) == pytest.approx(0.1)
    assert exponential_decay(10000) == pytest.approx(0.096)
    assert exponential_decay(5000) == pytest.approx(0.1 * math.sqrt(0.96))
    np.testing.assert_allclose(exponential_decay(np.array([0, 3, 6]), 2.0, 3, 0.5), [2.0, 1.0, 0.5])


def test_cosine_annealing_values():
    assert cosine_annealing(0, 0.1, 100, 0.01) == pytest.approx(0.1)
    assert cosine_annealing(50, 0.1, 100, 0.01) == pytest.approx(0.055)
    assert cosine_annealing(100, 0.1, 100, 0.01) == pytest.approx(0.01)
    assert cosine_annealing(25, 1.0, 100) == pytest.approx((1 + math.cos(math.pi / 4)) / 2)


def _plateau(losses, **kwargs):
    sched = ReduceLROnPlateau(1.0, **kwargs)
    return [sched.step(loss) for loss in losses]


def test_plateau_improvement_resets_the_count():
    lrs = _plateau([5, 6, 6, 4, 6, 6, 6], patience=3)
    assert lrs == [1.0] * 6 + [0.5]


def test_plateau_equal_loss_is_no_improvement():
    assert _plateau([1, 1, 1], patience=2) == [1.0, 1.0, 0.5]


def test_plateau_count_restarts_after_a_cut():
    assert _plateau([1, 2, 2, 2, 2, 2, 2], patience=2) == [1, 1, 0.5, 0.5, 0.25, 0.25, 0.125]


def test_plateau_min_lr_floor():
    lrs = _plateau([1, 2, 2, 2], factor=0.1, patience=1, min_lr=0.05)
    assert lrs == pytest.approx([1.0, 0.1, 0.05, 0.05])


def test_plateau_defaults_and_state():
    sched = ReduceLROnPlateau(0.1)
    lrs = [sched.step(loss) for loss in [3.0, 2.0] + [2.5] * 5]
    assert lrs == [0.1] * 6 + [0.05]
    assert sched.best == 2.0 and sched.num_bad == 0 and sched.lr == 0.05


# --------------------------------------------------------------------- minibatches


def _batches(n=23, batch_size=5, seed=7):
    X = np.arange(3 * n, dtype=float).reshape(n, 3)
    y = np.arange(n)
    return X, y, list(minibatches(X, y, batch_size, np.random.default_rng(seed)))


def test_minibatches_cover_every_row_once_with_a_smaller_last_batch():
    X, y, batches = _batches()
    assert [len(y_b) for _, y_b in batches] == [5, 5, 5, 5, 3]
    np.testing.assert_array_equal(np.sort(np.concatenate([y_b for _, y_b in batches])), y)


def test_minibatches_keep_rows_paired():
    X, _, batches = _batches()
    for X_b, y_b in batches:
        np.testing.assert_array_equal(X_b, X[y_b])


def test_minibatches_use_one_permutation_of_the_rng():
    _, _, batches = _batches(seed=11)
    order = np.concatenate([y_b for _, y_b in batches])
    np.testing.assert_array_equal(order, np.random.default_rng(11).permutation(23))


def test_minibatches_are_deterministic_by_rng():
    first = np.concatenate([y_b for *_, y_b in _batches(seed=1)[2]])
    again = np.concatenate([y_b for *_, y_b in _batches(seed=1)[2]])
    other = np.concatenate([y_b for *_, y_b in _batches(seed=2)[2]])
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_minibatches_large_batch_and_inputs_unmodified():
    X, y = np.arange(8.0).reshape(4, 2), np.arange(4)
    batches = list(minibatches(X, y, 10, np.random.default_rng(0)))
    assert len(batches) == 1 and len(batches[0][0]) == 4
    batches[0][0][:] = -1
    np.testing.assert_array_equal(X, np.arange(8.0).reshape(4, 2))


# ------------------------------------------------------------- lr range test


def test_lr_range_test_grid():
    lrs, losses = lr_range_test(lambda w: float(w @ w), lambda w: 2 * w, np.ones(2),
                                lr_min=1e-4, lr_max=10.0, n_steps=37)
    np.testing.assert_allclose(lrs, np.geomspace(1e-4, 10.0, 37))
    assert losses.shape == (37,)


def test_lr_range_test_continues_from_the_last_point():
    # on 0.5 * w**2 a step with rate a multiplies w by (1 - a)
    w0 = np.array([2.0])
    lrs, losses = lr_range_test(lambda w: 0.5 * float(w @ w), lambda w: w, w0,
                                lr_min=0.01, lr_max=0.5, n_steps=8)
    expected = 0.5 * (2.0 * np.cumprod(1 - lrs)) ** 2
    np.testing.assert_allclose(losses, expected)
    np.testing.assert_array_equal(w0, [2.0])


def test_lr_range_test_divergence_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _, losses = lr_range_test(lambda w: float(w @ w), lambda w: 2 * w, np.ones(1),
                                  lr_min=1e-3, lr_max=1e3, n_steps=300)
    assert not np.isfinite(losses[-1])


def test_suggest_lr_no_blow_up_gives_a_tenth_of_the_last():
    lrs = np.geomspace(1e-4, 1.0, 5)
    assert suggest_lr(lrs, [5.0, 4.0, 3.0, 2.0, 1.0]) == pytest.approx(0.1)


def test_suggest_lr_non_finite():
    lrs = [1e-3, 1e-2, 1e-1, 1.0]
    assert suggest_lr(lrs, [1.0, 0.9, np.nan, 0.5]) == pytest.approx(1e-2)
    assert suggest_lr(lrs, [np.inf, 0.9, 0.8, 0.5]) == pytest.approx(1e-4)


def test_suggest_lr_compares_with_the_lowest_loss_before():
    lrs = [1e-3, 1e-2, 1e-1, 1.0, 10.0]
    # 5 > 4 * 1 (the lowest so far), though 5 < 4 * 10 (the first)
    assert suggest_lr(lrs, [10.0, 1.0, 3.0, 5.0, 2.0]) == pytest.approx(0.1)


def test_suggest_lr_four_times_is_not_yet_a_blow_up():
    lrs = [1e-3, 1e-2, 1e-1]
    assert suggest_lr(lrs, [1.0, 4.0, 1.0]) == pytest.approx(1e-2)
    assert suggest_lr(lrs, [1.0, 4.5, 1.0]) == pytest.approx(1e-3)


def test_suggest_lr_on_a_real_range_test():
    lrs, losses = lr_range_test(lambda w: float(w @ w), lambda w: 2 * w, np.ones(1),
                                lr_min=1e-3, lr_max=10.0, n_steps=41)
    # w is multiplied by 1 - 2 lr: the loss grows again once lr > 1
    assert 0.05 < suggest_lr(lrs, losses) <= 0.2


# ------------------------------------------------------------------ train_softmax


def test_train_softmax_adam_on_digits(digits):
    X_train, X_test, y_train, y_test = digits
    W, b, losses = train_softmax(X_train, y_train, "adam", lr=0.01, epochs=10)
    assert W.shape == (64, 10) and b.shape == (10,)
    assert len(losses) == 10 * math.ceil(len(X_train) / 64)
    assert accuracy(W, b, X_test, y_test) > 0.9
    assert np.mean(losses[-20:]) < 0.5 * losses[0]


@pytest.mark.parametrize("optimizer, lr", [("sgd", 0.5), ("momentum", 0.05)])
def test_train_softmax_other_optimizers_learn(digits, optimizer, lr):
    X_train, X_test, y_train, y_test = digits
    W, b, _ = train_softmax(X_train, y_train, optimizer, lr=lr, epochs=5)
    assert accuracy(W, b, X_test, y_test) > 0.85


@pytest.mark.parametrize("optimizer, step", [("sgd", "sgd_step"), ("momentum", "momentum_step"),
                                             ("adam", "adam_step")])
def test_train_softmax_calls_the_module_step_functions(monkeypatch, optimizer, step):
    calls = []
    original = getattr(opt, step)

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(opt, step, counting)
    X, y = np.random.default_rng(0).random((50, 4)), np.arange(50) % 3
    _, _, losses = train_softmax(X, y, optimizer, epochs=2, batch_size=16)
    assert len(losses) == 8 and len(calls) >= len(losses)
    if optimizer == "adam":
        assert sorted({args[4] for args in calls}) == list(range(1, 9))


def test_train_softmax_is_seeded_and_leaves_data_alone():
    X, y = np.random.default_rng(1).random((40, 3)), np.arange(40) % 2
    X0, y0 = X.copy(), y.copy()
    a = train_softmax(X, y, epochs=2, batch_size=8, seed=5)
    b = train_softmax(X, y, epochs=2, batch_size=8, seed=5)
    c = train_softmax(X, y, epochs=2, batch_size=8, seed=6)
    assert a[2] == b[2] and a[2] != c[2]
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(y, y0)


def test_train_softmax_rejects_unknown_optimizer():
    with pytest.raises(ValueError):
        train_softmax(np.ones((4, 2)), np.array([0, 1, 0, 1]), optimizer="lbfgs")


# ------------------------------------------------------------------ ungraded helpers


def test_load_digits_split(digits):
    X_train, X_test, y_train, y_test = digits
    assert len(X_train) + len(X_test) == 1797 and len(X_test) == 449
    assert X_train.min() == 0.0 and X_train.max() == 1.0
    np.testing.assert_array_equal(load_digits_split(seed=0)[3], y_test)
    assert not np.array_equal(load_digits_split(seed=1)[3], y_test)


def test_load_digits_split_is_scikit_learns_and_a_copy():
    from sklearn.datasets import load_digits
    digits = load_digits()
    order = np.random.default_rng(5).permutation(1797)
    X_train, X_test, y_train, y_test = load_digits_split(seed=5)
    np.testing.assert_array_equal(X_test, digits.data[order[:449]] / 16.0)
    np.testing.assert_array_equal(y_train, digits.target[order[449:]])
    # The digits are read once per process: a split the caller changes changes no later one.
    X_train[:] = -1.0
    y_test[:] = -1
    again = load_digits_split(seed=5)
    assert again[0].min() == 0.0 and again[3].min() == 0


def test_accuracy():
    W, b = np.eye(2), np.zeros(2)
    assert accuracy(W, b, [[1.0, 0.0], [0.0, 1.0], [2.0, 1.0]], [0, 0, 0]) == pytest.approx(2 / 3)


def test_optimize_and_steps_to_reach():
    path = optimize(lambda x: x, [1.0, -1.0], "momentum", n_steps=3, lr=0.5, momentum=0.5)
    assert path.shape == (4, 2)
    np.testing.assert_allclose(path[1], [0.5, -0.5])
    assert steps_to_reach(path, target=np.zeros(2), tol=0.75) == 1
    assert steps_to_reach(path, target=np.full(2, 5.0), tol=1.0) is None
    with pytest.raises(ValueError):
        optimize(lambda x: x, [1.0], "newton", n_steps=1)


def test_adaptive_and_momentum_methods_beat_plain_gd_on_rosenbrock():
    results = compare_on_rosenbrock(n_steps=3000)
    steps = {name: s for name, (_, s) in results.items()}
    assert steps["sgd"] is None and steps["adam"] is not None and steps["momentum"] is not None


# ---------------------------------------------------------------- figures and GIFs


def test_figures_return_axes_and_figure():
    results = compare_on_rosenbrock(n_steps=20, settings={"adam": {"lr": 0.02},
                                                         "sgd": {"lr": 0.001}})
    fig = figs.optimizer_paths(results, n=40)
    assert isinstance(fig, matplotlib.figure.Figure) and len(fig.axes) == 2
    assert isinstance(figs.schedule_curves(), matplotlib.axes.Axes)
    ax = figs.optimizer_loss_curves({"adam": [3.0, 2.0, 1.0]}, window=5)
    assert isinstance(ax, matplotlib.axes.Axes) and len(ax.get_lines()[0].get_xdata()) == 1
    ax = figs.lr_range_curve([1e-2, 1e-1, 1.0], [1.0, 0.5, np.nan], suggested=0.01)
    assert ax.get_xscale() == "log"


def _is_gif(path):
    return path.read_bytes()[:6] in (b"GIF87a", b"GIF89a")


def test_marble_gif_writes_a_gif(tmp_path):
    out = marble_gif(tmp_path / "marble.gif", lambda x: x**4 - 3 * x**3 + 2,
                     lambda x: 4 * x**3 - 9 * x**2, x0=4.0, lr=0.01, n_steps=6)
    assert out == tmp_path / "marble.gif" and _is_gif(out)


def test_lr_race_gif_writes_a_gif_even_when_a_rate_diverges(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = lr_race_gif(tmp_path / "race.gif", lrs=(0.05, 1.5), n_steps=5)
    assert _is_gif(out)


def test_gif_frames_are_capped():
    frames = _frames(1000, 60)
    assert len(frames) == 60 and frames[0] == 0 and frames[-1] == 1000
    np.testing.assert_array_equal(_frames(4, 60), [0, 1, 2, 3, 4])


# -------------------------------------------------------- cross-checks with PyTorch


def _quadratic(seed=0, d=5):
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((d, d))
    A = A @ A.T / d + 0.1 * np.eye(d)
    c = rng.standard_normal(d)
    return rng.standard_normal(d), lambda w: A @ w - c


def _torch_path(torch, make_optimizer, w0, grad, n_steps):
    p = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    optimizer = make_optimizer([p])
    path = [w0]
    for _ in range(n_steps):
        p.grad = torch.from_numpy(grad(p.detach().numpy().copy()))
        optimizer.step()
        path.append(p.detach().numpy().copy())
    return np.array(path)


def _our_path(step, w0, grad, n_steps, n_states, **hyper):
    w, states, path = w0, [np.zeros_like(w0)] * n_states, [w0]
    for t in range(1, n_steps + 1):
        extra = (t,) if step is adam_step else ()
        w, *states = step(w, grad(w), *states, *extra, **hyper)
        path.append(w)
    return np.array(path)


def test_momentum_matches_torch_sgd_with_momentum():
    torch = pytest.importorskip("torch")
    w0, grad = _quadratic(1)
    ours = _our_path(momentum_step, w0, grad, 50, 1, lr=0.05, momentum=0.8)
    theirs = _torch_path(torch, lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.8,
                                                            dampening=0), w0, grad, 50)
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_rmsprop_matches_torch_with_eps_zero():
    # torch adds eps to sqrt(s), we add it to s; with eps = 0 the rules coincide
    torch = pytest.importorskip("torch")
    w0, grad = _quadratic(2)
    ours = _our_path(rmsprop_step, w0, grad, 50, 1, lr=0.01, decay=0.95, eps=0.0)
    theirs = _torch_path(torch, lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.95, eps=0.0),
                         w0, grad, 50)
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_rmsprop_close_to_torch_with_tiny_eps():
    torch = pytest.importorskip("torch")
    w0, grad = _quadratic(3)
    ours = _our_path(rmsprop_step, w0, grad, 30, 1, lr=0.01, decay=0.9, eps=1e-12)
    theirs = _torch_path(torch, lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.9, eps=1e-12),
                         w0, grad, 30)
    np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-9)


def test_adam_matches_torch():
    torch = pytest.importorskip("torch")
    w0, grad = _quadratic(4)
    hyper = dict(lr=0.05, beta1=0.8, beta2=0.99, eps=1e-8)
    ours = _our_path(adam_step, w0, grad, 60, 2, **hyper)
    theirs = _torch_path(torch, lambda ps: torch.optim.Adam(ps, lr=0.05, betas=(0.8, 0.99),
                                                             eps=1e-8), w0, grad, 60)
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12)


def _torch_lrs(torch, make_scheduler, n_epochs, lr=0.1):
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr)
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _ in range(n_epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return np.array(lrs)


def test_step_decay_matches_torch_steplr():
    torch = pytest.importorskip("torch")
    theirs = _torch_lrs(torch, lambda o: torch.optim.lr_scheduler.StepLR(o, 10, gamma=0.5), 45)
    np.testing.assert_allclose(step_decay(np.arange(45)), theirs, rtol=1e-12)


def test_exponential_decay_matches_torch_exponentiallr_at_multiples():
    torch = pytest.importorskip("torch")
    theirs = _torch_lrs(torch, lambda o: torch.optim.lr_scheduler.ExponentialLR(o, 0.96), 30)
    ours = exponential_decay(np.arange(30) * 1000, 0.1, decay_steps=1000, decay_rate=0.96)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12)


def test_cosine_annealing_matches_torch():
    torch = pytest.importorskip("torch")
    theirs = _torch_lrs(torch, lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(
        o, T_max=40, eta_min=0.001), 41)
    np.testing.assert_allclose(cosine_annealing(np.arange(41), 0.1, 40, 0.001), theirs,
                               rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("patience", [1, 2, 3, 5])
def test_plateau_matches_torch(patience):
    # ours cuts when the count reaches patience, torch when it exceeds its patience
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(patience)
    losses = np.cumsum(rng.normal(0.05, 1.0, 300))  # drifts up, with dips and ties below
    losses[100:110] = losses[99]
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
    theirs = torch.optim.lr_scheduler.ReduceLROnPlateau(
        optimizer, mode="min", factor=0.7, patience=patience - 1, threshold=0.0,
        cooldown=0, min_lr=1e-3, eps=0.0)
    ours = ReduceLROnPlateau(1.0, factor=0.7, patience=patience, min_lr=1e-3)
    for loss in losses:
        theirs.step(float(loss))
        assert ours.step(loss) == pytest.approx(optimizer.param_groups[0]["lr"], rel=1e-12)
    assert ours.lr == pytest.approx(1e-3)
