"""The one button-value codec: round trips, and every value that is not ours."""

from __future__ import annotations

import pytest

from bot.blocks.clicks import Click, FlowRef, decode, decode_action
from bot.errors import BadButtonValue

REF = FlowRef("T1", "learn", "0123456789abcdef", 7)
GOOD = REF.value("working")


@pytest.mark.parametrize(
    ("ref", "arg"),
    [
        (REF, "working"),
        (FlowRef("T-unknown", "bvb", "0123456789abcdef", 12), "record:rag"),
        (FlowRef("E123", "prep", "U0ALICE-0123456789abcdef", 0), "rate:green"),
        (FlowRef("T1", "prioritize", "0123456789abcdef", 999999), 5),
        (FlowRef("T1", "assess", "0123456789abcdef", 0), ""),
    ],
)
def test_values_round_trip(ref: FlowRef, arg: str | int) -> None:
    click = decode(ref.value(arg), team=ref.team, kind=ref.kind)
    assert click == Click(ref.team, ref.kind, ref.id, ref.turn, str(arg))


@pytest.mark.parametrize(
    ("value", "team", "kind"),
    [
        (None, "T1", "learn"),
        (123, "T1", "learn"),
        ("", "T1", "learn"),
        ("garbage", "T1", "learn"),
        ("0123456789ab|1|yes", "T1", "learn"),  # an old, shorter format
        (GOOD, "T2", "learn"),  # another workspace
        (GOOD, "T1", "assess"),  # another kind of flow
        (GOOD.replace("|7|", "|x|"), "T1", "learn"),
        (GOOD.replace("|7|", "|-1|"), "T1", "learn"),
        (GOOD.replace("|7|", "|1234567|"), "T1", "learn"),  # turn too long
        (GOOD + "|extra", "T1", "learn"),
        (GOOD + " x", "T1", "learn"),
        (GOOD + "\n", "T1", "learn"),
        (GOOD.replace("learn", "LEARN"), "T1", "LEARN"),
        ("T 1" + GOOD[2:], "T 1", "learn"),
        (GOOD + "x" * 3000, "T1", "learn"),
    ],
)
def test_values_that_are_not_ours(value: object, team: str, kind: str) -> None:
    with pytest.raises(BadButtonValue) as caught:
        decode(value, team=team, kind=kind)
    assert caught.value.code == "bad_payload"


def _body(shown: str) -> dict:
    button = {"type": "button", "action_id": "learn.answer.working", "value": shown}
    return {"message": {"blocks": [{"type": "actions", "elements": [button]}]}}


def test_a_value_that_differs_from_the_message_is_forged() -> None:
    action = {"action_id": "learn.answer.working", "value": GOOD}
    assert decode_action(_body(GOOD), action, team="T1", kind="learn").arg == "working"
    with pytest.raises(BadButtonValue):
        decode_action(_body(REF.value("skip")), action, team="T1", kind="learn")
    assert decode_action({}, action, team="T1", kind="learn").turn == 7  # no message to compare
