"""Hidden suites: tests that carry points, grouped by the notebook cell they grade.

A suite is a module of test functions. Each is marked with :func:`cell`, which
names the autograded cell (its ``grade_id``) and the points the test is worth,
and asks for what it needs by argument name:

``student``
    a :class:`~autograder.student.Student`;
``rng``
    a ``numpy.random.Generator`` seeded from the submission's seed and the
    test's name, so inputs differ between students and not between runs;
``seed``
    that seed;
``sketch``
    a :class:`~autograder.pictures.Sketchbook` for pictures of what the
    student's function did, drawn into the cell's feedback;
``shared``
    a :class:`Shared`: one call the cell's tests check in different ways (a
    long training run), made once.

A test passes when it returns, and fails with its message when it raises
``AssertionError`` or a :class:`~autograder.failures.StudentFailure`. A cell's
score is the points of its passing tests. The module's ``ASSIGNMENT`` names its
assignment, ``GRADED`` the graded functions, ``REFERENCE`` the module with their
reference versions and ``PIPELINES`` the functions graded as the student's whole
pipeline (never handed to student code as the reference's).

The same modules run under pytest (``tests/``), against the reference.
"""

import dataclasses
import importlib
import inspect
import logging
import zlib

import numpy as np

from . import pictures
from .failures import StudentFailure

log = logging.getLogger(__name__)


def cell(grade_id, points=1):
    """Mark a test as worth ``points`` of the autograded cell ``grade_id``."""
    def mark(test):
        test.grade_id = grade_id
        test.points = points
        return test
    return mark


def load(assignment):
    """The hidden suite of ``assignment`` (a module under ``autograder.suites``)."""
    if not assignment.replace("_", "").isalnum():
        raise ValueError(f"not an assignment id: {assignment!r}")
    return importlib.import_module(f"autograder.suites.{assignment}")


def tests_of(suite, grade_id=None):
    """The suite's tests, in the order they are written, for one cell or all."""
    tests = [value for name, value in vars(suite).items()
             if name.startswith("test_") and callable(value) and hasattr(value, "grade_id")]
    tests.sort(key=lambda test: test.__code__.co_firstlineno)
    return [test for test in tests if grade_id is None or test.grade_id == grade_id]


def points(suite):
    """``{grade_id: total points}`` of a suite."""
    totals = {}
    for test in tests_of(suite):
        totals[test.grade_id] = totals.get(test.grade_id, 0) + test.points
    return totals


def submission_seed(assignment, student):
    """The seed of a submission's random test inputs: stable, and per student."""
    return zlib.crc32(f"{assignment}/{student}".encode())


def test_seed(seed, test):
    """The seed of one test's generator: the submission's seed and the test's name."""
    return [int(seed), zlib.crc32(test.__name__.encode())]


class Shared:
    """What the tests of one cell share: values made once, by the first test to ask.

    A failure is shared too: every test that asks for the value fails with it.

    >>> shared, runs = Shared(), []
    >>> def train():
    ...     runs.append("a long training run")
    ...     return [0.69, 0.31, 0.12]
    >>> shared.once("moons", train), shared.once("moons", train), len(runs)
    ([0.69, 0.31, 0.12], [0.69, 0.31, 0.12], 1)
    """

    def __init__(self):
        self._made = {}

    def once(self, key, make):
        """``make()``, or what it returned (or raised) when a test of the cell asked before."""
        if key not in self._made:
            try:
                self._made[key] = (True, make())
            except (AssertionError, StudentFailure) as exc:
                self._made[key] = (False, exc)
        made, value = self._made[key]
        if not made:
            raise value
        return value


@dataclasses.dataclass
class Outcome:
    test: str
    points: float
    earned: float
    message: str = ""


@dataclasses.dataclass
class CellReport:
    """What a cell's hidden tests found."""

    grade_id: str
    seed: int
    outcomes: list
    sketches: list = dataclasses.field(default_factory=list)

    @property
    def score(self):
        return float(sum(outcome.earned for outcome in self.outcomes))

    @property
    def max_score(self):
        return float(sum(outcome.points for outcome in self.outcomes))

    def text(self):
        """The feedback a student reads: one line per test, failures explained."""
        lines = []
        for outcome in self.outcomes:
            mark = "passed" if outcome.earned else "FAILED"
            lines.append(f"[{mark}] {outcome.test} ({outcome.earned:g}/{outcome.points:g})")
            if outcome.message:
                lines.extend("    " + line for line in outcome.message.splitlines())
        lines.append(f"Hidden tests: {self.score:g}/{self.max_score:g} points "
                     f"(random inputs from seed {self.seed})")
        return "\n".join(lines) + "\n"

    def displays(self):
        """The cell's pictures as notebook ``display_data`` outputs (drawn now)."""
        return pictures.outputs(self.sketches)


def describe(test):
    """A test's title for students: its docstring's first paragraph, on one line, or
    its name.

    >>> def test_twice(student):
    ...     '''twice(x) is 2 x, for numbers
    ...     and arrays
    ...
    ...     Not shown.'''
    >>> describe(test_twice)
    'twice(x) is 2 x, for numbers and arrays'
    """
    doc = inspect.getdoc(test)
    return " ".join(doc.split("\n\n")[0].split()) if doc else test.__name__.replace("_", " ")


def _draws(test):
    return "sketch" in inspect.signature(test).parameters


def draws(suite, grade_id):
    """Whether a test of the cell draws a picture for the feedback (asks for ``sketch``)."""
    return any(_draws(test) for test in tests_of(suite, grade_id))


def run_cell(suite, grade_id, student, seed=0, pictures_only=False):
    """Run the tests of one cell against ``student``; a :class:`CellReport`.

    With ``pictures_only``, only the tests that draw run, for their pictures: a
    cell whose visible tests failed scores nothing, but its feedback can still
    show what the student's function did.
    """
    outcomes, sketchbook, shared = [], pictures.Sketchbook(), Shared()
    for test in tests_of(suite, grade_id):
        if pictures_only and not _draws(test):
            continue
        fixtures = {"student": student, "seed": seed, "sketch": sketchbook, "shared": shared,
                    "rng": np.random.default_rng(test_seed(seed, test))}
        wanted = inspect.signature(test).parameters
        message, passed = "", False
        try:
            with np.errstate(all="ignore"):
                test(**{name: fixtures[name] for name in wanted})
            passed = True
        except (AssertionError, StudentFailure) as exc:
            message = str(exc) or "the check failed"
        except Exception:
            log.exception("hidden test %s of %s failed inside the grader", test.__name__, grade_id)
            message = ("the grader could not check this (an error in the grader, "
                       "not necessarily in your code); tell your instructor")
        finally:
            student.reset()
        outcomes.append(Outcome(describe(test), test.points, test.points if passed else 0, message))
    return CellReport(grade_id, seed, outcomes, sketchbook.sketches)
