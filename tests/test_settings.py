"""The production settings: OAuth switch, scopes, TTLs, listener pool; bad values name
the variable."""

from __future__ import annotations

import pytest

from bot.errors import ConfigError
from bot.settings import SLACK_SCOPES_DEFAULT, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch) -> None:
    for name in (
        "SLACK_CLIENT_ID",
        "SLACK_CLIENT_SECRET",
        "SLACK_SCOPES",
        "LISTENER_THREADS",
        "OAUTH_STATE_TTL_SECONDS",
        "EVENT_DEDUPE_TTL_SECONDS",
        "SLACK_BOT_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)  # fmt: skip


@pytest.mark.parametrize(
    ("env", "oauth"),
    [
        ({}, False),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, False),
        ({"SLACK_CLIENT_ID": "1.2"}, False),
        ({"SLACK_CLIENT_SECRET": "s"}, False),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s"}, True),
        ({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s", "SLACK_BOT_TOKEN": "x"}, True),
    ],
)
def test_client_id_and_secret_switch_on_oauth(monkeypatch, env, oauth) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert load_settings().oauth_enabled is oauth


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, SLACK_SCOPES_DEFAULT),
        ("chat:write", "chat:write"),
        (" chat:write , commands ,", "chat:write,commands"),
    ],
)
def test_scopes(monkeypatch, value, expected) -> None:
    if value is not None:
        monkeypatch.setenv("SLACK_SCOPES", value)
    assert load_settings().slack_scopes == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SLACK_SCOPES", ","),
        ("SLACK_SCOPES", "chat:write commands"),
        ("LISTENER_THREADS", "0"),
        ("LISTENER_THREADS", "many"),
        ("OAUTH_STATE_TTL_SECONDS", "5"),
        ("EVENT_DEDUPE_TTL_SECONDS", "10"),
    ],
)
def test_bad_values_name_the_variable(monkeypatch, name, value) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        load_settings()


def test_defaults() -> None:
    settings = load_settings()
    assert (settings.listener_threads, settings.oauth_state_ttl_seconds) == (64, 600)
    assert settings.event_dedupe_ttl_seconds == 3600
    assert settings.slack_redirect_uri is None


def test_variables_are_read_by_field_name_in_any_case_and_overrides_win(monkeypatch) -> None:
    monkeypatch.setenv("LISTENER_THREADS", "8")
    monkeypatch.setenv("oauth_state_ttl_seconds", "120")
    monkeypatch.setenv("NOT_A_SETTING", "ignored")
    settings = load_settings(listener_threads=4)
    assert (settings.listener_threads, settings.oauth_state_ttl_seconds) == (4, 120)
    monkeypatch.delenv("oauth_state_ttl_seconds")
    assert load_settings().listener_threads == 8
