"""Prep flows without Slack or Redis: DM lines, transitions, ticks, ids."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.domain.prep import flow as prep
from bot.domain.prep.flow import AreaResult, PrepFlow, ref_id, split_ref_id
from bot.domain.prep.line import parse_line

AREAS = ("llm_fundamentals", "prompting", "rag")
FLOW_ID = "0123456789abcdef"


def practice(**changes: object) -> PrepFlow:
    session = prep.start(mode="practice", flow_id=FLOW_ID, owner="U1", level="senior", areas=AREAS)
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
    line = parse_line(text)
    assert (line.intent, line.words) == (intent, words)


def test_practice_goes_answer_rate_answer() -> None:
    session = practice()
    assert (session.step, session.index, session.turn, session.number) == ("answer", 0, 1, 1)
    answered, outcome = prep.take_text(session, "  KV cache\n\n  keeps   keys ")
    assert outcome == "answered"
    assert (answered.step, answered.turn) == ("rate", 2)
    assert answered.results[0].answer == "KV cache\nkeeps keys"
    noted, outcome = prep.take_text(answered, "memory math")
    noted, _ = prep.take_text(noted, "trade-offs")
    assert outcome == "noted"
    assert noted.turn == 2  # the rating buttons on screen stay live
    assert noted.results[0].note == "memory math\ntrade-offs"
    rated = prep.rate(noted, "mixed")
    assert (rated.index, rated.step, rated.turn) == (1, "answer", 3)
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


def test_restart_keeps_the_id_and_clears_results() -> None:
    session = prep.rate(prep.take_text(practice(), "a")[0], "red")
    again = prep.restart(session)
    assert (again.id, again.index, again.step) == (FLOW_ID, 0, "answer")
    assert again.turn > session.turn
    assert all(r == AreaResult(area=r.area) for r in again.results)


def test_scorecard_asks_a_name_first_unless_given() -> None:
    blank = prep.start(mode="scorecard", flow_id=FLOW_ID, owner="U", level="mid", areas=AREAS)
    assert blank.step == "name"
    assert prep.skip(blank) == blank  # nothing to skip before there is a name
    named, outcome = prep.take_text(blank, "  Jane   Doe ")
    assert (outcome, named.candidate, named.step, named.turn) == ("named", "Jane Doe", "rate", 2)
    given = prep.start(
        mode="scorecard", flow_id=FLOW_ID, owner="U", level="mid", areas=AREAS, candidate="Al"
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


# --- ticks and ids --------------------------------------------------------------------------


def test_ticks_are_kept_sorted_and_in_range_and_leave_the_turn() -> None:
    answered, _ = prep.take_text(practice(), "an answer")
    ticked = prep.tick(answered, [3, 0, 3, 9, -1], total=5)
    assert ticked.results[0].ticked == (0, 3)
    assert ticked.turn == answered.turn  # the rating buttons on screen stay live
    assert prep.tick(ticked, [], total=5).results[0].ticked == ()
    rated = prep.rate(ticked, "mixed")
    assert rated.results[0].ticked == (0, 3)  # kept for the scorecard


@pytest.mark.parametrize(
    ("owner", "flow_id", "value"), [("U1", FLOW_ID, f"U1-{FLOW_ID}"), ("U0ALICE", "", "U0ALICE")]
)
def test_ref_ids_name_the_owner_and_the_flow(owner: str, flow_id: str, value: str) -> None:
    assert ref_id(owner, flow_id) == value
    assert split_ref_id(value) == (owner, flow_id)


@pytest.mark.parametrize(
    "changes",
    [{"id": "s1"}, {"id": "0123456789ABCDEF"}, {"owner": "U-1"}, {"owner": ""}, {"seq": 2}],
)
def test_a_flow_with_a_bad_id_owner_or_old_field_is_refused(changes: dict) -> None:
    data = {**practice().model_dump(), **changes}
    with pytest.raises(ValidationError):
        PrepFlow.model_validate(data)


def test_stale_turns_and_other_flows_do_not_match() -> None:
    flow = practice(turn=3)
    assert flow.matches(FLOW_ID, 3)
    assert not flow.matches(FLOW_ID, 2)
    assert not flow.matches("fedcba9876543210", 3)
