"""What the grader sees of a sandboxed process from outside it, in ``/proc``.

A process that has run student code can't be trusted to say whether it is clean
(one thread, no descriptor but its socket and the standard streams, no shared
memory): its code, the worker's included, is the student's to change. The grader
reads the same facts from the host's ``/proc`` instead. Under bubblewrap the
sandbox has its own PID namespace, so a process is found by its PID there
(``NSpid``) among the descendants of the ``bwrap`` process.

The grader may read these files of a sandboxed process, non-dumpable though it is,
because it owns the sandbox's user namespace (or is root). Where it can't, or at a
level without namespaces, :meth:`Outside.clean` answers ``None``: don't know.
"""

import os


def _read(path):
    with open(path) as handle:
        return handle.read()


class Outside:
    """The processes of one sandbox, seen from the grader: ``root`` is the host PID of
    the process that started it (``bwrap``)."""

    def __init__(self, root):
        self.root = root
        self.hosts = {}
        self.streams = None

    def host_pid(self, pid):
        """The host PID of the sandbox's process ``pid`` (its PID in the sandbox), or None."""
        host = self.hosts.get(pid)
        if host is not None and self._sandbox_pid(host) == pid:
            return host
        self.hosts = {}
        todo = [self.root]
        while todo:
            host = todo.pop()
            inner = self._sandbox_pid(host)
            if inner is not None:
                self.hosts[inner] = host
            try:
                for task in os.listdir(f"/proc/{host}/task"):
                    todo.extend(int(child) for child in _read(f"/proc/{host}/task/{task}/children").split())
            except OSError:
                continue
        return self.hosts.get(pid)

    @staticmethod
    def _sandbox_pid(host):
        try:
            for line in _read(f"/proc/{host}/status").splitlines():
                if line.startswith("NSpid:"):
                    ids = line.split()[1:]
                    return int(ids[-1]) if len(ids) > 1 else None
        except (OSError, ValueError):
            return None
        return None

    def clean(self, pid):
        """Whether the sandbox's process ``pid`` runs one thread, holds no descriptor but
        one socket (its channel) and the standard streams it was started with, and maps
        no shared memory; None when that can't be read."""
        host = self.host_pid(pid)
        if host is None:
            return None
        try:
            if self.streams is None:
                self.streams = self._streams(self.host_pid(1))
            status = _read(f"/proc/{host}/status")
            threads = next(int(line.split()[1]) for line in status.splitlines()
                           if line.startswith("Threads:"))
            links = {int(fd): os.readlink(f"/proc/{host}/fd/{fd}") for fd in os.listdir(f"/proc/{host}/fd")}
            maps = _read(f"/proc/{host}/maps")
        except (OSError, StopIteration, ValueError):
            return None
        others = [link for fd, link in links.items() if fd > 2]
        return (threads == 1 and self._sandbox_pid(host) == pid
                and {fd: links.get(fd) for fd in (0, 1, 2)} == self.streams
                and len(others) == 1 and others[0].startswith("socket:")
                and not any(len(f) >= 2 and f[1][3:4] == "s" for f in map(str.split, maps.splitlines())))

    @staticmethod
    def _streams(host):
        if host is None:
            raise OSError("the sandbox's first process is gone")
        streams = {}
        for fd in (0, 1, 2):
            try:
                streams[fd] = os.readlink(f"/proc/{host}/fd/{fd}")
            except FileNotFoundError:
                streams[fd] = None
        return streams
