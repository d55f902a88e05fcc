"""A seccomp filter that keeps each sandboxed process's hands off the others.

Processes of one sandbox run as one user, and the kernel lets a user signal its own
processes, change their limits and scheduling, and share keys with them through its
keyrings. A graded call could so leave a mark on the notebook's state process (the
parent of every call) for the next call to read. Installed in the state before any
student code runs, and inherited by every process forked from it, the filter makes
these system calls fail with ``EPERM``:

- signals to any process (``kill`` with a signal, ``tgkill``, ``rt_sigqueueinfo``,
  pidfd signals);
- reading, writing or tracing another process (``ptrace``, ``process_vm_*``, ``kcmp``,
  ``pidfd_getfd``, ``perf_event_open``);
- keys (``add_key``, ``request_key``, ``keyctl``);
- changing another process's limits, priority, CPU affinity, scheduling or pages
  (allowed on the caller itself, pid 0);
- new namespaces (``unshare``, ``setns``, ``clone`` with a ``CLONE_NEW*`` flag; ``clone3``,
  whose flags a filter can't read, fails with ``ENOSYS`` so that the C library falls
  back to ``clone``): a process in a namespace of its own could pass itself off, seen
  from outside, as another process of the sandbox;
- the kernel's asynchronous I/O (``io_setup``, ``io_uring_setup``): a write it has in
  flight may land after the process that asked for it was killed, and the manager
  counts a killed process as ended as soon as it is exiting (see ``worker.py``).

Only x86-64 has the table below (:data:`SUPPORTED`); elsewhere :func:`install`
installs nothing and returns False (the manager's checks from outside still apply).

>>> install()  # doctest: +SKIP
True
"""

import ctypes
import platform
import struct

#: Whether this machine's processes can be confined (the table below is x86-64's).
SUPPORTED = platform.machine() == "x86_64"

AUDIT_ARCH_X86_64 = 0xC000003E
ALLOW = 0x7FFF0000
DENY = 0x00050000 | 1  # SECCOMP_RET_ERRNO | EPERM
MISSING = 0x00050000 | 38  # SECCOMP_RET_ERRNO | ENOSYS
CLONE, CLONE3 = 56, 435
#: CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET.
CLONE_NEW = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000

#: Always refused.
REFUSED = {"tkill": 200, "tgkill": 234, "rt_sigqueueinfo": 129, "rt_tgsigqueueinfo": 297,
           "pidfd_send_signal": 424, "pidfd_getfd": 438, "process_vm_readv": 310,
           "process_vm_writev": 311, "ptrace": 101, "kcmp": 312, "add_key": 248,
           "request_key": 249, "keyctl": 250, "perf_event_open": 298, "unshare": 272,
           "setns": 308, "process_madvise": 440, "io_setup": 206, "io_uring_setup": 425}
#: Refused unless the argument at this index (a pid, or a signal for kill) is 0.
ZERO_ONLY = {"kill": (62, 1), "prlimit64": (302, 0), "setpriority": (141, 1),
             "sched_setaffinity": (203, 0), "sched_setscheduler": (144, 0),
             "sched_setparam": (142, 0), "sched_setattr": (314, 0), "ioprio_set": (251, 1),
             "migrate_pages": (256, 0), "move_pages": (279, 0)}

_LD, _JEQ, _JGE, _JSET, _RET = 0x20, 0x15, 0x35, 0x45, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ/JGE/JSET|K, BPF_RET|K
X32_BIT = 0x40000000


def program():
    """The filter as a list of ``(code, jt, jf, k)`` BPF instructions."""
    body = [(_LD, 0, 0, 4), ("jeq", AUDIT_ARCH_X86_64, None, "allow"), (_LD, 0, 0, 0),
            ("jge", X32_BIT, "deny", None)]  # the x32 numbering of the same calls
    for number in REFUSED.values():
        body.append(("jeq", number, "deny", None))
    body.append(("jeq", CLONE3, "missing", None))
    body += [("jeq", CLONE, None, 2),
             (_LD, 0, 0, 16),  # the flags, clone's first argument (their low 32 bits)
             ("jset", CLONE_NEW, "deny", "allow")]
    for number, index in ZERO_ONLY.values():
        body += [("jeq", number, None, 2),
                 (_LD, 0, 0, 16 + 8 * index),
                 ("jeq", 0, "allow", "deny")]
    body.append(("allow",))
    labels = {"allow": len(body), "deny": len(body) + 1, "missing": len(body) + 2}
    code = []
    jumps = {"jeq": _JEQ, "jge": _JGE, "jset": _JSET}
    for at, step in enumerate(body):
        if step[0] in jumps:
            kind, value, on_true, on_false = step
            code.append((jumps[kind], _offset(on_true, at, labels),
                         _offset(on_false, at, labels), value))
        elif step[0] == "allow":
            code.append((_RET, 0, 0, ALLOW))
        else:
            code.append(step)
    code += [(_RET, 0, 0, ALLOW), (_RET, 0, 0, DENY), (_RET, 0, 0, MISSING)]
    return code


def _offset(target, at, labels):
    """A jump from instruction ``at``: ``None`` goes on, a number skips that many."""
    if target is None:
        return 0
    if isinstance(target, int):
        return target
    return labels[target] - at - 1


def install():
    """Install the filter in this process (and every process it forks from now on)."""
    if not SUPPORTED:
        return False
    code = program()
    raw = b"".join(struct.pack("HBBI", *instruction) for instruction in code)
    buffer = ctypes.create_string_buffer(raw)

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = Program(len(code), ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS
    if libc.prctl(22, 2, ctypes.byref(prog), 0, 0) != 0:  # PR_SET_SECCOMP, FILTER
        raise OSError(ctypes.get_errno(), "seccomp filter refused")
    return True
