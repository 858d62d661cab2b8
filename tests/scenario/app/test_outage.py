"""Redis goes down and comes back, with a redis-server of this test's own on another port:
stateless answers keep working, stateful ones say "try again", /healthz says so, and the
app recovers by itself. Never touches the shared Redis."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from slack_sdk.oauth.installation_store import Installation

from bot.app import create_app
from bot.devtools.redis_server import RedisServer
from bot.devtools.signed import SlackRequests
from bot.devtools.sim import SlackSim
from bot.oauth_store import RedisInstallationStore
from bot.server import make_wsgi_app
from bot.settings import Settings
from bot.state import Store, open_store
from bot.texts import buildvsbuy as bvb_texts
from bot.texts import common
from tests.conftest import SIGNING_SECRET
from tests.support.loopback import http, serve

pytestmark = pytest.mark.slow
QUICK = 1.0  # an outage must not make anyone wait


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


@pytest.fixture
def own_store(redis_server: RedisServer, app_settings: Settings) -> Iterator[Store]:
    redis_server.start()
    store = open_store(app_settings.model_copy(update={"redis_url": redis_server.url}))
    yield store
    redis_server.start()  # leave it running for the next test


@pytest.fixture
def live(app_settings, own_store, knowledge, slack_api, requests_):
    app = create_app(
        app_settings, store=own_store, knowledge=knowledge, process_before_response=True
    )
    return SlackSim(app, slack_api, requests_), app


def _health(app, store) -> dict:
    with serve(make_wsgi_app(app, store)) as base:
        status, _, body = http("GET", base + "/healthz")
    assert status == 200
    return json.loads(body)


def _timed(call):
    started = time.perf_counter()
    reply = call()
    assert time.perf_counter() - started < QUICK
    return reply


STATELESS = [
    ("llmcost", lambda sim: sim.command("/llmcost", "model=gpt-4o in=2000 out=500 qps=3"), "$"),
    ("llmcost help", lambda sim: sim.command("/llmcost", "help"), "/llmcost"),
    ("rubric", lambda sim: sim.command("/rubric", "senior"), "Senior"),
    ("help DM", lambda sim: sim.dm("hello"), "/buildvsbuy"),
]


@pytest.mark.parametrize(("name", "request_", "expected"), STATELESS, ids=[s[0] for s in STATELESS])
def test_stateless_answers_survive_an_outage(live, redis_server, name, request_, expected) -> None:
    sim, _app = live
    redis_server.stop()
    reply = _timed(lambda: request_(sim))
    assert reply.status == 200
    assert expected in reply.all_text()
    assert common.STATE_UNAVAILABLE not in reply.all_text()


def test_stateful_answers_say_try_again_and_recover(live, redis_server, own_store) -> None:
    sim, app = live
    started = sim.command("/buildvsbuy", "support triage")
    assert started.ack["response_type"] == "in_channel"
    assert _health(app, own_store) == {"ok": True, "redis": "ok"}

    redis_server.stop()
    assert _health(app, own_store) == {"ok": True, "redis": "unavailable"}
    start = _timed(lambda: sim.command("/buildvsbuy", "another topic"))
    assert start.message["text"] == common.STATE_UNAVAILABLE
    assert start.message["_where"]["ephemeral"] is True
    click = _timed(lambda: sim.click(started.message, "Yes"))
    assert common.STATE_UNAVAILABLE in click.all_text()

    redis_server.start()  # same port, empty: no restart of the app
    assert _health(app, own_store) == {"ok": True, "redis": "ok"}
    again = sim.command("/buildvsbuy", "support triage")
    assert again.ack["response_type"] == "in_channel"
    moved = sim.click(again.message, "Yes")
    assert moved.message["replace_original"] is True
    lost = sim.click(started.message, "Yes")  # its state did not survive the empty restart
    assert bvb_texts.EXPIRED in lost.all_text()


def test_oauth_mode_keeps_answering_known_workspaces(
    app_settings, own_store, knowledge, slack_api, redis_server
) -> None:
    settings = app_settings.model_copy(
        update={"slack_bot_token": None, "slack_client_id": "111.222",
                "slack_client_secret": SecretStr("client-secret")}
    )  # fmt: skip
    app = create_app(settings, store=own_store, knowledge=knowledge, process_before_response=True)
    installs = RedisInstallationStore(
        own_store.client, prefix=own_store.prefix, client_id="111.222"
    )
    installs.save(Installation(team_id="T0KNOWN", user_id="U1", bot_token="xoxb-known",
                               bot_id="B0BOT", bot_user_id="U0BOT"))  # fmt: skip
    known = SlackSim(app, slack_api, SlackRequests(SIGNING_SECRET, team_id="T0KNOWN"))
    stranger = SlackSim(app, slack_api, SlackRequests(SIGNING_SECRET, team_id="T0UNSEEN"))
    assert known.dm("hello").calls[-1].token == "xoxb-known"

    redis_server.stop()
    reply = _timed(lambda: known.dm("hello"))
    assert [(c.method, c.token) for c in reply.calls] == [("chat.postMessage", "xoxb-known")]
    rubric = _timed(lambda: known.command("/rubric", "senior"))
    assert "Senior" in rubric.all_text()
    unseen = _timed(lambda: stranger.command("/rubric", "senior"))
    assert unseen.message["text"] == common.STATE_UNAVAILABLE  # via response_url, no token

    redis_server.start()  # back, empty: reads work again without restarting the app
    installs.save(Installation(team_id="T0UNSEEN", user_id="U1", bot_token="xoxb-unseen",
                               bot_id="B0BOT", bot_user_id="U0BOT"))  # fmt: skip
    assert stranger.dm("hello").calls[-1].token == "xoxb-unseen"
    assert known.dm("hello").calls[-1].token == "xoxb-known"  # still fresh in this process
