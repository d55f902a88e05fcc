"""Hidden suite of ``ps2_descent``: gradient descent and learning-rate experiments."""

import numpy as np

from reference import descent as REFERENCE

from ..checks import (as_array, as_float, as_float_array, expect, expect_close, expect_new,
                      expect_unmodified, point_text, show)
from ..pure import check_each, check_planned, check_raises
from ..suite import cell
from ..sandbox.landscapes import Bowl, Dome, QuarticBowl, ScalarWell, SquashedHill, coordinates_first

ASSIGNMENT = "ps2_descent"
GRADED = ("gradient_descent", "bowl", "bowl_grad", "twisted_bowl", "twisted_bowl_grad",
          "max_stable_lr", "quadratic_path", "classify_alpha", "lr_sweep", "quartic",
          "quartic_grad", "quartic_critical_points", "himmelblau", "himmelblau_grad",
          "multi_start", "noisy_gradient")
#: Graded as the student's own whole pipeline; never handed to student code.
PIPELINES = ()
#: Graded functions a student may build each function on, handed over as the
#: reference's (besides those the reference itself uses; see Student.dependencies).
USES = {"lr_sweep": ("gradient_descent",), "multi_start": ("gradient_descent",)}


# -- landscapes handed to the student's optimizers ------------------------------------
class _FlatBowl(QuarticBowl):
    """A quadratic bowl so flat (curvatures near 1e-12) that its gradient is tiny everywhere
    a test starts."""

    def __str__(self):
        curvatures = ", ".join(f"{value:.3g}" for value in np.linalg.eigvalsh(self.a))
        return (f"a very flat quadratic bowl ½ (x - c)ᵀ A (x - c) with curvatures {curvatures} (its "
                f"gradient is below 1e-8 here), c = {np.round(self.centre, 4).tolist()}")


class Himmelblau:
    """The reference's Himmelblau function and gradient, for points or stacks either way round."""

    def f(self, x):
        xy, _ = coordinates_first(x, 2)
        return REFERENCE.himmelblau(xy)

    def grad(self, x):
        xy, rows = coordinates_first(x, 2)
        g = REFERENCE.himmelblau_grad(xy)
        return np.moveaxis(g, 0, -1) if rows else g

    def __str__(self):
        return "Himmelblau's function and its gradient"


def _points(rng, n=4, low=-3.0, high=3.0):
    return rng.uniform(low, high, size=(n, 2))


# -- gradient_descent -----------------------------------------------------------------
from .gradient_descent import (test_gradient_descent_leaves_x0,  # noqa: E402,F401
                               test_gradient_descent_path, test_gradient_descent_stops_at_tol)


# -- bowl, twisted_bowl ---------------------------------------------------------------
def _far_point(rng, low, high, dim=2):
    """A point with coordinates of random signs and magnitudes between 10**low and 10**high."""
    return rng.choice([-1.0, 1.0], size=dim) * 10.0 ** rng.uniform(low, high, size=dim)


def _check_value(function, floor=1e-8):
    """A check of the number ``function(xy, *rest)`` returns, against the reference's,
    for calls ``((given, *rest), {}, xy, how)``: ``given`` is ``xy`` as it was passed."""
    def check(result, args, kwargs, xy, how=""):
        text = f"xy={point_text(xy)}{how}" + "".join(f", c={c:.6g}" for c in args[1:])
        expect_close(function, text, as_float(result.value, function, text),
                     getattr(REFERENCE, function)(xy, *args[1:]), floor=floor)
    return check


def _check_gradient(function, unmodified=True, array=False, new=False):
    """A check of the array ``function(given, *rest)`` returns, against the reference's
    at ``given`` as floats, for calls ``((given, *rest), {}, how, rtol, shown, floor)``
    (``floor`` of the relative error: 1e-8 unless a tiny gradient is to be exact); with
    ``array``, it must be a numpy array of floats, with ``new`` not ``given`` itself."""
    def check(result, args, kwargs, how="", rtol=1e-6, shown=None, floor=1e-8):
        given, *rest = args
        text = f"xy={shown or point_text(given)}{how}" + "".join(f", c={c:.6g}" for c in rest)
        expect_close(function, text, result.value,
                     getattr(REFERENCE, function)(np.asarray(given, dtype=float), *rest), rtol=rtol,
                     floor=floor, array=array)
        if unmodified:
            expect_unmodified(function, text, result)
        if new:
            expect_new(function, text, result)
    return check


@cell("test_bowl", points=1)
def test_bowl_values(student, rng):
    """bowl is 0.5 * (x² + y²) at random points (arrays and lists), also at a point far out (coordinates
    near 1e25, where the value is near 1e50) and at a point very close to the origin (coordinates near
    1e-4, where the value, near 1e-8, keeps its relative accuracy), at the origin (0, the minimum), and
    at points of integers whose x² + y² is odd (as a list and as an integer array: bowl([3, 4]) is 12.5,
    not 12)"""
    calls = [((xy.tolist(),), {}, xy, " as a list") if n % 2 else ((xy,), {}, xy)
             for n, xy in enumerate(_points(rng))]
    far = _far_point(rng, 24, 27)
    calls.append(((far,), {}, far))
    tiny = _far_point(rng, -4.3, -3.7)
    calls.append(((tiny,), {}, tiny))
    calls.append(((np.zeros(2),), {}, np.zeros(2)))
    # One odd and one even coordinate, in a random order: x² + y² is odd, so half of it is not an integer.
    for _ in range(2):
        odd_even = rng.permutation([2 * int(rng.integers(0, 4)) + 1, 2 * int(rng.integers(1, 4))])
        odd_even = odd_even * rng.choice([-1, 1], size=2)
        calls.append(((odd_even.tolist(),), {}, odd_even, " as a list of integers"))
        calls.append(((odd_even,), {}, odd_even, " as an integer array"))
    check_each(student, "bowl", calls, _check_value("bowl"))


@cell("test_bowl_grad", points=1)
def test_bowl_grad_values(student, rng):
    """bowl_grad is [x, y] as a new float array (not xy itself), for arrays, float32 arrays, integer
    arrays and lists, also at a point far out (coordinates near 1e45) and at the origin ([0, 0], the
    minimum), and leaves xy alone"""
    xy = _points(rng, 1)[0]
    calls = [((given,), {}, how) for given, how in ((xy, ""), (xy.astype(np.float32), " as a float32 array"),
                                                  (xy.tolist(), " as a list"),
                                                  (np.round(xy).astype(int), " as an integer array"),
                                                  (_far_point(rng, 44, 47), ""), (np.zeros(2), ""))]
    check_each(student, "bowl_grad", calls, _check_gradient("bowl_grad", array=True, new=True))


