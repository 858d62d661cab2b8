"""Events API events: each hands the event to its feature, after the ack."""

from slack_bolt import App

from bot.features import home, prompts, requests
from bot.features.install import Installs
from bot.listeners.later import after_ack


def register(app: App, installs: Installs) -> None:
    app.event("app_home_opened", matchers=[prompts.on_messages_tab])(after_ack(prompts.offer))
    app.event("app_home_opened")(after_ack(home.opened))
    app.event("app_mention")(after_ack(requests.mention))
    app.event("app_uninstalled")(after_ack(installs.uninstalled))
    app.event("tokens_revoked")(after_ack(installs.revoked))
