"""Production HTTP: Bolt's WSGI adapter on /slack/events plus GET /healthz, under gunicorn."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.state import Store

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def make_wsgi_app(app: App, store: Store) -> WSGIApp:
    """Route /healthz to a Redis check and everything else to Bolt."""
    bolt = SlackRequestHandler(app, path=EVENTS_PATH)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz" and environ.get("REQUEST_METHOD") == "GET":
            redis_ok = store.ping()
            body = json.dumps({"ok": True, "redis": "ok" if redis_ok else "unavailable"})
            start_response("200 OK", [("Content-Type", "application/json")])
            return [body.encode()]
        return bolt(environ, start_response)

    return wsgi


def run_gunicorn(
    wsgi_factory: Callable[[], WSGIApp], *, port: int, workers: int, threads: int
) -> None:
    """Serve with gunicorn's gthread workers; each worker builds its own app."""
    from gunicorn.app.base import BaseApplication

    class _Server(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"0.0.0.0:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("timeout", 30)
            self.cfg.set("accesslog", None)

        def load(self) -> WSGIApp:
            return wsgi_factory()

    log.info("serving %s and /healthz on port %d", EVENTS_PATH, port)
    _Server().run()
