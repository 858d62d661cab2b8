"""bench/cpu.py: a server's CPU is its own and its descendants', read from /proc."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from cpu import tree_seconds

BURN = "import sys, time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass\nsys.stdin.read()"  # fmt: skip
PARENT = f"import subprocess, sys\nsubprocess.run([sys.executable, '-c', {BURN!r}])\nsys.stdin.read()"
pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")


def test_a_grandchild_burning_cpu_counts_and_an_unrelated_process_does_not() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdin=subprocess.PIPE)
    idle = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while tree_seconds(parent.pid) < 0.3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert 0.3 <= tree_seconds(parent.pid) < 2.0  # the grandchild's 0.3 s, plus start-up
        assert tree_seconds(idle.pid) < 0.3
    finally:
        for process in (parent, idle):  # end of input: both (and the grandchild) exit
            assert process.stdin is not None
            process.stdin.close()
            process.wait(10)


def test_a_process_that_is_gone_counts_nothing() -> None:
    assert tree_seconds(2**22 + 7) == 0.0
