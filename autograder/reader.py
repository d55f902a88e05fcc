"""Reading submissions that may not be notebooks at all.

``nbgrader_config.py`` makes this nbgrader's exporter. A submission that can't be
read (invalid JSON, binary junk, an empty file, an unknown format) is replaced by a
notebook holding only a note that says why; nbgrader then adds the missing graded
cells back (``OverwriteCells.add_missing_cells``), they score zero, and the note
reaches the student's feedback. A notebook in an older format is upgraded.
"""

import nbformat
from nbconvert.exporters import NotebookExporter

NOTE = ("**Grading note.** Your submission `{name}` could not be read as a notebook "
        "({reason}), so nothing in it could be graded. The graded cells below were put "
        "back so you can see what was expected. Hand in the notebook file itself, saved "
        "from Jupyter.")


def placeholder(name, reason):
    """A notebook that only says why the submission could not be graded."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell(NOTE.format(name=name, reason=reason),
                                                  metadata={"grading_note": True}))
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    return nb


def read_submission(filename):
    """``(notebook, problem)``: the submission as a v4 notebook, or a placeholder."""
    name = filename.rsplit("/", 1)[-1]
    try:
        with open(filename, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        return placeholder(name, f"the file could not be opened: {exc.strerror}"), "unreadable"
    if not raw.strip():
        return placeholder(name, "the file is empty"), "empty"
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except UnicodeDecodeError:
        return placeholder(name, "the file is not text"), "binary"
    except Exception as exc:  # nbformat raises many kinds for bad JSON and bad shapes
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        return placeholder(name, f"it is not valid notebook JSON: {reason}"), "invalid"
    if not isinstance(nb.get("cells"), list):
        return placeholder(name, "it has no cells"), "invalid"
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell.setdefault("outputs", [])
            cell.setdefault("execution_count", None)
        cell.setdefault("metadata", {})
        cell.setdefault("source", "")
    return nb, None


class TolerantExporter(NotebookExporter):
    """nbgrader's notebook exporter, reading submissions with :func:`read_submission`."""

    def from_filename(self, filename, resources=None, **kw):
        nb, problem = read_submission(filename)
        if problem:
            self.log.error("%s: %s; it is graded as an empty notebook", filename, problem)
        resources = resources if resources is not None else {}
        resources.setdefault("metadata", {})
        import os
        resources["metadata"].setdefault("path", os.path.dirname(filename))
        resources["metadata"].setdefault("name", os.path.splitext(os.path.basename(filename))[0])
        return self.from_notebook_node(nb, resources=resources, **kw)
