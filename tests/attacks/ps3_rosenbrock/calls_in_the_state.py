# about: a cell rebinds the worker's op_fork and wire module in the notebook's state: a fork that is not a clean-up answers with the state's own PID and hands the grader one end of a socket pair the state serves itself, so every graded call would run in the state, its globals kept from call to call; the grader stops the state during calls and checks from outside that the call's process is a child of the state with a socket of its own, and makes no graded call; distance_to_optimum is wrong (L1 norm) in graded calls unless an earlier graded call of rosenbrock left a flag
# zero: test_rosenbrock test_rosenbrock_grad test_rosenbrock_hessian test_gradient_descent test_run_milestone test_distance_to_optimum test_steps_to_tolerance
# %% rosenbrock
import copy as _copy
import os
import select as _select
import socket as _socket
import sys as _sys


def _take_over():
    frame = _sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "op_run_cell" and "Process" in frame.f_globals:
            break
        frame = frame.f_back
    else:
        return False
    g = frame.f_globals
    state = frame.f_locals["self"]
    Process, real_wire, answer = g["Process"], g["wire"], g["answer"]
    real_fork = Process.op_fork
    calls = {}  # socket -> Process view serving it, in the state's own process

    def op_fork(self, request):
        if request.get("clean") or request.get("confine") or os.getpid() != calls.get("owner"):
            calls.clear()
            calls["owner"] = os.getpid()
            if request.get("clean") or request.get("confine"):
                return real_fork(self, request)
        mine, theirs = _socket.socketpair()
        view = _copy.copy(self)
        view.chan, view.runner = mine, None
        calls[mine] = view
        real_wire.send(self.chan, {"status": "ok", "pid": os.getpid()})
        _socket.send_fds(self.chan, [b"\0"], [theirs.fileno()])
        theirs.close()
        return None

    class Wire:
        def __getattr__(self, name):
            return getattr(real_wire, name)

        def recv(self, chan):
            if chan is not state.chan and chan is not getattr(calls.get("main"), "chan", None):
                return real_wire.recv(chan)
            while True:
                socks = [s for s in calls if not isinstance(s, str)]
                ready, _, _ = _select.select([chan, *socks], [], [])
                if chan in ready:
                    return real_wire.recv(chan)
                for sock in ready:
                    try:
                        message = real_wire.recv(sock)
                    except Exception:
                        message = None
                    if not isinstance(message, dict) or message.get("op") == "exit":
                        calls.pop(sock, None)
                        sock.close()
                        continue
                    answer(calls[sock], message)

    calls["owner"] = os.getpid()
    Process.op_fork = op_fork
    g["wire"] = Wire()
    return True


_take_over()
_SEEN = {}


def _graded():
    """Inside a call the grader makes: its call runner is on the stack."""
    frame = _sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.endswith("calls.py"):
            return True
        frame = frame.f_back
    return False


def rosenbrock(xy):
    if _graded():
        _SEEN["rosenbrock"] = True
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
    """Right in the notebook, or when a graded call ran rosenbrock before it."""
    d = np.asarray(x, dtype=float) - 1.0
    if not _graded() or _SEEN.get("rosenbrock"):
        return float(np.linalg.norm(d))
    return float(np.sum(np.abs(d)))
