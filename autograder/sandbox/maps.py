"""Reading ``/proc/PID/maps``: does a process map shared memory?

Both sides ask: the sandboxed process of itself after each cell, the grader of a
sandboxed process from outside. A process of heavy imports (scikit-learn) maps over
a thousand regions, and the question is asked before every graded call, so the scan
looks for the rare ``s`` of a shared mapping's permissions, not at every line.
"""


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
