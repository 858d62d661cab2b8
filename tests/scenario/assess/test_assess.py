"""Self-assessment end to end: five domains rated with buttons, then the weakest + rhythm."""

from __future__ import annotations

import pytest

from bot.devtools.sim import find_button, message_text
from bot.texts import common

THREAD = "1700000000.000100"
NAMES = ["Systems & Infrastructure", "Modeling & Intelligence", "AI Product & Strategy",
         "People & Organization", "Meta-Learning"]  # fmt: skip


def _label(score: int, message: dict) -> str:
    return next(b["text"]["text"] for b in [find_button(message, f"assess.score.{score}")])


@pytest.mark.parametrize(
    ("scores", "weakest", "work_on", "tied"),
    [
        ([4, 2, 5, 3, 4], "Modeling & Intelligence", "Embeddings and representation learning", ""),
        ([3, 3, 3, 3, 1], "Meta-Learning", "Curating high-signal sources", ""),
        (
            [2, 4, 2, 5, 3],
            "Systems & Infrastructure",
            "Vector database selection and scaling",
            "tied with AI Product & Strategy",
        ),
    ],
)
def test_five_ratings_to_a_result(sim, scores, weakest, work_on, tied) -> None:
    reply = sim.mention("assess", thread_ts=THREAD)
    message = reply.message
    for number, (name, score) in enumerate(zip(NAMES, scores, strict=True), start=1):
        assert f"Self-assessment: {number} of 5" in message_text(message)
        assert name in message_text(message)
        assert "Core question" in message_text(message)
        reply = sim.click(message, f"assess.score.{score}")
        message = reply.message
    text = reply.message_text
    assert "Your self-assessment" in text
    assert f"*Weakest: {weakest}*" in text
    assert work_on in text
    assert tied in text
    for cadence in ("Weekly", "Monthly", "Quarterly", "Yearly"):
        assert f"*{cadence}:*" in text
    assert "What changed and why does it matter?" in text


def test_scale_buttons_show_the_labels(sim) -> None:
    message = sim.mention("assess", thread_ts=THREAD).message
    assert _label(1, message) == "1 · New to me"
    assert _label(5, message) == "5 · Could teach it"


def test_only_the_owner_rates(sim) -> None:
    message = sim.mention("assess", thread_ts=THREAD).message
    reply = sim.click(message, "assess.score.3", user="U0BOB")
    assert "belongs to <@U0ALICE>" in reply.message_text
    assert reply.message["_where"]["ephemeral"] is True


def test_forged_score_is_refused(sim) -> None:
    message = sim.mention("assess", thread_ts=THREAD).message
    value = find_button(message, "assess.score.3")["value"].rsplit("|", 1)[0] + "|9"
    reply = sim.click(message, "assess.score.3", value=value)
    # the value differs from the button Slack showed: refused before the score is read
    assert reply.message_text == common.BAD_PAYLOAD
    assert reply.message["_where"]["ephemeral"] is True
