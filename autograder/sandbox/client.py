"""The grader's side of a sandbox: start it, run cells, make graded calls.

>>> box = Sandbox().start()                                   # doctest: +SKIP
>>> box.run_cell("def double(x):\\n    return 2 * x").success  # doctest: +SKIP
True
>>> child = box.new_call_process("double")                   # doctest: +SKIP
>>> box.invoke(child, {"op": "call", "target": {"name": "double"},
...                    "args": [21]}, "double", [])["value"]     # doctest: +SKIP
42
"""

import dataclasses
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

from . import cgroup, isolation, outputs, wire
from .outside import Outside
from .calls import generator_states
from .. import budget
from ..failures import OutOfTime, StudentCrash, StudentTimeout


@dataclasses.dataclass
class Limits:
    """Resource limits of one sandbox (bytes and seconds)."""

    memory: int = 3 * 2**30
    cpu: int = 600
    file_size: int = 64 * 2**20
    open_files: int = 256
    processes: int = 64  # RLIMIT_NPROC, or a pids cgroup when the grader is root
    tmpfs: int = 128 * 2**20
    shm: int = 16 * 2**20
    start_timeout: float = 60.0

    def rlimits(self):
        limits = {"AS": self.memory, "CPU": self.cpu, "FSIZE": self.file_size,
                  "NOFILE": self.open_files, "CORE": 0, "MSGQUEUE": 0}
        if os.geteuid() != 0:
            limits["NPROC"] = self.processes
        return limits


#: Seconds of cells after which the state is checkpointed: what rebuilding it after
#: a cell that hangs or crashes costs at most, besides that cell.
REPLAY_SECONDS = 1.0


@dataclasses.dataclass
class CellRun:
    outputs: list
    success: bool
    execution_count: int = None


#: Why graded calls are refused when a clean-up of the state left it unclean.
UNCLEAN = ("the notebook's code kept a thread, a descriptor or shared memory in its process "
           "that the grader's clean-up of it did not remove, or said its process was clean "
           "when it was not")
#: Why graded calls are refused when a fork for one is not what it should be.
FORGED = ("the notebook's code changed how its process starts a graded call (the call's "
          "process, or the notebook's after the fork, is not as the grader made it)")


class _Timeout(Exception):
    pass


class _Gone(Exception):
    pass


class Endpoint:
    """One sandboxed process, reached over its own socket."""

    def __init__(self, sock, pid):
        self.sock = sock
        self.pid = pid

    def request(self, message, timeout, callables=None, adopt=None):
        """Send a request and serve callbacks until its reply; raises on trouble.

        ``callables`` are the grader-side functions the request's proxies name;
        ``adopt`` turns student-side handles in a callback's arguments into
        something callable here.
        """
        callables = [] if callables is None else callables
        self.adopt = adopt or (lambda value: value)
        deadline = time.monotonic() + timeout
        try:
            # Sends are held to the deadline too: a process that stops reading fills
            # the socket's buffer, and a send without a time limit would wait forever.
            self._until(deadline)
            wire.send(self.sock, message, callables)
            while True:
                self._until(deadline)
                reply = wire.recv(self.sock)
                if isinstance(reply, dict) and reply.get("op") == "callback":
                    self._callback(reply, callables, deadline)
                else:
                    return reply
        except socket.timeout:
            raise _Timeout() from None
        except (EOFError, OSError, wire.WireError) as exc:
            raise _Gone(str(exc)) from None

    def _until(self, deadline):
        self.sock.settimeout(max(deadline - time.monotonic(), 0.001))

    def _callback(self, request, callables, deadline):
        try:
            function = callables[int(request["id"])]
            args = [self.adopt(a) for a in request.get("args", [])]
            kwargs = {k: self.adopt(v) for k, v in request.get("kwargs", {}).items()}
            value = function(*args, **kwargs)
            reply = {"status": "ok", "value": wire.materialize(value), "lazy": wire.is_lazy(value),
                     "rngs": generator_states(args, kwargs)}
        except Exception as exc:  # the reference refusing a student's input is data
            reply = {"status": "error", "error": {"type": type(exc).__name__, "message": str(exc)}}
        self._until(deadline)
        wire.send(self.sock, reply, callables)

    def fork(self, timeout=10.0, clean=False, confine=False):
        reply = self.request({"op": "fork", "clean": clean, "confine": confine}, timeout)
        if not isinstance(reply, dict) or reply.get("status") != "ok":
            raise _Gone(f"it could not fork: {reply}")
        self.sock.settimeout(timeout)
        try:
            _, fds, _, _ = socket.recv_fds(self.sock, 1, 1)
        except socket.timeout:
            raise _Timeout() from None
        except OSError as exc:
            raise _Gone(str(exc)) from None
        if not fds:
            raise _Gone("no socket came back from fork")
        return Endpoint(socket.socket(fileno=fds[0]), reply["pid"])

    def tell(self, message, timeout=1.0):
        """Send without waiting for a reply (``exit``), for at most ``timeout`` seconds."""
        try:
            self.sock.settimeout(timeout)
            wire.send(self.sock, message)
        except (OSError, wire.WireError):
            pass

    def close(self):
        self.tell({"op": "exit"})
        self.sock.close()


