"""Suggested prompts: opening the Messages tab pins up to four requests, and each one, sent
as the DM line it stands for, gets a real answer (not the general help)."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.texts import common
from bot.texts.prompts import PROMPTS

USER = "U0ALICE"
DM = "D0ALICE"


def _prompts_call(sim, slack_api):
    reply = sim.send(sim.requests.app_home_opened(user_id=USER, channel_id=DM, tab="messages"))
    assert reply.status == 200
    [call] = slack_api.calls_to("assistant.threads.setSuggestedPrompts")
    return call


def test_messages_tab_pins_the_prompts_in_that_dm(sim, slack_api) -> None:
    call = _prompts_call(sim, slack_api)
    assert call.args["channel_id"] == DM
    assert "thread_ts" not in call.args  # agent view: pinned to the tab, not a thread
    assert 1 <= len(call.args["prompts"]) <= 4
    assert call.response == {"ok": True}
    assert slack_api.calls_to("views.publish") == []


@pytest.mark.parametrize("prompt", PROMPTS, ids=[p["title"] for p in PROMPTS])
def test_every_prompt_is_understood_as_typed(sim, slack_api, prompt) -> None:
    reply = sim.dm(prompt["message"], user=USER, channel=DM)
    assert reply.status == 200
    posted = [c for c in reply.calls if c.method == "chat.postMessage"]
    assert posted, f"no answer to {prompt['message']!r}"
    assert common.GENERAL_HELP not in str(posted[0].args)
    assert slack_api.validation_problems == []


def test_a_workspace_without_the_scope_gets_no_error_shown(sim, slack_api, caplog) -> None:
    slack_api.fail_next("assistant.threads.setSuggestedPrompts", "missing_scope")
    reply = sim.send(sim.requests.app_home_opened(user_id=USER, channel_id=DM, tab="messages"))
    assert reply.status == 200
    assert [c.method for c in reply.calls if c.method.startswith("chat.")] == []
    assert "suggested prompts not set: missing_scope" in caplog.text


@pytest.mark.parametrize(
    ("prompts", "error"),
    [
        ([], "invalid_arguments"),
        ([{"title": "a", "message": "b"}] * 5, "invalid_arguments"),
        ([{"title": "a"}], "invalid_arguments"),
        ([{"title": " ", "message": "b"}], "invalid_arguments"),
    ],
)
def test_fake_slack_refuses_prompts_slack_refuses(slack_api, prompts, error) -> None:

    client = WebClient(token="xoxb-test", base_url=slack_api.url)
    with pytest.raises(SlackApiError) as caught:
        client.assistant_threads_setSuggestedPrompts(channel_id=DM, prompts=prompts)
    assert caught.value.response["error"] == error
