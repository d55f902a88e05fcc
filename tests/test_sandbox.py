"""The sandbox: isolation, timeouts, crashes, fresh state, plain data."""

import subprocess
import sys
import time

import numpy as np
import pytest

from autograder import budget
from autograder.failures import MissingFunction, OutOfTime, StudentCrash, StudentError, StudentTimeout
from autograder.course import root as course_root
from autograder.sandbox import client, confine, isolation
from autograder.sandbox.client import Limits, Sandbox
from autograder.student import NamespaceStudent, SandboxStudent

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

def noisy(x, n):
    import warnings
    for i in range(n):
        warnings.warn(f"note {i}")
    return np.exp(x)

class Tally(dict):
    def __init__(self):
        super().__init__(n=0)
    def step(self):
        self["n"] += 1
        return self["n"]

def tally_as_data():
    return Tally()

def lazy_parts(n):
    return n, {"a": map(float, range(n)), "b": [1, (i for i in range(2))]}

def first_two(make):
    batches = make(5)
    return [next(batches), next(batches)]

def make_adder(f, c):
    return lambda x: f(x) + c

def non_finite():
    return [np.float64("nan"), np.float64("inf"), np.float64("-inf")]

def draw_twice(draw, rng):
    return [draw(rng), draw(rng=rng)]

def descend(f, grad, x0, lr, n):
    x = np.asarray(x0, dtype=float)
    for _ in range(n):
        x = x - lr * grad(x)
    return x, f(x), f is grad

def both(f, g):
    return f is g, g
_buffers = {}
def buffered(x):
    out = _buffers.setdefault(np.shape(x), np.empty(np.shape(x)))
    out[...] = 2 * np.asarray(x)
    return out
_memo = {}
def memo(x):
    return _memo.setdefault(tuple(np.ravel(x)), 2 * np.asarray(x, dtype=float))
def same(x):
    return x
def fresh(x):
    return 2 * np.asarray(x, dtype=float)
from collections import namedtuple
Pair = namedtuple("Pair", ["loss", "grad"])
_pairs = []
def pair(x):
    _pairs.append(Pair(float(np.sum(x)), [2 * np.asarray(x, dtype=float)]))
    if len(_pairs) > 1:
        _pairs[-2].grad.append(0.0)
    return _pairs[-1]
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


@pytest.fixture(params=["sandbox", "namespace"])
def either(request, student):
    """The student in the sandbox, or the same code's namespace in this process."""
    if request.param == "sandbox":
        return student
    namespace = {}
    exec(CODE, namespace)
    return NamespaceStudent(namespace)


def test_values_cross_as_data(student):
    assert np.array_equal(student.call("double", np.arange(3.0)).value, [0.0, 2.0, 4.0])
    assert student.call("double", 21).value == 42


def test_each_call_sees_a_fresh_state(student):
    assert [student.call("counter").value for _ in range(3)] == [1, 1, 1]


def test_call_each_makes_its_calls_in_one_fresh_state(student):
    assert [r.value for r in student.call_each("counter", [((), {})] * 3)] == [1, 2, 3]
    assert [r.value for r in student.call_each("counter", [((), {})] * 2)] == [1, 2]
    assert [r.value for r in student.call_each("double", [((1,), {}), ((), {"x": 4})])] == [2, 8]


def test_call_each_shares_files_between_its_calls_and_stops_at_a_crash(student):
    assert [r.value for r in student.call_each("stash", [((1,), {}), ((22,), {})])] == [1, 3]
    student.reset()
    crashing = student.call_each("leave", [((), {}), ((), {})])
    with pytest.raises(StudentCrash):
        next(crashing)
    assert list(crashing) == []
    with pytest.raises(StudentTimeout):
        list(student.call_each("loop", [((), {})]))
    assert student.call("counter").value == 1


def test_call_each_makes_no_further_call_once_a_call_reached_outside_its_process():
    with Sandbox(call_timeout=5) as box:
        assert box.run_cell("import os\n"
                            "def mark():\n"
                            "    with open(f'/proc/{os.getppid()}/oom_score_adj', 'w') as f:\n"
                            "        f.write('777')\n"
                            "    return 1\n").success
        box.snapshot()
        calls = SandboxStudent(box).call_each("mark", [((), {})] * 3)
        assert next(calls).value == 1
        with pytest.raises(StudentCrash, match="changed the notebook's process from outside"):
            next(calls)


