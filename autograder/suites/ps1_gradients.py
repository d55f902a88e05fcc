"""Hidden suite of ``ps1_gradients``: derivatives, gradients and the chain rule."""

import numpy as np

from reference import gradients as REFERENCE

from ..checks import as_float, expect, expect_close, expect_unmodified, point_text
from ..failures import StudentError
from ..pure import check_each, check_planned
from ..suite import cell
from ..sandbox.landscapes import Bowl

ASSIGNMENT = "ps1_gradients"
GRADED = ("numerical_derivative", "numerical_gradient", "rel_error", "gradient_check",
          "sin_cos", "sin_cos_grad", "sin_squared_grad", "directional_derivative")
#: Graded as the student's own whole pipeline; never handed to student code.
PIPELINES = ()
#: Graded functions a student may build each function on, handed over as the
#: reference's (besides those the reference itself uses; see Student.dependencies).
USES = {}

# Values near zero (sin x + cos y, a derivative at a turning point) are compared
# with this floor, so that a rounding difference there is not a relative error.
NEAR_ZERO = 1e-3


class Ripples:
    """``f(x) = ½ vᵀAv + c·v + Σ_k w_k sin(u_k·v + b_k)`` with ``v = x`` flattened.

    A test function for difference quotients, defined for ``x`` of any shape: it
    is curved (a forward difference shows its O(h) error), its third derivatives
    are not small (the step ``h`` visibly matters) and its coordinates are
    coupled (a perturbation left behind in one coordinate changes the differences
    along the others). It answers no exercise.

    Examples
    --------
    >>> land = Ripples.random(np.random.default_rng(0), (2, 3))
    >>> x = land.point(np.random.default_rng(1))
    >>> x.shape, land.grad(x).shape, type(land.f(x)).__name__
    ((2, 3), (2, 3), 'float')
    """

    def __init__(self, a, c, u, b, w, shape, flat=None):
        self.a, self.c, self.u, self.b, self.w = (np.asarray(v, dtype=float) for v in (a, c, u, b, w))
        self.shape, self.flat = tuple(shape), flat

    def flat_along(self, k):
        """The same function with the flattened entry ``k`` left out: constant along it."""
        a, c, u = self.a.copy(), self.c.copy(), self.u.copy()
        a[k, :] = a[:, k] = c[k] = u[:, k] = 0.0
        return Ripples(a, c, u, self.b, self.w, self.shape, flat=k)

    @classmethod
    def random(cls, rng, shape=(2,), ripples=3):
        n = int(np.prod(shape, dtype=int))
        m = rng.standard_normal((n, n))
        a = (m + m.T) / (2.0 * np.sqrt(n))
        c = rng.choice([-1.0, 1.0], n) * rng.uniform(1.0, 2.0, n)
        u = rng.uniform(1.0, 2.0, (ripples, n)) * rng.choice([-1.0, 1.0], (ripples, n)) / np.sqrt(n)
        return cls(a, c, u, rng.uniform(0, 2 * np.pi, ripples), rng.uniform(0.5, 1.5, ripples), shape)

    def _v(self, x):
        return np.asarray(x, dtype=float).reshape(-1)

    def f(self, x):
        v = self._v(x)
        return float(0.5 * v @ self.a @ v + self.c @ v + self.w @ np.sin(self.u @ v + self.b))

    def grad(self, x):
        v = self._v(x)
        g = self.a @ v + self.c + (self.w * np.cos(self.u @ v + self.b)) @ self.u
        return g.reshape(self.shape)

    def point(self, rng, low=0.2):
        """A random point where every partial derivative is at least ``low`` in size."""
        for _ in range(1000):
            x = rng.uniform(-1.0, 1.0, self.shape)
            if np.min(np.abs(self.grad(x))) > low:
                return x
        raise RuntimeError("no point with a clear gradient")  # pragma: no cover

    def __str__(self):
        kind = "a number" if self.shape == () else f"an array of shape {self.shape}"
        flat = "" if self.flat is None else f", constant along flattened entry {self.flat}"
        return f"a smooth test function of {kind} (a quadratic plus sine ripples{flat})"


class Frobenius:
    """``f(X) = ½ ‖X B‖²`` for a matrix ``X``: a function that needs ``X`` as the
    matrix it is (its rows and columns), with gradient ``X B Bᵀ``. It answers no
    exercise.

    >>> land = Frobenius(np.eye(2))
    >>> land.f(np.array([[3.0, 4.0]])), land.grad(np.array([[3.0, 4.0]])).tolist()
    (12.5, [[3.0, 4.0]])
    """

    def __init__(self, b):
        self.b = np.asarray(b, dtype=float)

    def f(self, x):
        return float(0.5 * np.sum(x.dot(self.b) ** 2))

    def grad(self, x):
        return x.dot(self.b) @ self.b.T

    def __str__(self):
        return f"0.5 * sum((X @ B)**2) of a matrix X, B of shape {self.b.shape}"


