"""Flows.advance, shared by learn / assess / prioritize: a click that lost the compare-and-set race
to another says "stale" and leaves the winner's answer stored; a click that won replaces the
message with the next step."""

from __future__ import annotations

import pytest

from bot.deps import Deps
from bot.domain.assess import AssessFlow
from bot.domain.learn import LearnFlow
from bot.domain.prioritize import PrioFlow
from bot.features import assess, learn, prioritize
from bot.features.flows import Clicked
from bot.texts import common

TEAM, FLOW = "T0TEST", "0123456789abcdef"
WHERE = {"user": "U0ALICE", "channel": "C0TEAM", "thread_ts": "1700000000.000100"}
LEARN = LearnFlow(topic="mixture of experts", **WHERE)
PRIO = PrioFlow(initiatives=["a", "b"], scores=[{}, {}], **WHERE)

CASES = [
    (learn.FLOWS, LEARN, {"answers": {"relevance": "no"}}, {"answers": {"relevance": "yes"}}),
    (assess.FLOWS, AssessFlow(**WHERE), {"scores": {"systems": 2}}, {"scores": {"systems": 5}}),
    (prioritize.FLOWS, PRIO, {"scores": [{"value": 1}, {}]}, {"scores": [{"value": 4}, {}]}),
]


IDS = ["learn", "assess", "prioritize"]


@pytest.fixture
def deps(settings, store, knowledge) -> Deps:
    return Deps(settings, store, knowledge)


def _advance(walk, deps: Deps, session, new, *, winner=None) -> dict:
    """A click on ``session``'s step answering ``new``; ``winner``, if given, is stored by
    another click between this click's read and its write. What the clicker is shown."""
    key = walk.key(TEAM, FLOW)
    deps.store.create(key=key, value=session)
    found = deps.store.get(key=key, model=walk.model)
    if winner is not None:
        deps.store.update(key=key, expected_version=found.version, value=winner)
    said: list[dict] = []
    clicked = Clicked(deps, TEAM, "@Tradeoffs ", FLOW, "x", found)
    walk.advance(clicked, lambda **payload: said.append(payload), new)
    [only] = said
    return only


@pytest.mark.parametrize(("walk", "session", "winner", "loser"), CASES, ids=IDS)
def test_a_click_that_lost_the_race_is_stale(walk, session, winner, loser, deps) -> None:
    won = session.model_copy(update=winner)
    said = _advance(walk, deps, session, session.model_copy(update=loser), winner=won)
    assert said["response_type"] == "ephemeral"
    assert said["replace_original"] is False
    assert said["text"] == common.STALE
    assert deps.store.get(key=walk.key(TEAM, FLOW), model=walk.model).value == won


@pytest.mark.parametrize(("walk", "session", "winner", "loser"), CASES, ids=IDS)
def test_a_click_that_won_shows_the_next_step(walk, session, winner, loser, deps) -> None:
    new = session.model_copy(update=winner)
    said = _advance(walk, deps, session, new)
    assert said["text"] != common.STALE
    assert said == {"replace_original": True, **walk.draw(deps, TEAM, FLOW, new)}
    stored = deps.store.get(key=walk.key(TEAM, FLOW), model=walk.model)
    assert (stored.version, stored.value) == (2, new)
