"""Property: a click on any button the app offers, with a forged value, by someone else, or
with its message missing or mangled, gets a short answer in the app's own words, logs nothing
at ERROR, and corrupts nothing: either it changes no state, and then the genuine click on the
same message still does exactly what it does; or the app took it as the genuine click
(someone else answering a team's flow, a part of a value the app ignores) and it did exactly
what that click does.

Every button comes from walking the real app (tests/robustness_walk.py), and a test checks
the walk reaches every action listener the app registers."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.devtools.sim import Reply, SlackSim, message_text
from bot.state import team_tag
from tests.support.robustness import FUZZ, FUZZ_LONG, Guard, fresh, junk
from tests.support.robustness_walk import (
    MISSING,
    Board,
    Catalog,
    click_body,
    discover,
    heard_by,
    registered,
    walk,
)

_IDS = re.compile(r"\b(?:[UCDTWB][A-Z0-9]{6,}|[0-9a-f]{8,32}|\d{9,}\.\d+)\b")


@pytest.fixture
def guard(slack_api, caplog) -> Guard:
    return Guard(slack_api, caplog)


@pytest.fixture
def workspace(app, slack_api, requests_) -> Callable[[], SlackSim]:
    """A SlackSim factory: each call a new workspace, so state snapshots are per example."""
    return lambda: SlackSim(app, slack_api, dataclasses.replace(requests_, team_id=fresh("T")))


def snapshot(redis_client, store, team: str) -> dict[bytes, bytes]:
    keys = redis_client.scan_iter(match=f"{store.prefix}:{team_tag(team)}:*", count=1000)
    return {key: redis_client.dump(key) for key in sorted(keys)}


# A decision record's number and what it supersedes depend on the records before it: the
# second run's record is the next number and supersedes the first run's (edited in place).
_HISTORY = re.compile(r"ADR \d{4}|This record supersedes [^.]*\.|/p\d+\b")


def _history_edit(message: dict) -> bool:
    return "ts" in message and "Superseded by" in message_text(message)


def shape(reply: Reply) -> list[tuple[Any, ...]]:
    """What a person sees of a reply, ids and timestamps masked, to compare two runs."""
    seen = [
        (bool(m.get("replace_original")), _HISTORY.sub("#", _IDS.sub("#", message_text(m))))
        for m in reply.messages
        if not _history_edit(m)
    ]
    return seen + [(v.get("callback_id"), len(v.get("blocks") or [])) for v in reply.views]


# --- what the walk found -------------------------------------------------------------------


def test_the_walk_reaches_every_action_listener(app, sim) -> None:
    catalog, listeners = discover(sim), registered(app, "action")
    heard = {a: {n for n, lst in listeners.items() if heard_by(lst, click_body(a))} for a in catalog.actions}  # fmt: skip
    assert set().union(*heard.values()) == set(listeners)
    assert [a for a, names in heard.items() if not names] == []  # every button is listened to
    assert len(catalog.actions) >= 40


# --- forged clicks -------------------------------------------------------------------------


def forged_values(genuine: str | None, other_flow: str | None) -> st.SearchStrategy:
    g = genuine or ""
    fields = re.split(r"([|.])", g)
    return st.one_of(
        st.sampled_from(
            [MISSING, "", " ", "x", "|||", "....", "0|0|0", "9" * 40, g.upper(), g + g]
        ),
        st.text(max_size=60),
        st.text(min_size=1900, max_size=2100).filter(bool),
        st.builds(lambda i, s: g[:i] + s + g[i:], st.integers(0, len(g)), st.text(min_size=1)),
        st.builds(lambda i, n: g[:i] + g[i + n :], st.integers(0, len(g)), st.integers(1, 6)),
        st.builds(
            lambda i, junk: "".join([*fields[:i], junk, *fields[i + 1 :]]),
            st.integers(0, max(len(fields) - 1, 0)),
            st.sampled_from(["", "-1", "99999999999", "x" * 300, "é", "<@U1>", "null"]),
        ),
        st.just(other_flow if other_flow is not None else MISSING),
    ).filter(lambda v: v != genuine)


def mangled_messages(action_id: str) -> st.SearchStrategy:
    button = {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": "x"}}  # fmt: skip
    return st.sampled_from([
        MISSING, {}, {"text": ""}, {"blocks": []}, {"blocks": None, "text": "hi"},
        {"blocks": [{"type": "actions"}]},
        {"blocks": [{"type": "actions", "elements": [button]}]},
        {"blocks": [{"type": "actions", "elements": [{**button, "value": "forged"}]}]},
        {"blocks": [{"type": "rich_text", "elements": []}], "attachments": [{"text": "a"}]},
    ])  # fmt: skip


@st.composite
def forgeries(draw, action_id: str, genuine: str | None, other_flow: str | None):
    """(value, someone else?, message): at least one of them not what Slack sent."""
    value = draw(st.one_of(st.just(genuine), forged_values(genuine, other_flow)))
    other_user = draw(st.booleans())
    message = draw(st.one_of(st.just(None), mangled_messages(action_id)))  # None: intact
    if value == genuine and not other_user and message is None:
        other_user = True
    return value, other_user, message


def check_forgery(guard, workspace, redis_client, store, action_id: str, pick) -> None:
    """Walk to ``action_id`` twice: click it genuinely once (the control), and once as
    ``pick(genuine value, the control's value)`` forges it; then check the house rule."""
    sim = workspace()
    catalog = discover(sim)
    path, team = catalog.actions[action_id], sim.requests.team_id
    control = Board(sim, check=guard.check).replay(path)
    expected = shape(guard.check(control.click(action_id)))
    board = Board(sim, check=guard.check).replay(path)
    genuine = board.value(action_id)
    value, other_user, message = pick(genuine, control.value(action_id))
    user = fresh("U") if other_user else board.user
    before = snapshot(redis_client, store, team)
    what = f"{action_id} value={value!r} other_user={other_user} message={message!r:.200}"
    forged = board.forged(action_id, user=user, value=value, message=message)
    reply = guard.check(sim.send(forged), what=what)
    if snapshot(redis_client, store, team) != before:
        # Taken as a genuine click: someone else may answer a team's flow (the reply names
        # them too); an ignored part of a value (a menu button's names only its owner) may
        # differ, and then the click did exactly what the genuine one does.
        if not other_user:
            assert shape(reply) == expected, f"{what}: changed the state unlike the genuine click"
        return
    again = guard.check(board.click(action_id), what=f"genuine click after {what}")
    assert shape(again) == expected, f"genuine click after {what} no longer works"


@FUZZ
@given(data=st.data())
def test_forged_clicks_get_short_answers_and_change_nothing(
    guard, workspace, redis_client, store, data
) -> None:
    action_id = data.draw(st.sampled_from(sorted(discover(workspace()).actions)), label="action")
    guard.start()

    def pick(genuine, other_flow):
        return data.draw(forgeries(action_id, genuine, other_flow), label="forgery")

    check_forgery(guard, workspace, redis_client, store, action_id, pick)


PLAIN_FORGERIES = {
    "no value": lambda genuine, other: (MISSING, False, None),
    "someone else": lambda genuine, other: (genuine, True, None),
    "no message": lambda genuine, other: (genuine, False, MISSING),
    "another flow's value": lambda genuine, other: (other, False, None),
}


@pytest.mark.parametrize("forgery", PLAIN_FORGERIES)
def test_every_button_takes_plain_forgeries(guard, workspace, redis_client, store, forgery) -> None:
    guard.start()
    for action_id in sorted(discover(workspace()).actions):
        check_forgery(guard, workspace, redis_client, store, action_id, PLAIN_FORGERIES[forgery])


# --- flows started with any text, clicked to the end ---------------------------------------

STARTS_WITH_TEXT = {
    "buildvsbuy": lambda text: (("command", "/buildvsbuy", text),),
    "buildvsbuy in a thread": lambda text: (("mention", "build or buy " + text),),
    "prioritize": lambda text: (("mention", "prioritize " + text),),
    "learn": lambda text: (("mention", "learn " + text),),
    "scorecard": lambda text: (("dm", "scorecard senior " + text), ("dm", text)),
    "practice": lambda text: (("dm", "practice senior"), ("dm", text), ("dm", text)),
    "llmcost": lambda text: (("command", "/llmcost", "model=gpt-4o in=2k out=5 qps=1 " + text),),
}


@FUZZ_LONG
@given(start=st.sampled_from(sorted(STARTS_WITH_TEXT)), text=junk)
def test_flows_started_with_any_text_click_through(workspace, guard, start, text) -> None:
    """Whatever was typed shows up again on every later step, in the decision record and on
    App Home: all of it valid Block Kit, in the app's words."""
    sim = workspace()
    guard.start()
    walk(sim, STARTS_WITH_TEXT[start](text), Catalog(), check=guard.check)
    guard.check(sim.open_home(user=fresh("U")), what=f"App Home after {start} {text!r}")
