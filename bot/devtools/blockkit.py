"""Block Kit validator for everything the app sends to Slack.

`message_problems` checks chat.postMessage / chat.update / chat.postEphemeral
arguments, response_url bodies and slash-command ack bodies; `view_problems`
checks modals and Home tabs. Both combine our own limit checks (see
`blockkit_rules`) with slack_sdk's model validation and return every problem
as `<path>: <message>`; an empty list means the payload is valid.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.devtools.blockkit_rules import Checker, block, text_object
from bot.devtools.blockkit_table import tables_per_message

MESSAGE_BLOCK_LIMIT = 50
VIEW_BLOCK_LIMIT = 100
MESSAGE_TEXT_LIMIT = 40_000
ATTACHMENT_LIMIT = 100


class BlockKitError(AssertionError):
    """Raised by the assert_* helpers; `problems` holds every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("invalid Block Kit:\n  " + "\n  ".join(self.problems))


def _decode(ck: Checker, path: str, value: Any) -> Any:
    """Form-encoded calls carry `blocks`/`view` as JSON strings."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            ck.add(path, "is a string but not valid JSON")
            return None
    return value


def _sdk_check(ck: Checker, path: str, build: Any, data: dict) -> None:
    """Let slack_sdk's models validate `data` deeply (they raise on the first problem)."""
    try:
        obj = build(copy.deepcopy(data))
        if obj is not None:
            obj.to_dict()
    except Exception as exc:  # the models raise SlackObjectFormationError, KeyError, TypeError...
        ck.add(path, f"slack_sdk rejects it: {type(exc).__name__}: {exc}")


def _blocks(ck: Checker, path: str, blocks: Any, limit: int) -> list:
    blocks = _decode(ck, path, blocks)
    if blocks is None:
        return []
    if not isinstance(blocks, list):
        ck.add(path, f"blocks must be a list, got {type(blocks).__name__}")
        return []
    if len(blocks) > limit:
        ck.add(path, f"{len(blocks)} blocks, limit {limit}")
    for i, blk in enumerate(blocks):
        before = len(ck.problems)
        block(ck, f"{path}[{i}]", blk)
        if len(ck.problems) == before:
            _sdk_check(ck, f"{path}[{i}] ({blk['type']})", Block.parse, blk)
    return blocks


def _message(ck: Checker, payload: Any) -> None:
    if not isinstance(payload, dict):
        ck.add("message", f"must be a dict, got {type(payload).__name__}")
        return
    blocks = (
        _blocks(ck, "blocks", payload["blocks"], MESSAGE_BLOCK_LIMIT) if "blocks" in payload else []
    )
    tables_per_message(ck, "blocks", blocks)
    attachments = _decode(ck, "attachments", payload.get("attachments"))
    if attachments is not None and not isinstance(attachments, list):
        ck.add("attachments", "must be a list")
        attachments = None
    for i, att in enumerate(attachments or []):
        if not isinstance(att, dict):
            ck.add(f"attachments[{i}]", "attachment must be a dict")
        elif "blocks" in att:
            _blocks(ck, f"attachments[{i}].blocks", att["blocks"], MESSAGE_BLOCK_LIMIT)
    if attachments and len(attachments) > ATTACHMENT_LIMIT:
        ck.add("attachments", f"{len(attachments)} attachments, limit {ATTACHMENT_LIMIT}")

    text = payload.get("text")
    if text is not None and not isinstance(text, str):
        ck.add("text", f"must be a string, got {type(text).__name__}")
    elif isinstance(text, str):
        ck.length("text", text, MESSAGE_TEXT_LIMIT)
    has_text = isinstance(text, str) and bool(text.strip())
    if blocks and not has_text:
        ck.add("text", "missing fallback text: messages with blocks need a non-empty `text`")
    elif not blocks and not attachments and not has_text and not payload.get("delete_original"):
        ck.add("text", "empty message: needs non-empty text, blocks or attachments")
    if payload.get("response_type") not in (None, "in_channel", "ephemeral"):
        ck.add(
            "response_type", f"must be in_channel or ephemeral, got {payload['response_type']!r}"
        )


def _view(ck: Checker, view: Any) -> None:
    view = _decode(ck, "view", view)
    if not isinstance(view, dict):
        ck.add("view", f"must be a dict, got {type(view).__name__}")
        return
    kind = view.get("type")
    if kind not in ("modal", "home"):
        ck.add("view.type", f"must be modal or home, got {kind!r}")
    before = len(ck.problems)
    blocks = view.get("blocks")
    if not isinstance(blocks, list) or not blocks:
        ck.add("view.blocks", "a view needs at least one block")
    blocks = _blocks(ck, "view.blocks", blocks, VIEW_BLOCK_LIMIT) if blocks is not None else []
    if kind == "modal":
        text_object(ck, "view.title", view.get("title"), limit=24, plain_only=True)
        for key in ("submit", "close"):
            if key in view:
                text_object(ck, f"view.{key}", view[key], limit=24, plain_only=True)
        has_input = any(isinstance(b, dict) and b.get("type") == "input" for b in blocks)
        if has_input and "submit" not in view:
            ck.add("view.submit", "a modal with input blocks needs a submit button")
    elif kind == "home":
        for key in ("submit", "close"):
            if key in view:
                ck.add(f"view.{key}", "not allowed on a Home tab")
    pm = view.get("private_metadata")
    if pm is not None and not isinstance(pm, str):
        ck.add("view.private_metadata", "must be a string")
    ck.length("view.private_metadata", pm, 3000, "private_metadata")
    ck.length("view.callback_id", view.get("callback_id"), 255, "callback_id")
    ck.length("view.external_id", view.get("external_id"), 255, "external_id")
    if len(ck.problems) == before:
        _sdk_check(ck, "view", lambda v: _ValidatedView(View(**v)), view)


class _ValidatedView:
    """Adapter so `_sdk_check` can call `to_dict()` on a View (view-level rules only)."""

    def __init__(self, view: View) -> None:
        self.view = view

    def to_dict(self) -> None:
        self.view.validate_json()


def message_problems(payload: dict) -> list[str]:
    """Problems in a message payload (text / blocks / attachments / response_type)."""
    ck = Checker()
    _message(ck, payload)
    return ck.problems


def view_problems(view: dict) -> list[str]:
    """Problems in a modal or Home tab view (a dict, or its JSON string)."""
    ck = Checker()
    _view(ck, view)
    return ck.problems


def assert_valid_message(payload: dict) -> None:
    """Raise BlockKitError listing every problem, if there are any."""
    problems = message_problems(payload)
    if problems:
        raise BlockKitError(problems)


def assert_valid_view(view: dict) -> None:
    """Raise BlockKitError listing every problem, if there are any."""
    problems = view_problems(view)
    if problems:
        raise BlockKitError(problems)
