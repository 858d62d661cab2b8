"""DMs to the bot that no feature claimed: answer by intent, in the DM; anything else gets
the general help (the same examples, without the @mention)."""

from __future__ import annotations

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.blocks.help import help_message
from bot.deps import Deps, team_of
from bot.domain.intent import Kind, parse_intent
from bot.listeners.intents import Turn, answer
from bot.texts import common
from bot.texts.help import DM_AT


def handle_dm(message: dict, client: WebClient, context: BoltContext) -> None:
    """Reply to a human DM: its intent's answer, or help."""
    intent = parse_intent(message.get("text") or "")
    if intent.kind is Kind.UNKNOWN:
        client.chat_postMessage(
            channel=message["channel"],
            thread_ts=message.get("thread_ts"),
            **help_message(DM_AT, fallback=common.GENERAL_HELP),
        )
        return
    answer(
        Turn(
            client=client,
            deps=Deps.of(context),
            team=team_of(context),
            user=message["user"],
            channel=message["channel"],
            thread_ts=message.get("thread_ts"),
            intent=intent,
            at=DM_AT,
        )
    )