class Scaled:
    """``s f(x)`` for a landscape ``f``: a function of another scale.

    >>> Scaled(Kink(k=0.25), 1e-11).f(1.25)
    1e-11
    """

    def __init__(self, land, s):
        self.land, self.s = land, float(s)

    def f(self, x):
        return self.s * self.land.f(x)

    def __str__(self):
        return f"{self.s:g} times {self.land}"


class Kink:
    """``f(x) = s |x - k|``: across the kink ``k`` its central difference is
    ``s (x - k) / h``, so it shows exactly which step ``h`` was taken, where a
    smooth function hides a step below 1e-5 in its rounding. It answers no exercise.

    Examples
    --------
    >>> Kink(k=0.25, s=2.0).f(1.0)
    1.5
    """

    def __init__(self, k, s=1.0):
        self.k, self.s = float(k), float(s)

    @classmethod
    def near(cls, rng, x, h, s=1.0):
        """A kink within ``h/2`` of ``x``."""
        return cls(x + rng.uniform(-0.5, 0.5) * h, s)

    def f(self, x):
        return self.s * abs(x - self.k)

    def __str__(self):
        return f"{self.s:g} * abs(x - {self.k!r})"


def _landscape(rng, shape):
    land = Ripples.random(rng, shape)
    return land, land.point(rng)


def _inputs(land, x, h=None):
    if np.ndim(x):
        shown = point_text(x)
    else:
        shown = f"np.array({float(x)!r})" if isinstance(x, np.ndarray) else repr(float(x))
    text = f"f=<{land}>, x={shown}"
    return text + (f", h={h:g}" if h is not None else "")


# -- numerical_derivative ---------------------------------------------------------
def _check_derivative(result, args, kwargs, land, rtol=1e-6):
    _, x = args
    inputs = _inputs(land, x, kwargs.get("h"))
    expect_close("numerical_derivative", inputs, as_float(result.value, "numerical_derivative", inputs),
                 REFERENCE.numerical_derivative(*args, **kwargs), rtol=rtol)
    if isinstance(x, np.ndarray):
        expect_unmodified("numerical_derivative", inputs, result)


def _derivative_call(rng, **kwargs):
    land, x = _landscape(rng, ())
    return (land.f, float(x)), kwargs, land


def _integer_derivative_call(rng):
    """At an integer x (a number too), where the derivative is clearly not 0."""
    land = Ripples.random(rng, ())
    x = next(x for x in rng.permutation(np.arange(-3, 4)) if abs(land.grad(float(x))) > 0.2)
    return (land.f, int(x)), {}, land


def _kink_call(rng, x, h=None, s=1.0):
    kink = Kink.near(rng, x, 1e-5 if h is None else h, s)
    return (kink.f, x), ({} if h is None else {"h": h}), kink


def _derivatives(student, shared, seed, test, check):
    recipes = {test_numerical_derivative_values: _numerical_derivative_values_calls,
               test_numerical_derivative_uses_h: _numerical_derivative_uses_h_calls}
    check_planned(student, shared, seed, "numerical_derivative", recipes, test, check)


def _numerical_derivative_values_calls(rng):
    calls = [_derivative_call(rng) for _ in range(5)] + [_integer_derivative_call(rng)]
    (f, x), kwargs, land = _derivative_call(rng)
    calls.append(((f, np.array(x)), kwargs, land))
    x = float(rng.uniform(-1.0, 1.0))
    calls += [_kink_call(rng, x, s=s) for s in (1.0, -3.0, 1e-7)]
    return calls


@cell("test_numerical_derivative", points=1)
def test_numerical_derivative_values(student, seed, shared):
    """numerical_derivative is the central difference (f(x + h) - f(x - h)) / (2h), of whichever f
    it is given (two functions at one x; a derivative of size 1e-7; an integer x; an x given as a 0-d
    array, which it leaves exactly as it was)"""
    _derivatives(student, shared, seed, test_numerical_derivative_values, _check_derivative)


def _numerical_derivative_uses_h_calls(rng):
    calls = [_derivative_call(rng, h=h) for h in (0.1, 1e-3)]
    at_zero = next(land for land in iter(lambda: Ripples.random(rng, ()), None) if abs(land.grad(0.0)) > 0.2)
    calls.append(((at_zero.f, 0.0), {"h": 0.1}, at_zero))
    calls += [_kink_call(rng, float(rng.uniform(4.0, 8.0)), h=0.1),
              _kink_call(rng, float(rng.uniform(-1.0, 1.0)) * 1e-6, h=1e-7),
              _kink_call(rng, float(rng.uniform(-1.0, 1.0)) * 1e-9, h=1e-10)]
    # The same formula rounds the same way: 1e-9 leaves room for (f(x+h) - f(x-h)) / 2 / h.
    calls += [_derivative_call(rng, h=1e-10) + (1e-9,) for _ in range(4)]
    (f, x), _, land = _integer_derivative_call(rng)
    calls.append(((f, x), {"h": 0.1}, land))
    return calls


