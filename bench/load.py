"""Closed-loop load over loopback: ``concurrency`` threads send pre-signed requests back
to back (a new connection each, like Slack, over raw sockets) and record status, client
latency, and the server's own time from its ``Server-Timing: app;dur=<ms>`` header."""

from __future__ import annotations

import itertools
import re
import socket
import statistics
import threading
import time
from dataclasses import dataclass, field

from bot.server import EVENTS_PATH

TIMING = re.compile(r"app;dur=([0-9.]+)")
LENGTH = re.compile(rb"(?im)^content-length:\s*(\d+)")


@dataclass
class Sample:
    status: int
    server_ms: float
    client_ms: float
    sent_at: float  # unix time
    body: bytes
    tag: str | None = None  # a request's optional third item (a click's response_url key)


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    wall: float = 0.0
    cpu: float = 0.0  # s of CPU the server's processes spent on it (bench/cpu.py)

    @property
    def ok(self) -> int:
        return sum(1 for s in self.samples if s.status == 200)

    @property
    def cpu_ms(self) -> float:
        """The server's CPU per request, ms."""
        return self.cpu / len(self.samples) * 1000 if self.samples else float("nan")

    @property
    def rps(self) -> float:
        return len(self.samples) / self.wall if self.wall else 0.0

    def server(self, q: float) -> float:
        return quantile([s.server_ms for s in self.samples], q)

    def client(self, q: float) -> float:
        return quantile([s.client_ms for s in self.samples], q)


def merge(runs: list[Run]) -> Run:
    """One run of several rounds: all their samples, their wall and CPU times added."""
    samples = [s for run in runs for s in run.samples]
    return Run(samples, sum(run.wall for run in runs), sum(run.cpu for run in runs))


def quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def send(port: int, body: str, headers: dict[str, str], timeout: float = 30.0) -> Sample:
    """One POST on a new connection over a raw socket (the request bytes are built before
    the clock starts; the answer is read up to its Content-Length): the load generator
    costs the CPU it shares with the servers as little as possible."""
    payload = body.encode()
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    request = (f"POST {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
               f"Content-Length: {len(payload)}\r\n{head}\r\n").encode() + payload  # fmt: skip
    sent_at, started = time.time(), time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed before the headers")
            data += chunk
        top, _, rest = data.partition(b"\r\n\r\n")
        length = int(LENGTH.search(top).group(1)) if LENGTH.search(top) else None
        while length is None or len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
    client_ms = (time.perf_counter() - started) * 1000
    status = int(top.split(b" ", 2)[1])
    timing = TIMING.search(top.decode("latin-1"))
    server_ms = float(timing.group(1)) if timing else float("nan")
    return Sample(status, server_ms, client_ms, sent_at, rest[:length] if length else rest)


def run(port: int, requests: list[tuple], concurrency: int, deadline: float) -> Run:
    """Send every request once with ``concurrency`` in flight; stop early at ``deadline``
    (a time.monotonic() value), so a stuck server cannot hang the benchmark."""
    results: list[Sample | None] = [None] * len(requests)
    counter = itertools.count()

    def worker() -> None:
        for i in counter:
            if i >= len(requests) or time.monotonic() > deadline:
                return
            body, headers, *tag = requests[i]
            try:
                results[i] = send(port, body, headers)
            except OSError:
                results[i] = Sample(0, float("nan"), float("nan"), time.time(), b"")
            results[i].tag = tag[0] if tag else None

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()) + 1)
    wall = time.perf_counter() - started
    return Run([s for s in results if s is not None], wall)
