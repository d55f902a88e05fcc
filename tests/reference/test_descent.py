"""Behaviour of the ps2_descent reference (``reference.descent``) and its figures."""

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from reference import descent as d  # noqa: E402
from reference.plotting import descent as plots  # noqa: E402
from reference.rosenbrock import rosenbrock, rosenbrock_grad, rosenbrock_hessian  # noqa: E402

MINIMA = [(3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)]


def central_gradient(f, x, h=1e-6):
    x = np.asarray(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def points(n=20, scale=3.0, seed=0):
    return np.random.default_rng(seed).uniform(-scale, scale, size=(n, 2))


@pytest.fixture(autouse=True)
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


@pytest.fixture
def close_figures():
    yield
    plt.close("all")


# --- functions and gradients ---------------------------------------------------------

def twisted(c):
    return (lambda xy: d.twisted_bowl(xy, c)), (lambda xy: d.twisted_bowl_grad(xy, c))


FUNCTIONS = {
    "bowl": (d.bowl, d.bowl_grad),
    "twisted_bowl_0.5": twisted(0.5),
    "twisted_bowl_-1.7": twisted(-1.7),
    "himmelblau": (d.himmelblau, d.himmelblau_grad),
}


@pytest.mark.parametrize("name", FUNCTIONS)
def test_gradient_matches_central_differences(name):
    f, grad_f = FUNCTIONS[name]
    for p in points():
        g = grad_f(p)
        assert isinstance(g, np.ndarray) and g.shape == (2,) and g.dtype == np.float64
        np.testing.assert_allclose(g, central_gradient(f, p), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_point_gives_float_and_stack_gives_pointwise_values(name):
    f, grad_f = FUNCTIONS[name]
    pts = points(12)
    assert isinstance(f(pts[0]), float)
    stack = pts.T.reshape(2, 3, 4)
    np.testing.assert_allclose(f(stack), np.array([f(p) for p in pts]).reshape(3, 4))
    np.testing.assert_allclose(grad_f(pts.T), np.array([grad_f(p) for p in pts]).T)


def test_known_values():
    assert d.bowl([3.0, 4.0]) == 12.5
    np.testing.assert_array_equal(d.bowl_grad([3.0, -4.0]), [3.0, -4.0])
    assert d.twisted_bowl([1.0, 2.0], 0.5) == 3.5
    assert d.twisted_bowl([1.0, 2.0], 0.0) == d.bowl([1.0, 2.0])
    np.testing.assert_array_equal(d.twisted_bowl_grad([1.0, 2.0], 0.5), [2.0, 2.5])
    assert d.himmelblau([0.0, 0.0]) == 170.0
    np.testing.assert_array_equal(d.himmelblau_grad([0.0, 0.0]), [-14.0, -22.0])
    assert d.quartic(2.0) == 16 - 24 + 2
    assert d.quartic_grad(1.0) == -5.0


def test_functions_do_not_modify_inputs():
    xy = np.array([1.5, -0.5])
    for f, grad_f in FUNCTIONS.values():
        f(xy)
        grad_f(xy)
    g = d.bowl_grad(xy)
    g[0] = 99.0
    np.testing.assert_array_equal(xy, [1.5, -0.5])


def test_quartic_gradient_and_critical_points():
    for x in np.random.default_rng(1).uniform(-3, 4, size=20):
        numerical = central_gradient(d.quartic, x)
        assert d.quartic_grad(x) == pytest.approx(numerical, rel=1e-6, abs=1e-6)
    xs = np.linspace(-2, 3, 7)
    np.testing.assert_allclose(d.quartic_grad(xs), [d.quartic_grad(x) for x in xs])
    critical = d.quartic_critical_points()
    np.testing.assert_array_equal(critical, [0.0, 2.25])
    np.testing.assert_array_equal(d.quartic_grad(critical), [0.0, 0.0])
    assert d.quartic(2.25) < d.quartic(2.2) and d.quartic(2.25) < d.quartic(2.3)
    assert d.quartic(-0.01) > d.quartic(0.0) > d.quartic(0.01)  # a flat inflection


def test_himmelblau_minima_have_zero_gradient():
    for m in MINIMA:
        assert d.himmelblau(m) == pytest.approx(0.0, abs=1e-9)
        np.testing.assert_allclose(d.himmelblau_grad(m), 0.0, atol=1e-3)
    np.testing.assert_array_equal(d.himmelblau_grad((3.0, 2.0)), [0.0, 0.0])


# --- gradient_descent ----------------------------------------------------------------


def test_gradient_descent_history_and_iterates():
    x0 = np.array([4.0, -2.0])
    x, history = d.gradient_descent(d.bowl, d.bowl_grad, x0, lr=0.25, n_steps=5, tol=0.0)
    np.testing.assert_array_equal(history[0][0], x0)
    assert history[0][1] == d.bowl(x0)
    assert len(history) == 6
    for t, (xt, ft) in enumerate(history):
        np.testing.assert_allclose(xt, x0 * 0.75**t)
        assert ft == pytest.approx(d.bowl(xt))
    np.testing.assert_array_equal(x, history[-1][0])
    np.testing.assert_array_equal(x0, [4.0, -2.0])


def test_gradient_descent_tol_stops_before_updating():
    x, history = d.gradient_descent(d.bowl, d.bowl_grad, [3e-9, 4e-9], lr=0.5, n_steps=10)
    assert len(history) == 1
    np.testing.assert_array_equal(x, [3e-9, 4e-9])
    # |x_t| = 1 / 2**t: the gradient first drops below 1e-3 at t = 10, so 10 updates.
    x, history = d.gradient_descent(d.bowl, d.bowl_grad, [1.0, 0.0], lr=0.5, n_steps=50, tol=1e-3)
    assert len(history) == 11
    np.testing.assert_allclose(x, [2.0**-10, 0.0])


def test_gradient_descent_length_bounded_by_n_steps():
    for n in (0, 1, 7):
        _, history = d.gradient_descent(rosenbrock, rosenbrock_grad, [-1.0, 1.0],
                                        lr=1e-3, n_steps=n)
        assert len(history) == n + 1


# --- stability on quadratics ---------------------------------------------------------


def test_max_stable_lr_known_matrices():
    assert d.max_stable_lr(np.eye(2)) == pytest.approx(2.0)
    assert d.max_stable_lr(np.diag([1.0, 4.0])) == pytest.approx(0.5)
    assert d.max_stable_lr([[1.0, 0.5], [0.5, 1.0]]) == pytest.approx(2 / 1.5)
    assert d.max_stable_lr(np.diag([0.1, 3.0, 10.0])) == pytest.approx(0.2)
    assert d.max_stable_lr(rosenbrock_hessian([1.0, 1.0])) == pytest.approx(0.001997, abs=1e-6)
    assert isinstance(d.max_stable_lr(np.eye(2)), float)


@pytest.mark.parametrize("hessian", [
    [[1.0, 2.0], [2.0, 1.0]],       # indefinite: the twisted bowl with c = 2
    [[-1.0, 0.0], [0.0, -2.0]],     # negative definite
    [[1.0, 0.0], [0.0, 0.0]],       # singular
    [[1.0, 1.0], [0.0, 1.0]],       # not symmetric (eigenvalues 1, 1)
    [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]],  # not square
])
def test_max_stable_lr_rejects(hessian):
    with pytest.raises(ValueError):
        d.max_stable_lr(hessian)


def test_max_stable_lr_is_the_bowl_threshold():
    lr = d.max_stable_lr([[1.0, 0.5], [0.5, 1.0]])
    f, grad_f = twisted(0.5)
    below, above = d.lr_sweep(f, grad_f, [1.0, 0.3], [0.95 * lr, 1.05 * lr], 2000)
    assert below < 1e-10 and above > 1e3


def test_quadratic_path_values():
    path = d.quadratic_path(2.0, 0.05, 4)
    assert path.shape == (5,)
    np.testing.assert_allclose(path, 2.0 * 0.9 ** np.arange(5))
    np.testing.assert_array_equal(d.quadratic_path(1.0, 0.5, 3), [1.0, 0.0, 0.0, 0.0])
    np.testing.assert_allclose(d.quadratic_path(1.0, 1.2, 3), [1.0, -1.4, 1.96, -2.744])
    np.testing.assert_array_equal(d.quadratic_path(3.0, 1.0, 4), [3.0, -3.0, 3.0, -3.0, 3.0])
    np.testing.assert_array_equal(d.quadratic_path(5.0, 0.1, 0), [5.0])
    x = 1.5
    for t, xt in enumerate(d.quadratic_path(1.5, 0.3, 6)):
        assert xt == pytest.approx(x)
        x = x - 0.3 * 2 * x


@pytest.mark.parametrize("alpha, kind", [
    (1e-6, "monotone"), (0.05, "monotone"), (0.5, "monotone"),
    (0.5000001, "oscillating"), (0.75, "oscillating"), (0.9999999, "oscillating"),
    (1, "cycling"), (1.0, "cycling"),
    (1.0000001, "divergent"), (1.2, "divergent"),
])
def test_classify_alpha(alpha, kind):
    assert d.classify_alpha(alpha) == kind


@pytest.mark.parametrize("alpha", [0, 0.0, -1, -0.5])
def test_classify_alpha_rejects_non_positive(alpha):
    with pytest.raises(ValueError):
        d.classify_alpha(alpha)


def test_teaching_helpers():
    assert [d.contraction_factor(lr) for lr in (0.05, 1.0, 2.5)] == [0.95, 0.0, -1.5]
    table = d.iteration_table()
    assert "α=0.05" in table and "α=1.2" in table and len(table.splitlines()) == 7


# --- lr_sweep ------------------------------------------------------------------------


def single_final_loss(f, grad_f, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        loss = f(x)
        for _ in range(n_steps):
            x = x - lr * grad_f(x)
            loss = f(x)
            if not (np.isfinite(loss) and np.isfinite(x).all()):
                return np.inf
    return loss


SWEEP_CASES = {
    "rosenbrock": (rosenbrock, rosenbrock_grad, (-1.0, 1.0), [1e-4, 1e-3, 2.5e-3, 5e-3, 1e-2, 0.1]),
    "himmelblau": (d.himmelblau, d.himmelblau_grad, (0.0, 0.0), [1e-3, 0.01, 0.02, 0.05, 0.1]),
    "bowl": (d.bowl, d.bowl_grad, (1.0, 2.0), [0.05, 0.5, 1.0, 1.9, 2.0, 2.1, 3.0]),
}


@pytest.mark.parametrize("name", SWEEP_CASES)
def test_lr_sweep_equals_single_runs(name):
    f, grad_f, x0, lrs = SWEEP_CASES[name]
    losses = d.lr_sweep(f, grad_f, x0, lrs, 1500)
    expected = [single_final_loss(f, grad_f, x0, lr, 1500) for lr in lrs]
    assert losses.shape == (len(lrs),) and losses.dtype == np.float64
    np.testing.assert_allclose(losses, expected, rtol=1e-10)
    assert not np.isnan(losses).any()


def test_lr_sweep_marks_divergent_runs_inf():
    losses = d.lr_sweep(rosenbrock, rosenbrock_grad, (-1.0, 1.0), [1e-3, 5e-3, 1e-2, 0.1], 1000)
    assert np.isfinite(losses[0])
    np.testing.assert_array_equal(losses[1:], np.inf)
    # 3.0 on the bowl overflows within the run: inf, not the nan a frozen-free run ends in
    assert d.lr_sweep(d.bowl, d.bowl_grad, (1.0, 2.0), [3.0], 2000)[0] == np.inf


def test_lr_sweep_is_inf_when_coordinates_overflow_under_a_bounded_loss():
    f = lambda xy: np.tanh(np.sum(np.square(xy), axis=0))  # noqa: E731  (1.0 at infinity)
    ascent = lambda xy: -np.asarray(xy, dtype=float)  # noqa: E731
    losses = d.lr_sweep(f, ascent, (1.0, 2.0), [0.5, 1.0], 2000)
    np.testing.assert_array_equal(losses, [np.inf, np.inf])
    point_only = lambda x: np.tanh(x @ x)  # noqa: E731
    losses = d.lr_sweep(point_only, ascent, (1.0, 2.0), [0.5, 1.0], 2000)
    np.testing.assert_array_equal(losses, [np.inf, np.inf])


def test_lr_sweep_short_runs_and_quartic():
    x0 = np.array([-1.0, 1.0])
    losses = d.lr_sweep(rosenbrock, rosenbrock_grad, x0, [0.1, 1.0], 0)
    np.testing.assert_array_equal(losses, [4.0, 4.0])
    losses = d.lr_sweep(d.quartic, d.quartic_grad, 4.0, [0.001, 0.01, 0.05, 0.1], 200)
    np.testing.assert_allclose(losses[1:3], d.quartic(2.25))
    assert d.quartic(2.25) < losses[0] < d.quartic(4.0) and losses[3] == np.inf


def test_lr_sweep_calls_the_functions_on_one_stack():
    shapes = []

    def f(xy):
        shapes.append(np.shape(xy))
        return rosenbrock(xy)

    def grad_f(xy):
        shapes.append(np.shape(xy))
        return rosenbrock_grad(xy)

    d.lr_sweep(f, grad_f, (-1.0, 1.0), np.geomspace(1e-5, 1e-3, 8), 50)
    assert (2, 8) in shapes
    assert shapes.count((2,)) <= 2  # at most a single-point check, never 8 runs of 50 steps


def test_lr_sweep_falls_back_for_point_only_functions():
    lrs = [0.1, 1.0, 2.5]
    f = lambda x: 0.5 * x @ x  # noqa: E731  (fails on a stack)
    grad_f = lambda x: x  # noqa: E731
    expected = [single_final_loss(d.bowl, d.bowl_grad, (1.0, 2.0), lr, 300) for lr in lrs]
    np.testing.assert_allclose(d.lr_sweep(f, grad_f, (1.0, 2.0), lrs, 300), expected)
    total = lambda x: 0.5 * np.sum(x**2)  # noqa: E731  (a scalar for a stack: wrong shape)
    np.testing.assert_allclose(d.lr_sweep(total, grad_f, (1.0, 2.0), lrs, 300), expected)


def test_lr_sweep_does_not_modify_inputs():
    x0 = np.array([-1.0, 1.0])
    lrs = np.array([1e-3, 0.1])
    d.lr_sweep(rosenbrock, rosenbrock_grad, x0, lrs, 100)
    np.testing.assert_array_equal(x0, [-1.0, 1.0])
    np.testing.assert_array_equal(lrs, [1e-3, 0.1])


# --- several starts and noise --------------------------------------------------------


def test_multi_start_reaches_four_distinct_minima():
    starts = np.array([[4.0, 4.0], [-4.0, 4.0], [-4.0, -4.0], [4.0, -4.0]])
    ends = d.multi_start(d.himmelblau, d.himmelblau_grad, starts, lr=0.01, n_steps=1000)
    assert ends.shape == (4, 2)
    np.testing.assert_allclose(ends, MINIMA, atol=1e-5)
    np.testing.assert_array_equal(starts, [[4.0, 4.0], [-4.0, 4.0], [-4.0, -4.0], [4.0, -4.0]])


def test_multi_start_matches_gradient_descent():
    starts = points(3)
    ends = d.multi_start(d.bowl, d.bowl_grad, starts, lr=0.1, n_steps=7)
    for s, e in zip(starts, ends):
        np.testing.assert_array_equal(e, d.gradient_descent(d.bowl, d.bowl_grad, s, 0.1, 7)[0])


def test_noisy_gradient_is_unbiased_with_spread_sigma():
    x = np.array([1.0, -2.0])
    g = d.noisy_gradient(d.himmelblau_grad, 0.5, np.random.default_rng(0))
    draws = np.array([g(x) for _ in range(20000)])
    np.testing.assert_allclose(draws.mean(axis=0), d.himmelblau_grad(x), atol=0.02)
    np.testing.assert_allclose(draws.std(axis=0), 0.5, rtol=0.03)
    np.testing.assert_array_equal(x, [1.0, -2.0])


def test_noisy_gradient_is_reproducible_and_fresh():
    x = np.array([0.3, 0.7])
    a = d.noisy_gradient(d.bowl_grad, 0.1, np.random.default_rng(42))
    b = d.noisy_gradient(d.bowl_grad, 0.1, np.random.default_rng(42))
    first, second = a(x), a(x)
    np.testing.assert_array_equal(first, b(x))
    np.testing.assert_array_equal(second, b(x))
    assert not np.array_equal(first, second)
    expected = d.bowl_grad(x) + 0.1 * np.random.default_rng(42).standard_normal(2)
    np.testing.assert_allclose(first, expected)
    exact = d.noisy_gradient(d.bowl_grad, 0.0, np.random.default_rng(0))
    np.testing.assert_array_equal(exact(x), x)


# --- figures -------------------------------------------------------------------------


def test_learning_rate_grid(close_figures):
    fig = plots.learning_rate_grid()
    assert isinstance(fig, matplotlib.figure.Figure) and len(fig.axes) == 8
    assert all(ax.lines for ax in fig.axes)


def test_himmelblau_basins(close_figures):
    _, ax = plt.subplots()
    assert plots.himmelblau_basins(starts=[(4, 4), (-4, -4)], n_steps=50, ax=ax) is ax
    assert len(ax.lines) >= 2 * 2 + 1


def test_lr_sweep_plot(close_figures):
    lrs = np.geomspace(1e-4, 0.1, 6)
    losses = d.lr_sweep(rosenbrock, rosenbrock_grad, (-1.0, 1.0), lrs, 200)
    ax = plots.lr_sweep_plot(lrs, losses)
    assert isinstance(ax, matplotlib.axes.Axes)
    assert ax.get_xscale() == ax.get_yscale() == "log"
    assert len(ax.lines) == 2  # the finite losses and the diverged marks
