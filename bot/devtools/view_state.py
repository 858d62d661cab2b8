"""What a user can fill in or click in a set of blocks, and the `state.values`
Slack would send back for their answers (pure functions on Block Kit dicts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_VALUE = {"plain_text_input", "email_text_input", "url_text_input", "number_input"}
_ONE = {"static_select", "radio_buttons", "external_select"}
_MANY = {"multi_static_select", "checkboxes", "multi_external_select"}
_PICKED = {
    "datepicker": ("selected_date", "initial_date"),
    "timepicker": ("selected_time", "initial_time"),
    "users_select": ("selected_user", "initial_user"),
    "conversations_select": ("selected_conversation", "initial_conversation"),
    "channels_select": ("selected_channel", "initial_channel"),
    "multi_users_select": ("selected_users", "initial_users"),
    "multi_conversations_select": ("selected_conversations", "initial_conversations"),
    "multi_channels_select": ("selected_channels", "initial_channels"),
}


@dataclass(frozen=True)
class InputField:
    """One input block of a view, described for prompting."""

    block_id: str
    action_id: str
    label: str
    type: str
    optional: bool = False
    initial: Any = None  # value, option value, or list of option values
    options: list[tuple[str, str]] = field(default_factory=list)  # (text, value)

    @property
    def multiple(self) -> bool:
        return self.type in _MANY or self.type.startswith("multi_")


def _text(obj: Any) -> str:
    return obj.get("text", "") if isinstance(obj, dict) else str(obj or "")


def options_of(element: dict) -> list[dict]:
    opts = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        opts.extend(group.get("options") or [])
    return opts


def find_element(blocks: list[dict], action_id: str) -> tuple[str | None, dict | None]:
    """(block_id, element) of the interactive element with `action_id`, else (None, None)."""
    for blk in blocks:
        candidates = list(blk.get("elements") or [])
        for key in ("accessory", "element"):
            if isinstance(blk.get(key), dict):
                candidates.append(blk[key])
        for el in candidates:
            if isinstance(el, dict) and el.get("action_id") == action_id:
                return blk.get("block_id"), el
    return None, None


def _block_id(blk: dict, index: int) -> str:
    return blk.get("block_id") or f"block{index}"


def input_fields(blocks: list[dict]) -> list[InputField]:
    fields = []
    for i, blk in enumerate(blocks):
        el = blk.get("element")
        if blk.get("type") != "input" or not isinstance(el, dict):
            continue
        kind = el.get("type", "")
        if kind in _ONE:
            initial = (el.get("initial_option") or {}).get("value")
        elif kind in _MANY:
            initial = [o.get("value") for o in el.get("initial_options") or []]
        elif kind in _PICKED:
            initial = el.get(_PICKED[kind][1])
        else:
            initial = el.get("initial_value")
        fields.append(
            InputField(
                block_id=_block_id(blk, i),
                action_id=el.get("action_id") or f"action{i}",
                label=_text(blk.get("label")),
                type=kind,
                optional=bool(blk.get("optional")),
                initial=initial,
                options=[(_text(o.get("text")), o.get("value", "")) for o in options_of(el)],
            )
        )
    return fields


def state_values(blocks: list[dict], answers: dict[str, Any]) -> dict:
    """`view.state.values` for the input blocks; `answers` maps action_id to a string
    (list for multi selects / checkboxes; option values for selects). Missing answers
    keep the element's initial value, as in Slack."""
    values: dict[str, dict] = {}
    by_block = {f.block_id: f for f in input_fields(blocks)}
    for i, blk in enumerate(blocks):
        fld = by_block.get(_block_id(blk, i))
        if fld is None or blk.get("type") != "input":
            continue
        answer = answers.get(fld.action_id, fld.initial)
        entry: dict[str, Any] = {"type": fld.type}
        opts = {o.get("value"): o for o in options_of(blk["element"])}
        if fld.type in _ONE:
            entry["selected_option"] = opts.get(answer)
        elif fld.type in _MANY:
            entry["selected_options"] = [opts[v] for v in answer or [] if v in opts]
        elif fld.type in _PICKED:
            entry[_PICKED[fld.type][0]] = answer
        else:
            entry["value"] = answer if answer != "" else None
        values[fld.block_id] = {fld.action_id: entry}
    return values
