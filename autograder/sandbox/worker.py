"""The sandboxed side of grading: runs a notebook's cells and graded calls.

Started by the grader (``python -I worker.py FD``) inside the sandbox, with a
Unix socket on file descriptor ``FD``. The first process, the *manager*, never
runs student code: it forks the processes that do, and on request kills strays
and puts the writable directories back as they were. Every process serves the
same requests (see :func:`serve`):

``fork``
    Fork; the child serves a new socket, sent back over this one (a graded call's
    copy of the state, or a checkpoint of the state to rebuild it from). With
    ``clean``, the child is made fit to be the notebook's state (see
    :func:`make_clean`): no thread, descriptor or shared memory of the student's
    survives into it. With ``confine``, the child and all it forks get the seccomp
    filter of ``confine.py`` (asked for the notebook's first state).
``run_cell``
    Run one cell in this process's shell; answer with its outputs.
``call``
    Run one graded call (see ``calls.CallRunner``).
``settle``
    (Manager) kill every process but the ones named; unless ``restore`` is
    null, also put back the snapshot it names (``"calls"`` by default) and remove
    System V IPC objects. After the ``"calls"`` snapshot, says whether the named
    processes were tampered with (see ``inspect``).
``snapshot``
    (Manager) remember the writable directories' files under a name: ``"calls"``
    (what every graded call starts from) or ``"checkpoint"``.
``exit``
    End this process.

Only the standard library, numpy, matplotlib and IPython are imported here.
"""

import gc
import os
import resource
import signal
import socket
import stat
import sys

here = os.path.dirname(os.path.abspath(__file__))
if here not in sys.path:
    sys.path.insert(0, here)

import confine  # noqa: E402
from maps import maps_shared  # noqa: E402
import wire  # noqa: E402
from calls import CallRunner, advance_generators, describe_exception, _rebuild_exception  # noqa: E402


