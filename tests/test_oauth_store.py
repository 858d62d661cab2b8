"""The Redis installation and OAuth state stores against slack_sdk's store contract.

The contract tests run against our Redis stores AND, as references, slack_sdk's own
FileInstallationStore / SQLite3InstallationStore (and their state stores), so the suite
is the real contract and not a mirror of our implementation. Tests of behaviour where
slack_sdk's stores disagree with each other name the reference they follow.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import redis
from slack_sdk.oauth.installation_store import FileInstallationStore, Installation
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
from slack_sdk.oauth.state_store import FileOAuthStateStore
from slack_sdk.oauth.state_store.sqlite3 import SQLite3OAuthStateStore

from bot.errors import StateUnavailable
from bot.oauth_store import RedisInstallationStore, RedisOAuthStateStore
from tests.support.dead_redis import dead_redis

CLIENT_ID = "111.222"


def _cleanup(client: redis.Redis, prefix: str) -> None:
    keys = list(client.scan_iter(match=f"{prefix}:*", count=500))
    if keys:
        client.delete(*keys)


def _make_store(kind: str, tmp_path, redis_client: redis.Redis, prefix: str):
    if kind == "redis":
        return RedisInstallationStore(redis_client, prefix=prefix, client_id=CLIENT_ID)
    if kind == "file":
        return FileInstallationStore(base_dir=str(tmp_path / "installs"), client_id=CLIENT_ID)
    return SQLite3InstallationStore(database=str(tmp_path / "installs.db"), client_id=CLIENT_ID)


@pytest.fixture(params=["redis", "file", "sqlite3"])
def installs(request, tmp_path, redis_client, key_prefix) -> Iterator:
    yield _make_store(request.param, tmp_path, redis_client, key_prefix)
    _cleanup(redis_client, key_prefix)


@pytest.fixture(params=["redis", "sqlite3"])
def sql_like(request, tmp_path, redis_client, key_prefix) -> Iterator:
    """Stores with the SQL stores' semantics (the file store differs here)."""
    yield _make_store(request.param, tmp_path, redis_client, key_prefix)
    _cleanup(redis_client, key_prefix)


@pytest.fixture(params=["redis", "file"])
def redis_or_file(request, tmp_path, redis_client, key_prefix) -> Iterator:
    """For tests the SQLite3 store cannot pass: it stamps installations with the save time to
    the second (so two saves in one second have no order), and its delete_installation
    compares ``team_id = NULL`` for org-wide installs (so it never deletes them)."""
    yield _make_store(request.param, tmp_path, redis_client, key_prefix)
    _cleanup(redis_client, key_prefix)


def _tick(store) -> None:
    """SQLite3InstallationStore orders by a save time with one-second resolution."""
    if isinstance(store, SQLite3InstallationStore):
        time.sleep(1.05)


@pytest.fixture
def redis_installs(redis_client, key_prefix) -> Iterator[RedisInstallationStore]:
    yield RedisInstallationStore(redis_client, prefix=key_prefix, client_id=CLIENT_ID)
    _cleanup(redis_client, key_prefix)


def workspace_install(**overrides) -> Installation:
    fields = dict(
        app_id="A111", enterprise_id="E111", team_id="T111", user_id="U111",
        bot_id="B111", bot_token="xoxb-111", bot_scopes=["chat:write"], bot_user_id="U222",
    )  # fmt: skip
    return Installation(**(fields | overrides))


def org_install(**overrides) -> Installation:
    fields = dict(
        app_id="AO111", enterprise_id="EO111", user_id="UO111", bot_id="BO111",
        bot_token="xoxb-O111", bot_scopes=["chat:write"], bot_user_id="UO222",
        is_enterprise_install=True,
    )  # fmt: skip
    return Installation(**(fields | overrides))


# --- the contract: every store, ours and slack_sdk's, must pass these -------------------

