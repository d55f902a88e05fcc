"""The grading-validity corpus: realistic student code that proves a suite right.

``tests/corpus/<assignment>/<cell>.py`` holds variants of one solution cell, in
"percent" format::

    # cell: rosenbrock_grad
    # breaks: test_rosenbrock_grad test_run_milestone

    # %% correct: loops and Python floats
    def rosenbrock_grad(xy):
        ...

    # %% bug: the sign of df/dy is flipped
    def rosenbrock_grad(xy):
        ...

A ``# breaks:`` line under a bug's header overrides the file's. Correct variants
must get full marks; a bug must lose points on the cells it breaks and nowhere
else. Variants of different cells combine into one submission per *round* (round
k holds the k-th correct, or the k-th bug, of every cell), since each graded
function is graded with the reference's versions of the others: a class of a few
notebooks covers the whole corpus.
"""

import contextlib
import dataclasses
import io
import pathlib
import re
import warnings

import nbformat
import numpy as np

from . import classroom
from .student import NamespaceStudent
from .suite import load, points, run_cell


@dataclasses.dataclass
class Entry:
    cell: str
    kind: str
    about: str
    code: str
    breaks: tuple = ()

    @property
    def label(self):
        return f"{self.cell}: {self.about}"


def read_file(path):
    """The entries of one corpus file."""
    text = pathlib.Path(path).read_text()
    header = text.split("# %%", 1)[0]
    cell = re.search(r"^#\s*cell:\s*(\S+)", header, re.MULTILINE)
    if not cell:
        raise ValueError(f"{path}: no '# cell:' line")
    default_breaks = re.search(r"^#\s*breaks:\s*(.*)$", header, re.MULTILINE)
    default_breaks = tuple(default_breaks.group(1).split()) if default_breaks else ()
    entries = []
    for chunk in text.split("# %%")[1:]:
        title, _, body = chunk.partition("\n")
        kind, _, about = title.strip().partition(":")
        if kind.strip() not in ("correct", "bug"):
            raise ValueError(f"{path}: a section must start '# %% correct:' or '# %% bug:'")
        breaks = re.search(r"^#\s*breaks:\s*(.*)$", body, re.MULTILINE)
        entries.append(Entry(cell.group(1), kind.strip(), about.strip(), body.strip("\n"),
                             tuple(breaks.group(1).split()) if breaks else
                             (default_breaks if kind.strip() == "bug" else ())))
    return entries


def read(folder):
    """Every entry of an assignment's corpus folder."""
    entries = []
    for path in sorted(pathlib.Path(folder).glob("*.py")):
        entries.extend(read_file(path))
    return entries


def rounds(entries):
    """``{round name: (Variant, [entries])}``: the corpus as a few submissions."""
    by_kind = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, {}).setdefault(entry.cell, []).append(entry)
    result = {}
    for kind, cells in sorted(by_kind.items()):
        for k in range(max(len(v) for v in cells.values())):
            chosen = [v[k] for v in cells.values() if k < len(v)]
            name = f"{kind}-{k + 1}"
            breaks = tuple(sorted({c for e in chosen for c in e.breaks}))
            variant = classroom.Variant(name, about=f"{len(chosen)} {kind} variants",
                                        breaks=breaks, cells={e.cell: e.code for e in chosen})
            result[name] = (variant, chosen)
    return result


def code(source_nb, variant):
    """``(grade_id, source)`` of a submission's set-up, given (locked) and solution
    cells, in order, magics left out: what :func:`namespace` runs."""
    nb = classroom.submission(source_nb, source_nb, variant)
    sources, seen_solution = [], False
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        solution = meta.get("solution") and not meta.get("grade")
        given = meta.get("locked") and not meta.get("grade") and not meta.get("solution")
        seen_solution = seen_solution or solution
        if cell.cell_type != "code" or not (solution or given or (not meta and not seen_solution)):
            continue
        sources.append((meta.get("grade_id", "cell"), "\n".join(
            line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))))
    return sources


def namespace(source_nb, variant):
    """Run a submission's set-up, given (locked) and solution cells in a fresh
    namespace (trusted code: the corpus is the kit's own); demonstrations and
    figures are skipped."""
    ns = {"__name__": "__corpus__"}
    for name, source in code(source_nb, variant):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
                warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            try:
                exec(compile(source, f"<{name}>", "exec"), ns)
            except Exception:
                pass
    return ns


@dataclasses.dataclass
class Verdict:
    entry: Entry
    ok: bool
    detail: str


def check(assignment, course_root, corpus_root, seed=1):
    """Grade the corpus of ``assignment`` with its hidden suite alone (no visible
    tests); one :class:`Verdict` per entry."""
    suite = load(assignment)
    totals = points(suite)
    entries = read(pathlib.Path(corpus_root) / assignment)
    source = next(iter(sorted((pathlib.Path(course_root) / "source" / assignment).glob("*.ipynb"))))
    source_nb = nbformat.read(source, as_version=4)
    verdicts = []
    for name, (variant, chosen) in rounds(entries).items():
        student = NamespaceStudent.for_suite(suite, namespace(source_nb, variant))
        scores = {gid: run_cell(suite, gid, student, seed) for gid in totals}
        for entry in chosen:
            if entry.kind == "correct":
                lost = {g: r.score for g, r in scores.items() if r.score < r.max_score
                        and g not in variant.breaks}
                verdicts.append(Verdict(entry, not lost, f"lost points on {sorted(lost)}" if lost else ""))
            else:
                missed = [g for g in entry.breaks if scores[g].score >= scores[g].max_score]
                collateral = [g for g, r in scores.items()
                              if g not in variant.breaks and r.score < r.max_score]
                verdicts.append(Verdict(entry, not missed and not collateral,
                                        (f"not caught by {missed}" if missed else "")
                                        + (f" collateral loss on {collateral}" if collateral else "")))
    return verdicts


def summary(assignment, verdicts):
    bugs = [v for v in verdicts if v.entry.kind == "bug"]
    good = [v for v in verdicts if v.entry.kind == "correct"]
    caught = sum(v.ok for v in bugs)
    passed = sum(v.ok for v in good)
    cells = len({v.entry.cell for v in verdicts})
    line = (f"{assignment}: {len(verdicts)} variants of {cells} cells; bugs caught "
            f"{caught}/{len(bugs)} ({100 * caught / max(len(bugs), 1):.0f}%), correct variants "
            f"passed {passed}/{len(good)} ({100 * passed / max(len(good), 1):.0f}%)")
    problems = [f"  {'MISSED' if v.entry.kind == 'bug' else 'REJECTED'} {v.entry.label}: {v.detail}"
                for v in verdicts if not v.ok]
    return "\n".join([line, *problems])
