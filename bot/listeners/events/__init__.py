"""Events API events: each hands the event to its feature."""

from slack_bolt import App

from bot.features import home, prompts, requests
from bot.features.install import Installs


def register(app: App, installs: Installs) -> None:
    app.event("app_home_opened", matchers=[prompts.on_messages_tab])(prompts.offer)
    app.event("app_home_opened")(home.opened)
    app.event("app_mention")(requests.mention)
    app.event("app_uninstalled")(installs.uninstalled)
    app.event("tokens_revoked")(installs.revoked)