def test_files_do_not_survive_between_tests(box):
    for _ in range(2):
        student = SandboxStudent(box)
        assert student.call("stash", 12345).value == 5
        student.reset()


def test_argument_mutation_is_reported(student):
    result = student.call("bump", np.ones(2))
    assert result.mutated == ["argument 1"]
    assert np.array_equal(result.value, [2.0, 2.0])


JAM = """
def jam(f):
    import sys, time
    runner = next(c.cell_contents for c in f.__closure__
                  if type(c.cell_contents).__name__ == "CallRunner")
    sys.modules["wire"].send(runner.callback.__self__.chan,
                             {"op": "callback", "id": f.grader_id, "args": [2_000_000], "kwargs": {}})
    time.sleep(600)
"""


def test_a_call_that_asks_for_a_large_answer_and_stops_reading_times_out(box):
    """The grader's reply to a callback, 16 MB that the call never reads, is held to
    the call's time limit: a send without one would wait for ever."""
    assert box.run_cell(JAM).success
    student = SandboxStudent(box, graded=("jam",))
    start = time.monotonic()
    with pytest.raises(StudentTimeout):
        student.call("jam", lambda n: np.zeros(n))
    assert time.monotonic() - start < 60
    student.reset()
    assert student.call("double", 21).value == 42


def test_grader_functions_cross_as_proxies(student):
    assert student.call("apply", lambda v: v * 10, 4).value == 41


def test_a_test_landscape_runs_beside_the_students_code(student, monkeypatch):
    """A landscape's f and grad are made again on the student's side: a run of 3,000
    steps makes no call back to the grader, and gives what the grader's own gives."""
    from autograder.sandbox.client import Endpoint
    from autograder.sandbox.landscapes import Bowl
    calls = []
    callback = Endpoint._callback
    monkeypatch.setattr(Endpoint, "_callback", lambda *args: calls.append(1) or callback(*args))
    bowl = Bowl.random(np.random.default_rng(3))
    x, loss, same = student.call("descend", bowl.f, bowl.grad, np.zeros(2), 0.1, 3000).value
    assert np.allclose(x, bowl.centre, rtol=1e-12) and loss == bowl.f(x) and same is False
    assert calls == []


def test_a_landscape_is_one_function_and_comes_home_as_the_graders(either):
    from autograder.sandbox.landscapes import Bowl
    f = Bowl(np.eye(2), [1.0, 2.0]).f
    same, back = either.call("both", f, f).value
    assert same is True and back is f


def test_a_landscape_that_overflows_warns_nothing(either):
    from autograder.sandbox.landscapes import Bowl
    bowl = Bowl(np.eye(2), [0.0, 0.0])
    result = either.call("descend", bowl.f, bowl.grad, np.ones(2), 3.0, 1000)
    assert result.warned == [] and not np.isfinite(result.value[1])


def test_closures_and_objects_stay_behind_as_handles(student):
    assert student.call("make", 3).value(5) == 15
    counter = student.call("Counter").value
    assert (counter.step(), counter.step(), counter.attribute("n")) == (1, 2, 2)


def test_an_instance_of_a_class_called_is_an_object_even_a_dict(student):
    tally = student.call("Tally").value
    assert (tally.step(), tally.step()) == (1, 2)
    assert student.call("tally_as_data").value == {"n": 0}


def test_generators_arrive_as_lists(student):
    assert student.call("batches", 3).value == [0, 1, 2]


def test_a_result_says_where_iterators_became_lists(either):
    result = either.call("lazy_parts", 3)
    assert result.value == (3, {"a": [0.0, 1.0, 2.0], "b": [1, [0, 1]]})
    assert result.lazy == [[1, "a"], [1, "b", 1]]
    assert either.call("batches", 2).lazy == [[]]
    assert either.call("double", [1, 2]).lazy == []


def test_a_result_keeps_the_first_warnings_and_prints_none(either):
    result = either.call("noisy", np.array([1.0, 1000.0]), 1)
    assert result.warned == ["UserWarning: note 0", "RuntimeWarning: overflow encountered in exp"]
    assert result.printed == "" and result.value[1] == np.inf
    assert len(either.call("noisy", 1.0, 50).warned) == 5
    assert either.call("noisy", np.array([1.0]), 0).warned == []