def _integer_point(rng):
    """A point of integers, both nonzero (so that the cross term c x y shows)."""
    return rng.integers(1, 5, size=2) * rng.choice([-1, 1], size=2)


def _cross_terms(rng):
    """Values of c: a bowl, a narrow valley, and a saddle, with random signs."""
    signs = rng.choice([-1.0, 1.0], size=3)
    return signs * np.array([rng.uniform(0.1, 0.6), rng.uniform(0.6, 0.99), rng.uniform(1.2, 3.0)])


@cell("test_twisted_bowl", points=1)
def test_twisted_bowl_values(student, rng):
    """twisted_bowl is 0.5 * (x² + y²) + c x y, for valleys and saddles, also at a point of integers
    (with c = 0.5), at the origin (0), and with c = 0 after c = 2 at one point"""
    calls = [((xy, float(c)), {}, xy) for c, xy in zip(_cross_terms(rng), _points(rng, 3))]
    integers = _integer_point(rng)
    calls.append(((integers, 0.5), {}, integers, " as an integer array"))
    xy = _points(rng, 1)[0]
    calls += [((xy, 2.0), {}, xy), ((xy, 0.0), {}, xy)]
    calls.append(((np.zeros(2), float(_cross_terms(rng)[0])), {}, np.zeros(2)))
    check_each(student, "twisted_bowl", calls, _check_value("twisted_bowl"))


def _twisted_grads(student, shared, seed, test, check):
    recipes = {test_twisted_bowl_grad_values: _twisted_bowl_grad_values_calls,
               test_twisted_bowl_grad_inputs: _twisted_bowl_grad_inputs_calls}
    check_planned(student, shared, seed, "twisted_bowl_grad", recipes, test, check)


def _twisted_bowl_grad_values_calls(rng):
    calls = [((xy, float(c)), {}) for c, xy in zip(_cross_terms(rng), _points(rng, 3))]
    xy = _points(rng, 1)[0]
    calls += [((xy, 0.5), {}), ((xy, 0.5004), {})]
    # Both coordinates of one sign and c > 0: neither x + c y nor y + c x cancels, so each is
    # known to full relative precision (no floor).
    tiny = float(rng.choice([-1.0, 1.0])) * 10.0 ** rng.uniform(-12.7, -10.5, size=2)
    c = round(float(rng.uniform(0.1, 0.9)), 4)
    calls.append(((tiny, c), {}, "", 1e-6, f"[{tiny[0]:.10g}, {tiny[1]:.10g}]", 1e-300))
    # Far out, again both coordinates of one sign and c > 0 (no cancellation): the formula is exact to
    # rounding there, whatever the size of f (near 1e14).
    far = np.round(float(rng.choice([-1.0, 1.0])) * 10.0 ** rng.uniform(6.5, 7.5, size=2), 3)
    c = round(float(rng.uniform(0.1, 0.9)), 4)
    calls.append(((far, c), {}, "", 1e-6, f"[{far[0]:.10g}, {far[1]:.10g}]"))
    calls.append(((np.zeros(2), c), {}))
    # On the x axis the cross term's gradient c [y, x] is [0, c x], not 0; c = -1 and c = 1 are the
    # flat valleys, whose gradients are not the same vector twice.
    axis = np.array([round(float(rng.uniform(1.0, 3.0)), 4), 0.0])
    calls += [((axis, c), {}), ((_points(rng, 1)[0], -1.0), {}), ((_points(rng, 1)[0], 1.0), {})]
    return calls


@cell("test_twisted_bowl_grad", points=1)
def test_twisted_bowl_grad_values(student, seed, shared):
    """twisted_bowl_grad is [x + c y, y + c x], for valleys and saddles, also for nearby values of c in
    turn (c = 0.5, then c = 0.5004, at the same point), very close to the origin (coordinates near
    1e-12, where the gradient, near 1e-12, keeps its full relative accuracy) and far from it (coordinates
    near 1e7, where the gradient keeps its full relative accuracy too), at the origin ([0, 0]), on the x axis
    (y = 0: the cross term still has a gradient, [0, c x]) and for c = -1 and c = 1 (the flat valleys)"""
    _twisted_grads(student, shared, seed, test_twisted_bowl_grad_values, _check_gradient("twisted_bowl_grad"))


def _twisted_bowl_grad_inputs_calls(rng):
    xy, c = _points(rng, 1)[0], float(rng.uniform(-2, 2))
    calls = [((xy.astype(np.float32), c), {}, " as a float32 array", 1e-5),
             ((xy.tolist(), c), {}, " as a list"),
             ((np.round(xy).astype(int), int(round(c)) or 1), {}, " as an integer array"),
             ((_integer_point(rng), 0.5), {}, " as an integer array"),
             ((_integer_point(rng), 0), {}, " as an integer array")]
    return calls


@cell("test_twisted_bowl_grad", points=1)
def test_twisted_bowl_grad_inputs(student, seed, shared):
    """twisted_bowl_grad works for float32 arrays, integer arrays (with an integer c, with c = 0.5 and
    with c = 0, where the gradient is the point itself, as floats) and plain lists, and gives a float
    array"""
    _twisted_grads(student, shared, seed, test_twisted_bowl_grad_inputs,
                   _check_gradient("twisted_bowl_grad", unmodified=False, array=True))


# -- max_stable_lr --------------------------------------------------------------------
def _symmetric(rng, eigenvalues):
    """An exactly symmetric matrix with the given eigenvalues in a random basis."""
    q, _ = np.linalg.qr(rng.standard_normal((len(eigenvalues), len(eigenvalues))))
    h = q @ np.diag(eigenvalues) @ q.T
    return 0.5 * (h + h.T)


def _matrix_text(h):
    return show(np.round(np.asarray(h, dtype=float), 6))