FOUND_FOR_WORKSPACE = [
    # (enterprise_id, team_id, user_id, is_enterprise_install, found?)
    ("E111", "T111", None, False, True),
    ("E111", "T222", None, False, False),
    (None, "T111", None, False, False),
    ("E111", "T111", "U111", False, True),
    ("E111", "T111", "U222", False, False),
    ("E111", "T222", "U111", False, False),
]


@pytest.mark.parametrize(("enterprise", "team", "user", "org", "found"), FOUND_FOR_WORKSPACE)
def test_find_installation_per_workspace(installs, enterprise, team, user, org, found) -> None:
    installs.save(workspace_install())
    got = installs.find_installation(
        enterprise_id=enterprise, team_id=team, user_id=user, is_enterprise_install=org
    )
    assert (got is not None) is found
    if found:
        assert (got.team_id, got.user_id, got.bot_token) == ("T111", "U111", "xoxb-111")


@pytest.mark.parametrize(
    ("enterprise", "team", "found"),
    [("E111", "T111", True), ("E111", "T222", False), (None, "T111", False)],
)
def test_find_bot_per_workspace(installs, enterprise, team, found) -> None:
    installs.save(workspace_install())
    bot = installs.find_bot(enterprise_id=enterprise, team_id=team)
    assert (bot is not None) is found
    if found:
        assert (bot.bot_token, bot.bot_id, bot.bot_user_id) == ("xoxb-111", "B111", "U222")
        assert list(bot.bot_scopes) == ["chat:write"]


def test_delete_bot_of_another_team_keeps_ours(installs) -> None:
    installs.save(workspace_install())
    installs.delete_bot(enterprise_id="E111", team_id="T222")
    assert installs.find_bot(enterprise_id="E111", team_id="T222") is None
    assert installs.find_bot(enterprise_id="E111", team_id="T111") is not None


def test_delete_installation_of_one_user(installs) -> None:
    installs.save(workspace_install())
    installs.delete_installation(enterprise_id="E111", team_id="T111", user_id="U111")
    assert installs.find_installation(enterprise_id="E111", team_id="T111", user_id="U111") is None
    installs.delete_installation(enterprise_id="E111", team_id="T111")
    assert installs.find_installation(enterprise_id="E111", team_id="T111") is None


def test_delete_all_forgets_the_workspace_only(installs) -> None:
    installs.save(workspace_install())
    installs.save(workspace_install(team_id="T999", bot_token="xoxb-999", user_id="U999"))
    installs.delete_all(enterprise_id="E111", team_id="T111")
    assert installs.find_installation(enterprise_id="E111", team_id="T111") is None
    assert installs.find_installation(enterprise_id="E111", team_id="T111", user_id="U111") is None
    assert installs.find_bot(enterprise_id="E111", team_id="T111") is None
    other = installs.find_bot(enterprise_id="E111", team_id="T999")
    assert other is not None
    assert other.bot_token == "xoxb-999"


FOUND_FOR_ORG = [
    ("EO111", None, None, False, True),
    ("EO111", "T111", None, True, True),  # a workspace of the org, org-wide install
    ("EO111", "T222", None, False, False),
    (None, "T111", None, False, False),
    ("EO111", None, "UO111", False, True),
    ("E111", "T111", "U222", True, False),
    (None, "T222", "U111", False, False),
]


@pytest.mark.parametrize(("enterprise", "team", "user", "org", "found"), FOUND_FOR_ORG)
def test_org_wide_installation(installs, enterprise, team, user, org, found) -> None:
    installs.save(org_install())
    got = installs.find_installation(
        enterprise_id=enterprise, team_id=team, user_id=user, is_enterprise_install=org
    )
    assert (got is not None) is found
    if found:
        assert (got.enterprise_id, got.is_enterprise_install) == ("EO111", True)
        assert not got.team_id  # None, or "" in the SQLite store


@pytest.mark.parametrize(
    ("team", "org", "found"), [(None, False, True), ("TO222", True, True), ("TO222", False, False)]
)
def test_org_wide_bot(installs, team, org, found) -> None:
    installs.save(org_install())
    bot = installs.find_bot(enterprise_id="EO111", team_id=team, is_enterprise_install=org)
    assert (bot is not None) is found
    if found:
        assert bot.bot_token == "xoxb-O111"


