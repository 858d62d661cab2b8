"""The /llmcost modal form: the same fields as the command, one input block each.

Block ids and action ids are both ``cost.<field>``; ``<field>`` is the /llmcost key
(``model``, ``in``, ``out``...), plus ``volume_kind`` (a select: qps, per_day,
per_month) and ``volume`` (its value). ``form_fields(view)`` reads a submitted view back
into argument values keyed by /llmcost key, ready for ``bot.domain.cost.args.form_args``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.blocks.common import Block, clip, plain, section
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.request import VOLUME_KINDS
from bot.texts import llmcost_form as texts
from bot.texts.errors import describe

CALLBACK = "cost.modal"
PREFIX = "cost."
VOLUME_KIND = "volume_kind"
VOLUME = "volume"
BATCH = "batch"
REQUIRED = ("model", "in", "out")
OPTIONAL_TOP = ("cached", "cache_write", "cache_write_1h", "reasoning")
AFTER_VOLUME = ("tier", "compare")
PRICES = ("price_in", "price_out", "price_cached")
SELF_HOST = ("oss", "replicas", "peak", "gpus", "gpu_hour", "ops", "tps")
MAX_LENGTH = {"model": 100, "compare": 700}
NUMBER_MAX_LENGTH = 30
YES = "yes"
ERROR_LIMIT = 1000


def field_id(name: str) -> str:
    """Block id and action id of a form field."""
    return PREFIX + name


def cost_modal(initial: Mapping[str, str], *, private_metadata: str = "") -> dict[str, Any]:
    """The form, filled with ``initial`` (argument values keyed by /llmcost key)."""
    kind = next((k for k in VOLUME_KINDS if initial.get(k)), VOLUME_KINDS[0])
    blocks: list[Block] = [section(texts.MODAL_INTRO)]
    blocks.extend(_text_input(name, initial, optional=False) for name in REQUIRED)
    blocks.extend(_text_input(name, initial, optional=True) for name in OPTIONAL_TOP)
    blocks.append(_volume_kind(kind))
    blocks.append(_text_input(VOLUME, {VOLUME: initial.get(kind, "")}, optional=False))
    blocks.append(_batch(initial.get(BATCH) == YES))
    blocks.extend(_text_input(name, initial, optional=True) for name in AFTER_VOLUME)
    blocks.append(section(texts.MODAL_PRICES))
    blocks.extend(_text_input(name, initial, optional=True) for name in PRICES)
    blocks.append(section(texts.MODAL_SELF_HOST))
    blocks.extend(_text_input(name, initial, optional=True) for name in SELF_HOST)
    return {
        "type": "modal",
        "callback_id": CALLBACK,
        "title": plain(texts.MODAL_TITLE),
        "submit": plain(texts.MODAL_SUBMIT),
        "close": plain(texts.MODAL_CLOSE),
        "private_metadata": private_metadata[:3000],
        "blocks": blocks,
    }


def form_fields(view: Mapping[str, Any]) -> dict[str, str]:
    """Argument values keyed by /llmcost key from a submitted view (empty ones left out)."""
    values = (view.get("state") or {}).get("values") or {}

    def entry(name: str) -> dict[str, Any]:
        found = (values.get(field_id(name)) or {}).get(field_id(name))
        return found if isinstance(found, dict) else {}

    fields: dict[str, str] = {}
    for name in (*REQUIRED, *OPTIONAL_TOP, *AFTER_VOLUME, *PRICES, *SELF_HOST):
        value = entry(name).get("value")
        if isinstance(value, str) and value.strip():
            fields[name] = value
    kind = (entry(VOLUME_KIND).get("selected_option") or {}).get("value")
    volume = entry(VOLUME).get("value")
    if kind in VOLUME_KINDS and isinstance(volume, str) and volume.strip():
        fields[kind] = volume
    picked = entry(BATCH).get("selected_options") or []
    if any(isinstance(o, dict) and o.get("value") == YES for o in picked):
        fields[BATCH] = YES
    return fields


def block_for_key(key: str) -> str:
    """The input block showing /llmcost key ``key`` (the volume keys share one)."""
    if key in VOLUME_KINDS:
        return field_id(VOLUME)
    if key in (*REQUIRED, *OPTIONAL_TOP, *AFTER_VOLUME, *PRICES, *SELF_HOST, BATCH):
        return field_id(key)
    return field_id(REQUIRED[0])


def _input(name: str, element: Block, *, optional: bool, hint: str | None = None) -> Block:
    block: Block = {
        "type": "input",
        "block_id": field_id(name),
        "label": plain(texts.LABELS[name]),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint)
    return block


def _text_input(name: str, initial: Mapping[str, str], *, optional: bool) -> Block:
    limit = MAX_LENGTH.get(name, NUMBER_MAX_LENGTH)
    element: Block = {
        "type": "plain_text_input",
        "action_id": field_id(name),
        "max_length": limit,
        "placeholder": plain(texts.PLACEHOLDERS[name]),
    }
    value = (initial.get(name) or "").strip()
    if value:
        element["initial_value"] = clip(value, limit)
    hint = texts.MODEL_HINT if name == "model" else None
    return _input(name, element, optional=optional, hint=hint)


def _option(text: str, value: str) -> dict[str, Any]:
    return {"text": plain(text), "value": value}


def _volume_kind(kind: str) -> Block:
    options = [_option(texts.VOLUME_KINDS[k], k) for k in VOLUME_KINDS]
    element = {
        "type": "static_select",
        "action_id": field_id(VOLUME_KIND),
        "options": options,
        "initial_option": options[VOLUME_KINDS.index(kind)],
    }
    return _input(VOLUME_KIND, element, optional=False)


def _batch(checked: bool) -> Block:
    option = _option(texts.BATCH_OPTION, YES)
    element: Block = {"type": "checkboxes", "action_id": field_id(BATCH), "options": [option]}
    if checked:
        element["initial_options"] = [option]
    return _input(BATCH, element, optional=True)


def field_error(error: CostInputError) -> str:
    """The command's error words as plain text for under a form field (no markup)."""
    return clip(describe(error, style="field", topic="llmcost_form"), ERROR_LIMIT)
