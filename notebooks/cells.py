"""A small vocabulary for writing nbgrader source notebooks in Python.

Each assignment's ``notebooks/<assignment>.py`` builds a :class:`Notebook`
cell by cell; :mod:`notebooks.build` writes it to ``source/``. Cell ids are
derived from the cells' roles, so building twice gives the same file.

>>> nb = Notebook("ps0_demo", "demo", "Demo")
>>> nb.solution("double", "def double(x):\\n    ### BEGIN SOLUTION\\n    return 2 * x\\n    ### END SOLUTION")
>>> nb.test("test_double", 1, 'assert double(2) == 4, "double(2) should be 4"')
>>> [c.metadata["nbgrader"]["grade_id"] for c in nb.build().cells if "nbgrader" in c.metadata]
['double', 'test_double']
"""

import textwrap

import nbformat

from autograder.hidden import block

KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _clean(text):
    return textwrap.dedent(text).strip("\n")


class Notebook:
    """An nbgrader source notebook under construction."""

    def __init__(self, assignment, name, title):
        self.assignment = assignment
        self.name = name
        self.title = title
        self.cells = []
        self._ids = {}

    def _id(self, stem):
        n = self._ids.get(stem, 0)
        self._ids[stem] = n + 1
        return stem if n == 0 else f"{stem}-{n}"

    def _add(self, cell, stem, nbgrader=None):
        cell.id = self._id(stem.replace("_", "-"))
        if nbgrader is not None:
            cell.metadata["nbgrader"] = {"schema_version": 3, **nbgrader}
            if nbgrader.get("locked"):
                cell.metadata["deletable"] = False
                cell.metadata["editable"] = False
        self.cells.append(cell)

    def md(self, text):
        """Narrative."""
        self._add(nbformat.v4.new_markdown_cell(_clean(text)), "md")

    def code(self, source):
        """Code the student runs (and may change); not graded."""
        self._add(nbformat.v4.new_code_cell(_clean(source)), "code")

    def given(self, grade_id, source):
        """Code the student must not change (read-only, restored at grading)."""
        self._add(nbformat.v4.new_code_cell(_clean(source)), grade_id,
                  {"grade": False, "solution": False, "locked": True, "grade_id": grade_id})

    def solution(self, grade_id, source):
        """A graded function's cell: ``### BEGIN/END SOLUTION`` marks the answer."""
        self._add(nbformat.v4.new_code_cell(_clean(source)), grade_id,
                  {"grade": False, "solution": True, "locked": False, "grade_id": grade_id})

    def test(self, grade_id, points, visible):
        """An autograded test cell: visible asserts, then the hidden suite's call."""
        source = _clean(visible) + "\n\n" + block(self.assignment, grade_id)
        self._add(nbformat.v4.new_code_cell(source), grade_id,
                  {"grade": True, "solution": False, "locked": True, "grade_id": grade_id,
                   "points": points})

    def answer(self, grade_id, points, solution):
        """A written answer, graded by hand (``answer_<topic>``)."""
        source = "### BEGIN SOLUTION\n" + _clean(solution) + "\n### END SOLUTION"
        self._add(nbformat.v4.new_markdown_cell(source), grade_id,
                  {"grade": True, "solution": True, "locked": False, "grade_id": grade_id,
                   "points": points})

    def plot(self, grade_id, points, source):
        """A figure the student must make, graded by hand (``plot_<topic>``)."""
        self._add(nbformat.v4.new_code_cell(_clean(source)), grade_id,
                  {"grade": True, "solution": True, "locked": False, "grade_id": grade_id,
                   "points": points})

    def build(self):
        nb = nbformat.v4.new_notebook(cells=list(self.cells))
        nb.metadata["kernelspec"] = dict(KERNEL)
        nb.metadata["language_info"] = {"name": "python"}
        nb.metadata["title"] = self.title
        nbformat.validate(nb)
        return nb
