"""The /llmcost form: `open_cost_modal` (called by /llmcost, the "Change inputs" button,
/buildvsbuy's "Estimate cost" button and App Home) and its submission.

Submitting builds the same argument string the command would get and answers the same:
bad input stays in the form (`response_action: errors` on the offending field, in the
command's words); a good one is posted to the user ephemerally where the form came from
(channel in `private_metadata`), through the command's response_url if the bot can't
post there, or, with no channel (App Home), as a DM. The form closes first (the ack) and the
answer is posted after it, in the post-ack pool (`Deps.later`): a slow Slack cannot turn the
submission into a timeout. Where nothing can be posted at all, the DM is the last resort.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.llmcost import estimate_message
from bot.blocks.llmcost_form import (
    block_for_key,
    cost_modal,
    field_error,
    field_id,
    form_fields,
)
from bot.deps import Deps
from bot.domain.cost.args import form_args, request_fields
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.parse import KEY_OF_ALIAS, parse_request
from bot.domain.cost.request import VOLUME_KINDS
from bot.domain.cost.result import Estimate
from bot.features.llmcost.answer import run
from bot.features.places import Place
from bot.features.replies import ResponseUrl, tell
from bot.texts import common
from bot.texts import llmcost as texts

log = logging.getLogger(__name__)


def open_cost_modal(
    client: WebClient,
    *,
    trigger_id: str,
    initial: Mapping[str, object] | None = None,
    channel: str | None = None,
    response_url: str | None = None,
    thread_ts: str | None = None,
) -> None:
    """Open the form. ``initial`` holds /llmcost arguments by key (``{"model": "gpt-4o",
    "in": "6k", "per_day": "2M"}``; aliases work) over the help's example; ``channel``
    (and ``thread_ts``) is where the answer goes, ephemerally; without it, a DM.
    ``response_url`` is a fallback for channels the bot is not in. Raises SlackApiError
    (e.g. an expired trigger_id)."""
    place = Place(channel=channel, thread_ts=thread_ts, response_url=response_url)
    view = cost_modal(initial_fields(initial), private_metadata=place.encode())
    client.views_open(trigger_id=trigger_id, view=view)


def initial_fields(initial: Mapping[str, object] | None) -> dict[str, str]:
    """The help's example with ``initial`` laid over it (a volume replaces the example's)."""
    fields = request_fields(parse_request(texts.EXAMPLE))
    given: dict[str, str] = {}
    for name, value in (initial or {}).items():
        key = KEY_OF_ALIAS.get(str(name).strip().lower())
        if key is not None and value is not None and value is not False:
            given[key] = "yes" if value is True else str(value)
    if any(kind in given for kind in VOLUME_KINDS):
        fields = {k: v for k, v in fields.items() if k not in VOLUME_KINDS}
    return fields | given


def submit(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    try:
        result, args = run(form_text(view), Deps.of(context))
    except CostInputError as error:
        ack(response_action="errors", errors={error_block(error): field_error(error)})
        return
    user, place = body["user"]["id"], Place.decode(view.get("private_metadata"))
    job = lambda: deliver(client, user, place, result, args)  # noqa: E731
    if not Deps.of(context).later.submit(job, what="/llmcost form answer"):
        ack(response_action="errors", errors={field_id("model"): common.BUSY_FIELD})
        return
    ack()


def form_text(view: dict) -> str:
    """The /llmcost arguments a submitted form stands for (CostInputError: a bad field)."""
    return form_args(form_fields(view))


def error_block(error: CostInputError) -> str:
    """The form field an error is about, from the key of its token (``in=-5`` -> in)."""
    key = KEY_OF_ALIAS.get(error.token.partition("=")[0].strip().lower(), "model")
    return block_for_key(key)


def deliver(client: WebClient, user: str, place: Place, result: Estimate, args: str) -> bool:
    """Post the answer to ``user``: ephemeral at ``place``, else a DM. False if all failed."""
    if place.channel:
        shareable = estimate_message(result, args=args, shareable=True)
        try:
            client.chat_postEphemeral(
                channel=place.channel, user=user, thread_ts=place.thread_ts, **shareable
            )
            return True
        except SlackApiError as exc:
            log.info("ephemeral /llmcost answer failed (%s)", exc.response.get("error"))
        if place.response_url and _respond(place.response_url, shareable):
            return True
    try:
        client.chat_postMessage(
            channel=user, **estimate_message(result, args=args, shareable=False)
        )
        return True
    except SlackApiError as exc:
        log.warning("DM /llmcost answer failed (%s)", exc.response.get("error"))
    return False


def _respond(url: str, payload: dict[str, Any]) -> bool:
    try:
        sent = ResponseUrl(response_url=url)(
            response_type="ephemeral", replace_original=False, **payload
        )
    except OSError as exc:
        log.info("response_url post failed (%s)", type(exc).__name__)
        return False
    return sent.status_code == 200


def open_for_command(client: WebClient, command: dict[str, Any], respond: Respond) -> None:
    """``/llmcost`` alone: open the form (after the ack) where the command was typed."""
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
