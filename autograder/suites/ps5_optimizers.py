"""Hidden suite of ``ps5_optimizers``: momentum, RMSprop, Adam, schedules and mini-batches."""

import copy
import functools
import inspect
import math

import numpy as np

from reference import optimizers as REFERENCE

from ..checks import (as_array, as_float, as_float_array, expect, expect_close, expect_new,
                      expect_unmodified, is_close, show)
from ..pure import check_each, check_planned
from ..student import Handle
from ..suite import cell
from ..sandbox.landscapes import Bowl, Valley

ASSIGNMENT = "ps5_optimizers"
GRADED = ("sgd_step", "momentum_step", "rmsprop_step", "adam_step", "clip_by_norm",
          "step_decay", "exponential_decay", "cosine_annealing", "ReduceLROnPlateau",
          "minibatches", "lr_range_test", "suggest_lr", "train_softmax")
#: Graded as the student's own whole pipeline; never handed to student code.
PIPELINES = ()
#: Graded functions a student may build each function on, handed over as the
#: reference's (besides those the reference itself uses; see Student.dependencies).
USES = {"lr_range_test": ("sgd_step",)}


def _text(value):
    if isinstance(value, (list, tuple)):
        return show(np.asarray(value, dtype=float)) + (" (a list)" if isinstance(value, list) else "")
    if isinstance(value, np.ndarray) and value.dtype != np.float64:
        return f"{show(value)} ({value.dtype})"
    return show(value)


def _shown(args, kwargs, names=()):
    """A call's arguments for a message, positional ones labelled by ``names`` where
    given: ``w=[1, 2], g=[0.5, -1], lr=0.1``."""
    labels = [*names, *[""] * len(args)]
    return ", ".join([f"{label}={_text(a)}" if label else _text(a) for label, a in zip(labels, args)]
                     + [f"{name}={value!r}" for name, value in kwargs.items()])


def _kind(value):
    return {list: "a list", tuple: "a tuple"}.get(type(value), f"a {type(value).__name__}")


def _plain(value):
    """``value`` for a message, a list of numpy numbers shown as plain numbers."""
    try:
        return show(np.asarray(value))
    except ValueError:
        return show(value)


def _parts(value, n, function, inputs, names):
    expect(isinstance(value, (list, tuple)) and len(value) == n,
           lambda: f"{function}({inputs}) returned {show(value)}; expected a tuple ({names})")
    return value


def _expect_tuple(result, function, inputs, names):
    """The value itself is a tuple (or list), not a generator or an iterator, which can
    be unpacked once but neither indexed nor read again."""
    expect([] not in result.lazy,
           f"{function}({inputs}) returned a generator or an iterator; expected the tuple ({names}) itself "
           f"(return {names}, not yield them or a map or zip of them): it can be unpacked only once, and "
           "neither indexed nor read again")


def _rtol(args, default):
    """A looser tolerance when a call's arrays are float32."""
    return 1e-5 if any(getattr(a, "dtype", None) == np.float32 for a in args) else default


# -- sgd_step -------------------------------------------------------------------
def _check_sgd(result, args, kwargs, typed=True):
    inputs = _shown(args, kwargs, ("w", "g", "lr"))
    expect_close("sgd_step", inputs, result.value, REFERENCE.sgd_step(*args), rtol=_rtol(args, 1e-6),
                 array=typed)
    expect_unmodified("sgd_step", inputs, result)
    expect_new("sgd_step", inputs, result)


@cell("test_sgd_step", points=1)
def test_sgd_step_values(student, rng):
    """sgd_step returns w - lr * g as a new float array of w's shape (also (n, 1), (1,), 3-D, and 0-d for
    a single number, which stays 0-d, not shape (1,)), for arrays, float32 arrays, integer arrays (also
    with an integer g and lr) and lists, also for a zero gradient, for the same w and lr with another g,
    for lr = 0 after calls with other rates (w's values), and for the same numbers in another shape ((2, 3),
    then (6,) and (3, 2): each result has its own call's shape), and for a gradient of about 1e-9 (w still
    moves: no gradient is too small for a step)"""
    calls = [((rng.standard_normal(3), rng.standard_normal(3), 0.1), {}),
             ((rng.standard_normal((2, 3)), rng.standard_normal((2, 3)), float(rng.uniform(0.01, 1))), {}),
             ((rng.standard_normal(2).astype(np.float32), rng.standard_normal(2).astype(np.float32), 0.5), {}),
             ((rng.standard_normal(2).tolist(), rng.standard_normal(2).tolist(), 0.3), {}),
             ((rng.integers(-5, 6, 3), rng.standard_normal(3), 0.25), {}),
             ((rng.standard_normal((3, 1)), rng.standard_normal((3, 1)), 0.2), {}),
             ((rng.standard_normal(3), np.zeros(3), 0.1), {}), ((rng.integers(-5, 6, 2), np.zeros(2), 0.1), {}),
             ((rng.integers(-5, 6, 3), rng.integers(-5, 6, 3), int(rng.integers(2, 4))), {}),
             ((rng.standard_normal((2, 3, 2)), rng.standard_normal((2, 3, 2)), 0.1), {})]
    w, lr = rng.standard_normal(3), float(rng.uniform(0.05, 0.5))
    calls += [((w, rng.standard_normal(3), lr), {}), ((w, rng.standard_normal(3), lr), {})]
    calls += [((rng.standard_normal(3), rng.standard_normal(3), 0.0), {}),
              ((rng.standard_normal(2), rng.standard_normal(2), 0), {})]
    calls.append(((rng.standard_normal(1), rng.standard_normal(1), 0.1), {}))   # one parameter: shape (1,)
    w, g = rng.standard_normal((2, 3)), rng.standard_normal((2, 3))
    calls += [((w.reshape(shape), g.reshape(shape), 0.1), {}) for shape in ((2, 3), (6,), (3, 2))]
    calls = [(*call, True) for call in calls]
    # A 0-d w: the result has shape () (a 0-d array or a numpy float), not (1,).
    calls.append(((np.array(float(rng.standard_normal())), np.array(float(rng.standard_normal())), 0.1), {},
                  False))
    # A gradient of about 1e-9 with a large rate: a step of about 1e-7, still taken.
    calls.append(((np.zeros(3), rng.uniform(0.5, 2.0, 3) * rng.choice([-1.0, 1.0], 3) * 1e-9, 100.0), {}, True))
    check_each(student, "sgd_step", calls, _check_sgd)


# -- momentum_step -----------------------------------------------------------------
def _momentum_steps(student, shared, seed, test, check):
    recipes = {test_momentum_step_values: _momentum_step_values_calls,
               test_momentum_step_inputs: _momentum_step_inputs_calls}
    check_planned(student, shared, seed, "momentum_step", recipes, test, check)


def _check_momentum(result, args, kwargs, floor=1e-8, typed=False):
    inputs, rtol = _shown(args, kwargs, ("w", "g", "v", "lr", "momentum")), _rtol(args, 1e-6)
    new_w, new_v = _parts(result.value, 2, "momentum_step", inputs, "w, v")
    expected_w, expected_v = REFERENCE.momentum_step(*args, **kwargs)
    expect_close("momentum_step", inputs + " → v (v = momentum * v - lr * g)", new_v, expected_v, rtol=rtol,
                 floor=floor, array=typed)
    expect_close("momentum_step", inputs + " → w (w = w + v)", new_w, expected_w, rtol=rtol, floor=floor,
                 array=typed)


def _check_momentum_unmodified(result, args, kwargs):
    _check_momentum(result, args, kwargs, typed=True)
    inputs = _shown(args, kwargs, ("w", "g", "v", "lr", "momentum"))
    _expect_tuple(result, "momentum_step", inputs, "w, v")
    expect_unmodified("momentum_step", inputs, result)


def _momentum_step_values_calls(rng):
    w, v = rng.standard_normal(3), rng.standard_normal(3)
    hyper = {"lr": float(rng.uniform(0.01, 0.2)), "momentum": float(rng.uniform(0.5, 0.95))}
    calls = []
    for _ in range(4):
        g = rng.standard_normal(3)
        calls.append(((w, g, v), hyper))
        w, v = REFERENCE.momentum_step(w, g, v, **hyper)
    calls.append(((rng.standard_normal((2, 2)), rng.standard_normal((2, 2)), rng.standard_normal((2, 2))), {}))
    # A velocity far smaller than w: v computed as new_w - w would lose most of its digits.
    calls.append(((rng.uniform(1, 9, 3) * 1e8, rng.standard_normal(3), rng.standard_normal(3) * 1e-3),
                  {"lr": 1e-3, "momentum": 0.9}))
    calls.append((tuple(rng.standard_normal((3, 3, 1))), {}))        # w, g and v of shape (3, 1)
    calls.append((tuple(rng.standard_normal((3, 3))), {"lr": 0.0, "momentum": 0.9}))
    calls.append((tuple(rng.standard_normal((3, 3))), {"lr": 0.1, "momentum": 0.0}))
    calls.append((tuple(np.array(x) for x in rng.standard_normal(3)), {}))     # 0-d w, g and v
    calls.append(((rng.standard_normal(3), np.zeros(3), rng.standard_normal(3)), {}))   # g = 0: v decays
    calls.append(((rng.standard_normal(3), 60.0 * rng.standard_normal(3), rng.standard_normal(3)), {}))
    # A tiny gradient from rest: v = -lr * g (about 1e-15) to full precision, and w (about 1e-14) moves.
    tiny = ((rng.uniform(0.5, 2.0, 3) * 1e-14, rng.uniform(0.5, 2.0, 3) * rng.choice([-1.0, 1.0], 3) * 1e-14,
             np.zeros(3)), {"lr": 0.1, "momentum": 0.9})
    # A momentum close to 1, as long runs use: not capped at 0.99.
    calls.append((tuple(rng.standard_normal((3, 3))), {"lr": 0.1, "momentum": 0.995}))
    return [(*call, 1e-8) for call in calls] + [(*tiny, 1e-300)]


@cell("test_momentum_step", points=1)
def test_momentum_step_values(student, seed, shared):
    """momentum_step: v = momentum * v - lr * g, then w = w + v, over a run of steps; v to full
    precision even when w is much larger (about 1e8) and when g is tiny (about 1e-14, from v = 0: w still
    moves), with lr = 0 and with momentum = 0 too (then v = -lr * g), with momentum = 0.995 (close to 1,
    not capped), with a zero gradient (the ball keeps
    rolling: v = momentum * v, w = w + v), with a large gradient (norm about 100: not clipped), and w and
    v of the input's shape (also (n, 1), and 0-d for a single number)"""
    _momentum_steps(student, shared, seed, test_momentum_step_values, _check_momentum)


