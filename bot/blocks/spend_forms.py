"""Spend's modals: "Save as forecast" (feature, team, alert channel, budget), the weekly
digest's channel choice, and the usage token shown once."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from bot.blocks.common import Block, escape, plain, section
from bot.domain.cost.money import format_usd
from bot.domain.usage.forecast import default_budget
from bot.texts import spend as texts

FORECAST_CALLBACK = "spend.forecast"
DIGEST_CALLBACK = "spend.digest_form"
FEATURE, TEAM, CHANNEL, BUDGET = "spend.feature", "spend.team", "spend.channel", "spend.budget"
DIGEST_CHANNEL, DIGEST_CHOICE = "spend.digest_channel", "spend.digest_choice"
ON, OFF = "on", "off"
NAME_MAX = 48


def _input(block_id: str, label: str, element: Block, hint: str | None = None) -> Block:
    block: Block = {"type": "input", "block_id": block_id, "label": plain(label),
                    "element": {**element, "action_id": block_id}}  # fmt: skip
    if hint:
        block["hint"] = plain(hint)
    return block


def _text(initial: str = "", max_length: int = NAME_MAX) -> Block:
    element: Block = {"type": "plain_text_input", "max_length": max_length}
    if initial:
        element["initial_value"] = initial
    return element


def _channel(initial: str | None) -> Block:
    element: Block = {"type": "conversations_select", "filter": {"include": ["public", "private"],
                      "exclude_bot_users": True}}  # fmt: skip
    if initial and initial[:1] in ("C", "G"):
        element["initial_conversation"] = initial
    else:
        element["default_to_current_conversation"] = True
    return element


def _modal(callback: str, title: str, blocks: list[Block], metadata: str = "") -> dict[str, Any]:
    return {
        "type": "modal", "callback_id": callback, "title": plain(title),
        "submit": plain(texts.FORM_SUBMIT), "close": plain(texts.FORM_CLOSE),
        "private_metadata": metadata[:3000], "blocks": blocks,
    }  # fmt: skip


def forecast_modal(
    *, model: str, estimate: Decimal, channel: str | None, metadata: str
) -> dict[str, Any]:
    """The form; the budget defaults to the estimate (rounded up to the dollar)."""
    budget = default_budget(estimate)
    blocks = [
        section(texts.FORM_INTRO.format(model=escape(model), estimate=format_usd(estimate))),
        _input(FEATURE, texts.FEATURE_LABEL, _text(), texts.FEATURE_HINT),
        _input(TEAM, texts.TEAM_LABEL, _text(), texts.TEAM_HINT),
        _input(CHANNEL, texts.CHANNEL_LABEL, _channel(channel)),
        _input(BUDGET, texts.BUDGET_LABEL, _text(str(max(budget, Decimal(1))), 16),
               texts.BUDGET_HINT),
    ]  # fmt: skip
    return _modal(FORECAST_CALLBACK, texts.FORM_TITLE, blocks, metadata)


def digest_modal() -> dict[str, Any]:
    choice: Block = {
        "type": "radio_buttons",
        "options": [{"text": plain(texts.DIGEST_ON), "value": ON},
                    {"text": plain(texts.DIGEST_OFF), "value": OFF}],
        "initial_option": {"text": plain(texts.DIGEST_ON), "value": ON},
    }  # fmt: skip
    blocks = [
        _input(DIGEST_CHANNEL, texts.DIGEST_CHANNEL, _channel(None)),
        _input(DIGEST_CHOICE, texts.DIGEST_CHOICE, choice),
    ]
    return _modal(DIGEST_CALLBACK, texts.DIGEST_FORM_TITLE, blocks)


def token_modal(words: str) -> dict[str, Any]:
    """The new token (shown once), or why there is none."""
    return {
        "type": "modal", "title": plain(texts.TOKEN_TITLE), "close": plain(texts.FORM_CLOSE),
        "blocks": [section(words)],
    }  # fmt: skip


def submitted(view: Mapping[str, Any]) -> dict[str, str]:
    """The values of a submitted spend form, by block id (empty ones left out)."""
    out: dict[str, str] = {}
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        entry = (actions or {}).get(block_id) or {}
        value = (
            entry.get("value")
            or entry.get("selected_conversation")
            or (entry.get("selected_option") or {}).get("value")
        )
        if isinstance(value, str) and value.strip():
            out[block_id] = value.strip()
    return out
