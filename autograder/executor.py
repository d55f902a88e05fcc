"""``SecureExecute``: nbgrader's ``Execute`` step, with student code sandboxed.

``nbgrader_config.py`` puts this preprocessor in place of ``Execute`` in
``Autograde.autograde_preprocessors``. It runs the notebook's cells in a
:class:`~autograder.sandbox.client.Sandbox`, in order, recording outputs as a
kernel would. A test cell's visible part runs there too; its hidden block is
not run: the block's suite runs here, in the grader, and calls the student's
functions in the sandbox. The cell's outputs become the suite's report and its
score (a number nbgrader reads as partial credit, or an error when it is zero).
"""

import atexit

import nbformat
from nbgrader import utils
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, Float, Integer, List, Unicode

from . import hidden, imports
from .sandbox import isolation
from .sandbox.client import Limits, Sandbox
from .student import SandboxStudent, Student
from .suite import draws, load, run_cell, submission_seed

_announced = set()


class WarmSandboxes:
    """Keeps one started sandbox to grade notebook after notebook (a batch worker's,
    or one ``nbgrader autograde`` run's).

    A sandbox is reset between notebooks: every process of the last one is killed
    and its files are put back, so the next notebook starts as in a new sandbox,
    without paying for Python's start-up and imports again.
    """

    def __init__(self):
        self.box = None
        self.made = None

    def take(self, files, **options):
        """A sandbox for the next notebook: the kept one, reset, if it was made with the
        same level, limits and preloaded modules; else a new one."""
        made = (isolation.detect(options.get("level")), options.get("limits"),
                tuple(options.get("preload", ())))
        if self.box is not None and made != self.made:
            self.close()
        if self.box is not None and self.box.alive():
            try:
                self.box.call_timeout = options.get("call_timeout", self.box.call_timeout)
                self.box.log = options.get("log", self.box.log)
                return self.box.reset(files)
            except Exception:
                self.box.close()
        self.box = Sandbox(files=files, **options).start()
        self.made = made
        return self.box

    def give_back(self, box, healthy):
        if not healthy:
            box.close()
            self.box = None

    def close(self):
        if self.box is not None:
            self.box.close()
            self.box = None


#: The sandbox kept across the notebooks this process grades (the batch grader's
#: workers, or one `nbgrader autograde` run); None until the first notebook.
WARM = None


def _warm_sandboxes():
    global WARM
    if WARM is None:
        WARM = WarmSandboxes()
        atexit.register(WARM.close)
    return WARM


def error_output(ename, evalue):
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue,
                                  traceback=[f"{ename}: {evalue}"])


