"""Redis round trips per request, counted with MONITOR on the benchmark's private Redis.

Commands a Lua script runs inside Redis are not round trips and are not counted; nor
are PINGs (connection health checks). Connection set-up (HELLO, CLIENT, SELECT, AUTH,
once per new pooled connection) is reported apart. Pipelines would be over-counted (one round trip,
several commands), so the numbers are an upper bound."""

from __future__ import annotations

import collections
import threading

import load
import redis

SENTINEL = "bench-monitor-stop"
SETUP = frozenset({"HELLO", "CLIENT", "SELECT", "AUTH"})  # once per new pooled connection
SEQUENTIAL = 20


class Monitor:
    def __init__(self, url: str) -> None:
        self.url = url
        self.commands: list[str] = []
        self.setup: list[str] = []
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._listen, daemon=True)

    def _listen(self) -> None:
        client = redis.Redis.from_url(self.url, decode_responses=True)
        with client.monitor() as monitor:
            self._ready.set()
            for event in monitor.listen():
                command = str(event.get("command", ""))
                if SENTINEL in command:
                    return
                if event.get("client_type") == "lua" or command.upper().startswith("PING"):
                    continue
                name = command.split(" ", 1)[0].strip('"').upper()
                (self.setup if name in SETUP else self.commands).append(name)

    def __enter__(self) -> Monitor:
        self._thread.start()
        self._ready.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        redis.Redis.from_url(self.url).echo(SENTINEL)
        self._thread.join(10)


def count_round_trips(url: str, bench, port: int, flows_of) -> dict[str, dict]:
    """{"slash command": {...}, "button click": {...}}: per-request round trips and the
    command names seen, from ``SEQUENTIAL`` requests sent one at a time."""
    found = {}
    with Monitor(url) as seen:
        run = load.run(port, bench.commands(SEQUENTIAL), 1, bench.deadline)
    flows = flows_of(run)
    found["slash command"] = _summary(seen, len(run.samples))
    requests, keys = bench.clicks(flows, "monitor")
    with Monitor(url) as seen:
        clicks = load.run(port, requests, 1, bench.deadline)
        bench.arrivals(keys)  # the work after the ack is part of the click
    found["button click"] = _summary(seen, len(clicks.samples))
    return found


def _summary(seen: Monitor, requests: int) -> dict:
    return {
        "requests": requests,
        "per request": len(seen.commands) / requests if requests else float("nan"),
        "commands": dict(collections.Counter(seen.commands)),
        "connection setup": dict(collections.Counter(seen.setup)),
    }
