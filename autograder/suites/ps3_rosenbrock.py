"""Hidden suite of ``ps3_rosenbrock``: the Rosenbrock milestone."""

import functools

import numpy as np

from reference import rosenbrock as REFERENCE

from ..checks import (as_array, as_float, as_float_array, expect, expect_close,
                      expect_unmodified, point_text, show)
from ..failures import StudentError
from ..pure import check_each, check_planned
from ..suite import cell

ASSIGNMENT = "ps3_rosenbrock"
GRADED = ("rosenbrock", "rosenbrock_grad", "rosenbrock_hessian", "gradient_descent",
          "run_milestone", "distance_to_optimum", "steps_to_tolerance")
#: Graded as the student's own whole pipeline; never handed to student code.
PIPELINES = ("run_milestone",)
#: Graded functions a student may build each function on, handed over as the
#: reference's (besides those the reference itself uses; see Student.dependencies).
USES = {}


def random_points(rng, n=5):
    return rng.uniform([-2.0, -1.0], [2.0, 3.0], size=(n, 2))


# -- rosenbrock -----------------------------------------------------------------
def _rosenbrocks(student, shared, seed, test, check):
    recipes = {test_rosenbrock_values: _rosenbrock_values_calls,
               test_rosenbrock_stack: _rosenbrock_stack_calls}
    check_planned(student, shared, seed, "rosenbrock", recipes, test, check)


def _rosenbrock_values_calls(rng):
    x = float(rng.uniform(0.99, 0.999))
    floor = np.array([x, x * x + float(rng.uniform(1e-6, 1e-5))])   # f about 1e-5 to 1e-4
    walls = [np.array([rng.uniform(3.5, 4.5), rng.uniform(-1.5, -0.5)]), np.array([-4.0, 0.0])]  # f > 16,000
    points = [*random_points(rng, 3), np.array([1.0, 1.0]), floor, *walls, np.array([1e-200, 0.0])]
    calls = [((xy,), {}) for xy in points]
    calls += [((points[0].tolist(),), {}), ((tuple(points[1].tolist()),), {}),
              (([int(rng.integers(-1, 2)), float(rng.uniform(0.2, 0.8))],), {})]
    return calls


@cell("test_rosenbrock", points=1)
def test_rosenbrock_values(student, seed, shared):
    """rosenbrock matches (1 - x)² + 100 (y - x²)² at random points, as arrays, lists and tuples: 0 at
    (1, 1), tiny on the valley floor near it, over 10,000 on the steep walls far from it, and 1 at
    (1e-200, 0), where x² underflows harmlessly; a list such as [0, 0.5] mixes an integer and a float"""
    def check(result, args, kwargs):
        xy, = args
        inputs = f"xy={point_text(np.asarray(xy))}" + ("" if isinstance(xy, np.ndarray) else
                                                        f" as a {type(xy).__name__}")
        value = as_float(result.value, "rosenbrock", inputs)
        expect_close("rosenbrock", inputs, value, REFERENCE.rosenbrock(np.asarray(xy, dtype=float)))
    _rosenbrocks(student, shared, seed, test_rosenbrock_values, check)


def _rosenbrock_stack_calls(rng):
    xs, ys = np.sort(rng.uniform(-2, 2, 4)), np.sort(rng.uniform(-1, 3, 3))
    stacks = [(np.stack(np.meshgrid(xs, ys)), "np.stack(np.meshgrid(xs, ys))"),
              (random_points(rng).T, "5 points as columns"), (random_points(rng, 4).T[:, None, :], "a stack"),
              (random_points(rng, 1).T, "1 point as a column"),
              (random_points(rng, 2).T, "2 points as columns"),
              (np.ones((2, 3)), "3 points as columns, each (1, 1)")]
    return [((stack,), {}, text) for stack, text in stacks]


@cell("test_rosenbrock", points=1)
def test_rosenbrock_stack(student, seed, shared):
    """rosenbrock accepts a (2, ...) stack, such as the (2, n, m) grids a contour plot needs or points as
    columns (one point too: a (2, 1) stack gives shape (1,); two points: a (2, 2) stack is x's row, then
    y's; three points all at (1, 1): three zeros, shape (3,)), gives a float array for each (not nested
    lists) and leaves it as it was"""
    def check(result, args, kwargs, text):
        inputs = f"xy={text} of shape {args[0].shape}"
        expect_close("rosenbrock", inputs, result.value, REFERENCE.rosenbrock(args[0]), array=True)
        expect_unmodified("rosenbrock", inputs, result)
    _rosenbrocks(student, shared, seed, test_rosenbrock_stack, check)


