"""check_each: a function checked at many inputs in one process, and the message
when a value depends on the calls before it."""

import pytest

import numpy as np

from autograder.failures import StudentError
from autograder.pure import check_each
from autograder.sandbox.client import Sandbox
from autograder.student import SandboxStudent

CODE = '''
seen = {}

def square(x, offset=0):
    return x * x + offset

def cached_square(x, offset=0):
    if x not in seen:               # keyed on x alone: offset is forgotten
        seen[x] = x * x + offset
    return seen[x]

def off_at_five(x, offset=0):
    return x * x + offset + (x == 5)

def refuses_lists(x, scale=1.0, f=None):
    return x.sum() * scale
'''


@pytest.fixture(scope="module")
def box():
    with Sandbox(call_timeout=5) as sandbox:
        assert sandbox.run_cell(CODE).success
        sandbox.snapshot()
        yield sandbox


@pytest.fixture
def student(box):
    student = SandboxStudent(box)
    forks = []
    fresh = student._fresh
    student._fresh = lambda name: forks.append(name) or fresh(name)
    student.forks = forks
    yield student
    student.reset()


def check_square(result, args, kwargs, label=""):
    x, offset = args[0], kwargs.get("offset", 0)
    if result.value != x * x + offset:
        raise AssertionError(f"{label}f({x}, offset={offset}) gave {result.value}")
    return label or result.value


CALLS = [((3,), {}), ((3,), {"offset": 1}), ((4,), {"offset": 2})]


def test_the_calls_share_one_process_and_the_checks_values_come_back(student):
    assert check_each(student, "square", CALLS, check_square) == [9, 10, 18]
    assert student.forks == ["square"]
    labelled = [(args, kwargs, f"case {k}: ") for k, (args, kwargs) in enumerate(CALLS)]
    assert check_each(student, "square", labelled, check_square) == ["case 0: ", "case 1: ", "case 2: "]


def test_a_value_right_only_when_called_first_is_reported_as_such(student):
    with pytest.raises(AssertionError) as failure:
        check_each(student, "cached_square", CALLS, check_square)
    assert str(failure.value) == (
        "f(3, offset=1) gave 9. That was after 1 earlier call in the same process; made first, the "
        "same call is right: its value should depend on its arguments alone, not on the calls before "
        "(a cache keyed on some of the arguments, or a global it changes)")
    assert student.forks == ["cached_square", "cached_square"]


def test_a_value_wrong_either_way_keeps_its_own_message(student):
    with pytest.raises(AssertionError, match=r"^f\(5, offset=0\) gave 26$"):
        check_each(student, "off_at_five", [((2,), {}), ((5,), {})], check_square)
    assert student.forks == ["off_at_five", "off_at_five"]


def test_a_first_call_that_fails_is_not_made_again(student):
    with pytest.raises(AssertionError, match=r"^f\(5, offset=0\) gave 26$"):
        check_each(student, "off_at_five", [((5,), {}), ((2,), {})], check_square)
    assert student.forks == ["off_at_five"]


def test_a_call_that_raises_is_named_with_its_arguments(student):
    calls = [((np.array([1.0, 2.0]),), {}), (([1.0, 2.0],), {"scale": 0.5, "f": abs})]
    with pytest.raises(StudentError) as failure:
        check_each(student, "refuses_lists", calls, lambda result, args, kwargs: result.value)
    assert failure.value.is_a("AttributeError")
    assert str(failure.value) == ("refuses_lists raised AttributeError: 'list' object has no attribute 'sum'; "
                                  "the call was refuses_lists([1, 2], scale=0.5, f=<a function>)")


def test_alone_the_calls_share_one_process_while_they_pass(student):
    assert check_each(student, "square", CALLS, check_square, alone=True) == [9, 10, 18]
    assert student.forks == ["square"]


def test_alone_a_call_that_fails_after_others_is_judged_by_itself(student):
    assert check_each(student, "cached_square", CALLS, check_square, alone=True) == [9, 10, 18]
    # The second call fails after the first, passes in a copy of its own, and so does the third.
    assert student.forks == ["cached_square"] * 3


def test_alone_a_call_wrong_by_itself_fails_with_its_own_message(student):
    with pytest.raises(AssertionError, match=r"^f\(5, offset=0\) gave 26$"):
        check_each(student, "off_at_five", [((2,), {}), ((5,), {}), ((3,), {})], check_square, alone=True)
    assert student.forks == ["off_at_five", "off_at_five"]
