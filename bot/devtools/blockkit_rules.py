"""Block Kit rules for single blocks and elements, checked on raw dicts.

Used by `bot.devtools.blockkit`; every function appends readable problems
(`<path>: <what is wrong>`) to a `Checker` instead of raising, so a payload
reports all its problems at once.
"""

from __future__ import annotations

import re
from typing import Any

from bot.devtools.blockkit_table import table

SELECTS = frozenset(
    {
        "static_select",
        "external_select",
        "users_select",
        "conversations_select",
        "channels_select",
        "multi_static_select",
        "multi_external_select",
        "multi_users_select",
        "multi_conversations_select",
        "multi_channels_select",
    }
)
_COMMON = frozenset({"checkboxes", "datepicker", "radio_buttons", "timepicker"}) | SELECTS
SECTION_ACCESSORY = _COMMON | {"button", "image", "overflow", "workflow_button"}
ACTIONS_ELEMENTS = _COMMON | {"button", "datetimepicker", "overflow", "workflow_button"}
INPUT_ELEMENTS = _COMMON | {
    "datetimepicker",
    "email_text_input",
    "file_input",
    "number_input",
    "plain_text_input",
    "rich_text_input",
    "url_text_input",
}
TEXT_TYPES = frozenset({"plain_text", "mrkdwn"})
BLOCK_TYPES = frozenset(
    {
        "actions",
        "context",
        "context_actions",
        "divider",
        "file",
        "header",
        "image",
        "input",
        "markdown",
        "rich_text",
        "section",
        "table",
        "video",
    }
)


