"""Listeners by the kind of Slack request: ``commands/``, ``actions/``, ``views/``,
``events/``, ``messages/``, ``shortcuts/``, ``functions/`` (workflow steps). They only adapt a payload, ack, and call a feature
(``bot/features/``); kind folders never import each other. ``middleware`` and ``errors``
run around all of them."""

from slack_bolt import App

from bot.features.install import Installs
from bot.listeners import actions, commands, events, functions, messages, shortcuts, views


def register(app: App, installs: Installs) -> None:
    commands.register(app)
    actions.register(app)
    views.register(app)
    events.register(app, installs)
    messages.register(app)
    shortcuts.register(app)
    functions.register(app)
