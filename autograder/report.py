"""``autograder report``: how a class did on an assignment, for its instructor.

Writes ``reports/<assignment>/``: ``index.html`` with its charts as PNG files
beside it (:mod:`autograder.charts`), and ``scores.csv``, one row per student and
one column per autograded cell. Scores come from the gradebook; what each
hidden test said comes from the autograded notebooks (the report lines
``[passed] <test>`` and ``[FAILED] <test>`` and their messages), and grading
times from the batch grader's records.
"""

import collections
import csv
import dataclasses
import html
import pathlib
import re
import statistics

import nbformat

from . import batch, charts, course

REPORT_LINE = re.compile(r"^\[(passed|FAILED)\] (.+) \(([^/()]+)/([^/()]+)\)$")
HIDDEN_SUMMARY = "Hidden tests: "
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])"
                    r"|(?<!\w)-?(?:nan|inf)(?!\w)")
NUMBERS = re.compile(r"\[[#,\s.]*(?:\.\.\.)?[#,\s.]*\]")
VISIBLE = "visible tests"
TOP = 12


def normalise(message):
    """A failure message with its numbers taken out, so one mistake groups together.

    >>> normalise("f(x0=[1.5, -2e-3]) returned 3; expected 4 (relative error 1.4e-01)")
    'f(x0=[…]) returned #; expected # (relative error #)'
    """
    text = NUMBER.sub("#", message)
    text = NUMBERS.sub("[…]", text)
    return " ".join(text.split())


@dataclasses.dataclass
class Failure:
    cell: str
    test: str
    message: str


@dataclasses.dataclass
class CellResult:
    """What one test cell's outputs say: each hidden test's result, or the visible error."""

    tests: list = dataclasses.field(default_factory=list)
    visible_error: str = ""


def _text(output):
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else text


def read_cell(outputs):
    """A :class:`CellResult` from a test cell's outputs.

    The hidden tests' report is the last ``stdout`` before the cell's score (an
    ``execute_result``, or the error raised when no hidden test passed), so
    nothing the student's code printed earlier is taken for it.
    """
    result = CellResult()
    ends = [n for n, o in enumerate(outputs) if o.get("output_type") == "execute_result"
            or (o.get("output_type") == "error" and o.get("ename") == "HiddenTestsFailed")]
    errors = [o for o in outputs if o.get("output_type") == "error"
              and o.get("ename") != "HiddenTestsFailed"]
    if errors:
        result.visible_error = f"{errors[0].get('ename')}: {errors[0].get('evalue')}".strip()
        return result
    if not ends:
        return result
    streams = [o for o in outputs[:ends[-1]] if o.get("output_type") == "stream"
               and o.get("name") == "stdout" and HIDDEN_SUMMARY in _text(o)]
    if not streams:
        return result
    current = None
    for line in _text(streams[-1]).splitlines():
        match = REPORT_LINE.match(line)
        if match:
            current = [match.group(2), match.group(1) == "passed", []]
            result.tests.append(current)
        elif line.startswith("    ") and current is not None:
            current[2].append(line.strip())
    result.tests = [(title, passed, "\n".join(lines)) for title, passed, lines in result.tests]
    return result


@dataclasses.dataclass
class ClassResults:
    """An assignment's results, per student."""

    assignment: str
    cells: list
    maxima: dict
    grades: dict
    tests: dict
    failures: dict
    seconds: dict

    @property
    def students(self):
        return sorted(self.grades)

    def total(self, student):
        return sum(self.grades[student].get(c) or 0.0 for c in self.cells)

    @property
    def maximum(self):
        return sum(self.maxima[c] for c in self.cells)


def _cell_order(root, assignment, cells):
    order = []
    for path in sorted(pathlib.Path(root, "source", assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id")
            if gid in cells and gid not in order:
                order.append(gid)
    return order + sorted(set(cells) - set(order))


def collect(root, assignment):
    """The :class:`ClassResults` of ``assignment`` in the course at ``root``."""
    root = pathlib.Path(root)
    grades, maxima = course.grades(assignment, root)
    cells = _cell_order(root, assignment, [c for c in maxima if c.startswith("test_")])
    tests = collections.defaultdict(dict)       # (cell, test title) -> {student: passed}
    failures = collections.defaultdict(list)    # student -> [Failure]
    for student in sorted(grades):
        for gid, cell in course.autograded_cells(root, assignment, student):
            if gid not in cells:
                continue
            result = read_cell(cell.get("outputs", []))
            if result.visible_error:
                failures[student].append(Failure(gid, VISIBLE, result.visible_error))
            for title, passed, message in result.tests:
                tests[(gid, title)][student] = passed
                if not passed:
                    failures[student].append(Failure(gid, title, message or "the check failed"))
    return ClassResults(assignment, cells, maxima, grades, dict(tests), dict(failures),
                        batch.timings(root, assignment))


def common_failures(results):
    """``[(cell, test, normalised message, students, an example)]``, most students first."""
    groups = {}
    for student, failures in results.failures.items():
        for failure in failures:
            key = (failure.cell, failure.test, normalise(failure.message))
            entry = groups.setdefault(key, [set(), failure.message])
            entry[0].add(student)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1][0]), item[0]))
    return [(cell, test, message, sorted(students), example)
            for (cell, test, message), (students, example) in ranked]


