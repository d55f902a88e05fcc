"""Classes for the benchmarks: the validity corpus of an assignment, as students."""

import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder import classroom, corpus, course  # noqa: E402

STOCK_CONFIG = '''
import os
from nbgrader.preprocessors import ClearHiddenTests, GetGrades
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
c = get_config()
c.CourseDirectory.course_id = "gradient-descent"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
'''


def corpus_class(path, assignment, size, stock=False):
    """A scratch course at ``path`` with ``size`` submissions of ``assignment``: the
    corpus's rounds (correct and buggy variants of every function), repeated under
    different student names so each has its own seed. ``stock`` gives it a plain
    nbgrader config (hidden blocks run in the student's kernel)."""
    path = pathlib.Path(path)
    if path.exists():
        shutil.rmtree(path)
    scratch = classroom.scratch_course(path, ROOT)
    if stock:
        (scratch / "nbgrader_config.py").write_text(STOCK_CONFIG)
    course.nbgrader("generate_assignment", assignment, "--force", "--log-level=ERROR", course=scratch)
    rounds = [variant for variant, _ in corpus.rounds(
        corpus.read(ROOT / "tests" / "corpus" / assignment)).values()]
    students = {f"student{i:03d}": rounds[i % len(rounds)] for i in range(size)}
    classroom.build_class(scratch, assignment, students)
    return scratch


def scores(path, assignment):
    table, maxima = course.grades(assignment, path)
    return {student: {cell: row.get(cell) for cell in maxima if cell.startswith("test_")}
            for student, row in table.items()}
