"""The value a flow button carries: ``{flow id}|{step}|{answer}``.

The step lets a click on an old copy of a message be told apart from a click on the current
question; the flow id names the state. Nothing else is trusted from the payload.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import BadButtonValue

_VALUE = re.compile(r"^([0-9a-f]{8,32})\|(\d{1,3})\|([a-z0-9_]{1,40})$")


@dataclass(frozen=True)
class Click:
    flow_id: str
    step: int
    answer: str


def encode(flow_id: str, step: int, answer: str | int) -> str:
    return f"{flow_id}|{step}|{answer}"


def decode(value: str | None) -> Click:
    """The click in a button value; BadButtonValue if it is not one of ours."""
    found = _VALUE.match(value or "")
    if not found:
        raise BadButtonValue()
    return Click(found.group(1), int(found.group(2)), found.group(3))
