"""Assertions for hidden suites, with messages a student can act on.

Every failure names the function, the input, what was expected and what came
back; none shows the suite's code.

>>> import numpy as np
>>> expect_close("double", "x=[1.0, 2.0]", np.array([2.0, 4.1]), np.array([2.0, 4.0]))
Traceback (most recent call last):
...
AssertionError: double(x=[1.0, 2.0]) returned [2, 4.1]; expected [2, 4] (relative error 1.2e-02, allowed 1e-06)
"""

import numpy as np

RTOL = 1e-6


def show(value, limit=200):
    """A short, readable form of a value for a message.

    Only as much of a long list is looked at as the message can hold, so showing
    a 10,001-step history costs no more than showing its first steps.

    >>> show([(np.array([1.0, 2.0]), 3.5)] * 10001, limit=80)
    '[([1, 2], 3.5), ([1, 2], 3.5), ([1, 2], 3.5), ([1, 2], 3.5), ... (10001 items)]'
    """
    text = " ".join(_brief(value, limit).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _brief(value, budget):
    if isinstance(value, np.ndarray):
        text = np.array2string(value, separator=", ", threshold=12, max_line_width=10**6,
                               formatter={"float_kind": lambda v: f"{v:.7g}"})
        return text.replace("\n", "")
    if isinstance(value, (np.floating, float)):
        return f"{float(value):.8g}"
    if type(value) in (list, tuple):
        parts, used = [], 0
        for item in value:
            if used + 24 >= budget:  # room for the count
                parts.append(f"... ({len(value)} items)")
                break
            parts.append(_brief(item, budget - used))
            used += len(parts[-1]) + 2
        if type(value) is list:
            return "[" + ", ".join(parts) + "]"
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
    if type(value) is dict:
        return "{" + _brief([_Item(key, item) for key, item in value.items()], budget)[1:-1] + "}"
    if type(value) is _Item:
        return f"{value.key!r}: {_brief(value.value, budget - len(repr(value.key)) - 2)}"
    return repr(value)


class _Item:
    """A dict's entry, shown as ``key: value``."""

    def __init__(self, key, value):
        self.key, self.value = key, value


def call_text(function, inputs):
    return f"{function}({inputs})"


def as_array(value, function, inputs, shape=None):
    """``value`` as a float64 array, or an AssertionError saying why it can't be."""
    where = call_text(function, inputs)
    if isinstance(value, (bool, np.bool_)) or value is None or isinstance(value, (str, dict)):
        raise AssertionError(f"{where} returned {show(value)}; expected numbers")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f"{where} returned {show(value)}, which is not an array of numbers") from None
    if shape is not None and array.shape != tuple(shape):
        raise AssertionError(f"{where} returned an array of shape {array.shape}; "
                             f"expected shape {tuple(shape)}")
    return array


def as_float(value, function, inputs):
    """``value`` as a Python float (a 0-d array or a numpy scalar is fine; an
    array of shape ``(1,)`` is not a number).

    >>> as_float(np.array([0.5]), "distance", "x=[1.5, 1]")
    Traceback (most recent call last):
    ...
    AssertionError: distance(x=[1.5, 1]) returned [0.5], an array of shape (1,); expected a single number (a float)
    """
    array = as_array(value, function, inputs)
    if array.ndim:
        raise AssertionError(f"{call_text(function, inputs)} returned {show(value)}"
                             + (f", an array of shape {array.shape}" if array.size == 1 else "")
                             + "; expected a single number (a float)")
    return float(array)


