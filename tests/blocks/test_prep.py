"""Prep cards, kits and scorecards as Block Kit: within limits for every level, even with
long, hostile user text; the checklist and its suggestion; answers on the scorecard; the stated
rule; weakest areas first."""

from __future__ import annotations

import pytest

from bot.blocks import prep as blocks
from bot.blocks import prep_end
from bot.blocks.clicks import FlowRef
from bot.devtools.blockkit import assert_valid_message
from bot.devtools.sim import buttons, message_text
from bot.domain.knowledge.registry import Knowledge
from bot.domain.prep import flow as prep
from bot.domain.prep.flow import PrepFlow
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge
from bot.plaintext.prep import rule_words
from tests.support.prep import checklist

KNOWLEDGE: Knowledge = load_knowledge(KNOWLEDGE_DIR)
RUBRIC = KNOWLEDGE.rubric
LEVELS = [level.id for level in RUBRIC.levels]
AREAS = tuple(area.id for area in RUBRIC.areas)
HOSTILE = "<!channel> & *bold* `code`\n> quote\n" * 200
FLOW_ID = "0123456789abcdef"
TEAM = "T0TEST"


def _within_limits(payload: dict) -> None:
    assert_valid_message(payload)
    assert len(payload["blocks"]) <= 50
    for block in payload["blocks"]:
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= 3000


def flow(mode: str = "practice", level: str = "senior", **changes: object) -> PrepFlow:
    new = prep.start(
        mode=mode, flow_id=FLOW_ID, owner="U1", level=level, areas=AREAS, candidate="Jane <Doe>"
    )  # type: ignore[arg-type]
    return new.model_copy(update=changes)


def ref_of(current: PrepFlow) -> FlowRef:
    return blocks.flow_ref(TEAM, current)


def finished(
    mode: str, ratings: list[str | None], note: str = "", level: str = "senior"
) -> PrepFlow:
    results = tuple(
        prep.AreaResult(area=a, rating=r, skipped=r is None, note=note, answer=HOSTILE)  # type: ignore[arg-type]
        for a, r in zip(AREAS, ratings, strict=True)
    )
    return flow(mode, level, results=results, index=len(AREAS))


def test_refs_carry_the_team_the_kind_the_owner_and_the_flow() -> None:
    assert blocks.menu_ref(TEAM, "U1").value("kit") == "T0TEST|prep|U1|0|kit"
    assert ref_of(flow(turn=4)).value("green") == f"T0TEST|prep|U1-{FLOW_ID}|4|green"


def test_menu_and_chooser_carry_the_owner() -> None:
    menu = blocks.menu_message(blocks.menu_ref(TEAM, "U1"))
    _within_limits(menu)
    assert [b["action_id"] for b in buttons(menu)] == [
        "prep.menu.practice",
        "prep.menu.kit",
        "prep.menu.scorecard",
    ]
    assert {b["value"].split("|")[2] for b in buttons(menu)} == {"U1"}
    chooser = blocks.choose_level_message(RUBRIC, blocks.menu_ref(TEAM, "U1"), "kit")
    _within_limits(chooser)
    assert [b["action_id"] for b in buttons(chooser)] == [f"prep.start.{lv}" for lv in LEVELS]


@pytest.mark.parametrize("level_id", LEVELS)
@pytest.mark.parametrize(
    ("mode", "step", "labels"),
    [
        ("practice", "answer", ["Skip", "Stop"]),
        ("practice", "rate", ["Green", "Mixed", "Red", "Skip", "Stop"]),
        ("scorecard", "rate", ["Green", "Mixed", "Red", "Skip", "Stop"]),
        ("scorecard", "name", ["Stop"]),
    ],
)
def test_step_cards(level_id: str, mode: str, step: str, labels: list[str]) -> None:
    current = flow(mode, level_id, step=step, index=7, turn=4)
    current = current.model_copy(
        update={"results": tuple(r.model_copy(update={"answer": HOSTILE}) for r in current.results)}
    )
    payload = blocks.step_message(ref_of(current), RUBRIC, current)
    _within_limits(payload)
    assert [b["text"]["text"] for b in buttons(payload)] == labels
    values = {b["value"].rsplit("|", 1)[0] for b in buttons(payload)}
    assert values == {f"T0TEST|prep|U1-{FLOW_ID}|4"}
    text = message_text(payload)
    assert "<!channel>" not in text  # user text never pings a channel
    if step != "name":
        assert "Area 8 of 8: Communication &amp; collaboration" in text
    frozen = blocks.frozen_step(RUBRIC, current, blocks.rated_mark("green"))
    _within_limits(frozen)
    assert buttons(frozen) == []


@pytest.mark.parametrize("level_id", LEVELS)
def test_a_practice_card_lists_the_levels_expectations_to_tick(level_id: str) -> None:
    current = flow("practice", level_id, step="rate", index=2, turn=3)
    payload = blocks.step_message(ref_of(current), RUBRIC, current)
    block, element = checklist(payload)
    rag, level = RUBRIC.area("rag"), RUBRIC.level(level_id)
    assert [o["text"]["text"] for o in element["options"]] == list(rag.checks_for(level))
    assert block["block_id"] == f"T0TEST|prep|U1-{FLOW_ID}|3|tick"
    assert "initial_options" not in element
    assert "I'll suggest a rating" in message_text(payload)


