"""The kit's ``SaveAutoGrades`` and ``RestoreCells`` look a notebook's cells and rows up
in rows loaded at once (``autograder.gradebook``): they must find what nbgrader's
per-cell queries find, so the gradebook and the notebook come out the same."""

import copy

import nbformat
import pytest
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import SaveAutoGrades as NbgraderSaveAutoGrades

from autograder import course, engines, restore
from autograder.restore import RestoreCells
from autograder.saveautogrades import SaveAutoGrades

pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")  # nbgrader's own

ERROR = nbformat.v4.new_output("error", ename="AssertionError", evalue="", traceback=[])
STDERR = nbformat.v4.new_output("stream", name="stderr", text="careful\n")
HALF = nbformat.v4.new_output("execute_result", data={"text/plain": "0.5"}, execution_count=1)


@pytest.fixture(autouse=True)
def alembic_on_the_path(monkeypatch):
    # A new gradebook records its schema's version with the `alembic` command.
    monkeypatch.setenv("PATH", course.environment()["PATH"])


def graded(kind, grade_id, source, points=0.0, outputs=(), **flags):
    """A cell with nbgrader metadata (``grade``, ``solution``, ``task``, ``locked``)."""
    cell = (nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell)(source)
    cell.metadata.nbgrader = {"grade_id": grade_id, "points": points, "schema_version": 3,
                              "grade": False, "solution": False, "task": False, "locked": False,
                              **flags}
    if kind == "code":
        cell.outputs = list(outputs)
    cell.metadata.nbgrader["checksum"] = utils.compute_checksum(cell)
    return cell


def source_notebook():
    return nbformat.v4.new_notebook(cells=[
        graded("markdown", "answer", "Explain.", points=2, grade=True, solution=True),
        graded("markdown", "essay", "Discuss.", points=1, grade=True, solution=True),
        graded("code", "impl", "# YOUR CODE HERE", solution=True),
        graded("code", "impl_done", "# YOUR CODE HERE", solution=True),
        graded("code", "test_ok", "assert True", points=1, grade=True, locked=True),
        graded("code", "test_error", "assert False", points=1, grade=True, locked=True),
        graded("code", "test_half", "0.5", points=2, grade=True, locked=True),
        graded("code", "test_stderr", "warn()", points=1, grade=True, locked=True),
        graded("code", "test_regraded", "assert True", points=3, grade=True, locked=True),
        graded("markdown", "task", "Plot it.", points=3, task=True),
        graded("markdown", "header", "# Read me", locked=True),
    ])


def gradebook(path, source):
    """A gradebook with ``source`` as notebook ``nb`` of assignment ``a``, and student
    ``s``'s submission of it (a manual score on ``test_regraded``); its URL."""
    url = f"sqlite:///{path}"
    with Gradebook(url) as gb:
        gb.add_assignment("a")
        gb.add_notebook("nb", "a")
        for cell in source.cells:
            meta = cell.metadata.nbgrader
            if meta["grade"]:
                gb.add_grade_cell(meta["grade_id"], "nb", "a", max_score=meta["points"],
                                  cell_type=cell.cell_type)
            if meta["solution"]:
                gb.add_solution_cell(meta["grade_id"], "nb", "a")
            if meta["task"]:
                gb.add_task_cell(meta["grade_id"], "nb", "a", max_score=meta["points"],
                                 cell_type=cell.cell_type)
            gb.add_source_cell(meta["grade_id"], "nb", "a", cell_type=cell.cell_type,
                               locked=meta["locked"], source=cell.source, checksum=meta["checksum"])
        # A task cell may share a test's name: nbgrader's lookups prefer the test.
        gb.add_task_cell("test_ok", "nb", "a", max_score=5, cell_type="markdown")
        gb.add_student("s")
        gb.add_submission("a", "s")
        gb.find_grade("test_regraded", "nb", "a", "s").manual_score = 2.0
        gb.db.commit()
    return url


def submitted(source):
    """The student's notebook, executed: answers given or not, tests passing or not."""
    nb = copy.deepcopy(source)
    cells = {cell.metadata.nbgrader["grade_id"]: cell for cell in nb.cells}
    cells["essay"].source = "Because."
    cells["impl_done"].source = "x = 1"
    cells["test_error"].outputs = [ERROR]
    cells["test_half"].outputs = [HALF]
    cells["test_stderr"].outputs = [STDERR]
    return nb


def resources(url, student="s"):
    return {"nbgrader": {"notebook": "nb", "assignment": "a", "student": student, "db_url": url}}


def rows(url):
    """Every grade's and comment's values, by cell name and kind."""
    with Gradebook(url) as gb:
        nb = gb.find_submission_notebook("nb", "a", "s")
        return ({(g.name, g.cell.type): (g.auto_score, g.manual_score, g.needs_manual_grade)
                 for g in nb.grades},
                {(c.name, c.cell.type): c.auto_comment for c in nb.comments})


def test_save_auto_grades_writes_what_nbgraders_writes(tmp_path):
    source = source_notebook()
    theirs, ours = gradebook(tmp_path / "theirs.db", source), gradebook(tmp_path / "ours.db", source)
    NbgraderSaveAutoGrades().preprocess(submitted(source), resources(theirs))
    SaveAutoGrades().preprocess(submitted(source), resources(ours))
    grades, comments = rows(ours)
    assert (grades, comments) == rows(theirs)
    # The cases differ, so a row found for the wrong cell would show.
    grades = {name: values for (name, kind), values in grades.items() if kind != "TaskCell"}
    assert grades["test_half"][0] == 0.5 and grades["test_error"][0] == 0.0
    assert grades["test_ok"][0] == 1.0 and grades["test_regraded"] == (3.0, 2.0, True)
    assert grades["essay"] == (None, None, True)
    assert comments["impl", "SolutionCell"] == "No response."
    assert comments["impl_done", "SolutionCell"] is None
    assert comments["task", "TaskCell"] is None


