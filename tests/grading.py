"""Grading classes in scratch courses, for the tests."""

import pathlib

import nbformat

from autograder import classroom, course

ROOT = course.root()
FAST = ["--SecureExecute.timeout=15", "--SecureExecute.call_timeout=8"]


def grade_class(tmp, assignment, variants, extra=None):
    """Grade ``{student: Variant}`` (plus ``{student: notebook}`` in ``extra``)
    with ``nbgrader autograde`` and the kit's config; returns (grades, maxima)."""
    scratch = classroom.scratch_course(pathlib.Path(tmp), ROOT)
    course.nbgrader("generate_assignment", assignment, "--force", "--log-level=ERROR", course=scratch)
    classroom.build_class(scratch, assignment, variants)
    for student, nb in (extra or {}).items():
        for name, notebook in nb.items():
            target = scratch / "submitted" / student / assignment / f"{name}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, target)
    course.nbgrader("autograde", assignment, "--log-level=ERROR", *FAST, course=scratch)
    return course.grades(assignment, scratch)


def autograded_cells(maxima):
    return sorted(c for c in maxima if c.startswith("test_"))


def unexpected(variant, row, maxima):
    """The cells where a student's scores break the variant's expectations."""
    return {cell: f"{row.get(cell)}/{maxima[cell]:g}" for cell in autograded_cells(maxima)
            if not variant.expected(cell, row.get(cell) or 0, maxima[cell])}


#: Student -> sample variant of ps2_descent: correct, a history that lags a step (twice,
#: so two seeds hit one mistake), a descent that climbs, and a blank release.
DESCENT_CLASS = {"ada": "ada", "donald": "donald", "dorothy": "donald", "katherine": "katherine",
                 "oscar": "oscar"}


def grade_batch(tmp, assignment, students):
    """Grade ``{student: sample variant name}`` with ``autograder grade`` (feedback
    included) in a scratch course; returns the course's root."""
    from autograder import batch
    scratch = classroom.scratch_course(pathlib.Path(tmp), ROOT)
    course.nbgrader("generate_assignment", assignment, "--force", "--log-level=ERROR", course=scratch)
    variants = classroom.read_variants(ROOT / "samples" / assignment)
    classroom.build_class(scratch, assignment, {s: variants[v] for s, v in students.items()})
    outcomes = batch.grade(assignment, root=scratch, workers=2, progress=False,
                           options=batch.Options(cell_timeout=15, call_timeout=8))
    assert all(o.ok for o in outcomes), [o.message for o in outcomes if not o.ok]
    return scratch
