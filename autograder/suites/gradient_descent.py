"""Hidden tests of ``gradient_descent``, shared by ps2_descent and ps3_rosenbrock.

Both assignments ask for the same function with the same semantics; a suite takes
these tests into its own namespace with an import, and they grade its cell
``test_gradient_descent``.
"""


import numpy as np

from reference.descent import gradient_descent as reference_gradient_descent

from ..checks import as_array, as_float, expect, expect_close, expect_unmodified, point_text, show
from ..pure import check_each, own_check
from ..suite import cell
from ..sandbox.landscapes import Bowl, MatrixBowl, ScalarWell


def _descent_inputs(bowl, x0, lr, n_steps, tol=None):
    integers = " (integers)" if np.asarray(x0).dtype.kind in "iu" else ""
    text = f"f, grad_f = {bowl}, x0={point_text(x0)}{integers}, lr={lr:g}, n_steps={n_steps}"
    return text + (f", tol={tol:g}" if tol is not None else "")


def _pair(value, function, inputs):
    expect(isinstance(value, (list, tuple)) and len(value) == 2,
           lambda: f"{function}({inputs}) returned {show(value)}; expected a pair (x, history)")
    return value


def returned_history(value):
    """The history part of a returned ``(x, history)``, as it came back, or None."""
    return value[1] if isinstance(value, (list, tuple)) and len(value) == 2 else None


def _history(value, function, inputs):
    x, history = _pair(value, function, inputs)
    expect(isinstance(history, (list, tuple)) and len(history) > 0,
           lambda: f"{function}({inputs}) returned a history of {show(history)}; expected a list of "
           "(x, f(x)) pairs")
    points, losses = [], []
    for t, entry in enumerate(history):
        expect(isinstance(entry, (list, tuple)) and len(entry) == 2,
               lambda: f"{function}({inputs}): history[{t}] is {show(entry)}; expected a pair (x, f(x))")
        points.append(as_array(entry[0], function, inputs))
        losses.append(as_float(entry[1], function, inputs))
    return as_array(x, function, inputs), points, losses


class _NoisyGradient:
    """A bowl's gradient plus ``sigma`` times a new standard normal draw at every call
    (as the noisy gradients of stochastic gradient descent), counting its calls."""

    def __init__(self, bowl, sigma, seed):
        self.bowl, self.sigma, self.seed = bowl, sigma, seed
        self.rng = np.random.default_rng(seed)
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return self.bowl.grad(x) + self.sigma * self.rng.standard_normal(np.shape(x))

    def __str__(self):
        return (f"f = {self.bowl}, grad_f = its gradient plus {self.sigma:g} * "
                f"rng.standard_normal(x.shape), a new draw at every call "
                f"(rng = np.random.default_rng({self.seed}))")


def _check_noisy_path(student, rng):
    """With a gradient whose values change from call to call, each step calls grad_f once
    and uses that g both for the stopping test and for the update."""
    bowl = Bowl.random(rng)
    sigma, seed = round(float(rng.uniform(0.2, 1.0)), 4), int(rng.integers(2**31))
    x0, lr, n_steps = rng.uniform(-3, 3, 2), 0.2, 12
    noisy = _NoisyGradient(bowl, sigma, seed)
    inputs = f"{noisy}, x0={point_text(x0)}, lr={lr:g}, n_steps={n_steps}"
    result = student.call("gradient_descent", bowl.f, noisy, x0, lr=lr, n_steps=n_steps)
    counted = _NoisyGradient(bowl, sigma, seed)
    _, expected = reference_gradient_descent(bowl.f, counted, x0, lr=lr, n_steps=n_steps)
    # The noise keeps the gradient far above tol, so the run takes all n_steps steps and
    # calls grad_f exactly n_steps times (counted.calls), once a step and never once more.
    expect(noisy.calls == counted.calls,
           lambda: f"gradient_descent({inputs}) called grad_f {noisy.calls} times; expected "
           f"{counted.calls}: at most n_steps times, compute g = grad_f(x), once a step (this run never "
           "stops early, so n_steps calls in all, none after the last step), and use that g both for "
           "the stopping test and for the update (a noisy gradient gives a different value at every call)")
    _, points, losses = _history(result.value, "gradient_descent", inputs)
    expect(len(points) == len(expected),
           f"gradient_descent({inputs}) returned a history of {len(points)} entries; expected "
           f"{len(expected)}: (x0, f(x0)) and then one entry per step")
    for t in range(1, len(expected)):
        expect_close("gradient_descent", inputs + f" → history[{t}][0] (one grad_f call per step)",
                     points[t], expected[t][0])
    expect_close("gradient_descent", inputs + " → history[-1][1]", losses[-1], expected[-1][1])


