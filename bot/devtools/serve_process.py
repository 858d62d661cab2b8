"""Run the production server (``python -m bot serve``: gunicorn) as a child process on a
free loopback port, for scale-out tests and the benchmark.

    with ServeProcess(env={"SLACK_API_URL": fake.url, "REDIS_URL": url, ...}) as server:
        post(server.url + "/slack/events", ...)

``argv`` may name another WSGI server command (the benchmark's no-op app); it gets
``PORT`` in its environment like ``serve`` does. ``start()`` returns once
``GET /healthz`` answers 200, and ``started_in`` is how long that took.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from typing import IO

from bot.devtools.redis_server import free_port
from bot.settings import PROJECT_ROOT

POLL_SECONDS = 0.01  # started_in is this precise (the benchmark compares start-ups with it)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


class ServeProcess:
    def __init__(
        self,
        env: Mapping[str, str],
        *,
        workers: int = 1,
        argv: Sequence[str] | None = None,
        port: int | None = None,
    ) -> None:
        self.port = port or free_port()
        self.argv = list(argv or [sys.executable, "-m", "bot", "serve", "--workers", str(workers)])
        inherited = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "REDIS_"))}
        self.env = {**inherited, "LOG_LEVEL": "WARNING", **env, "PORT": str(self.port)}
        self.process: subprocess.Popen | None = None
        self.started_in: float | None = None
        self._output: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> ServeProcess:
        began = time.perf_counter()
        self._output = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            self.argv, cwd=PROJECT_ROOT, env=self.env, stdout=self._output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if _healthy(self.url):
                self.started_in = time.perf_counter() - began
                return self
            if self.process.poll() is not None:
                break
            time.sleep(POLL_SECONDS)
        output = self.stop()
        raise RuntimeError(f"server on port {self.port} did not start:\n{output}")

    def stop(self) -> str:
        """Stop the server (SIGTERM, then SIGKILL) and return what it printed."""
        if self.process is None:
            return ""
        process, self.process = self.process, None
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        text = self.output()
        if self._output is not None:
            self._output.close()
            self._output = None
        return text

    def output(self) -> str:
        """What the server printed so far."""
        if self._output is None:
            return ""
        self._output.seek(0)
        return self._output.read().decode("utf-8", "replace")

    def __enter__(self) -> ServeProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
