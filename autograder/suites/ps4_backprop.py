"""Hidden suite of ``ps4_backprop``: manual backpropagation.

Backward passes are graded with the student's own forward pass: the cache comes
from ``student.call("<layer>_forward", ...)`` and goes back, as plain data, to
``student.call("<layer>_backward", dout, cache)``. Expected gradients come from
the formulas of the curriculum evaluated at the inputs the suite chose, so any
cache layout that carries what the student's backward pass needs is accepted.
The forward calls of a cell's tests are made in one copy of the notebook's state
and their backward calls in another (:func:`_backwards`), so a cache kept in a
global instead of returned still fails.
"""

import numpy as np

from reference import backprop as REFERENCE

from ..checks import (as_array, as_float, as_float_array, expect, expect_close, expect_new,
                      expect_unmodified, is_close, show)
from ..failures import NotPlainData, StudentCrash, StudentError, StudentFailure, StudentTimeout
from ..pure import check_among, check_each, check_planned, own_check, plans
from ..student import Handle
from ..suite import cell

ASSIGNMENT = "ps4_backprop"
GRADED = ("sigmoid", "two_layer_forward", "two_layer_backward", "linear_forward",
          "linear_backward", "relu_forward", "relu_backward", "sigmoid_forward",
          "sigmoid_backward", "mse_loss", "bce_with_logits", "softmax_cross_entropy", "l2_step",
          "init_mlp", "mlp_loss_and_grads", "train_mlp")
#: Graded as the student's own whole pipeline; never handed to student code.
PIPELINES = ()
#: Graded functions a student may build each function on, handed over as the
#: reference's (besides those the reference itself uses; see Student.dependencies).
USES = {"sigmoid_forward": ("sigmoid",), "sigmoid_backward": ("sigmoid",), "two_layer_forward": ("sigmoid",),
        "two_layer_backward": ("sigmoid",),
        "bce_with_logits": ("sigmoid",)}

PARAMS = ("W1", "b1", "W2", "b2")


# -- helpers ------------------------------------------------------------------------
def _text(array):
    """An input for a message: small arrays in full, larger ones by shape."""
    array = np.asarray(array)
    if array.size <= 8:
        return show(array)
    return f"<{array.dtype} array of shape {array.shape}>"


def _args(**named):
    return ", ".join(f"{k}={_text(v) if isinstance(v, np.ndarray) else show(v)}"
                     for k, v in named.items())


def _pair(value, function, inputs, what):
    expect(isinstance(value, (list, tuple)) and len(value) == 2,
           lambda: f"{function}({inputs}) returned {show(value)}; expected a pair {what}")
    return value


def _has_objects(value):
    if isinstance(value, Handle) or callable(value):
        return True
    if isinstance(value, (list, tuple)):
        return any(_has_objects(v) for v in value)
    if isinstance(value, dict):
        return any(_has_objects(v) for v in value.values())
    return False


def _plain_cache(cache, function, inputs):
    expect(not _has_objects(cache),
           lambda: f"{function}({inputs}) returned a cache holding an object or a function "
           f"({show(cache)}); keep a cache plain data (a tuple, list or dict of arrays and "
           "numbers): it is handed to your backward pass as data")
    return cache


def _forward_parts(result, function, inputs):
    """``(out, cache)`` of the student's forward pass ``function``."""
    out, cache = _pair(result.value, function, inputs, "(out, cache)")
    lazy = [path[1:] for path in result.lazy if path[:1] == [1]]
    expect(not lazy, lambda: f"{function}({inputs}) returned a cache holding a generator or an iterator "
           f"(at cache{''.join(f'[{k!r}]' for k in lazy[0])}); keep a cache plain data (a tuple, list or "
           "dict of arrays and numbers): a generator can be read only once, so a second backward pass "
           "from the same cache would get nothing")
    return out, _plain_cache(cache, function, inputs)


def _caches(student, function, cases):
    """The caches of the student's own forward pass at each ``(args, inputs)`` of
    ``cases`` (``inputs``: the args for a message), all in one process."""
    return check_each(student, function, [(args, {}, inputs) for args, inputs in cases],
                      lambda result, args, kwargs, inputs: _forward_parts(result, function, inputs)[1])


def _backwards(student, shared, drawn, plan, layer, check, dout=True):
    """``check(result, args, extra, inputs)`` of the student's ``<layer>_backward`` at each
    ``(args, extra, inputs)`` case of ``drawn[plan]`` (:func:`~autograder.pure.plans`),
    called with ``(extra, cache)`` (``extra`` is dout), or with the cache alone if not
    ``dout``, the cache from their own ``<layer>_forward(*args)``.

    The calls of every plan of the cell are made at once (:func:`check_among`): the
    forward calls in one copy of the notebook's state, the backward calls in another.
    """
    forward, backward = f"{layer}_forward", f"{layer}_backward"

    def cache_of(result, args, kwargs, inputs):
        return _forward_parts(result, forward, inputs)[1]
    forwards = shared.once(("calls", forward), lambda: {
        name: [(args, {}, inputs) for args, _, inputs in cases] for name, (cases, _) in drawn.items()})

    def backward_calls(name, caches):
        return [((extra, cache) if dout else (cache,), {}, args, extra, inputs)
                for (args, extra, inputs), cache in zip(drawn[name][0], caches)]

    caches = check_among(student, shared, forward, forwards, plan, cache_of)

    def every_backward_call():
        calls = {}
        for name in drawn:
            try:   # a plan whose forward calls fail has no backward calls
                calls[name] = backward_calls(name, caches if name == plan else
                                             check_among(student, shared, forward, forwards, name, cache_of))
            except (AssertionError, StudentFailure):
                pass
        return calls
    backwards = shared.once(("calls", backward), every_backward_call)
    judge = lambda result, call_args, kwargs, *case: check(result, *case)  # noqa: E731
    if plan not in backwards:   # its forward calls failed only when made for another test
        return check_each(student, backward, backward_calls(plan, caches), judge)
    return check_among(student, shared, backward, backwards, plan, judge)


def _sizes(rng, count=3, low=2, high=7):
    """``count`` distinct sizes, so that a transposed result has the wrong shape."""
    return [int(n) for n in rng.choice(np.arange(low, high + 1), size=count, replace=False)]


def _sigmoid(z):
    return np.asarray(REFERENCE.sigmoid(np.asarray(z, dtype=float)), dtype=float)


# -- sigmoid ----------------------------------------------------------------------------
def _sigmoids(student, shared, seed, test, check):
    recipes = {test_sigmoid_values: _sigmoid_values_calls, test_sigmoid_large: _sigmoid_large_calls}
    check_planned(student, shared, seed, "sigmoid", recipes, test, check)


def _sigmoid_values_calls(rng):
    zs = (float(rng.normal(0, 3)), rng.normal(0, 4, size=int(rng.integers(2, 9))),
          rng.normal(0, 4, size=tuple(_sizes(rng, 2))), rng.integers(-4, 5, size=5),
          rng.normal(0, 4, size=(5, 8)),             # 40 elements
          rng.normal(0, 4, size=1), rng.normal(0, 4, size=(1, 1)))   # one element: still an array
    calls = [((z,), {}) for z in zs]
    calls.append(((zs[4].reshape(8, 5),), {}))   # the 40 numbers again, in another shape
    calls.append(((zs[4].reshape(2, 4, 5),), {}))
    start = float(rng.uniform(-3.0, 3.0))   # nearby inputs: each its own value
    calls.append(((np.linspace(start, start + 0.001, 11),), {},
                  f"z=np.linspace({start!r}, {start + 0.001!r}, 11)"))
    calls.append(((np.zeros(3),), {}))   # an array of 0.5s, not the number 0.5
    calls.append(((rng.uniform(-32.0, -28.0, 3),), {}))   # about 1e-13: not rounded to 0
    return calls


@cell("test_sigmoid", points=1)
def test_sigmoid_values(student, seed, shared):
    """sigmoid matches 1 / (1 + exp(-z)) on numbers and on arrays of any shape and size (40 elements
    too, the same 40 numbers in other shapes, 3-D too, and one element: shapes (1,) and (1, 1) are kept), of
    floats or of integers, each element to full precision (11 inputs within 0.001 of each other too, and
    values near 1e-13 for z near -30, not rounded), an array of zeros giving an array of 0.5s,
    an array giving an array of float64 (not float32 or np.longdouble)"""
    def check(result, args, kwargs, label=None):
        z, = args
        inputs, value = label or f"z={_text(np.asarray(z))}", result.value
        if np.ndim(z) == 0:
            value = as_float(value, "sigmoid", inputs)
        expect_close("sigmoid", inputs, value, 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float))),
                     array=np.ndim(z) > 0)
        if np.ndim(z) > 0:
            expect(value.dtype == np.float64,
                   lambda: f"sigmoid({inputs}) returned an array of {value.dtype}; expected float64, "
                   "numpy's float (compute in float64: exponentiate -abs(z), which never overflows)")
        expect_unmodified("sigmoid", inputs, result)
    _sigmoids(student, shared, seed, test_sigmoid_values, check)


def _sigmoid_large_calls(rng):
    """An array of large and moderate z, then large numbers."""
    z = rng.choice([-1.0, 1.0], size=16) * rng.uniform(100, 1000, size=16)
    z[:8] = [-1000.0, 1000.0, -2e4, 2e4, -1e5, 1e5, -rng.uniform(710, 745), rng.uniform(710, 745)]
    z[-2:] = rng.normal(0, 2, size=2)
    scalars = (-800.0, 800.0, -1e5, 1e5, -float(rng.uniform(710, 745)), float(rng.uniform(710, 745)))
    # exp(709.9) overflows, though 709.9 < 710.
    return [((z,), {})] + [((z,), {}) for z in scalars] + [((np.array([-709.9, 0.5]),), {})]


@cell("test_sigmoid", points=1)
def test_sigmoid_large(student, seed, shared):
    """sigmoid gives finite, correct values for abs(z) in the hundreds and far beyond (±2e4, ±1e5),
    beside moderate ones, on arrays and on numbers (within 1e-16 of 0 for z of -100 and below, not
    clipped away from it), without overflow warnings (for abs(z) between 710 and 745 too, where exp
    overflows and a float64's smallest numbers still don't, and for z = -709.9: exp(709.9) overflows too)"""
    def check(result, args, kwargs):
        z, = args
        if np.ndim(z) == 0:
            inputs = f"z={z!r}"
            expect_close("sigmoid", inputs, as_float(result.value, "sigmoid", inputs), _sigmoid(z))
        else:
            inputs = f"z={_text(z)}"
            value = as_array(result.value, "sigmoid", inputs)
            expect(np.all(np.isfinite(value)),
                   lambda: f"sigmoid({inputs}) returned {show(value)}: nan or inf for large abs(z). Compute "
                   "it from exp(-abs(z)), which never overflows")
            expect_close("sigmoid", inputs, value, _sigmoid(z), floor=1e-10)
            expect_unmodified("sigmoid", inputs, result)
        _no_overflow(result, inputs)
    _sigmoids(student, shared, seed, test_sigmoid_large, check)


def _no_overflow(result, inputs):
    overflows = [text for text in result.warned if "overflow" in text]
    expect(not overflows, lambda: f"sigmoid({inputs}) gave the right values but warned ({overflows[0]}); "
           "compute it without overflow: exponentiate only -abs(z), which is never positive")


