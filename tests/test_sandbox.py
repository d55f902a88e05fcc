"""The sandbox: isolation, timeouts, crashes, fresh state, plain data."""

import numpy as np
import pytest

from autograder.failures import MissingFunction, StudentCrash, StudentError, StudentTimeout
from autograder.course import root as course_root
from autograder.sandbox import isolation
from autograder.sandbox.client import Sandbox
from autograder.student import SandboxStudent

CODE = '''
import numpy as np
calls = 0

def double(x):
    return 2 * x

def counter():
    global calls
    calls += 1
    return calls

def bump(x):
    x += 1
    return x

def apply(f, x):
    return f(x) + 1

def loop():
    while True:
        pass

def boom():
    raise ValueError("bad input")

def leave():
    import os
    os._exit(3)

def make(a):
    return lambda z: z * a

class Counter:
    def __init__(self):
        self.n = 0
    def step(self):
        self.n += 1
        return self.n

class Liar:
    def __eq__(self, other):
        return True

def liar():
    return Liar()

def stash(value):
    with open("/tmp/stash.txt", "a") as handle:
        handle.write(str(value))
    import os
    return os.path.getsize("/tmp/stash.txt")

def batches(n):
    for i in range(n):
        yield i

def make_adder(f, c):
    return lambda x: f(x) + c

def non_finite():
    return [np.float64("nan"), np.float64("inf"), np.float64("-inf")]
'''


@pytest.fixture(scope="module")
def box():
    with Sandbox(call_timeout=5) as sandbox:
        run = sandbox.run_cell(CODE)
        assert run.success, run.outputs
        yield sandbox


@pytest.fixture
def student(box):
    student = SandboxStudent(box)
    yield student
    student.reset()


def test_values_cross_as_data(student):
    assert np.array_equal(student.call("double", np.arange(3.0)).value, [0.0, 2.0, 4.0])
    assert student.call("double", 21).value == 42


def test_each_call_sees_a_fresh_state(student):
    assert [student.call("counter").value for _ in range(3)] == [1, 1, 1]


def test_files_do_not_survive_between_tests(box):
    for _ in range(2):
        student = SandboxStudent(box)
        assert student.call("stash", 12345).value == 5
        student.reset()


def test_argument_mutation_is_reported(student):
    result = student.call("bump", np.ones(2))
    assert result.mutated == ["argument 1"]
    assert np.array_equal(result.value, [2.0, 2.0])


def test_grader_functions_cross_as_proxies(student):
    assert student.call("apply", lambda v: v * 10, 4).value == 41


def test_closures_and_objects_stay_behind_as_handles(student):
    assert student.call("make", 3).value(5) == 15
    counter = student.call("Counter").value
    assert (counter.step(), counter.step(), counter.attribute("n")) == (1, 2, 2)


def test_generators_arrive_as_lists(student):
    assert student.call("batches", 3).value == [0, 1, 2]


def test_an_object_that_equals_everything_is_not_data(student):
    liar = student.call("liar").value
    assert not isinstance(liar, (int, float, np.ndarray))
    assert (liar == 42) is False


def test_failures_have_student_messages(student):
    with pytest.raises(StudentTimeout, match="loop did not return within"):
        student.call("loop")
    with pytest.raises(StudentError) as error:
        student.call("boom")
    assert error.value.is_a("ValueError") and "bad input" in str(error.value)
    with pytest.raises(StudentCrash):
        student.call("leave")
    with pytest.raises(MissingFunction, match="nope is not defined"):
        student.call("nope")
    assert student.call("double", 1).value == 2


def test_a_hanging_cell_is_dropped_and_the_notebook_goes_on(box):
    box.run_cell("marker = 1")
    run = box.run_cell("marker = 2\nwhile True:\n    pass", timeout=1)
    assert not run.success and run.outputs[-1]["ename"] == "CellTimeoutError"
    after = box.run_cell("marker")
    assert after.outputs[-1]["data"]["text/plain"] == "1"


def test_a_cell_that_kills_its_process_is_dropped(box):
    run = box.run_cell("import os\nos._exit(1)")
    assert not run.success and run.outputs[-1]["ename"] == "DeadKernel"
    assert box.run_cell("double(4)").outputs[-1]["data"]["text/plain"] == "8"