class Process:
    """One sandboxed process's state: its socket, shell and call runner."""

    def __init__(self, chan, config):
        self.chan = chan
        self.config = config
        self.shell = None
        self.runner = None
        self.snapshots = {}
        self.baselines = {}
        self.cwd = config["cwd"]  # by path: a folder removed and put back is a new one

    # -- requests -------------------------------------------------------
    def op_fork(self, request):
        _reap()  # children killed since: zombies still hold PIDs
        mine, theirs = socket.socketpair()
        gc.freeze()  # the child then copies no page just to count references
        pid = os.fork()
        if pid == 0:
            self.chan.close()
            theirs.close()
            self.chan = _out_of_the_way(mine)
            self.runner = None
            limit(self.config, names=("CPU",))
            signal.signal(signal.SIGINT, signal.default_int_handler)
            try:
                os.chdir(self.cwd)  # the folder there now, if a call removed it and it was restored
            except OSError:
                pass
            if request.get("clean"):
                make_clean(keep_fd=self.chan.fileno())
            if request.get("confine"):
                confine.install()
            serve(self)
        mine.close()
        wire.send(self.chan, {"status": "ok", "pid": pid})
        socket.send_fds(self.chan, [b"\0"], [theirs.fileno()])
        theirs.close()
        return None

    def op_run_cell(self, request):
        outputs, ok = self.ensure_shell().run(request["source"])
        _reap()
        try:
            self.cwd = os.getcwd()
        except OSError:
            pass
        return {"status": "ok", "outputs": outputs, "success": ok,
                "execution_count": self.shell.execution_count - 1,
                "clean": is_clean(self.chan.fileno())}

    def op_ping(self, request):
        """Answer once every request before it is done (a clean fork's clean-up too)."""
        return {"status": "ok"}

    def op_call(self, request):
        if self.runner is None:
            self.runner = CallRunner(self.ensure_shell().user_ns, self.callback)
        return self.runner.run(request["target"], request.get("args", []),
                               request.get("kwargs", {}), request.get("rebind"))

    def op_settle(self, request):
        keep = {os.getpid(), *map(int, request.get("keep", []))}
        files = request.get("restore", "calls")
        # Without files to put back, this ends the cells' strays to free PIDs for a fork:
        # wait until they are free.
        killed = kill_descendants(os.getpid(), keep, exiting_ends=files is not None)
        if files is None:
            return {"status": "ok", "killed": killed}
        _remove_ipc()
        restore(self.config["writable"], self.snapshots[files])
        tampered = self.inspect(request.get("keep", [])) if files == "calls" else ""
        return {"status": "ok", "killed": killed, "tampered": tampered}

    def op_inspect(self, request):
        """(Manager) :meth:`inspect` alone: nothing is ended or put back."""
        return {"status": "ok", "tampered": self.inspect(request.get("keep", []))}

    def inspect(self, pids):
        """What has changed in the kept processes (the state and its checkpoint) since
        the graded calls' snapshot, that a graded call could have changed from outside;
        ``""`` when nothing has."""
        seen = {int(pid): _attributes(int(pid)) for pid in pids}
        self.baselines = {pid: self.baselines.get(pid, now) for pid, now in seen.items()}
        for pid, now in seen.items():
            if now.get("threads", 1) > 1:
                return ("the notebook's process is running a thread of yours between graded "
                        "calls (started by a fork hook, a signal handler or a timer)")
            changed = sorted(k for k in now if k != "threads" and now[k] != self.baselines[pid][k])
            if changed:
                return ("a graded call changed the notebook's process from outside "
                        f"({', '.join(changed)})")
        return ""

    def op_reset(self, request):
        """(Manager) forget the last notebook: no process, no file of it is left,
        and the next notebook's files are in place."""
        killed = kill_descendants(os.getpid(), {os.getpid()}, exiting_ends=False)
        _remove_ipc()
        restore(self.config["writable"], self.pristine)
        copy_files(self.config)
        self.snapshots = {"calls": take_snapshot(self.config["writable"])}
        self.baselines = {}
        return {"status": "ok", "killed": killed}

    def op_snapshot(self, request):
        name = request.get("name", "calls")
        if name not in ("calls", "checkpoint"):
            raise ValueError(f"no snapshot is called {name!r}")
        self.snapshots[name] = take_snapshot(self.config["writable"])
        if name == "calls":
            self.baselines = {}  # the cells since may change their own process
        return {"status": "ok", "files": len(self.snapshots[name])}

    def op_exit(self, request):
        os._exit(0)

    # -- helpers --------------------------------------------------------
    def ensure_shell(self):
        if self.shell is None:
            self.shell = make_shell()
        return self.shell

    def callback(self, proxy_id, args, kwargs):
        wire.send(self.chan, {"op": "callback", "id": proxy_id, "args": args, "kwargs": kwargs})
        reply = wait_reply(self)
        if reply.get("status") == "ok":
            advance_generators(args, kwargs, reply.get("rngs"))
            value = self.runner.localize(reply.get("value"))
            return iter(value) if reply.get("lazy") and isinstance(value, list) else value
        raise _rebuild_exception(reply.get("error", {}))


def wait_reply(process):
    """Serve nested requests until the reply to ours arrives."""
    while True:
        message = wire.recv(process.chan)
        if isinstance(message, dict) and "op" in message:
            answer(process, message)
        else:
            return message


def answer(process, request):
    handler = getattr(process, "op_" + str(request.get("op")), None)
    if handler is None:
        reply = {"status": "error", "error": {"type": "ValueError", "message": "unknown request"}}
    else:
        try:
            reply = handler(request)
        except wire.WireError as exc:
            reply = {"status": "unplain", "message": str(exc)}
        except BaseException as exc:  # noqa: B036
            reply = {"status": "error", "error": describe_exception(exc)}
    if reply is not None:
        try:
            wire.send(process.chan, reply)
        except wire.WireError as exc:
            wire.send(process.chan, {"status": "unplain", "message": str(exc)})