# -- rosenbrock_grad --------------------------------------------------------------
def _check_gradient(result, args, kwargs, how="", rtol=1e-6, array=False):
    given, = args
    text = f"xy={point_text(given)}{how}"
    expected = REFERENCE.rosenbrock_grad(np.asarray(given, dtype=float))
    expect_close("rosenbrock_grad", text, result.value, expected, rtol=rtol, array=array)


def _rosenbrock_grads(student, shared, seed, test, check):
    recipes = {test_rosenbrock_grad_values: _rosenbrock_grad_values_calls,
               test_rosenbrock_grad_float32_and_lists: _rosenbrock_grad_float32_and_lists_calls}
    check_planned(student, shared, seed, "rosenbrock_grad", recipes, test, check)


def _rosenbrock_grad_values_calls(rng):
    walls = [np.array([rng.uniform(-2.5, -2.0), rng.uniform(-1.5, -0.5)]), np.array([3.0, -1.0])]
    near = np.array([1.0 + float(rng.uniform(1e-7, 1e-6) * rng.choice([-1.0, 1.0])), 1.0])
    axis = np.array([0.0, float(rng.uniform(0.5, 2.5))])   # x = 0: df/dy = 200 y, not the example's 200
    return [((xy,), {}) for xy in [*random_points(rng), *walls, near, axis]]


@cell("test_rosenbrock_grad", points=2)
def test_rosenbrock_grad_values(student, seed, shared):
    """rosenbrock_grad matches the analytic gradient at random points, on the steep walls far from
    (1, 1), where it is in the thousands, a millionth from (1, 1), where it is small but not 0, and on
    the line x = 0 (at a y other than the notebook's example's 1)"""
    def check(result, args, kwargs):
        _check_gradient(result, args, kwargs)
        expect_unmodified("rosenbrock_grad", f"xy={point_text(args[0])}", result)
    _rosenbrock_grads(student, shared, seed, test_rosenbrock_grad_values, check)


def _rosenbrock_grad_float32_and_lists_calls(rng):
    xy = random_points(rng, 1)[0]
    calls = [((xy.astype(np.float32),), {}, " as a float32 array", 1e-5, True),
             ((xy.tolist(),), {}, " as a list", 1e-6, True),
             ((np.round(xy).astype(int),), {}, " as an integer array", 1e-6, True)]
    return calls


@cell("test_rosenbrock_grad", points=1)
def test_rosenbrock_grad_float32_and_lists(student, seed, shared):
    """rosenbrock_grad works for float32 arrays, integer arrays and plain lists, and gives a float array"""
    _rosenbrock_grads(student, shared, seed, test_rosenbrock_grad_float32_and_lists, _check_gradient)


# -- rosenbrock_hessian -----------------------------------------------------------
@cell("test_rosenbrock_hessian", points=2)
def test_rosenbrock_hessian_values(student, rng):
    """rosenbrock_hessian is the 2x2 float matrix of second derivatives at random points, at an
    integer point (an array, and a list), where 1200 x² and 400 y nearly cancel, at two points with the
    same x (d²f/dx² depends on y too), on the line x = 0 (d²f/dx² = 2 - 400 y there) and a few
    millionths from (1, 1) (close to the minimum's Hessian, not equal to it), and leaves xy as it was"""
    def check(result, args, kwargs, how=""):
        xy, = args
        expect_close("rosenbrock_hessian", f"xy={point_text(xy)}{how}", result.value,
                     REFERENCE.rosenbrock_hessian(np.asarray(xy, dtype=float)), array=bool(how))
        expect_unmodified("rosenbrock_hessian", f"xy={point_text(xy)}{how}", result)
    # d²f/dx² = -2 where y = 3x² + 0.01: 1200 x² and 400 y cancel to within 2 (four points:
    # float32's rounding happens to cancel too at about one in five)
    cancels = [np.array([x, (1200 * x * x + 2) / 400 + 0.005]) for x in rng.uniform(0.8, 1.2, 4)]
    calls = [((xy,), {}) for xy in [*random_points(rng, 4), *cancels]]
    calls.append(((np.round(random_points(rng, 1)[0]).astype(int),), {}, " as an integer array"))
    calls.append((([int(v) for v in rng.integers(-2, 3, 2)],), {}, " as a list of integers"))
    xy = random_points(rng, 1)[0]
    calls += [((xy,), {}), ((np.array([xy[0], xy[1] + rng.uniform(0.5, 1.5)]),), {})]
    near = 1.0 + rng.uniform(3e-6, 8e-6, 2) * np.array([1.0, -1.0])   # np.allclose to (1, 1); H differs by 1e-5
    calls += [((np.array([0.0, rng.uniform(0.5, 2.5)]),), {}), ((near,), {})]
    check_each(student, "rosenbrock_hessian", calls, check)


