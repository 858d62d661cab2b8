"""The Bolt app factory: wires settings, state and knowledge into the listeners."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot import listeners
from bot.deps import Deps
from bot.domain.knowledge import Knowledge
from bot.listeners.errors import handle_error
from bot.settings import Settings
from bot.state import Store


def create_app(
    settings: Settings,
    *,
    store: Store,
    knowledge: Knowledge,
    client: WebClient | None = None,
    process_before_response: bool = False,
) -> App:
    """A Bolt ``App`` whose Web API client talks to ``settings.slack_api_url``."""
    token = settings.secret("slack_bot_token")
    app = App(
        signing_secret=settings.secret("slack_signing_secret"),
        client=client or WebClient(token=token, base_url=settings.slack_api_url),
        token_verification_enabled=False,
        process_before_response=process_before_response,
    )
    deps = Deps(settings=settings, store=store, knowledge=knowledge)

    @app.middleware
    def inject_deps(context, next):
        context["deps"] = deps
        return next()

    app.error(handle_error)
    listeners.register(app)
    return app
