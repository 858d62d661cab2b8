"""gunicorn's gthread worker with read deadlines, so a slow or silent client cannot hold a
thread.

Stock gthread (gunicorn 27) lets a new connection hold a worker thread for 5 s before it
sends anything, and once a request has started, reads its headers and body with no time
limit at all: 16 connections that announce a 1 MB body and send 3 bytes take 16 threads for
as long as they like. Here:

* a new connection that sends nothing within ``IDLE_WAIT`` goes back to gunicorn's poller
  (no thread), which closes it after ``keepalive`` seconds;
* a request must arrive whole, headers and body, within ``REQUEST_READ_DEADLINE`` of the
  thread taking it (each read waits at most what is left). A client that misses it is
  treated as gone: the read returns end-of-file, the request fails short of its
  Content-Length and the connection closes; one WARNING line, no body;
* writing the answer to a client that does not read it gives up after ``WRITE_TIMEOUT``.

Slack sends small requests at once, so the deadlines never touch it. In production, a
buffering proxy in front (nginx's default ``proxy_request_buffering on`` with
``client_header_timeout`` / ``client_body_timeout`` of a few seconds) absorbs slow clients
before they reach a thread at all (README, "Serving in production").
"""

from __future__ import annotations

import logging
import socket
import sys
import time
import weakref
from typing import Any

from gunicorn.workers import gthread

log = logging.getLogger(__name__)
IDLE_WAIT = 1.0  # s a new connection may hold a thread before its first byte
REQUEST_READ_DEADLINE = 5.0  # s for a request's headers and body, from its first byte
WRITE_TIMEOUT = 10.0
CUT = 0.0
# Python hands the interpreter between threads every 5 ms by default: a post-ack job busy
# rendering would hold an ack up to that long. 0.5 ms keeps acks ahead of such work.
SWITCH_INTERVAL = 0.0005
_deadlines: weakref.WeakKeyDictionary[socket.socket, float] = weakref.WeakKeyDictionary()


class DeadlineSocket(socket.socket):
    """A client socket whose blocking reads share one deadline per request."""

    __slots__ = ()

    def setblocking(self, flag: bool) -> None:
        if not flag:
            super().setblocking(False)
            return
        # gthread makes the socket blocking when a thread takes the connection: a request
        # starts, and so does its deadline.
        _deadlines[self] = time.monotonic() + REQUEST_READ_DEADLINE
        super().settimeout(REQUEST_READ_DEADLINE)

    def _left(self) -> float:
        deadline = _deadlines.get(self)
        return REQUEST_READ_DEADLINE if deadline is None else deadline - time.monotonic()

    def recv(self, size: int, flags: int = 0) -> bytes:
        if _deadlines.get(self) == CUT:
            return b""
        left = self._left()
        try:
            if left <= 0:
                raise TimeoutError
            super().settimeout(left)
            return super().recv(size, flags)
        except TimeoutError:
            _cut(self)
            return b""

    def sendall(self, data: Any, flags: int = 0) -> None:
        super().settimeout(WRITE_TIMEOUT)
        super().sendall(data, flags)


def _cut(sock: socket.socket) -> None:
    try:
        peer = sock.getpeername()
    except OSError:
        peer = "?"
    log.warning("cut a client that did not send its request within %.0fs (%s)",
                REQUEST_READ_DEADLINE, peer[0] if isinstance(peer, tuple) else peer)  # fmt: skip
    _deadlines[sock] = CUT  # every later read of this request is at end-of-file at once


class DeadlineThreadWorker(gthread.ThreadWorker):
    """``worker_class`` for ``bot.server.run_gunicorn``: gthread with the deadlines above."""

    def init_process(self) -> None:
        sys.setswitchinterval(SWITCH_INTERVAL)
        super().init_process()

    def enqueue_req(self, conn: Any) -> None:
        if type(conn.sock) is socket.socket:
            conn.sock.__class__ = DeadlineSocket
        super().enqueue_req(conn)

    def handle(self, conn: Any) -> Any:
        # A new connection waits IDLE_WAIT (not gunicorn's 5 s) for its first byte, then
        # goes back to the poller without a thread.
        if not conn.initialized and not conn.data_ready and not conn.wait_for_data(IDLE_WAIT):
            return gthread._DEFER
        return super().handle(conn)