# -- two_layer_forward and two_layer_backward ---------------------------------------------
def _scalars(rng):
    return [float(v) for v in rng.uniform(-2.5, 2.5, size=5)]


def _scalar_inputs(x, w1, b1, w2, b2):
    return ", ".join(f"{name}={value!r}" for name, value in
                     zip(("x", "w1", "b1", "w2", "b2"), (x, w1, b1, w2, b2)))


@cell("test_two_layer_forward", points=1)
def test_two_layer_forward_values(student, rng):
    """two_layer_forward returns (y, cache) with y = σ(w2 σ(w1 x + b1) + b2) (the same x with other w1
    and b1 too; at x = 0 and at w1 = 0, where h = σ(b1), not σ(0), for b1 != 0; a tiny w1 = 1e-9 times a
    large x = 1e8; the same w1 and b1 with another x), for Python integers too, exact for a saturated output
    (y about 1e-9, and about 1e-17: not floored) and to full precision for weights in the thousands"""
    def check(result, args, kwargs):
        inputs = _scalar_inputs(*args)
        y, _ = _forward_parts(result, "two_layer_forward", inputs)
        expect_close("two_layer_forward", inputs + " → y", as_float(y, "two_layer_forward", inputs),
                     REFERENCE.two_layer_forward(*args)[0])
    values = [tuple(_scalars(rng)) for _ in range(5)]
    x, _, _, w2, b2 = values[0]
    w1, b1 = (float(v) for v in rng.uniform(-2.5, 2.5, size=2))
    values.append((x, w1, b1, w2, b2))   # the first x again: the hidden unit depends on w1 and b1 too
    w1, b1 = (float(v) for v in rng.uniform(-2.5, 2.5, size=2))
    values.append((0.0, w1, b1, w2, b2))   # no input: the hidden unit is still σ(b1)
    x, _, _, _, b2 = _scalars(rng)   # no weight on the input: h = σ(b1), with b1 clearly not 0
    b1 = float(rng.choice([-1.0, 1.0]) * rng.uniform(1.0, 2.5))
    w2 = float(rng.choice([-1.0, 1.0]) * rng.uniform(2.0, 4.0))
    values.append((x, 0.0, b1, w2, b2))
    values.append(tuple(int(v) for v in rng.integers(-3, 4, size=5)))   # numbers: Python ints too
    _, _, b1, w2, b2 = _scalars(rng)
    w2 = float(np.copysign(rng.uniform(2.0, 4.0), w2))   # y depends clearly on h
    values.append((1e8, 1e-9, b1, w2, b2))   # a tiny weight, a large input: w1 x = 0.1
    x, w1, b1, w2 = _scalars(rng)[:4]
    values.append((x, w1, b1, w2, -float(rng.uniform(18, 24))))   # saturated: y about 1e-9
    for _ in range(3):   # large weights: w2 h + b2 is a small difference of numbers in the thousands
        x, w1, b1 = _scalars(rng)[:3]
        w2 = float(rng.choice([-1.0, 1.0]) * rng.uniform(2e3, 5e3))
        b2 = float(-w2 * _sigmoid(w1 * x + b1) + rng.normal())
        values.append((x, w1, b1, w2, b2))
    _, w1, b1, w2, b2 = values[0]
    values.append((float(rng.uniform(-2.5, 2.5)), w1, b1, w2, b2))   # the hidden unit depends on x too
    x, w1, b1, w2 = _scalars(rng)[:4]
    values.append((x, w1, b1, w2, -float(rng.uniform(38, 42))))   # y about 4e-18: not floored
    check_each(student, "two_layer_forward", [(args, {}) for args in values], check)


def _two_layer_cases(rng, n, extra=()):
    """``[(values, None, inputs)]``: ``n`` random inputs, then those of ``extra``."""
    return [(tuple(values), None, _scalar_inputs(*values))
            for values in [_scalars(rng) for _ in range(n)] + list(extra)]


def _two_layer_plans(shared, seed):
    return plans(shared, seed, {test_two_layer_backward_keys: lambda rng: _two_layer_cases(rng, 1),
                                 test_two_layer_backward_values: lambda rng: _two_layer_cases(
                                     rng, 5, _two_layer_extra(rng))})


def _two_layer_backwards(student, shared, seed, test, check):
    """``check(grads, where, values)`` of the student's two_layer_backward at the inputs
    of ``test``'s plan, with the caches of their own two_layer_forward."""
    def check_grads(result, values, _, inputs):
        where = f"cache of two_layer_forward({inputs})"
        grads = result.value
        expect(isinstance(grads, dict) and {"w1", "b1", "w2", "b2", "x"} <= set(grads),
               lambda: f"two_layer_backward({where}) returned {show(grads)}; expected a dict with keys "
               "'w1', 'b1', 'w2', 'b2', 'x'")
        check(grads, where, values)
    _backwards(student, shared, _two_layer_plans(shared, seed), test.__name__, "two_layer", check_grads,
               dout=False)


@cell("test_two_layer_backward", points=1)
def test_two_layer_backward_keys(student, seed, shared):
    """two_layer_backward returns a dict of numbers with keys w1, b1, w2, b2, x"""
    def check(grads, where, values):
        for key in ("w1", "b1", "w2", "b2", "x"):
            as_float(grads[key], "two_layer_backward", f"{where} → [{key!r}]")
    _two_layer_backwards(student, shared, seed, test_two_layer_backward_keys, check)


def _two_layer_extra(rng):
    """Inputs where a unit saturates, w2 = 0, the numbers are Python integers, or the
    derivatives exceed 1 (see :func:`test_two_layer_backward_values`)."""
    x, w1, b1, w2, _ = _scalars(rng)
    extra = [(x, w1, b1, 0.0, 40.0),                                  # y rounds to 1.0
             (x, w1, b1, 0.0, float(rng.uniform(-2.0, 2.0))),         # w2 = 0: dy/dw2 = y(1-y) h
             (x, w1, b1, w2, float(-15.0 - w2 * _sigmoid(w1 * x + b1)))]  # σ'(z2) about 3e-7
    for sign in (1.0, -1.0):   # a saturated hidden unit: σ'(z1) about 3e-7
        x, w1, w2, b2 = _scalars(rng)[:4]
        extra.append((x, w1, float(sign * 15.0 - w1 * x), w2, b2))
    x, w1, w2, b2 = _scalars(rng)[:4]
    extra.append((x, w1, float(40.0 - w1 * x), w2, b2))
    extra.append(tuple(int(v) for v in rng.choice([-2, -1, 1, 2], size=5)))   # no 0: that is a case of its own
    x, w2 = float(rng.uniform(8.0, 12.0)), float(rng.uniform(15.0, 25.0))   # derivatives above 1
    extra.append((x, 0.01, -0.01 * x, w2, float(-w2 / 2)))   # z1 = z2 = 0 (no 0 in w1: a case of its own)
    return extra


@cell("test_two_layer_backward", points=2)
def test_two_layer_backward_values(student, seed, shared):
    """two_layer_backward gives dy/dw1, dy/db1, dy/dw2, dy/db2 and dy/dx by the chain rule, also for
    saturated units: an output unit with w2 h + b2 = 40 (y == 1.0, every derivative 0) or about -15,
    w2 = 0 (dy/dw2 = dy/dz2 · h and dy/db2 = dy/dz2 are not 0 then), and a hidden unit with w1 x + b1
    about ±15 or 40 (h == 1.0: dy/dw2 = dy/dz2 · h is not 0), derivatives above 1 (x about 10, w2 about
    20: not clipped), and for Python integers (their cache too)"""
    def check(grads, where, values):
        expected = REFERENCE.two_layer_backward(REFERENCE.two_layer_forward(*values)[1])
        for key in ("w2", "b2", "w1", "b1", "x"):
            expect_close("two_layer_backward", f"{where} → [{key!r}]",
                         as_float(grads[key], "two_layer_backward", where), expected[key])
    _two_layer_backwards(student, shared, seed, test_two_layer_backward_values, check)


# -- linear_forward and linear_backward ---------------------------------------------------
def _linear_inputs(rng):
    n, d, m = _sizes(rng)
    return rng.normal(size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)


def _linear_forwards(student, shared, seed, test, check):
    recipes = {test_linear_forward_values: _linear_forward_calls, test_linear_forward_float32: _linear_float32_calls}
    check_planned(student, shared, seed, "linear_forward", recipes, test, check)


def _linear_forward_calls(rng):
    calls = [(_linear_inputs(rng), {}) for _ in range(3)]
    n, d, m = _sizes(rng)
    calls += [((rng.normal(size=(1, d)), rng.normal(size=(d, m)), rng.normal(size=m)), {}),
              ((rng.normal(size=(n, d)), rng.normal(size=(d, 1)), rng.normal(size=1)), {}),
              ((rng.integers(-3, 4, size=(n, d)), rng.normal(size=(d, m)), rng.normal(size=m)), {}),
              ((rng.integers(-3, 4, size=(n, d)), rng.integers(-3, 4, size=(d, m)),
                rng.normal(size=m)), {})]
    rows = int(rng.choice([k for k in range(20, 40) if k % 8]))   # a larger batch
    calls.append(((rng.normal(size=(rows, d)), rng.normal(size=(d, m)), rng.normal(size=m)), {}))
    calls.append(((rng.normal(size=(n, d)), rng.normal(size=(d, d)), rng.normal(size=d)), {}))   # W: x @ W, not W.T
    return calls


def _linear_float32_calls(rng):
    return [(tuple(v.astype(np.float32) for v in _linear_inputs(rng)), {})]


@cell("test_linear_forward", points=1)
def test_linear_forward_values(student, seed, shared):
    """linear_forward returns (x @ W + b, cache) of shape (N, M) for random batches (one row, 20 to 39
    rows, one output unit and a square W (D = M) too, and an integer x with float W and b: a float
    result), leaving its inputs alone"""
    def check(result, args, kwargs):
        x, W, b = args
        inputs = _args(x=x, W=W, b=b)
        out, _ = _forward_parts(result, "linear_forward", inputs)
        expect_close("linear_forward", inputs + " → out", out,
                     x.astype(float) @ W.astype(float) + b.astype(float))
        expect_unmodified("linear_forward", inputs, result)
    _linear_forwards(student, shared, seed, test_linear_forward_values, check)


@cell("test_linear_forward", points=1)
def test_linear_forward_float32(student, seed, shared):
    """linear_forward works for float32 inputs"""
    def check(result, args, kwargs):
        x, W, b = args
        inputs = _args(x=x, W=W, b=b)
        out, _ = _forward_parts(result, "linear_forward", inputs)
        expected = x.astype(float) @ W.astype(float) + b.astype(float)
        expect_close("linear_forward", inputs + " → out", out, expected, rtol=1e-4, floor=0.1)
    _linear_forwards(student, shared, seed, test_linear_forward_float32, check)