@cell("test_numerical_derivative", points=1)
def test_numerical_derivative_uses_h(student, seed, shared):
    """numerical_derivative uses exactly the step h it is given (h = 0.1 and 0.001 on a smooth
    function, h = 0.1 at x = 0 and at an integer x too; at a kink, h = 0.1 at x between 4 and 8, h = 1e-7
    and 1e-10 near 0; h = 1e-10 on a smooth function, where the quotient's rounding shows any other
    step)"""
    _derivatives(student, shared, seed, test_numerical_derivative_uses_h, _check_derivative)


# -- numerical_gradient -----------------------------------------------------------
def _gradient_call(land, x, h=None, note=""):
    return (land.f, x), ({} if h is None else {"h": h}), land, note


def _check_gradient(result, args, kwargs, land, note, array=False, rtol=1e-6, floor=1e-8):
    expect_close("numerical_gradient", _inputs(land, args[1], kwargs.get("h")) + note, result.value,
                 REFERENCE.numerical_gradient(*args, **kwargs), array=array, rtol=rtol, floor=floor)


def _check_gradient_unmodified(result, args, kwargs, land, note):
    _check_gradient(result, args, kwargs, land, note)
    expect_unmodified("numerical_gradient", _inputs(land, args[1]), result)


def _integer_point(land, rng, low=0.2):
    """A point with integer entries (an int array) where every partial derivative
    is at least ``low`` in size."""
    for _ in range(1000):
        x = rng.integers(-2, 3, land.shape)
        if np.min(np.abs(land.grad(x))) > low:
            return x
    raise RuntimeError("no integer point with a clear gradient")  # pragma: no cover


def _gradients(student, shared, seed, test, check):
    recipes = {test_numerical_gradient_vectors: _numerical_gradient_vectors_calls,
               test_numerical_gradient_any_shape: _numerical_gradient_any_shape_calls,
               test_numerical_gradient_uses_h: _numerical_gradient_uses_h_calls,
               test_numerical_gradient_leaves_x: _numerical_gradient_leaves_x_calls}
    check_planned(student, shared, seed, "numerical_gradient", recipes, test, check)


def _numerical_gradient_vectors_calls(rng):
    calls = [_gradient_call(*_landscape(rng, shape)) for shape in ((3,), (5,))]
    # x.copy() of an integer array stays integer: x[i] += h is truncated away.
    land = Ripples.random(rng, (3,))
    calls.append(_gradient_call(land, _integer_point(land, rng), note=" as an integer array"))
    calls = [call + (True,) for call in calls]
    # float32 can't hold x + 1e-5 to more than two digits: difference in float64.
    land, x = _landscape(rng, (3,))
    calls.append(_gradient_call(land, x.astype(np.float32), note=" as a float32 array") + (True, 1e-4))
    return calls


@cell("test_numerical_gradient", points=1)
def test_numerical_gradient_vectors(student, seed, shared):
    """numerical_gradient takes a central difference along each coordinate of a vector (floats, float32
    or integers), and gives a float array"""
    _gradients(student, shared, seed, test_numerical_gradient_vectors, _check_gradient)


def _numerical_gradient_any_shape_calls(rng):
    calls = [_gradient_call(*_landscape(rng, shape)) for shape in ((2, 3), (2, 2, 2), ())]
    calls.append(_gradient_call(*_landscape(rng, (3, 1))))
    calls.append(_gradient_call(*_landscape(rng, (3, 5))))
    land, x = _landscape(rng, (2, 3))
    calls.append(_gradient_call(land, np.asfortranarray(x), note=" (in Fortran order)"))
    tiny, x = _landscape(rng, (4,))
    calls.append(_gradient_call(Scaled(tiny, 1e-11), x) + (False, 1e-6, 1e-30))
    # An entry of exactly 0 where the partial derivative is clearly not 0.
    land = Ripples.random(rng, (4,))
    x = land.point(rng)
    zero = int(np.argmax(np.abs([land.grad(np.where(np.arange(4) == i, 0.0, x))[i] for i in range(4)])))
    x[zero] = 0.0
    calls.append(_gradient_call(land, x))
    return calls


@cell("test_numerical_gradient", points=1)
def test_numerical_gradient_any_shape(student, seed, shared):
    """numerical_gradient works for x of any shape: (2, 3), (3, 1), (2, 2, 2), (3, 5) and a 0-d array, also
    in Fortran order (as x.T of a C-ordered array is), gradient of x's shape, every entry estimated (an entry
    of 0 too); and for a function of any scale (a gradient of size 1e-11 is not rounded to 0)"""
    _gradients(student, shared, seed, test_numerical_gradient_any_shape, _check_gradient)


