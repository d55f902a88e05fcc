"""Sanitizing a submission whose graded cells were deleted, duplicated or renamed.

nbgrader's own ``OverwriteCells`` restores locked cells and missing graded cells,
but stops with a ``KeyError`` when a missing cell's neighbour is missing too, and
when a duplicate's metadata was emptied. These two preprocessors make that step
total: :class:`TidyMetadata` drops nbgrader metadata that names no cell, and
:class:`RestoreCells` puts every missing graded cell back after the nearest earlier
cell of the source that the submission still has. A graded cell whose ``grade``,
``solution`` or ``task`` flag was edited gets the source's flags back, as nbgrader
does for ``locked`` and ``points``: otherwise its checksum could never match, and
nbgrader would give up on the whole notebook.
"""

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor, OverwriteCells

from .gradebook import Prefetched


def _grade_id(cell):
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) else None


def _tidy(cell, log):
    meta = cell.get("metadata", {})
    if "nbgrader" in meta and not _grade_id(cell):
        log.warning("Dropping nbgrader metadata that names no cell")
        del meta["nbgrader"]


class TidyMetadata(NbGraderPreprocessor):
    """Drop nbgrader metadata without a ``grade_id`` (it names no graded cell)."""

    def preprocess_cell(self, cell, resources, index):
        _tidy(cell, self.log)
        return cell, resources


class RestoreCells(OverwriteCells):
    """``OverwriteCells`` that restores any set of missing graded cells (and looks the
    notebook's cells up in rows loaded at once, :mod:`autograder.gradebook`)."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self.notebook_id, self.assignment_id = info["notebook"], info["assignment"]
        self.db_url = info["db_url"]
        with Gradebook(self.db_url) as gradebook:
            self.gradebook = Prefetched(gradebook, self.notebook_id, self.assignment_id)
            self.flags, self.points = _flags(gradebook, self.notebook_id, self.assignment_id)
            nb, resources = NbGraderPreprocessor.preprocess(self, nb, resources)
            if self.add_missing_cells:
                nb, resources = self.add_missing_grade_cells(nb, resources)
                nb, resources = self.add_missing_task_cells(nb, resources)
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        _tidy(cell, self.log)
        self._restore_flags(cell)
        cell, resources = super().preprocess_cell(cell, resources, index)
        _tidy(cell, self.log)
        return cell, resources

    def _restore_flags(self, cell):
        name = _grade_id(cell)
        if name not in self.flags:
            return
        meta = cell.metadata.nbgrader
        for flag, value in self.flags[name].items():
            if bool(meta.get(flag, False)) != value:
                self.report_change(name, flag, value, meta.get(flag))
                meta[flag] = value
        if self.flags[name]["grade"] and not isinstance(meta.get("points"), (int, float)):
            meta["points"] = self.points[name]

    def add_missing_grade_cells(self, nb, resources):
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        source_cells = {cell.name: cell for cell in source_nb.source_cells}
        order = [cell.name for cell in source_nb.source_cells]
        grade_cells = {cell.name: cell for cell in source_nb.grade_cells}
        solutions = {cell.name for cell in source_nb.solution_cells}
        for position, name in enumerate(order):
            ids = [_grade_id(cell) for cell in nb.cells]
            if name not in grade_cells or name in ids:
                continue
            self.log.warning("Missing grade cell %s encountered, adding to notebook", name)
            anchor = next((ids.index(earlier) + 1 for earlier in reversed(order[:position])
                           if earlier in ids), _after_notes(nb))
            cell = self.missing_cell_transform(source_cells[name], grade_cells[name].max_score,
                                               is_solution=name in solutions)
            nb.cells.insert(anchor, cell)
        return nb, resources

    def add_missing_task_cells(self, nb, resources):
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        source_cells = {cell.name: cell for cell in source_nb.source_cells}
        ids = {_grade_id(cell) for cell in nb.cells}
        for task in source_nb.task_cells:
            if task.name not in ids:
                nb.cells.append(self.missing_cell_transform(source_cells[task.name], task.max_score,
                                                            is_task=True))
        return nb, resources


def _flags(gradebook, notebook, assignment):
    """``({cell: {"grade": ..., "solution": ..., "task": ...}}, {grade cell: points})``
    of the source notebook's cells."""
    try:
        source = gradebook.find_notebook(notebook, assignment)
    except MissingEntry:
        return {}, {}
    points = {cell.name: float(cell.max_score) for cell in source.grade_cells}
    solutions = {cell.name for cell in source.solution_cells}
    tasks = {cell.name for cell in source.task_cells}
    flags = {cell.name: {"grade": cell.name in points, "solution": cell.name in solutions,
                         "task": cell.name in tasks and cell.name not in points}
             for cell in source.source_cells}
    return flags, points


def _after_notes(nb):
    """The position after the grader's notes at the top of a notebook, if any."""
    count = 0
    for cell in nb.cells:
        if not cell.get("metadata", {}).get("grading_note"):
            break
        count += 1
    return count