class Sandbox:
    """A notebook's isolated processes: run its cells, then call its functions.

    Cells run one after another in the notebook's *state* process, as in a kernel.
    A cell that hangs or kills its process is dropped and the notebook carries on
    from the state before it: the state is rebuilt from its last *checkpoint* (an
    idle fork of the state, taken at the start and after every
    :data:`REPLAY_SECONDS` of cells) by putting the files back as they were then
    and running the cells since again. After a cell that leaves a thread, a
    descriptor or shared memory, the state is a clean fork of the process that ran
    it. Each graded call runs in a fork of the state, and before it every other
    process is killed and the writable files are put back: a call sees the
    notebook's state and nothing an earlier call left.
    """

    def __init__(self, files=None, level=None, limits=None, call_timeout=10.0, log=None,
                 preload=()):
        self.level = isolation.detect(level)
        self.preload = tuple(preload)
        self.limits = limits or Limits()
        self.call_timeout = call_timeout
        self.files = files
        self.log = log
        self.proc = None
        self.manager = None
        self.state = None
        self.checkpoint = None
        self.since = []  # (source, timeout, seconds) of the cells run since the checkpoint
        self.live = []
        self._dirs = []
        self.group = None
        self.outside = None
        self.stopped = set()
        self.dirty = False
        self.broken = False
        self.tampered = ""

    # -- life cycle -------------------------------------------------------
    def start(self):
        staging = tempfile.mkdtemp(prefix="grading-files-")
        workdir = tempfile.mkdtemp(prefix="grading-work-")
        tmpdir = tempfile.mkdtemp(prefix="grading-tmp-")
        self._dirs = [staging, workdir, tmpdir]
        self._stage(self.files)
        ours, theirs = socket.socketpair()
        config = {"rlimits": self.limits.rlimits(), "preload": list(self.preload)}
        sizes = {"tmpfs": self.limits.tmpfs, "shm": self.limits.shm}
        argv, env, preexec = isolation.command(self.level, theirs.fileno(), config, staging,
                                               workdir, tmpdir, sizes)
        self.group = cgroup.PidsGroup.create(self.limits.processes) if os.geteuid() == 0 else None
        if self.group is not None:
            preexec = _both(self.group.enter, preexec)
        self.proc = subprocess.Popen(argv, env=env, pass_fds=[theirs.fileno()], preexec_fn=preexec,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        theirs.close()
        ours.settimeout(self.limits.start_timeout)
        try:
            hello = wire.recv(ours)
        except (OSError, EOFError, wire.WireError) as exc:
            detail = self._stderr()
            self.close()
            raise RuntimeError(f"the sandbox did not start ({exc}): {detail}") from None
        self.manager = Endpoint(ours, hello["pid"])
        if self.level == "bubblewrap":
            self.outside = Outside(self.proc.pid)
        self._new_state()
        return self

    def _stage(self, files):
        """Put a notebook's other files (not notebooks) in the staging area."""
        staging = self._dirs[0]
        for name in os.listdir(staging):
            path = os.path.join(staging, name)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
        if files and os.path.isdir(files):
            for name in os.listdir(files):
                path = os.path.join(files, name)
                if os.path.isfile(path) and not name.endswith(".ipynb"):
                    shutil.copy(path, staging)

    def reset(self, files=None):
        """Make this sandbox ready for another notebook, as if it were new."""
        for endpoint in (self.state, self.checkpoint, *self.live):
            if endpoint is not None:
                endpoint.close()
        self.live = []
        self.files = files
        self._stage(files)
        self.manager.request({"op": "reset"}, 60)
        self.stopped = set()
        self.dirty = self.broken = False
        self.tampered = ""
        self._new_state()
        return self

    def _new_state(self):
        self.state = self.manager.fork(clean=True, confine=True)
        self.checkpoint = None
        self._take_checkpoint()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None and not self.broken

    def _stderr(self):
        try:
            self.proc.kill()
            return self.proc.communicate(timeout=5)[1].decode(errors="replace")[-2000:]
        except Exception:
            return ""

    def close(self):
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            self.proc.kill()
        if self.proc is not None:
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            if self.proc.stderr:
                self.proc.stderr.close()
        for endpoint in (self.manager, self.state, self.checkpoint, *self.live):
            if endpoint is not None:
                endpoint.sock.close()
        for path in self._dirs:
            shutil.rmtree(path, ignore_errors=True)
        if self.group is not None:
            self.group.remove()
            self.group = None
        self.proc = self.manager = self.state = self.checkpoint = None
        self.live = []

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    # -- cells --------------------------------------------------------------
    def run_cell(self, source, timeout=30.0):
        """Run one cell in the state; if it hangs or kills it, rebuild the state
        as it was before the cell."""
        if self.state is None:
            return CellRun([_error("DeadKernel", "the notebook's process is gone: an earlier "
                                   "cell broke it and it could not be rebuilt")], False)
        timeout, short = budget.cap(timeout)
        if short and timeout <= 0:
            return CellRun([self._out_of_time(source, "before this cell ran")], False)
        self.dirty = True
        self._resume(self.state)
        started = time.monotonic()
        try:
            reply = self.state.request({"op": "run_cell", "source": source}, timeout)
        except _Timeout:
            self._rebuild()
            if short:
                return CellRun([self._out_of_time(source, "while this cell ran")], False)
            return CellRun([_error("CellTimeoutError",
                                   f"the cell did not finish within {timeout:g} s and was stopped; "
                                   "the next cells run without its effects")], False)
        except _Gone as exc:
            self._rebuild()
            return CellRun([_error("DeadKernel",
                                   "the cell stopped its process (sys.exit in a thread, os._exit, "
                                   "memory exhausted or a crash); the next cells run without "
                                   f"its effects ({exc})")], False)
        if not self._clean(self.state, reply):
            try:
                self.state = self._cleaned(self.state)
            except (_Timeout, _Gone):
                self._rebuild()
                return CellRun([_error("DeadKernel", "the cell left its process unable to go on "
                                       "(it stopped answering after the cell ran); the next "
                                       "cells run without its effects")], False)
        self.since.append((source, timeout, time.monotonic() - started))
        if sum(seconds for _, _, seconds in self.since) > REPLAY_SECONDS:
            self._take_checkpoint()
        return CellRun(outputs.clean(reply.get("outputs", [])), reply.get("success") is True,
                       outputs.count(reply.get("execution_count")))

    @staticmethod
    def _out_of_time(source, when):
        lines = [line.strip() for line in source.splitlines() if line.strip()]
        return _error("SubmissionTimeout",
                      budget.ran_out(f"at the cell `{lines[0][:60] if lines else ''}`", when))

    @staticmethod
    def _clean(state, reply):
        """Whether a cell left ``state`` clean, by its own report. The report comes from
        the student's process: the grader checks the state from outside before any
        graded call starts from it (:meth:`_hold`), and at each checkpoint (:meth:`_park`)."""
        return reply.get("clean") is True

    def _seen_clean(self, endpoint):
        return self.outside.clean(endpoint.pid) if self.outside is not None else None

    def _cleaned(self, state):
        """A clean fork of a state a cell left a thread, a descriptor or shared memory
        in; the cell's processes end first, so a fork bomb leaves a PID for the fork.
        The clean-up runs in the student's process: where the grader sees that it left
        the fork unclean, no graded call is made from it."""
        self._kill_strays(keep=(self.checkpoint, state))
        clean = state.fork(clean=True)
        state.close()
        clean.request({"op": "ping"}, 10)
        if self._seen_clean(clean) is False:
            self.tampered = UNCLEAN
        return clean

    def _take_checkpoint(self):
        """An idle fork of the state and a snapshot of the files, to rebuild from."""
        try:
            try:
                checkpoint = self.state.fork()
            except _Gone:  # out of processes: end those the cells left, once
                self._kill_strays()
                checkpoint = self.state.fork()
        except (_Timeout, _Gone):
            return  # the last checkpoint stays, with more cells to run again
        try:
            self.manager.request({"op": "snapshot", "name": "checkpoint"}, 30)
        except (_Timeout, _Gone):
            checkpoint.close()
            return
        if self.checkpoint is not None:
            self.checkpoint.close()
        self.checkpoint, self.since = checkpoint, []
        self._park(checkpoint)

    def _rebuild(self):
        """The state as it was before the cell that broke it: a fork of the checkpoint,
        the files put back as they were then, and the cells since run again."""
        for endpoint in (self.state, *self.live):
            endpoint.sock.close()
        self.state, self.live = None, []
        state = None
        try:
            if self.checkpoint is None:
                raise _Gone("no checkpoint")
            self.manager.request({"op": "settle", "keep": [self.checkpoint.pid],
                                  "restore": "checkpoint"}, 30)
            self._resume(self.checkpoint)
            state = self.checkpoint.fork()
            self._park(self.checkpoint)
            for source, timeout, _ in self.since:
                if not self._clean(state, state.request({"op": "run_cell", "source": source}, timeout)):
                    state = self._cleaned(state)
        except (_Timeout, _Gone):
            if state is not None:
                state.sock.close()
            if self.log:
                self.log.error("the notebook's state could not be rebuilt after a cell broke it; "
                               "its remaining cells and graded calls fail")
            return
        self.state = state

    def _kill_strays(self, keep=None):
        keep = (self.state, self.checkpoint) if keep is None else keep
        self.manager.request({"op": "settle", "keep": [e.pid for e in keep if e is not None],
                              "restore": None}, 30)

    # -- graded calls -----------------------------------------------------
    def snapshot(self):
        self.manager.request({"op": "snapshot"}, 30)

    def settle(self):
        """End every process but the state and its checkpoint, put the files back,
        remove IPC objects."""
        for endpoint in self.live:
            endpoint.close()
        self.live = []
        if self.broken:
            return
        try:
            reply = self.manager.request({"op": "settle", "keep": self._kept()}, 30)
            self.dirty = False
            self.tampered = self.tampered or reply.get("tampered", "")
        except (_Timeout, _Gone):
            self.broken = True
            if self.log:
                self.log.error("the sandbox manager did not answer; the notebook's remaining "
                               "graded calls fail")

    def new_call_process(self, name):
        """A fresh copy of the notebook's state for one graded call (and the calls of
        the handles it returns): whatever earlier calls left is gone first."""
        if self.dirty:
            self.settle()
        self._usable(name)
        if self.state is None:
            raise StudentCrash(name, "the notebook's process is gone")
        self._resume(self.state)
        try:
            child = self.state.fork()
        except (_Timeout, _Gone):
            raise StudentCrash(name, "the notebook's process is gone") from None
        self.dirty = True
        self.live.append(child)
        self._hold(child, name)
        return child

    def _hold(self, child, name):
        """Stop the state while ``child`` serves graded calls, so that no code of the
        student's runs there to see what a call does, and check from outside that the
        fork left the state clean and that ``child`` is a process of its own."""
        if self.outside is None:
            return
        try:
            # Each answers once it is done with the fork (the state closes its copies of
            # the new socket after sending it).
            child.request({"op": "ping"}, self.call_timeout)
            self.state.request({"op": "ping"}, self.call_timeout)
        except (_Timeout, _Gone):
            self.tampered = FORGED
            raise StudentCrash(name, FORGED) from None
        if not self._stop(self.state) or self.outside.call_process(child.pid, self.state.pid) is False:
            self.tampered = FORGED
        elif self.outside.clean(self.state.pid) is False:
            self.tampered = UNCLEAN
        if self.tampered:
            raise StudentCrash(name, self.tampered)

    def _park(self, checkpoint):
        """Stop the checkpoint, which lives across graded calls, and check from outside
        that it holds nothing a call could leave a mark in (it runs student code too)."""
        if self.outside is None:
            return
        try:
            checkpoint.request({"op": "ping"}, 10)
        except (_Timeout, _Gone):
            self.tampered = UNCLEAN
            return
        if not self._stop(checkpoint) or self.outside.clean(checkpoint.pid) is False:
            self.tampered = UNCLEAN

    def _stop(self, endpoint):
        if self.outside is None or endpoint is None:
            return True
        if self.outside.stop(endpoint.pid):
            self.stopped.add(endpoint.pid)
            return True
        return False

    def _resume(self, endpoint):
        if endpoint is not None and endpoint.pid in self.stopped:
            self.stopped.discard(endpoint.pid)
            self.outside.resume(endpoint.pid)

    def untouched(self, name):
        """Before a further call in a process that has made graded calls already
        (:meth:`~autograder.student.Student.call_each`): the checks :meth:`settle` makes
        of the notebook's state before each fork, without ending that process."""
        if not (self.broken or self.tampered):
            try:
                reply = self.manager.request({"op": "inspect", "keep": self._kept()}, 30)
                self.tampered = reply.get("tampered", "")
            except (_Timeout, _Gone):
                self.broken = True
        self._usable(name)

    def _kept(self):
        """The processes graded calls must leave as they were: the state and its checkpoint."""
        return [e.pid for e in (self.state, self.checkpoint) if e is not None]

    def _usable(self, name):
        if self.broken:
            raise StudentCrash(name, "the notebook's sandbox stopped answering")
        if self.tampered:
            raise StudentCrash(name, self.tampered + "; no later graded call can start from "
                               "a clean state, so none is made")

    def invoke(self, endpoint, message, name, callables, timeout=None, adopt=None):
        """Send one call request to ``endpoint``; the raw reply, or a failure."""
        timeout, short = budget.cap(self.call_timeout if timeout is None else timeout)
        if short and timeout <= 0:
            raise OutOfTime(budget.ran_out(f"before a call of {name}", f"before {name} was called"))
        try:
            return endpoint.request(message, timeout, callables, adopt)
        except _Timeout:
            self._kill(endpoint)
            if short:
                raise OutOfTime(budget.ran_out(f"in a call of {name}", f"while {name} ran")) from None
            raise StudentTimeout(name, timeout) from None
        except _Gone as exc:
            self._kill(endpoint)
            raise StudentCrash(name, str(exc) or "its process stopped") from None

    def _kill(self, endpoint):
        if endpoint in self.live:
            self.live.remove(endpoint)
        endpoint.sock.close()
        self.settle()


def _both(first, second):
    """A ``preexec_fn`` running ``first`` then ``second`` (if any)."""
    def run():
        first()
        if second is not None:
            second()
    return run


def _error(ename, evalue):
    return {"output_type": "error", "ename": ename, "evalue": evalue,
            "traceback": [f"{ename}: {evalue}"]}
