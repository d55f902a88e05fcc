"""Does a process map shared memory? Asked of ``/proc/PID/maps``.

Both sides ask: the sandboxed process of itself after each cell, the grader of a
sandboxed process from outside before every graded call. A process of heavy imports
(scikit-learn) maps over a thousand regions, and reading the file makes the kernel
write out every one of them (about 1.6 ms). Where the kernel answers the question
itself (``PROCMAP_QUERY``, Linux 6.11 and later: the first mapping at or after an
address that is shared), one system call does (about 0.06 ms); elsewhere the text
is scanned for the rare ``s`` of a shared mapping's permissions.
"""

import errno
import fcntl
import struct

_QUERY_SIZE = 104  # sizeof(struct procmap_query)
#: ``_IOWR('f', 17, struct procmap_query)``.
PROCMAP_QUERY = (3 << 30) | (_QUERY_SIZE << 16) | (ord("f") << 8) | 17
_VMA_SHARED, _COVERING_OR_NEXT_VMA = 0x08, 0x10


def maps_shared(path):
    """Whether the process whose maps file is ``path`` maps shared memory: a mapping
    the kernel marks ``VM_MAYSHARE``, which the file shows as an ``s`` (:func:`shared`).

    >>> import mmap
    >>> memory = mmap.mmap(-1, 4096, flags=mmap.MAP_SHARED)
    >>> maps_shared("/proc/self/maps")
    True
    >>> memory.close()
    """
    with open(path, "rb", buffering=0) as handle:
        query = bytearray(struct.pack("=QQQ", _QUERY_SIZE, _VMA_SHARED | _COVERING_OR_NEXT_VMA, 0))
        query += bytes(_QUERY_SIZE - len(query))
        try:
            fcntl.ioctl(handle.fileno(), PROCMAP_QUERY, query)
            return True
        except OSError as error:
            if error.errno == errno.ENOENT:  # no shared mapping at or after address 0
                return False
            if error.errno not in (errno.ENOTTY, errno.EINVAL, errno.EOPNOTSUPP):
                raise
        return shared(handle.read().decode("utf-8", "replace"))


def shared(maps):
    r"""Whether ``maps`` (the text of ``/proc/PID/maps``) holds a shared mapping: one
    whose permissions, the field after the address range, end in ``s``.

    >>> shared("7f00-7f10 r--p 00000000 08:01 12 /usr/lib/libc.so.6\n"
    ...        "7f10-7f20 rw-s 00000000 00:01 1025 /dev/zero (deleted)\n")
    True
    >>> shared("7f00-7f10 r-xp 00000000 08:01 12 /usr/lib/libc.so.6\n")
    False

    A path that holds the same letters is not a permission:

    >>> shared("7f00-7f10 r--p 00000000 08:01 12 /tmp/a rw-s b\n")
    False
    """
    at = maps.find("s ")
    while at >= 0:
        line = maps.rfind("\n", 0, at) + 1
        perms = maps[at - 4:at + 1]
        if (at - line > 4 and perms[0] == " " and perms[1] in "r-" and perms[2] in "w-"
                and perms[3] in "x-" and " " not in maps[line:at - 4]):
            return True
        at = maps.find("s ", at + 1)
    return False