def test_a_grader_generator_reaches_student_code_as_an_iterator(student):
    def make(n):
        yield from range(10, 10 + n)
    assert student.call("first_two", make).value == [10, 11]


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


def test_a_spent_time_budget_stops_the_cell_and_refuses_what_follows(student, box):
    started = time.monotonic()
    with budget.limit(1.5) as spent:
        assert box.run_cell("early = 1").success
        run = box.run_cell("import time\ntime.sleep(20)", timeout=10)
        assert time.monotonic() - started < 5
        assert run.outputs[-1]["ename"] == "SubmissionTimeout"
        assert "ran out while this cell ran" in run.outputs[-1]["evalue"]
        later = box.run_cell("early")
        assert "ran out before this cell ran" in later.outputs[-1]["evalue"]
        with pytest.raises(OutOfTime, match="before double was called"):
            student.call("double", 1)
    assert spent.ran_out == "at the cell `import time`"
    assert student.call("double", 1).value == 2
    with budget.limit(30):
        with pytest.raises(OutOfTime, match="while loop ran"):
            budget.current().deadline = time.monotonic() + 1
            student.call("loop")


def test_a_broken_cell_leaves_the_files_and_the_state_as_before_it():
    # The state is rebuilt from its checkpoint: files put back, the cells since run
    # again, so a cell that appends to a file has appended once, not twice.
    with Sandbox() as sandbox:
        sandbox.run_cell("with open('log.txt', 'a') as f:\n    f.write('a')\nsteps = ['a']")
        run = sandbox.run_cell("steps.append('b')\nopen('log.txt', 'a').write('b')\n"
                               "import os\nos._exit(1)")
        assert run.outputs[-1]["ename"] == "DeadKernel"
        after = sandbox.run_cell("print(open('log.txt').read(), steps)")
        assert after.outputs[0]["text"] == "a ['a']\n"


def test_a_rebuilt_state_is_clean_when_the_cells_run_again_leave_threads():
    with Sandbox(call_timeout=5) as sandbox:
        assert sandbox.run_cell("import threading, time\nthreading.Thread(target=time.sleep, "
                                "args=(60,), daemon=True).start()\nx = 1").success
        assert not sandbox.run_cell("import os\nos._exit(1)").success
        after = sandbox.run_cell("print(x, threading.active_count())")
        assert after.outputs[0]["text"] == "1 1\n"


def hangs_when_run_again(sandbox):
    """A cell that runs in the first state (a child of the manager) but hangs when
    the state is rebuilt (a child of a checkpoint)."""
    return f"import os\nwhile os.getppid() != {sandbox.manager.pid}:\n    pass\nfirst = 1"


def test_a_state_that_cannot_be_rebuilt_fails_the_rest_with_a_message():
    with Sandbox(call_timeout=5) as sandbox:
        assert sandbox.run_cell(hangs_when_run_again(sandbox), timeout=1).success
        assert sandbox.run_cell("while True:\n    pass", timeout=1).outputs[-1]["ename"] == \
            "CellTimeoutError"
        run = sandbox.run_cell("first")
        assert run.outputs[-1]["ename"] == "DeadKernel"
        assert "could not be rebuilt" in run.outputs[-1]["evalue"]
        with pytest.raises(StudentCrash, match="process is gone"):
            SandboxStudent(sandbox).call("print")


def test_cells_before_a_checkpoint_are_not_run_again(monkeypatch):
    monkeypatch.setattr(client, "REPLAY_SECONDS", 0.0)  # a checkpoint after every cell
    with Sandbox() as sandbox:
        assert sandbox.run_cell(hangs_when_run_again(sandbox), timeout=1).success
        assert not sandbox.run_cell("import os\nos._exit(1)").success
        assert sandbox.run_cell("first").outputs[-1]["data"]["text/plain"] == "1"


