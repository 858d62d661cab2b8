"""/buildvsbuy's decision record: posted once in the thread as a numbered ADR, kept for good,
superseded by a later record, and the recommendation's other buttons."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.devtools.sim import WHERE, SlackSim, buttons, message_text
from bot.errors import StateUnavailable
from bot.features.buildvsbuy import decisions
from bot.texts import buildvsbuy as t
from bot.texts import common
from tests.support.buildvsbuy import (
    PATHS,
    TEAM,
    ephemeral,
    post_record,
    record_message,
    start,
    stored,
    walk,
)


def _outcome(sim: SlackSim, topic: str = "support triage", **where) -> dict:
    return walk(sim, start(sim, topic, **where), PATHS[1].steps)  # no, yes -> RAG


def test_decision_record_goes_in_the_thread_once(sim, slack_api, store, deps, redis_client):
    final = _outcome(sim)
    reply, adr = post_record(sim, final)
    posts = slack_api.calls_to("chat.postMessage")
    assert len(posts) == 1
    assert (posts[0].args["channel"], posts[0].args["thread_ts"]) == ("C0TEST", final[WHERE]["ts"])
    assert adr["blocks"][0]["text"]["text"] == "ADR 0001: support triage"
    text = message_text(adr)
    for part in ("*Status:* Accepted", "*Owner:* <@U0ALICE>", "*Alternatives considered*",
                 "<@U0ALICE>, <@U1>, <@U2>, <@U7>", "*Revisit:* "):  # fmt: skip
        assert part in text
    updated = next(m for m in reply.messages if m.get("replace_original") is True)
    assert "Post decision record" not in [b["text"]["text"] for b in buttons(updated)]
    link = f"https://tradeoffs-test.slack.com/archives/C0TEST/p{adr[WHERE]['ts'].replace('.', '')}"
    assert f"<{link}|ADR 0001>" in message_text(updated)
    again = sim.click(final, "Post decision record", user="U8")  # old copy of the button
    assert ephemeral(again) == t.ALREADY_RECORDED.format(user="U7")
    assert len(slack_api.calls_to("chat.postMessage")) == 1
    [entry] = decisions.read_index(deps.store, TEAM).entries
    assert (entry.number, entry.topic, entry.link, entry.status) == (1, "support triage", link, "Accepted")
    kept = decisions.read_record(deps.store, TEAM, 1).value
    assert (kept.message_ts, kept.link, kept.outcome) == (adr[WHERE]["ts"], link, "rag")
    for key in (decisions.index_key(TEAM), decisions.record_key(TEAM, 1)):
        assert redis_client.ttl(key.render(store.prefix)) == -1  # exists, never expires


def test_decision_record_falls_back_to_the_response_url(sim, slack_api, store, deps) -> None:
    final = _outcome(sim)
    slack_api.fail_next("chat.postMessage", "not_in_channel")
    reply = sim.click(final, "Post decision record", user="U7")
    posted = [m for m in reply.messages if m.get("response_type") == "in_channel"]
    assert len(posted) == 1
    assert posted[0]["thread_ts"] == final[WHERE]["ts"]
    assert posted[0]["text"] == "Decision record ADR 0001: support triage: RAG"
    assert stored(store, final).value.recorded_by == "U7"
    assert [e.number for e in decisions.read_index(deps.store, TEAM).entries] == [1]


def test_decision_record_that_cannot_be_posted_can_be_tried_again(sim, slack_api, store, deps):
    final = _outcome(sim)
    slack_api.fail_next("chat.postMessage", "not_in_channel")
    slack_api.fail_next("response_url", "used_url", status=404)
    reply = sim.click(final, "Post decision record", user="U7")
    assert ephemeral(reply) == t.RECORD_FAILED.format(error="not_in_channel")
    assert stored(store, final).value.recorded_by is None
    assert decisions.read_index(deps.store, TEAM).entries == ()
    assert decisions.read_record(deps.store, TEAM, 1) is None
    again = next(m for m in reply.messages if m.get("replace_original") is True)
    retry = sim.click({**again, WHERE: final[WHERE]}, "Post decision record", user="U7")
    assert record_message(retry)["blocks"][0]["text"]["text"] == "ADR 0001: support triage"
    assert stored(store, final).value.recorded_by == "U7"


def test_a_timeout_is_not_taken_for_a_failure(sim, slack_api, store, deps, monkeypatch):
    final = _outcome(sim)
    real = WebClient.chat_postMessage

    def posted_then_timed_out(self, **kwargs):
        real(self, **kwargs)  # Slack got it; the answer never came back
        raise TimeoutError("The read operation timed out")

    monkeypatch.setattr(WebClient, "chat_postMessage", posted_then_timed_out)
    reply = sim.click(final, "Post decision record", user="U7")
    monkeypatch.setattr(WebClient, "chat_postMessage", real)
    assert ephemeral(reply) == t.RECORD_UNCONFIRMED.format(number=1)
    assert len(slack_api.calls_to("chat.postMessage")) == 1  # not posted twice
    assert stored(store, final).value.recorded_by == "U7"
    kept = decisions.read_record(deps.store, TEAM, 1).value
    assert kept.message_ts is None
    assert kept.reminder_id is not None
    assert ephemeral(sim.click(final, "Post decision record", user="U8")) == (
        t.ALREADY_RECORDED.format(user="U7")
    )


def test_a_double_click_posts_one_record(sim, slack_api, store, monkeypatch) -> None:
    import threading

    final = _outcome(sim)
    barrier, update = threading.Barrier(2, timeout=5), store.update

    def both_read_then_write(**kwargs):
        if '"recorded_by":"U' in kwargs["value"].model_dump_json():
            barrier.wait()
        return update(**kwargs)

    monkeypatch.setattr(store, "update", both_read_then_write)
    clicks = [threading.Thread(target=sim.click, args=(final, "Post decision record"),
                               kwargs={"user": u}) for u in ("U7", "U8")]  # fmt: skip
    for thread in clicks:
        thread.start()
    for thread in clicks:
        thread.join(10)
    assert len(slack_api.calls_to("chat.postMessage")) == 1
    assert len(slack_api.calls_to("chat.scheduleMessage")) == 1


def test_a_later_record_from_the_same_flow_supersedes_the_earlier(sim, slack_api, deps) -> None:
    final = _outcome(sim, "contract review")
    reply, first = post_record(sim, final)
    first_reminder = decisions.read_record(deps.store, TEAM, 1).value.reminder_id
    # Back, another branch: prompting after all
    recorded = next(m for m in reply.messages if m.get("replace_original") is True)
    here = sim.click(recorded, "Back", user="U1").message
    here = sim.click(here, "Back", user="U1").message
    prompting = walk(sim, here, PATHS[0].steps)
    _, second = post_record(sim, prompting, user="U2")
    assert second["blocks"][0]["text"]["text"] == "ADR 0002: contract review"
    assert "This record supersedes ADR 0001." in message_text(second)
    edited = slack_api.message("C0TEST", first[WHERE]["ts"])
    link = decisions.read_record(deps.store, TEAM, 2).value.link
    assert f"*Status:* Superseded by <{link}|ADR 0002>" in message_text(edited)
    assert "Accepted" not in message_text(edited)
    [update] = [c for c in slack_api.calls_to("chat.update") if c.args["ts"] == first[WHERE]["ts"]]
    assert update.args["channel"] == "C0TEST"
    cancelled = slack_api.calls_to("chat.deleteScheduledMessage")
    assert [c.args["scheduled_message_id"] for c in cancelled] == [first_reminder]
    assert first_reminder not in [s.id for s in slack_api.scheduled()]
    old = decisions.read_record(deps.store, TEAM, 1).value
    assert (old.status, old.superseded_by, old.reminder_id) == ("Superseded", 2, None)
    index = decisions.read_index(deps.store, TEAM)
    assert [(e.number, e.status, e.superseded_by) for e in index.entries] == [
        (1, "Superseded", 2), (2, "Accepted", None),
    ]  # fmt: skip
    home = message_text(sim.open_home(user="U0ALICE").view)
    assert "ADR 0002" in home
    assert "replaces ADR 0001" in home
    assert "RAG" not in home.split("Recent decisions")[1].split("Reference")[0]
    assert "1 superseded by a later record are not shown" in home


def test_a_new_record_on_the_same_topic_in_the_same_channel_supersedes(sim, slack_api, deps):
    post_record(sim, _outcome(sim, "Contract review"))
    post_record(sim, _outcome(sim, "Contract review", channel="C0OTHER"))  # another channel
    post_record(sim, _outcome(sim, "contract  REVIEW"))
    statuses = [(e.number, e.channel, e.status) for e in decisions.read_index(deps.store, TEAM).entries]
    assert statuses == [
        (1, "C0TEST", "Superseded"), (2, "C0OTHER", "Accepted"), (3, "C0TEST", "Accepted"),
    ]  # fmt: skip


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


def test_the_estimate_run_from_the_flow_goes_into_its_record(sim, slack_api, store) -> None:
    final = _outcome(sim)
    view = sim.click(final, "Estimate cost", user="U2").view
    sim.submit(view, {}, user="U2")
    cost = stored(store, final).value.cost
    assert (cost.by, cost.model) == ("U2", "gpt 4o")
    assert cost.args.startswith("model=gpt-4o")
    _, adr = post_record(sim, final)
    text = message_text(adr)
    assert "*Cost estimate*\n<@U2> estimated $" in text
    assert f"`/llmcost {cost.args}`" in text


def test_an_estimate_from_another_form_or_person_is_not_kept(sim, store) -> None:
    final = _outcome(sim)
    view = sim.click(final, "Estimate cost", user="U2").view
    sim.submit(view, {}, user="U3")  # someone else submitting (a forged submission)
    forged = {**view, "private_metadata": '{"c":"C0TEST","r":"https://elsewhere.example/x"}'}
    sim.submit(forged, {}, user="U2")
    assert stored(store, final).value.cost is None


def test_the_log_goes_only_with_the_workspace(sim, requests_, store, redis_client) -> None:
    post_record(sim, _outcome(sim))
    names = [k.render(store.prefix) for k in (decisions.index_key(TEAM), decisions.record_key(TEAM, 1))]
    assert [redis_client.ttl(n) for n in names] == [-1, -1]  # no TTL: kept until uninstalled
    assert sim.send(requests_.event({"type": "app_uninstalled"})).status == 200
    assert [redis_client.exists(n) for n in names] == [0, 0]
    assert decisions.read_index(store, TEAM).entries == ()
