"""A decision record's owner: the starter until someone picks another with *Change owner*
(a form with a people picker). The form carries the record's button value, untrusted: a
value of another workspace or for no record changes nothing. The record's message is edited
to show the new owner, and its reminder (which names the owner) is scheduled again."""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.clicks import decode
from bot.blocks.decisions import KIND, OWNER_BLOCK, OWNER_INPUT, owner_modal
from bot.deps import Deps, team_of
from bot.errors import BadButtonValue, StateError
from bot.features.buildvsbuy import decisions, lifecycle
from bot.features.buildvsbuy.export import clicked_record
from bot.features.replies import tell
from bot.texts import decisions as texts

log = logging.getLogger(__name__)
_USER = re.compile(r"^[UW][A-Z0-9]{2,30}$")  # what a people picker sends; nothing else is shown


def open_form(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    record = clicked_record(body, action, respond, context, "owner")
    if record is None:
        return
    try:
        client.views_open(
            trigger_id=body["trigger_id"], view=owner_modal(record, str(action.get("value")))
        )
    except SlackApiError as exc:
        tell(respond, texts.FORM_FAILED.format(error=exc.response.get("error", "unknown_error")))


def submit(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    deps, team = Deps.of(context), team_of(context)
    values = (view.get("state") or {}).get("values") or {}
    owner = ((values.get(OWNER_BLOCK) or {}).get(OWNER_INPUT) or {}).get("selected_user")
    if not isinstance(owner, str) or not _USER.match(owner):
        ack(response_action="errors", errors={OWNER_BLOCK: texts.OWNER_NONE})
        return
    try:
        click = decode(view.get("private_metadata"), team=team, kind=KIND)
        if click.arg != "owner" or not click.id.isdigit():
            raise BadButtonValue("not an owner form")
        changed = decisions.change_record(
            deps.store, team, int(click.id), lambda r: r.model_copy(update={"owner": owner})
        )
    except (BadButtonValue, StateError) as exc:
        log.info("owner form refused: %s", type(exc).__name__)
        changed = None
    if changed is None:
        ack(response_action="errors", errors={OWNER_BLOCK: texts.OWNER_FAILED})
        return
    ack()
    lifecycle.redraw(client, team, changed)
    if changed.reminder_id:  # the reminder names the owner: schedule it again
        moved = lifecycle.schedule_reminder(client, team, lifecycle.cancel_reminder(client, changed))
        update = {"reminder_id": moved.reminder_id, "reminder_at": moved.reminder_at}
        try:
            decisions.change_record(
                deps.store, team, changed.number, lambda r: r.model_copy(update=update)
            )
        except StateError:
            log.warning("could not keep record %s's new reminder", changed.number)
