"""The time left to grade one submission, kept for the thread that grades it.

A batch worker grades each submission under a limit (``--submission-timeout``). A
signal can't enforce it where a Dask worker runs tasks in threads, and would stop the
grader mid-write where it can; so the limit is a budget instead. Every cell and
graded call of the submission waits at most the time that is left, and once it is
spent the rest are not run: they score zero with a message that says why, and the
notebook is graded as far as it got. Student code runs only in the sandbox, so no
part of it outlasts the budget.

>>> with limit(60) as budget:
...     seconds, short = cap(10)
>>> seconds, short, budget.ran_out
(10, False, '')
>>> with limit(0) as budget:
...     seconds, short = cap(10)
...     budget.spend("the cell after `import numpy as np`")
>>> seconds, short, budget.ran_out
(0.0, True, 'the cell after `import numpy as np`')
>>> cap(10)
(10, False)
"""

import contextlib
import threading
import time

_here = threading.local()


class Budget:
    """A submission's time limit, and where grading ran out of it (``ran_out``)."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.ran_out = ""

    def left(self):
        return max(self.deadline - time.monotonic(), 0.0)

    def spend(self, where):
        """Record the first cell or call that the budget stopped or did not allow."""
        self.ran_out = self.ran_out or where


@contextlib.contextmanager
def limit(seconds):
    """Grade, in this thread, under a limit of ``seconds``; yields the :class:`Budget`."""
    outer = getattr(_here, "budget", None)
    _here.budget = Budget(seconds)
    try:
        yield _here.budget
    finally:
        _here.budget = outer


def current():
    """The budget of the submission this thread grades, or None (no limit)."""
    return getattr(_here, "budget", None)


def cap(timeout):
    """``(seconds, short)``: ``timeout``, or the time left if that is less, in which
    case ``short`` is true (a wait that ends then ends the submission's time)."""
    budget = current()
    if budget is None or budget.left() >= timeout:
        return timeout, False
    return budget.left(), True


def ran_out(where, what):
    """Record that the budget ran out ``where`` (first time only) and return why ``what``
    (a cell, a function) scored nothing."""
    budget = current()
    budget.spend(where)
    return (f"the submission's time limit ({budget.seconds:g} s) ran out {what}; it and everything "
            "after it score 0. The earlier cells kept their points: make the slow code "
            "faster (fewer steps, vectorized numpy) and resubmit")
