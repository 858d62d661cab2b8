"""Property: whatever text a person sends (as a slash command's argument, a DM, or a mention in
a channel or thread), the app answers with valid Block Kit in its own words, never with
exception text, and logs nothing at ERROR. Clicks: tests/test_robustness_clicks.py; modal
submissions: tests/test_robustness_views.py; shared checks: tests/robustness.py."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.features.people import from_person_in_dm
from tests.support.robustness import FUZZ, Guard, fresh, fresh_ts, junk, request_lines

COMMANDS = ["/buildvsbuy", "/llmcost", "/rubric"]
# Lines that leave a DM in a state a later line is read in: an interview prep session
# waiting for a name, an answer or a rating.
DM_SETUPS = ["", "practice senior", "scorecard senior", "scorecard senior Ada", "kit staff"]


@pytest.fixture
def guard(slack_api, caplog) -> Guard:
    return Guard(slack_api, caplog)


@pytest.mark.parametrize("command", COMMANDS)
@FUZZ
@given(text=junk)
def test_any_command_argument_gets_a_short_answer(sim, guard, command, text) -> None:
    guard.start()
    reply = sim.command(command, text, user=fresh("U"), channel=fresh("C"))
    guard.check(reply, what=f"{command} {text!r}")


@FUZZ
@given(setup=st.sampled_from(DM_SETUPS), lines=st.lists(request_lines, min_size=1, max_size=3))
def test_any_dm_gets_a_short_answer(sim, guard, setup, lines) -> None:
    user, channel = fresh("U"), fresh("D")
    guard.start()
    for line in [setup, *lines] if setup else lines:
        reply = sim.dm(line, user=user, channel=channel)
        guard.check(reply, what=f"DM {line!r} (after {setup!r})")


@FUZZ
@given(texts=st.lists(request_lines, min_size=1, max_size=3), in_thread=st.booleans())
def test_any_mention_gets_a_short_answer(sim, guard, texts, in_thread) -> None:
    """In a channel (each mention starts a thread) or one after another in a thread."""
    channel, thread = fresh("C"), fresh_ts() if in_thread else None
    guard.start()
    for text in texts:
        reply = sim.mention(text, user=fresh("U"), channel=channel, thread_ts=thread)
        guard.check(reply, what=f"mention {text!r} (thread {thread})")


# Every event the manifest subscribes to, in the shapes Slack sends: none may fail, and a
# person's plain DM gets an answer.
EVENTS = st.one_of(
    st.builds(
        lambda subtype, text, bot: {
            "type": "message", "channel_type": "im", "user": fresh("U"), "channel": fresh("D"),
            "ts": fresh_ts(), **({"subtype": subtype} if subtype else {}),
            **({"text": text} if text is not None else {}), **({"bot_id": "B1"} if bot else {}),
        },
        st.sampled_from([None, "message_changed", "message_deleted", "bot_message", "file_share",
                         "thread_broadcast", "me_message", "channel_join"]),
        st.none() | junk,
        st.booleans(),
    ),
    st.builds(
        lambda tab: {"type": "app_home_opened", "user": fresh("U"), "channel": fresh("D"),
                     **({"tab": tab} if tab else {})},
        st.sampled_from([None, "home", "messages", "about"]),
    ),
    st.just({"type": "app_uninstalled"}),
    st.builds(lambda users: {"type": "tokens_revoked", "tokens": {"oauth": users, "bot": ["U0BOT"]}},
              st.lists(st.sampled_from(["U1", "U0ADMIN"]), max_size=2)),
)  # fmt: skip


@FUZZ
@given(event=EVENTS)
def test_any_subscribed_event_is_acknowledged(sim, guard, event) -> None:
    person = event["type"] == "message" and from_person_in_dm(event)
    guard.start()
    reply = sim.send(sim.requests.event(event))
    guard.check(reply, silent_ok=not person, what=f"event {event!r:.300}")
