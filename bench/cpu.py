"""CPU time a server spent, from /proc: its gunicorn master and every process under it,
summed over their threads' ``schedstat`` (nanoseconds on a CPU; ``stat``'s user + system
ticks are 10 ms steps, too coarse for a round of a hundred requests), so a run can say what
a request cost the machine besides how long the client waited. Threads that ended during
a round are not counted (the servers' threads are pools that live as long as they do)."""

from __future__ import annotations

from pathlib import Path

PROC = Path("/proc")


def _parent(pid: str) -> int | None:
    try:
        text = (PROC / pid / "stat").read_text()
    except OSError:
        return None
    return int(text.rpartition(")")[2].split()[1])  # the name may hold spaces or parentheses


def _on_cpu(pid: int) -> float:
    """Seconds the threads of ``pid`` alive now have run."""
    total = 0
    for task in (PROC / str(pid) / "task").glob("*/schedstat"):
        try:
            total += int(task.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue
    return total / 1e9


def tree_seconds(root: int) -> float:
    """CPU seconds of ``root`` and its descendants so far (0.0 where /proc is missing)."""
    if not PROC.is_dir():
        return 0.0
    parents = {int(e.name): _parent(e.name) for e in PROC.iterdir() if e.name.isdigit()}
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += _on_cpu(pid)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total
