"""Exports: ``nbgrader export`` quotes names with commas; Gradescope's results.json
carries every autograded cell with its score, output and visibility."""

import csv
import json

import pytest
from nbgrader.api import Gradebook

from autograder import batch, classroom, course
from autograder.export import write_gradescope

from grading import ROOT

ASSIGNMENT = "ps3_rosenbrock"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    scratch = classroom.scratch_course(tmp_path_factory.mktemp("exports"), ROOT)
    course.nbgrader("generate_assignment", ASSIGNMENT, "--force", "--log-level=ERROR", course=scratch)
    variants = classroom.read_variants(ROOT / "samples" / ASSIGNMENT)
    classroom.build_class(scratch, ASSIGNMENT, {s: variants[s] for s in ("ada", "barbara")})
    with Gradebook(course.db_url(scratch)) as gb:
        gb.update_or_create_student("ada", first_name="Ada", last_name="Lovelace, Countess",
                                    email="ada@example.org")
    batch.grade(ASSIGNMENT, root=scratch, workers=2, progress=False,
                options=batch.Options(cell_timeout=15, call_timeout=8, feedback=False))
    return scratch


def test_csv_export_keeps_columns_for_names_with_commas(graded):
    course.nbgrader("export", "--log-level=ERROR", course=graded)
    with open(graded / "grades.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ada = next(r for r in rows if r["student_id"] == "ada")
    assert ada["last_name"] == "Lovelace, Countess" and ada["first_name"] == "Ada"
    assert float(ada["score"]) == 17.0 and ada["email"] == "ada@example.org"
    assert all(len(r) == 11 for r in rows)


def test_gradescope_results_carry_every_autograded_cell(graded):
    write_gradescope(graded, ASSIGNMENT)
    table, maxima = course.grades(ASSIGNMENT, graded)
    for student in ("ada", "barbara"):
        results = json.loads((graded / "exports" / "gradescope" / ASSIGNMENT / student
                              / "results.json").read_text())
        tests = {t["name"]: t for t in results["tests"]}
        assert set(tests) == {c for c in maxima if c.startswith("test_")}
        for name, test in tests.items():
            assert test["score"] == table[student][name] and test["max_score"] == maxima[name]
            assert test["visibility"] == "after_published"
            assert "grade_cell" not in test["output"]
        assert results["score"] == sum(t["score"] for t in results["tests"])
    ada = json.loads((graded / "exports" / "gradescope" / ASSIGNMENT / "ada" / "results.json").read_text())
    assert "Hidden tests:" in next(t for t in ada["tests"] if t["name"] == "test_rosenbrock_hessian")["output"]


def test_feedback_pages_equal_those_of_nbconverts_own_exporter(graded):
    """The kit's exporter compiles its templates once per process; the second student's
    page comes from the compiled templates, and both equal stock nbconvert's."""
    import shutil
    course.nbgrader("generate_feedback", ASSIGNMENT, "--force", "--log-level=ERROR", course=graded)
    ours = graded / "feedback-kit"
    shutil.move(graded / "feedback", ours)
    course.nbgrader("generate_feedback", ASSIGNMENT, "--force", "--log-level=ERROR",
                    "--GenerateFeedback.exporter_class=nbconvert.exporters.HTMLExporter",
                    course=graded)
    pages = sorted(p.relative_to(ours) for p in ours.rglob("*") if p.is_file())
    assert [str(p.parent) for p in pages] == [f"ada/{ASSIGNMENT}", f"barbara/{ASSIGNMENT}"]
    for page in pages:
        assert (ours / page).read_bytes() == (graded / "feedback" / page).read_bytes()