def cell_pass_rates(results):
    """``{cell: fraction of students with full marks}``."""
    n = len(results.grades) or 1
    return {c: sum((results.grades[s].get(c) or 0.0) >= results.maxima[c] for s in results.grades) / n
            for c in results.cells}


def hidden_test_pass_rates(results):
    """``{(cell, test): (passed, ran)}``: students who passed each hidden test, of
    those it ran for (it doesn't run when the cell's visible tests fail)."""
    return {key: (sum(outcome.values()), len(outcome)) for key, outcome in
            sorted(results.tests.items(), key=lambda kv: results.cells.index(kv[0][0]))}


def write_csv(results, path):
    """One row per student: each autograded cell's score, the total and the grading time."""
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", *results.cells, "total", "max_total", "seconds"])
        for student in results.students:
            row = results.grades[student]
            seconds = results.seconds.get(student)
            writer.writerow([student, *("" if row.get(c) is None else f"{row[c]:g}" for c in results.cells),
                             f"{results.total(student):g}", f"{results.maximum:g}",
                             "" if seconds is None else f"{seconds:.1f}"])


def _save(fig, path):
    fig.savefig(path, format="png", dpi=charts.DPI)
    return path.name


def _table(head, rows):
    cells = "".join(f"<th>{html.escape(str(h))}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


STYLE = """body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
img{max-width:100%;border:1px solid #ddd}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top;font-size:.9em}
th{background:#f3f3f3}"""


def write(root, assignment, target=None):
    """Write the report of ``assignment``; returns the path of its ``index.html``."""
    results = collect(root, assignment)
    folder = pathlib.Path(target or pathlib.Path(root, "reports", assignment))
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(results, folder / "scores.csv")
    totals = [results.total(s) for s in results.students]
    parts = [f"<h1>{html.escape(assignment)}: class report</h1>"]
    if not totals:
        parts.append("<p>No graded submissions in the gradebook.</p>")
    else:
        parts.append(f"<p>{len(totals)} students; autograded score out of {results.maximum:g}: "
                     f"mean {statistics.mean(totals):.2f}, median {statistics.median(totals):g}, "
                     f"lowest {min(totals):g}, highest {max(totals):g}. "
                     f"Per student and cell: <a href=\"scores.csv\">scores.csv</a>.</p>")
        image = _save(charts.score_distribution(totals, results.maximum), folder / "scores.png")
        parts.append(f'<h2>Score distribution</h2><img src="{image}" alt="score distribution">')

        rates = cell_pass_rates(results)
        image = _save(charts.pass_rates(list(rates), list(rates.values()),
                                        "full marks, per test cell"), folder / "cells.png")
        parts.append(f'<h2>Pass rate per test cell</h2><img src="{image}" alt="pass rate per cell">')
        parts.append(_table(["cell", "full marks", "mean score"], [
            (c, f"{rates[c]:.0%}", f"{statistics.mean(results.grades[s].get(c) or 0 for s in results.grades):.2f}"
             f" / {results.maxima[c]:g}") for c in results.cells]))

        tests = hidden_test_pass_rates(results)
        if tests:
            labels = [f"{cell}: {test}" for cell, test in tests]
            image = _save(charts.pass_rates(labels, [p / len(totals) for p, _ in tests.values()],
                                            "students passing each hidden test"), folder / "tests.png")
            parts.append(f'<h2>Pass rate per hidden test</h2><img src="{image}" '
                         'alt="pass rate per hidden test">')
            parts.append(_table(["cell", "hidden test", "passed", "ran"], [
                (cell, test, passed, ran) for (cell, test), (passed, ran) in tests.items()]))

        common = common_failures(results)
        parts.append("<h2>Most common failures</h2>")
        if common:
            top = common[:TOP]
            image = _save(charts.failure_counts([f"{c}: {m}" for c, _, m, _, _ in top],
                                                [len(s) for *_, s, _ in top]), folder / "failures.png")
            parts.append(f'<img src="{image}" alt="most common failures">')
            parts.append(_table(["students", "cell", "test", "message (numbers as #)", "who"], [
                (len(students), cell, test, message, ", ".join(students))
                for cell, test, message, students, _ in top]))
        else:
            parts.append("<p>No failures.</p>")

        parts.append("<h2>Slowest submissions</h2>")
        slow = sorted(results.seconds.items(), key=lambda kv: -kv[1])[:10]
        if slow:
            image = _save(charts.slowest([s for s, _ in slow], [t for _, t in slow]),
                          folder / "slowest.png")
            parts.append(f'<img src="{image}" alt="slowest submissions">')
            parts.append(_table(["student", "seconds to grade"], [(s, f"{t:.1f}") for s, t in slow]))
        else:
            parts.append("<p>No grading times recorded: <code>autograder grade</code> records "
                         "them, <code>nbgrader autograde</code> does not.</p>")
    page = (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(assignment)}: class report</title><style>{STYLE}</style></head>"
            f"<body>{''.join(parts)}</body></html>\n")
    index = folder / "index.html"
    index.write_text(page)
    return index
