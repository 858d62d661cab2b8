"""Helpers for interview-prep scenarios: find a card by its button, read the stored flow."""

from __future__ import annotations

from bot.devtools.sim import buttons
from bot.domain.prep.flow import PrepFlow
from bot.features.prep.flow import done_key, key
from bot.state import Store, Versioned

ALICE, BOB, TEAM = "U0ALICE", "U0BOB", "T0TEST"


def card(reply, label: str = "Green") -> dict:
    """The last message in ``reply`` with a button whose label starts with ``label``."""
    found = [
        m for m in reply.messages if any(b["text"]["text"].startswith(label) for b in buttons(m))
    ]
    assert found, f"no message with {label!r} in {[m.get('text') for m in reply.messages]}"
    return found[-1]


def label_of(message: dict, rating: str) -> str:
    """The exact label of a rating button (``Mixed`` or ``Mixed (suggested)``)."""
    return next(b["text"]["text"] for b in buttons(message) if b["text"]["text"].startswith(rating))


def stored(store: Store, user: str = ALICE) -> Versioned[PrepFlow] | None:
    return store.get(key=key(TEAM, user), model=PrepFlow)


def kept(store: Store, ref_id: str) -> Versioned[PrepFlow] | None:
    return store.get(key=done_key(TEAM, ref_id), model=PrepFlow)


def checklist(message: dict) -> tuple[dict, dict]:
    """(block, element) of the one checkboxes element in a message."""
    [(block, element)] = [
        (b, e)
        for b in message["blocks"]
        for e in b.get("elements", [])
        if e.get("type") == "checkboxes"
    ]
    return block, element
