"""``maps_shared``: whether a process maps shared memory, asked of the kernel
(``PROCMAP_QUERY``) or read from the text of ``/proc/PID/maps`` where the kernel
can't answer; both ways agree with the text."""

import errno
import os
import subprocess
import sys

import pytest

from autograder.sandbox import maps

PROBE = """
import mmap, sys
print("ready", flush=True)
sys.stdin.readline()
shared = mmap.mmap(-1, 4096, flags=mmap.MAP_SHARED)
private = mmap.mmap(-1, 4096, flags=mmap.MAP_PRIVATE)
print("mapped", flush=True)
sys.stdin.readline()
"""


@pytest.fixture(params=["kernel", "text"])
def way(request, monkeypatch):
    if request.param == "text":
        def unknown(*args):
            raise OSError(errno.ENOTTY, "no PROCMAP_QUERY on this kernel")
        monkeypatch.setattr(maps.fcntl, "ioctl", unknown)
    return request.param


def test_maps_shared_sees_a_process_map_shared_memory_and_not_before(way):
    # In the C locale a plain Python maps nothing shared (no iconv cache).
    env = {"LC_ALL": "C", "PATH": os.environ.get("PATH", "")}
    with subprocess.Popen([sys.executable, "-S", "-c", PROBE], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True, env=env) as probe:
        try:
            assert probe.stdout.readline() == "ready\n"
            path = f"/proc/{probe.pid}/maps"
            with open(path) as text:
                assert not maps.shared(text.read())
            assert maps.maps_shared(path) is False
            probe.stdin.write("\n")
            probe.stdin.flush()
            assert probe.stdout.readline() == "mapped\n"
            with open(path) as text:
                assert maps.shared(text.read())
            assert maps.maps_shared(path) is True
        finally:
            probe.kill()


def test_maps_shared_passes_on_errors_other_than_an_unknown_request(monkeypatch):
    def denied(*args):
        raise OSError(errno.EACCES, "denied")
    monkeypatch.setattr(maps.fcntl, "ioctl", denied)
    with pytest.raises(PermissionError):
        maps.maps_shared("/proc/self/maps")