def _linear_cases(rng):
    """``[((x, W, b), dout, inputs)]``: seven random inputs (one with a single output
    unit, M = 1, one with a single row, N = 1, one with large entries, one with integer
    x and W and a float dout)."""
    inputs = [_linear_inputs(rng) for _ in range(3)]
    n, d, _ = _sizes(rng)
    inputs.append((rng.normal(size=(n, d)), rng.normal(size=(d, 1)), rng.normal(size=1)))  # M = 1
    inputs.append((rng.normal(size=(1, d)), rng.normal(size=(d, n)), rng.normal(size=n)))  # N = 1
    cases = [((x, W, b), rng.normal(size=(x.shape[0], W.shape[1])), _args(x=x, W=W, b=b))
             for x, W, b in inputs]
    x, W, b = (20.0 * v for v in _linear_inputs(rng))   # large entries: gradients in the hundreds
    cases.append(((x, W, b), 20.0 * rng.normal(size=(x.shape[0], W.shape[1])), _args(x=x, W=W, b=b)))
    n, d, m = _sizes(rng)   # integer x and W, float dout: float gradients
    x, W, b = rng.integers(-3, 4, size=(n, d)), rng.integers(-3, 4, size=(d, m)), rng.normal(size=m)
    cases.append(((x, W, b), rng.normal(size=(n, m)), _args(x=x, W=W, b=b)))
    n, d, m = _sizes(rng)   # x of zeros: dW is 0, dx = dout @ W.T is not
    x, W, b = np.zeros((n, d)), rng.normal(size=(d, m)), rng.normal(size=m)
    cases.append(((x, W, b), rng.normal(size=(n, m)), _args(x=x, W=W, b=b)))
    return cases


def _linear_backwards(student, shared, seed, check):
    """``check(where, value, expected, result)`` of the student's linear_backward
    (dx, dW, db) at the inputs of :func:`_linear_cases`, with their own caches; the
    cell's three tests check one set of calls."""
    def check_triple(result, args, dout, inputs):
        where = f"dout={_text(dout)}, cache of linear_forward({inputs})"
        value = result.value
        expect(isinstance(value, (list, tuple)) and len(value) == 3,
               lambda: f"linear_backward({where}) returned {show(value)}; expected a triple (dx, dW, db)")
        x, W, _ = args
        x, W = x.astype(float), W.astype(float)
        check(where, value, (dout @ W.T, x.T @ dout, dout.sum(axis=0)), result)
    _backwards(student, shared, plans(shared, seed, {test_linear_backward_dx: _linear_cases}),
               "test_linear_backward_dx", "linear", check_triple)


@cell("test_linear_backward", points=1)
def test_linear_backward_dx(student, seed, shared):
    """linear_backward's dx is dout @ W.T, of x's shape (a single row and large entries too, integer x and W with a
    float dout: float values, not truncated, and an x of zeros, which dx does not depend on)"""
    def check(where, value, expected, result):
        expect_close("linear_backward", where + " → dx", value[0], expected[0])
        expect_unmodified("linear_backward", where, result)
    _linear_backwards(student, shared, seed, check)


@cell("test_linear_backward", points=1)
def test_linear_backward_dW(student, seed, shared):
    """linear_backward's dW is x.T @ dout, of W's shape (a single row and large entries too, and integer x and W with a
    float dout: float values, not truncated)"""
    _linear_backwards(student, shared, seed, lambda where, value, expected, _: expect_close(
        "linear_backward", where + " → dW", value[1], expected[1]))


@cell("test_linear_backward", points=1)
def test_linear_backward_db(student, seed, shared):
    """linear_backward's db is dout summed over the batch, of b's shape (M,), also for a single output
    unit (M = 1), for a single row (N = 1: still shape (M,)), for large entries and for integer x and W"""
    _linear_backwards(student, shared, seed, lambda where, value, expected, _: expect_close(
        "linear_backward", where + " → db", value[2], expected[2]))


# -- relu_forward and relu_backward --------------------------------------------------------
def _relu_input(rng, zeros=0.0):
    x = rng.normal(size=tuple(_sizes(rng, 2)))
    if zeros:
        x[rng.random(x.shape) < zeros] = 0.0
    return x


@cell("test_relu_forward", points=1)
def test_relu_forward_values(student, rng):
    """relu_forward returns (max(x, 0), cache), elementwise: out a float array of x's shape for a float x
    (1-D and 3-D arrays, a 0-d array, one element of shape (1,) or (1, 1), an all-negative batch and
    inputs in the tens too), and leaves x alone"""
    def check(result, args, kwargs):
        x, = args
        inputs = f"x={_text(x)}"
        out, _ = _forward_parts(result, "relu_forward", inputs)
        expect_close("relu_forward", inputs + " → out", out, np.maximum(x, 0.0), array=np.ndim(x) > 0)
        expect_unmodified("relu_forward", inputs, result)
    inputs = [_relu_input(rng, zeros=0.2) for _ in range(3)]
    inputs.append(-np.abs(_relu_input(rng)) - 0.1)   # every unit off: out is all zeros, still floats
    inputs += [rng.normal(size=_sizes(rng, 1)), rng.normal(size=tuple(_sizes(rng, 3, high=5)))]  # 1-D, 3-D
    inputs.append(20.0 * _relu_input(rng))   # no cap above: max(x, 0) is x for x = 30 too
    inputs += [rng.normal(size=shape) for shape in ((1,), (1, 1))]   # one element keeps its shape
    inputs.append(np.array(-abs(float(rng.normal())) - 0.1))
    check_each(student, "relu_forward", [((x,), {}) for x in inputs], check)


def _relu_cases(rng, zeros, tiny=False, integer=False, shapes=False, positive=False):
    """``[((x,), dout, inputs)]``: three random inputs, a fraction ``zeros`` of them
    exactly 0 (the third with a dout in the tens); with ``tiny``, a fourth input holds
    tiny numbers (±1e-9, ±1e-12) beside others; with ``integer``, another is an integer
    array (dout stays float); with ``shapes``, two more are 1-D and 3-D; with
    ``positive``, one more is positive everywhere."""
    inputs = [_relu_input(rng, zeros) for _ in range(3)]
    if positive:   # every unit on: dx equals dout, yet is an array of its own
        inputs.append(np.abs(_relu_input(rng)) + 0.1)
    if tiny:
        x = rng.normal(size=(2, 4))
        x[0] = [1e-9, -1e-9, 1e-12, -1e-12]
        inputs.append(x)
    if integer:
        inputs.append(rng.integers(-3, 4, size=tuple(_sizes(rng, 2))))
    if shapes:
        inputs += [rng.normal(size=_sizes(rng, 1)), rng.normal(size=tuple(_sizes(rng, 3, high=5)))]
    return [((x,), rng.normal(size=x.shape) * (30.0 if k == 2 else 1.0), f"x={_text(x)}")
            for k, x in enumerate(inputs)]


def _relu_nonnegative_case(rng):
    """An input with no negative entry, some of them exactly 0."""
    x = np.abs(_relu_input(rng, 0.4))
    x.flat[0] = 0.0
    return [((x,), rng.normal(size=x.shape), f"x={_text(x)}")]


def _relu_backwards(student, shared, seed, test, check):
    """``check(x, where, dx, dout, result)`` of the student's relu_backward at the inputs
    of ``test``'s plan, with their own caches."""
    def check_dx(result, args, dout, inputs):
        x, = args
        where = f"dout={_text(dout)}, cache of relu_forward({inputs})"
        check(x, where, as_array(result.value, "relu_backward", where, shape=x.shape), dout, result)
    drawn = plans(shared, seed, {
        test_relu_backward_values: lambda rng: _relu_cases(rng, 0.0, tiny=True, integer=True, shapes=True,
                                                           positive=True),
        test_relu_backward_at_zero: lambda rng: _relu_cases(rng, 0.4) + _relu_nonnegative_case(rng)})
    _backwards(student, shared, drawn, test.__name__, "relu", check_dx)


@cell("test_relu_backward", points=1)
def test_relu_backward_values(student, seed, shared):
    """relu_backward passes dout through where x > 0 (tiny positives like 1e-9 too, and a dout in the
    tens as it is) and blocks it where x < 0, elementwise (also when every x is positive); dx is a float
    array of x's shape, also for an integer x (with a float dout) and for 1-D and 3-D x"""
    def check(x, where, dx, dout, result):
        expect_close("relu_backward", where + " → dx", result.value, np.where(x > 0, dout, 0.0),
                     array=True)
        expect_unmodified("relu_backward", where, result)
    _relu_backwards(student, shared, seed, test_relu_backward_values, check)


@cell("test_relu_backward", points=1)
def test_relu_backward_at_zero(student, seed, shared):
    """relu_backward gives 0 wherever x <= 0, at exactly 0 too (also where no entry of x is negative)"""
    def check(x, where, dx, dout, _):
        expect(not np.any(dx[x == 0] != 0),
               lambda: f"relu_backward({where}) returned {show(dx)}: nonzero where x is exactly 0. "
               "Use the subgradient 0 there: pass dout only where x > 0")
        expect_close("relu_backward", where + " → dx", dx, np.where(x > 0, dout, 0.0))
    _relu_backwards(student, shared, seed, test_relu_backward_at_zero, check)


# -- sigmoid_forward and sigmoid_backward ------------------------------------------------------
@cell("test_sigmoid_forward", points=1)
def test_sigmoid_forward_values(student, rng):
    """sigmoid_forward returns (σ(x), cache) of x's shape for arrays of any shape (1-D, 2-D, 3-D, a
    0-d array, one element of shape (1,) or (1, 1), an empty batch of 0 rows, and the first x's numbers in another shape too), finite for
    abs(x) in the hundreds, σ(inf) = 1 and σ(-inf) = 0 beside finite x, and floats for an integer x;
    each call's out is its own (a later call of the same shape leaves it alone)"""
    def check(result, args, kwargs):
        x, = args
        inputs = f"x={_text(x)}"
        out, _ = _forward_parts(result, "sigmoid_forward", inputs)
        out = as_array(out, "sigmoid_forward", inputs, shape=x.shape)
        expect(np.all(np.isfinite(out)),
               lambda: f"sigmoid_forward({inputs}) returned {show(out)}: nan or inf for large abs(x)")
        expect_close("sigmoid_forward", inputs + " → out", out, _sigmoid(x))
        expect_unmodified("sigmoid_forward", inputs, result)
    calls = [((_sigmoid_input(rng, scale, ndim),), {})
             for scale, ndim in ((3.0, 2), (3.0, 1), (3.0, 3), (400.0, 2))]
    calls.append(((rng.integers(-4, 5, size=tuple(_sizes(rng, 2, low=2, high=5))),), {}))
    calls.append(((np.array(rng.normal(0, 3.0)),), {}))          # a 0-d array: an array too
    calls += [((rng.normal(0, 3.0, size=shape),), {}) for shape in ((1,), (1, 1))]   # one element
    calls.append(((np.zeros((0, int(rng.integers(2, 5)))),), {}))  # an empty batch
    x = rng.normal(0, 3.0, size=tuple(_sizes(rng, 2, low=2, high=4)))
    x.flat[:2] = [np.inf, -np.inf]   # the limits: σ(inf) = 1, σ(-inf) = 0
    calls.append(((x,), {}))
    first, = calls[0][0]
    calls.append(((first.reshape(first.shape[::-1]).copy(),), {}))  # the same numbers, another shape
    calls.append(((rng.normal(0, 3.0, size=first.shape),), {}))    # other numbers, the first shape
    check_each(student, "sigmoid_forward", calls, check)


def _sigmoid_input(rng, scale, ndim=2):
    x = rng.normal(0, scale, size=tuple(_sizes(rng, ndim, low=2, high=5)))
    if scale > 100:
        x.flat[:2] = [-1000.0, 1000.0]
    return x