# -- gradient_descent -------------------------------------------------------------
from .gradient_descent import (_pair, returned_history,  # noqa: E402,F401
                               test_gradient_descent_leaves_x0, test_gradient_descent_path,
                               test_gradient_descent_stops_at_tol)


# -- run_milestone ----------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _milestone():
    return REFERENCE.run_milestone()


@cell("test_run_milestone", points=2)
def test_run_milestone_reaches_the_valley_floor(student, sketch):
    """run_milestone() runs 10,000 steps from (-1, 1) and ends about 0.0168 from (1, 1)"""
    inputs = ""
    result = student.pipeline("run_milestone")
    sketch.descent("run_milestone() on Rosenbrock's valley", REFERENCE.rosenbrock,
                   returned_history(result.value), _milestone()[1], optimum=REFERENCE.OPTIMUM,
                   levels="log")
    x, history = _pair(result.value, "run_milestone", inputs)
    x = as_array(x, "run_milestone", inputs, shape=(2,))
    expect(isinstance(history, (list, tuple)) and len(history) == 10001,
           f"run_milestone() returned a history of {len(history) if hasattr(history, '__len__') else '?'} "
           "entries; expected 10001 (x0 and one entry per step)")
    first = as_array(history[0][0], "run_milestone", inputs)
    expect_close("run_milestone", inputs + " → history[0][0]", first, [-1.0, 1.0])
    # The path itself, not only where it ends: gradient descent's, step by step.
    expected = _milestone()[1]
    for t in (1, 2, 10, 100, 1000, 5000, 9999):
        entry, where = history[t], inputs + f" → history[{t}]"
        expect(isinstance(entry, (list, tuple)) and len(entry) == 2,
               lambda: f"run_milestone(): history[{t}] is {show(entry)}; expected a pair (x, f(x))")
        expect_close("run_milestone", where + "[0]", entry[0], expected[t][0], rtol=1e-6)
        expect_close("run_milestone", where + "[1]", as_float(entry[1], "run_milestone", where),
                     expected[t][1], rtol=1e-6)
    distance = float(np.linalg.norm(x - 1.0))
    expect(abs(distance - 0.016806) < 5e-4,
           f"run_milestone() ended at {point_text(x)}, {distance:.4g} from (1, 1); plain gradient "
           "descent with lr=0.001 ends about 0.0168 away. Check your gradient and your update")
    loss = as_float(history[-1][1], "run_milestone", inputs + " → history[-1][1]")
    expect(abs(loss - 5.66e-5) < 5e-6,
           f"run_milestone() ends with f = {loss:.4g}; expected about 5.7e-05")


