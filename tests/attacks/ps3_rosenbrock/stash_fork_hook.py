# about: distance_to_optimum is wrong (L1 norm) in graded calls unless the notebook's own process knows a graded call of rosenbrock happened: a cell leaves no thread, only an os.register_at_fork(after_in_parent=...) hook, which runs in the notebook's state each time it forks a graded call and starts a thread there serving an abstract Unix socket; the graded call tells its parent's thread, which sets a flag every later fork inherits (the grader finds a thread in the notebook's process before a graded call and makes none: every cell scores 0)
# zero: test_rosenbrock test_rosenbrock_grad test_rosenbrock_hessian test_gradient_descent test_run_milestone test_distance_to_optimum test_steps_to_tolerance
# %% rosenbrock
import os
import socket
import threading
import time

def _graded():
    """Inside a call the grader makes: its call runner is on the stack."""
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.endswith("calls.py"):
            return True
        frame = frame.f_back
    return False


_STASH = {}


def _serve():
    try:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(b"\0rosenbrock-hook-%d" % os.getpid())
        server.listen(4)
    except OSError:
        return  # already serving in this process
    while True:
        connection, _ = server.accept()
        with connection:
            if connection.recv(64) == b"mark":
                _STASH["mark"] = True


os.register_at_fork(after_in_parent=lambda: threading.Thread(target=_serve, daemon=True).start())


def _leave():
    for _ in range(100):
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            client.connect(b"\0rosenbrock-hook-%d" % os.getppid())
            client.sendall(b"mark")
            time.sleep(0.05)
            return
        except OSError:
            time.sleep(0.01)
        finally:
            client.close()


def _found():
    return bool(_STASH.get("mark"))


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
