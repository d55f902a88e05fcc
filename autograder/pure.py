"""Checking a graded function whose value should depend on its arguments alone.

A hidden test that checks such a function at several inputs makes its calls one
after another in one fresh copy of the notebook's state
(:meth:`~autograder.student.Student.call_each`), not in a fresh copy each: a fork per
call costs 10 to 25 ms, and calls in one process show a value that depends on the
calls before it (a cache keyed on some of the arguments, a global the function
changes), which a fresh copy per call would hide.
"""

from .checks import show
from .failures import StudentFailure


def call_text(function, args, kwargs):
    """``function(args, kwargs)`` as a student would write it, briefly; a function
    handed over shows as ``<a function>``.

    >>> import numpy as np
    >>> call_text("clip_by_norm", (np.array([3.0, 4.0]),), {"max_norm": 1.0})
    'clip_by_norm([3, 4], max_norm=1)'
    """
    def one(value):
        return "<a function>" if callable(value) else show(value, limit=80)
    shown = [one(value) for value in args] + [f"{key}={one(value)}" for key, value in kwargs.items()]
    return f"{function}({', '.join(shown)})"


def check_each(student, function, calls, check, pipeline=False, alone=False):
    """``check(result, args, kwargs, *rest)`` of the student's ``function`` at each
    ``(args, kwargs, *rest)`` of ``calls``, in one process; what ``check`` returns,
    call by call. With ``pipeline``, ``function`` runs with the student's own versions
    of everything (:meth:`~autograder.student.Student.pipeline`).

    ``check`` fails with an ``AssertionError``. A call that fails after earlier ones
    is made again in a fresh copy of the state, and if it passes there, the failure
    says that its value depended on the calls before it.

    With ``alone``, the calls share one process only to save forks: a call that
    fails after earlier ones (its check, or the student's code in it) is judged by
    itself, made again in a fresh copy, and so is every call after it. For objects
    (schedulers made by a class) whose independence of each other one test checks,
    so that a slip there costs that test alone.
    """
    each, one = ((student.pipeline_each, student.pipeline) if pipeline else
                 (student.call_each, student.call))
    results = each(function, [call[:2] for call in calls])
    if alone:
        return _alone(function, calls, check, results, one)
    checked = []
    for count, call in enumerate(calls):
        try:
            result = next(results)
        except StudentFailure as failure:
            raise failure.called_as(call_text(function, *call[:2])) from None
        try:
            checked.append(check(result, *call))
        except AssertionError as wrong:
            if not count:
                raise
            try:
                check(one(function, *call[0], **call[1]), *call)
            except Exception:
                raise wrong from None
            earlier = f"{count} earlier call{'s' if count > 1 else ''}"
            raise AssertionError(
                f"{wrong}. That was after {earlier} in the same process; made first, the "
                "same call is right: its value should depend on its arguments alone, not on the "
                "calls before (a cache keyed on some of the arguments, or a global it changes)"
            ) from None
    return checked


def _alone(function, calls, check, results, one):
    """:func:`check_each` with ``alone``."""
    def made(call, fresh):
        try:
            return one(function, *call[0], **call[1]) if fresh else next(results)
        except StudentFailure as failure:
            raise failure.called_as(call_text(function, *call[:2])) from None

    checked, fresh = [], False
    for count, call in enumerate(calls):
        try:
            checked.append(check(made(call, fresh), *call))
        except (AssertionError, StudentFailure):
            if fresh or not count:
                raise
            fresh = True
            checked.append(check(made(call, True), *call))
    return checked
