"""Which isolation this machine gives student code, and how to start it there.

Three levels, strongest first:

``bubblewrap``
    ``bwrap`` namespaces: no network, its own process tree, a read-only view of
    the system and of Python only, private writable ``/tmp`` and work directory,
    and none of the course (``source/``, ``reference/``, ``autograder/``, other
    submissions, the gradebook).
``separate-user``
    (root without bubblewrap) the processes run as an unprivileged user that
    can't write the course, with resource limits. They can still read what that
    user may read and reach the network.
``limits-only``
    A separate process with resource limits and a private work directory. Student
    code runs with the grader's rights: use it for trusted code only.
"""

import functools
import json
import os
import shutil
import subprocess
import sys
import importlib.util

WORKER_DIR = os.path.dirname(os.path.abspath(__file__))
LEVELS = ("bubblewrap", "separate-user", "limits-only")
SANDBOX_HOME = "/home/student"
SANDBOX_WORK = "/home/student/work"
SANDBOX_CODE = "/opt/grader"
SANDBOX_FILES = "/opt/submission"
SANDBOX_FONTS = "/opt/matplotlib-cache"
NOBODY = 65534

SAFE_ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "alternatives",
            "fonts", "mime.types", "nsswitch.conf")

WEAKER_WARNING = {
    "separate-user": "student code runs as an unprivileged user without namespaces: "
                     "it can read world-readable files and reach the network. "
                     "Install bubblewrap (Debian package 'bubblewrap') for full isolation.",
    "limits-only": "student code runs with the grader's own rights, limited only by "
                   "resource limits: it could read hidden tests or change the gradebook. "
                   "Install bubblewrap (Debian package 'bubblewrap') before grading a class.",
}


@functools.lru_cache(maxsize=None)
def detect(requested=None):
    """The strongest level that works here (or ``requested``, if it works)."""
    candidates = [requested] if requested else LEVELS
    for level in candidates:
        if level == "bubblewrap" and _bwrap_works():
            return level
        if level == "separate-user" and os.geteuid() == 0 and _user_can_run_python():
            return level
        if level == "limits-only":
            return level
    raise RuntimeError(f"isolation level {requested!r} is not available on this machine")


def describe(level):
    """A one-line statement of what the level guarantees, for logs."""
    if level == "bubblewrap":
        return ("isolation: bubblewrap (no network, no view of the course, "
                "private process tree and files, resource limits)")
    return f"isolation: {level} (weaker: {WEAKER_WARNING[level]})"


