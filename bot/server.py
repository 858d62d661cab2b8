"""Production HTTP: the gate (``bot/gate.py``) and Bolt's WSGI adapter on /slack/events, plus
GET /healthz, under gunicorn."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest

from bot import usage_http
from bot.bolt_request import bolt_request
from bot.deps import hold_jobs
from bot.errors import StateUnavailable
from bot.gate import PARSED, Gate
from bot.state import Store

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
UNAVAILABLE_PAGE = "The state store is unavailable right now. Try again in a minute.\n"
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class _Handler(SlackRequestHandler):
    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        """Bolt's, with the request built by ``bolt_request`` (a command's text may say
        "payload"; a payload the gate parsed is not parsed again)."""
        body, query, headers = request.get_body(), request.query_string, request.get_headers()
        parsed = request.environ.get(PARSED)  # the gate parsed this body already
        return self.app.dispatch(bolt_request(body=body, query=query, headers=headers, parsed=parsed))


def gated(app: App, *, signing_secret: str | None = None) -> WSGIApp:
    """Bolt's WSGI adapter behind the gate: only signed, fresh, well-formed POSTs to
    /slack/events reach the app; the OAuth pages pass (bodies over the limit refused)."""
    secret = signing_secret or app._signing_secret  # Bolt keeps the App's secret here
    return Gate(_Handler(app, path=EVENTS_PATH), signing_secret=secret, path=EVENTS_PATH)


def health(store: Store) -> dict[str, object]:
    """/healthz: ``redis`` is ``ok``, ``read-only`` (a replica, or a demoted primary after a
    failover: writes would fail) or ``unavailable``."""
    return {"ok": True, "redis": store.health()}


def make_wsgi_app(app: App, store: Store) -> WSGIApp:
    """Route /healthz to a Redis check, POST /usage and GET /budget/<feature> to the spend
    endpoints (their own token check), and everything else through the gate to Bolt (events,
    and the OAuth install pages when OAuth is on). Every response carries
    ``Server-Timing: app;dur=<ms>`` (the benchmark reads it); a Redis outage on an install
    page is a 503, not a traceback."""
    bolt = gated(app)
    usage = usage_http.make_usage_app(store)  # POST /usage, GET /budget/<feature>

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.perf_counter()

        def timed_start_response(status: str, headers: list, *exc_info: Any) -> Any:
            elapsed = (time.perf_counter() - started) * 1000
            return start_response(
                status, [*headers, ("Server-Timing", f"app;dur={elapsed:.2f}")], *exc_info
            )

        if environ.get("PATH_INFO") == "/healthz" and environ.get("REQUEST_METHOD") == "GET":
            body = json.dumps(health(store))
            timed_start_response("200 OK", [("Content-Type", "application/json")])
            return [body.encode()]
        if usage_http.handles(environ):
            return usage(environ, timed_start_response)
        try:
            return bolt(environ, timed_start_response)
        except StateUnavailable:
            timed_start_response(
                "503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8")]
            )
            return [UNAVAILABLE_PAGE.encode()]

    return after_response(wsgi)


class _Closing(list):
    """A WSGI body whose ``close()`` (called by the server after writing it) runs ``done``;
    if nobody calls it, being collected does."""

    def __init__(self, body: Iterable[bytes], done: Callable[[], None]) -> None:
        super().__init__(body)
        self._done: Callable[[], None] | None = done

    def close(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            done()

    def __del__(self) -> None:
        self.close()


def after_response(wsgi: WSGIApp) -> WSGIApp:
    """Post-ack jobs a request submits (``Deps.later``) start once its response is written."""

    def held(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        stop = hold_jobs()
        try:
            body = wsgi(environ, start_response)
        except BaseException:
            stop()()
            raise
        return _Closing(body, stop())

    return held


SERVE_THREADS = 32  # per worker: acks run in these threads (more than a few slow clients)
KEEPALIVE = 2  # s an idle kept-alive connection stays open (in the poller, no thread)


def gunicorn_config(
    *, port: int, workers: int, threads: int, preload: bool = False
) -> dict[str, object]:
    """gunicorn's settings: gthread with read deadlines (``bot/http_worker.py``), so slow
    or silent clients are cut after a few seconds; idle connections close after
    ``KEEPALIVE`` s. ``preload``: the app is built once, before the workers fork."""
    return {
        "preload_app": preload,
        "bind": f"0.0.0.0:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "bot.http_worker.DeadlineThreadWorker",
        "keepalive": KEEPALIVE,
        "timeout": 30,  # a worker whose main loop stops for this long is restarted
        "graceful_timeout": 10,
        "accesslog": None,
    }


def run_gunicorn(
    wsgi_factory: Callable[[], WSGIApp],
    *,
    port: int,
    workers: int,
    threads: int = SERVE_THREADS,
    preload: bool = False,
) -> None:
    """Serve with ``gunicorn_config``; each worker builds its own app (``preload``: the
    parent calls ``wsgi_factory`` once and the workers inherit what it built)."""
    from gunicorn.app.base import BaseApplication

    class _Server(BaseApplication):
        def load_config(self) -> None:
            config = gunicorn_config(port=port, workers=workers, threads=threads, preload=preload)
            for name, value in config.items():
                self.cfg.set(name, value)

        def load(self) -> WSGIApp:
            return wsgi_factory()

    log.info("serving %s and /healthz on port %d", EVENTS_PATH, port)
    _Server().run()
