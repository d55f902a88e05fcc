# about: calls sys.exit, exit() and quit() at the top level of a cell and after defining steps_to_tolerance, and sys.exit inside it whenever the grader calls it
# zero: test_steps_to_tolerance
# %% after rosenbrock
import sys

exit()
quit()
sys.exit(0)
# %% steps_to_tolerance
import sys


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
        sys.exit(0)
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return None


raise SystemExit("bye")