@cell("test_max_stable_lr", points=1)
def test_max_stable_lr_values(student, rng):
    """max_stable_lr is 2 / λ_max for random symmetric positive definite matrices (arrays and lists;
    1×1 to 4×4, also [[2.0]]), also a very steep one (eigenvalues near 1e40), a twisted bowl's
    [[1, c], [c, 1]] with c < 0, badly conditioned ones (diag(1e-9, 1), diag(1e-9, 1e5) and diag(1e-12, 1):
    positive definite, so no ValueError), Rosenbrock's at (1, 1) (a bound near 0.002, to full precision), c
    times the 5×5 identity (one eigenvalue five times over) and diag(2e-10, 1e-10) (a bound of 1e10, to full
    precision: nothing added to λ_max), and leaves the caller's matrix as it was"""
    def check(result, args, kwargs, h, shown=None):
        text = (f"hessian={shown or _matrix_text(h)}"
                + (" as a list" if isinstance(args[0], list) else ""))
        expect_close("max_stable_lr", text, as_float(result.value, "max_stable_lr", text),
                     REFERENCE.max_stable_lr(h))
        expect_unmodified("max_stable_lr", text, result)
    calls = []
    for n in (1, 2, 3, 4):
        h = _symmetric(rng, rng.uniform(0.1, 10.0, size=n))
        calls.append(((h.tolist() if n == 3 else h,), {}, h))
    steep = _symmetric(rng, rng.uniform(1.0, 10.0, size=2)) * 10.0 ** float(rng.uniform(39.5, 41.0))
    calls.append(((steep,), {}, steep))
    c = -round(float(rng.uniform(0.1, 0.9)), 4)
    twisted = np.array([[1.0, c], [c, 1.0]])
    flat = np.diag(rng.permutation([1e-9, 1.0]))
    one = np.array([[2.0]])
    calls += [((twisted,), {}, twisted), ((flat,), {}, flat, show(flat)), ((one,), {}, one)]
    steep_and_flat = np.diag(rng.permutation([1e-9, 1e5]))
    rosenbrock = np.array([[802.0, -400.0], [-400.0, 200.0]])
    calls += [((steep_and_flat,), {}, steep_and_flat, show(steep_and_flat)), ((rosenbrock,), {}, rosenbrock)]
    same = round(float(rng.uniform(0.1, 5.0)), 4) * np.eye(5)
    calls.append(((same,), {}, same, f"{same[0, 0]:g} * np.eye(5)"))
    # Tiny eigenvalues are eigenvalues: diag(1e-12, 1) is positive definite, and the bound of
    # diag(2e-10, 1e-10) is 1e10, to full precision.
    tiny, small = np.diag(rng.permutation([1e-12, 1.0])), np.diag(rng.permutation([2e-10, 1e-10]))
    calls += [((tiny,), {}, tiny, show(tiny)), ((small,), {}, small, show(small))]
    check_each(student, "max_stable_lr", calls, check)


@cell("test_max_stable_lr", points=1)
def test_max_stable_lr_refuses_indefinite(student, rng):
    """max_stable_lr raises a ValueError for a saddle, a maximum or a flat direction (an eigenvalue ≤ 0),
    also for a 3×3 matrix with two negative eigenvalues (its determinant and trace are positive) and for
    the 1×1 matrix [[-1.0]]"""
    c = float(rng.choice([-1, 1]) * rng.uniform(1.2, 3.0))
    saddle = [[1.0, c], [c, 1.0]]
    indefinite = _symmetric(rng, [-rng.uniform(0.1, 2.0), rng.uniform(0.5, 3.0), rng.uniform(0.5, 3.0)])
    maximum = _symmetric(rng, -rng.uniform(0.5, 3.0, size=2))
    # Positive semidefinite but not definite: an eigenvalue of exactly 0 (a diagonal
    # matrix, so that no rounding makes it slightly positive or negative).
    flat = np.diag(rng.permutation([0.0, round(float(rng.uniform(0.5, 3.0)), 4)]))
    # Eigenvalues -a, -b and c > a + b: det = a b c > 0 and trace > 0, yet not positive definite.
    low = rng.uniform(0.2, 1.0, size=2)
    two_down = _symmetric(rng, [-low[0], -low[1], low.sum() + rng.uniform(0.5, 2.0)])
    _refused(student, (saddle, indefinite, maximum, flat, two_down, np.array([[-1.0]])))


@cell("test_max_stable_lr", points=1)
def test_max_stable_lr_refuses_non_symmetric(student, rng):
    """max_stable_lr raises a ValueError for a matrix that is not symmetric (also a 3×3 one whose only
    asymmetric pair is its (1, 2) and (2, 1) entries)"""
    a, d = rng.uniform(0.5, 3.0, size=2)
    b = float(rng.choice([-1, 1]) * rng.uniform(2.0, 5.0))
    triangular = np.array([[a, b], [0.0, d]])
    skewed = _symmetric(rng, rng.uniform(1.0, 3.0, size=3)) + np.triu(rng.uniform(0.5, 1.0, (3, 3)), 1)
    # Symmetric positive definite but for h[1, 2]: the first row equals the first column.
    middle = _symmetric(rng, rng.uniform(1.0, 3.0, size=3))
    middle[1, 2] += float(rng.choice([-1, 1]) * rng.uniform(0.5, 1.0))
    _refused(student, (triangular, skewed, middle))


def _refused(student, hessians):
    """max_stable_lr raises a ValueError for each of ``hessians`` (calls in one process)."""
    check_raises(student, "max_stable_lr", [((h,), {}, f"hessian={_matrix_text(h)}") for h in hessians],
                 "ValueError")


# -- quadratic_path and classify_alpha ------------------------------------------------
def _path_text(x0, alpha, iters):
    x0_text = f"{x0} (an int)" if isinstance(x0, int) else f"{x0:.6g}"
    alpha_text = f"{alpha} (an int)" if isinstance(alpha, int) else f"{alpha:.6g}"
    return f"x0={x0_text}, alpha={alpha_text}, iters={iters}"


def _check_path(result, args, kwargs, array=False):
    with np.errstate(over="ignore", under="ignore"):
        expected = REFERENCE.quadratic_path(*args)
    expect_close("quadratic_path", _path_text(*args), result.value, expected, array=array)


def _paths(student, shared, seed, test, check):
    recipes = {test_quadratic_path_values: _quadratic_path_values_calls,
               test_quadratic_path_edges: _quadratic_path_edges_calls}
    check_planned(student, shared, seed, "quadratic_path", recipes, test, check)


def _quadratic_path_values_calls(rng):
    calls = [((float(rng.uniform(-5, 5)), float(rng.uniform(low, high)), int(rng.integers(3, 15))), {}, True)
             for low, high in ((0.01, 0.5), (0.5, 1.0), (1.0, 1.4))]
    return calls


