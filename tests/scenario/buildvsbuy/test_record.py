"""/buildvsbuy's recommendation buttons: decision record, Estimate cost, outages."""

from __future__ import annotations

from bot.devtools.sim import WHERE, SlackSim, buttons
from bot.errors import StateUnavailable
from bot.features.buildvsbuy.store import (
    DECISIONS_TTL,
    decisions_key,
    recent_decisions,
)
from bot.texts import buildvsbuy as t
from bot.texts import common
from tests.support.buildvsbuy import (
    PATHS,
    TEAM,
    ephemeral,
    start,
    stored,
    walk,
)

# -- the recommendation's buttons -------------------------------------------------------------


def _outcome(sim: SlackSim, **where) -> dict:
    return walk(sim, start(sim, **where), PATHS[1].steps)  # no, yes -> RAG


def test_decision_record_goes_in_the_thread_once(sim, slack_api, store, deps, redis_client):
    final = _outcome(sim)
    reply = sim.click(final, "Post decision record", user="U7")
    posts = slack_api.calls_to("chat.postMessage")
    assert len(posts) == 1
    assert (posts[0].args["channel"], posts[0].args["thread_ts"]) == ("C0TEST", final[WHERE]["ts"])
    adr = posts[0].args["blocks"]
    assert adr[0]["text"]["text"] == "ADR: support triage"
    assert "*Status:* Accepted" in adr[1]["text"]["text"]
    assert "<@U0ALICE>, <@U1>, <@U2>, <@U7>" in adr[1]["text"]["text"]
    updated = reply.message
    assert "Post decision record" not in [b["text"]["text"] for b in buttons(updated)]
    assert t.RECORDED.format(user="U7") in str(updated["blocks"])
    again = sim.click(final, "Post decision record", user="U8")  # old copy of the button
    assert ephemeral(again) == t.ALREADY_RECORDED.format(user="U7")
    assert len(slack_api.calls_to("chat.postMessage")) == 1
    assert [r.topic for r in recent_decisions(deps, team=TEAM)] == ["support triage"]
    for user in ("U0ALICE", "U1", "U2", "U7"):
        assert [r.outcome for r in recent_decisions(deps, team=TEAM, user=user)] == ["rag"]
    assert recent_decisions(deps, team=TEAM, user="U8") == []
    ttl = redis_client.ttl(decisions_key(TEAM).render(store.prefix))
    assert DECISIONS_TTL - 60 < ttl <= DECISIONS_TTL


def test_decision_record_falls_back_to_the_response_url(sim, slack_api, store, deps) -> None:
    final = _outcome(sim)
    slack_api.fail_next("chat.postMessage", "not_in_channel")
    reply = sim.click(final, "Post decision record", user="U7")
    posted = [m for m in reply.messages if m.get("response_type") == "in_channel"]
    assert len(posted) == 1
    assert posted[0]["thread_ts"] == final[WHERE]["ts"]
    assert posted[0]["text"] == "Decision record: support triage: RAG"
    assert stored(store, final).value.recorded_by == "U7"
    assert len(recent_decisions(deps, team=TEAM)) == 1


def test_decision_record_that_cannot_be_posted_can_be_tried_again(sim, slack_api, store, deps):
    final = _outcome(sim)
    slack_api.fail_next("chat.postMessage", "not_in_channel")
    slack_api.fail_next("response_url", "used_url", status=404)
    reply = sim.click(final, "Post decision record", user="U7")
    assert ephemeral(reply) == t.RECORD_FAILED.format(error="not_in_channel")
    assert stored(store, final).value.recorded_by is None
    assert recent_decisions(deps, team=TEAM) == []
    again = next(m for m in reply.messages if m.get("replace_original") is True)
    sim.click({**again, WHERE: final[WHERE]}, "Post decision record", user="U7")
    assert stored(store, final).value.recorded_by == "U7"
    assert len(recent_decisions(deps, team=TEAM)) == 1


def test_state_store_down_on_click(sim, store, monkeypatch) -> None:
    message = start(sim)

    def down(**kwargs):
        raise StateUnavailable("down")

    monkeypatch.setattr(store, "get", down)
    reply = sim.click(message, "Yes")
    assert reply.status == 200
    assert ephemeral(reply) == common.STATE_UNAVAILABLE


def test_cost_button_opens_the_cost_form_answering_in_the_flow_channel(sim, slack_api) -> None:
    reply = sim.click(_outcome(sim), "Estimate cost", user="U2")
    assert reply.messages == []
    view = reply.view
    assert view["callback_id"] == "cost.modal"
    answer = sim.submit(view, {}, user="U2")
    assert answer.status == 200
    posted = slack_api.calls_to("chat.postEphemeral")
    assert [(c.args["channel"], c.args["user"]) for c in posted] == [(sim.channel, "U2")]
    assert "$0.0100" in answer.message_text
