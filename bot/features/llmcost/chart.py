"""The *Break-even chart* button on an /llmcost answer: the estimate again from the button's
arguments (untrusted, parsed as typed), its break-even curve drawn as a PNG and uploaded into
the conversation of the click (its thread, if any) with ``files_upload_v2``.

Runs after the ack (drawing takes a few hundred milliseconds). Where the bot can't post files
(an ephemeral answer in a channel it isn't in), the chart goes to the person's DM with the bot
and they are told so; any other refusal is told to them only.
"""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.charts.breakeven import alt_text, draw
from bot.deps import Deps
from bot.domain.cost.curve import sample_curve
from bot.domain.cost.errors import CostInputError
from bot.features.llmcost.answer import run
from bot.features.llmcost.buttons import private_error
from bot.features.places import NOT_A_MEMBER, click_channel, container, open_dm
from bot.features.replies import tell
from bot.texts import llmcost_answer as texts
from bot.texts import llmcost_chart as chart_texts

log = logging.getLogger(__name__)
ALT_LIMIT = 1000  # files.getUploadURLExternal's alt_txt


def post_chart(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    deps = Deps.of(context)
    value = action.get("value")
    try:
        estimate, _ = run(value if isinstance(value, str) else "", deps)
    except CostInputError as bad:
        log.info("chart click with an unreadable value (%s)", bad.code)
        private_error(respond, bad)
        return
    knowledge = deps.knowledge
    curve = sample_curve(estimate, knowledge.selfhost, knowledge.costs.calendar)
    png, alt = draw(curve), alt_text(curve)
    comment = texts.CHART_COMMENT.format(model=estimate.primary.ref, alt=alt)

    def upload(channel: str | None, thread: str | None = None) -> None:
        client.files_upload_v2(
            channel=channel, thread_ts=thread, content=png, filename=chart_texts.FILENAME,
            title=chart_texts.TITLE, alt_txt=alt[:ALT_LIMIT], initial_comment=comment,
        )  # fmt: skip

    thread = container(body).get("thread_ts") or (body.get("message") or {}).get("thread_ts")
    refused = ""
    try:
        upload(click_channel(body), thread)
    except SlackApiError as exc:
        refused = str(exc.response.get("error", "unknown_error"))
    if not refused:
        return
    log.info("chart upload refused: %s", refused)
    if refused not in NOT_A_MEMBER:
        tell(respond, texts.CHART_FAILED.format(error=refused))
        return
    try:
        upload(open_dm(client, body["user"]["id"]))
    except SlackApiError as exc:
        tell(respond, texts.CHART_FAILED.format(error=exc.response.get("error", "unknown_error")))
        return
    tell(respond, texts.CHART_IN_DM.format(model=estimate.primary.ref))