@cell("test_run_milestone", points=1)
def test_run_milestone_uses_its_arguments(student, rng):
    """run_milestone(x0, lr, n_steps) starts at x0 and takes n_steps steps of size lr, returning the last
    point: from a random start, from near (1, 1) where the gradient is tiny (also just above tol, a
    start 3e-9 away) and from (1, 1) itself (only gradient_descent's default tol stops a run), and from a steep start (a gradient above 100), also for
    an odd n_steps past 1,000; one
    run after another, each from its own x0 (a tuple or an array, also a tuple of integers), also with lr = 0.002, just past the
    stable step sizes, n_steps = 0 (a history of x0 alone), and with lr = 0.005, where the run
    diverges and x is no longer finite (as gradient_descent leaves it); x is a float array"""
    starts = [(np.round(rng.uniform([-1.2, 0.0], [0.8, 2.0]), 3), int(rng.integers(200, 400))),
              ((1.0002, 1.0004), 60), ((-1.5, 2.5), 40), ((1.0, 1.0), 40),
              (np.round(rng.uniform([-1.2, 0.0], [0.8, 2.0]), 3), 1001),
              ((1 + 2e-9, 1 + 3e-9), 40)]   # |g| about 4.5e-7: above tol, though lr * |g| is not

    def check(result, args, kwargs):
        inputs = ", ".join(f"{k}={point_text(v) if isinstance(v, np.ndarray) else repr(v)}"
                           for k, v in kwargs.items())
        with np.errstate(all="ignore"):
            expected_x, expected = REFERENCE.run_milestone(**kwargs)
        x, history = _pair(result.value, "run_milestone", inputs)
        expect(isinstance(history, (list, tuple)) and len(history) == len(expected),
               f"run_milestone({inputs}) returned a history of "
               f"{len(history) if hasattr(history, '__len__') else '?'} entries; expected {len(expected)} "
               "(x0 and one entry per step): run your gradient_descent with the x0, lr and n_steps "
               "given and its own tol (it stops before updating once the gradient's norm is below tol)")
        expect_close("run_milestone", inputs + " → history[0][0]",
                     as_array(history[0][0], "run_milestone", inputs), kwargs["x0"])
        expect_close("run_milestone", inputs + " → x", x, expected_x, array=True)
    calls = [((), {"x0": x0, "lr": 0.0005, "n_steps": n_steps}) for x0, n_steps in starts]
    calls.append(((), {"x0": (-1.0, 1.0), "lr": 0.002, "n_steps": 200}))
    calls.append(((), {"x0": np.round(rng.uniform([-1.2, 0.0], [0.8, 2.0]), 3), "lr": 0.001, "n_steps": 0}))
    calls.append(((), {"x0": tuple(int(v) for v in rng.integers(-1, 2, 2)), "lr": 0.0005, "n_steps": 50}))
    check_each(student, "run_milestone", calls, check, pipeline=True)
    _expect_divergence(student, {"x0": (-1.0, 1.0), "lr": 0.005, "n_steps": 40})


def _expect_divergence(student, kwargs):
    """A run whose x overflows: run_milestone returns where it ended, not finite (Python floats
    may raise OverflowError instead: that is how they overflow)."""
    inputs = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    try:
        result = student.pipeline("run_milestone", **kwargs)
    except StudentError as error:
        if error.is_a("OverflowError"):
            return
        raise
    x, _ = _pair(result.value, "run_milestone", inputs)
    x = as_float_array(x, "run_milestone", inputs, shape=(2,))
    expect(not np.all(np.isfinite(x)),
           lambda: f"run_milestone({inputs}) returned x = {show(x)}; this step size diverges: gradient "
           "descent's x overflows to inf and nan within a few dozen steps. Return the point your "
           "gradient_descent ends at, as it is")


# -- distance_to_optimum and steps_to_tolerance -------------------------------------
@cell("test_distance_to_optimum", points=1)
def test_distance_to_optimum_values(student, rng):
    """distance_to_optimum is the Euclidean distance to (1, 1), a float, also a millionth away and ten
    million away, for arrays (integers too), lists and tuples, and leaves x as it was; a diverged point
    (nan or inf in either coordinate) is at no finite distance"""
    def check(result, args, kwargs):
        x, = args
        inputs = f"x={point_text(np.asarray(x))}" + ("" if isinstance(x, np.ndarray) else
                                                      f" as a {type(x).__name__}")
        value = as_float(result.value, "distance_to_optimum", inputs)
        if np.all(np.isfinite(x)):
            expect_close("distance_to_optimum", inputs, value, REFERENCE.distance_to_optimum(x))
        else:
            expect(not np.isfinite(value),
                   f"distance_to_optimum({inputs}) returned {value!r}; a point a diverged run left is at "
                   "no finite distance from (1, 1): the formula gives nan (or inf), so return that")
        expect_unmodified("distance_to_optimum", inputs, result)
    near = 1.0 + rng.uniform(-1, 1, 2) * 1e-6          # |x|² - 2 x·c + |c|² cancels here
    far = np.array([float(rng.uniform(1e7, 2e7)), 1.0])
    points = [*random_points(rng, 4), near, far, rng.integers(-4, 6, 2), np.array([np.nan, np.nan]),
              np.array([np.inf, -np.inf]), np.array([np.inf, 1.0]), np.array([1.0, np.nan])]
    others = [tuple(np.round(random_points(rng, 1)[0], 2).tolist()), np.round(random_points(rng, 1)[0], 2).tolist()]
    check_each(student, "distance_to_optimum", [((x,), {}) for x in [*points, *others]], check)