@cell("test_gradient_descent", points=2)
def test_gradient_descent_path(student, rng, sketch):
    """gradient_descent takes x - lr * grad_f(x) steps and records (x, f(x)) each step (f(x) as it is, on a
    bowl whose values are negative too); with a noisy
    grad_f (a new value at every call, as in SGD) each step calls it once and uses that g, so a run
    that never stops early calls it exactly n_steps times"""
    bowl = Bowl.random(rng)
    x0, lr, n_steps = rng.uniform(-3, 3, 2), 0.3, 25
    inputs = _descent_inputs(bowl, x0, lr, n_steps)

    def path(result):
        _, expected = reference_gradient_descent(bowl.f, bowl.grad, x0, lr=lr, n_steps=n_steps)
        sketch.descent(f"gradient_descent on {bowl}, lr={lr:g}, {n_steps} steps", bowl.values,
                       returned_history(result.value), expected, optimum=bowl.centre)
        x, points, losses = _history(result.value, "gradient_descent", inputs)
        expect(len(points) == len(expected),
               f"gradient_descent({inputs}) returned a history of {len(points)} entries; expected "
               f"{len(expected)}: (x0, f(x0)) and then one entry per step")
        expect_close("gradient_descent", inputs + " → history[0][0]", points[0], x0)
        expect_close("gradient_descent", inputs + " → history[0][1]", losses[0], expected[0][1])
        for t in (1, 2, len(expected) - 1):
            expect_close("gradient_descent", inputs + f" → history[{t}][0]", points[t], expected[t][0])
            expect_close("gradient_descent", inputs + f" → history[{t}][1]", losses[t], expected[t][1])
        expect_close("gradient_descent", inputs + " → x (the last point)", x, expected[-1][0])
    # The first call is judged where it was made, once: its picture is drawn once.
    calls = [((bowl.f, bowl.grad, x0), {"lr": lr, "n_steps": n_steps}, path), _negative_losses(rng)]
    check_each(student, "gradient_descent", calls, own_check)
    _check_noisy_path(student, rng)


def _negative_losses(rng):
    """A call on a bowl whose floor is below 0, and its check: every recorded loss is
    f(x) itself, negative."""
    bowl = Bowl.random(rng)
    bowl = Bowl(bowl.a, bowl.centre, -float(rng.uniform(2.0, 5.0)))
    x0, lr, n_steps = bowl.centre + rng.uniform(0.5, 1.0, 2) * rng.choice([-1, 1], 2), 0.3, 8
    inputs = _descent_inputs(bowl, x0, lr, n_steps)

    def judge(result):
        _, expected = reference_gradient_descent(bowl.f, bowl.grad, x0, lr=lr, n_steps=n_steps)
        _, _, losses = _history(result.value, "gradient_descent", inputs)
        expect_close("gradient_descent", inputs + " → the losses in history (f(x) as it is, below 0 here)",
                     losses, [loss for _, loss in expected])
    return (bowl.f, bowl.grad, x0), {"lr": lr, "n_steps": n_steps}, judge