@cell("test_quadratic_path", points=1)
def test_quadratic_path_values(student, seed, shared):
    """quadratic_path gives x_t = (1 - 2α)^t x0 for t = 0 .. iters, as a numpy array of floats"""
    _paths(student, shared, seed, test_quadratic_path_values, _check_path)


def _quadratic_path_edges_calls(rng):
    x0 = float(rng.uniform(1, 5) * rng.choice([-1, 1]))
    calls = [((x0, alpha, iters), {}) for alpha, iters in ((0.3, 0), (0.5, 4), (1.0, 5), (0.1, 1))]
    calls += [((int(rng.integers(2, 6)), 0.3, 4), {}), ((-x0 / 2, 0.5, 4), {}), ((x0, 1.4, 200), {}),
              ((x0, 1, 5), {}), ((x0, 0.0, 3), {}), ((x0, 3.0, 200), {}),
              ((x0, 0.24, 6), {}), ((x0, 0.23, 6), {}), ((x0, 1e-4, 5000), {}),
              ((x0, 0.45, 400), {}), ((x0, 3.0, 435), {}), ((np.array(x0), 0.3, 4), {}),
              ((x0, 0.3, np.int64(rng.integers(3, 8))), {})]
    return calls


@cell("test_quadratic_path", points=1)
def test_quadratic_path_edges(student, seed, shared):
    """quadratic_path has iters + 1 entries: [x0] for iters = 0, zeros after x0 for α = 0.5, ±x0 for
    α = 1, a constant path for α = 0, every iterate of long divergent paths (α = 1.4 and α = 3, 200
    steps, past 1e100; α = 3, 435 steps, past 1e300 yet still finite) and of a long slow one
    (iters = 5000), nearby α in turn (0.24, then 0.23); an integer x0 or α works too, an x0 given
    as a 0-d array and iters as a numpy integer; a converging path that shrinks below the smallest floats (α = 0.45, 400 steps)
    goes to 0"""
    _paths(student, shared, seed, test_quadratic_path_edges, _check_path)


def _check_kind(result, args, kwargs, text=None):
    alpha, = args
    value, expected = result.value, REFERENCE.classify_alpha(alpha)
    expect(isinstance(value, str) and value == expected,
           lambda: f"classify_alpha({text or f'alpha={alpha!r}'}) returned {show(value)}; expected {expected!r}")


@cell("test_classify_alpha", points=1)
def test_classify_alpha_regions(student, rng):
    """classify_alpha names the behaviour for α inside each range, also for α given as a numpy number (an
    np.float64 or a 0-d array)"""
    ranges = ((0.01, 0.49), (0.51, 0.99), (1.01, 4.0)) * 2
    calls = [((round(float(rng.uniform(low, high)), 6),), {}) for low, high in ranges]
    for low, high in ranges[:3]:
        alpha = round(float(rng.uniform(low, high)), 6)
        calls += [((np.float64(alpha),), {}, f"alpha=np.float64({alpha})"),
                  ((np.array(alpha),), {}, f"alpha=np.array({alpha}) (a 0-d array)")]
    check_each(student, "classify_alpha", calls, _check_kind)


@cell("test_classify_alpha", points=1)
def test_classify_alpha_boundaries(student, rng):
    """classify_alpha: α = 0.5 is monotone (exactly: 0.5 + 1e-12 oscillates), α = 1 (exactly: 1 ± 1e-12 is
    not) is cycling, a tiny α > 0
    (down to 1e-300) is monotone, a huge α (up to inf) is divergent, α ≤ 0 raises a ValueError (floats
    and ints)"""
    calls = [((0.5,), {}), ((1.0,), {}), ((1,), {}, "alpha=1 (an int)"), ((1 - 1e-6,), {}), ((1 + 1e-6,), {}),
             ((1 - 1e-12,), {}), ((1 + 1e-12,), {}),
             ((0.5 + 1e-9,), {}), ((1e-9,), {}), ((1e-20,), {}), ((1e-300,), {}), ((1e300,), {}),
             ((float("inf"),), {}, "alpha=inf"), ((0.5 + 1e-12,), {})]
    check_each(student, "classify_alpha", calls, _check_kind)
    refused = (0.0, -round(float(rng.uniform(0.01, 2.0)), 6), 0, -int(rng.integers(1, 3)))
    check_raises(student, "classify_alpha", [((alpha,), {}, f"alpha={alpha!r}") for alpha in refused],
                 "ValueError")


# -- lr_sweep -------------------------------------------------------------------------
def _sweep_text(landscape, x0, lrs, n_steps):
    x0_text = f"{float(x0):.6g}" if np.ndim(x0) == 0 else point_text(x0)
    if np.asarray(x0).dtype.kind in "iu":
        x0_text += " (integers)"
    lrs_text = show(np.asarray(lrs, dtype=float))
    if np.asarray(lrs).dtype.kind in "iu":
        lrs_text += (" (integers, as a list)" if isinstance(lrs, list) else " (an integer array)")
    return f"f, grad_f = {landscape}, x0={x0_text}, lrs={lrs_text}, n_steps={n_steps}"


def _check_sweep(result, args, kwargs, landscape, array=False):
    """The losses of ``lr_sweep(landscape.f, landscape.grad, x0, lrs, n_steps)``; with
    ``array``, they must come as a numpy array of floats."""
    _, _, x0, lrs, n_steps = args
    text = _sweep_text(landscape, x0, lrs, n_steps)
    expected = REFERENCE.lr_sweep(landscape.f, landscape.grad, x0, lrs, n_steps)
    losses = (as_float_array if array else as_array)(result.value, "lr_sweep", text, shape=expected.shape)
    nan = np.isnan(losses)
    expect(not nan.any(), lambda: f"lr_sweep({text}) returned {show(losses)}; a run that leaves the finite "
                          f"numbers reports np.inf, not nan (expected {show(expected)})")
    expect_close("lr_sweep", text, losses, expected)
    expect_unmodified("lr_sweep", text, result)


def _expect_sweeps(student, sweeps, array=False):
    """The student's lr_sweep on each ``(landscape, x0, lrs, n_steps)`` of ``sweeps``,
    one after another in one process (a cache keyed on some of the arguments shows)."""
    calls = [((landscape.f, landscape.grad, x0, lrs, n_steps), {}, landscape, array)
             for landscape, x0, lrs, n_steps in sweeps]
    check_each(student, "lr_sweep", calls, _check_sweep)


