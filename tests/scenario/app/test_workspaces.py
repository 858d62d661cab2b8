"""Workspaces never see each other's data: every key a conversation writes starts with
``{prefix}:{{team}}:`` (the team a hash tag), and a click carried into another workspace changes nothing."""

from __future__ import annotations

import pytest

from bot.blocks.clicks import decode
from bot.devtools.signed import SlackRequests
from bot.devtools.sim import SlackSim, buttons
from bot.domain import buildvsbuy as bvb
from bot.features.buildvsbuy.store import key as flow_key
from bot.state import Key
from tests.conftest import SIGNING_SECRET

TEAMS = ("T0ONE", "T0TWO")


def _sim(app, slack_api, team: str) -> SlackSim:
    return SlackSim(app, slack_api, SlackRequests(SIGNING_SECRET, team_id=team))


def test_every_key_is_under_its_workspace(app, slack_api, store, redis_client) -> None:
    for team in TEAMS:
        sim = _sim(app, slack_api, team)
        flow = sim.command("/buildvsbuy", f"triage for {team}").message
        sim.click(flow, "Yes")
        sim.mention("help", thread_ts="1700000000.000100")
        sim.dm("hello")
    keys = [k.decode() for k in redis_client.scan_iter(match=f"{store.prefix}:*")]
    assert keys
    teams = {key.split(":")[1] for key in keys}
    assert teams == {"{" + team + "}" for team in TEAMS}, keys
    kinds = {key.split(":")[2] for key in keys}
    assert {"flow", "event"} <= kinds


def test_a_click_carried_into_another_workspace_changes_nothing(app, slack_api, store) -> None:
    one, two = (_sim(app, slack_api, team) for team in TEAMS)
    message = one.command("/buildvsbuy", "support triage").message
    value = decode(buttons(message)[0]["value"], team="T0ONE", kind="bvb")
    reply = two.click(message, "Yes")
    assert reply.status == 200
    assert store.get(key=flow_key("T0ONE", value.id), model=bvb.Flow).value.turn == 0
    assert store.get(key=flow_key("T0TWO", value.id), model=bvb.Flow) is None


class _Note(__import__("pydantic").BaseModel):
    n: int


@pytest.mark.parametrize("team", ["T0ONE", "T*", "T?NE", "T[0O]ONE"])
def test_delete_team_deletes_exactly_that_workspace(store, team) -> None:
    teams = ["T0ONE", "T0TWO", "T*", "T?NE", "T[0O]ONE"]
    for name in teams:
        store.put(key=Key(name, "flow", "f"), value=_Note(n=1))
        store.put(key=Key(name, "prep", "U1"), value=_Note(n=1))
    assert store.delete_team(team) == 2
    left = [name for name in teams if store.get(key=Key(name, "flow", "f"), model=_Note)]
    assert left == [name for name in teams if name != team]
