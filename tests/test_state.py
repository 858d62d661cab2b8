"""The conversation store: versions, compare-and-set, TTLs, persistence, outages."""

from __future__ import annotations

import re
import subprocess
import sys
import threading

import pytest
import redis
from pydantic import BaseModel

from bot.errors import StateConflict, StateMissing, StateUnavailable
from bot.settings import PROJECT_ROOT
from bot.state import Key, Store
from tests.support.dead_redis import dead_redis

KEY = Key(team="T1", kind="flow", id="f1")


class Counter(BaseModel):
    n: int
    who: str = ""


def test_create_get_update_roundtrip(store: Store) -> None:
    assert store.get(key=KEY, model=Counter) is None
    assert store.create(key=KEY, value=Counter(n=1)).version == 1
    got = store.get(key=KEY, model=Counter)
    assert (got.version, got.value) == (1, Counter(n=1))
    assert store.update(key=KEY, expected_version=1, value=Counter(n=2)).version == 2
    assert store.get(key=KEY, model=Counter).value.n == 2


def test_create_twice_conflicts(store: Store) -> None:
    store.create(key=KEY, value=Counter(n=1))
    with pytest.raises(StateConflict):
        store.create(key=KEY, value=Counter(n=9))
    assert store.get(key=KEY, model=Counter).value.n == 1


@pytest.mark.parametrize(
    ("expected", "error"),
    [(0, StateConflict), (2, StateConflict), (99, StateConflict)],
)
def test_update_with_wrong_version_changes_nothing(store: Store, expected, error) -> None:
    store.create(key=KEY, value=Counter(n=1))
    with pytest.raises(error):
        store.update(key=KEY, expected_version=expected, value=Counter(n=5))
    assert store.get(key=KEY, model=Counter).value.n == 1


def test_update_of_missing_key_says_missing(store: Store) -> None:
    with pytest.raises(StateMissing):
        store.update(key=KEY, expected_version=1, value=Counter(n=1))


def test_every_write_sets_a_ttl(store: Store, redis_client: redis.Redis) -> None:
    name = KEY.render(store.prefix)
    store.create(key=KEY, value=Counter(n=1), ttl=120)
    assert 0 < redis_client.ttl(name) <= 120
    store.update(key=KEY, expected_version=1, value=Counter(n=2), ttl=50)
    assert 0 < redis_client.ttl(name) <= 50
    store.put(key=KEY, value=Counter(n=3), ttl=40)
    assert 0 < redis_client.ttl(name) <= 40
    claim = Key("T1", "event", "Ev1")
    assert store.claim(key=claim, ttl=30)
    assert 0 < redis_client.ttl(claim.render(store.prefix)) <= 30
    recent = Key("T1", "decisions", "recent")
    store.push_recent(key=recent, value=Counter(n=1), keep=3, ttl=70)
    assert 0 < redis_client.ttl(recent.render(store.prefix)) <= 70