def as_float_array(value, function, inputs, shape=None):
    """``value``, which the contract says is an array (a point, a gradient): a numpy
    array of floats (of ``shape``), not a list and not an array of integers.

    >>> as_float_array(np.zeros(2, dtype=int), "grad", "xy=[1, 2]")
    Traceback (most recent call last):
    ...
    AssertionError: grad(xy=[1, 2]) returned [0, 0], an array of integers; expected a numpy array of floats (for example np.zeros(2) or np.array(xy, dtype=float))
    """
    what = "a numpy array of floats (for example np.zeros(2) or np.array(xy, dtype=float))"
    if not isinstance(value, np.ndarray):
        raise AssertionError(f"{call_text(function, inputs)} returned {show(value)}, "
                             f"{_kind(value)}; expected {what}")
    if value.dtype.kind != "f":
        raise AssertionError(f"{call_text(function, inputs)} returned {show(value)}, an array of "
                             f"{_DTYPE_KINDS.get(value.dtype.kind, value.dtype.name)}; expected {what}")
    return as_array(value, function, inputs, shape)


_DTYPE_KINDS = {"i": "integers", "u": "integers", "b": "booleans", "c": "complex numbers",
                "O": "Python objects"}


def _kind(value):
    return {list: "a list", tuple: "a tuple"}.get(type(value), f"a {type(value).__name__}")


def relative_error(actual, expected, floor=1e-8):
    """CS231n's relative error, elementwise, with a floor; the largest one."""
    actual = np.asarray(actual, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if actual.size == 0:
        return 0.0
    both_inf = np.isinf(actual) & np.isinf(expected) & (np.sign(actual) == np.sign(expected))
    both_nan = np.isnan(actual) & np.isnan(expected)
    with np.errstate(all="ignore"):
        error = np.abs(actual - expected) / np.maximum(floor, np.abs(actual) + np.abs(expected))
    error = np.where(both_inf | both_nan, 0.0, error)
    error = np.where(np.isnan(error), np.inf, error)
    return float(np.max(error))


def is_close(actual, expected, rtol=RTOL, floor=1e-8):
    """Whether ``actual`` has ``expected``'s shape and equals it to a relative ``rtol``,
    for a check whose failure needs its own message.

    >>> is_close(np.array([1.0, 2.0]), [1.0, 2.0 + 1e-9]), is_close(np.zeros(2), np.zeros(3))
    (True, False)
    """
    return np.shape(actual) == np.shape(expected) and relative_error(actual, expected, floor) <= rtol


def expect_close(function, inputs, value, expected, rtol=RTOL, floor=1e-8, array=False):
    """Assert the student's ``value`` equals ``expected`` to a relative ``rtol``;
    with ``array``, ``value`` must also be a numpy array of floats (the contract's
    type for a point or a gradient). A suite checks the type in one test of a cell,
    so that a list or an integer array costs that test's points, not the cell's."""
    expected = np.asarray(expected, dtype=float)
    actual = (as_float_array if array else as_array)(value, function, inputs, shape=expected.shape)
    error = relative_error(actual, expected, floor)
    if error > rtol:
        raise AssertionError(f"{call_text(function, inputs)} returned {show(actual)}; expected "
                             f"{show(expected)} (relative error {error:.1e}, allowed {rtol:g})")
    return actual


def expect(condition, message):
    """Assert ``condition``, failing with ``message`` (or what ``message()`` returns,
    for a message that costs something to write: it is written only on a failure)."""
    if not condition:
        raise AssertionError(message() if callable(message) else message)


def expect_unmodified(function, inputs, result):
    """Assert the call left its arguments as they were."""
    if result.mutated:
        raise AssertionError(f"{call_text(function, inputs)} modified its "
                             f"{' and '.join(result.mutated)}; work on a copy "
                             "(for example x = np.array(x0, dtype=float))")


def expect_new(function, inputs, result):
    """Assert the call's value is an array of its own, not one of its arguments or
    a view of it (where the contract asks for a new array)."""
    if result.aliased:
        raise AssertionError(f"{call_text(function, inputs)} returned its "
                             f"{' and '.join(result.aliased)} itself (or a view of it); return a "
                             "new array, for example np.array(x, dtype=float) or x.copy()")


def point_text(x):
    """A point for a message: ``[0.3, -1.2]``."""
    return show(np.asarray(x, dtype=float))