def _sigmoid_cases(rng, scale, ndims, integer=False, saturating=False):
    """``[((x,), dout, inputs)]``: random inputs of about ``scale``, one with each number
    of dimensions in ``ndims``; with ``integer``, one more with an integer dout and one
    with every x between 0 and 1; with ``saturating``, one more with abs(x) between 11.5
    and 18 (σ'(x) about 1e-5 to 1e-8) and one holding inf and -inf (σ'(x) = 0 there)."""
    cases = []
    for ndim in ndims:
        x = _sigmoid_input(rng, scale, ndim)
        cases.append(((x,), rng.normal(size=x.shape), f"x={_text(x)}"))
    if saturating:
        x = rng.uniform(11.5, 18.0, size=tuple(_sizes(rng, 2, low=2, high=4)))
        x.flat[0] = -x.flat[0]
        cases.append(((x,), rng.normal(size=x.shape), f"x={_text(x)}"))
        x = rng.normal(0, 3.0, size=tuple(_sizes(rng, 2, low=2, high=4)))
        x.flat[:2] = [np.inf, -np.inf]
        cases.append(((x,), rng.normal(size=x.shape), f"x={_text(x)}"))
    if integer:
        x = _sigmoid_input(rng, scale, 2)
        cases.append(((x,), rng.integers(-4, 5, size=x.shape), f"x={_text(x)}"))
        x = rng.uniform(0.05, 0.95, size=tuple(_sizes(rng, 2, low=2, high=4)))   # every x in (0, 1)
        cases.append(((x,), rng.normal(size=x.shape), f"x={_text(x)}"))
    return cases


def _sigmoid_plans(shared, seed):
    return plans(shared, seed, {
        test_sigmoid_backward_values: lambda rng: _sigmoid_cases(rng, 2.0, (2, 1, 3, 2), integer=True),
        test_sigmoid_backward_large: lambda rng: _sigmoid_cases(rng, 400.0, (2,), saturating=True)})


def _sigmoid_backwards(student, shared, seed, test, check):
    """``check(where, dx, expected, result)`` of the student's sigmoid_backward at the
    inputs of ``test``'s plan, with their own caches."""
    def check_dx(result, args, dout, inputs):
        x, = args
        where = f"dout={_text(dout)}, cache of sigmoid_forward({inputs})"
        s = _sigmoid(x)
        check(where, as_array(result.value, "sigmoid_backward", where, shape=x.shape),
              dout * s * (1.0 - s), result)
    _backwards(student, shared, _sigmoid_plans(shared, seed), test.__name__, "sigmoid", check_dx)


@cell("test_sigmoid_backward", points=1)
def test_sigmoid_backward_values(student, seed, shared):
    """sigmoid_backward gives dout · σ(x) (1 - σ(x)), a float array of x's shape, for arrays of any
    shape (0-d, 1-D, 2-D, 3-D), for an integer dout too, and for an x whose every entry lies between 0
    and 1 (σ(x) is not x)"""
    def check(where, dx, expected, result):
        expect_close("sigmoid_backward", where + " → dx", result.value, expected, array=True)
        expect_unmodified("sigmoid_backward", where, result)
    _sigmoid_backwards(student, shared, seed, test_sigmoid_backward_values, check)
    # A 0-d x, whose cache the student's forward pass makes; a forward pass that fails there has
    # lost its own test's point already.
    _, rng = _sigmoid_plans(shared, seed)["test_sigmoid_backward_values"]
    x, dout = np.array(rng.normal(0, 2.0)), np.array(rng.normal())
    try:
        cache, = _caches(student, "sigmoid_forward", [((x,), f"x={_text(x)}")])
    except (AssertionError, StudentError, StudentCrash, StudentTimeout, NotPlainData):
        return
    s = _sigmoid(x)
    where = f"dout={_text(dout)}, cache of sigmoid_forward(x={_text(x)})"
    result = student.call("sigmoid_backward", dout, cache)
    expect_close("sigmoid_backward", where + " → dx", as_array(result.value, "sigmoid_backward", where, shape=()),
                 dout * s * (1.0 - s))


@cell("test_sigmoid_backward", points=1)
def test_sigmoid_backward_large(student, seed, shared):
    """sigmoid_backward stays finite and correct for abs(x) in the hundreds, correct for abs(x) between
    11.5 and 18, where σ'(x) is about 1e-5 to 1e-8 but not 0, and 0 at x = inf and -inf"""
    def check(where, dx, expected, _):
        expect(np.all(np.isfinite(dx)),
               lambda: f"sigmoid_backward({where}) returned {show(dx)}: nan or inf for large abs(x). "
               "Reuse the forward pass's σ(x) from the cache")
        expect_close("sigmoid_backward", where + " → dx", dx, expected)
    _sigmoid_backwards(student, shared, seed, test_sigmoid_backward_large, check)


# -- mse_loss ----------------------------------------------------------------------------------
def _mse_cases(rng):
    """``[((pred, y), inputs)]`` for a vector, a column, a matrix and a single row (N = 1)."""
    n, k = _sizes(rng, 2)
    pairs = [(rng.normal(size=shape), rng.normal(size=shape)) for shape in ((n,), (n, 1), (n, k), (1, k))]
    return [((pred, y), _args(pred=pred, y=y)) for pred, y in pairs]


def _mse_edge_cases(rng):
    """``[((pred, y), inputs)]``: a perfect prediction, errors in the thousands,
    targets in the thousands with errors of about 0.01, and errors near a million."""
    n, k = _sizes(rng, 2)
    y = rng.normal(size=(n, k))
    cases = [(y.copy(), y)]
    y = rng.normal(size=n)
    cases.append((y + rng.choice([-1.0, 1.0], size=n) * rng.uniform(2e3, 5e3, size=n), y))
    y = rng.uniform(2e3, 8e3, size=(n, 1))
    cases.append((y + 0.01 * rng.normal(size=(n, 1)), y))
    y = rng.normal(size=n)
    cases.append((y + rng.choice([-1.0, 1.0], size=n) * rng.uniform(3e5, 3e6, size=n), y))
    return [((pred, y), _args(pred=pred, y=y)) for pred, y in cases]


def _loss_parts(result, function, inputs, what, unmodified=False):
    loss, grad = _pair(result.value, function, inputs, what)
    loss = as_float(loss, function, inputs + " → loss")
    if unmodified:
        expect_unmodified(function, inputs, result)
    return loss, grad


def _loss_pairs(student, shared, seed, function, recipes, test, what, check, unmodified=False):
    """``check(loss, grad, *args, inputs)`` of the student's ``function`` at each
    ``(args, inputs)`` of ``test``'s plan (:func:`~autograder.pure.plans`), the calls of the cell's
    plans made in one process (:func:`check_among`)."""
    def check_pair(result, args, kwargs, inputs):
        check(*_loss_parts(result, function, inputs, what, unmodified), *args, inputs)
    check_planned(student, shared, seed, function, recipes, test, check_pair,
                  calls=lambda cases: [(args, {}, inputs) for args, inputs in cases])


def _mse_pairs(student, shared, seed, test, check, unmodified=False):
    recipes = {test_mse_loss_value: _mse_value_cases, test_mse_loss_gradient: _mse_gradient_cases}
    _loss_pairs(student, shared, seed, "mse_loss", recipes, test, "(loss, dpred)", check, unmodified)


def _mse_value_cases(rng):
    n = int(rng.integers(3, 8))
    y = rng.normal(size=n)
    pred = y + rng.normal(size=n)
    pred[0] = y[0]   # the first error exactly 0, the others not
    return _mse_cases(rng) + [((pred, y), _args(pred=pred, y=y))] + _mse_edge_cases(rng)


@cell("test_mse_loss", points=1)
def test_mse_loss_value(student, seed, shared):
    """mse_loss's loss is sum((pred - y)²) / (2N), N the number of rows (one row of K outputs: N = 1),
    for vectors, columns and matrices: exactly 0 for a perfect
    prediction, right when only the first error is exactly 0, and to full precision for errors above
    1000 (and near a million) and for targets in the thousands with small errors"""
    def check(loss, _, pred, y, inputs):
        expect_close("mse_loss", inputs + " → loss", loss, np.sum((pred - y) ** 2) / (2 * len(pred)))
    _mse_pairs(student, shared, seed, test_mse_loss_value, check, unmodified=True)


def _mse_gradient_cases(rng):
    n, k = _sizes(rng, 2)
    pred, y = rng.integers(-5, 6, size=(n, k)), rng.integers(-5, 6, size=(n, k))
    cases = _mse_cases(rng) + [((pred, y), _args(pred=pred, y=y))] + _mse_edge_cases(rng)
    pred, y = rng.integers(-5, 6, size=(n, k)), rng.normal(size=(n, k))
    cases.append(((pred, y), _args(pred=pred, y=y)))
    shape = cases[0][0][0].shape   # other numbers of the first call's shape, twice in a row
    for _ in range(2):
        pred, y = rng.normal(size=shape), rng.normal(size=shape)
        cases.append(((pred, y), _args(pred=pred, y=y)))
    return cases


@cell("test_mse_loss", points=1)
def test_mse_loss_gradient(student, seed, shared):
    """mse_loss's dpred is (pred - y) / N, a float array of pred's shape (one row: N = 1), also for
    integer pred and y, an integer pred with a float y,
    for a perfect prediction (an array of zeros shaped like pred, not the number 0), for errors above
    1000 (and near a million: the formula, not a difference quotient) and for targets in the thousands
    with small errors; each call's dpred is its own (a later call
    of the same shape, the very next one too, leaves it alone)"""
    def check(_, dpred, pred, y, inputs):
        pred, y = pred.astype(float), y.astype(float)
        expect_close("mse_loss", inputs + " → dpred", dpred, (pred - y) / len(pred), array=True)
    _mse_pairs(student, shared, seed, test_mse_loss_gradient, check)


# -- bce_with_logits -------------------------------------------------------------------------
def _bce_expected(z, y):
    per_example = np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(per_example)), (_sigmoid(z) - y) / z.size


def _bce_cases(rng, count=3):
    """``[((z, y), inputs)]``: logits of about 3 and labels."""
    cases = []
    for _ in range(count):
        n = int(rng.integers(3, 12))
        z, y = rng.normal(0, 3.0, size=n), rng.integers(0, 2, size=n).astype(float)
        cases.append(((z, y), _args(z=z, y=y)))
    return cases


def _bce_pairs(student, shared, seed, test, check, unmodified=False):
    recipes = {test_bce_with_logits_value: _bce_value_cases, test_bce_with_logits_gradient: _bce_gradient_cases,
               test_bce_with_logits_large: _bce_large_cases}
    _loss_pairs(student, shared, seed, "bce_with_logits", recipes, test, "(loss, dz)", check, unmodified)