def _momentum_step_inputs_calls(rng):
    return [((rng.standard_normal(3), rng.standard_normal(3), rng.standard_normal(3)),
              {"lr": 0.05, "momentum": 0.9}),
             (tuple(a.astype(np.float32) for a in rng.standard_normal((3, 2))), {"lr": 0.1, "momentum": 0.8}),
             (tuple(a.tolist() for a in rng.standard_normal((3, 2))), {"lr": 0.1, "momentum": 0.8}),
             ((rng.integers(-5, 6, 3), rng.standard_normal(3), np.zeros(3), 0.1, 0.5), {}),
             ((rng.standard_normal(3), rng.standard_normal(3), np.zeros(3, dtype=int)), {"lr": 0.1, "momentum": 0.9}),
             ((rng.standard_normal(2).tolist(), rng.standard_normal(2).tolist(), [0, 0]), {}),
             (tuple(rng.standard_normal((3, 1))), {"lr": 0.1, "momentum": 0.9})]     # one parameter


@cell("test_momentum_step", points=1)
def test_momentum_step_inputs(student, seed, shared):
    """momentum_step leaves its inputs unmodified and returns the tuple (w, v) (not a generator) of float
    arrays of the input's shape
    (also (1,) for one parameter) for float32 arrays, lists, an integer w, a velocity at rest given as
    integer zeros or a list of 0 (v is a float array, not truncated) and lr and momentum given by
    position"""
    _momentum_steps(student, shared, seed, test_momentum_step_inputs, _check_momentum_unmodified)


# -- rmsprop_step --------------------------------------------------------------------
def _rmsprop_steps(student, shared, seed, test, check):
    recipes = {test_rmsprop_step_values: _rmsprop_step_values_calls,
               test_rmsprop_step_eps_inside_the_root: _rmsprop_step_eps_inside_the_root_calls}
    check_planned(student, shared, seed, "rmsprop_step", recipes, test, check)


def _check_rmsprop(result, args, kwargs):
    inputs = _shown(args, kwargs, ("w", "g", "s"))
    new_w, new_s = _parts(result.value, 2, "rmsprop_step", inputs, "w, s")
    expected_w, expected_s = REFERENCE.rmsprop_step(*args, **kwargs)
    expect_close("rmsprop_step", inputs + " → s (s = decay * s + (1 - decay) * g**2)", new_s, expected_s)
    expect_close("rmsprop_step", inputs + " → w (w = w - lr * g / sqrt(s + eps))", new_w, expected_w)


def _check_rmsprop_unmodified(result, args, kwargs):
    _check_rmsprop(result, args, kwargs)
    _expect_tuple(result, "rmsprop_step", _shown(args, kwargs, ("w", "g", "s")), "w, s")
    expect_unmodified("rmsprop_step", _shown(args, kwargs, ("w", "g", "s")), result)


def _rmsprop_step_values_calls(rng):
    first = ((rng.standard_normal(3), rng.standard_normal(3), rng.uniform(0, 2, 3)), {})
    hyper = {"lr": float(rng.uniform(0.01, 0.1)), "decay": float(rng.uniform(0.8, 0.99))}
    w, s, calls = rng.standard_normal((2, 2)), np.zeros((2, 2)), []
    for _ in range(3):
        g = rng.standard_normal((2, 2)) * 10.0 ** rng.integers(-2, 3)
        calls.append(((w, g, s), hyper))
        w, s = REFERENCE.rmsprop_step(w, g, s, **hyper)
    calls.append(((rng.standard_normal(3), np.zeros(3), rng.uniform(0.5, 2, 3)), {}))
    calls.append(((rng.standard_normal(3), rng.standard_normal(3) * 1e20, np.zeros(3)), {}))
    calls.append((tuple(a.tolist() for a in (rng.standard_normal(3), rng.standard_normal(3),
                                             rng.uniform(0, 2, 3))), hyper))
    calls.append(((rng.standard_normal(3), rng.standard_normal(3), rng.uniform(0, 2, 3)),
                  {"lr": 0.01, "decay": 0.0}))                 # s = g**2, whatever s was
    calls.append(((rng.integers(-5, 6, 3), rng.standard_normal(3), rng.uniform(0, 2, 3)), {}))
    calls.append(((np.array(float(rng.standard_normal())), np.array(float(rng.standard_normal())),
                   np.array(float(rng.uniform(0, 2)))), {}))
    for shape in ((1,), (1, 3)):
        calls.append(((rng.standard_normal(shape), rng.standard_normal(shape), rng.uniform(0, 2, shape)), {}))
    return [first, *calls]


@cell("test_rmsprop_step", points=1)
def test_rmsprop_step_values(student, seed, shared):
    """rmsprop_step returns the tuple (w, s) (not a generator) and matches the update at random inputs
    (arrays, lists, an integer w, 0-d numbers, and shapes (1,) and (1, 3), which w and s keep), with
    its defaults and with other settings (decay = 0 too, after calls with decay = 0.9); with a zero
    gradient s still decays, and with an exploding gradient (1e20) s holds g**2 (float64)"""
    _rmsprop_steps(student, shared, seed, test_rmsprop_step_values, _check_rmsprop_unmodified)


def _rmsprop_step_eps_inside_the_root_calls(rng):
    w = rng.standard_normal(3)
    g = rng.uniform(0.5, 2.0, 3) * rng.choice([-1.0, 1.0], 3) * 1e-5
    calls = [((w, g, np.zeros(3)), {}), ((w, g * 1e4, np.zeros(3, dtype=int)), {})]
    g = rng.uniform(0.5, 2.0, 3) * rng.choice([-1.0, 1.0], 3) * 1e-4
    s = rng.uniform(0.5, 2.0, 3) * 1e-8
    calls.append(((w, g, s), {"lr": 0.01, "decay": 0.9, "eps": 1e-6}))
    g = rng.uniform(0.5, 2.0, 3) * rng.choice([-1.0, 1.0], 3) * 1e-10
    calls.append(((w, g, np.zeros(3)), {"eps": 0.0}))
    # Below eps but not 0: from w = 0 the step is lr * g / sqrt(s + eps), about 1e-6.
    g = rng.uniform(0.5, 2.0, 3) * rng.choice([-1.0, 1.0], 3) * 1e-9
    calls.append(((np.zeros(3), g, np.zeros(3)), {"lr": 0.1}))
    # g**2 underflows to 0 (elementwise, nothing to skip): s becomes decay * s, w barely moves.
    g = rng.uniform(0.5, 2.0, 3) * rng.choice([-1.0, 1.0], 3) * 1e-160
    calls.append(((w, g, rng.uniform(0.5, 2.0, 3)), {}))
    # decay = 0: s = g**2, and eps (as large as g**2 here) still shrinks the step below lr.
    g = rng.uniform(0.5, 2.0, 3) * rng.choice([-1.0, 1.0], 3) * 1e-4
    calls.append(((w, g, rng.uniform(0.5, 2.0, 3)), {"lr": 0.01, "decay": 0.0}))
    return calls


@cell("test_rmsprop_step", points=1)
def test_rmsprop_step_eps_inside_the_root(student, seed, shared):
    """rmsprop_step adds eps inside the square root (it matters for tiny gradients), and nothing else
    (eps = 0 with tiny gradients; with decay = 0 too, where s is g**2 and a gradient of about 1e-4 takes a
    step well below lr); a gradient below eps (about 1e-9) still enters s and moves w; s may
    start as integer zeros; a gradient of about 1e-160, whose square underflows to 0, still decays s to
    decay * s"""
    _rmsprop_steps(student, shared, seed, test_rmsprop_step_eps_inside_the_root, _check_rmsprop)


# -- adam_step -------------------------------------------------------------------------
def _check_adam(result, args, kwargs):
    inputs = _shown(args, kwargs, ("w", "g", "m", "v", "t"))
    new_w, new_m, new_v = _parts(result.value, 3, "adam_step", inputs, "w, m, v")
    expected_w, expected_m, expected_v = REFERENCE.adam_step(*args, **kwargs)
    expect_close("adam_step", inputs + " → m (the running mean itself, not m_hat)", new_m, expected_m)
    expect_close("adam_step", inputs + " → v (the running mean itself, not v_hat)", new_v, expected_v)
    expect_close("adam_step", inputs + " → w", new_w, expected_w)


def _adam_steps(student, shared, seed, test, check):
    recipes = {test_adam_step_first_step: _adam_step_first_step_calls, test_adam_step_run: _adam_step_run_calls,
               test_adam_step_settings: _adam_step_settings_calls}
    check_planned(student, shared, seed, "adam_step", recipes, test, check)


def _adam_step_first_step_calls(rng):
    w = rng.standard_normal(4)
    g = rng.standard_normal(4) * 10.0 ** rng.integers(-3, 4, 4)
    g[rng.integers(4)] = float(rng.uniform(0.5, 2.0) * rng.choice([-1.0, 1.0])) * 1e-6
    return [((w, g, np.zeros(4), np.zeros(4), 1), {"lr": float(rng.uniform(0.001, 0.1))})]


@cell("test_adam_step", points=1)
def test_adam_step_first_step(student, seed, shared):
    """adam_step at t=1 is bias-corrected: the first step moves each coordinate by about lr, by
    lr * |g| / (|g| + eps) exactly, which eps (1e-8 by default) shrinks for a gradient of about 1e-6; it
    returns the tuple (w, m, v) (not a generator)"""
    def check(result, args, kwargs):
        _check_adam(result, args, kwargs)
        _expect_tuple(result, "adam_step", _shown(args, kwargs, ("w", "g", "m", "v", "t")), "w, m, v")
        expect_unmodified("adam_step", _shown(args, kwargs, ("w", "g", "m", "v", "t")), result)
    _adam_steps(student, shared, seed, test_adam_step_first_step, check)


