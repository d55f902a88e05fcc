"""What the grader sees of a sandboxed process from outside it, in ``/proc``.

A process that has run student code can't be trusted to say whether it is clean
(one thread, no descriptor but its socket, no shared memory), nor to say which
process serves a graded call: its code, the worker's included, is the student's to
change. The grader reads these facts from the host's ``/proc`` instead, and stops
the notebook's state (``SIGSTOP``) while graded calls run, so that no code of the
student's runs there to see what a call does.

Under bubblewrap the sandbox has its own PID namespace: a process is found by its
PID there, the entry of its ``NSpid`` at the sandbox's depth, among the descendants
of the ``bwrap`` process. The grader may read these files of a sandboxed process,
non-dumpable though it is, because it owns the sandbox's user namespace (or is
root). Where it can't, the checks answer ``None``: don't know.
"""

import os
import signal
import time

from .maps import maps_shared


def _read(path):
    with open(path) as handle:
        return handle.read()


def _field(status, name):
    return next(line.split()[1:] for line in status.splitlines() if line.startswith(name + ":"))


class Outside:
    """The processes of one sandbox, seen from the grader: ``root`` is the host PID of
    the process that started it (``bwrap``)."""

    def __init__(self, root):
        self.root = root
        self.depth = len(_field(_read(f"/proc/{root}/status"), "NSpid"))  # the sandbox's entry
        self.hosts = {}

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
                self.hosts.setdefault(inner, host)
            try:
                for task in os.listdir(f"/proc/{host}/task"):
                    todo.extend(int(child) for child in _read(f"/proc/{host}/task/{task}/children").split())
            except OSError:
                continue
        return self.hosts.get(pid)

    def _sandbox_pid(self, host):
        """``host``'s PID in the sandbox's namespace (not in one nested below it)."""
        try:
            ids = _field(_read(f"/proc/{host}/status"), "NSpid")
            return int(ids[self.depth]) if len(ids) > self.depth else None
        except (OSError, ValueError, StopIteration):
            return None

    def _facts(self, pid, maps=True):
        """``(host PID, parent's host PID, threads, descriptor links, shared memory)`` of
        the sandbox's process ``pid`` (whether it maps shared memory only if asked for,
        False otherwise); None where they can't be read."""
        host = self.host_pid(pid)
        if host is None:
            return None
        try:
            status = _read(f"/proc/{host}/status")
            links = {}
            for fd in os.listdir(f"/proc/{host}/fd"):
                links[int(fd)] = os.readlink(f"/proc/{host}/fd/{fd}")
            shared = maps_shared(f"/proc/{host}/maps") if maps else False
            if self._sandbox_pid(host) != pid:
                return None
            return (host, int(_field(status, "PPid")[0]), int(_field(status, "Threads")[0]),
                    links, shared)
        except (OSError, ValueError, StopIteration):
            return None

    def clean(self, pid):
        """Whether the sandbox's process ``pid`` runs one thread, holds no descriptor but
        one socket (its channel) and maps no shared memory; None when that can't be read."""
        facts = self._facts(pid)
        if facts is None:
            return None
        _, _, threads, links, shared = facts
        return threads == 1 and _one_socket(links) is not None and not shared

    def call_process(self, child, state):
        """Whether ``child`` is a process of its own, forked by the state ``state``, with
        one thread and a socket of its own (not the state's) as its only descriptor;
        None when that can't be read."""
        # Its maps are the state's (checked) and its own: memory only it shares is no channel.
        mine, theirs = self._facts(child, maps=False), self._facts(state, maps=False)
        if mine is None or theirs is None:
            return None
        host, parent, threads, links, _ = mine
        socket = _one_socket(links)
        return (host != theirs[0] and parent == theirs[0] and threads == 1
                and socket is not None and socket != _one_socket(theirs[3]))

    def stop(self, pid):
        """Stop the sandbox's process ``pid`` and wait until it is stopped; whether it is."""
        return self._signal(pid, signal.SIGSTOP, stopped=True)

    def resume(self, pid):
        return self._signal(pid, signal.SIGCONT, stopped=False)

    def _signal(self, pid, number, stopped):
        host = self.host_pid(pid)
        if host is None:
            return False
        try:
            os.kill(host, number)
            deadline = time.monotonic() + 5.0
            while time.monotonic() < deadline:
                state = _read(f"/proc/{host}/stat").rsplit(")", 1)[1].split()[0]
                if (state in "tT") == stopped:
                    return True
                time.sleep(0.0002)
        except OSError:
            return False
        return False


def _one_socket(links):
    """The only descriptor's target if it is a socket, else None."""
    targets = list(links.values())
    return targets[0] if len(targets) == 1 and targets[0].startswith("socket:") else None