def serve(process):
    """Answer requests until the grader hangs up; never returns."""
    try:
        while True:
            answer(process, wire.recv(process.chan))
    except BaseException:  # noqa: B036 -- the grader hung up or the stream broke
        pass
    os._exit(0)


def _out_of_the_way(sock):
    """``sock`` moved to the highest descriptor allowed, so that a number the
    student's code kept of a descriptor it has closed never names the channel."""
    try:
        high = resource.getrlimit(resource.RLIMIT_NOFILE)[0] - 1
        if sock.fileno() >= high or high > 1 << 16:
            return sock
        os.dup2(sock.fileno(), high)
    except (OSError, ValueError):
        return sock
    sock.close()
    return socket.socket(fileno=high)


def _reap():
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


#: How many killed processes :func:`kill_descendants` may leave exiting.
FEW = 4


def kill_descendants(root, keep, exiting_ends=True, passes=200):
    """SIGKILL every process below ``root`` but those in ``keep``, again and again
    until none is left that can run code (a process may fork while the first ones
    die); how many were killed.

    With ``exiting_ends``, up to :data:`FEW` of them may still be exiting on return,
    giving their memory back while the next call starts. Otherwise, and when more
    were killed (a fork bomb), they are waited for until they are zombies and reaped,
    their PIDs free again for the next fork.
    """
    killed = set()
    for _ in range(passes):
        victims = _descendants(root, keep, exiting_ends and len(killed) <= FEW)
        if not victims:
            break
        for pid in victims:
            try:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            except OSError:
                pass
        _reap()
    _reap()  # those found ended by the last pass
    return len(killed)


#: ``PF_EXITING`` in /proc/<pid>/stat's flags: the thread is in the kernel's exit and
#: will not run code again, whatever it has left to free.
EXITING = 0x4


def _ended(fields, exiting_ends):
    """Whether the process of these /proc/<pid>/stat fields (after the name) will never
    run code again: its one remaining thread is a zombie or, if ``exiting_ends`` and
    the seccomp filter refuses the kernel's asynchronous I/O (so no write of it lands
    later), exiting.

    A process whose first thread has ended shows as a zombie while its other threads
    run on. An exiting process may take milliseconds to give its memory back; the next
    graded call need not wait for that.
    """
    if int(fields[17]) != 1:
        return False
    return fields[0] in (b"Z", b"X") or (exiting_ends and confine.SUPPORTED
                                         and bool(int(fields[6]) & EXITING))


def _descendants(root, keep, exiting_ends):
    """The processes below ``root``, but those in ``keep``, that may still run code
    (or, unless ``exiting_ends``, have not finished exiting)."""
    parents, ended = {}, set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
                if _ended(fields, exiting_ends):
                    ended.add(int(entry))
            except (OSError, IndexError, ValueError):
                pass

    def below_root(pid):
        seen = set()
        while pid in parents and pid not in seen:
            seen.add(pid)
            pid = parents[pid]
            if pid == root:
                return True
        return False

    return [pid for pid in parents if pid not in keep | ended and pid != root
            and below_root(pid)]


#: Files in /proc/<pid>/ the same user may write for another process of theirs.
WRITABLE_ATTRIBUTES = ("oom_score_adj", "coredump_filter", "autogroup", "timerslack_ns")


def _attributes(pid):
    """A process's thread count and the attributes others may change."""
    found = {}
    try:
        found["threads"] = len(os.listdir(f"/proc/{pid}/task"))
    except OSError:
        pass
    for name in WRITABLE_ATTRIBUTES:
        try:
            with open(f"/proc/{pid}/{name}", "rb") as handle:
                found[name] = handle.read(256)
        except OSError:
            found[name] = None
    return found


