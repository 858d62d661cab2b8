"""Prioritizing: reading the names, one score per step, the ranking rule and first win."""

from __future__ import annotations

import pytest

from bot.domain import prioritize
from bot.domain.knowledge.registry import Knowledge
from bot.domain.prioritize import PrioFlow, PrioritizeError

DIMS = ["value", "confidence", "leverage", "reversibility", "capacity"]


@pytest.fixture
def rules(knowledge: Knowledge):
    return knowledge.frameworks.prioritizing


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "search revamp; support bot; eval harness",
            ["search revamp", "support bot", "eval harness"],
        ),
        ("search revamp;support bot;", ["search revamp", "support bot"]),
        ("a, b, c", ["a", "b", "c"]),
        ("Search, the revamp; support bot", ["Search, the revamp", "support bot"]),  # ; wins
        ("a | b", ["a", "b"]),
        ("- a\n- b", ["a", "b"]),
        ("support bot vs eval harness", ["support bot", "eval harness"]),
        ("support bot or eval harness", ["support bot", "eval harness"]),
    ],
)
def test_parse_initiatives(text: str, names: list[str]) -> None:
    assert prioritize.parse_initiatives(text) == names


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "none"),
        ("  .  ", "none"),
        ("just one thing", "too_few"),
        ("a; b; c; d; e; f; g", "too_many"),
        ("a; " + "x" * 61, "too_long"),
        ("Support bot; support BOT", "duplicate"),
    ],
)
def test_parse_initiatives_rejects(text: str, code: str) -> None:
    with pytest.raises(PrioritizeError) as caught:
        prioritize.parse_initiatives(text)
    assert caught.value.code == code


def _session(names: list[str]) -> PrioFlow:
    return PrioFlow(
        user="U1", channel="C1", initiatives=names, scores=prioritize.new_scores(names)
    )


def _score_all(rules, names: list[str], table: list[list[int]]) -> PrioFlow:
    session = _session(names)
    for row in table:
        for value in row:
            session = session.model_copy(update={"scores": prioritize.score(rules, session, value)})
    return session


def test_questions_walk_initiative_by_initiative(rules) -> None:
    session = _session(["a", "b"])
    seen = []
    while (q := prioritize.next_question(rules, session)) is not None:
        seen.append((q.initiative, q.dimension.id, q.step, q.total))
        session = session.model_copy(update={"scores": prioritize.score(rules, session, 3)})
    assert seen == [("a", d, i, 10) for i, d in enumerate(DIMS)] + [
        ("b", d, 5 + i, 10) for i, d in enumerate(DIMS)
    ]
    assert session.turn == 10


@pytest.mark.parametrize(
    ("table", "order", "totals", "first_win"),
    [
        # plain totals
        ([[5, 5, 5, 5, 5], [1, 1, 1, 1, 1], [3, 3, 3, 3, 3]], ["a", "c", "b"], [25, 15, 5], "a"),
        # tie on 15: higher Confidence wins
        ([[5, 2, 3, 3, 2], [1, 5, 4, 3, 2]], ["b", "a"], [15, 15], "b"),
        # tie on total and Confidence: higher Leverage wins
        ([[5, 3, 2, 3, 2], [4, 3, 4, 2, 2]], ["b", "a"], [15, 15], None),
        # all equal: the order named
        ([[3, 3, 3, 3, 3], [3, 3, 3, 3, 3]], ["a", "b"], [15, 15], None),
        # the first win is not the top scorer: the top one lacks Confidence
        ([[5, 3, 5, 5, 5], [3, 4, 4, 3, 3]], ["a", "b"], [23, 17], "b"),
    ],
)
def test_rank(rules, table, order, totals, first_win) -> None:
    names = ["a", "b", "c"][: len(table)]
    session = _score_all(rules, names, table)
    ranking = prioritize.rank(rules, session.initiatives, session.scores)
    assert [r.name for r in ranking.ranked] == order
    assert [r.total for r in ranking.ranked] == totals
    assert (ranking.first_win.name if ranking.first_win else None) == first_win
    assert ranking.max_total == 25


def test_flags_mark_low_capacity_reversibility_confidence(rules) -> None:
    session = _score_all(rules, ["a", "b"], [[5, 2, 5, 1, 2], [3, 3, 3, 3, 3]])
    ranking = prioritize.rank(rules, session.initiatives, session.scores)
    flagged = {r.name: sorted(f.dimension for f in r.flags) for r in ranking.ranked}
    assert flagged == {"a": ["capacity", "confidence", "reversibility"], "b": []}


@pytest.mark.parametrize(("value", "code"), [(0, "bad_score"), (6, "bad_score")])
def test_bad_score(rules, value: int, code: str) -> None:
    with pytest.raises(PrioritizeError) as caught:
        prioritize.score(rules, _session(["a", "b"]), value)
    assert caught.value.code == code


def test_no_score_after_the_last(rules) -> None:
    session = _score_all(rules, ["a", "b"], [[3] * 5, [3] * 5])
    with pytest.raises(PrioritizeError) as caught:
        prioritize.score(rules, session, 3)
    assert caught.value.code == "already_done"
