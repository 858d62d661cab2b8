"""A decision record's buttons: **Export Markdown** (the record as ``NNNN-topic-slug.md``,
uploaded into its thread with ``files_upload_v2``) and the reminder's **Re-run the cost
estimate** (the /llmcost form, filled with the estimate the record kept, priced today).

Their values are ``{team}|adr|{number}|0|{arg}``, untrusted: another workspace, a value that
differs from the clicked message or an unknown record changes nothing. A double click
uploads one file (a claim per record version); an upload that timed out is not repeated.
"""

from __future__ import annotations

import contextlib
import logging

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.blocks.clicks import decode_action
from bot.blocks.decisions import KIND, number_text
from bot.deps import Deps, team_of
from bot.domain.buildvsbuy import DecisionRecord
from bot.errors import BadButtonValue, StateUnavailable
from bot.features.buildvsbuy import decisions
from bot.features.llmcost.form import open_cost_modal
from bot.features.places import click_channel
from bot.features.replies import tell
from bot.plaintext.decisions import markdown
from bot.state import Key
from bot.texts import common
from bot.texts import decisions as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)
EXPORT_CLAIM_TTL = 600  # a second click within this on an unchanged record uploads nothing


def clicked_record(
    body: dict, action: dict, respond: Respond, context: BoltContext, arg: str
) -> DecisionRecord | None:
    """The record a button is for, or None after telling the clicker why not."""
    deps, team = Deps.of(context), team_of(context)
    try:
        click = decode_action(body, action, team=team, kind=KIND)
        if click.arg != arg or not click.id.isdigit():
            raise BadButtonValue("button value does not match its button")
    except BadButtonValue as error:
        log.info("ignored a record click: %s", error.why)
        tell(respond, describe(error, topic="buildvsbuy"))
        return None
    try:
        found = decisions.read_record(deps.store, team, int(click.id))
    except StateUnavailable:
        tell(respond, common.STATE_UNAVAILABLE)
        return None
    if found is None:
        tell(respond, texts.MISSING)
        return None
    return found.value


def export(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    record = clicked_record(body, action, respond, context, "export")
    if record is None:
        return
    deps, team = Deps.of(context), team_of(context)
    claim = Key(team, decisions.DECISIONS, f"export:{record.number}:{record.status}")
    try:
        if not deps.store.claim(key=claim, ttl=EXPORT_CLAIM_TTL):
            tell(respond, texts.EXPORTING)
            return
        topics = {e.number: e.topic for e in decisions.read_index(deps.store, team).entries}
    except StateUnavailable:
        tell(respond, common.STATE_UNAVAILABLE)
        return
    try:
        client.files_upload_v2(
            channel=record.channel, thread_ts=record.thread_ts, filename=record.filename,
            title=record.filename, content=markdown(record, topics),
            initial_comment=texts.EXPORT_COMMENT.format(
                record=number_text(record.number), user=body["user"]["id"]
            ),
        )  # fmt: skip
    except OSError:  # a timeout: it may be in the thread already; the claim stops a second
        log.warning("exporting record %s timed out", record.number)
    except SlackClientError as exc:
        error = exc.response.get("error") if isinstance(exc, SlackApiError) else "upload_failed"
        log.warning("exporting record %s failed: %s", record.number, error)
        with contextlib.suppress(StateUnavailable):
            deps.store.delete(key=claim)
        tell(respond, texts.EXPORT_FAILED.format(error=error))


def cost_fields(args: str) -> dict[str, object]:
    """``model=gpt-4o in=2000 batch`` -> {"model": "gpt-4o", "in": "2000", "batch": True}."""
    fields: dict[str, object] = {}
    for token in args.split():
        key, sep, value = token.partition("=")
        fields[key] = value if sep else True
    return fields


def rerun_cost(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """The reminder's button: the cost form with the record's estimate, answered in the
    thread (privately) at today's prices."""
    record = clicked_record(body, action, respond, context, "cost")
    if record is None:
        return
    try:
        open_cost_modal(
            client,
            trigger_id=body["trigger_id"],
            initial=cost_fields(record.cost.args) if record.cost else None,
            channel=click_channel(body) or record.channel,
            thread_ts=record.thread_ts,
            response_url=body.get("response_url"),
        )
    except SlackApiError as exc:
        tell(respond, texts.FORM_FAILED.format(error=exc.response.get("error", "unknown_error")))