def _walk(top):
    """``os.walk`` of one filesystem: mounts below ``top`` (Python's own files when
    the course lives under /tmp) are neither copied nor cleaned."""
    device = os.stat(top).st_dev
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))
                       and os.stat(os.path.join(dirpath, d)).st_dev == device]
        yield dirpath, dirnames, filenames


def take_snapshot(directories):
    """The writable directories' files and folders: content (files), mode and times."""
    snapshot = {}
    for top in directories:
        for dirpath, dirnames, filenames in _walk(top):
            snapshot[dirpath] = _Entry.of(dirpath, None)
            for name in filenames:
                path = os.path.join(dirpath, name)
                try:
                    if os.path.isfile(path) and not os.path.islink(path):
                        with open(path, "rb") as handle:
                            snapshot[path] = _Entry.of(path, handle.read(64 * 2**20))
                except OSError:
                    pass
    return snapshot


class _Entry:
    """A file's content (``None`` for a folder), mode and times, as snapshot."""

    __slots__ = ("content", "mode", "times")

    def __init__(self, content, mode, times):
        self.content, self.mode, self.times = content, mode, times

    @classmethod
    def of(cls, path, content):
        info = os.lstat(path)
        return cls(content, info.st_mode & 0o7777, (info.st_atime_ns, info.st_mtime_ns))


def restore(directories, snapshot):
    """Make the writable directories hold exactly the snapshot's files and folders,
    with their modes and times and no extended attributes: nothing a call wrote
    there, in content or in metadata, is left for the next call to read."""
    import shutil
    for top in directories:
        device = os.stat(top).st_dev
        for dirpath, dirnames, filenames in os.walk(top, topdown=True):
            for name in list(dirnames):
                path = os.path.join(dirpath, name)
                if not os.path.islink(path) and os.stat(path).st_dev != device:
                    dirnames.remove(name)
                elif os.path.islink(path) or path not in snapshot:
                    _remove(path, shutil)
                    dirnames.remove(name)
            for name in filenames:
                path = os.path.join(dirpath, name)
                if path not in snapshot:
                    _remove(path, shutil)
    # Deepest first, so that putting files back doesn't change a restored folder's times.
    for path in sorted(snapshot, key=lambda p: p.count(os.sep), reverse=True):
        entry = snapshot[path]
        try:
            if entry.content is None:
                if os.path.islink(path) or (os.path.exists(path) and not os.path.isdir(path)):
                    _remove(path, shutil)
                os.makedirs(path, exist_ok=True)
            elif not _holds(path, entry):
                _remove(path, shutil)  # a new inode: nothing of the old one's metadata
                with open(path, "xb") as handle:
                    handle.write(entry.content)
            _strip_xattrs(path)
            os.chmod(path, entry.mode)
            os.utime(path, ns=entry.times)
        except OSError:
            pass


def _holds(path, entry):
    """Whether ``path`` is a plain file with the entry's content and mode."""
    try:
        info = os.lstat(path)
        if (not stat.S_ISREG(info.st_mode) or info.st_mode & 0o7777 != entry.mode
                or info.st_size != len(entry.content)):
            return False
        with open(path, "rb") as handle:
            return handle.read(64 * 2**20) == entry.content
    except OSError:
        return False


def _strip_xattrs(path):
    try:
        for name in os.listxattr(path, follow_symlinks=False):
            os.removexattr(path, name, follow_symlinks=False)
    except OSError:
        pass


def _remove(path, shutil):
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.remove(path)
    except OSError:
        pass


def copy_files(config):
    """The notebook's other files, from the read-only staging area to the work dir."""
    import shutil
    if config.get("files") and os.path.isdir(config["files"]):
        shutil.copytree(config["files"], config["cwd"], dirs_exist_ok=True)


