"""Behaviour of the ps1_gradients reference and its figures."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.contour import ContourSet  # noqa: E402
from matplotlib.quiver import Quiver  # noqa: E402
from mpl_toolkits.mplot3d.art3d import Poly3DCollection  # noqa: E402

from reference import gradients as gr  # noqa: E402
from reference.plotting.surfaces import (  # noqa: E402
    contour_with_gradients,
    h_error_plot,
    surface_3d,
)

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


@pytest.fixture
def rng():
    return np.random.default_rng(0)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# numerical_derivative

@pytest.mark.parametrize("f, df, x", [
    (lambda x: x**3, lambda x: 3 * x**2, 2.0),
    (np.exp, np.exp, -0.7),
    (np.sin, np.cos, 1.3),
])
def test_numerical_derivative_matches_exact(f, df, x):
    value = gr.numerical_derivative(f, x)
    assert isinstance(value, float)
    assert value == pytest.approx(df(x), rel=1e-8)


def test_numerical_derivative_is_central():
    # A forward difference would give 1 + h for x**2 at 0.5; the central one is exact.
    assert gr.numerical_derivative(lambda x: x**2, 0.5, h=0.1) == pytest.approx(1.0, abs=1e-12)
    assert gr.numerical_derivative(lambda x: x**2, 0.0, h=0.5) == pytest.approx(0.0, abs=1e-12)


# numerical_gradient

@pytest.mark.parametrize("shape", [(3,), (2, 3), (2, 2, 2)])
def test_numerical_gradient_shapes_and_values(shape, rng):
    x = rng.standard_normal(shape)
    weights = rng.standard_normal(shape)
    before = x.copy()
    grad = gr.numerical_gradient(lambda v: np.sum(weights * v**2), x)
    assert grad.shape == shape
    assert grad.dtype == np.float64
    np.testing.assert_allclose(grad, 2 * weights * x, rtol=1e-7, atol=1e-9)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_leaves_x_unchanged_even_if_f_sees_it():
    x = np.array([1.0, 2.0, 3.0])
    seen = []

    def f(v):
        seen.append(v)
        return float(np.sum(np.sin(v)))

    gr.numerical_gradient(f, x)
    np.testing.assert_array_equal(x, [1.0, 2.0, 3.0])
    assert all(v is not x for v in seen)


def test_numerical_gradient_int_and_list_input():
    grad = gr.numerical_gradient(lambda v: v[0] * v[1], [2, 3])
    assert grad.dtype == np.float64
    np.testing.assert_allclose(grad, [3.0, 2.0], rtol=1e-9)


def test_numerical_gradient_uses_h():
    # For x**4 the central difference has error 4 x h**2 in df/dx.
    grad = gr.numerical_gradient(lambda v: np.sum(v**4), np.array([1.0]), h=0.1)
    assert grad[0] == pytest.approx(4.0 + 4 * 0.01, rel=1e-12)


# rel_error

def test_rel_error_known_values():
    assert gr.rel_error([1.0, 3.0], [1.0, 1.0]) == pytest.approx(0.5)
    assert gr.rel_error(1.0, -1.0) == pytest.approx(1.0)
    assert gr.rel_error([2.0, 0.0], [1.0, 0.0]) == pytest.approx(1 / 3)
    assert gr.rel_error(np.array([[1e-9]]), np.array([[0.0]])) == pytest.approx(0.1)


def test_rel_error_zero_over_zero_is_zero():
    value = gr.rel_error(np.zeros(3), np.zeros(3))
    assert isinstance(value, float)
    assert value == 0.0


def test_rel_error_is_max_not_mean():
    assert gr.rel_error([1.0, 1.0, 1.0, 3.0], [1.0, 1.0, 1.0, 1.0]) == pytest.approx(0.5)


def test_rel_error_leaves_inputs_unchanged():
    a, b = np.array([1.0, 2.0]), np.array([1.5, 2.0])
    gr.rel_error(a, b)
    np.testing.assert_array_equal(a, [1.0, 2.0])
    np.testing.assert_array_equal(b, [1.5, 2.0])


# gradient_check

def test_gradient_check_right_and_wrong(rng):
    for x in rng.uniform(-3, 3, size=(10, 2)):
        assert gr.gradient_check(gr.sin_cos, gr.sin_cos_grad, x) < 1e-7
        assert gr.gradient_check(gr.sin_cos, lambda p: -gr.sin_cos_grad(p), x) > 1e-2


def test_gradient_check_catches_one_percent_error(rng):
    # A factor 1.01 gives rel_error 0.01 / 2.01, about 5e-3, far above 1e-7.
    for x in rng.uniform(-3, 3, size=(10, 2)):
        error = gr.gradient_check(gr.sin_cos, lambda p: 1.01 * gr.sin_cos_grad(p), x)
        assert error == pytest.approx(0.01 / 2.01, rel=1e-4)


def test_gradient_check_with_large_error():
    f = lambda v: np.sum(v**2)  # noqa: E731
    x = np.array([1.0, -2.0, 0.5])
    assert gr.gradient_check(f, lambda v: 2 * v, x) < 1e-7
    assert gr.gradient_check(f, lambda v: -2 * v, x) > 1e-2
    assert gr.gradient_check(f, lambda v: 2.2 * v, x) > 1e-2


def test_gradient_check_calls_module_helpers(monkeypatch):
    calls = []
    monkeypatch.setattr(gr, "numerical_gradient",
                        lambda f, x, h=1e-5: calls.append(("ng", h)) or np.zeros(2))
    monkeypatch.setattr(gr, "rel_error", lambda a, b: calls.append("re") or 42.0)
    assert gr.gradient_check(gr.sin_cos, gr.sin_cos_grad, [0.1, 0.2], h=1e-3) == 42.0
    assert ("ng", 1e-3) in calls and "re" in calls


def test_gradient_check_leaves_x_unchanged():
    x = np.array([0.5, 0.25])
    gr.gradient_check(gr.sin_cos, gr.sin_cos_grad, x)
    np.testing.assert_array_equal(x, [0.5, 0.25])


# sin_cos and its gradient

def test_sin_cos_point_is_float():
    value = gr.sin_cos(np.array([np.pi / 2, 0.0]))
    assert isinstance(value, float)
    assert value == pytest.approx(2.0)
    assert gr.sin_cos([0.0, np.pi]) == pytest.approx(-1.0)


@pytest.mark.parametrize("shape", [(5,), (4, 3), (2, 3, 4)])
def test_sin_cos_stack_shapes(shape, rng):
    xy = rng.standard_normal((2, *shape))
    before = xy.copy()
    values = gr.sin_cos(xy)
    assert values.shape == shape
    np.testing.assert_allclose(values, np.sin(xy[0]) + np.cos(xy[1]))
    np.testing.assert_array_equal(xy, before)


def test_sin_cos_meshgrid():
    xs, ys = np.linspace(-1, 1, 7), np.linspace(0, 2, 5)
    values = gr.sin_cos(np.stack(np.meshgrid(xs, ys)))
    assert values.shape == (5, 7)
    assert values[2, 3] == pytest.approx(np.sin(xs[3]) + np.cos(ys[2]))


def test_sin_cos_grad_matches_numerical(rng):
    for x in rng.uniform(-4, 4, size=(20, 2)):
        g = gr.sin_cos_grad(x)
        assert g.shape == (2,) and g.dtype == np.float64
        np.testing.assert_allclose(g, gr.numerical_gradient(gr.sin_cos, x), atol=1e-8)


def test_sin_cos_grad_known_values():
    np.testing.assert_allclose(gr.sin_cos_grad([0.0, np.pi / 2]), [1.0, -1.0])
    np.testing.assert_allclose(gr.sin_cos_grad([np.pi, 0.0]), [-1.0, 0.0], atol=1e-15)


# sin_squared_grad

def test_sin_squared_grad_matches_numerical(rng):
    for x in rng.uniform(-5, 5, size=20):
        value = gr.sin_squared_grad(x)
        assert isinstance(value, float)
        expected = gr.numerical_derivative(lambda t: np.sin(t) ** 2, x)
        assert value == pytest.approx(expected, abs=1e-9)


def test_sin_squared_grad_elementwise(rng):
    x = rng.uniform(-5, 5, size=(3, 4))
    before = x.copy()
    g = gr.sin_squared_grad(x)
    assert g.shape == (3, 4)
    np.testing.assert_allclose(g, np.sin(2 * x), atol=1e-15)
    np.testing.assert_array_equal(x, before)


# directional_derivative

def test_directional_derivative_unit_and_non_unit():
    g = np.array([3.0, 4.0])
    value = gr.directional_derivative(g, np.array([1.0, 0.0]))
    assert isinstance(value, float) and value == pytest.approx(3.0)
    assert gr.directional_derivative(g, [0.0, -5.0]) == pytest.approx(-4.0)
    assert gr.directional_derivative(g, [10.0, 10.0]) == pytest.approx(7 / np.sqrt(2))
    assert gr.directional_derivative(g, [-4.0, 3.0]) == pytest.approx(0.0)


def test_directional_derivative_is_largest_along_gradient(rng):
    g = rng.standard_normal(3)
    best = gr.directional_derivative(g, g)
    assert best == pytest.approx(np.linalg.norm(g))
    for u in rng.standard_normal((20, 3)):
        assert gr.directional_derivative(g, u) <= best + 1e-12


def test_directional_derivative_matches_finite_difference(rng):
    x, u = rng.standard_normal(2), rng.standard_normal(2)
    along = gr.numerical_derivative(lambda t: gr.sin_cos(x + t * u / np.linalg.norm(u)), 0.0)
    assert gr.directional_derivative(gr.sin_cos_grad(x), u) == pytest.approx(along, abs=1e-8)


def test_directional_derivative_zero_direction():
    with pytest.raises(ValueError):
        gr.directional_derivative([1.0, 2.0], [0.0, 0.0])


# the h trade-off

def test_difference_errors_has_interior_minimum():
    hs, errors = gr.difference_errors(np.sin, np.cos, 1.0)
    assert hs.shape == errors.shape
    best = hs[np.argmin(errors)]
    assert 1e-8 <= best <= 1e-3
    assert errors.min() < 1e-9
    assert errors[0] > 1e-4 and errors[-1] > 1e-2


# figures

def test_surface_3d():
    ax = surface_3d(gr.sin_cos, (-2, 2), (-1, 1), n=30)
    assert ax.name == "3d"
    surfaces = [c for c in ax.collections if isinstance(c, Poly3DCollection)]
    assert len(surfaces) == 1
    assert ax.get_xlabel() == "x" and ax.get_ylabel() == "y"


def test_surface_3d_on_given_axes():
    ax = plt.figure().add_subplot(projection="3d")
    assert surface_3d(gr.sin_cos, (-1, 1), (-1, 1), ax=ax, n=10) is ax


def test_contour_with_gradients_arrows_are_gradients():
    ax = contour_with_gradients(gr.sin_cos, gr.sin_cos_grad, (-3, 3), (-2, 2), n_arrows=7)
    assert any(isinstance(c, ContourSet) for c in ax.collections)
    quivers = [c for c in ax.collections if isinstance(c, Quiver)]
    assert len(quivers) == 1
    q = quivers[0]
    assert q.N == 49
    expected = gr.sin_cos_grad(q.XY.T)
    np.testing.assert_allclose(q.U, expected[0])
    np.testing.assert_allclose(q.V, expected[1])
    assert q.angles == "xy"
    assert ax.get_aspect() == 1.0
    assert ax.get_xlim() == (-3, 3) and ax.get_ylim() == (-2, 2)


def test_contour_with_gradients_arrows_perpendicular_to_level_sets():
    # For the bowl x**2 + y**2 the level sets are circles, so arrows point radially.
    bowl = lambda xy: np.sum(np.asarray(xy) ** 2, axis=0)  # noqa: E731
    _, ax = plt.subplots()
    assert contour_with_gradients(bowl, lambda p: 2 * np.asarray(p), ax=ax, n_arrows=4) is ax
    q = next(c for c in ax.collections if isinstance(c, Quiver))
    tangent = np.stack([-q.XY[:, 1], q.XY[:, 0]])
    np.testing.assert_allclose(q.U * tangent[0] + q.V * tangent[1], 0.0, atol=1e-12)


def test_h_error_plot():
    ax = h_error_plot(np.sin, np.cos, 1.0, hs=np.logspace(-12, -1, 12))
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    line = ax.get_lines()[0]
    np.testing.assert_allclose(line.get_xdata(), np.logspace(-12, -1, 12))
    assert np.all(line.get_ydata() > 0)
