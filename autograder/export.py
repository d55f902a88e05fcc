"""Grade exports: ``nbgrader export``'s CSV with proper quoting, and Gradescope's
``results.json``.

nbgrader's own CSV joins fields with commas unquoted, so a name such as
"Lovelace, Ada" shifts every column after it; :class:`QuotedCsvExportPlugin` writes
the same columns with the ``csv`` module (``nbgrader_config.py`` makes it
``nbgrader export``'s plugin).
"""

import csv
import json
import pathlib

from nbgrader.api import MissingEntry
from nbgrader.plugins import ExportPlugin

COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
           "raw_score", "late_submission_penalty", "score", "max_score"]


class QuotedCsvExportPlugin(ExportPlugin):
    """nbgrader's CSV export, one row per student and assignment, quoted as CSV."""

    def export(self, gradebook):
        dest = self.to or "grades.csv"
        assignments = {str(a) for a in self.assignment}
        students = {str(s) for s in self.student}
        self.log.info("Exporting grades to %s", dest)
        with open(dest, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for assignment in gradebook.assignments:
                if assignments and assignment.name not in assignments:
                    continue
                for student in gradebook.students:
                    if students and student.id not in students:
                        continue
                    writer.writerow(_row(gradebook, assignment, student))


def _row(gradebook, assignment, student):
    row = {"assignment": assignment.name, "duedate": assignment.duedate, "student_id": student.id,
           "last_name": student.last_name, "first_name": student.first_name,
           "email": student.email, "max_score": assignment.max_score}
    try:
        submission = gradebook.find_submission(assignment.name, student.id)
    except MissingEntry:
        row.update(timestamp="", raw_score=0.0, late_submission_penalty=0.0, score=0.0)
    else:
        penalty = submission.late_submission_penalty
        row.update(timestamp=submission.timestamp, raw_score=submission.score,
                   late_submission_penalty=penalty, score=max(0.0, submission.score - penalty))
    return ["" if row[key] is None else str(row[key]) for key in COLUMNS]


def gradescope_results(root, assignment, student, grades, maxima):
    """Gradescope's ``results.json`` for one student: a test per autograded cell.

    A cell's output (its visible checks and the hidden tests' report) is the test's
    output; the hidden tests' results are shown ``after_published``.
    """
    from . import course
    outputs = {gid: "".join(_text(output) for output in cell.get("outputs", []))
               for gid, cell in course.autograded_cells(root, assignment, student)}
    tests = []
    for cell in sorted(c for c in maxima if c.startswith("test_")):
        tests.append({"name": cell, "score": float(grades.get(cell) or 0.0),
                      "max_score": float(maxima[cell]), "output": outputs.get(cell, "")[-8000:],
                      "visibility": "after_published"})
    return {"score": sum(t["score"] for t in tests), "tests": tests,
            "visibility": "after_published", "stdout_visibility": "hidden"}


def _text(output):
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") == "error":
        return f"{output.get('ename')}: {output.get('evalue')}\n"
    if output.get("output_type") == "execute_result":
        return f"score: {output.get('data', {}).get('text/plain', '')}\n"
    return ""


def write_gradescope(root, assignment):
    """``exports/gradescope/<assignment>/<student>/results.json`` for every student."""
    from . import course
    table, maxima = course.grades(assignment, root)
    written = []
    for student, grades in sorted(table.items()):
        target = pathlib.Path(root, "exports", "gradescope", assignment, student, "results.json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(gradescope_results(root, assignment, student, grades, maxima),
                                     indent=2))
        written.append(target)
    return written
