"""The weekly digest, opt-in per channel: what each feature spent in the week against the
week before, posted on Mondays at 09:00 UTC with ``chat.scheduleMessage``.

A scheduled message's text is fixed when it is scheduled, so the digest is kept fresh:
after an ingest, a channel's digest not refreshed for an hour is deleted and scheduled again
with the figures so far (one process does it: a SET NX claim); once its time has passed,
the next Monday's is scheduled."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.common import notice
from bot.blocks.spend_alerts import digest_message
from bot.blocks.spend_forms import DIGEST_CHANNEL, DIGEST_CHOICE, OFF, digest_modal, submitted
from bot.deps import Deps, team_of
from bot.domain.usage import UsageError
from bot.domain.usage.forecast import channel_id
from bot.domain.usage.ledger import month_of, week_by_feature
from bot.errors import StateUnavailable
from bot.features.spend.forecasts import store_for
from bot.features.spend.slack import client_for
from bot.features.spend.store import SpendStore
from bot.settings import Settings
from bot.texts import spend as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)
POST_AT = time(9, 0, tzinfo=UTC)  # Mondays
MIN_AHEAD = timedelta(minutes=2)
REFRESH_EVERY = 3600


def next_post(now: datetime) -> datetime:
    """The first Monday 09:00 UTC at least two minutes after ``now``."""
    day = now.date()
    while True:
        at = datetime.combine(day, POST_AT)
        if day.weekday() == 0 and at - now >= MIN_AHEAD:
            return at
        day += timedelta(days=1)


def payload(spend: SpendStore, *, post_at: datetime, now: datetime) -> dict:
    ending = min(now.date(), (post_at - timedelta(days=1)).date())
    months = sorted({month_of(ending - timedelta(days=d)) for d in (0, 13)})
    return digest_message(week_by_feature(spend.months(months), ending=ending), ending=ending)


def schedule(client: WebClient, spend: SpendStore, channel: str, now: datetime) -> dict:
    post_at = next_post(now)
    sent = client.chat_scheduleMessage(
        channel=channel, post_at=int(post_at.timestamp()), **payload(spend, post_at=post_at, now=now)
    )
    entry = {"id": sent["scheduled_message_id"], "post_at": int(post_at.timestamp()),
             "refreshed": int(now.timestamp())}  # fmt: skip
    spend.set_digest(channel, entry)
    return entry


def unschedule(client: WebClient, channel: str, entry: dict, now: datetime) -> None:
    if entry.get("post_at", 0) <= now.timestamp():
        return  # posted already
    try:
        client.chat_deleteScheduledMessage(channel=channel, scheduled_message_id=entry["id"])
    except SlackApiError as exc:
        log.info("scheduled digest not deleted (%s)", exc.response.get("error"))


def refresh(settings: Settings, spend: SpendStore, now: datetime, digests: dict[str, dict]) -> int:
    """After an ingest: reschedule the digests not refreshed within the hour; how many."""
    due = {c: e for c, e in digests.items()
           if now.timestamp() - e.get("refreshed", 0) >= REFRESH_EVERY}  # fmt: skip
    if not due:
        return 0
    client = client_for(settings, spend.store, spend.team)
    done = 0
    for channel, entry in due.items():
        if client is None or not spend.claim_refresh(channel):
            continue
        unschedule(client, channel, entry, now)
        try:
            schedule(client, spend, channel, now)
            done += 1
        except SlackApiError as exc:
            log.warning("digest not rescheduled (%s)", exc.response.get("error"))
    return done


def open_form(body: dict, client: WebClient) -> None:
    try:
        client.views_open(trigger_id=body["trigger_id"], view=digest_modal())
    except SlackApiError as exc:
        log.warning("views.open for the digest failed: %s", exc.response.get("error"))


def submit(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    values = submitted(view)
    try:
        channel = channel_id(values.get(DIGEST_CHANNEL))
    except UsageError as error:
        ack(response_action="errors", errors={DIGEST_CHANNEL: describe(error, style="field")})
        return
    spend, now = store_for(Deps.of(context), team_of(context)), datetime.now(UTC)
    try:
        current = spend.digests().get(channel)
        if current:
            unschedule(client, channel, current, now)
        if values.get(DIGEST_CHOICE) == OFF:
            spend.set_digest(channel, None)
            words = texts.DIGEST_STOPPED
        else:
            schedule(client, spend, channel, now)
            words = texts.DIGEST_STARTED
    except StateUnavailable as error:
        ack(response_action="errors", errors={DIGEST_CHANNEL: describe(error, style="field")})
        return
    except SlackApiError as exc:
        log.warning("digest not scheduled (%s)", exc.response.get("error"))
        ack(response_action="errors", errors={DIGEST_CHANNEL: texts.DIGEST_FAILED})
        return
    ack()
    try:
        client.chat_postMessage(channel=body["user"]["id"], **notice(words.format(channel=channel)))
    except SlackApiError as exc:
        log.info("digest confirmation not sent (%s)", exc.response.get("error"))


