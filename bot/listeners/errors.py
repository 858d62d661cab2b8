"""The global error handler: every error becomes a short user message and a log line."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltResponse
from slack_sdk.errors import SlackApiError

from bot.blocks.common import notice
from bot.errors import TradeoffsError
from bot.features.places import NOT_A_MEMBER
from bot.texts import common
from bot.texts.errors import describe

log = logging.getLogger(__name__)


def handle_error(
    error: Exception,
    body: dict[str, Any],
    respond: Any,
    client: Any,
    response: BoltResponse | None = None,
) -> BoltResponse | None:
    """Tell the user what went wrong where we can reach them; log without secrets.

    Once the user has been told, Slack gets a plain 200, so it neither adds its own
    "dispatch_failed" line nor retries the event."""
    code = None
    if isinstance(error, TradeoffsError):
        log.info("request ended with %s", type(error).__name__)
        text = describe(error)
    elif isinstance(error, SlackApiError):
        code = str(error.response.get("error", "unknown_error"))
        log.warning("Slack API error %s from %s", code, _method(error))
        text = common.SLACK_ERROR.format(error=code, hint=common.SLACK_ERROR_HINTS.get(code, ""))
    elif isinstance(error, OSError):  # Slack unreachable or too slow (timeouts)
        log.warning("Slack call failed: %s", type(error).__name__)
        text = common.SLACK_UNREACHABLE
    else:
        log.error("unhandled %s in listener", type(error).__name__, exc_info=error)
        text = common.UNEXPECTED
    delivered = deliver_notice(text, body, respond, client, channel_broken=code in NOT_A_MEMBER)
    if delivered and response is not None:
        return BoltResponse(status=200, body="")
    return None


def _method(error: SlackApiError) -> str:
    """The Web API method of a failed call (never its arguments or token)."""
    url = str(getattr(error.response, "api_url", "") or "")
    return url.rstrip("/").rsplit("/", 1)[-1] or "unknown"


def deliver_notice(
    text: str, body: dict[str, Any], respond: Any, client: Any, *, channel_broken: bool = False
) -> bool:
    """The thread's response_url if there is one; else an ephemeral in the event's channel;
    else (or when the channel itself is the problem) a DM to the user."""
    event = body.get("event") or {}
    user = event.get("user") or (body.get("user") or {}).get("id") or body.get("user_id")
    channel = event.get("channel")
    try:
        if respond is not None and body.get("response_url"):
            respond(replace_original=False, response_type="ephemeral", **notice(text))
            return True
        if channel and user and not channel_broken:
            try:
                client.chat_postEphemeral(channel=channel, user=user, **notice(text))
                return True
            except SlackApiError as exc:
                log.info(
                    "ephemeral error notice failed (%s); trying a DM", exc.response.get("error")
                )
        if user:
            client.chat_postMessage(channel=user, **notice(text))
            return True
    except Exception as exc:
        log.warning("could not deliver the error message to the user (%s)", type(exc).__name__)
    return False
