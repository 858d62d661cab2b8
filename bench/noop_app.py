"""The benchmark's baseline: a Bolt app whose listeners only ack, on the same server stack
as the real one (bot.server.make_wsgi_app + Bolt's WSGI adapter + gunicorn gthread with
the same workers and threads), the same settings, process_before_response and listener pool.

    PORT=3001 SLACK_SIGNING_SECRET=... SLACK_BOT_TOKEN=... python bench/noop_app.py WORKERS
"""

from __future__ import annotations

import re
import sys
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient

from bot.server import make_wsgi_app, run_gunicorn
from bot.settings import load_settings
from bot.state import open_store

SERVE_THREADS = 8  # as `python -m bot serve`


def build():
    settings = load_settings()
    token = settings.secret("slack_bot_token")
    app = App(
        signing_secret=settings.secret("slack_signing_secret"),
        client=WebClient(token=token, base_url=settings.slack_api_url),
        token_verification_enabled=False,
        process_before_response=False,
        listener_executor=ThreadPoolExecutor(max_workers=settings.listener_threads),  # as the app
    )

    def just_ack(ack) -> None:
        ack()

    for command in ("/buildvsbuy", "/llmcost", "/rubric"):
        app.command(command)(just_ack)
    app.action(re.compile(".*"))(just_ack)
    return make_wsgi_app(app, open_store(settings))  # the store only answers /healthz


def main() -> None:
    settings = load_settings()
    run_gunicorn(build, port=settings.port, workers=int(sys.argv[1]), threads=SERVE_THREADS)


if __name__ == "__main__":
    main()