def _numerical_gradient_uses_h_calls(rng):
    land, x = _landscape(rng, (4,))
    calls = [_gradient_call(land, x, h=0.1), _gradient_call(land, 4 * x, h=0.1)]
    return calls + [_gradient_call(*_landscape(rng, (2, 3)), h=0.1)]


@cell("test_numerical_gradient", points=1)
def test_numerical_gradient_uses_h(student, seed, shared):
    """numerical_gradient uses the step h it is given (h = 0.1), each difference from x itself, also
    where x is far from 0 and for a matrix x"""
    _gradients(student, shared, seed, test_numerical_gradient_uses_h, _check_gradient)


def _numerical_gradient_leaves_x_calls(rng):
    # Several arrays, 23 entries in all: adding h and subtracting it again restores
    # an entry exactly for about one float in four, so a few entries could hide it.
    calls = [_gradient_call(*_landscape(rng, shape)) for shape in ((4,), (3, 3), (2, 5))]
    land, x = _landscape(rng, (4,))
    calls.append(_gradient_call(land.flat_along(int(rng.integers(4))), x))
    return calls


@cell("test_numerical_gradient", points=1)
def test_numerical_gradient_leaves_x(student, seed, shared):
    """numerical_gradient leaves the caller's float array x as it was, also along an entry f does not
    depend on"""
    _gradients(student, shared, seed, test_numerical_gradient_leaves_x, _check_gradient_unmodified)


# -- rel_error --------------------------------------------------------------------
def _check_rel_error(result, args, kwargs, rtol=1e-6):
    a, b = args
    inputs = f"a={point_text(a) if np.ndim(a) else repr(a)}, b={point_text(b) if np.ndim(b) else repr(b)}"
    expect_close("rel_error", inputs, as_float(result.value, "rel_error", inputs),
                 REFERENCE.rel_error(a, b), rtol=rtol)
    return inputs


def _rel_errors(student, shared, seed, test, check):
    recipes = {test_rel_error_largest_entry: _rel_error_largest_entry_calls,
               test_rel_error_floor: _rel_error_floor_calls}
    check_planned(student, shared, seed, "rel_error", recipes, test, check)


def _rel_error_largest_entry_calls(rng):
    calls = []
    for shape in ((6,), (2, 3), (2, 2, 3)):
        a = rng.choice([-1.0, 1.0], shape) * 10.0 ** rng.uniform(-2, 2, shape)
        calls.append(((a, a * (1.0 + rng.uniform(-0.3, 0.3, shape))), {}))
    a = rng.uniform(0.5, 2.0, 4)
    calls.append(((a, a * (1.0 + rng.uniform(1e-9, 1e-8, 4))), {}, 1e-4))
    calls.append(((a, a * (1.0 + rng.uniform(2e-11, 1e-10, 4))), {}, 1e-3))
    a = rng.uniform(1.0, 5.0, 3) * 10.0 ** rng.uniform(8.5, 10, 3)
    calls.append(((a, a * (1.0 + rng.uniform(-1e-3, 1e-3, 3))), {}))
    a = float(rng.uniform(1, 3))
    calls.append(((a, -0.5 * a), {}))
    a = rng.uniform(0.5, 2.0, 4).astype(np.float32)
    calls.append(((a, (a * rng.uniform(0.8, 1.2, 4)).astype(np.float32)), {}, 1e-5))
    a = rng.integers(1, 9, 4)
    calls += [((a, a + rng.integers(-1, 2, 4)), {}), ((int(a[0]), int(a[0]) + 2), {}),
              ((a, a + rng.uniform(0.2, 0.8, 4)), {})]
    return calls


@cell("test_rel_error", points=1)
def test_rel_error_largest_entry(student, seed, shared):
    """rel_error is the largest elementwise |a - b| / (|a| + |b|), for arrays of any shape and numbers
    (floats and integers, an integer a with a float b too), also for values that agree to 8 digits (a
    passing gradient check, in float64) or to 10 (not 0: the error is about 1e-11), for entries above 1e8,
    and leaves a and b as they were"""
    def check(result, args, kwargs, rtol=1e-6):
        expect_unmodified("rel_error", _check_rel_error(result, args, kwargs, rtol), result)
    _rel_errors(student, shared, seed, test_rel_error_largest_entry, check)


def _rel_error_floor_calls(rng):
    tiny = rng.uniform(1e-10, 4e-9, 3)
    cases = [(0.0, 0.0), (np.zeros(3), np.zeros(3)), (np.array([0.0, 2.0]), np.array([1e-12, 2.0])),
             (tiny, 2.5 * tiny), (np.concatenate([tiny, [0.0]]), np.concatenate([-tiny, [0.0]])),
             (float(tiny[0]) / 2, float(3 * tiny[0]) / 2)]     # |a| + |b| below 1e-8 for numbers too
    cases.append((rng.uniform(0.5, 2.0, 3), np.zeros(3)))        # b = 0: a relative error of 1
    return [(case, {}) for case in cases]