def _bce_value_cases(rng):
    cases = _bce_cases(rng)
    (z, y), _ = cases[0]
    z, y = z.copy(), 1.0 - y   # the first logits again, every label flipped
    cases.append(((z, y), _args(z=z, y=y)))
    n = int(rng.integers(3, 9))
    z, y = rng.normal(0, 3.0, size=n), rng.integers(0, 2, size=n)
    y[:2] = [0, 1]
    cases.append(((z, y), _args(z=z, y=y) + " (integer labels)"))
    z, y = rng.uniform(0.05, 0.95, size=n), rng.integers(0, 2, size=n).astype(float)
    cases.append(((z, y), _args(z=z, y=y)))   # small logits, not probabilities
    z, y = rng.uniform(-1.0, 1.0, size=5000), rng.integers(0, 2, size=5000).astype(float)
    cases.append(((z, y), _args(z=z, y=y) + " (5000 logits between -1 and 1)"))   # a large batch
    # Confident mistakes, yet finite in every form: 1 - σ(z) keeps only a few digits here
    for z in (rng.uniform(20.0, 36.5, size=n), rng.uniform(35.0, 36.5, size=1)):
        y = np.zeros(z.size)
        cases.append(((z, y), _args(z=z, y=y)))
    # Every logit on its label's side: the loss is still positive; far on it (|z| near 50), about 1e-22.
    z = rng.uniform(0.5, 3.0, size=n) * rng.choice([-1.0, 1.0], size=n)
    y = (z > 0).astype(float)
    cases.append(((z, y), _args(z=z, y=y) + " (every logit on its label's side)"))
    z = rng.uniform(45.0, 55.0, size=n) * np.where(y > 0, 1.0, -1.0)
    cases.append(((z, y), _args(z=z, y=y) + " (confidently right: a loss near 1e-22)"))
    return cases


@cell("test_bce_with_logits", points=1)
def test_bce_with_logits_value(student, seed, shared):
    """bce_with_logits's loss is the mean binary cross-entropy of σ(z) against y (the same z with other
    labels y too), for integer labels 0 and 1 too, for logits that all lie between 0 and 1 (still
    logits), for a batch of 5000 logits near 0 (finite and correct), to full precision for
    confident mistakes with z between 20 and 36.5 and y = 0, and for logits all on their labels' side
    (still a positive loss; about 1e-22 for abs(z) near 50, nothing added to it)"""
    def check(loss, _, z, y, inputs):
        expect_close("bce_with_logits", inputs + " → loss", loss, _bce_expected(z, y)[0])
    _bce_pairs(student, shared, seed, test_bce_with_logits_value, check, unmodified=True)


def _bce_gradient_cases(rng):
    one = rng.normal(0, 3.0, size=1), rng.integers(0, 2, size=1).astype(float)
    cases = _bce_cases(rng) + [(one, _args(z=one[0], y=one[1]))]
    n = int(rng.integers(3, 9))
    z, y = rng.normal(0, 3.0, size=n), rng.integers(0, 2, size=n)
    y[:2] = [0, 1]
    cases.append(((z, y), _args(z=z, y=y) + " (integer labels)"))
    z, y = rng.integers(-3, 4, size=n), rng.integers(0, 2, size=n).astype(float)
    z[:2] = [0, 2]
    cases.append(((z, y), _args(z=z, y=y) + " (integer logits)"))
    return cases


@cell("test_bce_with_logits", points=1)
def test_bce_with_logits_gradient(student, seed, shared):
    """bce_with_logits's loss and dz = (σ(z) - y) / N, a float array of z's shape (N = 1 too), also for
    integer labels y (an int array of 0 and 1) and for integer logits z"""
    def check(loss, dz, z, y, inputs):
        expected_loss, expected_dz = _bce_expected(z, y)
        expect_close("bce_with_logits", inputs + " → dz", dz, expected_dz, array=True)
        expect_close("bce_with_logits", inputs + " → loss", loss, expected_loss)
    _bce_pairs(student, shared, seed, test_bce_with_logits_gradient, check)


def _bce_large_cases(rng):
    n = int(rng.integers(4, 10))
    z = rng.choice([-1.0, 1.0], size=n) * rng.uniform(100, 900, size=n)
    y = rng.integers(0, 2, size=n).astype(float)
    y[:2] = (z[:2] < 0).astype(float)   # two confident mistakes
    z[2], z[3] = -rng.uniform(750, 900), rng.uniform(750, 900)   # exp(abs(z)) overflows
    first = np.concatenate([[-rng.uniform(750, 900)], rng.normal(0, 2, size=3)])
    return [((z, y), _args(z=z, y=y)) for z, y in ((z, y), (first, rng.integers(0, 2, size=4).astype(float)))]


@cell("test_bce_with_logits", points=1)
def test_bce_with_logits_large(student, seed, shared):
    """bce_with_logits gives finite, correct values for abs(z) in the hundreds (also when the first logit
    is below -700)"""
    def check(loss, dz, z, y, inputs):
        expected_loss, expected_dz = _bce_expected(z, y)
        expect(np.isfinite(loss),
               lambda: f"bce_with_logits({inputs}) returned the loss {show(loss)}; expected the finite "
               f"{expected_loss:.8g}. Use max(z, 0) - z * y + log(1 + exp(-abs(z)))")
        expect_close("bce_with_logits", inputs + " → loss", loss, expected_loss)
        expect_close("bce_with_logits", inputs + " → dz", dz, expected_dz)
    _bce_pairs(student, shared, seed, test_bce_with_logits_large, check)


# -- softmax_cross_entropy ----------------------------------------------------------------------
def _softmax_expected(logits, y):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    rows = np.arange(len(y))
    onehot = np.zeros_like(logits)
    onehot[rows, y] = 1.0
    return float(-np.mean(log_probs[rows, y])), (np.exp(log_probs) - onehot) / len(y)


def _softmax_case(rng, scale):
    n, c = _sizes(rng, 2, low=2, high=8)
    return rng.normal(0, scale, size=(n, c)), rng.integers(0, c, size=n)


def _softmax_cases(rng, count=3):
    """``[((logits, y), inputs)]``: logits of about 2 and labels."""
    cases = [_softmax_case(rng, 2.0) for _ in range(count)]
    return [((logits, y), _args(logits=logits, y=y)) for logits, y in cases]


def _softmax_pairs(student, shared, seed, test, check, unmodified=False):
    recipes = {test_softmax_cross_entropy_value: _softmax_value_cases,
               test_softmax_cross_entropy_gradient: _softmax_gradient_cases,
               test_softmax_cross_entropy_large: _softmax_large_cases}
    _loss_pairs(student, shared, seed, "softmax_cross_entropy", recipes, test, "(loss, dlogits)", check,
                unmodified)


def _softmax_value_cases(rng):
    cases = _softmax_cases(rng)
    for dtype in (np.int32, np.uint8):   # integer labels, not only numpy's default int64
        logits, y = _softmax_case(rng, 2.0)
        y = y.astype(dtype)
        cases.append(((logits, y), _args(logits=logits, y=y) + f" (y of dtype {np.dtype(dtype).name})"))
    logits, y = _softmax_case(rng, 1.0)   # the true class 12 to 14 above the others
    logits[np.arange(len(y)), y] += rng.uniform(12.0, 14.0, size=len(y))
    cases.append(((logits, y), _args(logits=logits, y=y)))
    return cases


def _softmax_gradient_cases(rng):
    n, c = _sizes(rng, 2, low=2, high=8)
    logits, y = rng.integers(-3, 4, size=(n, c)), rng.integers(0, c, size=n)
    cases = _softmax_cases(rng) + [((logits, y), _args(logits=logits, y=y))]
    n, c = cases[0][0][0].shape   # other logits of the first call's shape
    logits, y = rng.normal(0, 2.0, size=(n, c)), rng.integers(0, c, size=n)
    cases.append(((logits, y), _args(logits=logits, y=y)))
    c = int(rng.integers(2, 8))
    logits, y = rng.normal(0, 2.0, size=(1, c)), rng.integers(0, c, size=1)   # a single row
    cases.append(((logits, y), _args(logits=logits, y=y)))
    n = int(rng.integers(3, 7))
    logits, y = rng.normal(0, 2.0, size=(n, n)), rng.integers(0, n, size=n)   # N = C
    cases.append(((logits, y), _args(logits=logits, y=y)))
    n, c = _sizes(rng, 2, low=3, high=8)   # the same labels, C classes and then C + 2
    y = rng.integers(0, c, size=n)
    for width in (c, c + 2):
        logits = rng.normal(0, 2.0, size=(n, width))
        cases.append(((logits, y), _args(logits=logits, y=y)))
    # One row of logits twice in a batch under one label, then in another batch under another
    # label, then the first batch again: each row's gradient is computed afresh
    c = int(rng.integers(3, 7))
    row, label = rng.normal(0, 2.0, size=c), int(rng.integers(0, c))
    other = (label + int(rng.integers(1, c))) % c
    repeated = np.array([row, row, rng.normal(0, 2.0, size=c)]), np.array([label, label, other])
    again = np.array([rng.normal(0, 2.0, size=c), row]), np.array([label, other])
    for logits, y in (repeated, again, repeated):
        logits, y = logits.copy(), y.copy()
        cases.append(((logits, y), _args(logits=logits, y=y)))
    return cases


def _softmax_large_cases(rng):
    logits, y = _softmax_case(rng, 1.0)
    logits = logits + rng.uniform(-400, 400, size=logits.shape)
    logits[0] = 1000.0 + rng.normal(size=logits.shape[1])   # every logit large: exp overflows
    logits[1, y[1]] = -rng.uniform(750, 900)                 # the true class far below the
    logits[1, (y[1] + 1) % logits.shape[1]] = rng.uniform(750, 900)  # top: its p rounds to 0,
    # and the top is more than 709 above the row's mean: shift by the maximum, not the mean
    logits[1] -= 1000.0   # a whole row far below row 0: shift each row by its own maximum
    cases = [((logits, y), _args(logits=logits, y=y))]
    logits, y = _softmax_case(rng, 1.0)   # every logit very negative: exp underflows to 0
    logits = logits + rng.uniform(-5.0, 5.0, size=logits.shape) - rng.uniform(760, 900, size=(len(y), 1))
    cases.append(((logits, y), _args(logits=logits, y=y)))
    return cases


@cell("test_softmax_cross_entropy", points=1)
def test_softmax_cross_entropy_value(student, seed, shared):
    """softmax_cross_entropy's loss is the mean of -log softmax(logits)[y] over the rows, for integer
    labels of any integer dtype (int32 and uint8 too), and to full precision when every row is right
    with confidence (a loss near 1e-5, not 0)"""
    def check(loss, _, logits, y, inputs):
        expect_close("softmax_cross_entropy", inputs + " → loss", loss, _softmax_expected(logits, y)[0])
    _softmax_pairs(student, shared, seed, test_softmax_cross_entropy_value, check, unmodified=True)


@cell("test_softmax_cross_entropy", points=1)
def test_softmax_cross_entropy_gradient(student, seed, shared):
    """softmax_cross_entropy's dlogits is (softmax(logits) - onehot(y)) / N, a float array of shape
    (N, C), also for integer logits, for a single row (N = 1), for a square batch (N = C: each row
    normalised by its own sum), for the same labels with another number of classes C, and for a row
    repeated within a batch and across calls (under the same label and under another), each row's
    gradient its own; each call's dlogits is its own (a later call of the same shape leaves it alone)"""
    def check(_, dlogits, logits, y, inputs):
        expect_close("softmax_cross_entropy", inputs + " → dlogits", dlogits,
                     _softmax_expected(logits.astype(float), y)[1], array=True)
    _softmax_pairs(student, shared, seed, test_softmax_cross_entropy_gradient, check)


