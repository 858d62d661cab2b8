"""What every flow shares: its kinds and its id.

A *flow* is a multi-step conversation (a build-or-buy walk, a learning walk, a
self-assessment, a prioritization, an interview-prep session). Each is stored under its
``kind`` and ``id``; every change to it makes its next *turn*, and every button carries the
turn it was drawn at (``bot/blocks/clicks.py``).
"""

from __future__ import annotations

import secrets
from typing import Literal

from pydantic import BaseModel, ConfigDict

FlowKind = Literal["bvb", "learn", "assess", "prioritize", "prep"]
ID_PATTERN = r"^[0-9a-f]{16}$"


def new_id() -> str:
    """A new flow id: 16 hex characters (64 random bits)."""
    return secrets.token_hex(8)


class FlowState(BaseModel):
    """The stored state every button-by-button flow has: who started it and where it lives.
    ``turn`` counts the changes so far; a button carries the turn it was drawn at."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    user: str
    channel: str
    thread_ts: str | None = None

    @property
    def turn(self) -> int:
        raise NotImplementedError
