import os

import pytest

os.environ.setdefault("MPLBACKEND", "agg")


@pytest.fixture(scope="session")
def descent_class(tmp_path_factory):
    """A small ps2_descent class graded by ``autograder grade``, feedback included:
    the scratch course's root. Two students share one bug (with different seeds)."""
    from grading import DESCENT_CLASS, grade_batch
    return grade_batch(tmp_path_factory.mktemp("descent-class"), "ps2_descent", DESCENT_CLASS)
