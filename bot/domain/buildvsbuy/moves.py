"""What a button of the walk does: a :class:`Move` (verb at a node) and ``apply``, which
checks it against the flow (turn, node, mode) and returns the next flow. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from bot.domain.buildvsbuy.flow import (
    VERBS,
    Flow,
    StaleStep,
    Verb,
    answer,
    back,
    current_node,
    mark_recorded,
    restart,
)
from bot.domain.buildvsbuy.vote import close, vote
from bot.domain.knowledge.tree import Answer, DecisionTree
from bot.errors import BadButtonValue

_MOVE = re.compile(r"(?P<verb>[a-z]{2,8}):(?P<node>[a-z][a-z0-9_]{0,39})")


@dataclass(frozen=True)
class Move:
    """What a button of the walk does (``verb``) at which node: the ``arg`` of its value."""

    verb: Verb
    node: str

    def encode(self) -> str:
        return f"{self.verb}:{self.node}"

    @staticmethod
    def parse(arg: str, *, verb: str) -> Move:
        """The move in a button's ``arg``; ``verb`` (from the action id) must be its own."""
        found = _MOVE.fullmatch(arg)
        if found is None or found["verb"] not in VERBS or found["verb"] != verb:
            raise BadButtonValue("button value does not match its button")
        return Move(cast(Verb, found["verb"]), found["node"])


def apply(
    flow: Flow, tree: DecisionTree, move: Move, *, turn: int, user: str, now: datetime
) -> Flow:
    """The flow after ``move``, drawn at ``turn``, by ``user``; raises on anything not live."""
    if move.node not in tree.nodes:
        raise BadButtonValue("unknown node")
    if turn > flow.turn:
        raise BadButtonValue("button from the future")
    voting = flow.mode == "vote" and move.verb in ("yes", "no", "close")
    # a vote counts on any copy drawn since its question was asked: votes change the tally,
    # not the question, so two people voting at once do not make each other's click stale
    if turn < (flow.asked_turn if voting else flow.turn):
        raise StaleStep()
    if move.node != current_node(flow, tree).id:
        raise BadButtonValue("node is not the current one")
    if voting and move.verb == "close":
        return close(flow, tree, move.node, user, now)
    if move.verb in ("yes", "no"):
        reply: Answer = move.verb
        if voting:
            return vote(flow, tree, move.node, reply, user)
        return answer(flow, tree, move.node, reply, user, now)
    if move.verb == "back":
        return back(flow, user)
    if move.verb == "restart":
        return restart(flow, user)
    if move.verb == "record":
        return mark_recorded(flow, tree, user)
    raise BadButtonValue(f"{move.verb!r} does not change the flow")
