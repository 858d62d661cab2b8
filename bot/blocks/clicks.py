"""The one codec for the value a flow's button carries: ``{team}|{kind}|{id}|{turn}|{arg}``.

* ``team``: the workspace the flow lives in (a click from another workspace is refused);
* ``kind`` and ``id``: which flow (``bvb``, ``learn``, ``assess``, ``prioritize``, ``prep``) and which
  one of them, so the state key is known without trusting anything else in the payload;
* ``turn``: the flow's turn when the button was drawn, so a click on an old copy of a message
  is told apart from a click on the current step;
* ``arg``: what the button says (an answer, a score, ``yes:node``).

Anything that does not decode, or names another workspace or kind, is a
:class:`~bot.errors.BadButtonValue`: the click changes nothing. Every value is still checked
against the stored flow by the feature that takes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.errors import BadButtonValue

_VALUE = re.compile(
    r"(?P<team>[A-Za-z0-9-]{1,40})\|(?P<kind>[a-z]{2,12})\|(?P<id>[A-Za-z0-9-]{1,64})\|"
    r"(?P<turn>[0-9]{1,6})\|(?P<arg>[A-Za-z0-9_:.-]{0,80})"
)


@dataclass(frozen=True)
class FlowRef:
    """A flow at one turn: what every button drawn for that turn points at."""

    team: str
    kind: str
    id: str
    turn: int

    def value(self, arg: str | int = "") -> str:
        return f"{self.team}|{self.kind}|{self.id}|{self.turn}|{arg}"


@dataclass(frozen=True)
class Click:
    """A decoded button value (untrusted until the feature checks it against the flow)."""

    team: str
    kind: str
    id: str
    turn: int
    arg: str


def decode(value: object, *, team: str, kind: str) -> Click:
    """The click in a button value of flow ``kind`` in workspace ``team``; BadButtonValue
    for anything else."""
    found = _VALUE.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        raise BadButtonValue("malformed button value")
    if found["team"] != team:
        raise BadButtonValue("button of another workspace")
    if found["kind"] != kind:
        raise BadButtonValue(f"button of a {found['kind']} flow, not {kind}")
    return Click(team, kind, found["id"], int(found["turn"]), found["arg"])


def shown_values(message: dict[str, Any] | None) -> dict[str, str]:
    """action_id -> value of every button in ``message`` (the message the click came from)."""
    found: dict[str, str] = {}
    for block in (message or {}).get("blocks") or []:
        if not isinstance(block, dict):
            continue
        for element in block.get("elements") or []:
            if isinstance(element, dict) and isinstance(element.get("action_id"), str):
                found[element["action_id"]] = str(element.get("value") or "")
    return found


def decode_action(body: dict[str, Any], action: dict[str, Any], *, team: str, kind: str) -> Click:
    """``decode`` for a click, also refusing a value that differs from the one the clicked
    message shows for that button (a forged payload)."""
    action_id, value = str(action.get("action_id") or ""), action.get("value")
    shown = shown_values(body.get("message") if isinstance(body.get("message"), dict) else None)
    if action_id in shown and shown[action_id] != value:
        raise BadButtonValue("value differs from the button in the message")
    return decode(value, team=team, kind=kind)