def test_save_auto_grades_fails_as_nbgraders_on_a_cell_the_gradebook_lacks(tmp_path):
    source = source_notebook()
    url = gradebook(tmp_path / "gradebook.db", source)
    stray = submitted(source)
    stray.cells.append(graded("code", "test_stray", "assert True", points=1, grade=True))
    for step in (NbgraderSaveAutoGrades(), SaveAutoGrades()):
        with pytest.raises(MissingEntry):
            step.preprocess(copy.deepcopy(stray), resources(url))


def tampered(source):
    """A submission that changed what it may not: a locked cell's source, a test's
    points, a cell's type; that deleted a test and carries a cell of another notebook."""
    nb = submitted(source)
    cells = {cell.metadata.nbgrader["grade_id"]: cell for cell in nb.cells}
    cells["test_ok"].source = "pass  # the test, gone"
    cells["test_half"].metadata.nbgrader["points"] = 20
    cells["header"].metadata.nbgrader["locked"] = False
    nb.cells.remove(cells["test_error"])
    impl = cells["impl"]
    nb.cells[nb.cells.index(impl)] = nbformat.v4.new_markdown_cell(impl.source, metadata=impl.metadata)
    nb.cells.append(graded("code", "elsewhere", "x = 2", solution=True))
    return nb


def without_ids(nb):
    """The cells, but their ids (new cells get random ones)."""
    return [{key: value for key, value in cell.items() if key != "id"} for cell in nb.cells]


def test_restore_cells_finds_what_nbgraders_lookups_find(tmp_path, monkeypatch):
    source = source_notebook()
    url = gradebook(tmp_path / "gradebook.db", source)
    step = RestoreCells(add_missing_cells=True)
    ours, _ = step.preprocess(tampered(source), resources(url))
    monkeypatch.setattr(restore, "Prefetched", lambda gradebook, *where: gradebook)
    theirs, _ = step.preprocess(tampered(source), resources(url))
    assert without_ids(ours) == without_ids(theirs)
    cells = {cell.metadata.get("nbgrader", {}).get("grade_id"): cell for cell in ours.cells}
    assert cells["test_ok"].source == "assert True" and "test_error" in cells
    assert cells["test_half"].metadata.nbgrader["points"] == 2.0
    assert cells["impl"].cell_type == "code" and None in cells  # "elsewhere" lost its id


def test_gradebooks_opened_in_one_scope_share_an_engine_and_check_the_tables_once(tmp_path,
                                                                                    monkeypatch):
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    checks = []
    create_all = engines._create_all
    monkeypatch.setattr(engines, "_create_all", lambda **kw: checks.append(1) or create_all(**kw))
    with engines.shared():
        with Gradebook(url) as one:
            one.add_student("ada")
        with Gradebook(url) as two:
            assert two.engine is one.engine
            assert [s.id for s in two.students] == ["ada"]
    assert len(checks) == 1
    assert one.engine.pool.checkedout() == 0
    with Gradebook(url) as three:
        assert three.engine is not one.engine
        assert [s.id for s in three.students] == ["ada"]
    assert len(checks) == 2


def test_a_gradebook_replaced_between_scopes_is_not_written_through_an_old_connection(tmp_path):
    path = tmp_path / "gradebook.db"
    with engines.shared(), Gradebook(f"sqlite:///{path}") as gradebook:
        gradebook.add_student("ada")
    path.unlink()
    with engines.shared(), Gradebook(f"sqlite:///{path}") as gradebook:
        gradebook.add_student("grace")
    with Gradebook(f"sqlite:///{path}") as gradebook:
        assert [s.id for s in gradebook.students] == ["grace"]


def test_restore_cells_gives_edited_flags_back_so_the_notebook_is_still_graded(tmp_path):
    source = source_notebook()
    url = gradebook(tmp_path / "gradebook.db", source)
    nb = submitted(source)
    cells = {cell.metadata.nbgrader["grade_id"]: cell for cell in nb.cells}
    cells["test_ok"].metadata.nbgrader.update(solution=True)
    cells["test_half"].metadata.nbgrader.update(grade=False)
    del cells["test_half"].metadata.nbgrader["points"]
    cells["impl"].metadata.nbgrader.update(grade=True, points=10)
    cells["task"].metadata.nbgrader.update(task=False, solution=True)
    restored, _ = RestoreCells(add_missing_cells=True).preprocess(nb, resources(url))
    flags = {cell.metadata.nbgrader["grade_id"]: {k: cell.metadata.nbgrader[k] for k in
                                                  ("grade", "solution", "task", "locked")}
             for cell in restored.cells}
    assert flags == {cell.metadata.nbgrader["grade_id"]: {k: cell.metadata.nbgrader[k] for k in
                                                          ("grade", "solution", "task", "locked")}
                     for cell in source.cells}
    restored_cells = {cell.metadata.nbgrader["grade_id"]: cell for cell in restored.cells}
    assert restored_cells["test_half"].metadata.nbgrader["points"] == 2.0
    assert "points" not in restored_cells["impl"].metadata.nbgrader or \
        not restored_cells["impl"].metadata.nbgrader["grade"]