def test_a_descriptor_number_the_cells_closed_never_names_the_channel(box):
    box.run_cell("import os\nnumbers = [os.open('/dev/null', os.O_RDONLY) for _ in range(4)]\n"
                 "for n in numbers:\n    os.close(n)\n"
                 "def poke():\n    hits = []\n    for n in numbers:\n        try:\n"
                 "            os.write(n, b'{}')\n            hits.append(n)\n"
                 "        except OSError:\n            pass\n    return hits")
    assert SandboxStudent(box).call("poke").value == []


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



def test_outputs_holding_objects_come_back_as_text(box):
    # An object in a display's metadata or data, or an exception whose __str__ raises,
    # must not cost the cell its outputs (nor the failed cell its error).
    run = box.run_cell("from IPython.display import display\n"
                       "class Note:\n"
                       "    def __str__(self):\n"
                       "        return 'a note'\n"
                       "class Liar(AssertionError):\n"
                       "    def __str__(self):\n"
                       "        raise Liar()\n"
                       "    __repr__ = __str__\n"
                       "print('before')\n"
                       "display({'text/plain': 'shown', 'application/json': {'n': Note()}}, raw=True,\n"
                       "        metadata={'note': Note(), 'nested': [Note(), {3: Note()}]})\n"
                       "raise Liar()\n")
    assert not run.success
    assert [o["output_type"] for o in run.outputs[:2]] == ["stream", "display_data"], run.outputs
    shown = run.outputs[1]
    assert shown["data"] == {"text/plain": "shown", "application/json": {"n": "a note"}}
    assert shown["metadata"] == {"note": "a note", "nested": ["a note", {"3": "a note"}]}
    # IPython can't format that error and prints its own failure instead; the cell failed.
    assert "Liar" in "".join(o.get("text", "") + o.get("evalue", "") for o in run.outputs[2:])

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


def test_a_grader_function_drawing_from_a_students_rng_advances_it(either):
    draws = either.call("draw_twice", lambda rng: float(rng.random()), np.random.default_rng(5)).value
    assert draws == list(np.random.default_rng(5).random(2))


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


CHANNELS = r'''
import ctypes, mmap, os, signal, socket, threading, time

libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
KEY = 0x51AB

def attach(create):
    shmid = libc.shmget(KEY, 4096, (0o1000 if create else 0) | 0o600)
    if shmid < 0:
        return None
    address = libc.shmat(shmid, None, 0)
    return None if address in (None, ctypes.c_void_p(-1).value) else (ctypes.c_char * 8).from_address(address)

shared = mmap.mmap(-1, 4096, flags=mmap.MAP_SHARED)
sysv = attach(True)
reader, writer = os.pipe()
os.set_blocking(reader, False)
with open("/tmp/kept.txt", "w") as handle:
    handle.write("kept")

def server(name, box):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind("\0" + name)
    while True:
        data, peer = sock.recvfrom(64)
        if data == b"?":
            sock.sendto(box[-1] if box else b"", peer)
        else:
            box.append(data)

threading.Thread(target=server, args=("stash-thread", []), daemon=True).start()

def ask(name, data=b"?"):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind("")
    sock.settimeout(0.3)
    try:
        sock.sendto(data, "\0" + name)
        return sock.recv(64) if data == b"?" else None
    except OSError:
        return None

def write(value):
    data = str(value).encode().ljust(8)

    def attempt(action, *args, **kwargs):
        try:
            action(*args, **kwargs)
        except Exception:
            pass

    attempt(shared.__setitem__, slice(0, 8), data)
    if sysv is not None:
        sysv[:8] = data
    segment = attach(True)
    if segment is not None:
        segment[:8] = data
    attempt(os.write, writer, data)
    ask("stash-thread", data)
    if os.fork() == 0:
        os.setsid()
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        server("stash-daemon", [data])
    attempt(os.setxattr, "/tmp", "user.stash", data)
    attempt(os.utime, "/tmp/kept.txt", None, ns=(value, value))
    with open("/dev/shm/stash", "wb") as handle:
        handle.write(data)
    time.sleep(0.3)
    return True

def read():
    found = {}
    found["MAP_SHARED"] = shared[:8]
    found["System V attached"] = sysv[:8] if sysv is not None else None
    segment = attach(False)
    found["System V by key"] = segment[:8] if segment is not None else None
    try:
        found["inherited pipe"] = os.read(reader, 8)
    except OSError:
        found["inherited pipe"] = None
    found["thread server"] = ask("stash-thread")
    found["background process"] = ask("stash-daemon")
    try:
        found["xattr"] = os.getxattr("/tmp", "user.stash")
    except OSError:
        found["xattr"] = None
    found["mtime"] = str(os.stat("/tmp/kept.txt").st_mtime_ns).encode().ljust(8)
    try:
        found["/dev/shm"] = open("/dev/shm/stash", "rb").read()
    except OSError:
        found["/dev/shm"] = None
    return {name: value.decode().strip() if value else None for name, value in found.items()}

def write_and_read(value):
    write(value)
    return read()
'''