@cell("test_lr_sweep", points=1)
def test_lr_sweep_final_losses(student, rng):
    """lr_sweep returns a numpy array of floats: f after exactly n_steps steps for each learning rate, on
    quadratic bowls, from a float and from an integer x0, for two bowls with the same rates in turn (also
    from the same x0), with n_steps = 0 or lr = 0 (the loss is f(x0)), with a rate given twice (one loss per
    rate, in order); a loss that grew large but is finite is reported as it is
    (near 1e20, and near 1e120, beyond float32's range), and so is one that shrank below the smallest
    floats (a converging run whose numbers underflow towards 0 is finite); on a very flat bowl, whose
    gradient is below 1e-8 from the start, every run still takes all n_steps steps; integer learning
    rates (a list and an integer array) give float losses too"""
    bowl = QuarticBowl.random(rng)
    x0 = bowl.centre + rng.uniform(-2, 2, 2)
    lrs = [0.05, 0.2, 0.5, 0.9, round(float(rng.uniform(0.1, 0.9)), 4)]
    n_steps = int(rng.integers(20, 31))
    # Too large a rate, but still finite after 60 steps (a loss near 1e20): a number, not np.inf.
    large = [round(2.4 / float(np.linalg.eigvalsh(bowl.a).max()), 4)]
    other = QuarticBowl.random(rng)
    # Centred at the origin, curvatures 1 to 2 and lr 0.6 or 0.7: every step shrinks the point by
    # 0.4 or more, so after 500 steps the point is below 1e-190 and the loss underflows.
    origin = QuarticBowl(np.diag(rng.uniform(1.0, 2.0, size=2)), np.zeros(2), 0.0)
    sweeps = [(bowl, x0, lrs, n_steps), (bowl, np.round(x0).astype(int), lrs[:3], 10), (bowl, x0, large, 60),
              (other, other.centre + rng.uniform(-2, 2, 2), lrs, n_steps), (bowl, x0, lrs[:3], 0),
              (origin, rng.uniform(1.0, 3.0, 2) * rng.choice([-1, 1], 2), [0.6, 0.7], 500)]
    # Curvatures near 1e-12 and a start about 1000 away: the gradient's norm is below 1e-8 from the
    # start, yet with rates near 1e11 to 1e12 the n_steps steps change the loss (near 1e-6) a lot.
    flat = _FlatBowl(np.diag(rng.uniform(0.5e-12, 2e-12, size=2)), rng.uniform(-2, 2, 2), 0.0)
    flat_x0 = flat.centre + rng.uniform(500.0, 2000.0, 2) * rng.choice([-1, 1], 2)
    flat_lrs = [round(float(rate) / float(flat.a.max()), -8) for rate in (0.1, 0.5, rng.uniform(0.2, 1.5))]
    sweeps.append((flat, flat_x0, flat_lrs, int(rng.integers(15, 26))))
    # lr = 3 / (largest curvature): the steep direction doubles a step, so after 200 steps the loss
    # is near 1e120, far beyond float32's 3.4e38 yet finite in float64: a number, not np.inf.
    sweeps.append((bowl, x0, [round(3.0 / float(np.linalg.eigvalsh(bowl.a).max()), 4)], 200))
    # Integer rates 1, 2, 3 on a gentle bowl (curvatures 0.1 to 0.5, so all three converge): the
    # final losses are not whole numbers.
    gentle = QuarticBowl(Bowl.random(rng, curvature=(0.1, 0.5)).a, rng.uniform(-2, 2, 2), rng.uniform(0.1, 0.9))
    gentle_x0 = gentle.centre + rng.uniform(1.0, 3.0, 2) * rng.choice([-1, 1], 2)
    sweeps += [(gentle, gentle_x0, [2, 1, 3], 8), (gentle, gentle_x0, np.arange(1, 4), 6)]
    sweeps += [(other, x0, lrs, n_steps), (bowl, x0, [0.0, lrs[1]], 10)]
    sweeps.append((bowl, x0, [lrs[1], 0.05, lrs[1]], 10))   # a rate given twice
    _expect_sweeps(student, sweeps, array=True)


@cell("test_lr_sweep", points=1)
def test_lr_sweep_divergence_is_inf(student, rng):
    """lr_sweep reports np.inf (not nan) for runs that leave the finite numbers: a loss that becomes nan,
    a loss that overflows to +inf while the point is still finite, a point that overflows to ±inf
    while a bounded f stays finite there, and a loss that falls to -inf while the point is still finite
    (on a function unbounded below, whose finite negative losses are reported as they are)"""
    bowl = QuarticBowl.random(rng, b=rng.uniform(0.5, 1.5))
    direction = rng.standard_normal(2)
    x0 = bowl.centre + rng.uniform(1.0, 2.0) * direction / np.linalg.norm(direction)
    lrs = rng.permutation([0.01, 0.03, 5.0, 20.0])
    # An axis-aligned bowl with lr = 50 / (largest curvature): the point grows about 49-fold a
    # step and is near 1e185 after 110 steps, still finite, while ½ (x - c)ᵀ A (x - c) is +inf.
    curvatures = rng.uniform(0.5, 2.0, size=2)
    steep = QuarticBowl(np.diag(curvatures), rng.uniform(-2, 2, 2), rng.uniform(0.0, 1.0))
    steep_lrs = [0.1, 0.5, round(50.0 / float(curvatures.max()), 4)]
    # The hill: with lr = 1000 the coordinates pass 1e308 after about 103 steps and stay ±inf.
    hill = SquashedHill(rng.uniform(-2, 2, 2))
    hill_lrs = list(rng.permutation([0.01, 0.1, 1000.0]))
    # A dome: with lr = 1 the point runs away threefold a step, near 1e190 after 400 steps, still
    # finite, while f is -inf; with lr = 0.01 and 0.05 f ends finite and negative.
    dome = Dome(rng.uniform(1.8, 2.2, 2), rng.uniform(-2, 2, 2))
    dome_start = dome.centre + rng.uniform(0.5, 1.0, 2) * rng.choice([-1, 1], 2)
    _expect_sweeps(student, [(bowl, x0, lrs, 40),
                             (steep, steep.centre + rng.uniform(0.5, 2.0, 2) * rng.choice([-1, 1], 2),
                              steep_lrs, 110),
                             (hill, hill.centre + rng.uniform(0.5, 2.0, 2) * rng.choice([-1, 1], 2),
                              hill_lrs, 120),
                             (dome, dome_start, [0.01, 0.05, 1.0], 400)])


