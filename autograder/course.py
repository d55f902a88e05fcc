"""The course directory: its assignments, nbgrader's commands, the gradebook.

nbgrader runs ``alembic`` by name when it creates a gradebook, so its commands
run here with this interpreter's ``bin`` first on ``PATH``.
"""

import os
import pathlib
import subprocess
import sys

from nbgrader.api import Gradebook, MissingEntry

ASSIGNMENTS = ("ps1_gradients", "ps2_descent", "ps3_rosenbrock", "ps4_backprop", "ps5_optimizers")


def root():
    """The course directory: the current one if it holds ``nbgrader_config.py``
    (as nbgrader itself assumes), else the kit's own repository."""
    here = pathlib.Path.cwd()
    if (here / "nbgrader_config.py").is_file():
        return here.resolve()
    return pathlib.Path(__file__).resolve().parent.parent


def assignments(course=None):
    """The assignments that have a source notebook, in course order."""
    course = pathlib.Path(course or root())
    return [a for a in ASSIGNMENTS if any((course / "source" / a).glob("*.ipynb"))]


def environment():
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(pathlib.Path(sys.executable).parent), env.get("PATH", "")])
    # nbgrader 0.9 with SQLAlchemy 2 warns about its own session use on every run.
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


def nbgrader(*args, course=None, check=True, quiet=False):
    """Run ``nbgrader ARGS`` in the course directory."""
    command = [sys.executable, "-m", "nbgrader", *map(str, args)]
    output = subprocess.DEVNULL if quiet else None
    result = subprocess.run(command, cwd=course or root(), env=environment(),
                            stdout=output, stderr=output)
    if check and result.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(map(str, args))} failed ({result.returncode})")
    return result.returncode


def db_url(course=None):
    return f"sqlite:///{pathlib.Path(course or root()) / 'gradebook.db'}"


def grades(assignment, course=None):
    """``{student: {grade_id: score}}`` and ``{grade_id: max}`` from the gradebook.

    Manually graded cells not graded yet score ``None``.
    """
    table, maxima = {}, {}
    with Gradebook(db_url(course)) as gb:
        try:
            submissions = gb.assignment_submissions(assignment)
        except MissingEntry:
            return table, maxima
        for submission in submissions:
            row = table.setdefault(submission.student_id, {})
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    row[grade.name] = grade.score if (grade.auto_score is not None
                                                      or grade.manual_score is not None) else None
                    maxima[grade.name] = grade.max_score
    return table, maxima


def autograded_cells(course, assignment, student):
    """``(grade_id, cell)`` of every graded code cell in a student's autograded notebooks."""
    import nbformat
    folder = pathlib.Path(course, "autograded", student, assignment)
    for path in sorted(folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id and cell.cell_type == "code":
                yield grade_id, cell


def format_table(assignment, table, maxima):
    """A plain-text grade table: one row per student, one column per graded cell."""
    cells = sorted(maxima, key=lambda c: (not c.startswith("test_"), c))
    auto = [c for c in cells if c.startswith("test_")]
    width = max([len(s) for s in table] + [7])
    head = f"{'student':<{width}} " + " ".join(f"{c[5:][:10]:>10}" for c in auto) + "   auto total"
    lines = [f"{assignment}: autograded cells (manual cells wait for a grader)", head]
    total_max = sum(maxima[c] for c in auto)
    for student in sorted(table):
        row = table[student]
        scores = [row.get(c) for c in auto]
        text = " ".join(f"{'-' if s is None else f'{s:g}/{maxima[c]:g}':>10}" for s, c in zip(scores, auto))
        total = sum(s or 0 for s in scores)
        lines.append(f"{student:<{width}} {text}   {total:g}/{total_max:g}")
    return "\n".join(lines)
