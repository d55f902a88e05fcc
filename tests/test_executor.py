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