@cell("test_lr_sweep", points=1)
def test_lr_sweep_scalar_start(student, rng):
    """lr_sweep works on a function of one number, from a scalar x0, including a divergent rate"""
    well = ScalarWell.random(rng)
    x0 = float(well.centre + rng.choice([-1, 1]) * rng.uniform(1.0, 2.0))
    lrs = rng.permutation([0.005, 0.02, 0.05, 4.0])
    _expect_sweeps(student, [(well, x0, lrs, int(rng.integers(15, 26)))])


# -- quartic --------------------------------------------------------------------------
def _scalars(rng, n=5):
    return [round(float(x), 6) for x in rng.uniform(-2.0, 4.0, size=n)]


def _check_scalar(function, unmodified=False):
    """A check of what ``function(x)`` returns, against the reference's: a number for a
    number ``x``, the values elementwise for an array ``x``; with ``unmodified``, the
    caller's ``x`` must be left as it was."""
    def check(result, args, kwargs):
        x, = args
        text = f"x={show(x)}" if isinstance(x, np.ndarray) else f"x={x!r}"
        if isinstance(x, int):
            text += " (an int)"
        value = result.value if isinstance(x, np.ndarray) else as_float(result.value, function, text)
        expect_close(function, text, value, getattr(REFERENCE, function)(x))
        if unmodified:
            expect_unmodified(function, text, result)
    return check


def _quartic_inputs(rng):
    """Random numbers, two far out (|x| in the hundreds, as a diverging run reaches), an integer,
    and an array of them (as the notebook's quartic(xs)), and an array that starts at the flat
    spot 0.0 (each element is computed on its own, whatever the first one gives)."""
    xs = np.round(rng.uniform(-2.0, 4.0, size=4), 6)
    far = [round(float(sign * rng.uniform(100.0, 900.0)), 4) for sign in (-1, 1)]
    return ([((x,), {}) for x in _scalars(rng) + far] + [((int(rng.integers(-3, 8)),), {})]
            + [((np.append(xs, far[1]),), {}), ((np.insert(xs, 0, 0.0),), {})])


@cell("test_quartic", points=1)
def test_quartic_values(student, rng):
    """quartic is x⁴ - 3x³ + 2 at random x (also far out, |x| in the hundreds, and an integer x), and
    elementwise on arrays (one starting with 0.0, and a 2×3 one, whose shape it keeps), which it leaves as
    they were"""
    calls = _quartic_inputs(rng) + [((np.round(rng.uniform(-2.0, 4.0, size=(2, 3)), 6),), {})]
    check_each(student, "quartic", calls, _check_scalar("quartic", unmodified=True))


@cell("test_quartic_grad", points=1)
def test_quartic_grad_values(student, rng):
    """quartic_grad is 4x³ - 9x² at random x (also far out, |x| in the hundreds, and an integer x), and
    elementwise on float arrays (also one starting with 0.0, the flat spot: every other slope keeps its
    fractional part, and one of shape (1,), which keeps its shape, and a 0-d array, as gradient_descent
    from x0 = 4.0 passes), which it leaves as they were, and in the thousands"""
    calls = _quartic_inputs(rng) + [((np.round(rng.uniform(-2.0, 4.0, size=1), 6),), {})]
    calls.append(((float(rng.choice([-1, 1]) * rng.uniform(2000, 6000)),), {}))
    calls.append(((np.array(round(float(rng.uniform(-2.0, 4.0)), 6)),), {}))
    check_each(student, "quartic_grad", calls, _check_scalar("quartic_grad", unmodified=True))


@cell("test_quartic_critical_points", points=1)
def test_quartic_critical_points_values(student):
    """quartic_critical_points is the sorted zeros of 4x³ - 9x², each once, as a numpy array of floats"""
    value = student.call("quartic_critical_points").value
    expect_close("quartic_critical_points", "", value, REFERENCE.quartic_critical_points(), array=True)


# -- himmelblau -----------------------------------------------------------------------
@cell("test_himmelblau", points=1)
def test_himmelblau_values(student, rng):
    """himmelblau is (x² + y - 11)² + (x + y² - 7)² at random points (values in the thousands too, not
    capped) and 0 at its minimum (3, 2), exactly, and leaves xy as it was"""
    value = _check_value("himmelblau")

    def check(result, args, kwargs, xy):
        value(result, args, kwargs, xy)
        expect_unmodified("himmelblau", f"xy={point_text(xy)}", result)
    points = list(_points(rng, 5, -5.0, 5.0)) + [rng.uniform(5.5, 7.0, 2) * rng.choice([-1, 1], 2)]
    points.append(np.array([3.0, 2.0]))
    check_each(student, "himmelblau", [((xy,), {}, xy) for xy in points], check)


def _himmelblau_grads(student, shared, seed, test, check):
    recipes = {test_himmelblau_grad_values: _himmelblau_grad_values_calls,
               test_himmelblau_grad_inputs: _himmelblau_grad_inputs_calls}
    check_planned(student, shared, seed, "himmelblau_grad", recipes, test, check)


def _himmelblau_grad_values_calls(rng):
    points = list(_points(rng, 5, -5.0, 5.0)) + [_far_point(rng, 0.8, 1.7), _far_point(rng, 12.8, 13.5)]
    # Both 1e-7 to 3.5e-7 from (3, 2) in each coordinate, the second 1e-7 farther out than the
    # first: the gradient is near 1e-5, far above the rounding errors of any way of computing it.
    signs = rng.choice([-1.0, 1.0], size=2)
    near = np.array([3.0, 2.0]) + signs * np.round(rng.uniform(1e-7, 2.5e-7, size=2), 9)
    calls = [((xy,), {}) for xy in points]
    calls += [((xy,), {}, "", 1e-6, f"[{xy[0]:.10g}, {xy[1]:.10g}]") for xy in (near, near + 1e-7 * signs)]
    # 3e-8 to 1e-7 from (3, 2) in each coordinate, both offsets of one sign: f is below 7.5e-13, and
    # each part of the gradient, 1.6e-6 or more, is far above its rounding errors (no floor).
    sign = float(rng.choice([-1.0, 1.0]))
    closest = np.array([3.0, 2.0]) + sign * np.round(rng.uniform(3e-8, 1e-7, size=2), 10)
    calls.append(((closest,), {}, "", 1e-6, f"[{closest[0]:.12g}, {closest[1]:.12g}]", 1e-300))
    closer = np.array([3.0, 2.0]) + sign * np.round(rng.uniform(0.5e-8, 1.5e-8, size=2), 11)
    calls.append(((closer,), {}, "", 1e-6, f"[{closer[0]:.13g}, {closer[1]:.13g}]", 1e-300))
    return calls


