"""check_each: a function checked at many inputs in one process, and the message
when a value depends on the calls before it; check_among: the calls of a cell's
tests made once, in one process, each test judging its own; check_raises: inputs
a function must refuse, in one process."""

import pytest

import numpy as np

from autograder import suite
from autograder.failures import StudentError, StudentTimeout
from autograder.pure import check_among, check_each, check_planned, check_raises, plans
from autograder.sandbox.client import Sandbox
from autograder.student import SandboxStudent
from autograder.suite import Shared

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

def refuses_five(x, offset=0):
    if x == 5:
        raise ValueError("not five")
    return x * x + offset

def stuck_at_seven(x, offset=0):
    while x == 7:
        pass
    return x * x + offset

class Refused(ValueError):
    pass

def checked_sqrt(x):
    if x == 0.5:
        raise TypeError("half")
    if x == -9:
        raise Refused("minus nine")
    if x < 0:
        raise ValueError("negative")
    return x ** 0.5

refused = []

def refuses_the_first_negative(x):
    if x < 0 and not refused:
        refused.append(x)
        raise ValueError("negative")
    return abs(x)
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


GROUPS = {"first": CALLS[:2], "second": [((5,), {}), ((2,), {"offset": 3})]}


def test_among_the_tests_of_a_cell_share_one_process_each_judging_its_own(student):
    shared = Shared()
    assert check_among(student, shared, "square", GROUPS, "first", check_square) == [9, 10]
    student.reset()
    assert check_among(student, shared, "square", GROUPS, "second", check_square) == [25, 7]
    assert student.forks == ["square"]


def test_among_a_value_depending_on_another_tests_calls_is_judged_in_a_copy_of_its_own(student):
    groups = {"first": [((2,), {})], "second": [((2,), {"offset": 1})]}
    shared = Shared()
    assert check_among(student, shared, "cached_square", groups, "first", check_square) == [4]
    student.reset()
    # After the first test's call, the cache answers 4; by itself the call is right.
    assert check_among(student, shared, "cached_square", groups, "second", check_square) == [5]
    assert student.forks == ["cached_square"] * 2


def test_among_a_later_group_wrong_by_itself_fails_with_its_own_message(student):
    groups = {"first": [((2,), {})], "second": [((5,), {}), ((3,), {})]}
    shared = Shared()
    assert check_among(student, shared, "off_at_five", groups, "first", check_square) == [4]
    student.reset()
    with pytest.raises(AssertionError, match=r"^f\(5, offset=0\) gave 26$"):
        check_among(student, shared, "off_at_five", groups, "second", check_square)
    assert student.forks == ["off_at_five"] * 2


def test_among_the_first_group_is_judged_where_it_was_made(student):
    groups = {"first": CALLS, "second": [((7,), {})]}
    with pytest.raises(AssertionError, match="That was after 1 earlier call in the same process"):
        check_among(student, Shared(), "cached_square", groups, "first", check_square)


def test_among_a_call_that_fails_costs_only_the_test_whose_input_it_is(student):
    groups = {"first": [((5,), {})], "second": [((3,), {}), ((4,), {"offset": 1})]}
    shared = Shared()
    with pytest.raises(StudentError, match="not five; the call was refuses_five\\(5\\)"):
        check_among(student, shared, "refuses_five", groups, "first", check_square)
    student.reset()
    # The second group's calls were never made in the shared process: they are made in
    # a copy of their own, as check_each makes them.
    assert check_among(student, shared, "refuses_five", groups, "second", check_square) == [9, 17]
    assert student.forks == ["refuses_five"] * 2


def test_among_every_test_must_pass_the_same_groups(student):
    shared = Shared()
    check_among(student, shared, "square", GROUPS, "first", check_square)
    with pytest.raises(RuntimeError):
        check_among(student, shared, "square", dict(GROUPS), "second", check_square)


def test_among_a_failure_in_a_later_group_leaves_the_earlier_groups_results(student):
    groups = {"first": [((3,), {}), ((4,), {})], "second": [((5,), {})]}
    shared = Shared()
    assert check_among(student, shared, "refuses_five", groups, "first", check_square) == [9, 16]
    student.reset()
    with pytest.raises(StudentError, match="not five"):
        check_among(student, shared, "refuses_five", groups, "second", check_square)
    # The second group's call failed after the first group's: it is made again by itself.
    assert student.forks == ["refuses_five"] * 2


