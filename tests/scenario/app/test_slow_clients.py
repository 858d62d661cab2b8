"""Slow and silent clients cannot starve acks (`python -m bot serve`, raw sockets): 16
connections that announce a 1 MB body and send 3 bytes, 16 that send nothing, and one that
trickles its headers a byte a second, all at once, against one worker; valid signed
requests are still answered at once, and the slow ones are cut after the read deadline
(bot/http_worker.py)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from bot.devtools.serve_process import ServeProcess
from bot.devtools.signed import SlackRequests
from bot.http_worker import IDLE_WAIT, REQUEST_READ_DEADLINE
from bot.server import EVENTS_PATH
from tests.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.support.loopback import http

pytestmark = pytest.mark.slow
SLOW = 16
ANSWER_WITHIN = 1.5  # s for a valid request while the slow clients hold on (Slack allows 3)
SLOW_HEAD = (
    f"POST {EVENTS_PATH} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
    "\r\nContent-Length: 1000000\r\n\r\nabc"
).encode()


@pytest.fixture(scope="module")
def server(fake_slack, redis_url: str) -> Iterator[ServeProcess]:
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.url, "REDIS_URL": redis_url,
        "REDIS_PREFIX": f"test-slow-{time.time_ns() % 10**9}",
    }  # fmt: skip
    with ServeProcess(env, workers=1) as served:
        yield served


def _connect(port: int, first: bytes = b"") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=REQUEST_READ_DEADLINE + 5)
    if first:
        sock.sendall(first)
    return sock


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    """True if the server answers or closes ``sock`` within ``seconds``."""
    sock.settimeout(seconds)
    try:
        sock.recv(65536)  # an answer (400 for the short body) or end-of-file
        return True
    except TimeoutError:
        return False
    except OSError:
        return True  # reset: closed too


def _rubric(port: int) -> tuple[int, float]:
    body, headers = SlackRequests(SIGNING_SECRET, team_id="T0TEST").slash_command(
        "/rubric", "", user_id="U0ALICE", channel_id="C0TEST", response_url="http://127.0.0.1:9/r"
    )
    started = time.perf_counter()
    status, _, _ = http("POST", f"http://127.0.0.1:{port}{EVENTS_PATH}", body=body, headers=headers)
    return status, time.perf_counter() - started


def _trickle(port: int, stop: threading.Event) -> None:
    sock = _connect(port)
    try:
        for byte in SLOW_HEAD:
            if stop.is_set():
                return
            sock.sendall(bytes([byte]))
            time.sleep(0.5)
    except OSError:
        return  # cut: what we want
    finally:
        sock.close()


def test_slow_and_silent_clients_do_not_starve_valid_requests(server: ServeProcess) -> None:
    slow = [_connect(server.port, SLOW_HEAD) for _ in range(SLOW)]
    silent = [_connect(server.port) for _ in range(SLOW)]
    stop = threading.Event()
    trickler = threading.Thread(target=_trickle, args=(server.port, stop), daemon=True)
    trickler.start()
    try:
        time.sleep(0.2)
        answers = [_rubric(server.port) for _ in range(10)]
        assert [status for status, _ in answers] == [200] * 10
        assert max(took for _, took in answers) < ANSWER_WITHIN, answers
        # Concurrent valid requests too: more of them than the slow clients.
        results: list[tuple[int, float]] = []
        threads = [
            threading.Thread(target=lambda: results.append(_rubric(server.port)))
            for _ in range(SLOW)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        assert [status for status, _ in results] == [200] * SLOW
        assert max(took for _, took in results) < ANSWER_WITHIN * 2, results
        # The slow bodies are cut at the read deadline, not held for minutes.
        assert all(_closed_within(sock, REQUEST_READ_DEADLINE + 2) for sock in slow)
    finally:
        stop.set()
        for sock in slow + silent:
            sock.close()
        trickler.join(5)
    assert "did not send its request within" in server.output()
    assert "Traceback" not in server.output()


def test_a_silent_connection_gets_no_thread_and_is_closed(server: ServeProcess) -> None:
    sock = _connect(server.port)
    try:
        assert _closed_within(sock, IDLE_WAIT + 2 + 3)  # the idle wait, then keepalive
    finally:
        sock.close()
