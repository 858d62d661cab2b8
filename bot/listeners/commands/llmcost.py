"""``/llmcost ...``: the estimate (or the help) in the ack; ``/llmcost`` alone acks, then
opens the form with the command's trigger_id."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.deps import Deps, team_of
from bot.features.llmcost import answer, form
from bot.features.spend import forecasts
from bot.listeners.later import run_after_ack
from bot.texts import llmcost as texts


def register(app: App) -> None:
    app.command(texts.COMMAND)(on_command)


def on_command(
    ack: Ack, command: dict, client: WebClient, respond: Respond, context: BoltContext
) -> None:
    text = command.get("text") or ""
    if forecasts.wants_listing(text):  # /llmcost forecasts (bot/features/spend/forecasts.py)
        ack(**forecasts.listing(Deps.of(context), team_of(context)))
        return
    if answer.wants_form(text):
        ack()
        run_after_ack(context, command, lambda: form.open_for_command(client, command, respond), what="/llmcost form")
        return
    ack(**answer.command(text, Deps.of(context)))