def test_signal_ignoring_loops_are_stopped(box):
    run = box.run_cell("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                       "signal.signal(signal.SIGTERM, signal.SIG_IGN)\nwhile True:\n    pass", timeout=1)
    assert run.outputs[-1]["ename"] == "CellTimeoutError"
    assert box.run_cell("double(5)").outputs[-1]["data"]["text/plain"] == "10"


def test_outputs_are_recorded_like_a_kernel(box):
    run = box.run_cell("print('out')\nimport sys\nprint('err', file=sys.stderr)\n6 * 7")
    kinds = [(o["output_type"], o.get("name")) for o in run.outputs]
    assert kinds == [("stream", "stdout"), ("stream", "stderr"), ("execute_result", None)]


def test_output_floods_are_cut(box):
    run = box.run_cell("for _ in range(10**6):\n    print('x' * 100)", timeout=30)
    assert sum(len(o.get("text", "")) for o in run.outputs) < 2 * 2**20
    assert "output truncated" in run.outputs[-1]["text"]


@pytest.mark.skipif(isolation.detect() != "bubblewrap", reason="needs bubblewrap")
def test_bubblewrap_hides_the_course_and_the_network(box):
    course = str(course_root())
    probe = box.run_cell(
        "import os, socket\n"
        f"print(any(os.path.exists(os.path.join({course!r}, name)) for name in "
        "('nbgrader_config.py', 'source', 'reference', 'autograder', 'gradebook.db')), "
        "os.path.isdir('source'))\n"
        "try:\n"
        "    socket.create_connection(('127.0.0.1', 22), timeout=1)\n"
        "except OSError as exc:\n"
        "    print('no network')\n")
    assert probe.outputs[0]["text"].startswith("False False")
    assert "no network" in probe.outputs[0]["text"]
    for module in ("reference", "autograder", "reference.rosenbrock"):
        run = box.run_cell(f"import {module}")
        assert run.outputs[-1]["ename"] == "ModuleNotFoundError", module


def test_a_returned_closure_can_call_back_what_it_was_given(student):
    add_noise = student.call("make_adder", lambda x: x * 2, 1.0).value
    assert add_noise(3.0) == 7.0
    assert add_noise(4.0) == 9.0


def test_non_finite_numpy_scalars_cross(student):
    values = student.call("non_finite").value
    assert np.isnan(values[0]) and values[1] == np.inf and values[2] == -np.inf
    assert isinstance(values[0], np.float64)


def test_snapshot_and_restore_put_files_back(tmp_path):
    from autograder.sandbox import worker
    (tmp_path / "kept.txt").write_text("original")
    (tmp_path / "sub").mkdir()
    snapshot = worker.take_snapshot([str(tmp_path)])
    (tmp_path / "kept.txt").write_text("changed")
    (tmp_path / "new.txt").write_text("stash")
    (tmp_path / "sub" / "deep").mkdir()
    (tmp_path / "link").symlink_to("/etc")
    worker.restore([str(tmp_path)], snapshot)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt", "sub"]
    assert (tmp_path / "kept.txt").read_text() == "original"
    assert list((tmp_path / "sub").iterdir()) == []


@pytest.mark.skipif(isolation.detect() != "bubblewrap", reason="needs bubblewrap")
def test_student_code_holds_no_capabilities_and_binds_stay_read_only(box):
    run = box.run_cell(
        "caps = [l.split()[1] for l in open('/proc/self/status') if l.startswith(('CapEff', 'CapPrm'))]\n"
        "print(caps)\n"
        "import subprocess, sys\n"
        "r = subprocess.run(['mount', '-o', 'remount,rw,bind', '/opt/grader'], capture_output=True)\n"
        "print('remount', r.returncode)\n"
        "try:\n"
        "    open('/opt/grader/owned', 'w')\n"
        "    print('wrote')\n"
        "except OSError:\n"
        "    print('read-only')\n")
    text = run.outputs[0]["text"]
    assert "['0000000000000000', '0000000000000000']" in text
    assert "remount 0" not in text and "read-only" in text


def test_restore_replaces_a_pipe_left_in_a_kept_file(tmp_path):
    import os
    from autograder.sandbox import worker
    (tmp_path / "kept.txt").write_text("original")
    snapshot = worker.take_snapshot([str(tmp_path)])
    (tmp_path / "kept.txt").unlink()
    os.mkfifo(tmp_path / "kept.txt")
    worker.restore([str(tmp_path)], snapshot)
    assert (tmp_path / "kept.txt").read_text() == "original"
