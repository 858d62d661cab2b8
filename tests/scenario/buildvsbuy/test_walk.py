"""/buildvsbuy walks: every path to its outcome, Back at every depth, Start over."""

from __future__ import annotations

import pytest

from bot.devtools.sim import WHERE, buttons
from bot.texts import buildvsbuy as t
from tests.support.buildvsbuy import (
    PATHS,
    USERS,
    path_id,
    start,
    stored,
    walk,
)

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
