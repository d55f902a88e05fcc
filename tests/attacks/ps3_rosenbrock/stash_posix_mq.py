# about: distance_to_optimum is wrong (L1 norm) in graded calls unless it finds a POSIX message queue (mq_open through librt) that a graded call of rosenbrock created and wrote to; it scores only if the queue survives to a later graded call
# zero: test_distance_to_optimum
# %% rosenbrock
import ctypes
import ctypes.util
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


try:
    _rt = ctypes.CDLL(ctypes.util.find_library("rt") or "librt.so.1", use_errno=True)
except OSError:
    _rt = ctypes.CDLL(None, use_errno=True)
_rt.mq_open.restype = ctypes.c_int
_rt.mq_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
_rt.mq_send.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint]
_rt.mq_receive.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p]
_rt.mq_receive.restype = ctypes.c_ssize_t


class _Attr(ctypes.Structure):
    _fields_ = [("flags", ctypes.c_long), ("maxmsg", ctypes.c_long), ("msgsize", ctypes.c_long),
                ("curmsgs", ctypes.c_long), ("pad", ctypes.c_long * 4)]


_NAME = b"/rosenbrock-mark"


def _leave():
    attr = _Attr(0, 1, 64, 0)
    mq = _rt.mq_open(_NAME, os.O_CREAT | os.O_RDWR | os.O_NONBLOCK, 0o600, ctypes.byref(attr))
    if mq < 0:
        mq = _rt.mq_open(_NAME, os.O_CREAT | os.O_RDWR | os.O_NONBLOCK, 0o600, None)
    if mq >= 0:
        _rt.mq_send(mq, b"mark", 4, 0)


def _found():
    mq = _rt.mq_open(_NAME, os.O_RDWR | os.O_NONBLOCK, 0, None)
    if mq < 0:
        return False
    buffer = ctypes.create_string_buffer(8192)
    return _rt.mq_receive(mq, buffer, 8192, None) == 4 and buffer.raw[:4] == b"mark"


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