@cell("test_rel_error", points=1)
def test_rel_error_floor(student, seed, shared):
    """rel_error divides by at least 1e-8, so entries that are both (nearly) zero don't blow up, and by
    |a| + |b| otherwise (a b of zeros gives 1, not |a|)"""
    _rel_errors(student, shared, seed, test_rel_error_floor, _check_rel_error)


# -- gradient_check ---------------------------------------------------------------
def _checks(student, cases, check):
    """``check(result, value, expected, inputs)`` of the student's gradient_check at
    each ``(land, x, grad_f, described, h)`` of ``cases`` (``h`` None for the default)."""
    def check_case(result, args, kwargs, land, described):
        _, grad_f, x = args
        h = kwargs.get("h")
        inputs = f"f=<{land}>, grad_f=<{described}>, x={point_text(x)}" + (f", h={h:g}" if h else "")
        check(result, as_float(result.value, "gradient_check", inputs),
              REFERENCE.gradient_check(*args, **kwargs), inputs)
    functions = {}  # one f per landscape: the same object in every call, as in a notebook
    calls = [((functions.setdefault(id(land), land.f), grad_f, x), ({} if h is None else {"h": h}), land,
              described) for land, x, grad_f, described, h in cases]
    check_each(student, "gradient_check", calls, check_case)


@cell("test_gradient_check", points=1)
def test_gradient_check_wrong_gradients(student, rng):
    """gradient_check gives rel_error(grad_f(x), numerical_gradient(f, x, h)) for wrong gradients (all
    zeros too), small errors (down to a relative 1e-7, which gives about 5e-8: the value itself, not 0) and
    one wrong entry of 150 too (every entry compared), for the same f at a second point and at an integer
    point (grad_f's values as they are, not rounded to integers), and twice the gradient of a function of
    scale 1e-12 (gradients below rel_error's floor of 1e-8: about 1e-4); a gradient with a nan entry (also
    where the true partial is 0) or of the wrong shape is not reported as right (a small number)"""
    land, x = _landscape(rng, (3,))
    wrong = [(lambda v: np.zeros(np.shape(v)), "zeros (no gradient at all)"),
             (lambda v: -land.grad(v), "minus the gradient"),
             (lambda v: 2.0 * land.grad(v), "twice the gradient"),
             (lambda v: land.grad(v)[::-1], "the gradient's entries in reverse order"),
             (lambda v: 1.01 * land.grad(v), "the gradient, 1% too large"),
             (lambda v: (1 + 2e-6) * land.grad(v), "the gradient, 2e-6 too large"),
             (lambda v: (1 + 1e-7) * land.grad(v), "the gradient, 1e-7 too large"),
             (lambda v: land.grad(v) + 0.1 * v, "the gradient plus 0.1 x"),
             (lambda v: land.grad(v) * [1.0, np.nan, 1.0], "the gradient with a nan in entry 1")]

    def check(result, value, expected, inputs):
        if np.isnan(expected):
            expect(not value < 1e-2, f"gradient_check({inputs}) returned {value:.3g}: a gradient with a nan "
                   "entry is wrong, so the check must not come out small (rel_error gives nan)")
        else:
            # Expected values of about 1e-6 carry the difference quotients' own error, about 1e-10.
            expect_close("gradient_check", inputs, value, expected,
                         rtol=1e-6 if expected > 1e-4 else 1e-3 if expected > 1e-7 else 0.05)
        expect_unmodified("gradient_check", inputs, result)
    cases = [(land, x, grad_f, described, None) for grad_f, described in wrong]
    # The same f and grad_f at a second point: the only case whose value depends on the point.
    cases.append((land, land.point(rng), *wrong[-2], None))
    cases.append((land, np.round(land.point(rng)).astype(int), *wrong[4], None))
    many, k = Ripples.random(rng, (150,)), int(rng.integers(150))

    def one_wrong(v):
        g = many.grad(v)
        g[k] *= 1.5
        return g
    cases.append((many, many.point(rng, low=0.05), one_wrong, f"its gradient with entry {k} 1.5 times too large",
                  None))
    faint = Scaled(land, 1e-12)
    cases.append((faint, x, lambda v: 2e-12 * land.grad(v), "twice the gradient", None))
    k = int(rng.integers(3))
    flat = land.flat_along(k)
    cases.append((flat, x, lambda v: flat.grad(v) + np.where(np.arange(3) == k, np.nan, 0.0),
                  f"its gradient with a nan in entry {k}, where f does not change", None))
    _checks(student, cases, check)
    # Two entries for a point of three: rel_error can't compare them, and a number is no answer.
    inputs = f"f=<{land}>, grad_f=<the gradient's first two entries>, x={point_text(x)}"
    try:
        value = student.call("gradient_check", land.f, lambda v: land.grad(v)[:2], x).value
    except StudentError:
        return
    expect(not as_float(value, "gradient_check", inputs) < 1e-2,
           lambda: f"gradient_check({inputs}) returned {value!r}; a gradient of the wrong shape is wrong, so "
           "the check must not come out small (comparing it with numerical_gradient raises an error)")


