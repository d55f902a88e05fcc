"""Each assignment's sample class, graded by ``nbgrader autograde`` with the kit's
config, gets exactly the grades its variants promise: correct solutions written
differently get full marks, a bug loses the points of its own function only, and a
hang or a cheat costs its author and nobody else."""

import nbformat
import pytest

from autograder import classroom, course

from grading import ROOT, grade_class, unexpected

ASSIGNMENTS = [a for a in course.assignments() if (ROOT / "samples" / a).is_dir()]


@pytest.fixture(scope="module",
                params=[pytest.param(a, marks=pytest.mark.xdist_group(a)) for a in ASSIGNMENTS])
def graded(request, tmp_path_factory):
    assignment = request.param
    variants = classroom.read_variants(ROOT / "samples" / assignment)
    sources = {p.stem: nbformat.read(p, as_version=4)
               for p in sorted((ROOT / "source" / assignment).glob("*.ipynb"))}
    scratch = tmp_path_factory.mktemp(assignment)
    table, maxima = grade_class(scratch, assignment, variants, extra={"instructor-source": sources})
    course.nbgrader("generate_feedback", assignment, "--log-level=ERROR", course=scratch)
    return assignment, variants, table, maxima, scratch


def test_every_sample_gets_the_grades_it_promises(graded):
    assignment, variants, table, maxima, _ = graded
    wrong = {student: unexpected(variant, table.get(student, {}), maxima)
             for student, variant in variants.items()}
    assert not {s: w for s, w in wrong.items() if w}, f"{assignment}: unexpected grades {wrong}"


def test_the_source_notebook_gets_every_autograded_point(graded):
    assignment, _, table, maxima, _ = graded
    row = table["instructor-source"]
    assert {c: row[c] for c in maxima if c.startswith("test_")} == \
        {c: m for c, m in maxima.items() if c.startswith("test_")}


def test_the_class_has_correct_buggy_and_blank_submissions(graded):
    assignment, variants, _, _, _ = graded
    kinds = {("bug" if v.breaks else "zero" if v.zero else "correct") for v in variants.values()}
    assert {"correct", "bug"} <= kinds, assignment
    assert any(v.from_release for v in variants.values()), f"{assignment}: no blank submission"


def test_feedback_shows_reports_and_never_hidden_code(graded):
    assignment, variants, _, _, scratch = graded
    pages = {p.parts[-3]: p.read_text() for p in (scratch / "feedback").glob(f"*/{assignment}/*.html")}
    assert set(variants) <= set(pages)
    for student, page in pages.items():
        handed_in = "".join(p.read_text() for p in (scratch / "submitted" / student).rglob("*.ipynb"))
        for secret in ("BEGIN HIDDEN TESTS", "grade_cell", "autograder", "REFERENCE", "def test_"):
            assert secret not in page or secret in handed_in, f"{secret!r} in {student}'s feedback"
    correct = next(s for s, v in variants.items() if not (v.breaks or v.zero or v.from_release))
    assert "Hidden tests:" in pages[correct] and "random inputs from seed" in pages[correct]
