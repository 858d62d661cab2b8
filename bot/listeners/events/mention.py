"""``@Tradeoffs <request>`` in a channel or thread: answered in the thread.

The reply goes to ``event.thread_ts`` (the thread it was asked in) or ``event.ts`` (a new
thread under the mention). Retries of the same event are dropped before this runs by the
global dedupe middleware (``bot/listeners/dedupe.py``).
"""

from __future__ import annotations

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.deps import Deps, team_of
from bot.domain.intent import parse_intent
from bot.listeners.intents import Turn, answer
from bot.texts.help import MENTION_AT


def register(app: App) -> None:
    app.event("app_mention")(on_mention)


def on_mention(event: dict, client: WebClient, context: BoltContext) -> None:
    if event.get("bot_id") or not event.get("user"):
        return
    answer(
        Turn(
            client=client,
            deps=Deps.of(context),
            team=team_of(context),
            user=event["user"],
            channel=event["channel"],
            thread_ts=event.get("thread_ts") or event["ts"],
            intent=parse_intent(event.get("text") or ""),
            at=MENTION_AT,
        )
    )