def _adam_step_run_calls(rng):
    w, m, v = rng.standard_normal((2, 3)), np.zeros((2, 3)), np.zeros((2, 3))
    calls = []
    for t in range(1, 9):
        g = rng.standard_normal((2, 3))
        if t in (2, 3, 8):
            calls.append(((w, g, m, v, t if t != 3 else np.int64(t)), {}))
        if t == 5:
            calls.append(((*(a.tolist() for a in (w, g, m, v)), t), {}))
        w, m, v = REFERENCE.adam_step(w, g, m, v, t)
    calls.append(((rng.standard_normal(3), rng.standard_normal(3), rng.standard_normal(3) * 0.1,
                   rng.uniform(0.5, 2.0, 3), 5000), {}))
    calls.append(((rng.standard_normal(3) * 1e-3, rng.standard_normal(3), rng.standard_normal(3) * 0.1,
                   rng.uniform(0.5, 2.0, 3), int(rng.integers(40, 100))), {}))   # w as small as the step
    calls.append(((rng.standard_normal(3), rng.standard_normal(3), rng.standard_normal(3) * 0.1,
                   rng.uniform(0.5, 2.0, 3), 1), {}))
    calls.append(((rng.integers(-5, 6, 3), rng.standard_normal(3), np.zeros(3, dtype=int), np.zeros(3, dtype=int),
                   1), {}))
    calls.append(((rng.standard_normal(2).tolist(), rng.standard_normal(2).tolist(), [0, 0], [0, 0], 1), {}))
    calls.append(((rng.standard_normal(3), np.zeros(3), rng.standard_normal(3) * 0.1, rng.uniform(0.5, 2.0, 3),
                   int(rng.integers(2, 20))), {}))
    return calls


@cell("test_adam_step", points=1)
def test_adam_step_run(student, seed, shared):
    """adam_step matches a run of steps t = 1, 2, ..., 8 with its defaults (t a Python or a numpy integer;
    w, g, m and v arrays or lists), a step t = 5000 and a step t between 40 and 99 on their own (the
    bias corrections exactly 1 - beta**t), a step t = 1 from the m and v it is given
    (not zeros), a first step from m and v given as integer zeros (np.zeros_like of an integer w) or
    lists of 0 (the moments are floats, not truncated), and a step with a zero gradient from nonzero m
    and v (the moments still decay and w still moves)"""
    _adam_steps(student, shared, seed, test_adam_step_run, _check_adam)


def _adam_step_settings_calls(rng):
    hyper = {"lr": float(rng.uniform(0.01, 0.1)), "beta1": float(rng.uniform(0.5, 0.8)),
             "beta2": float(rng.uniform(0.9, 0.99)), "eps": 1e-6}
    w, m = rng.standard_normal(3), rng.standard_normal(3) * 1e-7
    g, v = rng.standard_normal(3) * 1e-7, rng.uniform(0.5, 2.0, 3) * 1e-14
    calls = [((w, g, m, v, int(rng.integers(3, 30))), hyper)]
    w, m, v = rng.standard_normal(3), rng.standard_normal(3), rng.uniform(0.5, 2, 3)
    calls.append(((w, rng.standard_normal(3), m, v, int(rng.integers(3, 30))), hyper))
    calls.append(((rng.standard_normal(3), rng.standard_normal(3) * 1e20, np.zeros(3), np.zeros(3), 1), {}))
    # After 1000 steps of gradients about 1e-3, a gradient of about 1: the step is about 2.5 * lr.
    small = rng.uniform(0.5, 1.5, 3) * 1e-3
    calls.append(((rng.standard_normal(3), rng.uniform(0.8, 1.2, 3) * rng.choice([-1.0, 1.0], 3),
                   small * rng.choice([-1.0, 1.0], 3), small ** 2, 1000), {}))
    calls.append(((*(np.array(float(x)) for x in rng.standard_normal(3)), np.array(float(rng.uniform(0.5, 2))),
                   int(rng.integers(2, 10))), hyper))
    # beta1 = 0: no momentum, m is g itself (and 1 - beta1**t is 1).
    calls.append(((rng.standard_normal(3), rng.standard_normal(3), rng.standard_normal(3) * 0.1,
                   rng.uniform(0.5, 2.0, 3), int(rng.integers(2, 10))), {"beta1": 0.0}))
    return calls


@cell("test_adam_step", points=1)
def test_adam_step_settings(student, seed, shared):
    """adam_step uses its lr, betas and eps (added after the square root) at later steps; with gradients
    of 1e20 its step is still about lr (the moments in float64), a large gradient after a run of small
    ones moves w by more than lr (m_hat / sqrt(v_hat) above 1, not capped), 0-d w, g, m and v give 0-d
    results (not shape (1,)), and beta1 = 0 (no momentum: m is g) is a setting like any other"""
    _adam_steps(student, shared, seed, test_adam_step_settings, _check_adam)


# -- clip_by_norm ------------------------------------------------------------------------
def _clips(student, shared, seed, test, check):
    recipes = {test_clip_by_norm_long_gradients: _clip_by_norm_long_gradients_calls,
               test_clip_by_norm_short_gradients: _clip_by_norm_short_gradients_calls}
    check_planned(student, shared, seed, "clip_by_norm", recipes, test, check)


def _check_clip(result, args, kwargs, new=False, floor=1e-8):
    inputs = _shown(args, kwargs, ("g", "max_norm"))
    clipped = expect_close("clip_by_norm", inputs, result.value, REFERENCE.clip_by_norm(*args),
                           rtol=_rtol(args, 1e-6), floor=floor, array=new)
    # norm(g) <= max_norm, up to rounding: a norm a relative 1e-7 above it is not within.
    norm, max_norm = float(np.linalg.norm(clipped)), float(args[1])
    expect(norm <= max_norm * (1 + _rtol(args, 1e-9)),
           lambda: f"clip_by_norm({inputs}) returned {show(clipped)}, of norm {norm!r}; expected a norm of at "
           f"most max_norm = {max_norm!r}")
    expect_unmodified("clip_by_norm", inputs, result)
    if new:
        expect_new("clip_by_norm", inputs, result)


def _clip_by_norm_long_gradients_calls(rng):
    calls = []
    for shape in ((3,), (2, 3), (2, 2, 3)):
        g = rng.standard_normal(shape) * 5
        calls.append(((g, float(np.linalg.norm(g) * rng.uniform(0.1, 0.6))), {}))
    g = rng.standard_normal(4) * 100
    g[0] = 0.5                   # one small element: elementwise clipping would keep it
    calls.append(((g, 1.0), {}))
    calls.append(((rng.standard_normal(3).astype(np.float32) * 10, 2.0), {}))
    calls.append(((rng.standard_normal(3) * 1e20, 1.0), {}))
    calls.append(((np.array(float(rng.uniform(3, 6) * rng.choice([-1.0, 1.0]))), 2.0), {}))
    calls.append(((rng.integers(3, 9, 3) * rng.choice([-1, 1], 3), 2.0), {}))
    calls.append(((rng.uniform(2.0, 4.0, 3).tolist(), 1.0), {}))      # a list
    calls.append(((np.array([-5.0]), 1.0), {}))               # the norm of [-5] is 5, not -5
    calls.append(((np.array([-float(rng.uniform(3, 9))]), 2.0), {}))
    calls.append(((rng.standard_normal(3) * 5, 0.0), {}))       # norm(g) <= 0: zeros
    g = rng.standard_normal(3)
    calls.append(((g, float(np.linalg.norm(g)) / (1 + 1e-7)), {}))   # just above max_norm: still clipped
    calls = [(*call, False) for call in calls]
    g = rng.standard_normal(4)
    g *= float(rng.uniform(4, 6)) * 1e-9 / np.linalg.norm(g)       # norm about 5e-9, to 1e-9
    calls.append(((g, 1e-9), {}, False, 1e-300))
    return calls


@cell("test_clip_by_norm", points=1)
def test_clip_by_norm_long_gradients(student, seed, shared):
    """clip_by_norm rescales a gradient longer than max_norm to length max_norm, same direction (a 3-D
    one too: the norm of all its entries), also an exploding one (entries of 1e20), a 0-d one (which
    stays 0-d, not shape (1,)), a one-element negative one ([-5.0] to norm 1 is [-1.0]), an integer one
    and a list; with max_norm = 0 any nonzero gradient becomes zeros (norm(g) <= 0); a norm only a
    relative 1e-7 above max_norm is clipped too, and so is a tiny one (about 5e-9 to max_norm = 1e-9)"""
    _clips(student, shared, seed, test_clip_by_norm_long_gradients, _check_clip)


def _clip_by_norm_short_gradients_calls(rng):
    calls = []
    for shape in ((3,), (2, 3)):
        g = rng.standard_normal(shape) * 5
        calls.append(((g, float(np.linalg.norm(g) * rng.uniform(1.2, 3.0))), {}))
    g = rng.standard_normal(3) * 3
    g[0] = 2 * np.abs(g).max() + 1        # largest element above max_norm, the norm below it
    calls.append(((g, float(np.linalg.norm(g) * 1.05)), {}))
    calls.append(((rng.standard_normal(2).tolist(), 10.0), {}))
    calls.append(((np.zeros(3), 1.0), {}))
    calls.append(((np.zeros(3), 0.0), {}))                    # norm 0 is within max_norm 0: no 0 / 0
    calls.append(((rng.integers(-3, 4, 3) | 1, 10.0), {}))
    return [call + (True,) for call in calls]


@cell("test_clip_by_norm", points=1)
def test_clip_by_norm_short_gradients(student, seed, shared):
    """clip_by_norm leaves a gradient within max_norm as it is (arrays, matrices, lists, integer arrays
    and zero, also zero with max_norm = 0), in a new float array"""
    _clips(student, shared, seed, test_clip_by_norm_short_gradients, _check_clip)


# -- schedules -----------------------------------------------------------------------------
def _check_schedule(student, function, calls):
    reference = getattr(REFERENCE, function)

    def check(result, args, kwargs):
        shown = _shown(args, kwargs)
        expect_close(function, shown, as_float(result.value, function, shown), reference(*args, **kwargs))
    check_each(student, function, calls, check)


