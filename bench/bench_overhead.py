"""Per-notebook cost of the kit's grader against the warm-exec floor.

The floor is the same work in one warm Python process with no isolation: the
notebook's code cells run with ``exec`` (figures rendered, as a kernel renders them),
and the hidden suites call the functions directly and draw their pictures. The
grader's cost is a warm worker grading the same notebooks one by one (sandbox reset,
cells in the sandboxed state, suites across the boundary, nbgrader's own steps).

    python bench/bench_overhead.py [--assignment ps3_rosenbrock] [--size 8]
"""

import argparse
import contextlib
import io
import os
import tempfile
import time
import warnings

import matplotlib
import nbformat
import numpy as np
from IPython.core.pylabtools import print_figure
from nbgrader import utils

from common import ROOT, corpus_class

from autograder import batch, executor, hidden
from autograder.student import NamespaceStudent
from autograder.suite import draws, load, points, run_cell, submission_seed


def warm_exec(path, assignment, student):
    """Run one submitted notebook's cells and hidden suites in this process."""
    # As under `nbgrader autograde` and in the sandbox: the notebooks' demos skip themselves.
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    matplotlib.use("agg")
    import matplotlib.pyplot as plt
    suite = load(assignment)
    submitted = next((path / "submitted" / student / assignment).glob("*.ipynb"))
    nb = nbformat.read(submitted, as_version=4)
    tests = _test_cells(path / "source" / assignment / submitted.name)
    namespace = {"__name__": "__main__"}
    seed = submission_seed(assignment, student)
    lost = set()    # as the grader keeps it: the functions whose cells lost points
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        function = executor.function_of(assignment, grade_id or "")
        # As nbgrader's OverwriteCells does: a test cell is graded as the source has it,
        # hidden block included.
        visible, call = hidden.split(tests.get(grade_id, cell.source))
        source = "\n".join(line for line in visible.splitlines() if not line.lstrip().startswith("%"))
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings(), \
                np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            student = NamespaceStudent.for_suite(suite, namespace)
            try:
                exec(compile(source, "<cell>", "exec"), namespace)
                _show_figures(plt)
            except Exception:
                _show_figures(plt)
                # As the grader does for a cell whose visible tests fail: its hidden tests
                # where they failed for a function it builds on, else its pictures.
                if call and executor.blamed_for(assignment, function, lost):
                    _grade(suite, call[1], student, seed, lost, function)
                elif call and draws(suite, call[1]):
                    with contextlib.suppress(Exception):
                        run_cell(suite, call[1], student, seed, pictures_only=True).displays()
                lost.add(function)
                continue
            if call:
                _grade(suite, call[1], student, seed, lost, function)
    return points(suite)


def _show_figures(plt):
    """Render and close the open figures, as the inline backend of a kernel (and of the
    sandbox) shows them."""
    for number in plt.get_fignums():
        print_figure(plt.figure(number), "png", bbox_inches="tight")
    plt.close("all")


def _grade(suite, grade_id, student, seed, lost, function):
    report = run_cell(suite, grade_id, student, seed)
    report.displays()
    if report.score < report.max_score:
        lost.add(function)


def floor_seconds(path, assignment):
    """Seconds per notebook that :func:`warm_exec` takes over the class at ``path``
    (after one run to warm it up)."""
    students = sorted(p.name for p in (path / "submitted").iterdir())
    warm_exec(path, assignment, students[0])
    start = time.perf_counter()
    for student in students:
        warm_exec(path, assignment, student)
    return (time.perf_counter() - start) / len(students)


def _test_cells(source):
    """``{grade_id: source}`` of the autograded test cells of the source notebook."""
    nb = nbformat.read(source, as_version=4)
    return {cell.metadata.nbgrader["grade_id"]: cell.source for cell in nb.cells
            if utils.is_grade(cell) and not utils.is_solution(cell)}


def isolation_costs(assignment, repeat=40):
    """Milliseconds the sandbox adds to one trivial cell and to one trivial graded call
    (the fork, and the settle that ends the previous call and puts the files back),
    with the assignment's modules preloaded as when grading."""
    from autograder import imports
    from autograder.sandbox.client import Sandbox
    from autograder.student import SandboxStudent

    preload = imports.of_assignment(str(ROOT / "source" / assignment))
    with Sandbox(preload=preload) as box:
        box.run_cell("def identity(x):\n    return x")
        box.snapshot()
        start = time.perf_counter()
        for n in range(repeat):
            box.run_cell(f"value_{n} = {n}")
        cell = (time.perf_counter() - start) / repeat
        student = SandboxStudent(box, graded=("identity",))
        start = time.perf_counter()
        for n in range(repeat):
            assert student.call("identity", n).value == n
        call = (time.perf_counter() - start) / repeat
    return 1000 * cell, 1000 * call


def kit_seconds(path, assignment):
    """Seconds per notebook that one warm worker of the kit takes to grade the class at
    ``path`` (after one notebook to warm it up)."""
    students = sorted(p.name for p in (path / "submitted").iterdir())
    options = batch.Options(feedback=False)
    batch.grade_one(str(path), assignment, students[0], options)
    start = time.perf_counter()
    for student in students:
        outcome = batch.grade_one(str(path), assignment, student, options)
        assert outcome.ok, outcome
    return (time.perf_counter() - start) / len(students)


def best_of(rounds, path, assignment):
    """The floor's and the kit's seconds per notebook, each the best of ``rounds`` runs
    over the class, the runs taking turns: these machines drift by a fifth within
    minutes, and the best run is the one least disturbed."""
    floors, kits = [], []
    for _ in range(rounds):
        floors.append(floor_seconds(path, assignment))
        kits.append(kit_seconds(path, assignment))
    return min(floors), min(kits)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="ps3_rosenbrock")
    parser.add_argument("--size", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = corpus_class(f"{tmp}/class", args.assignment, args.size)
        floor, kit = best_of(args.rounds, path, args.assignment)
    print(f"{args.assignment}, {args.size} notebooks, one warm worker, best of {args.rounds} runs each")
    print(f"warm exec, no isolation:  {floor:6.2f} s/notebook")
    print(f"kit grader, sandboxed:    {kit:6.2f} s/notebook")
    print(f"cost ratio: {kit / floor:.1f}x the floor")
    cell, call = isolation_costs(args.assignment)
    print(f"isolation per trivial cell: {cell:.1f} ms, per trivial graded call: {call:.1f} ms")


if __name__ == "__main__":
    main()