@pytest.mark.skipif(isolation.detect() != "bubblewrap", reason="needs bubblewrap")
def test_nothing_an_earlier_graded_call_left_reaches_the_next():
    with Sandbox(call_timeout=5) as sandbox:
        run = sandbox.run_cell(CHANNELS)
        assert run.success, run.outputs
        sandbox.snapshot()
        student = SandboxStudent(sandbox)
        seen = student.call("write_and_read", 4242).value
        # The probe works: within one call, each place it can still reach holds the value;
        # the state kept neither the cell's thread nor its descriptors.
        assert {name for name, value in seen.items() if value == "4242"} == set(seen) - {
            "inherited pipe", "thread server"}
        assert seen["inherited pipe"] is None and seen["thread server"] is None
        assert student.call("write", 4243).value
        left = student.call("read").value
        assert not {name: value for name, value in left.items() if value and "424" in value}
        student.reset()
        assert not {name: value for name, value in student.call("read").value.items()
                    if value and "424" in value}


@pytest.mark.skipif(isolation.detect() != "bubblewrap", reason="needs bubblewrap")
def test_student_code_cannot_stop_or_kill_the_manager(box):
    run = box.run_cell("import os, signal\n"
                       "for number in (signal.SIGSTOP, signal.SIGKILL, signal.SIGINT, signal.SIGTERM, "
                       "signal.SIGSEGV):\n"
                       "    try:\n"
                       "        os.kill(1, number)\n"
                       "    except PermissionError:\n"
                       "        pass\n")
    assert run.success, run.outputs
    box.snapshot()
    student = SandboxStudent(box)
    assert student.call("double", 4).value == 8
    student.reset()
    assert box.alive()


@pytest.mark.skipif(isolation.detect() != "bubblewrap", reason="needs bubblewrap")
def test_only_size_limited_places_are_writable(box):
    run = box.run_cell(
        "import os\n"
        "for path in ('/stash', '/dev/stash', '/home/stash', '/opt/stash', '/dev/shm/stash', "
        "'/tmp/stash', '/home/student/stash'):\n"
        "    try:\n"
        "        open(path, 'w').close()\n"
        "        os.remove(path)\n"
        "        print(path, 'writable')\n"
        "    except OSError:\n"
        "        print(path, 'read-only')\n"
        "print(os.statvfs('/dev/shm').f_blocks * os.statvfs('/dev/shm').f_frsize)\n")
    lines = run.outputs[0]["text"].split("\n")
    assert lines[:7] == ["/stash read-only", "/dev/stash read-only", "/home/stash read-only",
                         "/opt/stash read-only", "/dev/shm/stash writable", "/tmp/stash writable",
                         "/home/student/stash writable"]
    assert int(lines[7]) <= 16 * 2**20


def test_a_fork_bomb_is_bounded_by_the_process_limit():
    limits = Limits(processes=40)
    with Sandbox(call_timeout=5, limits=limits) as sandbox:
        run = sandbox.run_cell(
            "import os, time\n"
            "children = 0\n"
            "try:\n"
            "    for _ in range(300):\n"
            "        if os.fork() == 0:\n"
            "            time.sleep(60)\n"
            "            os._exit(0)\n"
            "        children += 1\n"
            "except OSError as exc:\n"
            "    print('refused after', children, type(exc).__name__)\n", timeout=20)
        text = run.outputs[0]["text"] if run.outputs else ""
        assert text.startswith("refused after"), run.outputs
        assert int(text.split()[2]) < 40
        assert sandbox.run_cell("print('still here')").outputs[0]["text"] == "still here\n"


