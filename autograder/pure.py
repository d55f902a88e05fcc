"""Checking a graded function whose value should depend on its arguments alone.

A hidden test that checks such a function at several inputs makes its calls one
after another in one fresh copy of the notebook's state
(:meth:`~autograder.student.Student.call_each`), not in a fresh copy each: a fork per
call costs 10 to 25 ms, and calls in one process show a value that depends on the
calls before it (a cache keyed on some of the arguments, a global the function
changes), which a fresh copy per call would hide.
"""


def check_each(student, function, calls, check, pipeline=False):
    """``check(result, args, kwargs, *rest)`` of the student's ``function`` at each
    ``(args, kwargs, *rest)`` of ``calls``, in one process; what ``check`` returns,
    call by call. With ``pipeline``, ``function`` runs with the student's own versions
    of everything (:meth:`~autograder.student.Student.pipeline`).

    ``check`` fails with an ``AssertionError``. A call that fails after earlier ones
    is made again in a fresh copy of the state, and if it passes there, the failure
    says that its value depended on the calls before it.
    """
    each, one = ((student.pipeline_each, student.pipeline) if pipeline else
                 (student.call_each, student.call))
    results = each(function, [call[:2] for call in calls])
    checked = []
    for count, (call, result) in enumerate(zip(calls, results)):
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
