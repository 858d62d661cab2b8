"""Single-workspace authorization is off the ack path: no ``auth.test`` before (or after) the
first ack of a fresh process, a broken ``auth.test`` changes nothing, and nobody is ever told
to reinstall the app. The bot's user id is learned from the first event that carries it, so
Bolt still drops the bot's own messages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.app import create_app
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.sim import SlackSim

REINSTALL = "reinstall"


@pytest.fixture
def slack_api(settings) -> Iterator[FakeSlack]:
    """This module's own FakeSlack, with auth.test broken (the faults die with it)."""
    with FakeSlack() as fake:
        for status in (500, 200, 200):
            fake.fail_next("auth.test", "invalid_auth" if status == 200 else "fatal_error", status)
        yield fake
        assert fake.validation_problems == []


@pytest.fixture
def fresh_sim(settings, store, knowledge, slack_api, requests_) -> SlackSim:
    """A brand-new app (as in a new gunicorn worker)."""
    app_settings = settings.model_copy(update={"slack_api_url": slack_api.url})
    app = create_app(app_settings, store=store, knowledge=knowledge, process_before_response=True)
    return SlackSim(app, slack_api, requests_)


def _said(reply) -> str:
    return (reply.response.body or "") + reply.all_text()


@pytest.mark.parametrize(
    "first",
    [
        lambda sim: sim.command("/llmcost", "model=gpt-4o in=2000 out=500 qps=3"),
        lambda sim: sim.command("/buildvsbuy", "support triage"),
        lambda sim: sim.dm("help"),
        lambda sim: sim.mention("rollout"),
        lambda sim: sim.open_home(),
    ],
    ids=["command", "flow", "dm", "mention", "home"],
)
def test_the_first_request_is_answered_without_auth_test(fresh_sim, slack_api, first) -> None:
    reply = first(fresh_sim)
    assert reply.status == 200
    assert reply.messages or reply.views, [c.method for c in reply.calls]
    assert REINSTALL not in _said(reply).lower()
    assert "auth.test" not in [c.method for c in slack_api.calls]
    assert all(c.token == "xoxb-test-token" for c in reply.calls if c.method != "response_url")


def test_a_click_after_a_broken_auth_test_still_works(fresh_sim, slack_api) -> None:
    flow = fresh_sim.command("/buildvsbuy", "support triage").message
    reply = fresh_sim.click(flow, "Yes")
    assert reply.status == 200
    assert "Prompting" in reply.message_text
    assert REINSTALL not in _said(reply).lower()
    assert "auth.test" not in [c.method for c in slack_api.calls]


def test_the_bots_own_messages_are_ignored_once_its_id_is_known(fresh_sim, slack_api) -> None:
    fresh_sim.dm("help")  # an event: its authorizations name the bot user U0BOT
    before = len(slack_api.calls)
    reply = fresh_sim.dm("help", user="U0BOT", channel="D0BOT")
    assert reply.status == 200
    assert slack_api.calls[before:] == []
