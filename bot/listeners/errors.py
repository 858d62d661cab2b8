"""The global error handler: every error becomes a short user message and a log line."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError

from bot.blocks.common import notice
from bot.errors import TradeoffsError
from bot.texts import common
from bot.texts.errors import describe

log = logging.getLogger(__name__)


def handle_error(error: Exception, body: dict[str, Any], respond: Any, client: Any) -> None:
    """Tell the user what went wrong where we can reach them; log without secrets."""
    if isinstance(error, TradeoffsError):
        log.info("request ended with %s", type(error).__name__)
        text = describe(error)
    elif isinstance(error, SlackApiError):
        code = str(error.response.get("error", "unknown_error"))
        log.warning("Slack API error %s", code)
        text = common.SLACK_ERROR.format(error=code, hint=common.SLACK_ERROR_HINTS.get(code, ""))
    else:
        log.error("unhandled %s in listener", type(error).__name__, exc_info=error)
        text = common.UNEXPECTED
    try:
        if respond is not None and body.get("response_url"):
            respond(replace_original=False, response_type="ephemeral", **notice(text))
            return
        event = body.get("event") or {}
        channel, user = event.get("channel"), event.get("user")
        if channel and user:
            client.chat_postEphemeral(channel=channel, user=user, **notice(text))
    except Exception:
        log.warning("could not deliver the error message to the user")
