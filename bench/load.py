"""Closed-loop load over loopback: ``concurrency`` threads send pre-signed requests back
to back (a new connection each, like Slack) and record status, client latency, and the
server's own time from its ``Server-Timing: app;dur=<ms>`` header."""

from __future__ import annotations

import http.client
import itertools
import re
import statistics
import threading
import time
from dataclasses import dataclass, field

from bot.server import EVENTS_PATH

TIMING = re.compile(r"app;dur=([0-9.]+)")


@dataclass
class Sample:
    status: int
    server_ms: float
    client_ms: float
    sent_at: float  # unix time
    body: bytes


@dataclass
class Run:
    samples: list[Sample] = field(default_factory=list)
    wall: float = 0.0

    @property
    def ok(self) -> int:
        return sum(1 for s in self.samples if s.status == 200)

    @property
    def rps(self) -> float:
        return len(self.samples) / self.wall if self.wall else 0.0

    def server(self, q: float) -> float:
        return quantile([s.server_ms for s in self.samples], q)

    def client(self, q: float) -> float:
        return quantile([s.client_ms for s in self.samples], q)


def quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def send(port: int, body: str, headers: dict[str, str], timeout: float = 30.0) -> Sample:
    sent_at, started = time.time(), time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", EVENTS_PATH, body=body.encode(), headers=headers)
        response = connection.getresponse()
        data = response.read()
        timing = TIMING.search(response.getheader("Server-Timing") or "")
    finally:
        connection.close()
    client_ms = (time.perf_counter() - started) * 1000
    server_ms = float(timing.group(1)) if timing else float("nan")
    return Sample(response.status, server_ms, client_ms, sent_at, data)


def run(port: int, requests: list[tuple[str, dict]], concurrency: int, deadline: float) -> Run:
    """Send every request once with ``concurrency`` in flight; stop early at ``deadline``
    (a time.monotonic() value), so a stuck server cannot hang the benchmark."""
    results: list[Sample | None] = [None] * len(requests)
    counter = itertools.count()

    def worker() -> None:
        for i in counter:
            if i >= len(requests) or time.monotonic() > deadline:
                return
            try:
                results[i] = send(port, *requests[i])
            except OSError:
                results[i] = Sample(0, float("nan"), float("nan"), time.time(), b"")

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()) + 1)
    wall = time.perf_counter() - started
    return Run([s for s in results if s is not None], wall)