def test_org_wide_deletes(redis_or_file) -> None:
    installs = redis_or_file
    installs.save(org_install())
    installs.delete_bot(enterprise_id="EO111", team_id="TO222")  # another key: no effect
    assert installs.find_bot(enterprise_id="EO111", team_id=None) is not None
    installs.delete_bot(enterprise_id="EO111", team_id=None)
    assert installs.find_bot(enterprise_id="EO111", team_id=None) is None
    assert installs.find_installation(enterprise_id="EO111", team_id=None) is not None
    installs.save(org_install())
    installs.delete_all(enterprise_id="EO111", team_id=None)
    assert installs.find_installation(enterprise_id="EO111", team_id=None) is None
    assert installs.find_installation(enterprise_id="EO111", team_id=None, user_id="UO111") is None
    assert installs.find_bot(enterprise_id="EO111", team_id=None) is None


def test_user_tokens_are_found_per_user(installs) -> None:
    installs.save(
        workspace_install(user_token="xoxp-111", user_scopes=["search:read"], installed_at=100.0)
    )
    got = installs.find_installation(enterprise_id="E111", team_id="T111", user_id="U111")
    assert got.user_token == "xoxp-111"
    assert list(got.user_scopes) == ["search:read"]


def test_latest_installation_versus_by_user(redis_or_file) -> None:
    installs = redis_or_file
    first = workspace_install(user_token="xoxp-1", bot_token="xoxb-old", installed_at=100.0)
    second = workspace_install(
        user_id="U333", user_token="xoxp-3", bot_token="xoxb-new", installed_at=200.0
    )
    installs.save(first)
    installs.save(second)
    latest = installs.find_installation(enterprise_id="E111", team_id="T111")
    assert (latest.user_id, latest.user_token, latest.bot_token) == ("U333", "xoxp-3", "xoxb-new")
    mine = installs.find_installation(enterprise_id="E111", team_id="T111", user_id="U111")
    # the installer's own user token, with the workspace's latest bot token (bolt-python#664)
    assert (mine.user_id, mine.user_token, mine.bot_token) == ("U111", "xoxp-1", "xoxb-new")
    assert installs.find_bot(enterprise_id="E111", team_id="T111").bot_token == "xoxb-new"
    installs.delete_installation(enterprise_id="E111", team_id="T111", user_id="U111")
    assert installs.find_installation(enterprise_id="E111", team_id="T111", user_id="U333")


def test_a_new_save_replaces_the_bot(redis_or_file) -> None:
    installs = redis_or_file
    installs.save(workspace_install(bot_refresh_token="xoxe-1-initial", installed_at=100.0))
    installs.save(workspace_install(bot_refresh_token="xoxe-1-refreshed", installed_at=200.0))
    bot = installs.find_bot(enterprise_id="E111", team_id="T111")
    assert bot.bot_refresh_token == "xoxe-1-refreshed"


def test_save_bot_without_a_token_is_skipped(installs) -> None:
    installs.save_bot(workspace_install(bot_token=None).to_bot())
    assert installs.find_bot(enterprise_id="E111", team_id="T111") is None


# --- where slack_sdk's stores differ, we follow the SQL stores --------------------------


def test_deleting_the_only_installer_leaves_no_installation(sql_like) -> None:
    sql_like.save(workspace_install())
    sql_like.delete_installation(enterprise_id="E111", team_id="T111", user_id="U111")
    assert sql_like.find_installation(enterprise_id="E111", team_id="T111") is None


def test_deleting_the_latest_installer_falls_back_to_the_previous_one(sql_like) -> None:
    sql_like.save(workspace_install(installed_at=100.0))
    _tick(sql_like)
    sql_like.save(workspace_install(user_id="U333", installed_at=200.0))
    sql_like.delete_installation(enterprise_id="E111", team_id="T111", user_id="U333")
    latest = sql_like.find_installation(enterprise_id="E111", team_id="T111")
    assert latest.user_id == "U111"


