"""Build the running pieces (knowledge, store, app) from settings, for every entry point."""

from __future__ import annotations

import logging

import redis
from slack_bolt import App

from bot import key_migration, log_hygiene
from bot.app import create_app
from bot.knowledge_loader import load_knowledge
from bot.settings import Settings
from bot.state import Store, open_store

log = logging.getLogger(__name__)
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(level: str) -> None:
    """Configure logging once, at the entry point. Request data (bodies, message text,
    response_url, trigger_id, tokens) never appears at INFO or above: our loggers do not log
    it and ``bot.log_hygiene`` filters the library loggers that would (a level on
    ``slack_bolt`` would not hold: Bolt copies the root level onto its loggers)."""
    logging.basicConfig(level=level, format=LOG_FORMAT)
    log_hygiene.install()


def build(settings: Settings, *, process_before_response: bool = False) -> tuple[App, Store]:
    knowledge = load_knowledge(settings.knowledge_dir)
    store = open_store(settings)
    try:
        key_migration.migrate(store.client, store.prefix)  # keys from before the hash tags
    except (redis.RedisError, OSError) as exc:  # an outage must not stop the start; next start retries
        log.warning("key migration skipped (%s)", type(exc).__name__)
    app = create_app(
        settings, store=store, knowledge=knowledge, process_before_response=process_before_response
    )
    return app, store