def _defaults_bowl(rng):
    """A bowl and a start on which each default of gradient_descent shows.

    The slow direction has curvature 1.5, so with lr = 0.1 its gradient shrinks by
    0.85 a step, from 1.5 to 3 down to about 2e-7 after 99 steps: a run with tol=1e-8
    takes all 100 steps, one with tol=1e-6 stops after about 85, one with more steps
    goes on (it stops near step 117), and lr = 0.01 is far from the path after one step.
    The fast direction (curvature 2.5 to 4) has died out long before.
    """
    q, _ = np.linalg.qr(rng.standard_normal((2, 2)))
    a = q @ np.diag([1.5, rng.uniform(2.5, 4.0)]) @ q.T
    bowl = Bowl(0.5 * (a + a.T), rng.uniform(-2, 2, 2))
    offset = q @ np.array([rng.choice([-1.0, 1.0]) * rng.uniform(1.0, 2.0), rng.uniform(-2.0, 2.0)])
    return bowl, bowl.centre + offset


def _defaults(rng):
    """A call with f, grad_f and x0 alone, and its check: it must run with lr=0.1,
    n_steps=100, tol=1e-8."""
    bowl, x0 = _defaults_bowl(rng)
    inputs = f"f, grad_f = {bowl}, x0={point_text(x0)}"

    def judge(result):
        _, points, _ = _history(result.value, "gradient_descent", inputs)
        _, expected = reference_gradient_descent(bowl.f, bowl.grad, x0, lr=0.1, n_steps=100, tol=1e-8)
        defaults = "the defaults lr=0.1, n_steps=100, tol=1e-8"
        expect(len(points) == len(expected),
               f"gradient_descent({inputs}) returned a history of {len(points)} entries; expected "
               f"{len(expected)}, as with {defaults} (on this bowl the gradient's norm is still above "
               "1e-8 after 100 steps)")
        expect_close("gradient_descent", inputs + f" → history[1][0] (with {defaults})", points[1],
                     expected[1][0])
        expect_close("gradient_descent", inputs + f" → x (with {defaults})", result.value[0],
                     expected[-1][0])
    return (bowl.f, bowl.grad, x0), {}, judge


class _VanishingOnce:
    """A bowl's gradient, except at call number ``vanish``, which returns zeros: a
    gradient whose value changes from call to call (as a noisy one does) and falls
    below any tol at one call only. A run calls ``grad_f`` once a step, as
    ``g = grad_f(x)`` says, so the call number is the step's."""

    def __init__(self, bowl, vanish):
        self.bowl, self.vanish, self.calls = bowl, vanish, 0

    def __call__(self, x):
        self.calls += 1
        g = self.bowl.grad(x)
        return np.zeros_like(g) if self.calls == self.vanish else g

    def __str__(self):
        return (f"f = {self.bowl}, grad_f = its gradient, except that call number {self.vanish} of "
                "grad_f returns zeros (a gradient that changes from call to call, as a noisy one does)")


def _check_stops_for_good(student, rng):
    """A gradient below tol at one step stops the run there, even though grad_f would
    return larger values at later calls."""
    bowl = Bowl.random(rng)
    vanish = int(rng.integers(3, 7))
    x0, lr, n_steps = bowl.centre + rng.uniform(1.0, 3.0, 2) * rng.choice([-1, 1], 2), 0.2, 12
    grad_f = _VanishingOnce(bowl, vanish)
    inputs = f"{grad_f}, x0={point_text(x0)}, lr={lr:g}, n_steps={n_steps}"
    result = student.call("gradient_descent", bowl.f, grad_f, x0, lr=lr, n_steps=n_steps)
    _, expected = reference_gradient_descent(bowl.f, _VanishingOnce(bowl, vanish), x0, lr=lr,
                                             n_steps=n_steps)
    x, points, _ = _history(result.value, "gradient_descent", inputs)
    expect(len(points) == len(expected),
           f"gradient_descent({inputs}) returned a history of {len(points)} entries; expected "
           f"{len(expected)}: at step {vanish} norm(grad_f(x)) = 0 < tol, so the run stops there for good, "
           "before updating (it does not go on to later steps)")
    expect_close("gradient_descent", inputs + " → x (the last point)", x, expected[-1][0])


