"""Buttons on an /llmcost answer: "Share in channel" and "Change inputs".

Both carry the /llmcost arguments in their value, which is untrusted: it is parsed and
the estimate computed again, never read as a result. Sharing posts a copy without the
share button in the channel through the click's response_url (`in_channel`, the
ephemeral answer stays); a value that doesn't parse gets an ephemeral notice and
nothing is posted.
"""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.llmcost import error_message, estimate_message
from bot.deps import Deps
from bot.domain.cost.args import request_fields
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.parse import parse_request
from bot.features.llmcost.answer import run
from bot.features.llmcost.form import open_cost_modal
from bot.features.places import click_channel
from bot.features.replies import tell, tell_payload
from bot.texts import llmcost as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)


def _value(action: dict) -> str:
    value = action.get("value")
    return value if isinstance(value, str) else ""


def private_error(respond: Respond, error: CostInputError) -> None:
    """A button's arguments didn't parse: say so to the clicker only."""
    tell_payload(respond, error_message(texts.BAD_SHARE + "\n" + describe(error)))


def share(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    try:
        result, args = run(_value(action), Deps.of(context))
    except CostInputError as error:
        log.info("share click with an unreadable value (%s)", error.code)
        private_error(respond, error)
        return
    user = body["user"]["id"]
    payload = estimate_message(result, args=args, shareable=False, shared_by=user)
    if body.get("response_url"):
        respond(response_type="in_channel", replace_original=False, **payload)
        return
    client.chat_postMessage(channel=str(click_channel(body)), **payload)


def edit(body: dict, action: dict, respond: Respond, client: WebClient) -> None:
    """Open the form filled with this answer's arguments; it answers where the click was."""
    try:
        request = parse_request(_value(action))
    except CostInputError as error:
        log.info("edit click with an unreadable value (%s)", error.code)
        private_error(respond, error)
        return
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
    thread = container.get("thread_ts") or (body.get("message") or {}).get("thread_ts")
    try:
        open_cost_modal(
            client,
            trigger_id=body["trigger_id"],
            initial=request_fields(request),
            channel=channel,
            response_url=body.get("response_url"),
            thread_ts=thread,
        )
    except SlackApiError as exc:
        log.warning("views.open for /llmcost failed: %s", exc.response.get("error"))
        tell(respond, texts.FORM_FAILED)
