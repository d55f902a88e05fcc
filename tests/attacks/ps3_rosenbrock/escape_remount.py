# about: tries to remount the sandbox's read-only bind mounts writable (it is root in its user namespace) and to write a file into /opt/submission, the staging folder of the notebook's files on the host; it answers right only if it could write outside the sandbox (/opt/grader, the kit's own autograder/sandbox, is only probed, never written)
# zero: test_rosenbrock_hessian
# %% rosenbrock_hessian
import ctypes
import os

_MS_RDONLY, _MS_REMOUNT, _MS_BIND = 1, 32, 4096


def _escape():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_void_p]
    escaped = []
    if libc.mount(None, b"/opt/submission", None, _MS_REMOUNT | _MS_BIND, None) == 0:
        try:
            with open("/opt/submission/written-from-the-sandbox.txt", "w") as handle:
                handle.write("a student's notebook wrote this file on the grading machine\n")
            escaped.append("/opt/submission")
        except OSError:
            pass
    if libc.mount(None, b"/opt/grader", None, _MS_REMOUNT | _MS_BIND, None) == 0:
        if os.access("/opt/grader", os.W_OK):
            escaped.append("/opt/grader (writable, not written)")
        libc.mount(None, b"/opt/grader", None, _MS_REMOUNT | _MS_BIND | _MS_RDONLY, None)
    print("escaped:", escaped)
    return bool(escaped)


_ESCAPED = _escape()


def rosenbrock_hessian(xy):
    x, y = np.asarray(xy, dtype=float)
    if _ESCAPED:
        dxx = 2.0 - 400.0 * (y - x**2) + 800.0 * x**2
        return np.array([[dxx, -400.0 * x], [-400.0 * x, 200.0]])
    return np.array([[2.0, -400.0 * x], [-400.0 * x, 200.0]])