@cell("test_step_decay", points=1)
def test_step_decay_values(student, rng):
    """step_decay is initial_lr * drop ** floor(epoch / epochs_drop), with its defaults (also at epoch
    200, where it is below 1e-7) and others
    (a fractional epochs_drop such as 2.5 too, and epochs just below a multiple of a large epochs_drop,
    such as 199 with epochs_drop=100, a large epoch such as 5000 with epochs_drop=2, and exact multiples
    of epochs_drop=49, which epoch * (1 / epochs_drop) floors one step short), for an epoch given as an
    int, a numpy integer or a float"""
    inputs = [((epoch,), {}) for epoch in (0, 4, 9, 10, 16, 19, 20, 29, 35, 200)]
    initial_lr, drop = round(float(rng.uniform(0.01, 1.0)), 4), round(float(rng.uniform(0.1, 0.9)), 3)
    epochs_drop = int(rng.integers(3, 8))
    hyper = {"initial_lr": initial_lr, "drop": drop, "epochs_drop": epochs_drop}
    inputs += [((epoch,), hyper) for epoch in sorted({0, epochs_drop - 1, epochs_drop, 2 * epochs_drop - 1,
                                                      2 * epochs_drop + 1, int(rng.integers(0, 40))})]
    # A fractional epochs_drop (a multiple of 0.25, exact in binary): the steps fall between epochs.
    fractional = float(rng.choice([1.5, 2.25, 2.5, 3.5, 3.75]))
    hyper = {"initial_lr": initial_lr, "drop": drop, "epochs_drop": fractional}
    inputs += [((epoch,), hyper) for epoch in range(0, 13)]
    # "Each takes a number": a numpy integer (from np.arange) and a float epoch are numbers too.
    inputs += [((np.int64(epoch),), {}) for epoch in (9, 10, int(rng.integers(11, 40)))]
    inputs += [((float(epoch),), {}) for epoch in (10.0, 19.5, float(rng.integers(21, 40)) + 0.25)]
    # Just below a step, where epoch / epochs_drop has a fractional part of 0.99 or more.
    inputs += [((199,), {"epochs_drop": 100}), ((1995,), {"epochs_drop": 1000}),
               ((int(rng.integers(2, 9)) * 1000 - 1,),
                {"initial_lr": initial_lr, "drop": drop, "epochs_drop": 1000})]
    # Far along: 2500 drops of 0.999 (a staircase walked one step at a time is too deep).
    inputs += [((epoch,), {"initial_lr": initial_lr, "drop": 0.999, "epochs_drop": 2})
               for epoch in (5000, int(rng.integers(4000, 6000)))]
    # Exact multiples of 49: epoch * (1 / 49) rounds to just below a whole number, epoch / 49 does not.
    inputs += [((epoch,), {"epochs_drop": 49}) for epoch in (48, 49, 98)]
    _check_schedule(student, "step_decay", inputs)


@cell("test_exponential_decay", points=1)
def test_exponential_decay_values(student, rng):
    """exponential_decay is initial_lr * decay_rate ** (step / decay_steps), for any step (an int, a numpy
    integer or a float), its parameters given by name or by position (also a step seen before, with
    another decay_rate)"""
    inputs = [((step,), {}) for step in (0, 1, 2500, 9999, 10000, int(rng.integers(10001, 50000)))]
    initial_lr, decay_rate = round(float(rng.uniform(0.01, 1.0)), 4), round(float(rng.uniform(0.1, 0.9)), 3)
    decay_steps = int(rng.integers(5, 50))
    hyper = {"initial_lr": initial_lr, "decay_steps": decay_steps, "decay_rate": decay_rate}
    inputs += [((step,), hyper) for step in (0, int(rng.integers(1, decay_steps)), decay_steps,
                                             int(rng.integers(decay_steps + 1, 200)))]
    inputs.append(((int(rng.integers(1, 200)), initial_lr, decay_steps, decay_rate), {}))
    inputs.append(((10000,), {"decay_rate": decay_rate}))        # a step seen before, with another rate
    inputs.append(((np.int64(rng.integers(1, 200)),), hyper))
    inputs += [((2500.5,), {}), ((float(rng.integers(1, 200)) + 0.25,), hyper)]
    _check_schedule(student, "exponential_decay", inputs)