def _bwrap_works():
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False
    try:
        probe = subprocess.run([bwrap, *_system_binds(), "--unshare-all", "--die-with-parent",
                                "--cap-drop", "ALL",
                                "--proc", "/proc", "--dev", "/dev", "true"],
                               capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def _user_can_run_python():
    try:
        probe = subprocess.run([sys.executable, "-I", "-c", "import numpy"],
                               preexec_fn=_become_nobody, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def _become_nobody():
    os.setgroups([])
    os.setgid(NOBODY)
    os.setuid(NOBODY)


def _system_binds():
    args = []
    for top in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for name in SAFE_ETC:
        path = os.path.join("/etc", name)
        if os.path.exists(path):
            args += ["--ro-bind", path, path]
    return args


def _python_binds():
    """Python, its packages and the worker code; the course's packages masked."""
    roots = []
    for path in (sys.base_prefix, sys.prefix, os.path.dirname(os.path.realpath(sys.executable))):
        path = os.path.realpath(path)
        if not path.startswith("/usr/") and not any(path.startswith(r + os.sep) or path == r for r in roots):
            roots.append(path)
    args = []
    for root in roots:
        args += ["--ro-bind", root, root]
    if sys.prefix != os.path.realpath(sys.prefix):
        args += ["--ro-bind", sys.prefix, sys.prefix]
    for path in _own_files():
        if any(path.startswith(root + os.sep) for root in roots):
            args += ["--tmpfs", path] if os.path.isdir(path) else ["--ro-bind", "/dev/null", path]
    args += ["--ro-bind", WORKER_DIR, SANDBOX_CODE]
    return args


def _own_files():
    """This kit's installed packages and editable-install hooks, to be masked."""
    paths = set()
    for package in ("reference", "autograder"):
        spec = importlib.util.find_spec(package)
        if spec is not None:
            paths.update(os.path.realpath(p) for p in spec.submodule_search_locations or [])
    for entry in sys.path:
        if os.path.isdir(entry):
            paths.update(os.path.join(entry, name) for name in os.listdir(entry)
                         if name.startswith("__editable__") and "gd_course_kit" in name)
    return sorted(paths)


def environment(extra=None):
    """The whole environment of a sandboxed process: nothing of the grader's."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": SANDBOX_HOME,
        "LANG": "C.UTF-8",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "NBGRADER_EXECUTION": "autograde",
    }
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
        env[var] = "1"
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        if var in os.environ:
            env[var] = os.environ[var]
    env.update(extra or {})
    return env


def font_cache():
    """The grader's matplotlib cache, so a sandbox need not rebuild the font list."""
    import matplotlib
    from matplotlib import font_manager  # noqa: F401 -- builds the cache if missing
    return matplotlib.get_cachedir()


def command(level, fd, config, staging, workdir, tmpdir, limits):
    """``(argv, env, preexec_fn)`` that start the worker at ``level``.

    ``staging`` is a host directory holding the files the notebook may read (its
    assignment's other files); the sandbox copies them into its work directory,
    which under bubblewrap is private and in memory, and at the weaker levels is
    the host directory ``workdir``. ``tmpdir`` is the weaker levels' ``/tmp``.
    """
    python = [os.path.abspath(sys.executable), "-I", "-X", "faulthandler"]
    if level == "bubblewrap":
        config = dict(config, cwd=SANDBOX_WORK, files=SANDBOX_FILES, fonts=SANDBOX_FONTS,
                      writable=[SANDBOX_HOME, "/tmp", "/dev/shm"])
        env = environment()
        # Writable tmpfs first: the binds that follow may lie below them (a venv in /tmp).
        # No capabilities: bwrap run by root would otherwise leave them all, and with
        # them a student could remount the read-only binds (Python, the worker) writable.
        # The worker is the PID namespace's init (--as-pid-1): no process of the sandbox
        # can kill or stop it. Only /tmp, the home and /dev/shm are writable, each a
        # size-limited tmpfs the worker puts back between graded calls.
        argv = [shutil.which("bwrap"), "--die-with-parent", "--unshare-all", "--new-session",
                "--as-pid-1", "--cap-drop", "ALL", "--clearenv", *_system_binds(),
                "--proc", "/proc", "--dev", "/dev",
                "--size", str(limits["shm"]), "--tmpfs", "/dev/shm",
                "--size", str(limits["tmpfs"]), "--tmpfs", "/tmp",
                "--size", str(limits["tmpfs"]), "--tmpfs", SANDBOX_HOME,
                *_python_binds(),
                "--dir", SANDBOX_WORK, "--ro-bind", staging, SANDBOX_FILES,
                "--ro-bind-try", font_cache(), SANDBOX_FONTS,
                "--remount-ro", "/dev", "--remount-ro", "/",
                "--chdir", SANDBOX_WORK, "--hostname", "sandbox"]
        for key, value in env.items():
            argv += ["--setenv", key, value]
        argv += [*python, f"{SANDBOX_CODE}/worker.py", str(fd), json.dumps(config)]
        return argv, env, None
    config = dict(config, cwd=workdir, files=staging, fonts=font_cache(), writable=[workdir, tmpdir])
    env = environment({"HOME": workdir, "TMPDIR": tmpdir, "MPLCONFIGDIR": os.path.join(tmpdir, "mpl")})
    argv = [*python, os.path.join(WORKER_DIR, "worker.py"), str(fd), json.dumps(config)]
    if level == "separate-user":
        for path in (workdir, tmpdir):
            os.chown(path, NOBODY, NOBODY)
        return argv, env, _new_session_as_nobody
    return argv, env, os.setsid


def _new_session_as_nobody():
    os.setsid()
    _become_nobody()