@cell("test_softmax_cross_entropy", points=1)
def test_softmax_cross_entropy_large(student, seed, shared):
    """softmax_cross_entropy gives finite, correct values for logits in the hundreds, positive or
    negative (every logit below -750 too)"""
    def check(loss, dlogits, logits, y, inputs):
        expected_loss, expected_grad = _softmax_expected(logits, y)
        dlogits = as_array(dlogits, "softmax_cross_entropy", inputs + " → dlogits", shape=logits.shape)
        expect(np.isfinite(loss) and np.all(np.isfinite(dlogits)),
               lambda: f"softmax_cross_entropy({inputs}) returned the loss {show(loss)} and dlogits "
               f"{show(dlogits)}; expected finite values (the loss is {expected_loss:.8g}). Subtract "
               "each row's largest logit and work with log-probabilities")
        expect_close("softmax_cross_entropy", inputs + " → loss", loss, expected_loss)
        expect_close("softmax_cross_entropy", inputs + " → dlogits", dlogits, expected_grad)
    _softmax_pairs(student, shared, seed, test_softmax_cross_entropy_large, check)


# -- l2_step ------------------------------------------------------------------------------------------
@cell("test_l2_step", points=1)
def test_l2_step_values(student, rng):
    """l2_step returns (1 - lr·lam) · theta - lr · grad as a new float array, also for an integer theta,
    for lr·lam > 1, for lr = 0, for lam = 0 (with a tiny theta and grad of about 1e-9 too, each step
    to full precision), for a zero grad (the decay still applies) and for the same lam with another lr, of theta's
    shape (also (n, 1) and (1, n)), for a large grad (norm about 40: the step is not clipped), and leaves
    theta and grad alone"""
    def check(result, args, kwargs, floor=1e-8):
        theta, grad, lr, lam = args
        inputs = _args(theta=theta, grad=grad, lr=lr, lam=lam)
        expect_close("l2_step", inputs, result.value, (1 - lr * lam) * theta - lr * grad, array=True,
                     floor=floor)
        expect_unmodified("l2_step", inputs, result)
        expect_new("l2_step", inputs, result)
    calls = []
    for shape in ((int(rng.integers(2, 7)),), tuple(_sizes(rng, 2))):
        theta, grad = rng.normal(size=shape), rng.normal(size=shape)
        calls.append(((theta, grad, float(rng.uniform(0.01, 0.5)), float(rng.uniform(0.1, 2.0))), {}))
    theta = rng.integers(-3, 4, size=4)
    calls.append(((theta, rng.normal(size=4), float(rng.uniform(0.01, 0.5)), float(rng.uniform(0.1, 2.0))), {}))
    calls.append(((rng.normal(size=3), rng.normal(size=3), 0.5, float(rng.uniform(2.5, 4.0))), {}))
    calls.append(((rng.normal(size=3), rng.normal(size=3), 0.0, float(rng.uniform(0.1, 2.0))), {}))
    calls.append(((rng.normal(size=3), rng.normal(size=3), float(rng.uniform(0.01, 0.5)), 0.0), {}))
    lam = calls[0][0][3]   # the first call's lam, with another lr: the decay is 1 - lr·lam
    calls.append(((rng.normal(size=4), rng.normal(size=4), float(rng.uniform(0.6, 0.9)), lam), {}))
    calls.append(((rng.normal(size=3), np.zeros(3), float(rng.uniform(0.01, 0.5)),
                   float(rng.uniform(0.1, 2.0))), {}))   # a zero gradient: only the decay
    # lam = 0 and numbers of about 1e-9: a small step is still a step (relative to the numbers)
    calls.append(((1e-9 * rng.normal(size=4), 1e-9 * rng.normal(size=4), float(rng.uniform(0.1, 0.5)), 0.0),
                  {}, 1e-300))
    for shape in ((3, 1), (1, 3)):
        calls.append(((rng.normal(size=shape), rng.normal(size=shape), 0.1, 0.5), {}))
    calls.append(((rng.normal(size=4), 20.0 * rng.normal(size=4), float(rng.uniform(0.01, 0.5)),
                   float(rng.uniform(0.1, 2.0))), {}))
    check_each(student, "l2_step", calls, check)


# -- init_mlp -------------------------------------------------------------------------------------
def _init_shapes_cases(rng):
    cases = []
    for _ in range(2):
        sizes = _sizes(rng, 3, low=2, high=12)
        cases.append((sizes, int(rng.integers(1 << 30))))
    cases.append(([np.int64(n) for n in _sizes(rng, 3, low=2, high=12)], int(rng.integers(1 << 30))))
    return cases


def _init_weights_cases(rng):
    """Large layers from one seed, twice, then from the next seed; then layers of a
    single weight or a single input."""
    sizes = [int(n) for n in rng.integers(20, 60, size=3)]
    seed = int(rng.integers(1 << 30))
    k = int(rng.integers(2, 6))
    return [(sizes, seed), (sizes, seed), (sizes, seed + 1), ([1, 1, k], seed), ([k, 1, 1], seed),
            ([1, k, 2], seed), ([k + 1, k + 1, 2], seed)]


def _inits(student, shared, seed, test):
    """``[(inputs, params, returned)]`` of the student's init_mlp at each ``(sizes, seed)``
    of ``test``'s cases, in one process with the cell's other calls; ``params`` checked for
    keys and shapes, as float64 arrays, ``returned`` as the student's function returned it."""
    def check(result, args, kwargs, seed):
        n_in, n_hidden, n_out = args[:3]
        inputs = f"n_in={n_in}, n_hidden={n_hidden}, n_out={n_out}, rng=np.random.default_rng({seed})"
        if not isinstance(n_in, int):
            inputs += f" (sizes of type np.{type(n_in).__name__}, as max(y) + 1 gives)"
        params = result.value
        expect(isinstance(params, dict) and set(PARAMS) <= set(params),
               lambda: f"init_mlp({inputs}) returned {show(params)}; expected a dict with keys 'W1', 'b1', "
               "'W2', 'b2'")
        shapes = {"W1": (n_in, n_hidden), "b1": (n_hidden,), "W2": (n_hidden, n_out), "b2": (n_out,)}
        return inputs, {k: as_array(params[k], "init_mlp", f"{inputs} → [{k!r}]", shape=shapes[k])
                        for k in PARAMS}, params
    return check_planned(student, shared, seed, "init_mlp", _init_recipes(), test, check,
                         calls=lambda cases: [((*sizes, np.random.default_rng(draw)), {}, draw)
                                              for sizes, draw in cases])


def _init_recipes():
    return {test_init_mlp_shapes: _init_shapes_cases, test_init_mlp_weights: _init_weights_cases}


@cell("test_init_mlp", points=1)
def test_init_mlp_shapes(student, seed, shared):
    """init_mlp returns W1, b1, W2, b2 of the right shapes, as float arrays, with zero biases, for sizes
    given as Python or numpy integers (C = max(y) + 1 is a numpy integer)"""
    for inputs, params, returned in _inits(student, shared, seed, test_init_mlp_shapes):
        for key in PARAMS:
            as_float_array(returned[key], "init_mlp", f"{inputs} → [{key!r}]")
        for key in ("b1", "b2"):
            expect(np.all(params[key] == 0),
                   lambda: f"init_mlp({inputs}) returned {key} = {show(params[key])}; the biases should "
                   "start at zero")


@cell("test_init_mlp", points=1)
def test_init_mlp_weights(student, seed, shared):
    """init_mlp draws small random weights centred on zero from rng, a different column for each hidden
    unit and every weight drawn (none left exactly 0, the first row and column too): the seed decides
    them (W1 and W2 both); a layer with a single weight (n_in = n_hidden = 1 or n_hidden = n_out = 1), a
    single input (n_in = 1) or a square first layer (n_in = n_hidden) gets finite random ones too"""
    runs = _inits(student, shared, seed, test_init_mlp_weights)
    (sizes, first), *_ = plans(shared, seed, _init_recipes())["test_init_mlp_weights"][0]
    (inputs, params, _), (_, again, _), (_, other, _), *singles = runs
    for where, weights, _ in singles:   # one weight in W1, then in W2: no spread to measure
        for key in ("W1", "W2"):
            expect(np.all(np.isfinite(weights[key])),
                   lambda: f"init_mlp({where}) returned {key} = {show(weights[key])}; the weights "
                   "should be finite random numbers, for a layer of a single weight too")
    for where, weights, _ in runs:   # a draw from a continuous distribution is never exactly 0
        for key in ("W1", "W2"):
            zeros = np.argwhere(weights[key] == 0)
            expect(len(zeros) == 0,
                   lambda: f"init_mlp({where}) returned {key} with {len(zeros)} of its "
                   f"{weights[key].size} weights exactly 0 (the first at row {zeros[0][0]}, column "
                   f"{zeros[0][1]}): {_text(weights[key])}; draw every weight at random, the first row "
                   "and column too")
    for key, fan_in in (("W1", sizes[0]), ("W2", sizes[1])):
        weights = params[key]
        expect(np.all(np.isfinite(weights)) and np.std(weights) > 0,
               lambda: f"init_mlp({inputs}) returned {key} = {show(weights)}; the weights should be "
               "random, not all equal: identical hidden units stay identical")
        # Fan-ins of 20 to 60: He's sqrt(2 / fan-in) is at most 0.32, unscaled normals are 1.
        expect(np.std(weights) <= 0.6,
               f"init_mlp({inputs}) returned {key} with standard deviation "
               f"{np.std(weights):.3g}; the weights should be small, for example standard normal "
               f"/ sqrt(fan-in), about {1 / np.sqrt(fan_in):.2g} here")
        # At least 400 weights: a zero-mean draw's mean is within a tenth of its spread.
        expect(abs(np.mean(weights)) <= 0.5 * np.std(weights),
               f"init_mlp({inputs}) returned {key} with mean {np.mean(weights):.3g} and standard "
               f"deviation {np.std(weights):.3g}; the weights should be centred on zero, positive "
               "and negative (for example rng.standard_normal(shape) / sqrt(fan-in))")
    units = np.unique(params["W1"], axis=1).shape[1]
    expect(units == sizes[1],
           f"init_mlp({inputs}) returned W1 with only {units} different columns for {sizes[1]} hidden "
           "units; draw every weight, so that no two hidden units start alike")
    expect(np.array_equal(params["W1"], again["W1"]) and np.array_equal(params["W2"], again["W2"]),
           f"init_mlp({inputs}) gave different weights for the same rng state; draw them from "
           "rng (for example rng.standard_normal(shape)), not from np.random")
    for key in ("W1", "W2"):
        expect(not np.array_equal(params[key], other[key]),
               f"init_mlp gave the same {key} for np.random.default_rng({first}) and "
               f"np.random.default_rng({first + 1}) (n_in={sizes[0]}, n_hidden={sizes[1]}, "
               f"n_out={sizes[2]}); draw every weight from rng, W1 and W2 alike")


# -- mlp_loss_and_grads ------------------------------------------------------------------------------
def _mlp_case(rng):
    n, d, h, c = _sizes(rng, 4, low=2, high=9)
    params = {"W1": rng.normal(size=(d, h)), "b1": rng.normal(0, 0.5, size=h),
              "W2": rng.normal(size=(h, c)), "b2": rng.normal(0, 0.5, size=c)}
    X, y = rng.normal(size=(n, d)), rng.integers(0, c, size=n)
    inputs = (f"params={{W1: {d}x{h}, b1: {h}, W2: {h}x{c}, b2: {c}}} (random), "
              f"X={_text(X)}, y={_text(y)}")
    return params, X, y, inputs