@cell("test_cosine_annealing", points=1)
def test_cosine_annealing_values(student, rng):
    """cosine_annealing goes from lr_max at step 0 to lr_min at step t_max along half a cosine (step an int,
    a numpy integer or a float); past t_max it follows the formula (climbing back) or stays at lr_min, but does not
    restart from lr_max"""
    lr_max, t_max = round(float(rng.uniform(0.05, 1.0)), 4), int(rng.integers(20, 200))
    lr_min = round(float(rng.uniform(0.001, 0.01)), 5)
    inputs = []
    for step in (0, 1, int(rng.integers(2, t_max // 2)), t_max // 2, int(rng.integers(t_max // 2, t_max)),
                 t_max - 1, t_max):
        inputs += [((step, lr_max, t_max), {}), ((step, lr_max, t_max), {"lr_min": lr_min})]
    inputs.append(((np.int64(rng.integers(1, t_max)), lr_max, t_max), {"lr_min": lr_min}))
    inputs.append(((float(rng.integers(1, t_max)) + 0.5, lr_max, t_max), {"lr_min": lr_min}))
    _check_schedule(student, "cosine_annealing", inputs)
    _check_cosine_past_t_max(student, rng, lr_max, t_max, lr_min)


def _check_cosine_past_t_max(student, rng, lr_max, t_max, lr_min):
    """Between t_max and 1.5 t_max the formula climbs back from lr_min slowly; holding
    lr_min there is also accepted, a warm restart (step % t_max) is not."""
    def check(result, args, kwargs):
        shown = _shown(args, kwargs)
        got = as_float(result.value, "cosine_annealing", shown)
        expected, floor = REFERENCE.cosine_annealing(*args, **kwargs), kwargs.get("lr_min", 0.0)
        expect(is_close(got, expected) or is_close(got, floor),
               f"cosine_annealing({shown}) returned {got:.6g}; expected {expected:.6g} (the formula "
               f"lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2, past t_max too), or "
               f"lr_min = {floor:g} if the rate is held once step passes t_max")
    steps = (t_max + max(1, t_max // 8), t_max + int(rng.integers(max(2, t_max // 8), max(3, t_max // 3))))
    calls = [((step, lr_max, t_max), {"lr_min": lr_min}) for step in steps]
    check_each(student, "cosine_annealing", calls, check)


# -- ReduceLROnPlateau ------------------------------------------------------------------------
def _check_plateaus(student, runs):
    """Report each ``(losses, lr, kwargs)`` of ``runs`` one by one to a scheduler
    ``ReduceLROnPlateau(lr, **kwargs)`` of the student's and one of the reference's.
    The student's are made in one process, each judged alone if it fails there:
    schedulers that share state fail :func:`_check_two_plateaus` only."""
    check_each(student, "ReduceLROnPlateau", [((lr,), kwargs, losses) for losses, lr, kwargs in runs],
               _check_plateau, alone=True)


def _check_plateau(result, args, kwargs, losses):
    made = ", ".join([repr(args[0])] + [f"{k}={v!r}" for k, v in kwargs.items()])
    handle = result.value
    expect(isinstance(handle, Handle),
           lambda: f"ReduceLROnPlateau({made}) gave {show(handle)}; expected an object with a step method")
    reference = REFERENCE.ReduceLROnPlateau(*args, **kwargs)
    for i, loss in enumerate(losses):
        inputs = f"{made}) after the losses {show(np.asarray(losses[:i + 1]))}: step({loss!r}"
        got = as_float(handle.step(loss), "ReduceLROnPlateau", inputs)
        expect_close("ReduceLROnPlateau", inputs, got, reference.step(loss))


def _plateau_losses(rng, patience, rounds):
    """Improvements, then plateaus long enough to cut the rate several times."""
    losses, best = [], float(rng.uniform(2, 5))
    for _ in range(rounds):
        for _ in range(int(rng.integers(1, 3))):
            best = round(best * float(rng.uniform(0.7, 0.95)), 6)
            losses.append(best)
        flat = [round(best * float(rng.uniform(1.0, 1.3)), 6) for _ in range(int(rng.integers(1, 3)) * patience + 1)]
        flat[0] = best                           # a loss equal to the best is no improvement
        losses.extend(flat)
    return losses


@cell("test_ReduceLROnPlateau", points=1)
def test_plateau_cuts_after_patience(student, rng):
    """ReduceLROnPlateau cuts the rate when the count of bad losses reaches patience, then restarts it;
    the best loss is kept across cuts, and nan is no improvement (later losses below the best finite
    loss still are); negative losses count as any others, and a loss of exactly 0 is a best like any
    other (a negative loss after it is an improvement); an integer lr (1) is cut to 0.5, not 0"""
    patience = int(rng.integers(2, 5))
    factor = round(float(rng.uniform(0.2, 0.8)), 3)
    p = {"patience": patience}
    _check_plateaus(student, [
        (_plateau_losses(rng, patience, 3), round(float(rng.uniform(0.01, 1)), 4),
         {"factor": factor, "patience": patience}),
        ([1.0] * 13, 0.1, {}),
        # After the first cut, 1.5 is still worse than the best, 1.0.
        ([1.0] + [2.0] * patience + [1.5] * (2 * patience), 0.1, p),
        ([1.0] + [float("nan")] * (2 * patience), 0.1, p),
        # A nan, then losses below the best finite one: each is a new best and resets the count.
        ([2.0, 1.5, float("nan")] + [round(1.4 - 0.05 * k, 6) for k in range(2 * patience)], 0.1, p),
        # Negative losses (a log-likelihood, say): a plateau below 0 is still a plateau.
        ([-0.5, -2.0] + [-1.5] * (2 * patience), 0.1, p),
        # A perfect fit: after a loss of 0, nothing is an improvement.
        ([1.0, 0.0] + [0.5] * (2 * patience), 0.1, p),
        ([1.0, 0.0] + [0.5] * (patience - 1) + [-0.1] + [0.5] * (patience + 1), 0.1, p),
        # An integer rate: the first cut of 1 by 0.5 is 0.5.
        ([1.0] + [2.0] * (2 * patience), 1, p)])


@cell("test_ReduceLROnPlateau", points=1)
def test_plateau_improvement_resets(student, rng):
    """ReduceLROnPlateau resets the count when a loss beats the best so far, by any margin (not just
    the last loss; losses falling on the scale of 1e-9 too); the first loss, however large (1e300), is
    always an improvement; two schedulers used in turn each keep their own best and count"""
    patience = int(rng.integers(3, 6))
    best, losses = float(rng.uniform(2, 5)), []
    for _ in range(3):
        best *= float(rng.uniform(0.7, 0.95))
        losses.append(best)
        bad = sorted((best * rng.uniform(1.05, 1.5, patience - 1)).tolist(), reverse=True)
        losses.extend(bad)                  # falling, but never below the best
    losses.extend([best] * patience)
    # Improvements of 1e-6 (a relative 5e-7): each still resets the count.
    hair = [2.0]
    for k in range(1, 4):
        hair += [2.5] * (patience - 1) + [2.0 - k * 1e-6]
    p = {"patience": patience}
    _check_plateaus(student, [([round(x, 6) for x in losses], 0.05, p), (hair + [2.5] * patience, 0.05, p),
                              # The best loss starts at np.inf: a huge first loss is still the first
                              # improvement.
                              ([1e300] * (patience + 1), 0.05, p),
                              # Improvements on the scale of 1e-9 (near a perfect fit) are improvements.
                              ([1e-9 * 0.8 ** k for k in range(2 * patience + 2)], 0.05, p)])
    _check_two_plateaus(student, patience)


def _check_two_plateaus(student, patience):
    """Two schedulers made in one process, reported to in turn: each counts its own
    reports since its own last improvement."""
    settings = [((0.1,), {"patience": patience}), ((0.4,), {"factor": 0.25, "patience": patience})]
    handles = [result.value for result in student.call_each("ReduceLROnPlateau", settings)]
    made = [", ".join([repr(args[0])] + [f"{k}={v!r}" for k, v in kwargs.items()])
            for args, kwargs in settings]
    for handle, shown in zip(handles, made):
        expect(isinstance(handle, Handle),
               lambda: f"ReduceLROnPlateau({shown}) gave {show(handle)}; expected an object with a step "
               "method")
    references = [REFERENCE.ReduceLROnPlateau(*args, **kwargs) for args, kwargs in settings]
    # A stalls after its first loss while B improves every other report: B's improvements
    # reset B's count only, and A's bad reports count for A only.
    reports = [(0, 2.0), (1, 3.0)]
    for k in range(3 * patience):
        reports += [(0, round(2.0 + 0.1 * (k % 3), 6)),
                    (1, round(3.0 - 0.01 * (k + 1), 6) if k % 2 else 3.5)]
    names, seen = "AB", ([], [])
    for which, loss in reports:
        seen[which].append(loss)
        inputs = (f"A = ReduceLROnPlateau({made[0]}) and B = ReduceLROnPlateau({made[1]}) used in turn, "
                  f"{names[which]} after the losses {show(np.asarray(seen[which]))}: "
                  f"{names[which]}.step({loss!r}")
        got = as_float(handles[which].step(loss), "ReduceLROnPlateau", inputs)
        expect_close("ReduceLROnPlateau", inputs, got, references[which].step(loss))


@cell("test_ReduceLROnPlateau", points=1)
def test_plateau_min_lr(student, rng):
    """ReduceLROnPlateau never goes below min_lr (by default 1e-7), and with min_lr=0 cuts however small the
    rate (from 1e-9)"""
    factor = round(float(rng.uniform(0.1, 0.5)), 3)
    min_lr = round(float(rng.uniform(0.002, 0.02)), 5)
    losses = [3.0, 2.0] + [2.5] * 12
    _check_plateaus(student, [(losses, 1.0, {"factor": factor, "patience": 1, "min_lr": min_lr}),
                              (losses, 0.3, {"factor": factor, "patience": 2, "min_lr": min_lr}),
                              (losses[:8], 1e-9, {"factor": 0.1, "patience": 1, "min_lr": 0.0}),
                              # Down to the default 1e-7.
                              (losses[:8], 1e-5, {"factor": 0.1, "patience": 1})])


# -- minibatches -------------------------------------------------------------------------------
def _dataset(rng):
    n = int(rng.integers(37, 60))
    batch_size = int(rng.integers(5, 10))
    if n % batch_size in (0, batch_size - 1):   # batch_size - 1 rows left over would let the
        n += 2                                  # even chunks of np.array_split pass for batches
    return (*_rows(rng, n), batch_size)


def _rows(rng, n):
    """``X, y`` of ``n`` rows, each row's first column its own number."""
    return np.column_stack([rng.permutation(n) * 1.0, rng.standard_normal((n, 2))]), rng.integers(0, 7, n)


def _batches(student, X, y, batch_size, rng, result=None):
    """The (X_b, y_b) pairs of ``minibatches(X, y, batch_size, rng)``, called here or
    already called (``result``)."""
    inputs = (f"X of shape {np.shape(X)}, y of shape {np.shape(y)}"
              + (" (lists)" if isinstance(X, list) else "") + f", batch_size={batch_size}, rng")
    if result is None:
        result = student.call("minibatches", X, y, batch_size, rng)
    X = np.asarray(X)
    batches = result.value
    expect(isinstance(batches, (list, tuple)),
           lambda: f"minibatches({inputs}) gave {show(batches)}; expected to yield (X_b, y_b) pairs")
    pairs = []
    for k, pair in enumerate(batches):
        expect(isinstance(pair, (list, tuple)) and len(pair) == 2,
               lambda: f"minibatches({inputs}): batch {k} is {show(pair)}; expected a pair (X_b, y_b)")
        X_b = as_array(pair[0], "minibatches", inputs + f" → batch {k}'s X_b")
        y_b = as_array(pair[1], "minibatches", inputs + f" → batch {k}'s y_b")
        y_shape = (len(X_b), *np.shape(y)[1:])          # one label per row, or one row of y (one-hot)
        expect(X_b.ndim == 2 and X_b.shape[1] == X.shape[1] and y_b.shape == y_shape,
               f"minibatches({inputs}): batch {k} has X_b of shape {X_b.shape} and y_b of shape "
               f"{y_b.shape}; expected ({len(X_b)}, {X.shape[1]}) and {y_shape}")
        pairs.append((X_b, y_b))
    return inputs, pairs, result


def _minibatch_checks(student, shared, seed, test, check):
    recipes = {test_minibatches_cover_every_row_once: _minibatches_cover_every_row_once_calls,
               test_minibatches_keep_rows_paired: _minibatches_keep_rows_paired_calls}
    check_planned(student, shared, seed, "minibatches", recipes, test, check)


def _minibatches_cover_every_row_once_calls(rng):
    calls = []
    X, y, batch_size = _dataset(rng)
    _call(calls, X, y, batch_size, rng)
    for n in (batch_size * int(rng.integers(3, 6)), batch_size * int(rng.integers(3, 6)) + 1):
        _call(calls, *_rows(rng, n), batch_size, rng)
    X, y = _rows(rng, int(rng.integers(30, 45)))
    _call(calls, X, np.eye(7)[y], batch_size, rng)
    n = int(rng.integers(6, 10))            # wide: more features than rows
    _call(calls, np.column_stack([rng.permutation(n) * 1.0, rng.standard_normal((n, 3 * n))]),
          rng.integers(0, 7, n), 4, rng)
    _call(calls, *_rows(rng, 1100), 1, rng)
    return calls


@cell("test_minibatches", points=1)
def test_minibatches_cover_every_row_once(student, seed, shared):
    """minibatches yields every row exactly once, in batches of batch_size and a smaller last one
    (none when batch_size divides the rows, one row when one is left over), also with one-hot labels y of
    shape (n, K), with more columns than rows, and with batch_size = 1 on 1100 rows (1100 batches)"""
    _minibatch_checks(student, shared, seed, test_minibatches_cover_every_row_once, _cover_every_row_once)


def _call(calls, X, y, batch_size, rng):
    """Add the call ``minibatches(X, y, batch_size, rng)`` to ``calls``, with ``rng`` as
    it is now (the calls are made later, one after another in one process)."""
    calls.append(((X, y, batch_size, copy.deepcopy(rng)), {}))


def _cover_every_row_once(result, args, kwargs):
    X, y, batch_size, rng = args
    inputs, pairs, _ = _batches(None, X, y, batch_size, rng, result)
    sizes = [len(y_b) for _, y_b in pairs]
    expected = [batch_size] * (len(X) // batch_size) + ([len(X) % batch_size] if len(X) % batch_size else [])
    expect(sizes == expected,
           lambda: f"minibatches({inputs}) yielded batches of sizes {_plain(sizes)}; expected "
           f"{_plain(expected)}: full "
           "batches, and the left-over rows in a last, smaller batch")
    ids = np.concatenate([X_b[:, 0] for X_b, _ in pairs]) if pairs else np.zeros(0)
    counts = np.bincount(ids.astype(int), minlength=len(X)) if ids.size else np.zeros(len(X), int)
    expect(ids.size == len(X) and np.all(counts == 1),
           f"minibatches({inputs}): {int(np.sum(counts > 1))} rows came more than once and "
           f"{int(np.sum(counts == 0))} never came; each row must appear in exactly one batch "
           "(draw one permutation, don't sample with replacement)")


def _minibatches_keep_rows_paired_calls(rng):
    calls = []
    X, y, batch_size = _dataset(rng)
    _call(calls, X, y, batch_size, rng)
    _call(calls, X, rng.normal(size=len(X)), batch_size, rng)          # regression targets
    _call(calls, X, np.eye(7)[y], batch_size, rng)                     # one-hot labels
    _call(calls, X, y.reshape(-1, 1), batch_size, rng)                 # labels as a column
    X, y = _rows(rng, int(rng.integers(12, 20)))
    _call(calls, X.tolist(), y.tolist(), 5, rng)
    return calls


@cell("test_minibatches", points=1)
def test_minibatches_keep_rows_paired(student, seed, shared):
    """minibatches keeps rows of X and y paired, each X_b row holding exactly the values of its row of X
    (not rounded to float32) and each y_b the values of y (also float targets, one-hot rows of y, and y
    as a column of shape (n, 1)),
    hands out X_b and y_b as numpy arrays (also when X and y are given as lists), and leaves X and y
    unmodified"""
    _minibatch_checks(student, shared, seed, test_minibatches_keep_rows_paired, _rows_paired)


def _rows_paired(result, args, kwargs):
    X, y, batch_size, rng = args
    inputs, pairs, result = _batches(None, X, y, batch_size, rng, result)
    for k, (X_b, y_b) in enumerate(result.value):
        for name, part in (("X_b", X_b), ("y_b", y_b)):
            expect(isinstance(part, np.ndarray),
                   lambda: f"minibatches({inputs}): batch {k}'s {name} is {_kind(part)}, {_plain(part)}; "
                   "expected a numpy array (index arrays: X, y = np.asarray(X), np.asarray(y), then "
                   "X[rows], y[rows])")
    X, y = np.asarray(X), np.asarray(y)
    by_id = {int(i): k for k, i in enumerate(X[:, 0])}
    for k, (X_b, y_b) in enumerate(pairs):
        for row, label in zip(X_b, y_b):
            original = by_id.get(int(row[0]))
            expect(original is not None and np.allclose(row, X[original]),
                   lambda: f"minibatches({inputs}): batch {k} holds a row {show(row)} that is not a row of X")
            expect(np.allclose(row, X[original], rtol=1e-12, atol=0),
                   lambda: f"minibatches({inputs}): batch {k} holds the row X[{original}] as {row.tolist()}, "
                   f"but X[{original}] is {X[original].tolist()}: hand out X[rows] itself, with X's values "
                   "(no conversion to float32)")
            expect(np.array_equal(label, y[original]),
                   lambda: f"minibatches({inputs}): in batch {k} the row X[{original}] comes with the label "
                   f"{show(label)}, but y[{original}] is {show(y[original])}: index X and y with the same "
                   "rows, and keep y's values (float targets stay floats)")
    modified = [m for m in result.mutated if m in ("argument 1", "argument 2")]
    expect(not modified, f"minibatches({inputs}) modified X or y ({' and '.join(modified)}); "
                         "index them with a permutation instead of shuffling them in place")


@cell("test_minibatches", points=1)
def test_minibatches_order_comes_from_rng(student, rng):
    """minibatches shuffles with the rng it is given: same state, same batches; other state, other order
    (also when batch_size is the number of rows or more: one batch holds every row); the rows are shuffled
    once, so the same state gives the same order of rows whatever batch_size, and whether X and y are
    arrays or lists"""
    X, y, batch_size = _dataset(rng)
    seeds = rng.integers(0, 2**31, 2)
    orders = {size: _order_comes_from_rng(student, X, y, size, seeds)
              for size in (batch_size, len(X), len(X) + int(rng.integers(1, 4)))}
    (size, first), *others = orders.items()
    for other, order in others:
        expect(np.array_equal(first, order),
               lambda: f"minibatches(X of shape {X.shape} whose first column numbers its rows, y, batch_size, "
               f"rng=np.random.default_rng({seeds[0]})) gave the rows in the order {show(first)} for "
               f"batch_size={size} and {show(order)} for batch_size={other}; shuffle the rows once "
               "(order = rng.permutation(len(X))) and cut that order into batches, read in order")
    _lists_like_arrays(student, X, y, batch_size, int(seeds[0]))


def _lists_like_arrays(student, X, y, batch_size, seed):
    """X and y as lists give the batches that the same data as arrays gives at the same
    rng state ("every function takes arrays (or lists)")."""
    calls = [((X, y, batch_size, np.random.default_rng(seed)), {}),
             ((X.tolist(), y.tolist(), batch_size, np.random.default_rng(seed)), {})]
    orders = []
    for (args, _), result in zip(calls, student.call_each("minibatches", calls)):
        _, pairs, _ = _batches(student, *args, result=result)
        orders.append(np.concatenate([X_b[:, 0] for X_b, _ in pairs]) if pairs else np.zeros(0))
    expect(np.array_equal(orders[0], orders[1]),
           lambda: f"minibatches(X of shape {X.shape} whose first column numbers its rows, y, "
           f"batch_size={batch_size}, rng=np.random.default_rng({seed})) gave the rows in the order "
           f"{show(orders[0])} for arrays, but {show(orders[1])} for the same X and y given as lists; "
           "lists are data too: shuffle them the same way (np.asarray(X)[rows])")


def _order_comes_from_rng(student, X, y, batch_size, seeds):
    # One process for the three calls: an order kept from an earlier call shows.
    seeds = (seeds[0], seeds[0], seeds[1])
    results = student.call_each("minibatches", [((X, y, batch_size, np.random.default_rng(seed)), {})
                                                for seed in seeds])
    orders = []
    for seed, result in zip(seeds, results):
        inputs, pairs, _ = _batches(student, X, y, batch_size, None, result=result)
        orders.append(np.concatenate([X_b[:, 0] for X_b, _ in pairs]) if pairs else np.zeros(0))
    inputs = inputs.replace("rng", "rng=np.random.default_rng(seed)")
    expect(not np.array_equal(orders[0], X[:, 0]),
           f"minibatches({inputs}) yielded the rows in their original order; shuffle them with "
           "rng.permutation")
    expect(np.array_equal(orders[0], orders[1]),
           f"minibatches({inputs}) gave different batches for the same rng state; take the "
           "randomness from rng only")
    expect(not np.array_equal(orders[0], orders[2]),
           f"minibatches({inputs}) gave the same order for two different seeds, called one after "
           "the other; take the order from the rng you are given (rng.permutation) at every call, "
           "not from np.random or an order kept from an earlier call")
    return orders[0]


# -- lr_range_test --------------------------------------------------------------------------------
def _part(value, n, i):
    """Part ``i`` of a returned ``n``-tuple, as it came back, or None."""
    return value[i] if isinstance(value, (list, tuple)) and len(value) == n else None


def _range_inputs(landscape, args, kwargs):
    return f"loss_fn, grad_fn = {landscape}, w0={_text(args[2])}" + "".join(
        f", {k}={v!r}" for k, v in kwargs.items())


def _check_ranges(student, calls):
    """The student's lr_range_test at each ``(landscape, w0, kwargs, check)`` of
    ``calls``, one after another in one process; ``check(inputs, lrs, losses, result,
    expected)`` gets what the reference returns for the same call."""
    def check(result, args, kwargs, landscape, then):
        inputs = _range_inputs(landscape, args, kwargs)
        lrs, losses = _parts(result.value, 2, "lr_range_test", inputs, "lrs, losses")
        then(inputs, lrs, losses, result, REFERENCE.lr_range_test(*args, **kwargs))
    check_each(student, "lr_range_test", [((landscape.f, landscape.grad, w0), kwargs, landscape, then)
                                          for landscape, w0, kwargs, then in calls], check)


@cell("test_lr_range_test", points=1)
def test_lr_range_test_grid(student, rng):
    """lr_range_test uses the geometric grid np.geomspace(lr_min, lr_max, n_steps) and returns lrs and
    losses as two float arrays of length n_steps (not lists), also for n_steps = 1 (lrs = [lr_min])"""
    bowl = Bowl.random(rng)
    w0 = bowl.centre + rng.uniform(-2, 2, 2)
    lr_min, lr_max = float(10.0 ** rng.uniform(-5, -3)), float(rng.uniform(0.5, 1.5))
    n_steps = int(rng.integers(20, 40))

    def grid(inputs, lrs, losses, result, expected):
        expect_close("lr_range_test", inputs + " → lrs", lrs, np.geomspace(lr_min, lr_max, n_steps),
                     array=True)
        as_float_array(losses, "lr_range_test", inputs + " → losses", shape=(n_steps,))
        expect_unmodified("lr_range_test", inputs, result)

    def defaults(inputs, lrs, losses, result, expected):
        expect_close("lr_range_test", inputs + " (the defaults) → lrs", lrs, np.geomspace(1e-6, 1.0, 100))

    def one_rate(inputs, lrs, losses, result, expected):
        # np.geomspace(lr_min, lr_max, 1) is [lr_min], and one step from w0.
        expect_close("lr_range_test", inputs + " → lrs", lrs, expected[0], array=True)
        expect_close("lr_range_test", inputs + " → losses", losses, expected[1], array=True)
    _check_ranges(student, [(bowl, w0, {"lr_min": lr_min, "lr_max": lr_max, "n_steps": n_steps}, grid),
                            (bowl, w0, {}, defaults),
                            (bowl, w0, {"lr_min": lr_min, "lr_max": lr_max, "n_steps": 1}, one_rate)])


@cell("test_lr_range_test", points=1)
def test_lr_range_test_losses(student, rng, sketch):
    """lr_range_test takes one step per rate, each from where the last one ended, and records the loss
    for every rate, even once it is no longer finite (w0 as floats and as integers, and w0 of any shape:
    a matrix or a single number); a second run leaves the losses the first one returned as they were"""
    bowl = Bowl.random(rng)
    w0 = bowl.centre + rng.uniform(-2, 2, 2)
    kwargs = {"lr_min": 1e-4, "lr_max": float(rng.uniform(5, 10)), "n_steps": int(rng.integers(30, 45))}
    panel = sketch.curves(f"lr_range_test on {bowl}", xlabel="learning rate",
                          ylabel="loss after the step", logx=True)

    def every_step(inputs, lrs, losses, result, expected):
        panel.add("", _part(result.value, 2, 1), expected[1], x=expected[0])
        expect_close("lr_range_test", inputs + " → losses (loss_fn after each step, each step "
                     "continuing from the previous point)", losses, expected[1])
    calls = [(bowl, w0, kwargs, every_step)]
    # Up to a rate of 1e10, from integers: the last losses are not finite, and are still
    # reported, one per rate.
    calls.append((bowl, np.round(bowl.centre + rng.uniform(-2, 2, 2)).astype(int).tolist(),
                  {"lr_min": 1e-4, "lr_max": 1e10, "n_steps": 50}, _blow_up))
    # w0 a matrix, then a single number; the first run's losses stay as returned after the second.
    kwargs = {"lr_min": 1e-3, "lr_max": float(rng.uniform(1.5, 3)), "n_steps": int(rng.integers(15, 25))}
    for shape in ((2, 3), ()):
        valley = Valley.random(rng, shape)
        calls.append((valley, np.asarray(valley.centre + rng.uniform(-2, 2, shape), dtype=float), kwargs,
                      _finite_losses))
    _check_ranges(student, calls)


def _blow_up(inputs, lrs, losses, result, expected):
    losses = as_array(losses, "lr_range_test", inputs + " → losses", shape=expected[1].shape)
    expect(not np.isfinite(losses[~np.isfinite(expected[1])]).any(),
           lambda: f"lr_range_test({inputs}) returned losses ending {show(losses[-4:])}; expected "
           f"{show(expected[1][-4:])}: once the steps blow up, the losses are inf or nan")
    _finite_losses(inputs, lrs, losses, result, expected)


def _finite_losses(inputs, lrs, losses, result, expected):
    losses = as_array(losses, "lr_range_test", inputs + " → losses", shape=expected[1].shape)
    finite = np.isfinite(expected[1])
    expect_close("lr_range_test", inputs + " → the finite losses", losses[finite], expected[1][finite])


# -- suggest_lr ---------------------------------------------------------------------------------------
def _range_curve(rng, n=30):
    """A range test's losses: flat, falling, then rising gently and blowing up."""
    lrs = np.geomspace(1e-5, 1.0, n)
    start = float(rng.uniform(2, 10))
    bottom = int(rng.integers(n // 3, n // 2))
    falling = start * np.geomspace(1.0, float(rng.uniform(0.05, 0.2)), bottom)
    rising = falling[-1] * np.cumprod(rng.uniform(1.3, 1.8, n - bottom))
    losses = np.concatenate([falling, rising]) * rng.uniform(0.97, 1.03, n)
    return lrs, losses


def _check_suggest(student, shared, seed, test):
    """suggest_lr at each ``(lrs, losses, why)`` of ``test``'s cases, ``why`` being the
    rule that gives the expected rate."""
    def check(result, args, kwargs, why):
        shown = _shown(args, kwargs, ("lrs", "losses"))
        got, expected = as_float(result.value, "suggest_lr", shown), REFERENCE.suggest_lr(*args)
        expect(abs(got - expected) <= 1e-9 * abs(expected),
               f"suggest_lr({shown}) returned {got:.6g}; expected {expected:.6g}, {why}")
    recipes = {test_suggest_lr_blow_up: _suggest_lr_blow_up_cases,
               test_suggest_lr_non_finite_and_none: _suggest_lr_non_finite_and_none_cases}
    check_planned(student, shared, seed, "suggest_lr", recipes, test, check,
                  calls=lambda cases: [((lrs, losses), {}, why) for lrs, losses, why in cases])


def _suggest_lr_blow_up_cases(rng):
    why = ("a tenth of the first rate whose loss is more than 4 times the lowest loss before it "
           "(the minimum so far, not the first loss nor the previous one)")
    lrs = np.geomspace(1e-4, 1.0, 6)
    exactly = (lrs, np.array([2.0, 1.0, 0.5, 2.0, 3.0, 9.0]), why + "; 2.0 is exactly 4 times 0.5, not more")
    zero = (lrs, np.array([2.0, 1.0, 0.0, 0.5, 3.0, 9.0]), why + "; 0.5 is more than 4 times 0.0")
    big = (lrs, np.array([2.0, 1.0, 0.5, 1.5, 1.9, 2.1]) * 1e5, why + "; every loss is finite")
    tiny = (lrs, np.array([2.0, 1.0, 0.5, 2.5, 3.0, 9.0]) * 1e-10, why + "; the ratio, not the difference, "
            "counts: 2.5e-10 is more than 4 times 5e-11")
    back = (lrs[:5], np.array([1.0, 5.0, 1.0, 1.0, 1.0]), why + ", even if the losses after it come back down")
    uneven = (np.array([0.1, 0.2, 0.3, 0.5, 0.8, 1.0]), np.array([3.0, 2.0, 1.0, 1.5, 4.5, 9.0]),
              why + "; the rates are the ones given (here not a geometric grid)")
    return [(*_range_curve(rng), why) for _ in range(3)] + [exactly, zero, big, tiny, back, uneven]


@cell("test_suggest_lr", points=1)
def test_suggest_lr_blow_up(student, seed, shared):
    """suggest_lr finds the first loss above 4x the lowest loss before it (strictly above; after a loss
    of exactly 0, any positive loss is; losses near 1e5, large but finite, and near 1e-10 too; the first,
    even if later losses come back down) and answers a tenth of the rate given for it (any grid of rates)"""
    _check_suggest(student, shared, seed, test_suggest_lr_blow_up)


def _suggest_lr_non_finite_and_none_cases(rng):
    lrs, losses = _range_curve(rng)
    bottom = int(np.argmin(losses))
    cut = int(rng.integers(bottom + 1, bottom + 3))
    broken = losses.copy()
    broken[cut:] = np.nan
    broken[cut + 1:] = np.inf
    calm = np.concatenate([losses[:bottom + 1], losses[bottom] * rng.uniform(1.0, 3.5, 3)])
    first = losses.copy()
    first[0] = np.inf
    negative = losses.copy()
    negative[cut] = -np.inf
    return [(lrs, broken, "a tenth of the first rate whose loss is nan or inf"),
            (lrs[:len(calm)].tolist(), calm.tolist(),
             "a tenth of the last rate: no loss is above 4 times the lowest before it"),
            (lrs, first, "a tenth of the first rate: its loss is not finite"),
            (lrs, negative, "a tenth of the first rate whose loss is not finite (-inf is not finite either)")]


@cell("test_suggest_lr", points=1)
def test_suggest_lr_non_finite_and_none(student, seed, shared):
    """suggest_lr stops at the first non-finite loss (nan, inf or -inf), and gives a tenth of the last
    rate if none"""
    _check_suggest(student, shared, seed, test_suggest_lr_non_finite_and_none)


# -- train_softmax ---------------------------------------------------------------------------------------
def _trainings(student, X, y, described, runs, check):
    """``check(inputs, W, b, losses, result, hyper)`` of the student's
    train_softmax(X, y, **hyper) for each ``(hyper, on_return)`` of ``runs``, in one
    process, once W (D, K), b (K,) and the losses (a flat list) are checked;
    ``on_return(value)``, if given, sees what came back before anything is checked
    (once per run: not again when :func:`~autograder.pure.check_each` makes a call again).
    A run ``(hyper, on_return, (X, y, described))`` trains on its own data."""
    seen = set()

    def check_run(result, args, kwargs, run, on_return, described):
        X, y = args
        inputs = described + "".join(f", {k}={v!r}" for k, v in kwargs.items())
        if on_return is not None and run not in seen:
            seen.add(run)
            on_return(result.value)
        W, b, losses = _parts(result.value, 3, "train_softmax", inputs, "W, b, losses")
        k = int(np.max(y)) + 1
        W = as_array(W, "train_softmax", inputs + " → W", shape=(np.shape(X)[1], k))
        b = as_array(b, "train_softmax", inputs + " → b", shape=(k,))
        expect(isinstance(losses, (list, tuple, np.ndarray)),
               lambda: f"train_softmax({inputs}) returned losses {show(losses)}; expected a list of floats")
        losses = as_array(losses, "train_softmax", inputs + " → losses")
        expect(losses.ndim == 1, f"train_softmax({inputs}) returned losses of shape {losses.shape}; "
                                 "expected a flat list, one loss per mini-batch")
        check(inputs, W, b, losses, result, kwargs)
    calls = []
    for run, (hyper, on_return, *data) in enumerate(runs):
        X_run, y_run, described_run = data[0] if data else (X, y, described)
        calls.append(((X_run, y_run), hyper, run, on_return, described_run))
    check_each(student, "train_softmax", calls, check_run)


class _StepRecorder:
    """The reference's step function ``name``, keeping every call's arguments (bound
    to its signature) and result, per parameter (told apart by shape: W and b)."""

    KEEP = 10**7  # numbers kept in all; ``over`` once a student's calls asked for more

    def __init__(self, name):
        self.name, self.function = name, getattr(REFERENCE, name)
        self.signature = inspect.signature(self.function)
        self.calls, self.kept, self.over = {}, 0, False

    def __call__(self, *args, **kwargs):
        value = self.function(*args, **kwargs)
        bound = self.signature.bind(*args, **kwargs)
        bound.apply_defaults()
        size = 2 * sum(np.size(v) for v in bound.arguments.values() if isinstance(v, np.ndarray))
        if self.kept + size > self.KEEP:
            self.over = True
        else:
            self.kept += size
            self.calls.setdefault(np.shape(bound.arguments["w"]), []).append((dict(bound.arguments), value))
        return value


def _expect_state_carried(recorder, inputs, shapes, steps, lr):
    """Where the student's code calls ``recorder`` at all (an update written inline is
    not seen, and not penalised): it was called ``steps`` times for each parameter (W
    and b, told apart by their ``shapes``), or ``steps`` times for one vector holding
    both (the step functions are elementwise, so one state for the packed vector is
    the same as one for each), each call with the run's ``lr`` and the default momentum
    or betas, and each call continues from the last one's result: the same w and state
    (velocity, moments), and for Adam the next t."""
    state = {"momentum_step": ("v",), "adam_step": ("m", "v")}[recorder.name]
    defaults = {"momentum_step": ("momentum",), "adam_step": ("beta1", "beta2")}[recorder.name]
    expect(not recorder.over,
           f"train_softmax({inputs}) called {recorder.name} with more than {recorder.KEEP:,} numbers in "
           f"all; a run of {steps} mini-batches calls it {2 * steps} times with these few")
    if not recorder.calls:
        return
    both = sum(math.prod(shape) for shape in shapes)
    names = dict(zip(shapes, "Wb"))
    packed = len(recorder.calls) == 1 and math.prod(next(iter(recorder.calls))) == both
    # A W kept as its transpose (K, D), or b as a column or a row, is the same parameter.
    for shape in shapes:
        if shape not in recorder.calls:
            kind = sorted(d for d in shape if d != 1)
            other = next((seen for seen in recorder.calls if seen not in names
                          and sorted(d for d in seen if d != 1) == kind), None)
            if other is not None:
                names[other] = names.pop(shape)
    if packed:
        names = {next(iter(recorder.calls)): "W and b (packed in one vector)"}
    for shape, which in names.items():
        made = len(recorder.calls.get(shape, []))
        expect(made == steps,
               f"train_softmax({inputs}) called {recorder.name} {made} times for {which}; expected "
               f"{steps}, once per mini-batch for W and once for b, each with its own "
               f"{' and '.join(state)} (or once per mini-batch for one vector holding both)")
    for shape, calls in recorder.calls.items():
        which = names.get(shape, "W" if len(shape) == 2 else "b")
        for step, (arguments, _) in enumerate(calls, 1):
            expect(is_close(np.asarray(arguments["lr"], dtype=float), lr),
                   lambda: f"train_softmax({inputs}): step {step} for {which} called {recorder.name} with lr = "
                   f"{show(arguments['lr'])}; expected lr = {lr!r} at every step (a short last batch too)")
            for name in defaults:
                default = recorder.signature.parameters[name].default
                expect(is_close(np.asarray(arguments[name], dtype=float), default),
                       lambda: f"train_softmax({inputs}): step {step} for {which} called {recorder.name} with "
                       f"{name} = {show(arguments[name])}; expected the default {name} = {default!r}")
        if recorder.name == "adam_step":
            ts = [int(arguments["t"]) for arguments, _ in calls]
            expect(ts == list(range(1, len(ts) + 1)),
                   lambda: f"train_softmax({inputs}) called adam_step for {which} with t = {show(ts)}; t counts "
                   "that parameter's steps over the whole run: 1, 2, 3, ...")
        for step, ((_, before), (arguments, _)) in enumerate(zip(calls, calls[1:]), 2):
            for name, previous in zip(("w", *state), before):
                given = as_array(arguments[name], recorder.name, f"{which}, step {step}: {name}")
                expect(is_close(given, previous),
                       lambda: f"train_softmax({inputs}): step {step} for {which} called {recorder.name} with "
                       f"{name} = {show(given)}, but step {step - 1} returned {name} = {show(previous)}; "
                       f"carry each parameter's {name} from one step to the next, across epochs too")


class _BatchRecorder:
    """The reference's minibatches, keeping the state of the generator each call
    was given (a copy of the student's generator, as it was at the call)."""

    def __init__(self):
        self.signature = inspect.signature(REFERENCE.minibatches)
        self.states = []

    def __call__(self, *args, **kwargs):
        given = self.signature.bind(*args, **kwargs).arguments.get("rng")
        self.states.append(copy.deepcopy(given.bit_generator.state)
                           if isinstance(given, np.random.Generator) else None)
        # Drawn now (the rng advances at the call, as the student's generator state was
        # recorded), handed back as a generator: student code may pull batches with next().
        return (batch for batch in list(REFERENCE.minibatches(*args, **kwargs)))

    def expect_one_generator(self, inputs, seed):
        """The first epoch draws from np.random.default_rng(seed) as made; each later
        epoch from where the one before left that generator."""
        if not self.states:
            return
        expect(self.states[0] == np.random.default_rng(seed).bit_generator.state,
               f"train_softmax({inputs}) called minibatches for the first epoch with an rng that is not "
               f"np.random.default_rng({seed}) as made: build rng = np.random.default_rng(seed) from "
               "the seed argument, and draw nothing from it before the first epoch")
        for epoch, (before, now) in enumerate(zip(self.states, self.states[1:]), 2):
            expect(now is None or now != before,
                   f"train_softmax({inputs}) called minibatches for epoch {epoch} with an rng in the same "
                   f"state as for epoch {epoch - 1}, so both epochs visit the rows in the same order; "
                   "make one generator rng = np.random.default_rng(seed) for the whole run, before the "
                   "loop over the epochs")


def _blobs(rng, n, d=4, k=3):
    """``k`` well separated classes in ``d`` dimensions, in random order."""
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    centres = 3.0 * q[:k]
    y = np.arange(n) % k
    X = centres[y] + 0.5 * rng.standard_normal((n, d))
    order = rng.permutation(n)
    return X[order], y[order]


@cell("test_train_softmax", points=1)
def test_train_softmax_one_loss_per_batch(student, rng):
    """train_softmax returns W (D, K) with K = y.max() + 1 (also when a class is missing), b (K,) and
    one loss per mini-batch (also for X and y given as lists, and for a batch_size above the number of rows:
    one batch per epoch), with every optimizer and by default with "adam"; each step carries on the last
    one's parameters and optimizer state (velocity, moments, t), with lr (a short last batch too) and the
    default momentum and betas, and one generator
    np.random.default_rng(seed) shuffles every epoch"""
    n, batch_size, epochs = int(rng.integers(40, 60)), 16, 3
    if n % batch_size == 0:
        n += 1
    X, y = _blobs(rng, n)
    expected = epochs * math.ceil(n / batch_size)
    seed, curves = int(rng.integers(1, 1000)), {}

    def check(inputs, W, b, losses, result, hyper):
        expect(len(losses) == expected,
               f"train_softmax({inputs}) returned {len(losses)} losses; expected {expected}: one per "
               f"mini-batch, {math.ceil(n / batch_size)} mini-batches per epoch for {epochs} epochs")
        expect(np.all(np.isfinite(losses)), lambda: f"train_softmax({inputs}) returned losses that are not "
                                            f"finite: {show(losses)}")
        if "optimizer" not in hyper:       # the default: the same run as optimizer="adam"
            expect_close("train_softmax", inputs + " (no optimizer given: the default is \"adam\") "
                         "→ losses", losses, curves["adam"])
            return
        for other, curve in curves.items():
            expect(not np.allclose(curve, losses, rtol=1e-9, atol=0),
                   f"train_softmax({inputs}) returned the same losses as with optimizer={other!r}; "
                   "each optimizer should update W and b with its own step function")
        curves[hyper["optimizer"]] = losses
    runs = [(dict(optimizer=optimizer, lr=0.05, epochs=epochs, batch_size=batch_size, seed=seed), None)
            for optimizer in ("sgd", "momentum", "adam")]
    runs.append((dict(lr=0.05, epochs=epochs, batch_size=batch_size, seed=seed), None))
    described = f"X of shape {X.shape}, y with 3 classes"
    _trainings(student, X, y, described, runs, check)
    _train_missing_class(student, rng)
    # Where the student builds on the step functions, each step takes up where the last left off,
    # and where it builds on minibatches, every epoch draws from the one generator made from seed.
    for optimizer, hyper in zip(("momentum", "adam"), (runs[1][0], runs[2][0])):
        recorder, batches = _StepRecorder(f"{optimizer}_step"), _BatchRecorder()
        student.call_with("train_softmax", {recorder.name: recorder, "minibatches": batches}, X, y, **hyper)
        inputs = described + "".join(f", {k}={v!r}" for k, v in hyper.items())
        _expect_state_carried(recorder, inputs, [(X.shape[1], 3), (3,)], expected, hyper["lr"])
        batches.expect_one_generator(inputs, seed)


def _train_missing_class(student, rng):
    """Labels 0, 2 and 3 (no 1): K = y.max() + 1 = 4 classes, one of them never seen; as
    arrays, and as lists ("every function takes arrays (or lists)")."""
    X, y = _blobs(rng, int(rng.integers(30, 40)))
    y[y == 1] = 3
    epochs, batch_size = 2, 16

    def check(inputs, W, b, losses, result, hyper):
        expected = hyper["epochs"] * math.ceil(len(y) / hyper["batch_size"])
        expect(len(losses) == expected and np.all(np.isfinite(losses)),
               lambda: f"train_softmax({inputs}) returned the losses {show(losses)}; expected {expected} finite "
               "losses, one per mini-batch")
    hyper = dict(optimizer="momentum", lr=0.05, epochs=epochs, batch_size=batch_size, seed=1)
    described = f"X of shape {X.shape}, y with the labels 0, 2 and 3 (no 1, so K = 4)"
    as_lists = (X.tolist(), y.tolist(), described.replace("X of", "X, a list of lists of")
                .replace("y with", "y, a list, with"))
    # A batch_size above the number of rows: minibatches yields one batch holding every row.
    whole = dict(optimizer="adam", lr=0.05, epochs=3, batch_size=len(y) + int(rng.integers(1, 30)), seed=2)
    _trainings(student, X, y, described, [(hyper, None), (hyper, None, as_lists), (whole, None)], check)


@cell("test_train_softmax", points=1)
def test_train_softmax_learns(student, rng, sketch):
    """train_softmax lowers the loss with every optimizer, records each mini-batch's own loss before its
    step, and leaves X and y unmodified"""
    X, y = _blobs(rng, 60)
    epochs, batch_size = 6, 20
    per_epoch = 3
    panel = sketch.curves(f"train_softmax on 60 points in 3 classes, {epochs} epochs",
                          xlabel="mini-batch", ylabel="loss")

    def check(inputs, W, b, losses, result, hyper):
        expect_unmodified("train_softmax", inputs, result)
        expect(len(losses) == epochs * per_epoch,
               f"train_softmax({inputs}) returned {len(losses)} losses; expected {epochs * per_epoch}")
        first, last = float(np.mean(losses[:per_epoch])), float(np.mean(losses[-per_epoch:]))
        expect(last < 0.5 * first,
               f"train_softmax({inputs}): the mean loss fell only from {first:.4g} in the first epoch "
               f"to {last:.4g} in the last; on these well separated classes it should at least halve. "
               f"Check that {hyper['optimizer']} updates both W and b with lr")
        expected = curves[hyper["optimizer"]]
        expect(is_close(losses, expected),
               lambda: f"train_softmax({inputs}) returned the losses {show(losses)}; expected {show(expected)}: "
               "for each mini-batch, the loss softmax_loss_grads gives on that batch, before its step")
    runs, curves = [], {}
    for optimizer, lr in (("sgd", 0.5), ("momentum", 0.05), ("adam", 0.05)):
        hyper = dict(optimizer=optimizer, lr=lr, epochs=epochs, batch_size=batch_size,
                     seed=int(rng.integers(1000)))
        expected = curves[optimizer] = REFERENCE.train_softmax(X, y, **hyper)[2]
        runs.append((hyper, functools.partial(_add_curve, panel, optimizer, expected)))
    _trainings(student, X, y, f"X of shape {X.shape}, y with 3 classes", runs, check)


def _add_curve(panel, label, expected, value):
    panel.add(label, _part(value, 3, 2), expected)


@functools.lru_cache(maxsize=4)
def _digits(split_seed):
    return REFERENCE.load_digits_split(seed=split_seed)


def _check_accuracy(student, rng, optimizer, lr, epochs, batch_size=128, sort=False, slack=0.03):
    """The student's trained weights classify the held-out digits within ``slack`` of the
    reference's, trained with the same batches: a fixed threshold would fail a correct
    training on an unlucky split, and pass a wrong one on a lucky split. Batches of 128
    make half the steps of 64, each a call back to the reference's step function for W
    and one for b; sorted data is trained in batches of 64, the notebook's default."""
    split_seed = int(rng.integers(1000))
    X_train, X_test, y_train, y_test = (a.copy() for a in _digits(split_seed))
    if sort:
        order = np.argsort(y_train, kind="stable")
        X_train, y_train = X_train[order], y_train[order]
    described = (f"the {len(X_train)} training digits of split {split_seed}"
                 + (" sorted by label" if sort else ""))
    def check(inputs, W, b, losses, result, hyper):
        score = REFERENCE.accuracy(W, b, X_test, y_test)
        with np.errstate(all="ignore"):
            expected = REFERENCE.accuracy(*REFERENCE.train_softmax(X_train, y_train, **hyper)[:2], X_test, y_test)
        expect(score >= expected - slack,
               f"train_softmax({inputs}) classifies {score:.3f} of the {len(X_test)} held-out digits "
               f"correctly; the same training, with the same mini-batches, classifies {expected:.3f}: "
               f"expected at least {expected - slack:.3f}"
               + (". Sorted data needs shuffled mini-batches: loop over minibatches(X, y, batch_size, rng)"
                  if sort else ""))
    hyper = dict(optimizer=optimizer, lr=lr, epochs=epochs, batch_size=batch_size, seed=int(rng.integers(1000)))
    _trainings(student, X_train, y_train, described, [(hyper, None)], check)


@cell("test_train_softmax_accuracy", points=1)
def test_train_softmax_accuracy_adam(student, rng):
    """train_softmax with Adam classifies held-out digits as well as the same training does (about
    95%, within 3 points)"""
    _check_accuracy(student, rng, "adam", 0.03, 8)


@cell("test_train_softmax_accuracy", points=1)
def test_train_softmax_accuracy_momentum(student, rng):
    """train_softmax with momentum classifies held-out digits as well as the same training does (about
    93%, within 3 points)"""
    _check_accuracy(student, rng, "momentum", 0.05, 8)


@cell("test_train_softmax_accuracy", points=1)
def test_train_softmax_accuracy_sorted(student, rng):
    """train_softmax with SGD learns every class even when the training data is sorted by label (as well
    as the same training does, about 92%, within 3 points)"""
    _check_accuracy(student, rng, "sgd", 0.5, 8, batch_size=64, sort=True)
