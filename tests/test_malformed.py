"""Malformed submissions: each gets a clear message, zero on what it affects, and
the batch carries on with every other grade intact."""

import copy
import random

import nbformat
import pytest

from autograder import classroom, course

from grading import FAST, ROOT

ASSIGNMENT = "ps3_rosenbrock"


def by_id(nb, grade_id):
    return next(i for i, c in enumerate(nb.cells)
                if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def correct(scratch):
    release = nbformat.read(scratch / "release" / ASSIGNMENT / "rosenbrock.ipynb", as_version=4)
    source = nbformat.read(scratch / "source" / ASSIGNMENT / "rosenbrock.ipynb", as_version=4)
    return classroom.submission(release, source, classroom.Variant("correct"))


def malformed(scratch):
    """``{student: (file bytes, cells that must score 0)}``; other cells full marks."""
    good = correct(scratch)
    every = [c.metadata.nbgrader["grade_id"] for c in good.cells
             if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
             and not c.metadata.nbgrader.get("solution")]
    cases = {}

    def add(name, nb_or_bytes, zero=()):
        data = nb_or_bytes if isinstance(nb_or_bytes, bytes) else nbformat.writes(nb_or_bytes).encode()
        cases[name] = (data, set(zero))

    add("honest", good)
    add("invalid-json", b'{"cells": [{"cell_type": "code", "source": "def rosen', every)
    add("binary-junk", bytes(random.Random(0).randrange(256) for _ in range(4096)), every)
    add("empty-file", b"", every)
    add("empty-notebook", nbformat.v4.new_notebook(), every)
    add("nbformat-3", nbformat.writes(nbformat.convert(copy.deepcopy(good), 3)).encode())

    nb = copy.deepcopy(good)
    del nb.cells[by_id(nb, "test_rosenbrock_hessian")]
    del nb.cells[by_id(nb, "rosenbrock_hessian")]
    add("deleted-cells", nb, ["test_rosenbrock_hessian"])

    nb = copy.deepcopy(good)
    i = by_id(nb, "rosenbrock_grad")
    nb.cells.insert(i, copy.deepcopy(nb.cells[i]))
    add("duplicated-cell", nb)

    nb = copy.deepcopy(good)
    nb.cells.insert(0, nb.cells.pop(by_id(nb, "test_distance_to_optimum")))
    add("reordered-cells", nb, ["test_distance_to_optimum"])

    nb = copy.deepcopy(good)
    i = by_id(nb, "rosenbrock_grad")
    nb.cells[i] = nbformat.v4.new_markdown_cell(nb.cells[i].source, metadata=nb.cells[i].metadata)
    add("retyped-cell", nb)

    nb = copy.deepcopy(good)
    nb.cells[by_id(nb, "test_rosenbrock")].metadata.nbgrader["grade_id"] = "test_free_points"
    nb.cells[by_id(nb, "test_rosenbrock_grad")].metadata.nbgrader["points"] = 100
    add("changed-ids-and-points", nb)

    nb = copy.deepcopy(good)
    nb.cells[by_id(nb, "test_rosenbrock_hessian")].metadata.nbgrader["solution"] = True
    nb.cells[by_id(nb, "test_rosenbrock_grad")].metadata.nbgrader.update(grade=False, task=True)
    nb.cells[by_id(nb, "rosenbrock")].metadata.nbgrader["solution"] = False
    add("edited-flags", nb)

    foreign = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "def bowl(xy):\n    return 0.5 * (xy[0]**2 + xy[1]**2)",
        metadata={"nbgrader": {"grade": False, "solution": True, "locked": False,
                               "grade_id": "bowl", "schema_version": 3}})])
    add("another-assignment", foreign, every)

    nb = copy.deepcopy(good)
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * 20_000_000)]
    add("huge-output", nb)
    return cases, every


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    scratch = classroom.scratch_course(tmp_path_factory.mktemp("malformed"), ROOT)
    course.nbgrader("generate_assignment", ASSIGNMENT, "--force", "--log-level=ERROR", course=scratch)
    cases, every = malformed(scratch)
    for student, (data, _) in cases.items():
        target = scratch / "submitted" / student / ASSIGNMENT / "rosenbrock.ipynb"
        target.parent.mkdir(parents=True)
        target.write_bytes(data)
    missing = scratch / "submitted" / "no-notebook" / ASSIGNMENT
    missing.mkdir(parents=True)
    (missing / "answers.txt").write_text("I wrote my answers here")
    status = course.nbgrader("autograde", ASSIGNMENT, "--log-level=ERROR", *FAST, course=scratch,
                             check=False)
    course.nbgrader("generate_feedback", ASSIGNMENT, "--log-level=ERROR", course=scratch, check=False)
    table, maxima = course.grades(ASSIGNMENT, scratch)
    return scratch, cases, every, table, maxima, status


def test_every_readable_or_unreadable_submission_is_graded(graded):
    _, cases, _, table, _, status = graded
    assert set(cases) <= set(table)
    assert status == 0


def test_zero_on_what_is_affected_and_full_marks_elsewhere(graded):
    _, cases, every, table, maxima, _ = graded
    wrong = {}
    for student, (_, zero) in cases.items():
        for cell in every:
            expected = 0 if cell in zero else maxima[cell]
            if table[student].get(cell) != expected:
                wrong.setdefault(student, {})[cell] = (table[student].get(cell), expected)
    assert not wrong


def test_unreadable_files_get_a_note_in_the_feedback(graded):
    scratch, _, _, _, _, _ = graded
    for student in ("invalid-json", "binary-junk", "empty-file"):
        page = (scratch / "feedback" / student / ASSIGNMENT / "rosenbrock.html").read_text()
        assert "could not be read as a notebook" in page


def test_restored_cells_say_so(graded):
    scratch, _, _, _, _, _ = graded
    page = (scratch / "feedback" / "deleted-cells" / ASSIGNMENT / "rosenbrock.html").read_text()
    assert "was missing from the submission" in page
