"""Commands listeners: one module per feature, each with `register(app)`."""

from slack_bolt import App


def register(app: App) -> None:
    pass