def _mlp_dead_case(rng):
    """W1 = 0 and b1 = 0: every hidden pre-activation is exactly 0, where the ReLU's
    subgradient is 0, so grads W1 and b1 are zero."""
    params, X, y, _ = _mlp_case(rng)
    params["W1"], params["b1"] = np.zeros_like(params["W1"]), np.zeros_like(params["b1"])
    d, h = params["W1"].shape
    c = params["W2"].shape[1]
    inputs = (f"params={{W1: zeros({d}, {h}), b1: zeros({h}), W2: {h}x{c}, b2: {c}}} (random W2, b2), "
              f"X={_text(X)}, y={_text(y)}")
    return params, X, y, inputs


def _mlp_zero_case(rng):
    """Every parameter 0 and unbalanced labels: the scores are all 0, p = 1/C, so
    grads W1, b1, W2 are zero but grads b2 = sum over rows of (1/C - onehot(y)) / N is not."""
    n, d, h = int(rng.integers(5, 9)), int(rng.integers(2, 5)), int(rng.integers(2, 6))
    c = 3
    y = np.zeros(n, dtype=int)
    y[-2:] = [1, 2]   # class 0 for all but two rows
    y = rng.permutation(y)
    params = {"W1": np.zeros((d, h)), "b1": np.zeros(h), "W2": np.zeros((h, c)), "b2": np.zeros(c)}
    X = rng.normal(size=(n, d))
    inputs = (f"params={{W1: zeros({d}, {h}), b1: zeros({h}), W2: zeros({h}, {c}), b2: zeros({c})}}, "
              f"X={_text(X)}, y={_text(y)}")
    return params, X, y, inputs


def _mlp_confident_case(rng):
    """A network that classifies its batch correctly and confidently: labels its own
    predictions, W2 and b2 scaled up until the loss is below 0.01 (and above 1e-4)."""
    params, X, _, _ = _mlp_case(rng)
    hidden = np.maximum(X @ params["W1"] + params["b1"], 0.0)
    y = np.argmax(hidden @ params["W2"] + params["b2"], axis=1)
    scale = 1.0
    while REFERENCE.mlp_loss_and_grads(params, X, y)[0] > 0.01 and scale < 1e6:
        params["W2"], params["b2"], scale = 2.0 * params["W2"], 2.0 * params["b2"], 2.0 * scale
    d, h = params["W1"].shape
    c = params["W2"].shape[1]
    inputs = (f"params={{W1: {d}x{h}, b1: {h}, W2: {h}x{c}, b2: {c}}} (random, W2 and b2 scaled by "
              f"{scale:g}: a small loss), X={_text(X)}, y={_text(y)}")
    return params, X, y, inputs


def _mlp_spread_case(rng):
    """Scores spread over more than 800 within every row: class 0 on top, class 1 about
    707.5 below it (a probability near 1e-308, the bottom of float64's normal range,
    whose share of the gradient is smaller still), every other class about 1000 below
    (exp underflows to 0, harmlessly). The loss is large but finite."""
    n, c = int(rng.integers(5, 10)), int(rng.integers(3, 6))
    d, h = _sizes(rng, 2, low=2, high=9)
    params = {"W1": rng.normal(size=(d, h)), "b1": rng.normal(0, 0.5, size=h),
              "W2": rng.normal(size=(h, c)), "b2": np.zeros(c)}
    params["W2"][:, 1] = params["W2"][:, 0]
    params["b2"][1] = -float(rng.uniform(707.0, 707.9))
    params["b2"][2:] = -rng.uniform(1000.0, 1100.0, size=c - 2)
    X, y = rng.normal(size=(n, d)), rng.integers(0, c, size=n)
    y[0] = 0   # a row where class 1 is not the label: its gradient entry is that tiny probability / N
    inputs = (f"params={{W1: {d}x{h}, b1: {h}, W2: {h}x{c}, b2: {show(params['b2'])}}} (random W1, b1, "
              f"W2, its first two columns equal: each row's scores spread over more than 800), "
              f"X={_text(X)}, y={_text(y)}")
    return params, X, y, inputs


def _mlp_sorted_case(rng):
    """A random network whose params dict lists its keys in another order: W1, W2, b1, b2."""
    params, X, y, _ = _mlp_case(rng)
    params = {key: params[key] for key in ("W1", "W2", "b1", "b2")}
    (d, h), c = params["W1"].shape, params["W2"].shape[1]
    inputs = (f"params={{W1: {d}x{h}, W2: {h}x{c}, b1: {h}, b2: {c}}} (random; its keys in this "
              f"order), X={_text(X)}, y={_text(y)}")
    return params, X, y, inputs


def _mlp_thin_case(rng):
    """One input feature and one hidden unit (D = 1, H = 1): W1 of shape (1, 1), b1 (1,)."""
    n, c = int(rng.integers(4, 9)), int(rng.integers(2, 5))
    params = {"W1": rng.normal(size=(1, 1)), "b1": np.array([0.5]),
              "W2": rng.normal(size=(1, c)), "b2": rng.normal(0, 0.5, size=c)}
    X, y = rng.normal(size=(n, 1)), rng.integers(0, c, size=n)
    X[0, 0] = np.sign(params["W1"][0, 0]) * 2.0   # one row where the hidden unit is on
    inputs = (f"params={{W1: 1x1, b1: 1, W2: 1x{c}, b2: {c}}} (random; one input feature, one "
              f"hidden unit), X={_text(X)}, y={_text(y)}")
    return params, X, y, inputs


def _mlp_cases(rng, dead=False, confident=False, shapes=False):
    """``[(params, X, y, inputs)]``: three random inputs and scores spread over more than
    800 (and, with ``dead``, W1 = b1 = 0 and all-zero params with unbalanced labels; with
    ``confident``, a network whose loss is small; with ``shapes``, params whose keys come
    in another order and a network with one input feature and one hidden unit)."""
    cases = [_mlp_case(rng) for _ in range(3)] + [_mlp_spread_case(rng)]
    cases += [_mlp_dead_case(rng), _mlp_zero_case(rng)] if dead else []
    cases += [_mlp_confident_case(rng)] if confident else []
    cases += [_mlp_sorted_case(rng), _mlp_thin_case(rng)] if shapes else []
    return cases


def _mlp_calls(student, shared, seed, test, check):
    """``check(loss, grads, result, params, X, y, inputs)`` of the student's
    mlp_loss_and_grads at the cases of ``test``, in one process with the cell's other calls."""
    def check_pair(result, args, kwargs, inputs):
        loss, grads = _pair(result.value, "mlp_loss_and_grads", inputs, "(loss, grads)")
        check(as_float(loss, "mlp_loss_and_grads", inputs + " → loss"), grads, result, *args, inputs)
    recipes = {test_mlp_loss_and_grads_loss: lambda rng: _mlp_cases(rng, confident=True),
               test_mlp_loss_and_grads_grads: lambda rng: _mlp_cases(rng, dead=True, shapes=True)}
    check_planned(student, shared, seed, "mlp_loss_and_grads", recipes, test, check_pair,
                  calls=lambda cases: [((params, X, y), {}, inputs) for params, X, y, inputs in cases])


@cell("test_mlp_loss_and_grads", points=1)
def test_mlp_loss_and_grads_loss(student, seed, shared):
    """mlp_loss_and_grads's loss is the softmax cross-entropy of relu(X W1 + b1) W2 + b2, to full
    precision (a small loss below 0.01 too, and a large finite one for scores spread over more than 800
    within a row)"""
    def check(loss, grads, result, params, X, y, inputs):
        expected, _ = REFERENCE.mlp_loss_and_grads(params, X, y)
        expect_close("mlp_loss_and_grads", inputs + " → loss", loss, expected)
    _mlp_calls(student, shared, seed, test_mlp_loss_and_grads_loss, check)


@cell("test_mlp_loss_and_grads", points=2)
def test_mlp_loss_and_grads_grads(student, seed, shared):
    """mlp_loss_and_grads's grads hold the gradient for every key of params, each under its own key
    and of its parameter's shape (scores spread over more than 800 within a row too, params listing
    its keys in another order, and one input feature with one hidden unit, D = H = 1); with W1 = 0 and
    b1 = 0 every hidden pre-activation is 0, where the ReLU's subgradient is 0, so grads W1 and b1 are
    zero; with every parameter 0 and unbalanced labels, grads b2 = sum over rows of (1/C - onehot(y)) / N
    is not zero"""
    def check(loss, grads, result, params, X, y, inputs):
        expect(isinstance(grads, dict) and set(PARAMS) <= set(grads),
               lambda: f"mlp_loss_and_grads({inputs}) returned grads {show(grads)}; expected a dict with "
               "the keys of params: 'W1', 'b1', 'W2', 'b2'")
        _, expected = REFERENCE.mlp_loss_and_grads(params, X, y)
        for key in ("W2", "b2", "W1", "b1"):
            expect_close("mlp_loss_and_grads", inputs + f" → grads[{key!r}]", grads[key], expected[key])
        expect_unmodified("mlp_loss_and_grads", inputs, result)
    _mlp_calls(student, shared, seed, test_mlp_loss_and_grads_grads, check)


# -- train_mlp ---------------------------------------------------------------------------------------
class _Recorder:
    """The reference's ``mlp_loss_and_grads``, keeping a copy of each ``(params, grads)``,
    up to :data:`KEEP` numbers in all (``over`` once a student's calls asked for more)."""

    KEEP = 10**7

    def __init__(self):
        self.calls, self.kept, self.over = [], 0, False

    def __call__(self, params, X, y):
        loss, grads = REFERENCE.mlp_loss_and_grads(params, X, y)
        size = 2 * sum(np.size(v) for v in params.values())
        if self.kept + size > self.KEEP:
            self.over = True
        else:
            self.kept += size
            self.calls.append(({k: np.array(v, dtype=float) for k, v in params.items()}, grads))
        return loss, grads

    def steps(self):
        """``(params, grads, next params)`` of each epoch, a call at the same parameters
        as the one before (a loss recorded after the update) left out."""
        calls = [c for i, c in enumerate(self.calls)
                 if not i or not all(np.array_equal(c[0][k], self.calls[i - 1][0][k]) for k in c[0])]
        return [(p, g, following) for (p, g), (following, _) in zip(calls, calls[1:])]


def _expect_plain_steps(recorder, inputs, epochs, lr):
    """Where the student builds on mlp_loss_and_grads (the ``recorder``), each epoch
    is one plain gradient step with the constant ``lr``."""
    expect(not recorder.over,
           f"train_mlp({inputs}) called mlp_loss_and_grads with more than {recorder.KEEP:,} numbers of "
           f"parameters in all; {epochs} epochs call it {epochs} times with these few")
    for epoch, (before, grads, after) in enumerate(recorder.steps(), 1):
        for key in PARAMS:
            expected = before[key] - lr * grads[key]
            given = as_array(after.get(key), "train_mlp", f"{inputs}: params[{key!r}] after epoch {epoch}")
            expect(is_close(given, expected),
                   lambda: f"train_mlp({inputs}): after epoch {epoch}, mlp_loss_and_grads was given "
                   f"params[{key!r}] = {show(given)}; expected params[{key!r}] - lr * grads[{key!r}] "
                   f"from epoch {epoch} = {show(expected)}. Each epoch is one step with the constant lr, "
                   "for every parameter, even when the loss goes up")