def _tol_run(bowl, x0, lr, n_steps, tol):
    """A call with ``tol``, and its check: the run stops as soon as the gradient's norm
    is below tol, before taking that step, and ends where the reference's does."""
    inputs = _descent_inputs(bowl, x0, lr, n_steps, tol)

    def judge(result):
        _, points, losses = _history(result.value, "gradient_descent", inputs)
        with np.errstate(over="ignore", invalid="ignore"):
            _, expected = reference_gradient_descent(bowl.f, bowl.grad, x0, lr=lr, n_steps=n_steps, tol=tol)
        expect(len(points) == len(expected),
               f"gradient_descent({inputs}) returned a history of {len(points)} entries; expected "
               f"{len(expected)}: stop as soon as norm(grad_f(x)) < tol, before taking that step")
        expect_close("gradient_descent", inputs + " → history[0][1] (f(x0) for this f)", losses[0],
                     expected[0][1])
        expect_close("gradient_descent", inputs + " → x", result.value[0], expected[-1][0], array=True)
    return (bowl.f, bowl.grad, x0), {"lr": lr, "n_steps": n_steps, "tol": tol}, judge


@cell("test_gradient_descent", points=1)
def test_gradient_descent_stops_at_tol(student, rng):
    """gradient_descent stops, before updating, once the gradient's norm is below tol (strictly
    below: a norm equal to tol takes the step, a nan norm too; for a matrix x, the norm of all its
    entries, not a matrix norm; and tol = 0 never stops a run, not even
    at the minimum, where each step leaves x where it was and is still recorded, while a tol as small as
    1e-12 stops a run that starts at the minimum at once, with n_steps = 1 too; lr = 0 takes and records
    every step; a start at the origin, on a bowl centred elsewhere, runs like any other), and
    stops for good (a grad_f that changes from call to call and is below tol at one step only ends
    the run at that step); an integer x0 still gives a float x;
    one run after another, each with its own history (two bowls from the same x0: each records its
    own f and ends at its own x, also with the same lr, n_steps and tol); called with f, grad_f and x0 alone it uses the defaults lr=0.1, n_steps=100, tol=1e-8"""
    random = Bowl.random(rng)
    centred = Bowl(np.eye(2), [0.0, 0.0])
    at_minimum = Bowl(np.eye(2), rng.integers(-3, 4, 2))
    steep = Bowl(2.0 * np.eye(2), rng.uniform(-2, 2, 2))
    other = Bowl.random(rng)
    # grad_f(x0) = (3, 4) has norm 5 exactly; at_minimum starts where the gradient is 0;
    # steep with lr = 50 overflows to nan after about 156 steps and takes all 200.
    # The short runs come first: the grader watches what the first calls returned.
    # other starts where centred did: its history records its own f, not centred's.
    runs = [(centred, np.array([3.0, 4.0]), 0.5, 10, 5.0),
            (other, np.array([3.0, 4.0]), 0.5, 10, 1e-8),
            (at_minimum, at_minimum.centre.astype(int), 0.1, 10, 1e-8),
            (at_minimum, at_minimum.centre.astype(float), 0.1, 5, 0.0),
            (Bowl.random(rng), np.array([3.0, 4.0]), 0.2, 20, 0.0),
            (random, random.centre + rng.uniform(-1, 1, 2), 0.5, 500, 1e-3),
            (steep, steep.centre + rng.uniform(-1, 1, 2), 50.0, 200, 1e-8)]
    # From a start whose gradient has two equal singular values, the gradient only shrinks (by 0.9 a
    # step), so its norm (sqrt(2) times its largest singular value, np.linalg.norm(g, 2)) drops below
    # tol about three steps after that singular value does.
    plane = MatrixBowl(Bowl(np.eye(6), rng.uniform(-2, 2, 6)), (2, 3))
    rows = np.linalg.qr(rng.standard_normal((3, 2)))[0].T * rng.uniform(0.5, 2.0)
    runs.append((plane, plane.centre + rows, 0.1, 500, 1e-3))
    runs.insert(2, (Bowl.random(rng), np.array([3.0, 4.0]), 0.5, 10, 5.0))   # centred's settings, another f
    runs += [(at_minimum, at_minimum.centre.astype(float), 0.1, 1, 1e-12),
             (centred, np.array([3.0, 4.0]), 0.0, 6, 1e-8), (other, np.zeros(2), 0.5, 10, 1e-8)]

    calls = [_tol_run(*run) for run in runs] + [_defaults(rng)]
    check_each(student, "gradient_descent", calls, own_check)
    _check_stops_for_good(student, rng)


