"""Share and Export for a finished prep scorecard.

Share opens a modal (``views.open``) with a channel picker and a person picker; its submission
posts the scorecard there (a person gets it in their DM with the bot) and tells the owner in
their DM. Export uploads the scorecard as a Markdown file into the DM the button was in
(``files_upload_v2``, needs ``files:write``). Both read the finished flow kept at
``{p}:{team}:flow:prep:{owner}-{flow id}``; only its owner may share or export it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.clicks import decode
from bot.blocks.prep_end import ending_message
from bot.blocks.prep_share import (
    CHANNEL_ACTION,
    CHANNEL_BLOCK,
    PERSON_ACTION,
    PERSON_BLOCK,
    share_modal,
)
from bot.deps import Deps, team_of
from bot.domain.prep.flow import PrepFlow, split_ref_id
from bot.errors import BadButtonValue
from bot.features.places import NOT_A_MEMBER, click_channel, open_dm
from bot.features.prep import flow
from bot.plaintext.prep import filename, scorecard_markdown
from bot.texts import prep as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)
CHANNEL_ID = re.compile(r"[CG][A-Z0-9]{2,30}")
USER_ID = re.compile(r"[UW][A-Z0-9]{2,30}")


def title_of(deps: Deps, done: PrepFlow) -> str:
    level = deps.knowledge.rubric.level(done.level)
    label = level.label if level else done.level
    if done.mode == "scorecard":
        return texts.MD_SCORECARD_TITLE.format(candidate=done.candidate, label=label)
    return texts.MD_PRACTICE_TITLE.format(label=label)


def click(
    deps: Deps,
    client: WebClient,
    body: dict[str, Any],
    *,
    team: str,
    verb: str,
    ref_id: str,
    tell: Callable[[str], None],
) -> None:
    """The owner pressed Share (open the modal) or Export (upload the Markdown)."""
    done = flow.load_done(deps, team, ref_id)
    if done is None:
        tell(texts.SHARE_GONE)
        return
    if verb == "share":
        value = flow.ref(team, done).value("share")
        client.views_open(
            trigger_id=body["trigger_id"], view=share_modal(value, title_of(deps, done))
        )
        return
    try:
        client.files_upload_v2(
            channel=str(click_channel(body)),
            content=scorecard_markdown(deps.knowledge.rubric, done),
            filename=filename(done),
            title=title_of(deps, done),
            initial_comment=texts.EXPORTED,
        )
    except SlackApiError as error:
        log.warning("prep: export failed: %s", error.response.get("error"))
        tell(texts.EXPORT_FAILED)


def _picked(view: dict[str, Any]) -> tuple[str | None, str | None]:
    """The channel and the person picked; anything that is not a Slack id counts as none."""
    values = (view.get("state") or {}).get("values") or {}
    channel = (values.get(CHANNEL_BLOCK) or {}).get(CHANNEL_ACTION) or {}
    person = (values.get(PERSON_BLOCK) or {}).get(PERSON_ACTION) or {}
    return _id(channel.get("selected_conversation"), CHANNEL_ID), _id(
        person.get("selected_user"), USER_ID
    )


def _id(value: object, pattern: re.Pattern[str]) -> str | None:
    return value if isinstance(value, str) and pattern.fullmatch(value) else None


def submit(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    """The share modal: post the scorecard where it says, or keep the modal open saying why."""
    deps, team, user = Deps.of(context), team_of(context), body["user"]["id"]
    try:
        clicked = decode(view.get("private_metadata"), team=team, kind=flow.KIND)
    except BadButtonValue as error:
        log.info("ignored a share submission: %s", error.why)
        ack(response_action="errors", errors={CHANNEL_BLOCK: describe(error, style="field")})
        return
    owner, _ = split_ref_id(clicked.id)
    done = flow.load_done(deps, team, clicked.id) if owner == user else None
    if done is None:
        ack(response_action="errors", errors={CHANNEL_BLOCK: texts.SHARE_GONE})
        return
    channel, person = _picked(view)
    if bool(channel) == bool(person):
        problem = texts.SHARE_BOTH if channel else texts.SHARE_PICK_ONE
        ack(response_action="errors", errors={CHANNEL_BLOCK: problem})
        return
    shown = ending_message(
        deps.knowledge.rubric, done, deps.knowledge.frameworks.answer_templates, shared_by=user
    )
    try:
        target = channel or open_dm(client, str(person))
        client.chat_postMessage(channel=target, **shown)
    except SlackApiError as error:
        code = str(error.response.get("error"))
        log.info("prep: share failed: %s", code)
        problem = texts.SHARE_NOT_IN_CHANNEL if code in NOT_A_MEMBER else texts.SHARE_FAILED
        ack(response_action="errors", errors={CHANNEL_BLOCK if channel else PERSON_BLOCK: problem})
        return
    ack()
    said = (
        texts.SHARED_CHANNEL.format(channel=channel)
        if channel
        else texts.SHARED_PERSON.format(user=person)
    )
    try:
        flow.notice_to(
            lambda **m: client.chat_postMessage(channel=open_dm(client, user), **m), said
        )
    except SlackApiError as error:
        log.info("prep: share confirmation failed: %s", error.response.get("error"))
