"""Block Kit for sharing a finished prep scorecard: its Share and Export buttons and the modal
that picks where it goes (a channel, or a person whose DM with the bot gets it).

The modal's ``private_metadata`` is the button value that opened it (a FlowRef value of kind
``prep``); the submission is checked against the stored scorecard like a click.
"""

from __future__ import annotations

from typing import Any

from bot.blocks.clicks import FlowRef
from bot.blocks.common import Block, actions, button, escape, plain, section
from bot.texts import prep as texts

SHARE_CALLBACK = "prep.share"
CHANNEL_BLOCK, CHANNEL_ACTION = "share_channel", "channel"
PERSON_BLOCK, PERSON_ACTION = "share_person", "person"


def share_buttons(ref: FlowRef) -> Block:
    return actions(
        button(texts.SHARE, "prep.share", ref.value("share")),
        button(texts.EXPORT, "prep.export", ref.value("export")),
    )


def share_modal(value: str, title: str) -> dict[str, Any]:
    """The modal: one optional channel picker and one optional person picker (exactly one
    must be chosen; the submission says so otherwise). ``title`` is plain text (a candidate's
    name as typed)."""
    channel: Block = {
        "type": "conversations_select",
        "action_id": CHANNEL_ACTION,
        "placeholder": plain(texts.SHARE_CHANNEL_PLACEHOLDER),
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    person: Block = {
        "type": "users_select",
        "action_id": PERSON_ACTION,
        "placeholder": plain(texts.SHARE_PERSON_PLACEHOLDER),
    }
    return {
        "type": "modal",
        "callback_id": SHARE_CALLBACK,
        "private_metadata": value,
        "title": plain(texts.SHARE_TITLE),
        "submit": plain(texts.SHARE_SUBMIT),
        "close": plain(texts.SHARE_CLOSE),
        "blocks": [
            section(texts.SHARE_INTRO.format(title=escape(title))),
            _input(CHANNEL_BLOCK, texts.SHARE_CHANNEL, channel),
            _input(PERSON_BLOCK, texts.SHARE_PERSON, person),
        ],
    }


def _input(block_id: str, label: str, element: Block) -> Block:
    return {
        "type": "input",
        "block_id": block_id,
        "optional": True,
        "label": plain(label),
        "element": element,
    }