def _synthetic_history(rng, n=30):
    """A path spiralling into (1, 1), with a detour, as (x, f(x)) pairs."""
    t = np.arange(n)
    radius = 2.0 * 0.7 ** t * (1 + 0.5 * (t % 5 == 3))
    angle = rng.uniform(0, 2 * np.pi) + 0.9 * t
    points = 1.0 + radius[:, None] * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    return [(p, REFERENCE.rosenbrock(p)) for p in points]


def _slow_history(rng, n=3001):
    """A path circling slowly into (1, 1): within 0.1 of it only after about 2,300 steps, never within 0.01."""
    t = np.arange(n)
    angle = rng.uniform(0, 2 * np.pi) + 0.05 * t
    points = 1.0 + (2.0 * 0.9987 ** t)[:, None] * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    return [(p, 0.0) for p in points]


@cell("test_steps_to_tolerance", points=2)
def test_steps_to_tolerance_first_index(student, rng):
    """steps_to_tolerance gives the first index within tol of (1, 1) (strictly: distance < tol), or None
    (also for tol = 0, even for a point at (1, 1) itself, and for histories as long as the milestone's,
    with the first such index past 2,000 or none); a nan point is not within tol; a history of one entry
    (a run that stopped at once) gives 0 or None; distances of 4e-7 and 5e-8 against tol = 1e-7,
    unrounded; the history is left as it was"""
    def check(result, args, kwargs):
        history, tol = args
        described = (f"<{len(history)} steps spiralling into (1, 1)>" if len(history) > 3 else
                     "[" + ", ".join(f"({point_text(x)}, f)" for x, _ in history) + "]")
        inputs = f"history={described}, tol={tol:g}"
        expect_unmodified("steps_to_tolerance", inputs, result)
        value, expected = result.value, REFERENCE.steps_to_tolerance(history, tol)
        if expected is None:
            expect(value is None, lambda: f"steps_to_tolerance({inputs}) returned {show(value)}; "
                                  "expected None: no point is that close")
        else:
            expect(not isinstance(value, bool) and isinstance(value, (int, np.integer))
                   and int(value) == expected,
                   lambda: f"steps_to_tolerance({inputs}) returned {show(value)}; expected {expected}, "
                   "the first index t with distance_to_optimum(history[t][0]) < tol")
    history = _synthetic_history(rng)
    calls = [((history, tol), {}) for tol in (1.0, 0.1, 0.01, 1e-3, 1e-9, 0.0)]
    # Distances 2, exactly 0.5 and 0.25: the first point strictly within 0.5 is the last.
    edge = [(np.array(p), REFERENCE.rosenbrock(np.array(p))) for p in ([1.0, 3.0], [1.0, 1.5], [1.0, 1.25])]
    calls += [((edge, 0.5), {}), ((history[3:], float(np.linalg.norm(history[3][0] - 1.0)) * 1.01), {}),
              ((history[::-1], 0.1), {})]
    start = [(np.array([1.0, 1.05]), REFERENCE.rosenbrock(np.array([1.0, 1.05])))]
    calls += [((start, 0.1), {}), ((start, 0.01), {})]
    close = [(np.array([1.0, 1.0 + d]), REFERENCE.rosenbrock(np.array([1.0, 1.0 + d]))) for d in (1e-3, 4e-7, 5e-8)]
    calls.append(((close, 1e-7), {}))
    # A run that left the numbers: a nan distance is not within any tol.
    lost = [(np.array([np.nan, np.nan]), np.nan), (np.array([np.inf, -np.inf]), np.inf)]
    calls += [((history[:2] + lost + history[-3:], 0.01), {}), ((history[:2] + lost, 0.01), {})]
    long = _slow_history(rng)
    calls += [((long, 0.1), {}), ((long, 0.01), {})]
    # tol = 0: a distance of exactly 0 is not below it either.
    calls.append(((start + [(np.array([1.0, 1.0]), 0.0)], 0.0), {}))
    check_each(student, "steps_to_tolerance", calls, check)
