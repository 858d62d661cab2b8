"""manifest.yaml creates the app the code expects: commands, events, scopes, nothing more."""

from __future__ import annotations

import pytest
import yaml

from bot.settings import PROJECT_ROOT

MANIFEST = yaml.safe_load((PROJECT_ROOT / "manifest.yaml").read_text())


def test_slash_commands_have_usage_hints_and_point_at_bolt() -> None:
    commands = MANIFEST["features"]["slash_commands"]
    assert [c["command"] for c in commands] == ["/buildvsbuy", "/llmcost", "/rubric"]
    for command in commands:
        assert command["usage_hint"]
        assert command["url"].endswith("/slack/events")


def test_events_and_scopes_are_exactly_what_the_features_use() -> None:
    settings = MANIFEST["settings"]
    assert sorted(settings["event_subscriptions"]["bot_events"]) == [
        "app_home_opened",
        "app_mention",
        "app_uninstalled",
        "message.im",
        "tokens_revoked",
    ]
    assert settings["interactivity"]["is_enabled"] is True
    assert sorted(MANIFEST["oauth_config"]["scopes"]["bot"]) == [
        "app_mentions:read",
        "assistant:write",
        "chat:write",
        "commands",
        "files:write",
        "im:history",
        "im:write",
    ]
    home = MANIFEST["features"]["app_home"]
    assert home["home_tab_enabled"] is True
    assert home["messages_tab_enabled"] is True
    assert MANIFEST["features"]["bot_user"]["display_name"]
    assert MANIFEST["features"]["agent_view"]["agent_description"]


@pytest.mark.parametrize("command", [c["command"] for c in MANIFEST["features"]["slash_commands"]])
def test_every_manifest_command_has_a_listener(sim, command: str) -> None:
    reply = sim.command(command, "help")
    assert reply.status == 200
    assert command in reply.message_text


def test_the_workflow_step_declares_what_the_listener_reads_and_writes() -> None:
    from bot.features.llmcost.step import CALLBACK_ID, INPUTS

    step = MANIFEST["functions"][CALLBACK_ID]
    assert len(CALLBACK_ID) <= 100
    assert len(step["title"]) <= 255
    inputs = step["input_parameters"]["properties"]
    assert list(inputs) == [name for name, _ in INPUTS]
    assert {n: p["type"] for n, p in inputs.items()} == {
        "model": "string", "input_tokens": "integer", "output_tokens": "integer",
        "calls_per_day": "integer", "cached_tokens": "integer",
    }  # fmt: skip
    required = step["input_parameters"]["required"]
    assert [n for n in inputs if n not in required] == ["cached_tokens"]
    outputs = step["output_parameters"]["properties"]
    assert list(outputs) == ["per_call_usd", "per_month_usd", "verdict", "summary"]
    assert step["output_parameters"]["required"] == list(outputs)
    for name, parameter in {**inputs, **outputs}.items():
        assert parameter["name"] == name
        assert parameter["title"]
        assert parameter["description"]
    assert MANIFEST["settings"]["org_deploy_enabled"] is True  # Slack requires it for steps
    assert MANIFEST["settings"]["function_runtime"] == "remote"


def test_the_message_shortcut_fits_slacks_limits_and_has_a_listener(sim, slack_api) -> None:
    [shortcut] = MANIFEST["features"]["shortcuts"]
    assert shortcut["type"] == "message"
    assert len(shortcut["name"]) <= 24  # Slack's limit for a shortcut's name
    assert len(shortcut["description"]) <= 80
    message = {"type": "message", "user": "U0CAROL", "text": "triage", "ts": "1700000000.000100"}
    request = sim.requests.message_shortcut(
        shortcut["callback_id"], message, user_id="U0BOB", channel_id="C0TEST",
        response_url=slack_api.new_response_url(channel="C0TEST"),
    )  # fmt: skip
    assert sim.send(request).status == 200
    assert slack_api.calls_to("chat.postMessage")  # the flow was posted
