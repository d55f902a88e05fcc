"""What an assignment's notebooks import, so a sandbox can import it beforehand.

The modules come from the instructor's source notebooks, never from a submission,
and only those the grader itself can import are named.

>>> modules_of("%matplotlib inline\\nimport numpy as np\\nfrom sklearn.datasets import load_digits\\n"
...            "import nosuchmodule")
['numpy', 'sklearn.datasets']
"""

import ast
import functools
import importlib.util
import pathlib

import nbformat

#: The grader's own packages (hidden blocks import them): never in a sandbox's reach.
SKIP = {"autograder", "reference"}


def modules_of(source):
    """The importable modules a cell's top-level imports name, in order."""
    from IPython.core.inputtransformer2 import TransformerManager
    try:
        tree = ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError:
        return []
    names = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return [name for name in dict.fromkeys(names)
            if name.partition(".")[0] not in SKIP and _importable(name)]


def _importable(name):
    """Whether the package ``name`` belongs to is installed (without importing it)."""
    try:
        return importlib.util.find_spec(name.partition(".")[0]) is not None
    except (ImportError, ValueError):
        return False


@functools.lru_cache(maxsize=32)
def of_assignment(folder):
    """The modules the source notebooks in ``folder`` import (a tuple, in order)."""
    names = []
    for path in sorted(pathlib.Path(folder).glob("*.ipynb")):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # noqa: BLE001 -- an unreadable source is nbgrader's to report
            continue
        for cell in nb.cells:
            if cell.cell_type == "code":
                names += modules_of(cell.source)
    return tuple(dict.fromkeys(names))