@cell("test_gradient_check", points=1)
def test_gradient_check_right_gradient(student, rng):
    """gradient_check of the exact gradient of a curved function is tiny (central differences), also for
    a function of a matrix, which f and grad_f get as the array x itself (also a column of shape (3, 1),
    not squeezed), and 0 at the minimum of a function of one coordinate (both gradients exactly 0)"""
    def check(result, value, expected, inputs):
        expect(abs(value - expected) <= 1e-8 + 1e-3 * expected,
               f"gradient_check({inputs}) returned {value:.3g}; expected about {expected:.1g}: "
               "the gradient is exact, so only the central difference's tiny error remains "
               "(a forward difference leaves about 1e-6). Use numerical_gradient(f, x, h)")
    cases = [(land, x, land.grad, "its exact gradient", None)
             for land, x in (_landscape(rng, shape) for shape in ((3,), (2, 2)))]
    matrix = Frobenius(rng.standard_normal((3, 2)))
    cases.append((matrix, rng.uniform(-1.0, 1.0, (2, 3)), matrix.grad, "its exact gradient, X.dot(B) @ B.T",
                  None))
    column = Frobenius(rng.standard_normal((1, 3)))
    cases.append((column, rng.uniform(-1.0, 1.0, (3, 1)), column.grad, "its exact gradient, X.dot(B) @ B.T",
                  None))
    bowl = Bowl(np.array([[rng.uniform(0.5, 2.0)]]), np.zeros(1))
    cases.append((bowl, np.zeros(1), bowl.grad, "its exact gradient", None))
    _checks(student, cases, check)


@cell("test_gradient_check", points=1)
def test_gradient_check_uses_h(student, rng):
    """gradient_check passes its step h on to numerical_gradient (h = 0.1, also for a 0-d x, and h = 1e-9,
    where rounding decides the value: that h, not one clamped to 1e-8)"""
    cases = [(land, x, land.grad, "its exact gradient", 0.1)
             for land, x in (_landscape(rng, shape) for shape in ((3,), ()))]
    fine, y = _landscape(rng, (3,))
    cases.append((fine, y, fine.grad, "its exact gradient", 1e-9))
    _checks(student, cases,
            lambda result, value, expected, inputs: expect_close("gradient_check", inputs, value, expected,
                                                                 rtol=1e-4))


# -- sin_cos and sin_cos_grad -------------------------------------------------------
def _random_points(rng, n=4):
    return rng.uniform(-2 * np.pi, 2 * np.pi, size=(n, 2))


def _sin_cos_checks(student, shared, seed, test, check):
    recipes = {test_sin_cos_values: _sin_cos_values_calls, test_sin_cos_stack: _sin_cos_stack_calls}
    check_planned(student, shared, seed, "sin_cos", recipes, test, check)


def _sin_cos_values_calls(rng):
    return [((xy.tolist() if n % 2 else xy,), {}, xy) for n, xy in enumerate(_random_points(rng))]


@cell("test_sin_cos", points=1)
def test_sin_cos_values(student, seed, shared):
    """sin_cos is sin(x) + cos(y) at random points (arrays and lists)"""
    def check(result, args, kwargs, xy):
        inputs = f"xy={point_text(xy)}" + (" as a list" if isinstance(args[0], list) else "")
        expect_close("sin_cos", inputs, as_float(result.value, "sin_cos", inputs),
                     REFERENCE.sin_cos(xy), floor=NEAR_ZERO)
    _sin_cos_checks(student, shared, seed, test_sin_cos_values, check)


def _sin_cos_stack_calls(rng):
    xs, ys = np.sort(rng.uniform(-3, 3, 4)), np.sort(rng.uniform(-3, 3, 3))
    return [((np.stack(np.meshgrid(xs, ys)),), {}, "np.stack(np.meshgrid(xs, ys))"),
            ((rng.uniform(-3, 3, (2, 5)),), {}, "an array of 5 points as columns"),
            ((rng.uniform(-3, 3, (2, 2)),), {}, "an array of 2 points as columns"),
            ((rng.uniform(-3, 3, (2, 1)),), {}, "an array of 1 point as a column"),
            ((np.zeros((2, 3)),), {}, "an array of 3 points at the origin as columns")]


