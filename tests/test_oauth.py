"""Installs in many workspaces: the OAuth flow on Redis, per-workspace tokens, uninstall
and token revocation, and the switch between single-workspace and OAuth modes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from pydantic import SecretStr
from slack_sdk.oauth.installation_store import Installation

from bot.app import create_app
from bot.devtools.signed import SlackRequests
from bot.devtools.sim import SlackSim
from bot.oauth_store import RedisInstallationStore
from bot.server import make_wsgi_app
from bot.settings import PROJECT_ROOT, SLACK_SCOPES_DEFAULT, Settings
from bot.state import Key
from tests.conftest import SIGNING_SECRET
from tests.support.loopback import http, serve

CLIENT_ID = "111.222"
COOKIE = "slack-app-oauth-state"


@pytest.fixture
def oauth_settings(app_settings: Settings) -> Settings:
    return app_settings.model_copy(
        update={
            "slack_bot_token": None,
            "slack_client_id": CLIENT_ID,
            "slack_client_secret": SecretStr("client-secret"),
        }
    )


@pytest.fixture
def oauth_app(oauth_settings, store, knowledge):
    return create_app(
        oauth_settings, store=store, knowledge=knowledge, process_before_response=True
    )


@pytest.fixture
def installs(store) -> RedisInstallationStore:
    return RedisInstallationStore(store.client, prefix=store.prefix, client_id=CLIENT_ID)


@pytest.fixture
def site(oauth_app, store) -> Iterator[str]:
    with serve(make_wsgi_app(oauth_app, store)) as base:
        yield base


def install(installs: RedisInstallationStore, team: str, token: str, user: str = "U0ADMIN"):
    installs.save(
        Installation(app_id="A0TEST", team_id=team, user_id=user, bot_token=token,
                     bot_id="B0BOT", bot_user_id="U0BOT", bot_scopes="chat:write")
    )  # fmt: skip


def _start_install(site: str) -> str:
    status, headers, page = http("GET", site + "/slack/install")
    assert status == 200
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page).group(1)
    query = parse_qs(urlsplit(link.replace("&amp;", "&")).query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["scope"] == [SLACK_SCOPES_DEFAULT]
    assert headers["set-cookie"].startswith(f"{COOKIE}={query['state'][0]};")
    return query["state"][0]


# --- modes ---------------------------------------------------------------------------


def test_default_scopes_are_the_manifests() -> None:
    manifest = yaml.safe_load((PROJECT_ROOT / "manifest.yaml").read_text())
    assert SLACK_SCOPES_DEFAULT.split(",") == manifest["oauth_config"]["scopes"]["bot"]
    redirect = manifest["oauth_config"]["redirect_urls"][0]
    assert redirect.endswith("/slack/oauth_redirect")


def test_bot_token_alone_is_single_workspace_mode(app) -> None:
    assert app.oauth_flow is None
    assert app.installation_store is None


def test_client_id_and_secret_switch_on_oauth(oauth_app) -> None:
    assert oauth_app.oauth_flow is not None
    assert oauth_app.oauth_flow.install_path == "/slack/install"
    assert oauth_app.oauth_flow.redirect_uri_path == "/slack/oauth_redirect"
    assert isinstance(oauth_app.installation_store, RedisInstallationStore)


# --- the install flow ----------------------------------------------------------------


def test_install_then_answer_with_the_installed_token(site, oauth_app, installs, slack_api, store):
    state = _start_install(site)
    assert store.client.ttl(f"{store.prefix}:oauth_state:{state}") > 0
    status, headers, page = http(
        "GET", f"{site}/slack/oauth_redirect?code=code-for-U0ADMIN&state={state}",
        headers={"Cookie": f"{COOKIE}={state}"},
    )  # fmt: skip
    assert status == 200, page
    assert "set-cookie" in headers
    bot = installs.find_bot(enterprise_id=None, team_id="T0TEST")
    assert (bot.bot_token, bot.bot_id, bot.bot_user_id) == (
        "xoxb-T0TEST-installed",
        "B0BOT",
        "U0BOT",
    )
    who = installs.find_installation(enterprise_id=None, team_id="T0TEST", user_id="U0ADMIN")
    assert who is not None
    # the state was used up
    again = http("GET", f"{site}/slack/oauth_redirect?code=code-for-U0ADMIN&state={state}",
                 headers={"Cookie": f"{COOKIE}={state}"})  # fmt: skip
    assert again[0] == 401

    sim = SlackSim(oauth_app, slack_api, SlackRequests(SIGNING_SECRET, team_id="T0TEST"))
    reply = sim.dm("hello")
    assert reply.status == 200
    assert reply.calls[-1].token == "xoxb-T0TEST-installed"
    assert "auth.test" not in [c.method for c in reply.calls]  # authorize costs no Web API call


@pytest.mark.parametrize(
    ("query", "cookie", "status"),
    [
        ("code=code-for-U1&state={state}", "{state}", 200),
        ("code=code-for-U1&state={state}", None, 400),  # not the browser that started it
        ("code=code-for-U1&state={state}", "other", 400),
        ("code=code-for-U1&state=forged", "forged", 401),  # a state we never issued
        ("code=invalid&state={state}", "{state}", 401),  # Slack refuses the code
        ("state={state}", "{state}", 401),  # no code
        ("error=access_denied&state={state}", "{state}", 200),  # the user cancelled
    ],
)
def test_redirect_cases(site, installs, query, cookie, status) -> None:
    state = _start_install(site)
    headers = {"Cookie": f"{COOKIE}={cookie.format(state=state)}"} if cookie else {}
    got, _, _page = http("GET", f"{site}/slack/oauth_redirect?{query.format(state=state)}",
                        headers=headers)  # fmt: skip
    assert got == status
    saved = installs.find_bot(enterprise_id=None, team_id="T0TEST")
    assert (saved is not None) is (query.startswith("code=code-for") and status == 200)


# --- many workspaces -----------------------------------------------------------------


def test_each_workspace_is_answered_with_its_own_token(oauth_app, installs, slack_api) -> None:
    install(installs, "T0ONE", "xoxb-one")
    install(installs, "T0TWO", "xoxb-two")
    for team, token in [("T0ONE", "xoxb-one"), ("T0TWO", "xoxb-two"), ("T0ONE", "xoxb-one")]:
        sim = SlackSim(oauth_app, slack_api, SlackRequests(SIGNING_SECRET, team_id=team))
        reply = sim.dm("hello")
        assert [(c.method, c.token) for c in reply.calls] == [("chat.postMessage", token)]


def test_a_workspace_without_installation_gets_nothing(oauth_app, installs, slack_api) -> None:
    install(installs, "T0ONE", "xoxb-one")
    sim = SlackSim(oauth_app, slack_api, SlackRequests(SIGNING_SECRET, team_id="T0NOBODY"))
    reply = sim.dm("hello")
    assert reply.status == 200
    assert reply.calls == []


# --- uninstall and revocation --------------------------------------------------------


def _event(team: str, event: dict) -> tuple[str, dict]:
    return SlackRequests(SIGNING_SECRET, team_id=team).event(event)


def test_app_uninstalled_forgets_the_workspace_and_its_data(oauth_app, installs, store, slack_api):
    install(installs, "T0ONE", "xoxb-one")
    install(installs, "T0TWO", "xoxb-two")
    for team in ("T0ONE", "T0TWO"):
        store.put(key=Key(team, "flow", "f1"), value=_Flow(step=1))
    sim = SlackSim(oauth_app, slack_api, SlackRequests(SIGNING_SECRET, team_id="T0ONE"))
    assert sim.send(_event("T0ONE", {"type": "app_uninstalled"})).status == 200
    assert installs.find_installation(enterprise_id=None, team_id="T0ONE") is None
    assert installs.find_bot(enterprise_id=None, team_id="T0ONE") is None
    assert store.get(key=Key("T0ONE", "flow", "f1"), model=_Flow) is None
    assert store.get(key=Key("T0TWO", "flow", "f1"), model=_Flow) is not None
    assert installs.find_bot(enterprise_id=None, team_id="T0TWO").bot_token == "xoxb-two"
    # and it no longer answers there
    reply = sim.dm("hello")
    assert [c.method for c in reply.calls] == []


@pytest.mark.parametrize(
    ("tokens", "bot_left", "users_left"),
    [
        ({"oauth": ["U0ADMIN"]}, True, {"U0OTHER"}),
        ({"bot": ["U0BOT"]}, False, {"U0ADMIN", "U0OTHER"}),
        ({"oauth": ["U0ADMIN", "U0OTHER"], "bot": ["U0BOT"]}, False, set()),
    ],
)
def test_tokens_revoked(oauth_app, installs, slack_api, tokens, bot_left, users_left) -> None:
    install(installs, "T0ONE", "xoxb-one", user="U0ADMIN")
    install(installs, "T0ONE", "xoxb-one", user="U0OTHER")
    sim = SlackSim(oauth_app, slack_api, SlackRequests(SIGNING_SECRET, team_id="T0ONE"))
    assert sim.dm("hello").calls[-1].token == "xoxb-one"  # authorized, and remembered
    assert sim.send(_event("T0ONE", {"type": "tokens_revoked", "tokens": tokens})).status == 200
    answered = bool(sim.dm("hello").calls)
    assert answered is bot_left  # a revoked bot token is not used again, even from memory
    assert (installs.find_bot(enterprise_id=None, team_id="T0ONE") is not None) is bot_left
    left = {
        user for user in ("U0ADMIN", "U0OTHER")
        if installs.find_installation(enterprise_id=None, team_id="T0ONE", user_id=user)
    }  # fmt: skip
    assert left == users_left


def test_single_workspace_uninstall_forgets_the_data(sim, requests_, store) -> None:
    store.put(key=Key("T0TEST", "flow", "f1"), value=_Flow(step=1))
    assert sim.send(requests_.event({"type": "app_uninstalled"})).status == 200
    assert store.get(key=Key("T0TEST", "flow", "f1"), model=_Flow) is None


def test_single_workspace_acknowledges_a_revoked_token(sim, requests_, caplog) -> None:
    # The manifest subscribes to tokens_revoked in both modes; unhandled, Bolt answered 404.
    revoked = {"type": "tokens_revoked", "tokens": {"bot": ["U0BOT"]}}
    assert sim.send(requests_.event(revoked)).status == 200
    assert "bot token was revoked" in caplog.text


class _Flow(__import__("pydantic").BaseModel):
    step: int