def _train(student, X, y, inputs, recorder=None, **kwargs):
    result = (student.call_with("train_mlp", {"mlp_loss_and_grads": recorder}, X, y, **kwargs)
              if recorder else student.call("train_mlp", X, y, **kwargs))
    return (*_train_parts(result, inputs), result)


def _train_parts(result, inputs):
    """``(params, losses)`` of a call of train_mlp, checked for their types."""
    params, losses = _pair(result.value, "train_mlp", inputs, "(params, losses)")
    expect(isinstance(params, dict) and set(PARAMS) <= set(params),
           lambda: f"train_mlp({inputs}) returned params {show(params)}; expected a dict with keys "
           "'W1', 'b1', 'W2', 'b2'")
    losses = as_array(losses, "train_mlp", inputs + " → losses")
    expect(losses.ndim == 1, f"train_mlp({inputs}) returned losses of shape {losses.shape}; "
                             "expected a list of numbers, one per epoch")
    return params, losses


def _reference_run(X, y, **kwargs):
    """The reference's ``(params, losses)`` for ``train_mlp(X, y, **kwargs)``, with one
    loss more: the loss before each step and the loss after the last."""
    epochs = kwargs.pop("epochs")
    params, _ = REFERENCE.train_mlp(X, y, epochs=epochs, **kwargs)
    _, losses = REFERENCE.train_mlp(X, y, epochs=epochs + 1, **kwargs)
    return params, np.asarray(losses, dtype=float)


def _expect_reference_run(params, losses, inputs, reference):
    """``train_mlp(inputs)``'s ``params`` and ``losses`` are the reference's run: the same
    start (its seed) and one step per epoch. A loss recorded after each step (the losses
    one epoch later) is accepted."""
    expected, recorded = reference
    epochs = len(recorded) - 1
    for key in PARAMS:
        given = as_array(params[key], "train_mlp", f"{inputs} → params[{key!r}]")
        expect(is_close(given, expected[key]),
               lambda: f"train_mlp({inputs}) returned params[{key!r}] = {show(given)}; expected "
               f"{show(expected[key])}, the parameters after {epochs} steps params - lr * grads from "
               "init_mlp(D, n_hidden, C, np.random.default_rng(seed)). The seed alone decides the start "
               "(a new generator for each call), and every epoch, the last one too, takes its step")
    expect(len(losses) == epochs and (is_close(losses, recorded[:-1]) or is_close(losses, recorded[1:])),
           lambda: f"train_mlp({inputs}) returned the losses {show(losses)}; expected {show(recorded[:-1])}, "
           "the loss of each epoch (computed with mlp_loss_and_grads before its step)")


def _moons_run(student, seed, shared):
    """The student's train_mlp with its defaults on two moons drawn from ``seed``:
    ``(X, y, inputs, params, losses)``; one run, which the cell's tests share."""
    def run():
        X, y = REFERENCE.make_moons(n=200, noise=0.1, seed=seed)
        inputs = f"X, y = 200 points of two moons (data seed {seed})"
        params, losses, _ = _train(student, X, y, inputs)
        return X, y, inputs, params, losses
    return shared.once("moons", run)


@cell("test_train_mlp", points=1)
def test_train_mlp_returns(student, rng):
    """train_mlp returns (params, losses): parameters of the right shapes and exactly one loss per epoch
    (with lr = 0 too, and with lr = 1e6, where the run diverges until the loss overflows to inf or
    nan), each epoch one step params - lr * grads (with lr = 10 too, where the loss goes up);
    C = max(y) + 1 classes (labels 0 and 2 only: three); its seed decides the initial weights: the
    same seed, called twice, gives the same parameters and losses as a correct run, and so does the
    default seed=0 (left out); data of one feature (X of shape (N, 1)) train like any others,
    epochs = 0 gives the initial parameters and no losses, and epochs = 1 takes its one step"""
    n, d, c = int(rng.integers(30, 60)), int(rng.integers(3, 6)), 3
    X = rng.normal(size=(n, d))
    y = np.arange(n) % c
    hidden, epochs = int(rng.integers(4, 9)), int(rng.integers(5, 12))
    inputs = (f"X={_text(X)}, y=<{n} labels in 0..{c - 1}>, n_hidden={hidden}, lr=0.1, "
              f"epochs={epochs}, seed=3")
    recorder = _Recorder()
    params, losses, result = _train(student, X, y, inputs, recorder, n_hidden=hidden, lr=0.1,
                                    epochs=epochs, seed=3)
    shapes = {"W1": (d, hidden), "b1": (hidden,), "W2": (hidden, c), "b2": (c,)}
    for key, shape in shapes.items():
        as_array(params[key], "train_mlp", f"{inputs} → params[{key!r}]", shape=shape)
    expect(len(losses) == epochs,
           f"train_mlp({inputs}) returned {len(losses)} losses; expected {epochs}, one per epoch")
    expect_unmodified("train_mlp", inputs, result)
    _expect_plain_steps(recorder, inputs, epochs, 0.1)
    _expect_reference_run(params, losses, inputs,
                          _reference_run(X, y, n_hidden=hidden, lr=0.1, epochs=epochs, seed=3))
    # A step size far too large for these data: the loss goes up, and it is still plain gradient
    # descent, one step params - lr * grads per epoch.
    where = inputs.replace("lr=0.1", "lr=10.0").replace(f"epochs={epochs}", "epochs=6")
    recorder = _Recorder()
    big = _train(student, X, y, where, recorder, n_hidden=hidden, lr=10.0, epochs=6, seed=3)
    _expect_plain_steps(recorder, where, 6, 10.0)
    _expect_reference_run(*big[:2], where, _reference_run(X, y, n_hidden=hidden, lr=10.0, epochs=6, seed=3))
    # Twice seed=4 in one process: each call starts from np.random.default_rng(4) afresh. Then the
    # default seed, 0, which seeds the generator like any other.
    common = dict(n_hidden=hidden, lr=0.1, epochs=epochs)
    where = inputs.replace("seed=3", "seed=4")
    reference = _reference_run(X, y, n_hidden=hidden, lr=0.1, epochs=epochs, seed=4)

    def seeded(result):
        other = _train_parts(result, where)
        _expect_reference_run(*other, where, reference)
        expect(not np.array_equal(as_array(params["W1"], "train_mlp", inputs),
                                  as_array(other[0]["W1"], "train_mlp", inputs)),
               f"train_mlp gave the same W1 for seed=3 and seed=4 ({inputs.replace(', seed=3', '')}); "
               "the seed should decide the initial weights (for example "
               "init_mlp(..., np.random.default_rng(seed)))")
    default = inputs.replace(", seed=3", " (seed left at its default, 0)")
    calls = [((X, y), dict(common, seed=4), seeded)] * 2 + [
        ((X, y), common, _matches_reference(default, _reference_run(X, y, **common, seed=0)))]
    # Labels 0 and 2 only: still C = max(y) + 1 = 3 classes. And lr = 0: the loss never changes,
    # yet every one of the epochs runs and records its loss.
    two = 2 * (np.arange(n) % 2)
    where_two = (f"X={_text(X)}, y=<{n} labels, 0 and 2 only>, n_hidden={hidden}, lr=0.0, "
                 f"epochs={epochs}, seed=3")

    def three_classes(result):
        params, losses = _train_parts(result, where_two)
        for key, shape in {"W2": (hidden, 3), "b2": (3,)}.items():
            as_array(params[key], "train_mlp", f"{where_two} → params[{key!r}] (C = max(y) + 1 = 3 classes)",
                     shape=shape)
        expect(len(losses) == epochs,
               f"train_mlp({where_two}) returned {len(losses)} losses; expected {epochs}, one per epoch: "
               "run all the epochs, even when the loss stops changing")
    calls.append(((X, two), dict(n_hidden=hidden, lr=0.0, epochs=epochs, seed=3), three_classes))
    # lr = 1e6: the loss grows by orders of magnitude each epoch and overflows after about 30 of
    # the 40 epochs; every epoch still runs and records its loss, inf or nan included. Only the
    # count is checked: a diverging run's values magnify any difference in rounding.
    where_huge = (f"X={_text(X)}, y=<{n} labels in 0..{c - 1}>, n_hidden={hidden}, lr=1000000.0, "
                  "epochs=40, seed=3")

    def every_epoch(result):
        _, losses = _train_parts(result, where_huge)
        expect(len(losses) == 40,
               f"train_mlp({where_huge}) returned {len(losses)} losses; expected 40, one per epoch: a "
               "diverging run (the loss overflows to inf or nan) still runs every epoch")
    calls.append(((X, y), dict(n_hidden=hidden, lr=1e6, epochs=40, seed=3), every_epoch))
    for features, runs in ((1, 3), (d, 0), (d, 1)):
        kwargs = dict(n_hidden=hidden, lr=0.1, epochs=runs, seed=3)
        where_features = (f"X={_text(X[:, :features])}, y=<{n} labels in 0..{c - 1}>, n_hidden={hidden}, "
                          f"lr=0.1, epochs={runs}, seed=3")
        calls.append(((X[:, :features], y), kwargs,
                      _matches_reference(where_features, _reference_run(X[:, :features], y, **kwargs))))
    check_each(student, "train_mlp", calls, own_check)


def _matches_reference(inputs, reference):
    """A check of one train_mlp call: one loss per epoch, and the reference's run."""
    def judge(result):
        params, losses = _train_parts(result, inputs)
        epochs = len(reference[1]) - 1
        expect(len(losses) == epochs,
               f"train_mlp({inputs}) returned {len(losses)} losses; expected {epochs}, one per epoch")
        _expect_reference_run(params, losses, inputs, reference)
    return judge


@cell("test_train_mlp", points=1)
def test_train_mlp_descends(student, seed, shared):
    """train_mlp's loss curve goes down: gradient descent on the two moons"""
    _, _, inputs, _, losses = _moons_run(student, seed, shared)
    expect(len(losses) in (500, 501),
           f"train_mlp({inputs}) with the default epochs=500 returned {len(losses)} losses")
    expect(np.all(np.isfinite(losses)),
           lambda: f"train_mlp({inputs}) returned losses with nan or inf: {show(losses)}")
    expect(losses[-1] < 0.25 * losses[0],
           f"train_mlp({inputs}) went from a loss of {losses[0]:.4g} to {losses[-1]:.4g}; 500 "
           "steps with lr=0.5 should end below a quarter of the first loss. Step against the "
           "gradient: params[k] - lr * grads[k]")


@cell("test_train_mlp", points=1)
def test_train_mlp_accuracy(student, seed, shared):
    """train_mlp's network classifies the two moons correctly (weights and biases trained)"""
    X, y, inputs, params, _ = _moons_run(student, seed, shared)
    shapes = {"W1": (2, 16), "b1": (16,), "W2": (16, 2), "b2": (2,)}
    params = {k: as_array(params[k], "train_mlp", f"{inputs} → params[{k!r}]", shape=shapes[k])
              for k in PARAMS}
    expect(np.any(params["b1"] != 0) and np.any(params["b2"] != 0),
           lambda: f"train_mlp({inputs}) returned b1 = {show(params['b1'])} and b2 = "
           f"{show(params['b2'])}; the biases start at zero and should be trained too")
    accuracy = float(np.mean(REFERENCE.mlp_predict(params, X) == y))
    expect(accuracy >= 0.95,
           f"train_mlp({inputs}): the trained network classifies {accuracy:.1%} of the points "
           "correctly; expected at least 95% (a correct run gets about 99%)")
