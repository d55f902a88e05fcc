"""A descent exercise's feedback shows the student's path and loss curve against the
reference's, as a PNG in the test cell's output: when the descent climbs, when it
lags, when it is right; in the sandboxed grader and in a trusted kernel. Pictures
appear nowhere else and change no score."""

import base64
import re

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import classroom

from grading import DESCENT_CLASS, ROOT, unexpected

pytestmark = pytest.mark.xdist_group("descent_class")
ASSIGNMENT = "ps2_descent"
DRAWN = "test_gradient_descent"
PNG = b"\x89PNG\r\n\x1a\n"


def graded_cells(scratch, student):
    """``{grade_id: outputs}`` of the autograded test cells of a student's notebook."""
    cells = {}
    for path in (scratch / "autograded" / student / ASSIGNMENT).glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade") and not meta.get("solution") and cell.cell_type == "code":
                cells[meta["grade_id"]] = cell.outputs
    return cells


def pictures(outputs):
    return [o.data["image/png"] for o in outputs
            if o.output_type == "display_data" and "image/png" in o.get("data", {})]


def feedback(scratch, student):
    return "".join(p.read_text() for p in (scratch / "feedback" / student / ASSIGNMENT).glob("*.html"))


@pytest.mark.parametrize("student", ["katherine", "donald", "ada"])
def test_descent_feedback_shows_the_picture(descent_class, student):
    """katherine's descent climbs (her visible tests fail), donald's lags a step (hidden
    tests fail), ada's is right: each sees a PNG in the gradient_descent cell."""
    shown = pictures(graded_cells(descent_class, student)[DRAWN])
    assert len(shown) == 1, f"{student}: {len(shown)} pictures in {DRAWN}"
    png = base64.b64decode(shown[0])
    assert png.startswith(PNG) and len(png) > 5000
    page = feedback(descent_class, student)
    assert re.search(f'<img [^>]*src="data:image/png;base64,{re.escape(shown[0])}"', page)
    assert "BEGIN HIDDEN TESTS" not in page and "grade_cell" not in page


def test_no_picture_in_other_graded_cells(descent_class):
    for student in DESCENT_CLASS:
        cells = graded_cells(descent_class, student)
        assert DRAWN in cells and len(cells) > 10
        assert {gid for gid, outputs in cells.items() if pictures(outputs)} <= {DRAWN}, student


def test_a_blank_submission_gets_no_picture(descent_class):
    assert not pictures(graded_cells(descent_class, "oscar")[DRAWN])


def test_pictures_change_no_score(descent_class):
    from autograder import course
    table, maxima = course.grades(ASSIGNMENT, descent_class)
    variants = classroom.read_variants(ROOT / "samples" / ASSIGNMENT)
    for student, variant in DESCENT_CLASS.items():
        assert not unexpected(variants[variant], table[student], maxima), student
    # donald's history lags: the path test (2 of the cell's 4 points) and the stopping test
    # (1, its run with the defaults lags too) fail, the last point is earned.
    assert table["donald"][DRAWN] == table["dorothy"][DRAWN] == maxima[DRAWN] / 4
    assert table["katherine"][DRAWN] == 0


LAGGING = '''import numpy as np

def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    x = np.array(x0, dtype=float)
    history = [(x.copy(), f(x))]
    for _ in range(n_steps):
        g = grad_f(x)
        if np.linalg.norm(g) < tol:
            break
        history.append((x.copy(), f(x)))
        x = x - lr * g
    return x, history

def bowl(xy):
    return 0.5 * float(np.dot(xy, xy))'''


def test_a_trusted_kernel_shows_the_picture_too():
    """The hidden block run in a kernel (``nbgrader validate``, an instructor's run)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(LAGGING)] + [
        nbformat.v4.new_code_cell(f'from autograder import grade_cell\n'
                                  f'grade_cell("{ASSIGNMENT}", "{gid}", globals())')
        for gid in (DRAWN, "test_bowl")]
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    descent, bowl = nb.cells[1].outputs, nb.cells[2].outputs
    assert base64.b64decode(pictures(descent)[0]).startswith(PNG)
    # The history lags: the path test (2 of the cell's 4 points) and the stopping test fail.
    assert float(next(o for o in descent if o.output_type == "execute_result").data["text/plain"]) == 1
    assert not [o for o in descent if o.get("name") == "stderr"]
    assert not pictures(bowl)
