"""Shortcuts (manifest ``features.shortcuts``): each acked at once, then its feature runs."""

from slack_bolt import App

from bot.features.buildvsbuy import shortcut
from bot.listeners.later import after_ack
from bot.texts import buildvsbuy as buildvsbuy_texts


def register(app: App) -> None:
    app.shortcut(buildvsbuy_texts.SHORTCUT_CALLBACK)(after_ack(shortcut.decide))
