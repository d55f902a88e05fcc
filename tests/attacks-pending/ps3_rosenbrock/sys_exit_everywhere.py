# about: calls sys.exit, exit() and quit() at the top level of a cell and after defining steps_to_tolerance, and sys.exit inside it whenever the grader calls it
# zero: test_steps_to_tolerance
# %% after rosenbrock
import sys

exit()
quit()
sys.exit(0)
# %% steps_to_tolerance
import sys


def steps_to_tolerance(history, tol):
    if hasattr(globals().get("distance_to_optimum"), "grader_id"):
        sys.exit(0)
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return None


raise SystemExit("bye")
