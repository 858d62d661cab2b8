"""/buildvsbuy end to end: signed requests into the real app, fake Slack, real Redis."""

from __future__ import annotations

import threading

import pytest

from bot.blocks.buildvsbuy import TOPIC_INPUT
from bot.deps import Deps
from bot.devtools.signed import SlackRequests
from bot.devtools.sim import WHERE, SlackSim, buttons, find_button
from bot.domain import buildvsbuy as bvb
from bot.errors import StateUnavailable
from bot.kb import load_knowledge
from bot.listeners.commands.buildvsbuy import (
    DECISIONS_TTL,
    decisions_key,
    flow_key,
    recent_decisions,
    start_flow,
)
from bot.settings import PROJECT_ROOT
from bot.state import Store
from bot.texts import buildvsbuy as t
from bot.texts import common
from tests.conftest import SIGNING_SECRET

TEAM = "T0TEST"
USERS = ("U1", "U2", "U3")
PATHS = load_knowledge(PROJECT_ROOT / "knowledge").tree.paths()


@pytest.fixture
def tree(knowledge):
    return knowledge.tree


@pytest.fixture
def deps(settings, store, knowledge) -> Deps:
    return Deps(settings=settings, store=store, knowledge=knowledge)


def start(sim: SlackSim, topic: str = "support triage", **where) -> dict:
    reply = sim.command("/buildvsbuy", topic, **where)
    assert reply.status == 200
    assert reply.ack["response_type"] == "in_channel"
    assert [c.method for c in reply.calls if c.method != "auth.test"] == []  # all in the ack
    return reply.message


def value_of(message: dict) -> bvb.ButtonValue:
    return bvb.decode_value(buttons(message)[0]["value"])


def stored(store: Store, message: dict):
    return store.get(key=flow_key(TEAM, value_of(message).flow), model=bvb.Flow)


def answer(sim: SlackSim, message: dict, reply: str, user: str) -> dict:
    result = sim.click(message, "Yes" if reply == "yes" else "No", user=user)
    assert [c.method for c in result.calls if c.method != "auth.test"] == ["response_url"]
    assert result.message["replace_original"] is True
    return result.message


def walk(sim: SlackSim, message: dict, steps) -> dict:
    for i, (_node, reply) in enumerate(steps):
        message = answer(sim, message, reply, USERS[i % len(USERS)])
    return message


def ephemeral(reply) -> str:
    found = [m for m in reply.messages if m.get("response_type") == "ephemeral"]
    assert len(found) == 1, reply.messages
    assert found[0].get("replace_original") is False
    return found[0]["text"]


def path_id(path) -> str:
    return "-".join(a for _, a in path.steps) + f"->{path.outcome}"


# -- walking ---------------------------------------------------------------------------------


def test_command_posts_the_first_question_for_the_channel(sim, store, tree) -> None:
    message = start(sim, "  support   ticket triage ")
    assert message["blocks"][0]["text"]["text"] == "support ticket triage"
    assert tree.question("can_prompt").text in message["text"]
    assert [b["text"]["text"] for b in buttons(message)] == ["Yes", "No"]
    flow = stored(store, message).value
    assert (flow.started_by, flow.channel, flow.turn, flow.path) == ("U0ALICE", "C0TEST", 0, ())


def test_topic_entities_are_read_back_and_escaped_again(sim) -> None:
    message = start(sim, "R&amp;D &lt;!channel&gt; triage")
    assert message["blocks"][0]["text"]["text"] == "R&D <!channel> triage"  # plain text header
    assert message["text"].startswith("R&amp;D &lt;!channel&gt; triage: ")  # mrkdwn fallback


@pytest.mark.parametrize("path", PATHS, ids=path_id)
def test_every_path_reaches_its_outcome_in_one_message(sim, slack_api, store, tree, path) -> None:
    first = start(sim)
    final = walk(sim, first, path.steps)
    outcome = tree.outcome(path.outcome)
    assert f"Recommendation: {outcome.title}" in final["blocks"][2]["text"]["text"]
    for i, (node, reply) in enumerate(path.steps):
        line = f"{i + 1}. {tree.question(node).text} → *{t.ANSWERS[reply]}* · <@{USERS[i % 3]}>"
        assert line in final["blocks"][3]["text"]["text"]
    channel, ts = first[WHERE]["channel"], first[WHERE]["ts"]
    assert slack_api.message(channel, ts)["blocks"] == final["blocks"]  # same message, updated
    assert slack_api.calls_to("chat.postMessage") == []  # no message per step
    flow = stored(store, first)
    assert (flow.value.turn, flow.version) == (len(path.steps), len(path.steps) + 1)
    assert flow.value.message_ts == ts


