"""``autograder grade``: the same grades as ``nbgrader autograde``, cell by cell, in
parallel, resumed after a kill, and on a Dask cluster; twice the same class gives the
same gradebook."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from autograder import batch, classroom, course

from grading import FAST, ROOT

ASSIGNMENT = "ps3_rosenbrock"
STUDENTS = ("ada", "barbara", "john", "oscar")
OPTIONS = batch.Options(cell_timeout=15, call_timeout=8)


def make_class(path):
    scratch = classroom.scratch_course(path, ROOT)
    course.nbgrader("generate_assignment", ASSIGNMENT, "--force", "--log-level=ERROR", course=scratch)
    variants = classroom.read_variants(ROOT / "samples" / ASSIGNMENT)
    classroom.build_class(scratch, ASSIGNMENT, {s: variants[s] for s in STUDENTS})
    return scratch


def gradebook_rows(path):
    """Every grade row, with what identifies it, from a gradebook."""
    with sqlite3.connect(path / "gradebook.db") as db:
        return sorted(db.execute(
            "SELECT student.id, base_cell.name, grade.auto_score, grade.needs_manual_grade "
            "FROM grade JOIN submitted_notebook ON grade.notebook_id = submitted_notebook.id "
            "JOIN submitted_assignment ON submitted_notebook.assignment_id = submitted_assignment.id "
            "JOIN student ON submitted_assignment.student_id = student.id "
            "JOIN base_cell ON grade.cell_id = base_cell.id").fetchall())


@pytest.fixture(scope="module")
def stock(tmp_path_factory):
    scratch = make_class(tmp_path_factory.mktemp("stock"))
    course.nbgrader("autograde", ASSIGNMENT, "--log-level=ERROR", *FAST, course=scratch)
    return gradebook_rows(scratch)


def test_parallel_grades_equal_nbgrader_autograde(stock, tmp_path):
    scratch = make_class(tmp_path)
    outcomes = batch.grade(ASSIGNMENT, root=scratch, workers=2, options=OPTIONS, progress=False)
    assert all(o.ok for o in outcomes) and len(outcomes) == len(STUDENTS)
    assert gradebook_rows(scratch) == stock
    for student in STUDENTS:
        assert (scratch / "autograded" / student / ASSIGNMENT / "rosenbrock.ipynb").exists()
        assert (scratch / "feedback" / student / ASSIGNMENT / "rosenbrock.html").exists()


def test_grading_twice_gives_the_same_gradebook(stock, tmp_path):
    scratch = make_class(tmp_path)
    batch.grade(ASSIGNMENT, root=scratch, workers=2, options=OPTIONS, progress=False)
    first = gradebook_rows(scratch)
    outcomes = batch.grade(ASSIGNMENT, root=scratch, workers=2, options=OPTIONS, progress=False)
    assert all(o.skipped for o in outcomes)
    batch.grade(ASSIGNMENT, root=scratch, workers=1, options=OPTIONS, progress=False, force=True)
    assert gradebook_rows(scratch) == first == stock


def test_a_killed_run_resumes_to_a_complete_gradebook(stock, tmp_path):
    scratch = make_class(tmp_path)
    command = [sys.executable, "-m", "autograder", "grade", ASSIGNMENT, "--workers", "2",
               "--cell-timeout", "15", "--call-timeout", "8"]
    run = subprocess.Popen(command, cwd=scratch, env=course.environment(), start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not any(
            batch.done(scratch, ASSIGNMENT, s) for s in STUDENTS):
        time.sleep(0.5)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    finished = {s for s in STUDENTS if batch.done(scratch, ASSIGNMENT, s)}
    assert finished, "the first run finished no submission before it was killed"
    outcomes = batch.grade(ASSIGNMENT, root=scratch, workers=2, options=OPTIONS, progress=False)
    assert {o.student for o in outcomes if o.skipped} == finished
    assert all(o.ok for o in outcomes)
    assert gradebook_rows(scratch) == stock


def test_a_dask_cluster_gives_the_same_gradebook(stock, tmp_path):
    distributed = pytest.importorskip("distributed")
    scratch = make_class(tmp_path)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        outcomes = batch.grade(ASSIGNMENT, root=scratch, scheduler=cluster.scheduler_address,
                               options=OPTIONS, progress=False)
    assert all(o.ok for o in outcomes)
    assert gradebook_rows(scratch) == stock


SLOW = classroom.Variant("slowpoke", inserts={"test_rosenbrock": ["import time\ntime.sleep(600)"]})


def grade_slowpoke(path, **where):
    """ada and slowpoke (ada with a cell after test_rosenbrock that sleeps) under a
    40 s limit per submission; slowpoke's scores, cell by cell, and the outcomes."""
    scratch = make_class(path)
    classroom.build_class(scratch, ASSIGNMENT, {"slowpoke": SLOW})
    options = batch.Options(cell_timeout=600, call_timeout=8, submission_timeout=40)
    started = time.monotonic()
    outcomes = {o.student: o for o in batch.grade(ASSIGNMENT, root=scratch, students=["ada", "slowpoke"],
                                                  options=options, progress=False, **where)}
    seconds = time.monotonic() - started
    scores = {cell: score for student, cell, score, _ in gradebook_rows(scratch) if student == "slowpoke"}
    autograded = (scratch / "autograded" / "slowpoke" / ASSIGNMENT / "rosenbrock.ipynb").read_text()
    return scores, outcomes, seconds, autograded


def check_slowpoke(stock, scores, outcomes, seconds, autograded):
    ada = {cell: score for student, cell, score, _ in stock if student == "ada"}
    tests = [cell for cell in ada if cell.startswith("test_")]
    assert seconds < 300
    assert all(o.ok for o in outcomes.values()) and not outcomes["ada"].note
    assert "ran out at the cell `import time`" in outcomes["slowpoke"].note
    assert scores["test_rosenbrock"] == ada["test_rosenbrock"] > 0
    assert all(scores[cell] == 0 for cell in tests if cell != "test_rosenbrock")
    assert "ran out while this cell ran" in autograded and "ran out before this cell ran" in autograded


def test_a_submission_out_of_time_keeps_its_earlier_points(stock, tmp_path):
    check_slowpoke(stock, *grade_slowpoke(tmp_path, workers=2))


def test_a_submission_out_of_time_on_dask_keeps_its_earlier_points(stock, tmp_path):
    # Dask runs tasks in threads, where no alarm can stop them: the budget still does.
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True,
                                  dashboard_address=None) as cluster:
        check_slowpoke(stock, *grade_slowpoke(tmp_path, scheduler=cluster.scheduler_address))


def _dies_for_mallory(root, assignment, student, options):
    """A stand-in for grading one submission: mallory's kills its worker process."""
    if student == "mallory":
        os._exit(9)
    time.sleep(0.2)
    return batch.Outcome(student, True, 0.2)


def test_a_worker_that_dies_costs_only_its_own_submission():
    students = ["ada", "bob", "mallory", "oscar"]
    outcomes = {o.student: o for o in batch._local("/nowhere", "ps3_rosenbrock", students, batch.Options(),
                                                  2, work=_dies_for_mallory)}
    assert sorted(outcomes) == students
    assert [s for s, o in outcomes.items() if not o.ok] == ["mallory"]
    assert outcomes["mallory"].message == batch.DIED