@pytest.mark.parametrize(
    ("ticked", "suggested", "share"),
    [((0, 1, 2, 3), "Green", "4 of 5"), ((0, 1, 2), "Mixed", "3 of 5"), ((4,), "Red", "1 of 5")],
)
def test_ticks_suggest_a_rating_the_buttons_still_override(
    ticked: tuple[int, ...], suggested: str, share: str
) -> None:
    current = prep.tick(flow("practice", step="rate", index=2), ticked, total=5)
    payload = blocks.step_message(ref_of(current), RUBRIC, current)
    _within_limits(payload)
    labels = [b["text"]["text"] for b in buttons(payload)]
    assert f"{suggested} (suggested)" in labels
    assert len([label for label in labels if label in ("Green", "Mixed", "Red")]) == 2
    assert f"Suggested from your ticks: *{suggested}* ({share}" in message_text(payload)
    _, element = checklist(payload)
    assert [int(o["value"]) for o in element["initial_options"]] == list(ticked)
    frozen = message_text(blocks.frozen_step(RUBRIC, current, blocks.rated_mark("mixed")))
    assert f"Ticked {share.replace(' of ', ' of ')}" in frozen


def test_practice_scorecard_weakest_first_with_every_answer_and_note() -> None:
    ratings = ["green", "mixed", "red", None, "green", "red", "mixed", "green"]
    done = finished("practice", ratings, note="check the *KV* math")
    payload = prep_end.practice_scorecard(
        RUBRIC, done, KNOWLEDGE.frameworks.answer_templates, ref_of(done)
    )
    _within_limits(payload)
    text = message_text(payload)
    order = [
        text.index(f"*{n}*:")
        for n in ("RAG", "MLOps / production", "Prompting &amp; orchestration",
                  "Judgment / build-vs-buy", "Agents", "LLM fundamentals")
    ]  # fmt: skip
    assert order == sorted(order)
    assert "3 Green · 2 Mixed · 2 Red · 1 not rated" in text
    practise = text[text.index("What to practise next") :]
    assert "Senior / Lead bar:* Hybrid retrieval" in practise
    assert practise.index("*RAG* (Red)") < practise.index("*MLOps / production* (Red)")
    answers = text[text.index("Your answers and notes") :]
    assert answers.count("You noted: check the *KV* math") == 8  # Green areas' notes too
    assert answers.count(">&lt;!channel&gt; &amp; *bold*") >= 8
    assert "Build-vs-buy" in text
    assert [b["action_id"] for b in buttons(payload)] == ["prep.share", "prep.export"]


@pytest.mark.parametrize(
    ("level", "expected"),
    [("mid", "Try the next level up: `practice senior`"), ("lead", "the top level")],
)
def test_all_green_suggests_the_next_level(level: str, expected: str) -> None:
    done = finished("practice", ["green"] * 8, level=level)
    assert expected in message_text(prep_end.practice_scorecard(RUBRIC, done, ()))


def test_rule_is_stated_from_the_yaml_with_the_levels_critical_areas() -> None:
    assert rule_words(RUBRIC, RUBRIC.level("senior")) == (
        "Rule, first match wins, counting rated areas only: Strong hire: no Red and at least "
        "6 Green; Hire: at most 1 Red and at least 4 Green; No hire: at most 3 Red; "
        "Strong no hire: otherwise. Fewer than 6 rated areas: no recommendation. "
        "A Red in an area critical at Senior (L5-equiv) (Evals, MLOps / production, "
        "Judgment / build-vs-buy) blocks Hire: the best it can get is No hire."
    )
    bare = RUBRIC.model_copy(update={"recommendation": None})
    assert "No recommendation rule" in rule_words(bare, RUBRIC.level("senior"))


@pytest.mark.parametrize(
    ("ratings", "outcome"),
    [
        (["green"] * 6 + ["mixed"] * 2, "Strong hire"),
        (["green"] * 4 + ["mixed"] * 3 + ["red"], "Hire"),
        (["green"] * 3 + ["mixed"] * 5, "No hire"),
        (["red"] * 4 + ["mixed"] * 4, "Strong no hire"),
        (["green"] * 5 + [None] * 3, "None yet"),
        (["green"] * 7 + ["red"], "Hire"),  # a Red in Communication: not critical at Senior
        (["green"] * 4 + ["red"] + ["green"] * 3, "No hire"),  # a Red in Evals: critical
    ],
)
def test_scorecard_summary(ratings: list[str | None], outcome: str) -> None:
    done = finished("scorecard", ratings, note=HOSTILE)
    payload = prep_end.scorecard_summary(RUBRIC, done, ref_of(done))
    _within_limits(payload)
    text = message_text(payload)
    assert f"*Recommendation: {outcome}*" in text
    assert "Rule, first match wins" in text
    assert payload["blocks"][0]["text"]["text"] == "Scorecard: Jane <Doe> · Senior (L5-equiv)"
    if outcome == "None yet":
        assert "Rate at least 6 areas" in text
    assert ("Hire is blocked by a Red in Evals" in text) is (
        ratings[4] == "red" and ratings.count("red") == 1
    )


def test_a_shared_scorecard_names_who_shared_it_and_has_no_buttons() -> None:
    done = finished("scorecard", ["green"] * 8)
    payload = prep_end.ending_message(RUBRIC, done, (), shared_by="U1")
    _within_limits(payload)
    assert "Shared by <@U1>." in message_text(payload)
    assert buttons(payload) == []
