# about: floods output: 40 MB printed by a top-level cell, 40 MB printed and 40 MB written to file descriptors 1 and 2 (non-blocking, until the pipe is full) by distance_to_optimum whenever the grader calls it, which then answers wrong
# zero: test_distance_to_optimum
# %% after distance_to_optimum
line = "flood " * 170000 + "\n"
for _ in range(40):
    print(line, end="")
# %% distance_to_optimum
import fcntl
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


def _flood():
    line = "flood " * 170000 + "\n"
    for _ in range(40):
        print(line, end="")
    block = line.encode()
    for fd in (1, 2):
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        try:
            for _ in range(40):
                os.write(fd, block)
        except OSError:
            pass
        finally:
            fcntl.fcntl(fd, fcntl.F_SETFL, flags)


def distance_to_optimum(x):
    if _graded():
        _flood()
        return 0.0
    return float(np.linalg.norm(np.asarray(x, dtype=float) - 1.0))
