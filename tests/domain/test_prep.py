"""Prep sessions without Slack or Redis: DM lines, transitions, scorecards, the rule."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.domain import prep
from bot.domain.knowledge.base import Problems
from bot.domain.knowledge.rubric import Recommendation, Rubric
from bot.domain.prep import AreaResult, ButtonRef, Tally
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge

AREAS = ("llm_fundamentals", "prompting", "rag")


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_knowledge(KNOWLEDGE_DIR).rubric


def practice(**changes: object) -> prep.PrepSession:
    session = prep.start(mode="practice", sid="s1", owner="U1", level="senior", areas=AREAS)
    return session.model_copy(update=changes)


@pytest.mark.parametrize(
    ("text", "intent", "words"),
    [
        ("prep", "menu", ()),
        ("Prep!", "menu", ()),
        ("interview", "menu", ()),
        ("interview tips please", "text", ()),
        ("menu", "menu", ()),
        ("help", "help", ()),
        ("Help?", "help", ()),
        ("help me with rag", "text", ()),
        ("practice", "practice", ()),
        ("Practise senior rag", "practice", ("senior", "rag")),
        ("kit staff", "kit", ("staff",)),
        ("interviewer kit staff", "kit", ("staff",)),
        ("scorecard senior Jane Doe", "scorecard", ("senior", "Jane", "Doe")),
        ("skip", "skip", ()),
        ("Stop.", "stop", ()),
        ("RESTART", "restart", ()),
        ("stop the loops with iteration caps", "text", ()),
        ("skip connections matter", "text", ()),
        ("", "text", ()),
        ("KV cache stores keys", "text", ()),
    ],
)
def test_parse_line(text: str, intent: str, words: tuple[str, ...]) -> None:
    line = prep.parse_line(text)
    assert (line.intent, line.words) == (intent, words)


def test_practice_goes_answer_rate_answer() -> None:
    session = practice()
    assert (session.step, session.index, session.seq, session.number) == ("answer", 0, 1, 1)
    answered, outcome = prep.take_text(session, "  KV cache\n\n  keeps   keys ")
    assert outcome == "answered"
    assert (answered.step, answered.seq) == ("rate", 2)
    assert answered.results[0].answer == "KV cache\nkeeps keys"
    noted, outcome = prep.take_text(answered, "memory math")
    noted, _ = prep.take_text(noted, "trade-offs")
    assert outcome == "noted"
    assert noted.seq == 2  # the rating buttons on screen stay live
    assert noted.results[0].note == "memory math\ntrade-offs"
    rated = prep.rate(noted, "mixed")
    assert (rated.index, rated.step, rated.seq) == (1, "answer", 3)
    assert rated.results[0].rating == "mixed"
    assert not rated.finished


def test_skip_and_finish() -> None:
    session = prep.skip(prep.skip(practice()))
    assert [r.skipped for r in session.results] == [True, True, False]
    done = prep.rate(prep.take_text(session, "answer")[0], "green")
    assert done.finished
    assert done.number == 3  # stays on the last area for "area n of n"
    assert prep.take_text(done, "more")[1] == "ignored"
    assert prep.skip(done) == done


def test_restart_keeps_sid_and_clears_results() -> None:
    session = prep.rate(prep.take_text(practice(), "a")[0], "red")
    again = prep.restart(session)
    assert (again.sid, again.index, again.step) == ("s1", 0, "answer")
    assert again.seq > session.seq
    assert all(r == AreaResult(area=r.area) for r in again.results)


def test_scorecard_asks_a_name_first_unless_given() -> None:
    blank = prep.start(mode="scorecard", sid="s", owner="U", level="mid", areas=AREAS)
    assert blank.step == "name"
    assert prep.skip(blank) == blank  # nothing to skip before there is a name
    named, outcome = prep.take_text(blank, "  Jane   Doe ")
    assert (outcome, named.candidate, named.step, named.seq) == ("named", "Jane Doe", "rate", 2)
    given = prep.start(
        mode="scorecard", sid="s", owner="U", level="mid", areas=AREAS, candidate="Al"
    )
    assert (given.step, given.candidate) == ("rate", "Al")
    noted, outcome = prep.take_text(given, "clear on chunking")
    assert (outcome, noted.results[0].note, noted.step) == ("noted", "clear on chunking", "rate")


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("a" * 10, 5, "aaaa…"),
        ("  x  y ", 10, "x y"),
        ("", 10, ""),
    ],
)
def test_clean(text: str, limit: int, expected: str) -> None:
    assert prep.clean(text, limit) == expected


def test_long_answers_are_cut() -> None:
    session, _ = prep.take_text(practice(), "word " * 2000)
    assert len(session.results[0].answer) == prep.ANSWER_LIMIT


# --- the scorecard and its rule -------------------------------------------------------------


@pytest.mark.parametrize(
    ("green", "mixed", "red", "unrated", "outcome"),
    [
        (8, 0, 0, 0, "strong_hire"),
        (6, 2, 0, 0, "strong_hire"),
        (6, 0, 0, 2, "strong_hire"),
        (6, 1, 1, 0, "hire"),
        (5, 3, 0, 0, "hire"),
        (4, 3, 1, 0, "hire"),
        (3, 5, 0, 0, "no_hire"),
        (4, 2, 2, 0, "no_hire"),
        (0, 5, 3, 0, "no_hire"),
        (2, 2, 4, 0, "strong_no_hire"),
        (0, 0, 8, 0, "strong_no_hire"),
        (5, 0, 0, 3, None),  # fewer than 6 rated areas
        (0, 0, 0, 8, None),
    ],
)
def test_recommendation_rule(
    rubric: Rubric, green: int, mixed: int, red: int, unrated: int, outcome: str | None
) -> None:
    assert prep.recommend(Tally(green, mixed, red, unrated), rubric.recommendation) == outcome


def test_no_rule_no_recommendation() -> None:
    assert prep.recommend(Tally(8, 0, 0, 0), None) is None


@pytest.mark.parametrize(
    ("rules", "problems"),
    [
        pytest.param(
            [{"id": "hire", "max_red": 1}],
            [(("rules", 0), "the last rule must set no limits (catch-all)")],
            id="no-catch-all",
        ),
        pytest.param(
            [{"id": "no_hire"}, {"id": "strong_no_hire"}],
            [(("rules", 0), "only the last rule may set no limits")],
            id="catch-all-too-early",
        ),
    ],
)
def test_rule_validation(rules: list[dict], problems: list[object]) -> None:
    with pytest.raises(ValidationError) as caught:
        Recommendation.model_validate({"min_rated": 1, "rules": rules})
    [error] = caught.value.errors()
    assert isinstance(error["ctx"]["error"], Problems)
    assert list(error["ctx"]["error"].problems) == problems


def test_rule_rejects_unknown_outcomes() -> None:
    with pytest.raises(ValidationError):
        Recommendation.model_validate({"min_rated": 1, "rules": [{"id": "maybe"}]})


def _results(*ratings: str | None) -> list[AreaResult]:
    return [
        AreaResult(area=f"a{i}", rating=r if r != "skip" else None, skipped=r == "skip")  # type: ignore[arg-type]
        for i, r in enumerate(ratings)
    ]


def test_weakest_first_and_practise_next() -> None:
    results = _results("green", "mixed", "skip", "red", None, "mixed")
    assert [r.area for r in prep.weakest_first(results)] == ["a3", "a1", "a5", "a2", "a4", "a0"]
    assert [r.area for r in prep.practise_next(results)] == ["a3", "a1", "a5"]
    assert [r.area for r in prep.practise_next(_results("green", "skip"))] == ["a1"]
    assert prep.practise_next(_results("green", "green")) == []
    assert prep.tally(results) == Tally(green=1, mixed=2, red=1, unrated=2)


@pytest.mark.parametrize(
    ("level", "following"), [("mid", "senior"), ("staff", "lead"), ("lead", None)]
)
def test_next_level(rubric: Rubric, level: str, following: str | None) -> None:
    found = prep.next_level(rubric, level)
    assert (found.id if found else None) == following


# --- button values ---------------------------------------------------------------------------


def test_button_ref_round_trip() -> None:
    ref = ButtonRef.of(practice(seq=7), "green")
    assert ref.encode() == "U1|s1|7|green"
    assert ButtonRef.decode(ref.encode()) == ref
    assert ButtonRef.decode("U1||0|kit") == ButtonRef("U1", "", 0, "kit")


@pytest.mark.parametrize("value", ["", "U1|s1|x|green", "U1|s1|1", "|s1|1|a", "a|b|c|d|e"])
def test_button_ref_rejects_bad_values(value: str) -> None:
    assert ButtonRef.decode(value) is None


def test_stale_refs_do_not_match() -> None:
    session = practice(seq=3)
    assert session.matches("s1", 3)
    assert not session.matches("s1", 2)
    assert not session.matches("other", 3)