class SecureExecute(NbGraderPreprocessor):
    """Run a notebook with student code isolated; see the module docstring."""

    timeout = Integer(30, help="Seconds a cell may run.").tag(config=True)
    call_timeout = Float(10.0, help="Seconds one graded call may run.").tag(config=True)
    isolation = Unicode("", help="Isolation level ('bubblewrap', 'separate-user', "
                        "'limits-only'); empty for the strongest available.").tag(config=True)
    memory_limit = Integer(3 * 2**30, help="Bytes of address space per process.").tag(config=True)
    cpu_limit = Integer(600, help="CPU seconds per process.").tag(config=True)
    reuse_sandbox = Bool(True, help="Grade notebook after notebook in one sandbox, reset "
                         "between them (every process killed, every file put back), instead "
                         "of starting a sandbox per notebook.").tag(config=True)
    preload = List(Unicode(), default_value=None, allow_none=True,
                   help="Modules every sandbox imports before the notebook runs; by default "
                   "those the assignment's source notebooks import.").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources.get("nbgrader", {})
        self.assignment = info.get("assignment", "")
        self.student_id = info.get("student", "")
        self.seed = submission_seed(self.assignment, self.student_id)
        self.lost = set()   # the graded functions whose test cells have lost points so far
        files = resources.get("metadata", {}).get("path") or None
        level = isolation.detect(self.isolation or None)
        if level not in _announced:
            _announced.add(level)
            (self.log.info if level == "bubblewrap" else self.log.warning)(isolation.describe(level))
        options = dict(level=level, call_timeout=self.call_timeout, log=self.log,
                       limits=Limits(memory=self.memory_limit, cpu=self.cpu_limit),
                       preload=self._preload())
        # A sandbox that can't start is the grader's fault, not the student's: the
        # submission fails to grade (nbgrader reports it) rather than scoring zero.
        warm = _warm_sandboxes() if self.reuse_sandbox else None
        if warm is not None:
            self.box = warm.take(files, **options)
        else:
            self.box = Sandbox(files=files, **options).start()
        healthy = False
        try:
            result = super().preprocess(nb, resources)
            healthy = True
            return result
        finally:
            if warm is not None:
                warm.give_back(self.box, healthy and self.box.alive())
            else:
                self.box.close()

    def _preload(self):
        if self.preload is not None:
            return tuple(self.preload)
        from nbgrader.coursedir import CourseDirectory
        coursedir = CourseDirectory(config=self.config)
        return imports.of_assignment(coursedir.format_path(coursedir.source_directory, ".",
                                                           self.assignment))

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        if utils.is_grade(cell) and not utils.is_solution(cell):
            cell.outputs, cell.execution_count = self._test_cell(cell)
        else:
            run = self.box.run_cell(cell.source, timeout=self.timeout)
            cell.outputs = [nbformat.from_dict(o) for o in run.outputs]
            cell.execution_count = run.execution_count
        return cell, resources

    def _test_cell(self, cell):
        grade_id = cell.metadata.nbgrader.get("grade_id", "")
        try:
            visible, call = hidden.split(cell.source)
        except hidden.HiddenBlockError as exc:
            self.log.error("%s: %s", grade_id, exc)
            return [error_output("GradingError", f"{grade_id}: {exc}")], None
        run = self.box.run_cell(visible, timeout=self.timeout) if visible.strip() else None
        outputs = [_quiet(o) for o in (run.outputs if run else []) if o["output_type"] != "execute_result"]
        count = run.execution_count if run else None
        function = function_of(self.assignment, grade_id)
        if run is not None and not run.success:
            if not any(o["output_type"] == "error" for o in outputs):
                # The student's code hid the error (a custom exception handler, a hook
                # that clears outputs): the cell failed all the same.
                outputs.append(error_output("VisibleTestsFailed",
                                            "the visible tests of this cell did not pass"))
            if call == (self.assignment, grade_id):
                blamed = blamed_for(self.assignment, function, self.lost)
                if blamed:
                    return self._hidden(cell, function, [_as_text(o) for o in outputs], count,
                                        preface=_BLAMED.format(names=" and ".join(blamed),
                                                              own="its own cell" if len(blamed) == 1
                                                              else "their own cells"))
                outputs.extend(self._pictures(grade_id))
            self.lost.add(function)
            return [nbformat.from_dict(o) for o in outputs], count
        if call is None:
            return [nbformat.from_dict(o) for o in outputs], count
        assignment, called_id = call
        if (assignment, called_id) != (self.assignment, grade_id):
            message = (f"the hidden block of {grade_id} calls the suite of "
                       f"{assignment}/{called_id}; it must call {self.assignment}/{grade_id}")
            self.log.error(message)
            return [error_output("GradingError", message)], count
        return self._hidden(cell, function, outputs, count)

    def _hidden(self, cell, function, outputs, count, preface=None):
        """The cell's outputs and score once its hidden suite has run."""
        grade_id = cell.metadata.nbgrader.get("grade_id", "")
        try:
            self.box.snapshot()
        except Exception:
            self.log.error("%s/%s: the sandbox stopped answering at %s", self.student_id,
                           self.assignment, grade_id)
            outputs.append(error_output("GradingError", "the notebook's sandbox stopped answering "
                                        "(a stopped or killed grading process); this cell scores 0"))
            return [nbformat.from_dict(o) for o in outputs], count
        suite = load(self.assignment)
        student = SandboxStudent.for_suite(suite, self.box)
        report = run_cell(suite, grade_id, student, self.seed)
        if report.score < report.max_score:
            self.lost.add(function)
        points = float(cell.metadata.nbgrader.get("points", 0) or 0)
        score = report.score * points / report.max_score if report.max_score else 0.0
        text = report.text() if preface is None else f"{preface}\n\n{report.text()}"
        outputs.append({"output_type": "stream", "name": "stdout", "text": text})
        outputs.extend(report.displays())
        if score > 0:
            outputs.append({"output_type": "execute_result", "execution_count": count,
                            "metadata": {}, "data": {"text/plain": repr(round(score, 6))}})
        else:
            outputs.append(error_output("HiddenTestsFailed", f"no hidden test of {grade_id} passed"))
        return [nbformat.from_dict(o) for o in outputs], count

    def _pictures(self, grade_id):
        """The pictures of a cell whose visible tests failed: it scores nothing, but
        its feedback still shows what the student's function did."""
        suite = load(self.assignment)
        if not draws(suite, grade_id):
            return []
        try:
            self.box.snapshot()
        except Exception:
            return []
        student = SandboxStudent.for_suite(suite, self.box)
        return run_cell(suite, grade_id, student, self.seed, pictures_only=True).displays()


#: What a cell says when its visible tests failed while a function they run (the
#: student's) had lost points in its own cell.
_BLAMED = ("The visible tests above failed, and they run your {names}, which lost points in "
           "{own}. So that one mistake costs one function, this cell is graded by its hidden "
           "tests alone, which use the reference's {names}.")


def blamed_for(assignment, function, lost):
    """The graded functions ``function`` builds on, directly or through others, that are
    in ``lost`` (their own test cells have lost points): a visible test of ``function``
    runs them, the student's, so it may fail for them."""
    if function is None:
        return []
    suite = load(assignment)
    if function in suite.PIPELINES:
        return []
    student = Student.for_suite(suite)
    uses, todo = set(), [function]
    while todo:
        for name in student.dependencies(todo.pop()):
            if name not in uses:
                uses.add(name)
                todo.append(name)
    return [name for name in suite.GRADED if name in uses and name in lost]


def function_of(assignment, grade_id):
    """The graded function a test cell tests: ``test_<function>`` or
    ``test_<function>_<aspect>``; None for a cell named otherwise."""
    try:
        graded = load(assignment).GRADED
    except Exception:   # an assignment without a hidden suite
        return None
    named = [name for name in graded if grade_id == f"test_{name}" or grade_id.startswith(f"test_{name}_")]
    return max(named, key=len, default=None)


def _as_text(output):
    """A failed visible test's error shown as text, so that it does not zero the cell."""
    if output.get("output_type") != "error":
        return output
    return {"output_type": "stream", "name": "stdout", "text": f"{output['ename']}: {output['evalue']}\n"}


def _quiet(output):
    """A test cell's stderr shown as text: it must not zero the cell."""
    if output.get("output_type") == "stream" and output.get("name") == "stderr":
        return dict(output, name="stdout")
    return output