def _remove_ipc():
    """Remove every System V shared memory segment, semaphore set and message queue
    of the sandbox's IPC namespace (one namespace per sandbox)."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    IPC_RMID = 0
    for kind, remove in (("shm", lambda i: libc.shmctl(i, IPC_RMID, None)),
                         ("sem", lambda i: libc.semctl(i, 0, IPC_RMID)),
                         ("msg", lambda i: libc.msgctl(i, IPC_RMID, None))):
        try:
            with open(f"/proc/sysvipc/{kind}") as table:
                ids = [int(line.split()[1]) for line in table.readlines()[1:]]
        except (OSError, IndexError, ValueError):
            continue
        for ipc_id in ids:
            remove(ipc_id)


def make_clean(keep_fd):
    """Make this fresh fork fit to be the notebook's state, from which every graded
    call forks: only this thread runs (a fork copies no other), no descriptor but
    ``keep_fd`` stays open (not even the standard streams, whose open files every call
    would share: a lock or a flag set on one would outlive the call), shared memory (``MAP_SHARED``,
    System V segments) becomes private copies, and no other process of the sandbox
    may trace it or read its memory."""
    _prctl(4, 0)  # PR_SET_DUMPABLE 0
    os.closerange(0, keep_fd)
    os.closerange(keep_fd + 1, 1 << 16)
    _privatize_shared_memory()


def is_clean(keep_fd):
    """Whether this process is already as :func:`make_clean` would leave it."""
    try:
        if len(os.listdir("/proc/self/task")) != 1 or _prctl(3, 0) != 0:  # PR_GET_DUMPABLE
            return False
        for entry in os.listdir("/proc/self/fd"):
            fd = int(entry)
            if fd != keep_fd:
                try:
                    os.fstat(fd)
                    return False
                except OSError:
                    pass  # the descriptor that listed the folder, closed since
        return not maps_shared("/proc/self/maps")
    except (OSError, ValueError):
        return False


def _privatize_shared_memory():
    """Replace every shared mapping by a private one with the same content."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                          ctypes.c_int, ctypes.c_long]
    libc.mprotect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    PROT_READ, PROT_WRITE, PROT_EXEC = 1, 2, 4
    MAP_PRIVATE, MAP_FIXED, MAP_ANONYMOUS = 0x02, 0x10, 0x20
    with open("/proc/self/maps") as maps:
        shared = []
        for line in maps:
            fields = line.split()
            if len(fields) >= 2 and fields[1][3] == "s":
                start, end = (int(x, 16) for x in fields[0].split("-"))
                prot = ((PROT_READ if fields[1][0] == "r" else 0)
                        | (PROT_WRITE if fields[1][1] == "w" else 0)
                        | (PROT_EXEC if fields[1][2] == "x" else 0))
                shared.append((start, end - start, prot))
    for start, size, prot in shared:
        if not prot & PROT_READ:
            libc.mprotect(start, size, prot | PROT_READ)
        content = ctypes.string_at(start, size)
        address = libc.mmap(start, size, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0)
        if address != start:
            os._exit(70)  # can't happen; never leave a shared page behind
        ctypes.memmove(start, content, size)
        libc.mprotect(start, size, prot)


def make_shell():
    from traitlets.config import Config
    from shell import CapturingShell
    config = Config()
    config.HistoryManager.enabled = False  # no SQLite file, no saving thread
    shell = CapturingShell.instance(config=config, colors="nocolor")
    shell.enable_matplotlib("inline")
    return shell


def limit(config, names=None):
    """Apply the resource limits the grader asked for (those of ``names``, or all
    but the CPU time's).

    CPU time counts per process, and the manager lives for the sandbox's whole life,
    grading one notebook after another: its own CPU time would run out after some
    hundreds of notebooks, or sooner if a student left it work, and kill the grading
    of whichever notebook came then. So only the processes it forks (every
    notebook's state and every call) are held to the CPU limit, each from its start.
    """
    for name, value in config.get("rlimits", {}).items():
        if (name not in names) if names is not None else name == "CPU":
            continue
        which = getattr(resource, "RLIMIT_" + name)
        soft, hard = resource.getrlimit(which)
        value = int(value)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            pass


