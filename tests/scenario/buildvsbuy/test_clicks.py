"""/buildvsbuy clicks that must not count: races, expiry, stale and tampered values."""

from __future__ import annotations

import threading

import pytest

from bot.devtools.signed import SlackRequests
from bot.devtools.sim import WHERE, SlackSim, buttons
from bot.domain import buildvsbuy as bvb
from bot.features.buildvsbuy.store import (
    key as flow_key,
)
from bot.texts import buildvsbuy as t
from tests.conftest import SIGNING_SECRET
from tests.support.buildvsbuy import (
    TEAM,
    answer,
    ephemeral,
    start,
    stored,
    value_of,
)

# -- races, expiry, stale and tampered clicks -------------------------------------------------


def test_two_clicks_on_the_same_step_exactly_one_counts(sim, slack_api, store, monkeypatch):
    message = start(sim)
    barrier = threading.Barrier(2, timeout=5)
    update = store.update

    def both_read_then_write(**kwargs):
        barrier.wait()  # both clicks have read the same version before either writes
        return update(**kwargs)

    monkeypatch.setattr(store, "update", both_read_then_write)
    clicks = [("U1", "Yes"), ("U2", "No")]
    threads = [
        threading.Thread(target=sim.click, args=(message, label), kwargs={"user": user})
        for user, label in clicks
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    flow = stored(store, message)
    assert (flow.version, len(flow.value.path)) == (2, 1)
    winner = flow.value.path[0].user
    loser = "U2" if winner == "U1" else "U1"
    sent = [c.args for c in slack_api.calls_to("response_url")]
    assert [a.get("replace_original") for a in sent].count(True) == 1
    notes = [a["text"] for a in sent if a.get("response_type") == "ephemeral"]
    assert notes == [t.CONFLICT["yes"].format(user=winner)]
    assert f"<@{loser}>" not in notes[0]


def test_expired_flow_removes_the_buttons(sim, slack_api, store) -> None:
    message = answer(sim, start(sim), "no", "U1")
    store.delete(key=flow_key(TEAM, value_of(message).id))
    reply = sim.click(message, "Yes", user="U2")
    assert ephemeral(reply) == t.EXPIRED
    replaced = [m for m in reply.messages if m.get("replace_original") is True]
    assert len(replaced) == 1
    assert buttons(replaced[0]) == []
    assert replaced[0]["blocks"][-1]["elements"][0]["text"] == t.EXPIRED_NOTE
    assert replaced[0]["blocks"][2] == message["blocks"][2]  # the question stays readable
    assert stored(store, message) is None


def test_stale_click_counts_nothing_and_refreshes_the_message(sim, slack_api, store) -> None:
    first = start(sim)
    second = answer(sim, first, "no", "U1")
    current = answer(sim, second, "no", "U2")
    before = stored(store, first)
    reply = sim.click(first, "Yes", user="U3")
    assert ephemeral(reply) == t.STALE_REFRESHED
    assert stored(store, first) == before
    refreshed = next(m for m in reply.messages if m.get("replace_original") is True)
    assert refreshed["blocks"] == current["blocks"]


def test_a_click_just_behind_the_latest_answer_says_who_answered(sim, store) -> None:
    first = start(sim)
    answer(sim, first, "no", "U1")
    reply = sim.click(first, "Yes", user="U2")  # U2's screen still showed question 1
    assert ephemeral(reply) == t.CONFLICT["no"].format(user="U1")
    assert [s.user for s in stored(store, first).value.path] == ["U1"]


def test_stale_click_on_another_copy_strips_its_buttons(sim, slack_api, store) -> None:
    first = start(sim)
    answer(sim, first, "no", "U1")
    other_ts = slack_api.add_message("C0TEST", {k: v for k, v in first.items() if k != WHERE})
    copy = {**first, WHERE: {**first[WHERE], "ts": other_ts}}
    reply = sim.click(copy, "Yes", user="U3")
    assert ephemeral(reply) == t.STALE_STRIPPED
    assert buttons(slack_api.message("C0TEST", other_ts)) == []
    assert stored(store, first).version == 2


@pytest.mark.parametrize("stale", [False, True])
def test_flow_that_no_longer_fits_the_tree_is_treated_as_expired(sim, store, stale) -> None:
    first = start(sim)
    message = answer(sim, first, "no", "U1")
    got = stored(store, message)
    bogus = bvb.Step(node="no_longer_there", answer="yes", user="U1", at=got.value.started_at)
    store.put(
        key=flow_key(TEAM, got.value.id), value=got.value.model_copy(update={"path": (bogus,)})
    )
    reply = sim.click(first if stale else message, "Yes", user="U2")
    assert ephemeral(reply) == t.EXPIRED


def _forged(message: dict) -> dict[str, str]:
    good, raw = value_of(message), buttons(message)[0]["value"]
    return {
        "garbage": "garbage",
        "empty": "",
        "other verb": raw.replace("|yes:", "|no:"),
        "unknown node": raw.replace("can_prompt", "no_such_node"),
        "future turn": raw.replace("|0|", "|7|"),
        "other flow": raw.replace(good.id, "f" * 16),
        "other team": raw.replace(TEAM, "T0EVIL"),
        "huge": "x" * 2000,
    }


@pytest.mark.parametrize(
    "case",
    ["garbage", "empty", "other verb", "unknown node", "future turn", "other flow", "other team",
     "huge"],
)  # fmt: skip
def test_tampered_value_changes_nothing(sim, slack_api, store, case) -> None:
    message = start(sim)
    before = stored(store, message)
    reply = sim.click(message, "Yes", user="U2", value=_forged(message)[case])
    assert ephemeral(reply) == t.BAD_VALUE
    assert [m for m in reply.messages if m.get("replace_original")] == []
    assert stored(store, message) == before


@pytest.mark.parametrize(
    ("case", "text"),
    [("garbage", t.BAD_VALUE), ("unknown node", t.BAD_VALUE), ("future turn", t.BAD_VALUE),
     ("other team", t.BAD_VALUE), ("other flow", t.EXPIRED)],
)  # fmt: skip
def test_tampered_value_without_a_message_changes_nothing(sim, requests_, store, case, text):
    message = start(sim)
    before = stored(store, message)
    request = requests_.block_action(
        "bvb.yes", _forged(message)[case], user_id="U2", channel_id="C0TEST",
        message_ts=message[WHERE]["ts"], response_url=sim.fake.new_response_url(),
    )  # fmt: skip
    reply = sim.send(request)
    assert [m["text"] for m in reply.messages] == [text]
    assert stored(store, message) == before


def test_missing_value_and_user_of_another_workspace(app, slack_api, store) -> None:
    message = start(SlackSim(app, slack_api, SlackRequests(SIGNING_SECRET, team_id=TEAM)))
    before = stored(store, message)
    other = SlackSim(app, slack_api, SlackRequests(SIGNING_SECRET, team_id="T0OTHER"))
    assert ephemeral(other.click(message, "Yes", user="U2")) == t.BAD_VALUE
    assert stored(store, message) == before