@cell("test_himmelblau_grad", points=1)
def test_himmelblau_grad_values(student, seed, shared):
    """himmelblau_grad matches the analytic gradient at random points, also farther out (coordinates up to
    50, and near 1e13, where the gradient is near 1e40), and at two points 1e-7 apart close to the
    minimum (3, 2), as late descent steps are (each has its own gradient), and at points within 1e-7 and
    1.5e-8 of it (where f is below 1e-12 and the gradient, near 1e-6 and 1e-7, is not 0: to its full
    relative accuracy)"""
    _himmelblau_grads(student, shared, seed, test_himmelblau_grad_values, _check_gradient("himmelblau_grad"))


def _himmelblau_grad_inputs_calls(rng):
    xy = _points(rng, 1, -5.0, 5.0)[0]
    calls = [((xy.astype(np.float32),), {}, " as a float32 array", 1e-5), ((xy.tolist(),), {}, " as a list"),
             ((np.round(xy).astype(int),), {}, " as an integer array")]
    return calls


@cell("test_himmelblau_grad", points=1)
def test_himmelblau_grad_inputs(student, seed, shared):
    """himmelblau_grad works for float32 arrays, integer arrays and plain lists, and gives a float array"""
    _himmelblau_grads(student, shared, seed, test_himmelblau_grad_inputs,
                      _check_gradient("himmelblau_grad", unmodified=False, array=True))


# -- multi_start ----------------------------------------------------------------------
def _multi_text(landscape, starts, lr, n_steps):
    return (f"f, grad_f = {landscape}, starts={show(np.asarray(starts, dtype=float))}, "
            f"lr={lr:g}, n_steps={n_steps}")


def _check_multi(result, args, kwargs, landscape):
    f, grad_f, starts, lr, n_steps = args
    text = _multi_text(landscape, starts, lr, n_steps)
    if np.asarray(starts).dtype.kind in "iu":
        text += " (integers)"
    if isinstance(starts, list):
        text += " (as a list of points)"
    with np.errstate(over="ignore", invalid="ignore"):
        expected = REFERENCE.multi_start(f, grad_f, starts, lr, n_steps)
    expect_close("multi_start", text, result.value, expected, array=True)
    expect_unmodified("multi_start", text, result)


@cell("test_multi_start", points=1)
def test_multi_start_rows(student, rng):
    """multi_start returns a (k, d) float array: row i is where gradient descent from starts[i] ends (one
    start of integers too; two bowls from the same starts in turn; starts given as a list of 3-D points
    and as a list of 1-D points; a flat bowl, where the runs stop at gradient_descent's default
    tol=1e-8; a start given twice, which has its row twice; too large a rate, where each run ends far from
    its start and from its best point; starts at the origin, which is no minimum here; a rate
    so large that runs leave the finite numbers, where each still has its row, inf or nan, and a start at
    the minimum, where the gradient is exactly 0, stays put)"""
    bowl = QuarticBowl.random(rng, dim=3)
    starts = bowl.centre + rng.uniform(-3, 3, size=(4, 3))
    lr, n_steps = 0.3, 30
    one = np.round(starts[:1]).astype(int)
    other = QuarticBowl.random(rng, dim=3)
    # Curvatures 0.005 to 0.01 and lr = 20: the gradient (at most 0.03) shrinks by 0.8 to 0.9 a step,
    # below 1e-6 in about 100 steps and below 1e-8 some 45 to 90 steps later, so the default tol
    # (not a larger one) decides where each run ends, within the 300 steps.
    flat = QuarticBowl(Bowl.random(rng, dim=2, curvature=(0.005, 0.01)).a, rng.uniform(-2, 2, 2), 0.0)
    flat_starts = flat.centre + rng.uniform(-3, 3, size=(3, 2))
    line = QuarticBowl.random(rng, dim=1)
    line_starts = [[round(float(x), 4)] for x in line.centre + rng.uniform(-3, 3, size=3)]
    calls = [((bowl.f, bowl.grad, starts, lr, n_steps), {}, bowl),
             ((bowl.f, bowl.grad, one, lr, n_steps), {}, bowl),
             ((other.f, other.grad, starts, lr, n_steps), {}, other),
             ((bowl.f, bowl.grad, starts[1:].tolist(), lr, n_steps), {}, bowl),
             ((line.f, line.grad, line_starts, lr, n_steps), {}, line),
             ((flat.f, flat.grad, flat_starts, 20.0, 300), {}, flat)]
    # 3 / λ_max: the steepest direction grows twofold a step (4^12 in the loss), still finite.
    steep_lr = round(3.0 / float(np.linalg.eigvalsh(other.a).max()), 4)
    calls.append(((other.f, other.grad, starts[:2], steep_lr, 12), {}, other))
    calls.append(((bowl.f, bowl.grad, starts[[0, 1, 0]], lr, n_steps), {}, bowl))   # a start given twice
    calls.append(((bowl.f, bowl.grad, np.zeros((2, 3)), lr, n_steps), {}, bowl))   # the origin: not the minimum
    check_each(student, "multi_start", calls, _check_multi)
    thrown = QuarticBowl.random(rng, b=1.0)   # lr = 50: out of the floats within a few steps
    away = rng.uniform(1.0, 2.0, (2, 2)) * rng.choice([-1, 1], (2, 2))
    starts = np.vstack([thrown.centre, thrown.centre + away])
    text = _multi_text(thrown, starts, 50.0, 40)
    ends = student.call("multi_start", thrown.f, thrown.grad, starts, 50.0, 40).value
    ends = as_array(ends, "multi_start", text, shape=(3, 2))
    expect_close("multi_start", text + " → row 0 (from the minimum)", ends[0], thrown.centre)
    expect(not np.isfinite(ends[1:]).all(axis=1).any(),
           lambda: f"multi_start({text}) returned {show(ends)}; rows 1 and 2 are runs that left the finite "
           "numbers (inf or nan): keep a row for every start, in order, whatever the run gave")