def test_concurrent_writers_exactly_one_wins(store: Store) -> None:
    store.create(key=KEY, value=Counter(n=0))
    barrier = threading.Barrier(8)
    wins: list[str] = []
    losses: list[str] = []
    conflicts: list = []

    def writer(name: str) -> None:
        barrier.wait()
        try:
            store.update(key=KEY, expected_version=1, value=Counter(n=1, who=name))
            wins.append(name)
        except StateConflict as exc:
            losses.append(name)
            conflicts.append(exc.current)

    threads = [threading.Thread(target=writer, args=(f"w{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(wins) == 1
    assert len(losses) == 7
    assert all(c.version == 2 and c.value.who == wins[0] for c in conflicts)
    assert store.get(key=KEY, model=Counter).value.who == wins[0]


def test_claim_is_set_if_absent(store: Store) -> None:
    key = Key("T1", "event", "Ev123")
    assert store.claim(key=key, ttl=60) is True
    assert store.claim(key=key, ttl=60) is False


def test_recent_keeps_newest_first_and_caps(store: Store) -> None:
    key = Key("T1", "decisions", "recent")
    for n in range(5):
        store.push_recent(key=key, value=Counter(n=n), keep=3, ttl=60)
    assert [c.n for c in store.recent(key=key, model=Counter, limit=10)] == [4, 3, 2]


def test_push_recent_many_writes_every_list(store: Store, redis_client: redis.Redis) -> None:
    team, alice = Key("T1", "decisions", "recent"), Key("T1", "decisions", "user:U1")
    for n in range(3):
        store.push_recent_many(lists=[(team, 2), (alice, 5)], value=Counter(n=n), ttl=60)
    assert [c.n for c in store.recent(key=team, model=Counter, limit=10)] == [2, 1]
    assert [c.n for c in store.recent(key=alice, model=Counter, limit=10)] == [2, 1, 0]
    assert 0 < redis_client.ttl(alice.render(store.prefix)) <= 60


def test_unreadable_value_reads_as_absent(store: Store, redis_client: redis.Redis) -> None:
    redis_client.hset(KEY.render(store.prefix), mapping={"v": 1, "d": '{"nope": true}'})
    assert store.get(key=KEY, model=Counter) is None


def test_keys_stay_under_the_prefix_and_team(store: Store, redis_client: redis.Redis) -> None:
    store.create(key=Key("TA", "flow", "x"), value=Counter(n=1))
    store.create(key=Key("TB", "flow", "x"), value=Counter(n=2))
    assert store.get(key=Key("TA", "flow", "x"), model=Counter).value.n == 1
    assert sorted(redis_client.scan_iter(match=f"{store.prefix}:*")) == [
        f"{store.prefix}:{{TA}}:flow:x".encode(),
        f"{store.prefix}:{{TB}}:flow:x".encode(),
    ]


def test_unreachable_redis_raises_state_unavailable() -> None:
    dead = dead_redis()
    store = Store(dead, prefix="test-dead", default_ttl=60)
    assert store.ping() is False
    with pytest.raises(StateUnavailable):
        store.get(key=KEY, model=Counter)
    with pytest.raises(StateUnavailable):
        store.create(key=KEY, value=Counter(n=1))


SCRIPT = """
import sys
from pydantic import BaseModel
from bot.settings import Settings
from bot.state import Key, open_store
class C(BaseModel):
    n: int
store = open_store(Settings(state_dir=sys.argv[1], redis_prefix="persist"))
key = Key("T1", "flow", "survivor")
got = store.get(key=key, model=C)
print(got.value.n if got else "none")
store.put(key=key, value=C(n=(got.value.n + 1) if got else 1))
"""


def test_embedded_state_survives_a_process_restart(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    runs = [
        subprocess.run(
            [sys.executable, "-c", SCRIPT, str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        for _ in range(3)
    ]
    assert runs == ["none", "1", "2"]


# --- Redis Cluster: every operation on several keys stays in one hash slot ------------------

MULTI_KEY_OPS = {  # every place in bot/ that sends several keys in one command or round trip
    ("bot/state.py", "pipeline(transaction=True)"): "Store.push_recent_many",
    ("bot/state.py", "unlink(*batch)"): "Store.delete_team",
    ("bot/oauth_store.py", "pipeline(transaction=True)"): "RedisInstallationStore.save",
    ("bot/oauth_store.py", "pipeline(transaction=False)"): "RedisInstallationStore.find_installation",
    ("bot/oauth_store.py", "delete(*self.keys_for"): "RedisInstallationStore.delete_all",
    ("bot/state.py", "register_script(_"): "Store's Lua scripts (one key each)",
    ("bot/features/spend/store.py", "pipeline(transaction=False)"): "SpendStore.month, dashboard, months, after_ingest",
    ("bot/features/spend/store.py", "register_script(_INGEST)"): "SpendStore.ingest (one script)",
}
MULTI_KEY_CALLS = re.compile(r"pipeline\(|register_script\(|\.(?:delete|unlink|mget|mset|exists|touch)\(\*|\.(?:eval|evalsha)\(|numkeys")  # fmt: skip


def test_the_list_of_multi_key_operations_is_complete() -> None:
    """A new multi-key operation must join MULTI_KEY_OPS (and the slot proof below)."""
    found = set()
    for path in sorted((PROJECT_ROOT / "bot").rglob("*.py")):
        if "devtools" in path.parts:
            continue
        for line in path.read_text().splitlines():
            if MULTI_KEY_CALLS.search(line):
                where = str(path.relative_to(PROJECT_ROOT))
                found.add(next((k for k in MULTI_KEY_OPS if k[0] == where and k[1] in line), (where, line.strip())))  # fmt: skip
    assert found == set(MULTI_KEY_OPS)


@pytest.fixture
def key_groups(monkeypatch) -> list[list[str]]:
    """The keys of every pipeline and every multi-key command sent, one list per round trip."""
    groups: list[list[str]] = []
    execute, command = redis.client.Pipeline.execute, redis.Redis.execute_command

    def pipeline_execute(self, *args, **kwargs):
        groups.append([str(a[1], "utf-8") if isinstance(a[1], bytes) else str(a[1]) for a, _ in self.command_stack])  # fmt: skip
        return execute(self, *args, **kwargs)

    def execute_command(self, *args, **kwargs):
        name = str(args[0]).upper()
        if name in ("DEL", "UNLINK", "MGET", "EXISTS", "TOUCH"):
            groups.append([k.decode() if isinstance(k, bytes) else str(k) for k in args[1:]])
        elif name in ("EVALSHA", "EVAL"):
            groups.append([str(k) for k in args[3 : 3 + int(args[2])]])
        return command(self, *args, **kwargs)

    monkeypatch.setattr(redis.client.Pipeline, "execute", pipeline_execute)
    monkeypatch.setattr(redis.Redis, "execute_command", execute_command)
    return groups


def test_every_multi_key_operation_keeps_one_hash_slot(store: Store, key_groups) -> None:
    from redis.cluster import key_slot
    from slack_sdk.oauth.installation_store import Installation

    from bot.oauth_store import RedisInstallationStore

    recent = [(Key("T1", "decisions", "recent"), 50), (Key("T1", "decisions", "user:U1"), 20),
              (Key("T1", "decisions", "user:U2"), 20)]  # fmt: skip
    store.push_recent_many(lists=recent, value=Counter(n=1), ttl=60)
    for i in range(3):
        store.create(key=Key("T1", "flow", f"bvb:{i}"), value=Counter(n=i))
    installs = RedisInstallationStore(store.client, prefix=store.prefix, client_id="111.222")
    for enterprise, team in (("E1", "T1"), (None, "T2"), ("E3", None)):
        installs.save(Installation(app_id="A1", enterprise_id=enterprise, team_id=team,
                                   user_id="U1", bot_token="xoxb-1"))  # fmt: skip
        installs.find_installation(enterprise_id=enterprise, team_id=team)
        installs.find_installation(enterprise_id=enterprise, team_id=team, user_id="U1")
        installs.delete_all(enterprise_id=enterprise, team_id=team)
    from bot.features.spend.store import Batch, SpendStore

    spend, month = SpendStore(store, "T1", id_ttl=60), "2026-12"
    spend.ingest(Batch(base=[(month, "d|01|f|m|n", "1")], base_users=[(month, "U1")],
                       records=[("r1", [(month, "d|01|f|m|i", "5")], [(month, "U2")])],
                       report=[(month, "d|01|f|m|n")]))  # fmt: skip
    spend.month(month)
    spend.dashboard(month)
    spend.months([month, "2026-11"])
    spend.after_ingest()
    assert store.delete_team("T1") == 9  # 3 lists, 3 flows, the month, its users, one seen id
    several = [g for g in key_groups if len(g) > 1]
    assert len(several) >= 1 + 3 * 4 + 5 + 1, key_groups  # each operation above was seen
    for group in several:
        assert len({key_slot(k.encode()) for k in group}) == 1, group
