"""The course's nbgrader configuration (the repository root is the course)."""

import os

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import (AssignLatePenalties, ClearHiddenTests, ClearOutput,
                                    DeduplicateIds, GetGrades, IgnorePattern, LimitOutput,
                                    OverwriteKernelspec)

from autograder.batch import MARKER
from autograder.executor import SecureExecute
from autograder.export import QuotedCsvExportPlugin
from autograder.feedback import FeedbackExporter
from autograder.metadata import CheckCellMetadata
from autograder.reader import TolerantExporter
from autograder.restore import RestoreCells, TidyMetadata
from autograder.saveautogrades import SaveAutoGrades

c = get_config()  # noqa: F821 -- provided by nbgrader when it loads this file

c.CourseDirectory.course_id = "gradient-descent"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
# The batch grader's record of a finished submission stays out of the feedback.
c.CourseDirectory.ignore = [*CourseDirectory.class_traits()["ignore"].default(), MARKER]

# nbgrader's own list, with Execute replaced by the sandboxed executor (and
# CheckCellMetadata, here and below, by the same check with its schema compiled once;
# SaveAutoGrades by the same step with the notebook's rows loaded at once).
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
# nbconvert checks the notebook against the schema after each of the preprocessors;
# once, after the last, refuses an invalid result all the same.
c.TolerantExporter.optimistic_validation = True

# Deleted, duplicated or renamed graded cells come back from the source, so no
# change to a notebook's structure can dodge a test or crash the batch.
c.Autograde.sanitize_preprocessors = [
    ClearOutput,
    TidyMetadata,
    DeduplicateIds,
    OverwriteKernelspec,
    RestoreCells,
    CheckCellMetadata,
]
c.RestoreCells.add_missing_cells = True

# Feedback shows the hidden tests' report, never the hidden blocks.
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
c.ClearHiddenTests.enforce_metadata = False
# nbconvert's HTML exporter, with its templates compiled once per process, not per page.
c.GenerateFeedback.exporter_class = FeedbackExporter

# `nbgrader export` quotes its CSV, so names with commas keep their columns.
c.ExportApp.plugin_class = QuotedCsvExportPlugin