@cell("test_gradient_descent", points=1)
def test_gradient_descent_leaves_x0(student, rng):
    """gradient_descent leaves the caller's x0 as it was, and works from a number x0 (as the quartic
    needs), returning a number, from an x0 of shape (1,) and from a 2×3 matrix x0, whose shape x and
    every recorded point keep (entry by entry: no transposing)"""
    bowl = Bowl.random(rng)
    x0 = rng.uniform(-3, 3, 2)
    inputs = _descent_inputs(bowl, x0, 0.1, 5)

    def unmodified(result):
        expect_unmodified("gradient_descent", inputs, result)
        _, points, _ = _history(result.value, "gradient_descent", inputs)
        expect_close("gradient_descent", inputs + " → history[0][0]", points[0], x0)
    calls = [((bowl.f, bowl.grad, x0), {"lr": 0.1, "n_steps": 5}, unmodified)]
    well = ScalarWell.random(rng)
    number = float(well.centre + rng.choice([-1, 1]) * rng.uniform(0.5, 1.5))
    where = f"f, grad_f = {well}, x0={number:.6g}, lr=0.1, n_steps=8"

    def from_a_number(result):
        x, _, _ = _history(result.value, "gradient_descent", where)
        expected, _ = reference_gradient_descent(well.f, well.grad, number, lr=0.1, n_steps=8)
        expect_close("gradient_descent", where + " → x", as_float(x, "gradient_descent", where), expected)
    calls.append(((well.f, well.grad, number), {"lr": 0.1, "n_steps": 8}, from_a_number))
    line = Bowl.random(rng, dim=1)
    calls.append(_shape_kept(line, line.centre + rng.choice([-1.0, 1.0], 1) * rng.uniform(0.5, 1.5, 1)))
    plane = MatrixBowl.random(rng)
    calls.append(_shape_kept(plane, plane.centre + rng.uniform(-1.5, 1.5, plane.shape)))
    check_each(student, "gradient_descent", calls, own_check)


def _shape_kept(land, x0):
    """A call of four steps from an x0 of an unusual shape, and its check: the final x
    matches the reference's entry by entry, and every recorded point has x0's shape (its
    values are other tests' concern)."""
    inputs = _descent_inputs(land, x0, 0.1, 4)

    def judge(result):
        x, points, _ = _history(result.value, "gradient_descent", inputs)
        expected, _ = reference_gradient_descent(land.f, land.grad, x0, lr=0.1, n_steps=4)
        expect_close("gradient_descent", inputs + " → x", x, expected, array=True)
        for t, point in enumerate(points):
            expect(point.shape == x0.shape, lambda: f"gradient_descent({inputs}): history[{t}][0] has "
                   f"shape {point.shape}; expected {x0.shape}, x0's shape")
    return (land.f, land.grad, x0), {"lr": 0.1, "n_steps": 4}, judge
