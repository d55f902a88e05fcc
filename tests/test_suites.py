"""Every hidden suite gives the reference full marks, its points match the
notebook's test cells, and every graded function is tested."""

import types

import nbformat
import numpy as np
import pytest

from autograder import course, hidden, suite
from autograder.student import NamespaceStudent

from grading import ROOT

ASSIGNMENTS = [a for a in course.assignments()
               if (ROOT / "autograder" / "suites" / f"{a}.py").exists()]


def _test_cells(assignment):
    cells = {}
    for path in sorted((ROOT / "source" / assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") and not meta.get("solution"):
                cells[meta["grade_id"]] = (meta["points"], cell.source)
    return cells


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_reference_gets_full_marks(assignment):
    module = suite.load(assignment)
    student = NamespaceStudent.for_suite(module, dict(vars(module.REFERENCE)))
    for grade_id in suite.points(module):
        for seed in (0, 12345):
            report = suite.run_cell(module, grade_id, student, seed)
            assert report.score == report.max_score, report.text()


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_points_match_the_notebook(assignment):
    module = suite.load(assignment)
    cells = _test_cells(assignment)
    assert {gid: points for gid, (points, _) in cells.items()} == suite.points(module)
    for grade_id, (_, source) in cells.items():
        _, call = hidden.split(source)
        assert call == (assignment, grade_id)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_graded_function_is_tested(assignment):
    module = suite.load(assignment)
    assert module.ASSIGNMENT == assignment
    names = " ".join(test.__name__ + " " + test.grade_id for test in suite.tests_of(module))
    assert all(name in names for name in module.GRADED)
    for name in module.GRADED:
        assert callable(getattr(module.REFERENCE, name)), name


def _two_tests_sharing(make):
    """A suite whose cell ``c`` has two tests that check one value made by ``make``."""
    module = types.ModuleType("two_tests")

    @suite.cell("c")
    def test_first(shared):
        assert shared.once("run", make) == "trained"

    @suite.cell("c")
    def test_second(shared):
        assert shared.once("run", make) == "trained"

    module.test_first, module.test_second = test_first, test_second
    return module


def test_tests_of_a_cell_share_one_call():
    made = []
    module = _two_tests_sharing(lambda: made.append(1) or "trained")
    report = suite.run_cell(module, "c", NamespaceStudent({}))
    assert report.score == 2 and made == [1]
    suite.run_cell(module, "c", NamespaceStudent({}))
    assert made == [1, 1]  # each grading of the cell makes its own


def test_a_shared_call_that_fails_fails_every_test_that_asks_without_a_second_try():
    made = []

    def make():
        made.append(1)
        raise AssertionError("train_mlp(X, y) took longer than 10 s")
    report = suite.run_cell(_two_tests_sharing(make), "c", NamespaceStudent({}))
    assert report.score == 0 and made == [1]
    assert [o.message for o in report.outcomes] == ["train_mlp(X, y) took longer than 10 s"] * 2


def test_call_with_hands_the_stand_in_over_and_refuses_what_is_not_handed_over():
    module = suite.load("ps4_backprop")
    namespace = {}
    exec("def train_mlp(X, y, **kwargs):\n    return mlp_loss_and_grads({'W1': X}, X, y)", namespace)
    student = NamespaceStudent.for_suite(module, namespace)
    seen = []

    def stand_in(params, X, y):
        seen.append(params)
        return 1.5, {}
    result = student.call_with("train_mlp", {"mlp_loss_and_grads": stand_in}, np.ones(2), np.zeros(2, int))
    assert result.value == [1.5, {}] or result.value == (1.5, {})
    assert len(seen) == 1 and np.array_equal(seen[0]["W1"], np.ones(2))
    with pytest.raises(ValueError, match="sgd_step"):
        student.call_with("train_mlp", {"sgd_step": stand_in}, np.ones(2), np.zeros(2, int))


def test_recorders_of_a_students_calls_keep_a_bounded_amount():
    """A recorder keeps copies of what a student's code hands the reference; a student
    calling it in a loop with large arrays must not exhaust the grader's memory."""
    from autograder.suites import ps4_backprop, ps5_optimizers
    step = ps5_optimizers._StepRecorder("momentum_step")
    step.KEEP = 100
    for _ in range(3):
        step(np.zeros(10), np.zeros(10), np.zeros(10))
    assert step.over and sum(len(calls) for calls in step.calls.values()) == 1
    loss = ps4_backprop._Recorder()
    loss.KEEP = 50
    params = {"W1": np.zeros((2, 3)), "b1": np.zeros(3), "W2": np.zeros((3, 2)), "b2": np.zeros(2)}
    for _ in range(3):
        loss(params, np.zeros((4, 2)), np.array([0, 1, 0, 1]))
    assert loss.over and len(loss.calls) == 1
