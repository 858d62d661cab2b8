"""Suggested prompts: when someone opens the bot's Messages tab, pin up to four requests they
can start with one click (``assistant.threads.setSuggestedPrompts``, Bolt's
``set_suggested_prompts``, which needs the ``assistant:write`` scope and the manifest's
``agent_view``)."""

from __future__ import annotations

import logging

from slack_bolt.context.set_suggested_prompts import SetSuggestedPrompts
from slack_sdk.errors import SlackApiError

from bot.texts import prompts as texts

log = logging.getLogger(__name__)
MAX_PROMPTS = 4  # Slack shows at most four


def on_messages_tab(event: dict) -> bool:
    """Listener matcher: an ``app_home_opened`` on the Messages tab."""
    return event.get("tab") == "messages"


def offer(set_suggested_prompts: SetSuggestedPrompts | None) -> None:
    """Pin the prompts; a workspace that installed the app before ``assistant:write`` was
    asked for answers ``missing_scope``, which is logged, not shown."""
    if set_suggested_prompts is None:  # Bolt attaches it only where a DM channel is known
        return
    try:
        set_suggested_prompts(prompts=list(texts.PROMPTS[:MAX_PROMPTS]), title=texts.TITLE)
    except SlackApiError as error:
        log.warning("suggested prompts not set: %s", error.response.get("error"))
