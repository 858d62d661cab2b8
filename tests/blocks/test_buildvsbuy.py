"""Rendering /buildvsbuy: valid Block Kit within limits, whatever the topic or path."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.blocks import buildvsbuy as blocks
from bot.blocks.clicks import decode
from bot.devtools.blockkit import assert_valid_message, assert_valid_view
from bot.devtools.sim import buttons, message_text
from bot.domain import buildvsbuy as bvb
from bot.domain.knowledge.tree import Question
from bot.knowledge_loader import load_knowledge
from bot.settings import PROJECT_ROOT

KNOWLEDGE = load_knowledge(PROJECT_ROOT / "knowledge")
TREE = KNOWLEDGE.tree
NOW = datetime(2025, 3, 4, tzinfo=UTC)
HUGE = "x" * 3000
TEAM = "T1"


def flow_at(steps=(), topic: str = "support triage", **update) -> bvb.Flow:
    flow = bvb.new_flow(
        flow_id="0123456789abcdef", team="T1", topic=bvb.clean_topic(topic), user="U0",
        channel="C1", now=NOW,
    )  # fmt: skip
    for node, reply in steps:
        flow = bvb.answer(flow, TREE, node, reply, "U1", NOW)
    return flow.model_copy(update=update)


def render(flow: bvb.Flow) -> dict:
    payload = blocks.flow_message(flow, bvb.where(flow, KNOWLEDGE))
    assert_valid_message(payload)
    return payload


def labels(payload: dict) -> list[str]:
    return [b["text"]["text"] for b in buttons(payload)]


@pytest.mark.parametrize(
    "steps",
    [p.steps[:d] for p in TREE.paths() for d in range(len(p.steps) + 1)],
    ids=lambda s: "-".join(a for _, a in s) or "start",
)
def test_every_reachable_message_is_valid(steps) -> None:
    payload = render(flow_at(steps, topic=HUGE))
    assert len(payload["blocks"]) <= 50
    assert payload["blocks"][0] == {
        "type": "header", "text": {"type": "plain_text", "text": "x" * 149 + "…", "emoji": True},
    }  # fmt: skip
    for button in buttons(payload):
        click = decode(button["value"], team=TEAM, kind="bvb")
        bvb.Move.parse(click.arg, verb=button["action_id"].removeprefix("bvb."))
        assert click.turn == len(steps)


@pytest.mark.parametrize(
    "steps",
    [p.steps[: d + 1] for p in TREE.paths() for d in range(len(p.steps))],
    ids=lambda s: "-".join(a for _, a in s),
)
def test_questions_are_numbered_as_the_path_counts(steps) -> None:
    """No/No/No asks its fourth question (the tree's step 5) as Question 4, the number the
    path gives it once answered; not Question 5 after 1, 2, 3."""
    *before, (node, _reply) = steps
    asked = message_text(render(flow_at(before)))
    question = TREE.question(node).text
    assert f"*Question {len(before) + 1}: {question}*" in asked
    assert f"{len(before) + 1}. {question} → " in message_text(render(flow_at(steps)))


def test_step_buttons_grow_back_and_restart_once_there_is_a_path() -> None:
    assert labels(render(flow_at())) == ["Yes", "No"]
    after = render(flow_at((("can_prompt", "no"),)))
    assert labels(after) == ["Yes", "No", "Back", "Start over"]
    text = message_text(after)
    assert "Is the missing ingredient knowledge?" in text
    assert "1. Can prompting alone solve it? → *No* · <@U1>" in text
    assert TREE.question("missing_knowledge").explain in text


def test_recommendation_shows_everything_and_hides_record_once_posted() -> None:
    steps = (("can_prompt", "no"), ("missing_knowledge", "no"), ("missing_behavior", "no"),
             ("latency_cost_residency", "yes"))  # fmt: skip
    payload = render(flow_at(steps))
    text = message_text(payload)
    outcome = TREE.outcome("distill_self_host")
    for expected in (outcome.title, outcome.summary, *outcome.wins, *outcome.costs_and_risks,
                     "Spike", "1-2 weeks", "One end-to-end demo with messy code",
                     "vLLM / TGI / SageMaker"):  # fmt: skip
        assert expected in text
    assert labels(payload) == ["Back", "Start over", "Estimate cost", "Post decision record"]
    posted = render(flow_at(steps, recorded_by="U7"))
    assert labels(posted) == ["Back", "Start over", "Estimate cost"]
    assert "posted in the thread by <@U7>" in message_text(posted)


def test_reframe_says_no_stack_is_needed() -> None:
    steps = (("can_prompt", "no"), ("missing_knowledge", "no"), ("missing_behavior", "no"),
             ("latency_cost_residency", "no"))  # fmt: skip
    assert "No ML stack needed yet" in message_text(render(flow_at(steps)))


def test_user_text_cannot_mention_or_link() -> None:
    payload = render(flow_at(topic="<!channel> & <@U123|boss> <https://x.example|click>"))
    assert "<!channel>" not in payload["text"]
    assert payload["text"].startswith("&lt;!channel&gt; &amp; &lt;@U123|boss&gt;")
    assert payload["blocks"][0]["text"]["type"] == "plain_text"


def test_long_questions_and_paths_stay_within_limits() -> None:
    question = Question(
        kind="question", id="q", step=1, text=HUGE, explain=HUGE, yes="a", no="b",
        found={"yes": "Yes.", "no": "No."},
    )  # fmt: skip
    votes = tuple(bvb.Vote(user=f"U{i}", answer="yes") for i in range(40))
    path = tuple(bvb.PathLine(question, "yes", f"U{i}", votes if i % 2 else ()) for i in range(60))
    flow = flow_at(topic=HUGE)
    payload = blocks.step_message(flow, bvb.Progress(question, path))
    assert_valid_message(payload)
    for line in payload["blocks"][-1]["text"]["text"].splitlines()[1:]:
        assert len(line) <= blocks.LINE_LIMIT


def vote_flow(votes: tuple[tuple[str, str], ...] = (), steps=()) -> bvb.Flow:
    flow = flow_at(mode="vote")
    for node, _reply in steps:
        for user, answer in votes:
            flow = bvb.vote(flow, TREE, node, answer, user)
        flow = bvb.close(flow, TREE, node, "U0", NOW)
    return flow


def test_vote_mode_shows_the_tally_with_names_and_the_close_button() -> None:
    flow = vote_flow()
    empty = render(flow)
    assert labels(empty) == ["Yes", "No", "Close vote"]
    assert "No votes yet" in message_text(empty)
    assert "<@U0> closes it" in message_text(empty)
    assert "vote mode" in message_text(empty)
    for user, answer in (("U1", "yes"), ("U2", "no"), ("U3", "yes"), ("U1", "no")):
        flow = bvb.vote(flow, TREE, "can_prompt", answer, user)
    text = message_text(render(flow))
    assert "*Votes:* Yes 1 (<@U3>) · No 2 (<@U2>, <@U1>)" in text
    closed = render(bvb.close(flow, TREE, "can_prompt", "U0", NOW))
    assert "1. Can prompting alone solve it? → *No* · Yes 1 (<@U3>) · No 2 (<@U2>, <@U1>)" in (
        message_text(closed)
    )


def test_walk_mode_has_no_close_button() -> None:
    assert "Close vote" not in labels(render(flow_at()))


def test_a_recommendation_reached_by_few_shot_does_not_say_stop_here() -> None:
    steps = (("can_prompt", "no"), ("missing_knowledge", "no"), ("missing_behavior", "yes"),
             ("few_shot_enough", "yes"))  # fmt: skip
    text = message_text(render(flow_at(steps)))
    assert "Stop here" not in text
    assert "few-shot examples gets the behavior right" in text
    assert "Stop here" in message_text(render(flow_at((("can_prompt", "yes"),))))


def test_the_topic_form_offers_vote_mode() -> None:
    modal = blocks.topic_modal("{}")
    assert_valid_view(modal)
    radio = modal["blocks"][1]["element"]
    assert [o["value"] for o in radio["options"]] == ["walk", "vote"]
    assert radio["initial_option"]["value"] == "walk"


def _sections(count: int) -> list[dict]:
    return [
        {"type": "section", "block_id": f"b{i}", "text": {"type": "mrkdwn", "text": f"s{i}"}}
        for i in range(count)
    ]


@pytest.mark.parametrize("count", [0, 5, 48, 49, 50])
def test_without_buttons_keeps_the_message_and_adds_a_note(count) -> None:
    accessory = {"type": "section", "block_id": "acc", "text": {"type": "mrkdwn", "text": "a"},
                 "accessory": {"type": "button", "action_id": "bvb.x",
                               "text": {"type": "plain_text", "text": "b"}}}  # fmt: skip
    step = render(flow_at((("can_prompt", "no"),)))
    action_block = next(b for b in step["blocks"] if b["type"] == "actions")
    original = {"text": "t", "blocks": [accessory, action_block, *_sections(count)][:50]}
    assert_valid_message(original)
    stripped = blocks.without_buttons(original, "gone")
    assert_valid_message(stripped)
    assert buttons(stripped) == []
    assert len(stripped["blocks"]) == min(count + 2, 50)
    assert stripped["blocks"][0] == {k: v for k, v in accessory.items() if k != "accessory"}
    assert stripped["blocks"][-1]["elements"][0]["text"] == "gone"
    assert stripped["text"] == "t"


def test_without_buttons_of_nothing_is_just_the_note() -> None:
    stripped = blocks.without_buttons(None, "gone")
    assert_valid_message(stripped)
    assert stripped["text"] == "gone"


def test_topic_modal_and_ask_message() -> None:
    modal = blocks.topic_modal('{"c":"C1","r":"https://hooks.slack.com/x"}')
    assert_valid_view(modal)
    assert json.loads(modal["private_metadata"])["c"] == "C1"
    assert_valid_message(blocks.ask_topic_message())
    assert labels(blocks.ask_topic_message()) == ["Set the topic"]
    assert_valid_message(blocks.help_message())
    assert "/buildvsbuy support-ticket triage" in blocks.help_message()["text"]
