"""A DM nobody else claims gets the general help."""

import pytest

from bot.texts import common


def test_dm_gets_general_help(sim) -> None:
    reply = sim.dm("hello there")
    assert reply.status == 200
    assert reply.message["channel"] == "D0ALICE"
    assert "/buildvsbuy" in reply.message_text
    assert reply.message["text"] == common.GENERAL_HELP


def test_bot_messages_are_ignored(sim, requests_) -> None:
    event = {"type": "message", "channel_type": "im", "channel": "D0ALICE", "ts": "1.2"}
    reply = sim.send(requests_.event({**event, "user": "U0BOT", "bot_id": "B0BOT", "text": "x"}))
    assert reply.status == 200
    assert reply.messages == []


def test_dm_without_text_gets_help_not_a_404(sim) -> None:
    # Bolt's app.message() skips an event whose text is empty; nothing else matched it.
    reply = sim.dm("")
    assert reply.status == 200
    assert "/buildvsbuy" in reply.message_text


def test_edited_dm_is_acknowledged_and_ignored(sim, requests_) -> None:
    edit = {"type": "message", "subtype": "message_changed", "channel_type": "im"}
    edit |= {"channel": "D0ALICE", "ts": "1.3", "message": {"user": "U0ALICE", "text": "x"}}
    reply = sim.send(requests_.event(edit))
    assert reply.status == 200
    assert reply.messages == []


@pytest.mark.parametrize(
    ("subtype", "text", "answer"),
    [
        ("file_share", "cost model=gpt-4o in=2k out=500 qps=1", "gpt-4o"),  # a caption
        ("file_share", "", "/buildvsbuy"),  # a file alone: help
        ("me_message", "rubric senior", "Senior"),
    ],
)
def test_a_persons_dm_with_a_subtype_is_answered(sim, requests_, subtype, text, answer) -> None:
    event = {"type": "message", "subtype": subtype, "channel_type": "im", "user": "U0ALICE"}
    event |= {"channel": "D0ALICE", "ts": "1.4", "text": text}
    reply = sim.send(requests_.event(event))
    assert answer in reply.all_text()
