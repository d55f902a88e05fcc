# about: os._exit at the top level of a cell, os._exit inside distance_to_optimum when graded, and SIGKILL to every process of the sandbox (manager included) inside steps_to_tolerance when graded
# zero: test_distance_to_optimum test_steps_to_tolerance
# %% after rosenbrock_grad
import os

os._exit(3)
# %% distance_to_optimum
import os


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
    if _graded():
        os._exit(0)
    return float(np.linalg.norm(np.asarray(x, dtype=float) - 1.0))
# %% steps_to_tolerance
import os
import signal


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
        os.kill(-1, signal.SIGKILL)
        os._exit(0)
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return None
