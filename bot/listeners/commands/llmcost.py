"""`/llmcost ...`: the estimate in the ack (ephemeral, with "Share in channel").

`/llmcost help` answers the help; `/llmcost` alone opens the form (ack first, then
views.open with the command's trigger_id). Bad input gets an ephemeral notice naming the
offending token with an example that works. No Redis: it answers with Redis down.

`estimate_payload(text, deps)` is the same answer as a plain message payload, for mentions
("@Tradeoffs cost model=...") and other features.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.llmcost import help_message
from bot.deps import Deps
from bot.domain.cost.parse import wants_help
from bot.listeners.llmcost_answer import answer
from bot.listeners.replies import tell
from bot.listeners.views.llmcost import open_cost_modal
from bot.texts import llmcost as texts

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.command(texts.COMMAND)(on_command)


def estimate_payload(text: str, deps: Deps) -> dict[str, Any]:
    """``{"text", "blocks"}`` for /llmcost arguments ``text``: the estimate (no share
    button: it is meant for a message everyone sees), the help for "" or "help", or an
    error notice for bad input. Never raises for bad input."""
    if wants_help(text):
        return help_message()
    return answer(text, deps, shareable=False)


def on_command(
    ack: Ack, command: dict, client: WebClient, respond: Respond, context: BoltContext
) -> None:
    text = command.get("text") or ""
    if not text.strip():
        ack()
        _open_form(client, command, respond)
        return
    if wants_help(text):
        ack(response_type="ephemeral", **help_message())
        return
    ack(response_type="ephemeral", **answer(text, Deps.of(context), shareable=True))


def _open_form(client: WebClient, command: dict, respond: Respond) -> None:
    try:
        open_cost_modal(
            client,
            trigger_id=command["trigger_id"],
            channel=command.get("channel_id"),
            response_url=command.get("response_url"),
        )
    except SlackApiError as exc:
        log.warning("views.open for /llmcost failed: %s", exc.response.get("error"))
        tell(respond, texts.FORM_FAILED)
