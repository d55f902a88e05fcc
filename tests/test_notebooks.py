"""Source notebooks build reproducibly, run top to bottom with full hidden marks,
and their committed releases are exactly what nbgrader makes of them, with no
solution or hidden test left in."""

import re
import time

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import classroom, course
from notebooks import build

from grading import ROOT

ASSIGNMENTS = course.assignments()
SOLUTION_BLOCK = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.DOTALL)


def sources(assignment):
    return sorted((ROOT / "source" / assignment).glob("*.ipynb"))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_matches_its_build_and_has_no_outputs(assignment):
    assert build.main(["--check", assignment]) == 0
    for path in sources(assignment):
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")
        first_code = next(c for c in nb.cells if c.cell_type == "code")
        assert "import numpy as np" in first_code.source


@pytest.fixture(scope="module")
def fresh_releases(tmp_path_factory):
    scratch = classroom.scratch_course(tmp_path_factory.mktemp("release"), ROOT)
    for assignment in ASSIGNMENTS:
        course.nbgrader("generate_assignment", assignment, "--force", "--log-level=ERROR",
                        course=scratch)
    return scratch / "release"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_committed_release_equals_a_fresh_one(assignment, fresh_releases):
    fresh = sorted((fresh_releases / assignment).glob("*.ipynb"))
    assert fresh, f"nbgrader made no release of {assignment}"
    for path in fresh:
        committed = ROOT / "release" / assignment / path.name
        assert committed.exists(), f"{committed} is missing: run `autograder release`"
        assert committed.read_text() == path.read_text(), \
            f"{committed} is stale: run `autograder release {assignment}` and commit it"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_holds_no_solution_or_hidden_test(assignment):
    for source in sources(assignment):
        released = (ROOT / "release" / assignment / source.name).read_text()
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
                       "grade_cell", "autograder", "import reference", "from reference"):
            assert marker not in released, f"{marker!r} in the release of {assignment}"
        text = nbformat.read(source, as_version=4)
        released_sources = "\n".join(c.source for c in nbformat.reads(released, as_version=4).cells)
        for cell in text.cells:
            for block in SOLUTION_BLOCK.findall(cell.source):
                code = "\n".join(line for line in block.splitlines() if line.strip())
                assert code not in released_sources, f"a solution of {assignment} is in the release"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_runs_in_a_kernel_with_every_hidden_point(assignment):
    for path in sources(assignment):
        nb = nbformat.read(path, as_version=4)
        start = time.monotonic()
        NotebookClient(nb, timeout=60, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        elapsed = time.monotonic() - start
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type != "code":
                continue
            errors = [o for o in cell.outputs if o.output_type == "error"]
            assert not errors, f"{meta.get('grade_id', 'a cell')}: {errors[0].ename}: {errors[0].evalue}"
            if meta.get("grade") and not meta.get("solution"):
                assert not [o for o in cell.outputs if o.get("name") == "stderr"], meta["grade_id"]
                results = [o for o in cell.outputs if o.output_type == "execute_result"]
                assert float(results[-1].data["text/plain"]) == meta["points"], meta["grade_id"]
        assert elapsed < 60, f"{path.name} took {elapsed:.0f} s; the limit is 60 s"
