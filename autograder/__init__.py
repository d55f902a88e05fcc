"""Hidden suites and the secure grading engine of the course kit.

In a trusted kernel (an instructor running a source notebook, ``nbgrader
validate``), a test cell's hidden block calls :func:`grade_cell`. Under
``nbgrader autograde`` with the kit's config the block is not run at all: the
:class:`~autograder.executor.SecureExecute` preprocessor recognises it and runs
the same suite in the grader, against the student's code in a sandbox.
"""

__all__ = ["grade_cell", "HiddenTestsFailed"]


class HiddenTestsFailed(AssertionError):
    """No hidden test of the cell passed."""


def grade_cell(assignment, grade_id, namespace, seed=None):
    """Run the hidden tests of one cell against a notebook's namespace.

    Prints one line per test, shows the cell's pictures (in a kernel) and
    returns the cell's score, which nbgrader reads as partial credit; raises
    :class:`HiddenTestsFailed` when it is zero.
    Trusted code only: nothing is isolated here. The seed is the student's, as
    the secure executor would use, when nbgrader autogrades the notebook (its
    folder is ``autograded/<student>/<assignment>``), else 0.
    """
    import os
    import pathlib

    from .student import NamespaceStudent
    from .suite import load, run_cell, submission_seed

    if seed is None:
        here = pathlib.Path.cwd()
        autograding = os.environ.get("NBGRADER_EXECUTION") == "autograde" and here.name == assignment
        seed = submission_seed(assignment, here.parent.name) if autograding else 0

    suite = load(assignment)
    student = NamespaceStudent.for_suite(suite, namespace)
    report = run_cell(suite, grade_id, student, seed)
    print(report.text(), end="")
    _show(report)
    if report.score <= 0:
        raise HiddenTestsFailed(f"no hidden test of {grade_id} passed")
    return report.score


def _show(report):
    """Display a report's pictures in the running kernel, if there is one."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None or not report.sketches:
        return
    for output in report.displays():
        shell.display_pub.publish(output["data"], output["metadata"])