# --- Redis specifics --------------------------------------------------------------------


def test_a_revoked_bot_token_is_not_handed_out(redis_installs) -> None:
    redis_installs.save(workspace_install(user_token="xoxp-111"))
    redis_installs.delete_bot(enterprise_id="E111", team_id="T111")
    got = redis_installs.find_installation(enterprise_id="E111", team_id="T111")
    assert (got.bot_token, got.user_token) == (None, "xoxp-111")


def test_keys_carry_prefix_client_and_workspace_and_never_expire(
    redis_installs, redis_client, key_prefix
) -> None:
    redis_installs.save(workspace_install())
    redis_installs.save(org_install())
    keys = sorted(k.decode() for k in redis_client.scan_iter(match=f"{key_prefix}:*"))
    base = f"{key_prefix}:install:{CLIENT_ID}"
    assert keys == [
        f"{base}:{{E111:T111}}:bot",
        f"{base}:{{E111:T111}}:installers",
        f"{base}:{{EO111:-}}:bot",
        f"{base}:{{EO111:-}}:installers",
    ]
    assert {redis_client.ttl(k) for k in keys} == {-1}


def test_an_unreadable_record_reads_as_absent(redis_installs, redis_client) -> None:
    bot_key, installers_key = redis_installs.keys_for(enterprise_id="E1", team_id="T1")
    redis_client.set(bot_key, "{not json")
    redis_client.hset(installers_key, "U1", '{"unknown_field": 1}')
    assert redis_installs.find_bot(enterprise_id="E1", team_id="T1") is None
    assert redis_installs.find_installation(enterprise_id="E1", team_id="T1") is None


def _dead_client() -> redis.Redis:
    return dead_redis()


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.find_bot(enterprise_id=None, team_id="T1"),
        lambda s: s.find_installation(enterprise_id=None, team_id="T1"),
        lambda s: s.save(workspace_install()),
        lambda s: s.delete_all(enterprise_id=None, team_id="T1"),
    ],
    ids=["find_bot", "find_installation", "save", "delete_all"],
)
def test_redis_down_is_state_unavailable_not_not_installed(call) -> None:
    store = RedisInstallationStore(_dead_client(), prefix="test-dead", client_id=CLIENT_ID)
    with pytest.raises(StateUnavailable):
        call(store)


# --- OAuth state stores -----------------------------------------------------------------


@pytest.fixture(params=["redis", "file", "sqlite3"])
def states(request, tmp_path, redis_client, key_prefix) -> Iterator:
    if request.param == "redis":
        yield RedisOAuthStateStore(redis_client, prefix=key_prefix, expiration_seconds=10)
        _cleanup(redis_client, key_prefix)
    elif request.param == "file":
        yield FileOAuthStateStore(expiration_seconds=10, base_dir=str(tmp_path / "states"))
    else:
        yield SQLite3OAuthStateStore(database=str(tmp_path / "states.db"), expiration_seconds=10)


def test_state_is_consumed_once(states) -> None:
    state = states.issue()
    assert states.consume(state) is True
    assert states.consume(state) is False


def test_states_are_distinct_and_accept_kwargs(states) -> None:
    one, two = states.issue(foo=123, bar="baz"), states.issue()
    assert one != two
    assert states.consume(two) is True
    assert states.consume(one) is True


def test_unknown_state_is_rejected(states) -> None:
    states.issue()
    assert states.consume("not-a-state-we-issued") is False


def test_expired_state_is_rejected(states, monkeypatch) -> None:
    state = states.issue()
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 11)
    assert states.consume(state) is False


def test_redis_state_key_expires_by_itself(redis_client, key_prefix) -> None:
    states = RedisOAuthStateStore(redis_client, prefix=key_prefix, expiration_seconds=600)
    state = states.issue()
    key = f"{key_prefix}:oauth_state:{state}"
    assert 590 <= redis_client.ttl(key) <= 600
    redis_client.pexpire(key, 1)
    time.sleep(0.02)
    assert states.consume(state) is False
    assert states.consume("") is False
