"""The benchmark's baselines: Bolt apps whose listeners only ack, on the same server stack
as the real one (bot.server.make_wsgi_app + Bolt's WSGI adapter + gunicorn with
bot.server.gunicorn_config: same worker class, workers and threads) and the same settings.

    PORT=3001 SLACK_SIGNING_SECRET=... SLACK_BOT_TOKEN=... python bench/noop_app.py WORKERS [MODE]

MODE ``in-response`` (default): ``process_before_response=True``, the ack is the HTTP
response, as in the real app: the fastest honest baseline. MODE ``polling``:
``process_before_response=False`` with a listener pool, as the real app ran before issue
17, so every ack waits on Bolt's 10 ms polling loop.
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

MODES = ("in-response", "polling")


def build(mode: str):
    settings = load_settings()
    token = settings.secret("slack_bot_token")
    app = App(
        signing_secret=settings.secret("slack_signing_secret"),
        client=WebClient(token=token, base_url=settings.slack_api_url),
        token_verification_enabled=False,
        process_before_response=mode == "in-response",
        listener_executor=ThreadPoolExecutor(max_workers=settings.listener_threads),
    )

    def just_ack(ack) -> None:
        ack()

    for command in ("/buildvsbuy", "/llmcost", "/rubric"):
        app.command(command)(just_ack)
    app.action(re.compile(".*"))(just_ack)
    return make_wsgi_app(app, open_store(settings))  # the store only answers /healthz


def main() -> None:
    mode = sys.argv[2] if len(sys.argv) > 2 else MODES[0]
    if mode not in MODES:
        raise SystemExit(f"mode must be one of {', '.join(MODES)}")
    settings = load_settings()
    run_gunicorn(lambda: build(mode), port=settings.port, workers=int(sys.argv[1]))


if __name__ == "__main__":
    main()
