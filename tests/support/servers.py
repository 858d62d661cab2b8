"""Several `python -m bot serve` processes on one Redis, started side by side."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import redis

from bot.devtools.serve_process import ServeProcess


@contextmanager
def serve_processes(
    env: Mapping[str, str], redis_client: redis.Redis, prefix: str, *, count: int = 2,
    workers: int = 1,
) -> Iterator[list[str]]:
    """The servers' URLs; afterwards the servers are stopped and the keys under ``prefix``
    deleted."""
    servers = [ServeProcess(env, workers=workers) for _ in range(count)]
    starters = [threading.Thread(target=s.start) for s in servers]
    for thread in starters:
        thread.start()
    for thread in starters:
        thread.join(90)
    try:
        assert all(s.started_in is not None for s in servers), [s.output() for s in servers]
        yield [s.url for s in servers]
    finally:
        for server in servers:
            server.stop()
        keys = list(redis_client.scan_iter(match=f"{prefix}:*"))
        if keys:
            redis_client.delete(*keys)