@cell("test_sin_cos", points=1)
def test_sin_cos_stack(student, seed, shared):
    """sin_cos accepts a (2, ...) stack of coordinates, such as np.stack(np.meshgrid(xs, ys)), also
    when it is square: (2, 2) is two points as columns, and when every point is the origin (an array of
    ones)"""
    def check(result, args, kwargs, text):
        stack, = args
        expect_close("sin_cos", f"xy={text} of shape {stack.shape}", result.value, REFERENCE.sin_cos(stack),
                     floor=NEAR_ZERO)
    _sin_cos_checks(student, shared, seed, test_sin_cos_stack, check)


def _sin_cos_grads(student, shared, seed, test, check):
    recipes = {test_sin_cos_grad_values: _sin_cos_grad_values_calls,
               test_sin_cos_grad_lists_and_float32: _sin_cos_grad_lists_and_float32_calls}
    check_planned(student, shared, seed, "sin_cos_grad", recipes, test, check)


def _sin_cos_grad_values_calls(rng):
    near_top = np.array([np.pi / 2, 0.0]) + rng.uniform(1e-3, 3e-3, 2) * rng.choice([-1.0, 1.0], 2)
    points = list(_random_points(rng)) + [near_top]
    return [((xy,), {}) for xy in points]


@cell("test_sin_cos_grad", points=1)
def test_sin_cos_grad_values(student, seed, shared):
    """sin_cos_grad is [cos(x), -sin(y)] at random points and just beside the hilltop (π/2, 0), to full
    precision (an exact gradient, not a difference quotient), and leaves xy as it was"""
    def check(result, args, kwargs):
        xy, = args
        inputs = f"xy={point_text(xy)}"
        expect_close("sin_cos_grad", inputs, result.value, REFERENCE.sin_cos_grad(xy), rtol=1e-9,
                     floor=NEAR_ZERO)
        expect_unmodified("sin_cos_grad", inputs, result)
    _sin_cos_grads(student, shared, seed, test_sin_cos_grad_values, check)


def _sin_cos_grad_lists_and_float32_calls(rng):
    xy = _random_points(rng, 1)[0]
    return [((xy.tolist(),), {}, "a list"), ((np.round(xy).astype(int),), {}, "an integer array"),
            ((xy.astype(np.float32),), {}, "a float32 array"), ((np.zeros(2),), {}, "a float array")]


@cell("test_sin_cos_grad", points=1)
def test_sin_cos_grad_lists_and_float32(student, seed, shared):
    """sin_cos_grad works for plain lists, integer arrays and float32 arrays, and gives a float array (at
    the origin too)"""
    def check(result, args, kwargs, text):
        given, = args
        float32 = text == "a float32 array"
        expect_close("sin_cos_grad", f"xy={point_text(given)} as {text}", result.value,
                     REFERENCE.sin_cos_grad(np.asarray(given, dtype=float)),
                     rtol=1e-5 if float32 else 1e-6, floor=0.1 if float32 else NEAR_ZERO, array=True)
    _sin_cos_grads(student, shared, seed, test_sin_cos_grad_lists_and_float32, check)


# -- sin_squared_grad ---------------------------------------------------------------
def _sin_squared_grads(student, shared, seed, test, check):
    recipes = {test_sin_squared_grad_numbers: _sin_squared_grad_numbers_calls,
               test_sin_squared_grad_arrays: _sin_squared_grad_arrays_calls}
    check_planned(student, shared, seed, "sin_squared_grad", recipes, test, check)


def _sin_squared_grad_numbers_calls(rng):
    calls = [((float(x),), {}) for x in rng.uniform(-2 * np.pi, 2 * np.pi, 5)]
    calls += [((int(rng.integers(1, 4)),), {}), ((float(rng.uniform(7.0, 12.0)),), {}),
              ((-float(rng.uniform(7.0, 12.0)),), {})]
    # sin(x)**2 is within 1e-14 of 1 there: a central difference keeps only a few digits.
    calls += [((np.pi / 2 + sign * float(rng.uniform(low, 10 * low)),), {}, 1e-12)
              for sign, low in ((1, 1e-9), (-1, 1e-8))]
    calls.append(((round(float(rng.uniform(1e11, 1e12)), 1),), {}))   # a rounded 2π off by 1e-5 there
    return calls


@cell("test_sin_squared_grad", points=1)
def test_sin_squared_grad_numbers(student, seed, shared):
    """sin_squared_grad is the derivative of sin(x)**2 at random numbers x, integers and numbers
    beyond 2π (radians, all of them; near 1e11 too, where x reduced by a rounded 2π is off), and exactly,
    not a difference quotient, just beside π/2 where it is tiny"""
    def check(result, args, kwargs, floor=NEAR_ZERO):
        x, = args
        inputs = f"x={x!r}"
        expect_close("sin_squared_grad", inputs, as_float(result.value, "sin_squared_grad", inputs),
                     REFERENCE.sin_squared_grad(x), floor=floor)
    _sin_squared_grads(student, shared, seed, test_sin_squared_grad_numbers, check)


