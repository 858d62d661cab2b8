"""REDIS_MODE=cluster and REDIS_MODE=sentinel against real servers these tests start on their
own ports (tests/support/redis_topologies.py): a 3-node Redis Cluster, and a primary with a
replica watched by a sentinel. The whole product runs on each (walks, decision records, App
Home, threads, event dedupe, uninstall, OAuth installs); a workspace's keys share one hash
slot; a failover in the middle of a walk, a cluster node going down and a demoted primary
become "state store unavailable" or a retry, never a traceback, and /healthz says so."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
import redis
from pydantic import BaseModel
from redis.cluster import RedisCluster
from slack_sdk.oauth.installation_store import Installation

from bot.app import create_app
from bot.devtools.sim import SlackSim, buttons
from bot.errors import StateUnavailable
from bot.oauth_store import RedisInstallationStore, RedisOAuthStateStore
from bot.server import health
from bot.settings import Settings
from bot.state import Key, Store, open_store
from bot.texts import common
from tests.support.buildvsbuy import PATHS, walk
from tests.support.redis_topologies import client, redis_cluster, redis_sentinel
from tests.support.robustness import Guard

pytestmark = pytest.mark.slow
LONGEST = max(PATHS, key=lambda p: len(p.steps))


@pytest.fixture(scope="module")
def cluster() -> Iterator[list[int]]:
    with redis_cluster(3) as ports:
        yield ports


@pytest.fixture(scope="module")
def sentinel():
    with redis_sentinel() as setup:
        yield setup


def _everything(sim: SlackSim) -> dict:
    """Every kind of state the product writes, in one workspace; the finished walk."""
    first = sim.command("/buildvsbuy", "support triage").message
    done = walk(sim, first, LONGEST.steps)
    posted = sim.click(done, "Post decision record")  # one pipeline over several lists
    assert "decision record" in posted.all_text().lower() or posted.messages
    home = sim.open_home()
    assert home.views
    assert "support triage" in json.dumps(home.views[-1])
    sim.mention("assess", thread_ts="1700000000.000100")
    sim.dm("prep")
    sim.dm("status")
    return done


def _cluster_store(ports: list[int], settings: Settings) -> Store:
    url = f"redis://127.0.0.1:{ports[1]}"
    store = open_store(settings.model_copy(update={"redis_mode": "cluster", "redis_url": url}))
    assert isinstance(store.client, RedisCluster)
    return store


def _app_on(store: Store, app_settings, knowledge, slack_api, requests_, caplog) -> tuple[SlackSim, Guard]:  # fmt: skip
    """The real app on ``store``, and a guard on what it shows and logs."""
    app = create_app(app_settings, store=store, knowledge=knowledge, process_before_response=True)
    return SlackSim(app, slack_api, requests_), Guard(slack_api, caplog)


def _keys(raw: RedisCluster, prefix: str) -> list[str]:
    return sorted(k.decode() for k in raw.scan_iter(match=f"{prefix}:*", target_nodes=RedisCluster.ALL_NODES))  # fmt: skip


def test_the_whole_product_runs_on_a_cluster_and_a_workspace_keeps_one_slot(
    cluster, app_settings, knowledge, slack_api, requests_, caplog
) -> None:
    store = _cluster_store(cluster, app_settings)
    sim, guard = _app_on(store, app_settings, knowledge, slack_api, requests_, caplog)
    _everything(sim)
    guard.check_logs(what="a walk on the cluster")
    keys = _keys(store.client, store.prefix)
    assert {k.split(":")[2] for k in keys} >= {"flow", "decisions", "thread", "event"}
    assert {store.client.keyslot(k) for k in keys} == {store.client.keyslot(f"x{{{requests_.team_id}}}")}  # fmt: skip
    other = sim.requests.__class__(sim.requests.signing_secret, team_id="T0OTHER")
    SlackSim(sim.app, slack_api, other).command("/buildvsbuy", "another workspace")
    nodes = {store.client.get_node_from_key(k).name for k in _keys(store.client, store.prefix)}
    assert len(nodes) >= 1
    uninstall = sim.requests.event({"type": "app_uninstalled"})
    assert sim.send(uninstall).status == 200  # deletes the workspace: SCAN on every node, UNLINK
    left = _keys(store.client, store.prefix)
    assert left
    assert all("{T0OTHER}" in k for k in left), left
    store.delete_team("T0OTHER")
    assert _keys(store.client, store.prefix) == []


def test_oauth_installs_and_states_work_on_a_cluster(cluster, app_settings) -> None:
    store = _cluster_store(cluster, app_settings)
    installs = RedisInstallationStore(store.client, prefix=store.prefix, client_id="111.222")
    installs.save(Installation(app_id="A1", enterprise_id="E1", team_id="T1", user_id="U1",
                               bot_token="xoxb-1", bot_id="B1", bot_user_id="U0BOT"))  # fmt: skip
    found = installs.find_installation(enterprise_id="E1", team_id="T1", user_id="U1")
    assert found is not None
    assert found.bot_token == "xoxb-1"
    assert installs.find_bot(enterprise_id="E1", team_id="T1").bot_user_id == "U0BOT"  # type: ignore[union-attr]
    installs.delete_all(enterprise_id="E1", team_id="T1")  # one DEL of two keys
    assert installs.find_bot(enterprise_id="E1", team_id="T1") is None
    states = RedisOAuthStateStore(store.client, prefix=store.prefix, expiration_seconds=60)
    state = states.issue()
    assert states.consume(state) is True
    assert states.consume(state) is False


def test_a_cluster_node_going_down_is_state_unavailable_then_recovers(
    cluster, app_settings, knowledge, slack_api, requests_, caplog
) -> None:
    store = _cluster_store(cluster, app_settings)
    sim, guard = _app_on(store, app_settings, knowledge, slack_api, requests_, caplog)
    started = sim.command("/buildvsbuy", "support triage").message
    node = store.client.get_node_from_key(Key(requests_.team_id, "flow", "x").render(store.prefix))
    assert health(store) == {"ok": True, "redis": "ok"}
    owner = client(node.port)
    owner.execute_command("CLIENT PAUSE", 8000, "ALL")  # the node stops answering
    try:
        began = time.monotonic()
        reply = sim.click(started, "Yes")
        assert common.STATE_UNAVAILABLE in reply.all_text()
        assert time.monotonic() - began < 6, time.monotonic() - began
        guard.check(reply, what="a click while a node is down")
    finally:
        owner.execute_command("CLIENT UNPAUSE")
    again = sim.click(started, "Yes")
    guard.check(again, what="the same click once the node is back")
    assert common.STATE_UNAVAILABLE not in again.all_text()


def test_cluster_down_and_healthz(cluster, app_settings) -> None:
    store = _cluster_store(cluster, app_settings)
    assert store.health() == "ok"
    down = RedisCluster(host="127.0.0.1", port=cluster[0])
    down.cluster_info = lambda *a, **k: {"cluster_state": "fail"}  # type: ignore[method-assign]
    assert Store(down, prefix="x", default_ttl=60).health() == "unavailable"
    reply = redis.exceptions.ClusterDownError("CLUSTERDOWN The cluster is down")
    from bot.redis_client import unavailable

    assert unavailable(reply)
    assert unavailable(redis.exceptions.TryAgainError("TRYAGAIN"))
    assert unavailable(redis.exceptions.MovedError("3999 127.0.0.1:6381"))
    assert unavailable(redis.ReadOnlyError("READONLY You can't write against a read only replica."))  # fmt: skip
    assert not unavailable(redis.exceptions.CrossSlotTransactionError("a bug"))


def _sentinel_store(setup, settings: Settings) -> Store:
    return open_store(settings.model_copy(update={
        "redis_mode": "sentinel", "redis_url": setup.url, "redis_sentinel_master": setup.service,
    }))  # fmt: skip


def test_a_failover_in_the_middle_of_a_walk(
    sentinel, app_settings, knowledge, slack_api, requests_, caplog
) -> None:
    store = _sentinel_store(sentinel, app_settings)
    sim, guard = _app_on(store, app_settings, knowledge, slack_api, requests_, caplog)
    steps = LONGEST.steps
    message = sim.command("/buildvsbuy", "support triage").message
    half = len(steps) // 2
    message = walk(sim, message, steps[:half])
    assert health(store) == {"ok": True, "redis": "ok"}

    old, new = sentinel.fail_over()
    demoted = Store(client(old), prefix=store.prefix, default_ttl=60)
    assert health(demoted) == {"ok": True, "redis": "read-only"}
    with pytest.raises(StateUnavailable):  # writes on the demoted primary: READONLY
        demoted.put(key=Key("T0TEST", "probe", "x"), value=_Probe())

    for _node, answer in steps[half:]:  # the first write meets READONLY, retries, goes through
        reply = sim.click(message, "Yes" if answer == "yes" else "No")
        guard.check(reply, what="a click after the failover")
        assert common.STATE_UNAVAILABLE not in reply.all_text()
        message = reply.message
    assert buttons(message)
    assert "Post decision record" in json.dumps(message)
    assert health(store) == {"ok": True, "redis": "ok"}
    assert store.client.connection_pool.get_master_address()[1] == new


def test_sentinel_settings_are_checked() -> None:
    from bot.errors import ConfigError
    from bot.settings import load_settings

    with pytest.raises(ConfigError, match="REDIS_SENTINEL_MASTER"):
        load_settings(redis_mode="sentinel", redis_url="redis+sentinel://127.0.0.1:26379")
    with pytest.raises(ConfigError, match="REDIS_MODE"):
        load_settings(redis_url="redis+sentinel://127.0.0.1:26379")
    with pytest.raises(ConfigError, match="REDIS_URL"):
        load_settings(redis_mode="cluster")
    with pytest.raises(ConfigError, match="REDIS_PREFIX"):
        load_settings(redis_prefix="my{app}")


class _Probe(BaseModel):
    n: int = 1