def main():
    import json
    fd = int(sys.argv[1])
    config = json.loads(sys.argv[2])
    chan = socket.socket(fileno=fd)
    os.chdir(config["cwd"])
    sys.stdin = open(os.devnull)
    _prctl(36, 1)  # PR_SET_CHILD_SUBREAPER: orphans stay below the manager
    _prctl(4, 0)  # PR_SET_DUMPABLE 0: student processes can't ptrace the manager
    _seed_font_cache(config.get("fonts"))
    import numpy  # noqa: F401 -- warm imports, shared by every fork
    import numpy.random  # noqa: F401 -- numpy loads it on first use, which every call makes
    import matplotlib
    matplotlib.use("module://matplotlib_inline.backend_inline")
    import matplotlib.pyplot  # noqa: F401
    _preload(config.get("preload", []))
    _warm_tracebacks(make_shell())
    _warm_matplotlib()
    limit(config)
    process = Process(chan, config)
    process.pristine = take_snapshot(config["writable"])
    copy_files(config)
    process.snapshots = {"calls": take_snapshot(config["writable"])}
    wire.send(chan, {"status": "ready", "pid": os.getpid()})
    _harden_manager()
    serve(process)


def _preload(modules):
    """Import the modules the assignment's notebooks import (the grader's choice, from
    the instructor's source), once, for every fork; one that fails is left to the cell."""
    import importlib
    for name in modules:
        try:
            importlib.import_module(str(name))
        except Exception:  # noqa: BLE001 -- the notebook's own import will say why
            pass


def _warm_tracebacks(shell):
    """Format one traceback as a failing cell's is, so IPython's traceback machinery
    is loaded once for every fork rather than by each notebook's first error."""
    import linecache
    source = "assert 1 == 2, 'warm-up'\n"
    linecache.cache["<warm-up>"] = (len(source), None, [source], "<warm-up>")
    try:
        exec(compile(source, "<warm-up>", "exec"), {})
    except AssertionError:
        shell.showtraceback()
    shell.recorder.clear()
    linecache.cache.pop("<warm-up>", None)


def _warm_matplotlib():
    """Draw one figure as a notebook's are drawn (contours, a log axis, a legend,
    a PNG cut to fit), so every fork starts with matplotlib's fonts, math-text
    parser and caches loaded instead of paying for them in its first figure."""
    import io
    import numpy as np
    from matplotlib.figure import Figure
    fig = Figure(figsize=(6, 4))
    left, right = fig.subplots(1, 2)
    x = np.linspace(-2, 2, 30)
    left.contour(x, x, np.add.outer(x ** 2, x ** 2), levels=5)
    left.plot(x, x, ".-", label="path")
    left.legend(loc="best")
    left.set(title="title", xlabel="x", ylabel="y")
    right.semilogy(np.arange(10), np.geomspace(10, 1e-8, 10))
    right.set_title("$f(x)$")
    fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")


def _harden_manager():
    """Leave the manager nothing a student process could reach it with.

    Under bubblewrap it is the PID namespace's init, which ignores every signal
    sent from inside the namespace that it has no handler for, SIGKILL and
    SIGSTOP included: so it keeps no handler (Python's SIGINT one, faulthandler's).
    Its standard streams go nowhere: a sandboxed process writing to an inherited
    descriptor can't fill a pipe the grader reads only when start-up fails.
    """
    import faulthandler
    faulthandler.disable()
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(number, signal.SIG_DFL)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _seed_font_cache(source):
    """Start from the grader's matplotlib font list instead of rebuilding it."""
    import glob
    import shutil
    target = os.environ.get("MPLCONFIGDIR")
    if not (source and target and os.path.isdir(source)):
        return
    os.makedirs(target, exist_ok=True)
    for path in glob.glob(os.path.join(source, "fontlist-*.json")):
        shutil.copy(path, target)


def _prctl(option, value):
    try:
        import ctypes
        return ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        return None


if __name__ == "__main__":
    main()
