"""The global error handler: Slack Web API failures become a clear message where the user
can be reached, retries happen only where Slack says so, and logs carry no secrets."""

from __future__ import annotations

import logging

import pytest

from bot.texts import common
from tests.conftest import BOT_TOKEN, SIGNING_SECRET

MODAL = {
    "type": "modal",
    "callback_id": "test.modal",
    "title": {"type": "plain_text", "text": "Test"},
    "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "hi"}}],
}


@pytest.fixture
def log_text(caplog):
    caplog.set_level(logging.DEBUG, logger="bot")
    return lambda: caplog.text


def _hint(code: str) -> str:
    return common.SLACK_ERROR.format(error=code, hint=common.SLACK_ERROR_HINTS.get(code, ""))


@pytest.mark.parametrize(
    ("code", "where"),
    [
        ("not_in_channel", "dm"),  # the channel is the problem: tell the user in a DM
        ("channel_not_found", "dm"),
        ("is_archived", "dm"),
        ("msg_too_long", "ephemeral"),  # otherwise, privately in the same channel
        ("ratelimited", "ephemeral"),
    ],
)
def test_event_reply_failure_reaches_the_user(sim, slack_api, log_text, code, where) -> None:
    slack_api.fail_next("chat.postMessage", code)
    reply = sim.dm("hello")
    assert reply.status == 200
    notice = reply.message
    assert notice["text"] == _hint(code)
    if where == "dm":
        assert (reply.calls[-1].method, notice["channel"]) == ("chat.postMessage", "U0ALICE")
    else:
        assert reply.calls[-1].method == "chat.postEphemeral"
        assert (notice["channel"], notice["user"]) == ("D0ALICE", "U0ALICE")
    assert f"Slack API error {code} from chat.postMessage" in log_text()
    assert BOT_TOKEN not in log_text()
    assert SIGNING_SECRET not in log_text()


def test_when_even_the_ephemeral_fails_the_user_gets_a_dm(sim, slack_api) -> None:
    slack_api.fail_next("chat.postMessage", "msg_too_long")
    slack_api.fail_next("chat.postEphemeral", "user_not_in_channel")
    reply = sim.dm("hello")
    assert [c.method for c in reply.calls if c.method.startswith("chat.")] == [
        "chat.postMessage", "chat.postEphemeral", "chat.postMessage",
    ]  # fmt: skip
    assert reply.message["channel"] == "U0ALICE"


def test_rate_limit_with_short_retry_after_is_retried(sim, slack_api) -> None:
    slack_api.rate_limit_next("chat.postMessage", retry_after=0)
    reply = sim.dm("hello")
    posts = slack_api.calls_to("chat.postMessage")
    assert len(posts) == 2
    assert posts[1].response["ok"] is True
    assert reply.message["text"] == common.GENERAL_HELP


def test_rate_limit_gives_up_after_two_retries(sim, slack_api) -> None:
    for _ in range(3):
        slack_api.rate_limit_next("chat.postMessage", retry_after=0)
    reply = sim.dm("hello")
    assert len(slack_api.calls_to("chat.postMessage")) == 3
    assert reply.message["text"] == _hint("ratelimited")


def test_rate_limit_with_a_long_wait_is_not_retried(sim, slack_api) -> None:
    slack_api.rate_limit_next("chat.postMessage", retry_after=30)
    reply = sim.dm("hello")
    assert len(slack_api.calls_to("chat.postMessage")) == 1
    assert reply.message["text"] == _hint("ratelimited")


@pytest.mark.parametrize(
    "code", ["expired_trigger_id", "invalid_trigger_id", "exchanged_trigger_id"]
)
def test_a_modal_that_cannot_open_says_run_the_command_again(app, sim, slack_api, code) -> None:
    def open_form(ack, body, client):
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=MODAL)

    app.command("/tradeoffs-test")(open_form)
    slack_api.fail_next("views.open", code)
    reply = sim.command("/tradeoffs-test")
    assert reply.status == 200  # no "dispatch_failed" from Slack on top of our words
    assert reply.message["_where"]["ephemeral"] is True
    assert reply.calls[-1].method == "response_url"
    assert reply.message["text"] == _hint(code)
    assert "run the command again" in reply.message["text"]


def test_an_unexpected_error_is_a_short_message_without_exception_text(app, sim, log_text) -> None:
    def boom(ack):
        ack()
        raise RuntimeError("secret detail xoxb-leak")

    app.command("/tradeoffs-test")(boom)
    reply = sim.command("/tradeoffs-test")
    assert reply.message["text"] == common.UNEXPECTED
    assert "xoxb-leak" not in reply.all_text()
    assert "unhandled RuntimeError" in log_text()


@pytest.mark.parametrize("error", [TimeoutError("timed out"), ConnectionResetError("reset")])
def test_a_slack_timeout_after_the_ack_is_a_warning_and_a_notice(error, slack_api, log_text) -> None:
    from bot.listeners.errors import handle_error

    told: list[dict] = []
    body = {"response_url": "http://127.0.0.1:9/r", "user": {"id": "U1"}}
    handle_error(error, body, lambda **kw: told.append(kw), client=None)
    assert [t["text"] for t in told] == [common.SLACK_UNREACHABLE]
    assert f"Slack call failed: {type(error).__name__}" in log_text()
    assert "Traceback" not in log_text()
