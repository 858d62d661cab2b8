"""Keys from before the hash tags move to their tagged names at start-up, TTLs kept, once."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from bot.key_migration import SCHEME, marker_key, migrate, new_name
from bot.oauth_store import RedisInstallationStore
from bot.state import Key, Store


class Counter(BaseModel):
    n: int


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("p:T1:flow:bvb:abc", "p:{T1}:flow:bvb:abc"),
        ("p:T1:decisions:user:U1", "p:{T1}:decisions:user:U1"),
        ("p:T1:thread:C1:1.2", "p:{T1}:thread:C1:1.2"),
        ("p:E1:event:Ev1", "p:{E1}:event:Ev1"),
        ("p:install:111.222:E1:T1:bot", "p:install:111.222:{E1:T1}:bot"),
        ("p:install:111.222:-:T1:installers", "p:install:111.222:{-:T1}:installers"),
        ("p:{T1}:flow:bvb:abc", None),  # already tagged
        ("p:install:111.222:{E1:T1}:bot", None),
        ("p:oauth_state:abc", None),  # no team in it
        ("q:T1:flow:x", None),  # another prefix
        ("p:lonely", None),
    ],
)
def test_new_names(old: str, new: str | None) -> None:
    assert new_name(old, "p") == new


def test_migrate_moves_data_and_ttls_once(store: Store, redis_client) -> None:
    p = store.prefix
    redis_client.hset(f"{p}:T1:flow:bvb:f1", mapping={"v": 3, "d": Counter(n=7).model_dump_json()})
    redis_client.expire(f"{p}:T1:flow:bvb:f1", 500)
    redis_client.lpush(f"{p}:T1:decisions:recent", Counter(n=1).model_dump_json())
    bot = {"bot_token": "xoxb-1", "team_id": "T1", "enterprise_id": None, "bot_id": "B1",
           "bot_user_id": "U0BOT", "installed_at": 1.0, "app_id": "A1"}  # fmt: skip
    redis_client.set(f"{p}:install:111.222:-:T1:bot", json.dumps(bot))
    redis_client.set(f"{p}:oauth_state:s1", "1.0", ex=60)

    assert migrate(redis_client, p) == 3
    got = store.get(key=Key("T1", "flow", "bvb:f1"), model=Counter)
    assert got is not None
    assert (got.version, got.value.n) == (3, 7)
    assert 400 < redis_client.ttl(Key("T1", "flow", "bvb:f1").render(p)) <= 500
    assert store.recent(key=Key("T1", "decisions", "recent"), model=Counter, limit=5) == [Counter(n=1)]  # fmt: skip
    installs = RedisInstallationStore(redis_client, prefix=p, client_id="111.222")
    assert installs.find_bot(enterprise_id=None, team_id="T1").bot_token == "xoxb-1"  # type: ignore[union-attr]
    assert redis_client.exists(f"{p}:oauth_state:s1") == 1
    assert migrate(redis_client, p) == 0
    keys = sorted(k.decode() for k in redis_client.scan_iter(match=f"{p}:*"))
    assert all(new_name(k, p) is None for k in keys), keys


def test_a_finished_scan_is_remembered_and_force_scans_again(store: Store, redis_client) -> None:
    """The marker saves later starts the SCAN; an old-version process that wrote an old-style
    key after it (a rolling deploy) is caught by ``python -m bot migrate-keys`` (force)."""
    p = store.prefix
    assert migrate(redis_client, p) == 0
    assert redis_client.get(marker_key(p)) == SCHEME.encode()
    redis_client.set(f"{p}:T1:flow:bvb:late", "x")  # written by an old process after the scan
    assert migrate(redis_client, p) == 0  # a start: one GET, no scan
    assert redis_client.exists(f"{p}:T1:flow:bvb:late") == 1
    assert migrate(redis_client, p, force=True) == 1
    assert redis_client.get(f"{p}:{{T1}}:flow:bvb:late") == b"x"
    assert new_name(marker_key(p), p) is None  # the marker itself is never renamed