GHOST = """
import ctypes, os, threading, time

def haunt():
    \"\"\"Leave a process whose first thread has ended (a zombie to ``ps``) while
    another thread of it writes on; whether the file is there now.\"\"\"
    if os.fork() == 0:
        def write():
            while True:
                with open("/tmp/ghost.txt", "a") as handle:
                    handle.write("boo")
                time.sleep(0.01)
        threading.Thread(target=write).start()
        ctypes.CDLL(None).syscall(60, 0)  # SYS_exit: this thread only
    time.sleep(0.2)
    return os.path.exists("/tmp/ghost.txt")

def haunted():
    time.sleep(0.2)
    return os.path.exists("/tmp/ghost.txt")
"""


@pytest.mark.skipif(isolation.detect() != "bubblewrap" or not confine.SUPPORTED,
                    reason="needs bubblewrap; the system call's number is x86-64's")
def test_a_process_whose_first_thread_ended_is_ended_before_the_next_call_and_notebook():
    with Sandbox(call_timeout=5) as sandbox:
        assert sandbox.run_cell(GHOST).success
        sandbox.snapshot()
        student = SandboxStudent(sandbox)
        assert student.call("haunt").value  # the probe works
        assert not student.call("haunted").value
        assert sandbox.run_cell("haunt()").outputs[-1]["data"]["text/plain"] == "True"
        sandbox.reset()
        assert sandbox.run_cell(GHOST + "haunted()").outputs[-1]["data"]["text/plain"] == "False"


def test_a_graded_call_that_forks_to_the_limit_leaves_the_next_call_a_process():
    with Sandbox(call_timeout=5, limits=Limits(processes=40)) as sandbox:
        assert sandbox.run_cell(
            "import os, time\n"
            "def bomb():\n"
            "    children = 0\n"
            "    try:\n"
            "        while True:\n"
            "            if os.fork() == 0:\n"
            "                ballast = b'x' * 2**25  # an exit that takes a while\n"
            "                time.sleep(60)\n"
            "                os._exit(0)\n"
            "            children += 1\n"
            "    except OSError:\n"
            "        return children\n"
            "def double(x):\n"
            "    return 2 * x\n").success
        sandbox.snapshot()
        student = SandboxStudent(sandbox)
        for _ in range(6):
            assert 20 < student.call("bomb").value < 40
            assert student.call("double", 4).value == 8


