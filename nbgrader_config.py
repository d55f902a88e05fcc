"""The course's nbgrader configuration (the repository root is the course)."""

import os

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests,
                                    GetGrades, IgnorePattern, LimitOutput, SaveAutoGrades)

from autograder.executor import SecureExecute
from autograder.reader import TolerantExporter

c = get_config()  # noqa: F821 -- provided by nbgrader when it loads this file

c.CourseDirectory.course_id = "gradient-descent"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# nbgrader's own list, with Execute replaced by the sandboxed executor.
c.Autograde.autograde_preprocessors = [
    SecureExecute,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
c.SecureExecute.timeout = 30
c.SecureExecute.call_timeout = 10

# A submission that isn't a readable notebook is graded as an empty one, with a note.
c.Autograde.exporter_class = TolerantExporter

# A deleted test cell comes back, so deleting it can't dodge its points.
c.OverwriteCells.add_missing_cells = True

# Feedback shows the hidden tests' report, never the hidden blocks.
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
c.ClearHiddenTests.enforce_metadata = False