@pytest.mark.parametrize(
    ("path", "depth"),
    [(p, d) for p in PATHS for d in range(1, len(p.steps) + 1)],
    ids=lambda x: path_id(x) if hasattr(x, "steps") else str(x),
)
def test_back_at_every_depth(sim, store, tree, path, depth) -> None:
    message = walk(sim, start(sim), path.steps[:depth])
    back = sim.click(message, "Back", user="U9").message
    node = path.steps[depth - 1][0]
    assert f"{tree.question(node).text}*" in back["blocks"][2]["text"]["text"]
    path_text = back["blocks"][-1]["text"]["text"]
    assert path_text.count("\n") == max(depth - 1, 1)  # title + lines, or title + "no answers"
    assert [(s.node, s.answer) for s in stored(store, message).value.path] == list(
        path.steps[: depth - 1]
    )


@pytest.mark.parametrize("depth", [1, 4])
def test_start_over(sim, store, tree, depth) -> None:
    message = walk(sim, start(sim), PATHS[-1].steps[:depth])
    again = sim.click(message, "Start over", user="U2").message
    assert tree.question("can_prompt").text in again["text"]
    assert [b["text"]["text"] for b in buttons(again)] == ["Yes", "No"]
    flow = stored(store, message).value
    assert (flow.path, flow.turn, flow.last_user) == ((), depth + 1, "U2")


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
    store.delete(key=flow_key(TEAM, value_of(message).flow))
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
    good = value_of(message)
    return {
        "garbage": "garbage",
        "empty": "",
        "other verb": good.encode().replace(".yes", ".no"),
        "unknown node": good.encode().replace("can_prompt", "no_such_node"),
        "future turn": good.encode().replace(".0.", ".7."),
        "other flow": good.encode().replace(good.flow, "f" * 16),
        "other team": good.encode().replace(TEAM, "T0EVIL"),
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


# -- help, no topic, DM, thread ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["help", " HELP ", "?"])
def test_help(sim, text) -> None:
    reply = sim.command("/buildvsbuy", text)
    assert reply.ack["response_type"] == "ephemeral"
    assert "/buildvsbuy support-ticket triage" in reply.message_text
    assert buttons(reply.message) == []


def test_no_topic_asks_for_one_in_a_modal_then_starts(sim, slack_api, store) -> None:
    ask = sim.command("/buildvsbuy", "   ")
    assert ask.ack["response_type"] == "ephemeral"
    opened = sim.click(ask.message, "Set the topic", user="U0ALICE")
    modal = opened.view
    assert modal["callback_id"] == "bvb.topic_modal"
    empty = sim.submit(modal, {TOPIC_INPUT: "  "})
    assert empty.ack == {"response_action": "errors", "errors": {"bvb.topic_block": t.TOPIC_EMPTY}}
    assert slack_api.calls_to("chat.postMessage") == []
    started = sim.submit(modal, {TOPIC_INPUT: "contract clause extraction"})
    assert started.ack is None  # the modal closes
    post = slack_api.calls_to("chat.postMessage")
    assert len(post) == 1
    assert post[0].args["channel"] == "C0TEST"
    assert [c.args.get("delete_original") for c in started.calls[1:]] == [True]  # the ask
    message = next(m for m in started.messages if m.get("blocks"))
    assert message["blocks"][0]["text"]["text"] == "contract clause extraction"
    assert stored(store, message).value.started_by == "U0ALICE"
    answer(sim, message, "yes", "U2")


def test_topic_modal_posts_through_the_response_url_where_the_bot_is_not_invited(
    sim, slack_api
) -> None:
    ask = sim.command("/buildvsbuy", "")
    modal = sim.click(ask.message, "Set the topic").view
    slack_api.fail_next("chat.postMessage", "not_in_channel")
    started = sim.submit(modal, {TOPIC_INPUT: "sales call summaries"})
    assert started.ack is None
    kinds = [(c.method, c.args.get("response_type")) for c in started.calls]
    assert kinds == [("chat.postMessage", None), ("response_url", "in_channel"),
                     ("response_url", None)]  # fmt: skip


def test_topic_modal_with_broken_metadata_says_so(sim) -> None:
    ask = sim.command("/buildvsbuy", "")
    modal = sim.click(ask.message, "Set the topic").view
    reply = sim.submit({**modal, "private_metadata": '{"c": "not a channel"}'}, {TOPIC_INPUT: "x"})
    assert reply.ack["errors"] == {"bvb.topic_block": t.CANT_POST_HERE}


def test_works_in_a_dm(sim, slack_api) -> None:
    first = start(sim, channel="D0ALICE")
    final = walk(sim, first, PATHS[0].steps)
    assert final[WHERE]["channel"] == "D0ALICE"
    assert "*Recommendation: Prompting*" in final["blocks"][2]["text"]["text"]
    sim.click(final, "Post decision record")
    post = slack_api.calls_to("chat.postMessage")[0].args
    assert (post["channel"], post["thread_ts"]) == ("D0ALICE", first[WHERE]["ts"])


def test_start_flow_in_a_thread(sim, slack_api, app, deps) -> None:
    start_flow(app.client, deps, team=TEAM, user="U1", channel="C0TEST", topic="triage",
               thread_ts="1700000000.000100")  # fmt: skip
    post = slack_api.calls_to("chat.postMessage")[0]
    assert post.args["thread_ts"] == "1700000000.000100"
    where = {"channel": "C0TEST", "ts": post.response["ts"], "thread_ts": post.args["thread_ts"]}
    message = {**post.args, WHERE: {**where, "ephemeral": False}}
    final = walk(sim, message, PATHS[0].steps)
    sim.click(final, "Post decision record")
    record = slack_api.calls_to("chat.postMessage")[-1].args
    assert record["thread_ts"] == "1700000000.000100"  # the thread, not the reply


def test_start_flow_without_a_topic_asks_in_the_thread(sim, slack_api, app, deps) -> None:
    start_flow(app.client, deps, team=TEAM, user="U1", channel="C0TEST", topic=" ",
               thread_ts="1700000000.000100")  # fmt: skip
    post = slack_api.calls_to("chat.postMessage")[0].args
    assert find_button(post, "Set the topic")["action_id"] == "bvb.topic"


def test_state_store_down_on_start(sim, store, monkeypatch) -> None:
    def down(**kwargs):
        raise StateUnavailable("down")

    monkeypatch.setattr(store, "create", down)
    reply = sim.command("/buildvsbuy", "triage")
    assert reply.ack["response_type"] == "ephemeral"
    assert reply.message["text"] == common.STATE_UNAVAILABLE


# -- Redis round trips per click --------------------------------------------------------------


class RoundTrips:
    """Counts what reaches Redis: each command, and each pipeline as one round trip."""

    def __init__(self, client, monkeypatch) -> None:
        self.seen: list[str] = []
        command, pipeline = client.execute_command, client.pipeline

        def counted(*args, **kwargs):
            self.seen.append(str(args[0]).upper())
            return command(*args, **kwargs)

        def counted_pipeline(*args, **kwargs):
            pipe = pipeline(*args, **kwargs)
            run = pipe.execute

            def execute(*a, **kw):
                self.seen.append("PIPELINE")
                return run(*a, **kw)

            pipe.execute = execute
            return pipe

        monkeypatch.setattr(client, "execute_command", counted)
        monkeypatch.setattr(client, "pipeline", counted_pipeline)

    def take(self) -> list[str]:
        seen, self.seen = self.seen, []
        return seen


def test_each_click_costs_at_most_two_round_trips(sim, store, redis_client, monkeypatch):
    walk(sim, start(sim), PATHS[0].steps)  # warm-up: the Lua scripts are loaded once per server
    trips = RoundTrips(redis_client, monkeypatch)
    first = start(sim)
    assert trips.take() == ["EVALSHA"]  # create
    message = first
    for i, (_node, reply) in enumerate(PATHS[2].steps):
        message = answer(sim, message, reply, USERS[i % 3])
        assert trips.take() == ["HMGET", "EVALSHA"]
    message = sim.click(message, "Back").message
    assert trips.take() == ["HMGET", "EVALSHA"]
    sim.click(first, "Yes")  # stale
    assert trips.take() == ["HMGET"]
    sim.click(message, "Yes", value="garbage")  # tampered: no Redis at all
    assert trips.take() == []

    barrier, update = threading.Barrier(2, timeout=5), store.update

    def both_read_then_write(**kwargs):
        barrier.wait()
        return update(**kwargs)

    monkeypatch.setattr(store, "update", both_read_then_write)
    racers = [threading.Thread(target=sim.click, args=(message, label)) for label in ("Yes", "No")]
    for thread in racers:
        thread.start()
    for thread in racers:
        thread.join(10)
    assert sorted(trips.take()) == ["EVALSHA", "EVALSHA", "HMGET", "HMGET"]  # 2 per click
    monkeypatch.setattr(store, "update", update)

    final = walk(sim, start(sim), PATHS[1].steps)
    trips.take()
    sim.click(final, "Post decision record", user="U1")
    # get + CAS, then one pipeline keeping the decision for the workspace and its 3 participants
    assert trips.take() == ["HMGET", "EVALSHA", "PIPELINE"]