def test_killing_many_processes_waits_until_their_pids_are_free():
    # Run apart: kill_descendants ends every process below the one that calls it.
    script = (
        "import os, sys, time\n"
        f"sys.path.insert(0, {str(course_root() / 'autograder' / 'sandbox')!r})\n"
        "import worker\n"
        "children = []\n"
        "for _ in range(12):\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        ballast = b'x' * 2**27  # an exit that takes a while\n"
        "        time.sleep(60)\n"
        "        os._exit(0)\n"
        "    children.append(pid)\n"
        "time.sleep(1)\n"
        "print(worker.FEW, worker.kill_descendants(os.getpid(), {os.getpid()}),\n"
        "      sum(os.path.exists(f'/proc/{pid}') for pid in children))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    few, killed, left = map(int, done.stdout.split())
    assert few < killed == 12 and left == 0, done.stderr


@pytest.mark.skipif(isolation.detect() != "bubblewrap", reason="needs bubblewrap")
def test_student_processes_cannot_reach_each_other(box):
    run = box.run_cell(
        "import os, resource, signal\n"
        "def attempt(action):\n"
        "    try:\n"
        "        action()\n"
        "        return 'ok'\n"
        "    except OSError as exc:\n"
        "        return exc.strerror\n"
        "print([attempt(lambda: os.kill(os.getppid(), signal.SIGUSR1)),\n"
        "       attempt(lambda: resource.prlimit(os.getppid(), resource.RLIMIT_NOFILE, (64, 256))),\n"
        "       attempt(lambda: os.setpriority(os.PRIO_PROCESS, os.getppid(), 5)),\n"
        "       attempt(lambda: os.sched_setaffinity(os.getppid(), {0})),\n"
        "       attempt(lambda: resource.prlimit(0, resource.RLIMIT_NOFILE)),\n"
        "       attempt(lambda: os.sched_setaffinity(0, os.sched_getaffinity(0))),\n"
        "       attempt(lambda: os.kill(os.getpid(), 0))])\n")
    refused = "Operation not permitted"
    assert run.outputs[0]["text"].strip() == str([refused] * 4 + ["ok"] * 3)


@pytest.mark.skipif(not confine.SUPPORTED, reason="the seccomp filter is x86-64's")
def test_student_code_has_no_kernel_asynchronous_io(box):
    # A write of it in flight could land after its process was killed and counted ended.
    run = box.run_cell("import ctypes\n"
                       "libc = ctypes.CDLL(None, use_errno=True)\n"
                       "context, params = ctypes.c_ulong(0), ctypes.create_string_buffer(120)\n"
                       "print([libc.syscall(206, 8, ctypes.byref(context)), ctypes.get_errno(),\n"
                       "       libc.syscall(425, 8, params), ctypes.get_errno()])\n")
    assert run.outputs[0]["text"].strip() == "[-1, 1, -1, 1]"


@pytest.mark.skipif(isolation.detect() != "bubblewrap", reason="needs bubblewrap")
def test_a_call_that_marks_the_state_stops_later_calls():
    with Sandbox(call_timeout=5) as sandbox:
        run = sandbox.run_cell(
            "import os\n"
            "def mark():\n"
            "    with open(f'/proc/{os.getppid()}/oom_score_adj', 'w') as handle:\n"
            "        handle.write('777')\n"
            "    return True\n"
            "def double(x):\n"
            "    return 2 * x\n")
        assert run.success, run.outputs
        sandbox.snapshot()
        student = SandboxStudent(sandbox)
        assert student.call("double", 2).value == 4
        assert student.call("mark").value
        with pytest.raises(StudentCrash, match="changed the notebook's process"):
            student.call("double", 2)


def test_preloaded_modules_are_imported_before_the_first_cell():
    with Sandbox(preload=["colorsys", "no_such_module_anywhere"]) as box:
        run = box.run_cell("import sys\nprint('colorsys' in sys.modules, 'wave' in sys.modules)")
    assert run.success
    assert run.outputs[0]["text"] == "True False\n"


def test_the_sandbox_preloads_what_the_source_notebooks_import():
    from autograder import imports
    assert imports.of_assignment(str(course_root() / "source" / "ps5_optimizers"))[-1] == \
        "sklearn.datasets"
    assert "sklearn.datasets" not in imports.of_assignment(
        str(course_root() / "source" / "ps3_rosenbrock"))


def test_malformed_outputs_a_cell_leaves_become_a_note(box):
    # The shell's list of outputs is within the student's reach: whatever is put
    # there, the cell's outputs are valid notebook outputs.
    run = box.run_cell("print('kept')\n"
                       "outputs = get_ipython().recorder.outputs\n"
                       "outputs += [7, {'output_type': 'stream', 'name': 'stdout'},\n"
                       "            {'output_type': 'error', 'ename': 'E', 'evalue': 'v', 'traceback': [1]},\n"
                       "            {'output_type': 'display_data', 'data': {'text/plain': 3}, 'metadata': {}}]\n")
    assert run.success
    assert run.outputs[0] == {"output_type": "stream", "name": "stdout", "text": "kept\n"}
    assert [o["text"] for o in run.outputs[1:]] == [client.outputs.NOTE["text"]] * 4


def test_only_the_notebooks_processes_are_held_to_the_cpu_limit():
    # The manager grades notebook after notebook: a limit on its own CPU time would
    # one day kill the grading of whichever notebook came then.
    with Sandbox(call_timeout=5, limits=Limits(cpu=321)) as sandbox:
        run = sandbox.run_cell("import resource\n"
                               "print(resource.getrlimit(resource.RLIMIT_CPU))\n"
                               f"print(open('/proc/{sandbox.manager.pid}/limits').read())")
        assert run.success, run.outputs
        text = run.outputs[0]["text"]
        assert text.startswith("(321, 321)")
        cpu = next(line for line in text.splitlines() if line.startswith("Max cpu time"))
        assert cpu.split()[3:5] == ["unlimited", "unlimited"], cpu


def test_a_named_tuple_crosses_as_a_tuple_and_is_watched_like_one(student):
    """A named tuple (whose class wants its fields one by one) is kept and compared
    like a tuple: returned again and again it is fine; a later call that edits what it
    returned is caught."""
    from autograder.failures import ResultChanged
    from autograder.pure import check_each
    result = student.call("pair", np.array([1.0, 2.0]))
    assert result.value[0] == 3.0 and np.array_equal(result.value[1][0], [2.0, 4.0])
    student.reset()
    with pytest.raises(ResultChanged, match=r"pair changed, in a later call, what it had returned from call 1 "):
        check_each(student, "pair", [((np.ones(2),), {}), ((np.ones(3),), {})],
                   lambda result, args, kwargs: result.value)


def test_an_array_a_later_call_changes_fails_that_call(student):
    from autograder.failures import ResultChanged
    from autograder.pure import check_each
    assert student.call("same", np.ones(2)).aliased == ["argument 1"]
    assert student.call("fresh", np.ones(2)).aliased == []
    calls = [((np.array([1.0, 2.0]),), {}), ((np.array([3.0, 4.0]),), {}), ((np.array([1.0, 2.0]),), {})]
    # Returning a cached array again, or an argument itself, changes nothing held before.
    for name, factor in (("memo", 2), ("same", 1), ("fresh", 2)):
        values = check_each(student, name, calls, lambda result, args, kwargs: result.value.tolist())
        assert values == [[factor * v for v in args[0]] for args, _ in calls]
    with pytest.raises(ResultChanged, match=r"buffered changed, in a later call, what it had returned from call 1 "):
        check_each(student, "buffered", calls, lambda result, args, kwargs: result.value)


@pytest.mark.skipif(isolation.detect() != "bubblewrap", reason="needs bubblewrap")
def test_the_grader_checks_from_outside_that_the_state_is_clean():
    """The state's own report and its clean-up run in the student's process: a cell
    that makes the report lie, or the clean-up do nothing, stops the graded calls,
    which the grader checks from outside before each one starts."""
    lie = ("import sys, mmap\n"
           "def lie():\n"
           "    frame = sys._getframe(1)\n"
           "    while not (frame.f_code.co_name == 'op_run_cell' and '{name}' in frame.f_globals):\n"
           "        frame = frame.f_back\n"
           "    frame.f_globals['{name}'] = {value}\n"
           "lie()\n"
           "shared = mmap.mmap(-1, 4096)\n")
    for name, value, message in (("is_clean", "lambda fd: True", "said its process was clean"),
                                 ("make_clean", "lambda fd: None", "clean-up of it did not remove")):
        with Sandbox(call_timeout=5) as box:
            assert box.run_cell("def double(x):\n    return 2 * x").success
            assert box.outside.clean(box.state.pid) is True
            student = SandboxStudent(box, graded=("double",))
            assert student.call("double", 2).value == 4
            assert box.run_cell(lie.format(name=name, value=value)).success
            assert box.outside.clean(box.state.pid) is False
            with pytest.raises(StudentCrash, match=message):
                student.call("double", 2)


@pytest.mark.skipif(isolation.detect() != "bubblewrap", reason="needs bubblewrap")
def test_the_state_is_stopped_while_calls_run_and_no_process_makes_a_namespace():
    """No code of the student's runs in the notebook's state while a graded call does,
    and no process can enter a PID namespace of its own to pass for another."""
    with Sandbox(call_timeout=5) as box:
        assert box.run_cell(
            "import ctypes, os\n"
            "libc = ctypes.CDLL(None, use_errno=True)\n"
            "refused = libc.syscall(56, 0x10000000 | 0x20000000 | 17, 0, 0, 0, 0), ctypes.get_errno()\n"
            "def state_of(pid):\n"
            "    with open(f'/proc/{pid}/stat') as stat:\n"
            "        return stat.read().rsplit(')', 1)[1].split()[0]\n"
            "def parent_state():\n"
            "    return state_of(os.getppid())\n").success
        assert box.run_cell("assert refused == (-1, 1), refused").success
        student = SandboxStudent(box, graded=("parent_state",))
        assert student.call("parent_state").value in ("T", "t")
        assert box.run_cell("assert state_of(os.getpid()) == 'R'").success