class Checker:
    """Collects problems and the ids seen so far in one message or view."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._action_ids: dict[str, str] = {}
        self._block_ids: dict[str, str] = {}

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def length(self, path: str, value: Any, limit: int, what: str = "text") -> None:
        if isinstance(value, str) and len(value) > limit:
            self.add(path, f"{what} is {len(value)} characters, limit {limit}")

    def unique_id(self, kind: str, path: str, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, str) or not value:
            self.add(path, f"{kind} must be a non-empty string")
            return
        self.length(path, value, 255, kind)
        seen = self._action_ids if kind == "action_id" else self._block_ids
        if value in seen:
            self.add(path, f"duplicate {kind} {value!r} (first at {seen[value]})")
        else:
            seen[value] = path


def text_object(
    ck: Checker,
    path: str,
    obj: Any,
    *,
    limit: int,
    plain_only: bool = False,
    required: bool = True,
) -> None:
    """A `{"type": "plain_text"|"mrkdwn", "text": ...}` composition object."""
    if obj is None:
        if required:
            ck.add(path, "missing text object")
        return
    if not isinstance(obj, dict):
        ck.add(path, f"text object must be a dict, got {type(obj).__name__}")
        return
    kind = obj.get("type")
    if kind not in TEXT_TYPES:
        ck.add(path, f"text type must be plain_text or mrkdwn, got {kind!r}")
    elif plain_only and kind != "plain_text":
        ck.add(path, f"text type must be plain_text, got {kind!r}")
    if kind == "mrkdwn" and "emoji" in obj:
        ck.add(path, "emoji is only allowed on plain_text")
    if kind == "plain_text" and "verbatim" in obj:
        ck.add(path, "verbatim is only allowed on mrkdwn")
    text = obj.get("text")
    if not isinstance(text, str):
        ck.add(path, "text must be a string")
    elif not text.strip():
        ck.add(path, "empty text")
    else:
        ck.length(path, text, limit)
        if kind == "mrkdwn":
            _angles(ck, path, text)


# Slack reads `<...>` in mrkdwn as a link or mention, even inside backticks; anything else
# (`<topic>`) is eaten or becomes a broken link. Placeholders are written `&lt;topic&gt;`.
_CONTROL = re.compile(r"<(?![@#!]|https?://|mailto:)[^<>]*>")


def _angles(ck: Checker, path: str, text: str) -> None:
    found = _CONTROL.search(text)
    if found:
        ck.add(path, f"unescaped {found.group(0)!r} in mrkdwn: write &lt; and &gt;")


def _list(ck: Checker, path: str, value: Any, *, what: str, low: int, high: int) -> list:
    if not isinstance(value, list):
        ck.add(path, f"{what} must be a list")
        return []
    if len(value) < low:
        ck.add(path, f"needs at least {low} {what}")
    if len(value) > high:
        ck.add(path, f"{len(value)} {what}, limit {high}")
    return value


def option(ck: Checker, path: str, opt: Any, *, mrkdwn_ok: bool = False) -> None:
    if not isinstance(opt, dict):
        ck.add(path, "option must be a dict")
        return
    text_object(ck, f"{path}.text", opt.get("text"), limit=75, plain_only=not mrkdwn_ok)
    value = opt.get("value")
    if not isinstance(value, str) or not value:
        ck.add(f"{path}.value", "option value must be a non-empty string")
    else:
        ck.length(f"{path}.value", value, 150, "value")
    if "description" in opt:
        text_object(ck, f"{path}.description", opt["description"], limit=75, plain_only=True)
    ck.length(f"{path}.url", opt.get("url"), 3000, "url")


def _confirm(ck: Checker, path: str, obj: Any) -> None:
    if not isinstance(obj, dict):
        ck.add(path, "confirm must be a dict")
        return
    text_object(ck, f"{path}.title", obj.get("title"), limit=100, plain_only=True)
    text_object(ck, f"{path}.text", obj.get("text"), limit=300)
    text_object(ck, f"{path}.confirm", obj.get("confirm"), limit=30, plain_only=True)
    text_object(ck, f"{path}.deny", obj.get("deny"), limit=30, plain_only=True)


def _options_element(ck: Checker, path: str, el: dict, kind: str) -> None:
    if kind in ("overflow", "checkboxes", "radio_buttons"):
        high = 5 if kind == "overflow" else 10
        opts = _list(ck, f"{path}.options", el.get("options"), what="options", low=1, high=high)
        for i, opt in enumerate(opts):
            option(ck, f"{path}.options[{i}]", opt, mrkdwn_ok=kind != "overflow")
        return
    has_opts, has_groups = "options" in el, "option_groups" in el
    if has_opts == has_groups:
        ck.add(path, "static select needs exactly one of options or option_groups")
    if has_opts:
        opts = _list(ck, f"{path}.options", el["options"], what="options", low=1, high=100)
        for i, opt in enumerate(opts):
            option(ck, f"{path}.options[{i}]", opt)
    if has_groups:
        groups = _list(
            ck, f"{path}.option_groups", el["option_groups"], what="groups", low=1, high=100
        )
        for g, group in enumerate(groups):
            gpath = f"{path}.option_groups[{g}]"
            if not isinstance(group, dict):
                ck.add(gpath, "option group must be a dict")
                continue
            text_object(ck, f"{gpath}.label", group.get("label"), limit=75, plain_only=True)
            opts = _list(
                ck, f"{gpath}.options", group.get("options"), what="options", low=1, high=100
            )
            for i, opt in enumerate(opts):
                option(ck, f"{gpath}.options[{i}]", opt)


def element(ck: Checker, path: str, el: Any, allowed: frozenset[str]) -> None:
    if not isinstance(el, dict):
        ck.add(path, "element must be a dict")
        return
    kind = el.get("type")
    if kind not in allowed:
        ck.add(path, f"element type {kind!r} is not allowed here")
        return
    if kind in TEXT_TYPES:  # context text element
        text_object(ck, path, el, limit=3000)
        return
    if kind == "image":
        if not el.get("image_url") and not el.get("slack_file"):
            ck.add(path, "image needs image_url or slack_file")
        ck.length(f"{path}.image_url", el.get("image_url"), 3000, "image_url")
        if not isinstance(el.get("alt_text"), str) or not el["alt_text"]:
            ck.add(f"{path}.alt_text", "image needs alt_text")
        return
    ck.unique_id("action_id", f"{path}.action_id", el.get("action_id"))
    if "confirm" in el:
        _confirm(ck, f"{path}.confirm", el["confirm"])
    if "placeholder" in el:
        text_object(ck, f"{path}.placeholder", el["placeholder"], limit=150, plain_only=True)
    if kind == "button":
        text_object(ck, f"{path}.text", el.get("text"), limit=75, plain_only=True)
        ck.length(f"{path}.value", el.get("value"), 2000, "value")
        ck.length(f"{path}.url", el.get("url"), 3000, "url")
        if el.get("style") not in (None, "primary", "danger"):
            ck.add(f"{path}.style", f"style must be primary or danger, got {el['style']!r}")
    elif kind in (
        "static_select",
        "multi_static_select",
        "overflow",
        "checkboxes",
        "radio_buttons",
    ):
        _options_element(ck, path, el, kind)
    if "initial_option" in el:
        option(ck, f"{path}.initial_option", el["initial_option"], mrkdwn_ok=True)


def block(ck: Checker, path: str, blk: Any) -> None:
    """One block of a message, modal or Home tab (type-specific rules)."""
    if not isinstance(blk, dict):
        ck.add(path, f"block must be a dict, got {type(blk).__name__}")
        return
    kind = blk.get("type")
    if kind not in BLOCK_TYPES:
        ck.add(path, f"unknown block type {kind!r}")
        return
    path = f"{path} ({kind})"
    ck.unique_id("block_id", f"{path}.block_id", blk.get("block_id"))
    if kind == "section":
        if "text" not in blk and "fields" not in blk:
            ck.add(path, "section needs text or fields")
        if "text" in blk:
            text_object(ck, f"{path}.text", blk["text"], limit=3000)
        if "fields" in blk:
            fields = _list(ck, f"{path}.fields", blk["fields"], what="fields", low=1, high=10)
            for i, field in enumerate(fields):
                text_object(ck, f"{path}.fields[{i}]", field, limit=2000)
        if "accessory" in blk:
            element(ck, f"{path}.accessory", blk["accessory"], SECTION_ACCESSORY)
    elif kind == "header":
        text_object(ck, f"{path}.text", blk.get("text"), limit=150, plain_only=True)
    elif kind == "actions":
        els = _list(ck, f"{path}.elements", blk.get("elements"), what="elements", low=1, high=25)
        for i, el in enumerate(els):
            element(ck, f"{path}.elements[{i}]", el, ACTIONS_ELEMENTS)
    elif kind == "context":
        els = _list(ck, f"{path}.elements", blk.get("elements"), what="elements", low=1, high=10)
        for i, el in enumerate(els):
            element(ck, f"{path}.elements[{i}]", el, TEXT_TYPES | {"image"})
    elif kind == "image":
        element(ck, path, {**blk, "type": "image"}, frozenset({"image"}))
        if "title" in blk:
            text_object(ck, f"{path}.title", blk["title"], limit=2000, plain_only=True)
    elif kind == "input":
        text_object(ck, f"{path}.label", blk.get("label"), limit=2000, plain_only=True)
        if "hint" in blk:
            text_object(ck, f"{path}.hint", blk["hint"], limit=2000, plain_only=True)
        if "element" not in blk:
            ck.add(path, "input block needs an element")
        else:
            element(ck, f"{path}.element", blk["element"], INPUT_ELEMENTS)
    elif kind == "table":
        table(ck, path, blk)
    elif kind == "markdown":
        text = blk.get("text")
        if not isinstance(text, str) or not text.strip():
            ck.add(f"{path}.text", "empty text")
        ck.length(f"{path}.text", text, 12000)
