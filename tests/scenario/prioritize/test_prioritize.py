"""Prioritizing end to end: the team names initiatives, scores each with buttons, gets a ranking."""

from __future__ import annotations

from bot.devtools.sim import message_text
from bot.texts import common

THREAD = "1700000000.000100"


def _score(sim, message: dict, table: list[list[int]], users=("U0ALICE", "U0BOB")):
    reply = None
    clicks = 0
    for row in table:
        for value in row:
            reply = sim.click(message, str(value), user=users[clicks % len(users)])
            message = reply.message
            clicks += 1
    return reply


def test_ranking_follows_the_rule(sim) -> None:
    start = sim.mention("prioritize search revamp; support bot; eval harness", thread_ts=THREAD)
    assert start.message["thread_ts"] == THREAD
    assert "Step 1 of 15" in start.message_text
    reply = _score(
        sim,
        start.message,
        [
            [5, 2, 3, 4, 3],  # search revamp: 17, low confidence
            [4, 5, 4, 3, 2],  # support bot: 18, the first win, capacity flagged
            [3, 4, 5, 5, 4],  # eval harness: 21
        ],
    )
    text = reply.message_text
    order = [text.index(f"*{n}. {name}*") for n, name in
             [(1, "eval harness"), (2, "support bot"), (3, "search revamp")]]  # fmt: skip
    assert order == sorted(order)
    assert "*21* of 25" in text
    assert "Ship first:* eval harness" in text
    assert ":warning: Capacity 2: people, evals or ops are missing" in text
    assert ":warning: Confidence 2: nobody nearby has shipped this" in text
    assert "Ship one high-confidence, high-leverage win first" in text
    assert (
        "Rule: score = Value + Confidence + Leverage + Reversibility + Capacity "
        "(1-5 each, max 25); ties go to higher Confidence, then Leverage, then Value." in text
    )


def test_no_first_win_points_at_raising_confidence(sim) -> None:
    start = sim.mention("prioritize a; b", thread_ts=THREAD)
    reply = _score(sim, start.message, [[5, 3, 5, 5, 5], [3, 3, 3, 3, 3]])
    assert "No initiative has Confidence at least 4, Leverage at least 4 yet." in reply.message_text
    assert "Raise confidence on *a* first" in reply.message_text


def test_each_step_shows_the_question_and_scores_so_far(sim) -> None:
    start = sim.mention("prioritize a; b", thread_ts=THREAD)
    reply = sim.click(start.message, "4")
    text = reply.message_text
    assert "*Confidence:* Have we or peers shipped this before?" in text
    assert "a so far: Value 4" in text
    assert "Step 2 of 10" in text


def test_two_people_clicking_the_same_step_count_once(sim) -> None:
    start = sim.mention("prioritize a; b", thread_ts=THREAD)
    first = sim.click(start.message, "5", user="U0ALICE")
    second = sim.click(start.message, "1", user="U0BOB")  # same step, a moment later
    assert "Step 2 of 10" in first.message_text
    assert second.message_text == common.STALE
    later = sim.mention("status", thread_ts=THREAD)
    assert "a so far: Value 5" in message_text(later.message)
