# about: a cell rebinds make_clean in the worker's globals and maps MAP_SHARED memory; the clean fork keeps it and starts, in a new user and PID namespace (clone with CLONE_NEWUSER|CLONE_NEWPID, clone3 with set_tid), an impostor whose PID there is the clean fork's, to be judged in its place from outside; the filter refuses the new namespaces and the grader reads each process's PID at the sandbox's depth, finds the fork unclean and makes no graded call; distance_to_optimum is wrong (L1 norm) in graded calls unless it finds a marker a graded call of rosenbrock wrote into that memory
# zero: test_rosenbrock test_rosenbrock_grad test_rosenbrock_hessian test_gradient_descent test_run_milestone test_distance_to_optimum test_steps_to_tolerance
# %% rosenbrock
import ctypes as _ctypes
import mmap
import os
import socket as _socket
import struct as _struct
import sys as _sys
import time as _time

_BOX = {}
_MARK = b"left by a graded call"


def _impostor(target):
    """A process whose innermost PID is ``target`` and that looks clean from outside."""
    libc = _ctypes.CDLL(None, use_errno=True)
    ready_r, ready_w = os.pipe()
    pid = libc.syscall(56, 0x10000000 | 0x20000000 | 17, 0, 0, 0, 0)  # clone(NEWUSER|NEWPID|SIGCHLD)
    if pid == 0:  # PID 1 of a namespace of its own (and root in a user namespace of its own)
        tid = _ctypes.c_int(target)
        args = _struct.pack("QQQQQQQQQQQ", 0, 0, 0, 0, 17, 0, 0, 0,
                            _ctypes.addressof(tid), 1, 0)
        buf = _ctypes.create_string_buffer(args, len(args))
        child = libc.syscall(435, buf, len(args))  # clone3 with set_tid = target
        if child < 0:  # no set_tid: fork until the PID comes round
            while True:
                child = os.fork()
                if child == 0 and os.getpid() != target:
                    os._exit(0)
                if child == 0 or child == target:
                    break
                os.waitpid(child, 0)
        if child == 0:  # the impostor
            if "shared" in _BOX:
                _BOX["shared"].close()
            keep = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
            for fd in range(3, 1 << 16):
                if fd not in (keep.fileno(), ready_w):
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            os.close(ready_w)  # the last: its end of file says the impostor is ready
            _time.sleep(60)
            os._exit(0)
        os.close(ready_w)
        _time.sleep(60)
        os._exit(0)
    os.close(ready_w)
    while os.read(ready_r, 1):
        pass
    os.close(ready_r)


def _keep_shared(keep_fd):
    _impostor(os.getpid())  # and no clean-up at all: the shared memory stays shared


def _rebind():
    frame = _sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "op_run_cell" and "make_clean" in frame.f_globals:
            frame.f_globals["make_clean"] = _keep_shared
            return True
        frame = frame.f_back
    return False


_rebind()
_BOX["shared"] = mmap.mmap(-1, 4096, flags=mmap.MAP_SHARED)


def _graded():
    """Inside a call the grader makes: its call runner is on the stack."""
    frame = _sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.endswith("calls.py"):
            return True
        frame = frame.f_back
    return False


def _leave():
    _BOX["shared"][:len(_MARK)] = _MARK


def _found():
    return _BOX["shared"][:len(_MARK)] == _MARK


_LEFT = {}


def rosenbrock(xy):
    if _graded() and _LEFT.get("pid") != os.getpid():
        _LEFT["pid"] = os.getpid()
        _leave()
    x, y = np.asarray(xy, dtype=float)
    return (1.0 - x) ** 2 + 100.0 * (y - x**2) ** 2
# %% distance_to_optimum
def _graded():
    """Inside a call the grader makes: its call runner is on the stack."""
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.endswith("calls.py"):
            return True
        frame = frame.f_back
    return False


def distance_to_optimum(x):
    """Right in the notebook, or when a graded call finds what an earlier one left."""
    d = np.asarray(x, dtype=float) - 1.0
    if not _graded() or _found():
        return float(np.linalg.norm(d))
    return float(np.sum(np.abs(d)))
