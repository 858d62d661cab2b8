"""A decision record's life after it is posted: its revisit reminder (``chat.scheduleMessage``
in its thread on the revisit date; the scheduled id is kept) and being superseded (its
message edited to "Superseded by", its reminder cancelled).

A Web API timeout is checked, not taken for a failure: a scheduled message is looked up with
``chat.scheduledMessages.list`` before scheduling it again.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.decisions import record_message, reminder_message
from bot.deps import Deps
from bot.domain.buildvsbuy import DecisionRecord
from bot.errors import StateError
from bot.features.buildvsbuy import decisions

log = logging.getLogger(__name__)
REMINDER_HOUR_UTC = 15  # mid-morning in the Americas, afternoon in Europe


def reminder_time(record: DecisionRecord) -> int | None:
    """The reminder's post_at: the revisit date at REMINDER_HOUR_UTC (epoch seconds)."""
    if record.revisit_on is None:
        return None
    when = datetime.combine(record.revisit_on, time(REMINDER_HOUR_UTC), tzinfo=UTC)
    return int(when.timestamp())


def _already_scheduled(client: WebClient, channel: str, post_at: int, text: str) -> str | None:
    """After a timeout: the id of the reminder if Slack scheduled it after all."""
    try:
        listed = client.chat_scheduledMessages_list(channel=channel)
    except (SlackApiError, OSError) as exc:
        log.warning("could not check for the scheduled reminder: %s", type(exc).__name__)
        return None
    for item in listed.get("scheduled_messages") or []:
        if item.get("post_at") == post_at and item.get("text") == text:
            return str(item.get("id"))
    return None


def schedule_reminder(client: WebClient, team: str, record: DecisionRecord) -> DecisionRecord:
    """``record`` with its revisit reminder scheduled (``reminder_id``), or unchanged when
    Slack refused (logged: e.g. not_in_channel where the record came by response_url)."""
    post_at = reminder_time(record)
    if post_at is None or record.reminder_id:
        return record
    payload = reminder_message(record, team)
    try:
        sent = client.chat_scheduleMessage(
            channel=record.channel, post_at=post_at, thread_ts=record.thread_ts, **payload
        )
        found: str | None = str(sent["scheduled_message_id"])
    except SlackApiError as exc:
        log.warning("the revisit reminder was not scheduled: %s", exc.response.get("error"))
        return record
    except OSError:
        found = _already_scheduled(client, record.channel, post_at, payload["text"])
        if found is None:  # not there: one more try is safe
            try:
                sent = client.chat_scheduleMessage(
                    channel=record.channel, post_at=post_at, thread_ts=record.thread_ts, **payload
                )
                found = str(sent["scheduled_message_id"])
            except (SlackApiError, OSError) as exc:
                log.warning("the revisit reminder was not scheduled: %s", type(exc).__name__)
                return record
    return record.model_copy(update={"reminder_id": found, "reminder_at": post_at})


def cancel_reminder(client: WebClient, record: DecisionRecord) -> DecisionRecord:
    """``record`` without its reminder (deleted from Slack's schedule)."""
    if not record.reminder_id:
        return record
    try:
        client.chat_deleteScheduledMessage(
            channel=record.channel, scheduled_message_id=record.reminder_id
        )
    except SlackApiError as exc:  # already sent or gone: nothing left to cancel
        log.info("revisit reminder not cancelled: %s", exc.response.get("error"))
    except OSError:
        log.warning("cancelling the revisit reminder timed out; it may still be sent")
        return record
    return record.model_copy(update={"reminder_id": None, "reminder_at": None})


def redraw(client: WebClient, team: str, record: DecisionRecord) -> None:
    """Edit the record's message to show it as it is now (status, owner), if it has one."""
    if not record.message_ts:
        return
    try:
        client.chat_update(
            channel=record.channel, ts=record.message_ts, **record_message(record, team)
        )
    except (SlackApiError, OSError) as exc:
        log.warning("could not edit record %s's message: %s", record.number, type(exc).__name__)


def supersede(client: WebClient, deps: Deps, team: str, new: DecisionRecord) -> None:
    """Mark each record ``new`` supersedes: status, link, message edited, reminder cancelled."""
    for number in new.supersedes:
        try:
            old = decisions.change_record(deps.store, team, number,
                lambda r: r.model_copy(update={
                    "status": "Superseded", "superseded_by": new.number,
                    "superseded_link": new.link,
                }),
            )  # fmt: skip
        except StateError as exc:
            log.warning("could not mark record %s superseded: %s", number, type(exc).__name__)
            continue
        if old is None:
            continue
        redraw(client, team, old)
        cancelled = cancel_reminder(client, old)
        if cancelled != old:
            try:
                decisions.change_record(deps.store, team, number,
                    lambda r: r.model_copy(update={"reminder_id": None, "reminder_at": None}),
                )  # fmt: skip
            except StateError:
                log.warning("could not forget record %s's cancelled reminder", number)