def _sin_squared_grad_arrays_calls(rng):
    calls = [((rng.uniform(-2 * np.pi, 2 * np.pi, shape),), {}) for shape in ((6,), (3, 4), (1,))]
    calls.append(((rng.integers(-6, 7, 5),), {}))
    calls.append(((rng.uniform(-12.0, 12.0, 6),), {}))
    # One where sin(x) is 0 first, then the same numbers in another shape, in this process.
    flat = np.concatenate([[0.0], rng.uniform(-2 * np.pi, 2 * np.pi, 3)])
    calls += [((flat,), {}), ((flat.reshape(2, 2),), {}), ((np.zeros(3),), {})]
    return calls


@cell("test_sin_squared_grad", points=1)
def test_sin_squared_grad_arrays(student, seed, shared):
    """sin_squared_grad works elementwise on arrays of shape (6,), (3, 4) and (1,), with angles beyond
    2π, on integers, on an array whose first entry is 0 and on the same numbers as a (2, 2) array, and on
    an array of zeros, giving a float array of the input's shape"""
    def check(result, args, kwargs):
        x, = args
        inputs = f"x={point_text(x)}" + (" as an integer array" if x.dtype.kind == "i" else "")
        expect_close("sin_squared_grad", inputs, result.value, REFERENCE.sin_squared_grad(x),
                     floor=NEAR_ZERO, array=True)
        expect_unmodified("sin_squared_grad", inputs, result)
    _sin_squared_grads(student, shared, seed, test_sin_squared_grad_arrays, check)


# -- directional_derivative ---------------------------------------------------------
def _check_direction(result, args, kwargs, floor=NEAR_ZERO):
    grad, u = args
    inputs = f"grad={point_text(grad)}, u={point_text(u)}"
    expect_close("directional_derivative", inputs,
                 as_float(result.value, "directional_derivative", inputs),
                 REFERENCE.directional_derivative(grad, u), floor=floor)
    return inputs


def _directionals(student, shared, seed, test, check):
    recipes = {test_directional_derivative_values: _directional_derivative_values_calls,
               test_directional_derivative_direction_only: _directional_derivative_direction_only_calls}
    check_planned(student, shared, seed, "directional_derivative", recipes, test, check)


def _directional_derivative_values_calls(rng):
    calls = []
    for dim in (2, 2, 3, 5, 1):
        grad = rng.uniform(-3, 3, dim)
        u = rng.standard_normal(dim)
        u *= rng.uniform(0.2, 3.0) / np.linalg.norm(u)
        calls.append(((grad, u), {}))
    calls.append(((rng.integers(-3, 4, 3), rng.integers(1, 5, 3)), {}))
    calls.append(((rng.uniform(-3, 3, 3), rng.integers(1, 5, 3)), {}))
    calls.append(((rng.uniform(-3, 3, 5000), rng.standard_normal(5000)), {}))
    calls.append(((rng.uniform(0.5, 1.0, 3) * 1e-4, rng.uniform(0.5, 2.0, 3)), {}))
    # Entries of 1 and -1 make no unit vector: norm([1, -1, 1]) is sqrt(3).
    calls.append(((rng.uniform(-3, 3, 3), np.array([1.0, -1.0, 1.0])), {}))
    return calls


@cell("test_directional_derivative", points=1)
def test_directional_derivative_values(student, seed, shared):
    """directional_derivative is grad · u / norm(u) for random vectors (u not a unit vector, also
    [1, -1, 1]), integer vectors, a float grad with an integer u, vectors of one entry and vectors of
    5,000 entries too, and a small rate (a grad of about 1e-4) to full precision"""
    _directionals(student, shared, seed, test_directional_derivative_values, _check_direction)


def _directional_derivative_direction_only_calls(rng):
    grad = rng.uniform(-3, 3, 3)
    u = rng.standard_normal(3)
    calls = [((grad, scale * u / np.linalg.norm(u)), {}) for scale in (1.0, 4.0, 0.1, 1e-8, 1e-9)]
    calls += [((grad, -2.5 * grad), {}), ((np.zeros(3), u), {})]
    # Tiny and perpendicular: 0, though np.allclose would call the two vectors equal.
    calls.append(((np.array([1e-9, 0.0]), np.array([0.0, 1e-9])), {}, 1e-300))
    return calls


@cell("test_directional_derivative", points=1)
def test_directional_derivative_direction_only(student, seed, shared):
    """directional_derivative depends only on u's direction (u along grad too, and u of length 1e-8 and
    1e-9), and
    leaves grad and u as they were; a zero gradient gives 0, and so does a u perpendicular to grad (both
    of length 1e-9 too)"""
    def check(result, args, kwargs, *floor):
        expect_unmodified("directional_derivative", _check_direction(result, args, kwargs, *floor), result)
    _directionals(student, shared, seed, test_directional_derivative_direction_only, check)