@cell("test_multi_start", points=1)
def test_multi_start_himmelblau(student, rng):
    """multi_start on Himmelblau's function from four corners (given as a list) finds the four minima"""
    landscape = Himmelblau()
    corners = np.array([[4.0, 4.0], [-4.0, 4.0], [-4.0, -4.0], [4.0, -4.0]])
    starts = np.round(corners + rng.uniform(-0.5, 0.5, size=corners.shape), 4).tolist()
    lr, n_steps = 0.01, 200
    text = _multi_text(landscape, starts, lr, n_steps)
    value = student.call("multi_start", landscape.f, landscape.grad, starts, lr, n_steps).value
    expect_close("multi_start", text, value,
                 REFERENCE.multi_start(landscape.f, landscape.grad, starts, lr, n_steps))


# -- noisy_gradient -------------------------------------------------------------------
def _returned_function(value, maker, made):
    """``value``, the function the student's ``maker(made)`` returned, or a message."""
    expect(callable(value), lambda: f"{maker}({made}) returned {show(value)}; expected a function g(x)")
    return value


@cell("test_noisy_gradient", points=1)
def test_noisy_gradient_draws(student, rng):
    """g(x) = grad_f(x) + sigma * rng.standard_normal(x.shape), with fresh noise from rng at every call;
    two g made in turn with two generators each draw from their own rng; draws far in the tails
    (beyond 3 standard deviations) are kept as they are"""
    bowl = Bowl.random(rng)
    sigmas = [round(float(s), 4) for s in rng.uniform(0.2, 2.0, size=2)]
    seeds = [int(s) for s in rng.integers(2**31, size=2)]
    texts = [f"grad_f = the gradient of {bowl}, sigma={sigma:g}, rng=np.random.default_rng({seed})"
             for sigma, seed in zip(sigmas, seeds)]
    # Both made in one process, one after the other, before either is called.
    made = check_each(student, "noisy_gradient",
                      [((bowl.grad, sigma, np.random.default_rng(seed)), {}, text)
                       for sigma, seed, text in zip(sigmas, seeds, texts)],
                      lambda result, args, kwargs, text: _returned_function(result.value, "noisy_gradient",
                                                                            text))
    noises = [np.random.default_rng(seed) for seed in seeds]
    later = (f" (made first; a second g was made next, from rng=np.random.default_rng({seeds[1]}), "
             "and each g draws from its own rng)")
    calls = [0, 0]
    for which, x in zip((0, 0, 1, 0, 1), _points(rng, 5)):
        calls[which] += 1
        value = made[which](x)
        expected = bowl.grad(x) + sigmas[which] * noises[which].standard_normal(x.shape)
        expect_close("noisy_gradient", f"{texts[which]}{later if which == 0 else ''}) → g, call "
                     f"{calls[which]}: g(x={point_text(x)}", value, expected)
    # A generator whose first draw has a coordinate beyond 3.2 (about one seed in 350 has one).
    x = _points(rng, 1)[0]
    seed = int(rng.integers(2**31))
    while np.abs(np.random.default_rng(seed).standard_normal(x.shape)).max() <= 3.2:
        seed = int(rng.integers(2**31))
    text = f"grad_f = the gradient of {bowl}, sigma={sigmas[0]:g}, rng=np.random.default_rng({seed})"
    g = _returned_function(student.call("noisy_gradient", bowl.grad, sigmas[0], np.random.default_rng(seed)).value,
                           "noisy_gradient", text)
    expect_close("noisy_gradient", f"{text}) → g(x={point_text(x)}", g(x),
                 bowl.grad(x) + sigmas[0] * np.random.default_rng(seed).standard_normal(x.shape))


@cell("test_noisy_gradient", points=1)
def test_noisy_gradient_shapes(student, rng):
    """noisy_gradient's g(x) has the shape of x, for points of any shape (a 0-d array, as gradient_descent
    makes from a number x0, a vector, a matrix), and is grad_f(x) plus the noise as a numpy array of
    floats (not a list: gradient_descent computes x - lr * g(x)), also at an integer point and when
    grad_f returns an integer array; with sigma = 0, g(x) is grad_f(x) exactly"""
    def double(x):
        return 2.0 * np.asarray(x, dtype=float)

    def signs(x):
        return np.sign(x).astype(int)

    sigma, seed = round(float(rng.uniform(0.2, 2.0)), 4), int(rng.integers(2**31))
    text = f"grad_f = lambda x: 2 * x, sigma={sigma:g}, rng=np.random.default_rng({seed})"
    g = _returned_function(student.call("noisy_gradient", double, sigma, np.random.default_rng(seed)).value,
                           "noisy_gradient", text)
    noise = np.random.default_rng(seed)
    for shape in ((3,), (), (2, 3)):
        x = np.array(np.round(rng.uniform(-2, 2, size=shape), 4))
        value = g(x)
        expected = double(x) + sigma * noise.standard_normal(x.shape)
        where = f"x=np.array({float(x)}), of shape ()" if x.ndim == 0 else f"x of shape {shape}"
        expect_close("noisy_gradient", f"{text}) → g({where}", value, expected)
    x = rng.integers(-3, 4, size=3)
    expect_close("noisy_gradient", f"{text}) → g(x={point_text(x)}, an integer array", g(x),
                 double(x) + sigma * noise.standard_normal(x.shape), array=True)
    # The gradient of sum(|x|), as integers: g(x) is that plus float noise, a new float array.
    text = (f"grad_f = lambda x: np.sign(x).astype(int) (an integer array), sigma={sigma:g}, "
            f"rng=np.random.default_rng({seed})")
    g = _returned_function(student.call("noisy_gradient", signs, sigma, np.random.default_rng(seed)).value,
                           "noisy_gradient", text)
    noise = np.random.default_rng(seed)
    x = np.round(rng.uniform(-2, 2, size=4), 4)
    expect_close("noisy_gradient", f"{text}) → g(x={point_text(x)}", g(x),
                 signs(x) + sigma * noise.standard_normal(x.shape), array=True)
    # sigma = 0: no noise at all, so g is 0 where grad_f is (at the minimum of lambda x: 2 * x).
    text = f"grad_f = lambda x: 2 * x, sigma=0.0, rng=np.random.default_rng({seed})"
    g = _returned_function(student.call("noisy_gradient", double, 0.0, np.random.default_rng(seed)).value,
                           "noisy_gradient", text)
    expect_close("noisy_gradient", f"{text}) → g(x=[0.0, 0.0])", g(np.zeros(2)), np.zeros(2))
