"""SecureExecute on small notebooks: a test cell whose visible asserts fail scores
zero even when student code hides the error."""

import nbformat
from nbgrader.utils import determine_grade

from autograder.executor import SecureExecute
from autograder.hidden import block

HIDE_ERRORS = '''
def rosenbrock(xy):
    return 0.0

def _swallow(shell, etype, value, tb, tb_offset=None):
    return None

get_ipython().set_custom_exc((Exception,), _swallow)
get_ipython().events.register("post_run_cell", lambda result: None)
'''


def test_a_failed_visible_test_scores_zero_even_when_its_error_is_hidden(tmp_path):
    test = nbformat.v4.new_code_cell(
        'assert rosenbrock([-1.0, 1.0]) == 4.0, "f(-1, 1) is 4"\n\n'
        + block("ps3_rosenbrock", "test_rosenbrock"))
    test.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True,
                                 "grade_id": "test_rosenbrock", "points": 2, "schema_version": 3}
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import numpy as np"),
                                         nbformat.v4.new_code_cell(HIDE_ERRORS), test])
    resources = {"nbgrader": {"assignment": "ps3_rosenbrock", "student": "probe"},
                 "metadata": {"path": str(tmp_path)}}
    nb, _ = SecureExecute(timeout=20, call_timeout=8).preprocess(nb, resources)
    assert determine_grade(nb.cells[2]) == (0, 2.0)


def _run(source, tmp_path, **settings):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    resources = {"nbgrader": {"assignment": "ps3_rosenbrock", "student": "probe"},
                 "metadata": {"path": str(tmp_path)}}
    executor = SecureExecute(timeout=20, call_timeout=8, **settings)
    nb, _ = executor.preprocess(nb, resources)
    return executor.box, "".join(o.get("text", "") for o in nb.cells[0].outputs)


LEAVE_TRACES = '''
import os, subprocess
open(os.path.expanduser("~/left.txt"), "w").write("a trace")
subprocess.Popen(["sleep", "300"])
print("left")
'''

LOOK_FOR_TRACES = '''
import os
print(os.path.exists(os.path.expanduser("~/left.txt")),
      sum(1 for p in os.listdir("/proc") if p.isdigit()
          and b"sleep" in open(f"/proc/{p}/cmdline", "rb").read()))
'''


def test_one_sandbox_grades_notebook_after_notebook_and_nothing_crosses(tmp_path):
    first, printed = _run(LEAVE_TRACES, tmp_path)
    assert printed == "left\n"
    second, printed = _run(LOOK_FOR_TRACES, tmp_path)
    assert second is first
    assert printed == "False 0\n"


def test_a_sandbox_is_kept_only_for_the_same_settings(tmp_path):
    first, _ = _run("pass", tmp_path)
    other, _ = _run("pass", tmp_path, memory_limit=2 * 2**30)
    assert other is not first
    alone, _ = _run("pass", tmp_path, reuse_sandbox=False)
    assert alone is not other and not alone.alive()


def test_a_notebook_that_removes_its_folder_costs_the_next_one_nothing(tmp_path):
    first, _ = _run("import os, shutil\nshutil.rmtree(os.getcwd())", tmp_path)
    second, printed = _run("import os\nopen('mine.txt', 'w').write('x')\nprint(os.listdir('.'))",
                           tmp_path)
    assert second is first
    assert printed == "['mine.txt']\n"


SQUARED_DISTANCE = '''
def distance_to_optimum(x):
    return float(np.sum((np.asarray(x, dtype=float) - 1.0) ** 2))   # squared: a bug
'''

STEPS = '''
def steps_to_tolerance(history, tol):
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t + {shift}
    return None
'''


def _test_cell(grade_id, points, visible):
    cell = nbformat.v4.new_code_cell(visible + "\n\n" + block("ps3_rosenbrock", grade_id))
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True,
                                 "grade_id": grade_id, "points": points, "schema_version": 3}
    return cell


def _graded(tmp_path, distance, steps):
    """A ps3 notebook of distance_to_optimum and steps_to_tolerance, graded; returns
    the two test cells."""
    cells = [nbformat.v4.new_code_cell("import numpy as np"),
             nbformat.v4.new_code_cell(distance),
             _test_cell("test_distance_to_optimum", 1, ""),
             nbformat.v4.new_code_cell(steps),
             _test_cell("test_steps_to_tolerance", 2,
                        "history = [([1.0, 1.5], 1.0), ([1.0, 1.2], 0.1)]\n"
                        "assert steps_to_tolerance(history, 0.3) == 1, 'distances 0.5 then 0.2'")]
    resources = {"nbgrader": {"assignment": "ps3_rosenbrock", "student": "probe"},
                 "metadata": {"path": str(tmp_path)}}
    nb, _ = SecureExecute(timeout=20, call_timeout=8).preprocess(nbformat.v4.new_notebook(cells=cells), resources)
    return nb.cells[2], nb.cells[4]


def test_a_visible_test_failed_by_a_function_it_builds_on_costs_that_function_only(tmp_path):
    """steps_to_tolerance's visible test runs the student's distance_to_optimum: when
    that one lost points in its own cell, the cell is graded by its hidden tests, which
    hand over the reference's, and says why. When the function it builds on is right,
    a failed visible test still scores zero."""
    distance, steps = _graded(tmp_path, SQUARED_DISTANCE, STEPS.format(shift=0))
    assert determine_grade(distance)[0] == 0
    assert determine_grade(steps) == (2.0, 2.0)
    text = "".join(o.get("text", "") for o in steps.outputs)
    assert "AssertionError: distances 0.5 then 0.2" in text
    assert "they run your distance_to_optimum, which lost points in its own cell" in text
    right = "def distance_to_optimum(x):\n    return float(np.linalg.norm(np.asarray(x, dtype=float) - 1.0))\n"
    distance, steps = _graded(tmp_path, right, STEPS.format(shift=1))
    assert determine_grade(distance) == (1.0, 1.0)
    assert determine_grade(steps) == (0, 2.0)
