"""Checking a graded function whose value should depend on its arguments alone.

A hidden test that checks such a function at several inputs makes its calls one
after another in one fresh copy of the notebook's state
(:meth:`~autograder.student.Student.call_each`), not in a fresh copy each: a fork per
call costs 8 to 15 ms, and calls in one process show a value that depends on the
calls before it (a cache keyed on some of the arguments, a global the function
changes), which a fresh copy per call would hide.

The tests of one cell can go further and make all their calls of a function in one
copy (:func:`check_among`, with the inputs each test would draw drawn once by
:func:`plans`): each test is still judged as if its calls had a copy of their own.
Inputs the function must refuse are checked in one copy too (:func:`check_raises`).
"""

import numpy as np

from .checks import show
from .failures import StudentError, StudentFailure, StudentTimeout
from .suite import test_seed


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
    return _judge(function, calls, check, results, one)


class Raised:
    """What a call that raised gives :func:`check_raises`'s checks: its ``error``
    (a :class:`~autograder.failures.StudentError`)."""

    def __init__(self, error):
        self.error = error


def check_raises(student, function, calls, error):
    """Each ``(args, kwargs, inputs)`` of ``calls`` makes the student's ``function``
    raise ``error`` (an exception class's name; a subclass is one too); ``inputs`` shows
    the arguments in a failure's message. The calls are made one after another in one
    process and judged as :func:`check_each` judges them."""
    def check(outcome, args, kwargs, inputs):
        if not isinstance(outcome, Raised):
            raise AssertionError(f"{function}({inputs}) returned {show(outcome.value)}; expected a {error}")
        if not outcome.error.is_a(error):
            raise AssertionError(f"{function}({inputs}) raised {outcome.error.type}: {outcome.error.detail}; "
                                 f"expected a {error}")

    def one(name, *args, **kwargs):
        try:
            return student.call(name, *args, **kwargs)
        except StudentError as raised:
            return Raised(raised)
    results = (Raised(r) if isinstance(r, StudentError) else r
               for r in student.call_each(function, [call[:2] for call in calls], errors=True))
    return _judge(function, calls, check, results, one)


def own_check(result, args, kwargs, judge):
    """The ``check`` of :func:`check_each` for calls ``(args, kwargs, judge)`` that
    each carry a check of their own, ``judge(result)``."""
    return judge(result)


def check_among(student, shared, function, groups, group, check, pipeline=False):
    """:func:`check_each` of the calls ``groups[group]``, with the calls of every group
    made once, one after another in one process, for all the tests of a cell.

    ``groups`` maps a name for each test's calls to them; every test of the cell passes
    the same dict (made once, with ``shared.once``) and judges only its own group, with
    its own ``check``. A cell whose tests check one function at inputs of their own so
    forks once, not once per test.

    The shared process is only a shortcut: each test is judged as :func:`check_each`
    would judge it in a copy of its own. The first group's calls come first, so they
    are judged where they were made. A later group whose calls all pass their checks
    passes; one with a call that fails its check, or that the student's code failed to
    make (it raised or crashed before the group's calls were all made), is judged again
    with :func:`check_each`, in a copy of its own. What one test's calls leave behind
    never costs another test its points. A call of the group's own that ran out of
    time fails the test at once: made again, it would most likely wait as long.
    """
    each, one = ((student.pipeline_each, student.pipeline) if pipeline else
                 (student.call_each, student.call))

    def make():
        results = []
        try:
            for result in each(function, [call[:2] for calls in groups.values() for call in calls]):
                results.append(result)
        except StudentFailure as failure:
            return groups, results, failure
        return groups, results, None
    made, results, failure = shared.once(("among", function, pipeline), make)
    if made is not groups:
        raise RuntimeError(f"the tests checking {function} with check_among passed different groups")
    names = list(groups)
    before = sum(len(groups[name]) for name in names[:names.index(group)])
    calls = groups[group]
    mine = results[before:before + len(calls)]
    if not before:
        return _judge(function, calls, check, iter(mine + ([] if failure is None else [failure])), one)
    timed_out = isinstance(failure, StudentTimeout) and len(results) >= before
    if len(mine) == len(calls) or timed_out:
        try:
            checked = [check(result, *call) for result, call in zip(mine, calls)]
        except AssertionError:
            pass
        else:
            if len(mine) == len(calls):
                return checked
            # One of this group's own calls ran out of time: made again, it would wait as long.
            raise failure.called_as(call_text(function, *calls[len(mine)][:2]))
    return check_each(student, function, calls, check, pipeline)


def plans(shared, seed, recipes):
    """The inputs of each test of a cell, drawn once for the cell: ``{test name:
    (cases, rng)}``, each by ``recipe(rng)`` of ``{test: recipe}`` from the generator the
    test's own ``rng`` fixture would be (so they are the inputs the test would draw
    itself), which the test may go on drawing from."""
    def draw():
        drawn = {}
        for test, recipe in recipes.items():
            rng = np.random.default_rng(test_seed(seed, test))
            drawn[test.__name__] = (recipe(rng), rng)
        return drawn
    return shared.once(("plans", *(test.__name__ for test in recipes)), draw)


def check_planned(student, shared, seed, function, recipes, test, check, calls=list):
    """:func:`check_among` of the student's ``function`` at the calls of ``test``'s
    inputs, drawn by ``recipes`` (:func:`plans`); ``calls(cases)`` makes a test's calls
    ``(args, kwargs, *rest)`` of its cases (by default, the cases are the calls)."""
    drawn = plans(shared, seed, recipes)
    groups = shared.once(("calls", function), lambda: {name: calls(cases) for name, (cases, _) in drawn.items()})
    return check_among(student, shared, function, groups, test.__name__, check)


def _judge(function, calls, check, results, one):
    """``check`` of each of ``results``, the values of ``calls`` made one after another
    in one process (or the failure that stopped them); see :func:`check_each`."""
    checked = []
    for count, call in enumerate(calls):
        try:
            result = next(results)
            if isinstance(result, StudentFailure):
                raise result
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
