"""Property: submitting any modal the app opens (the /llmcost form, the build-or-buy topic,
the learn topic: every one the walk in tests/robustness_walk.py finds) with any values, any
selected options and any private_metadata gets a short answer: errors in the form, or the
answer posted; never exception text, never an ERROR log."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.app import create_app
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.sim import SlackSim
from bot.devtools.view_state import input_fields, state_values
from tests.support.robustness import FUZZ, KEYS, Guard, junk
from tests.support.robustness_walk import Board, discover, heard_by, registered, submission_body

NUMBERS = ["1e309", "-1", "0", "nan", "inf", "2k", "1,000", "10M", "1e-400", "9" * 40, "$5", "½", "1_0", "0x10"]  # fmt: skip
LIVE_URL, DEAD_URL = "live response_url", "http://127.0.0.1:9/refused"  # live: the fake's
MODELS = ["gpt-4o", "claude-sonnet-4-5", "gemini-2.5-flash", "llama-3.1-8b", "gpt-4o,gpt-4o"]
text_values = st.one_of(
    st.none(), junk, st.sampled_from(NUMBERS + MODELS + KEYS), st.text(max_size=3100)
)
metadata_values = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "null", "[]", "{}", '"C1"', "{", '{"c": 5}', '{"c": "C0TEST", "t": []}']),
    st.fixed_dictionaries(
        {},
        optional={
            "c": st.one_of(st.sampled_from(["C0TEST", "D0ALICE", "G0X", "C", "c0test"]), st.text()),
            "t": st.one_of(st.none(), st.sampled_from(["1.2", "x", "1" * 40]), st.integers()),
            "r": st.one_of(st.none(), st.sampled_from([LIVE_URL, DEAD_URL, "javascript:x"])),
        },
    ).map(json.dumps),
)


PICKERS = {"users_select": "selected_user", "conversations_select": "selected_conversation"}
PICKED = ["C0TEST", "U0ALICE", "U0BOB", "D0ALICE", "", "C0GONE"]


def option(text: str, value: str) -> dict:
    return {"text": {"type": "plain_text", "text": text}, "value": value}


@st.composite
def forged_state(draw, view: dict) -> dict:
    """``view.state.values`` a person (or a forger) could send: any text in each text input,
    real or made-up options in each select, fields left out."""
    values: dict = {}
    for field in input_fields(view.get("blocks") or []):
        if draw(st.integers(0, 9)) == 0:
            continue  # a field missing from the state
        real = [option(t, v) for t, v in field.options]
        made_up = st.builds(option, st.text(max_size=20), st.text(max_size=160))
        entry: dict = {"type": field.type}
        if field.type == "plain_text_input":
            entry["value"] = draw(text_values)
        elif field.type in PICKERS:  # a channel or a person picked: any id, or none
            entry[PICKERS[field.type]] = draw(
                st.none() | st.sampled_from(PICKED) | st.text(max_size=20)
            )
        elif field.multiple:
            entry["selected_options"] = draw(st.lists(st.sampled_from(real) | made_up, max_size=3))
        else:
            entry["selected_option"] = draw(st.none() | st.sampled_from(real) | made_up)
        values[field.block_id] = {field.action_id: entry}
    return values


@pytest.fixture
def guard(slack_api, caplog) -> Guard:
    return Guard(slack_api, caplog)


def test_the_walk_opens_every_modal_the_app_listens_for(app, sim) -> None:
    modals, listeners = discover(sim).modals, registered(app, "view_submission")
    heard = {m: {n for n, lst in listeners.items() if heard_by(lst, submission_body(m))} for m in modals}  # fmt: skip
    assert set().union(*heard.values()) == set(listeners)
    assert [m for m, names in heard.items() if not names] == []


@FUZZ
@given(data=st.data())
def test_any_submission_gets_a_short_answer(sim, guard, data) -> None:
    catalog = discover(sim)
    callback = data.draw(st.sampled_from(sorted(catalog.modals)), label="modal")
    guard.start()
    board = Board(sim, check=guard.check).replay(catalog.modals[callback])
    view = next(s for s in reversed(board.surfaces) if s.get("callback_id") == callback)
    values = data.draw(forged_state(view), label="values")
    metadata = data.draw(st.just(view.get("private_metadata", "")) | metadata_values, label="meta")
    metadata = metadata.replace(LIVE_URL, sim.fake.new_response_url(channel=board.channel))
    request = sim.requests.view_submission(
        callback, values, user_id=board.user, private_metadata=metadata, view=view
    )
    guard.check(sim.send(request), what=f"{callback} {values!r:.300} meta={metadata!r}")


ANSWERS = {"bvb.topic_input": "support triage", "learn.topic_input": "mixture of experts"}


@pytest.fixture
def own_slack(settings, store, knowledge, caplog, requests_):
    """A FakeSlack of this test's own (the faults it queues must not outlive it): sim, guard."""
    with FakeSlack() as fake:
        app_settings = settings.model_copy(update={"slack_api_url": fake.url})
        app = create_app(app_settings, store=store, knowledge=knowledge, process_before_response=True)  # fmt: skip
        yield SlackSim(app, fake, requests_), Guard(fake, caplog), fake


@pytest.mark.parametrize("url", ["http://", "https://", "http://127.0.0.1:9/refused", "https://x.invalid/"])  # fmt: skip
def test_a_response_url_that_cannot_be_reached_is_not_an_error(own_slack, url) -> None:
    """The case hypothesis found (``{"c":"C00","r":"http://"}``): the answer falls back to the
    metadata's response_url, which fails; slack_sdk's webhook client logged that at ERROR
    (and the URL at INFO) although the app handles it. Every modal that remembers a place,
    each such URL."""
    sim, guard, slack_api = own_slack
    catalog, tried = discover(sim), []
    for callback in sorted(catalog.modals):
        guard.start()
        board = Board(sim, check=guard.check).replay(catalog.modals[callback])
        view = next(s for s in reversed(board.surfaces) if s.get("callback_id") == callback)
        if '"c":' not in view.get("private_metadata", ""):
            continue  # this modal does not remember a place (no response_url to fall back on)
        tried.append(callback)
        slack_api.fail_next("chat.postEphemeral", "not_in_channel")
        request = sim.requests.view_submission(
            callback, state_values(view["blocks"], ANSWERS), user_id=board.user, view=view,
            private_metadata=json.dumps({"c": "C00", "r": url}),
        )  # fmt: skip
        reply = guard.check(sim.send(request), what=f"{callback} {url}")
        assert reply.ack is None, f"{callback}: not answered"
        assert reply.messages, f"{callback}: not answered"
        assert all(url not in r.getMessage() for r in guard.caplog.records if len(url) > 8)
    assert {"bvb.topic_modal", "cost.modal"} <= set(tried)