def test_plans_draws_each_tests_inputs_once_as_its_own_rng_would():
    def test_first():
        pass

    def test_second():
        pass
    recipes = {test_first: lambda rng: rng.normal(size=3), test_second: lambda rng: rng.integers(10, size=2)}
    shared = Shared()
    drawn = plans(shared, 7, recipes)
    assert plans(shared, 7, recipes) is drawn
    for test in recipes:
        own = np.random.default_rng(suite.test_seed(7, test))
        cases, rng = drawn[test.__name__]
        assert np.array_equal(cases, recipes[test](own))
        assert rng.random() == own.random()   # the test goes on drawing where its recipe stopped


def test_check_planned_makes_the_calls_each_test_would_draw_in_one_process(student):
    def test_small():
        pass

    def test_large():
        pass
    recipes = {test_small: lambda rng: [((int(rng.integers(10)),), {})],
               test_large: lambda rng: [((int(rng.integers(100, 200)),), {}) for _ in range(2)]}
    shared, made = Shared(), []

    def check(result, args, kwargs):
        made.append(args[0])
        return check_square(result, args, kwargs)
    for test in recipes:
        check_planned(student, shared, 3, "square", recipes, test, check)
        student.reset()
    drawn = [recipes[test](np.random.default_rng(suite.test_seed(3, test))) for test in recipes]
    assert made == [args[0] for calls in drawn for args, _ in calls]
    assert student.forks == ["square"]


def test_among_tests_sharing_a_group_each_get_the_failure_once(student):
    groups = {"all": [((5,), {}), ((3,), {})]}
    shared, messages = Shared(), []
    for _ in range(2):
        with pytest.raises(StudentError) as failure:
            check_among(student, shared, "refuses_five", groups, "all", check_square)
        messages.append(str(failure.value))
    assert messages == ["refuses_five raised ValueError: not five; the call was refuses_five(5)"] * 2


def test_among_a_later_group_whose_own_call_runs_out_of_time_is_not_made_to_wait_again():
    with Sandbox(call_timeout=0.5) as box:
        assert box.run_cell(CODE).success
        box.snapshot()
        student = SandboxStudent(box)
        groups = {"first": [((2,), {})], "second": [((3,), {}), ((7,), {})]}
        shared = Shared()
        assert check_among(student, shared, "stuck_at_seven", groups, "first", check_square) == [4]
        student.reset()
        calls = []
        call_each = student.call_each
        student.call_each = lambda *a: calls.append(a) or call_each(*a)
        with pytest.raises(StudentTimeout, match="the call was stuck_at_seven\\(7\\)$"):
            check_among(student, shared, "stuck_at_seven", groups, "second", check_square)
        assert calls == []


def test_raises_the_refusals_share_one_process(student):
    calls = [((-1,), {}, "x=-1"), ((-2.5,), {}, "x=-2.5"), ((-9,), {}, "x=-9 (a subclass)")]
    check_raises(student, "checked_sqrt", calls, "ValueError")
    assert student.forks == ["checked_sqrt"]


def test_raises_a_value_returned_instead_fails(student):
    with pytest.raises(AssertionError, match=r"^checked_sqrt\(x=4\) returned 2; expected a ValueError$"):
        check_raises(student, "checked_sqrt", [((-1,), {}, "x=-1"), ((4,), {}, "x=4")], "ValueError")
    assert student.forks == ["checked_sqrt", "checked_sqrt"]


def test_raises_another_error_fails_with_its_type_and_message(student):
    with pytest.raises(AssertionError, match=r"^checked_sqrt\(x=0.5\) raised TypeError: half; "
                                             r"expected a ValueError$"):
        check_raises(student, "checked_sqrt", [((0.5,), {}, "x=0.5"), ((-1,), {}, "x=-1")], "ValueError")
    assert student.forks == ["checked_sqrt"]


def test_raises_a_refusal_made_only_first_is_reported_as_such(student):
    with pytest.raises(AssertionError) as failure:
        check_raises(student, "refuses_the_first_negative", [((-1,), {}, "x=-1"), ((-2,), {}, "x=-2")],
                     "ValueError")
    assert str(failure.value).startswith(
        "refuses_the_first_negative(x=-2) returned 2; expected a ValueError. That was after 1 earlier "
        "call in the same process; made first, the same call is right")
