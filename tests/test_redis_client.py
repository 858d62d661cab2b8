"""REDIS_MODE's client: the sentinel URL, which errors are "unavailable", the role check."""

from __future__ import annotations

import pytest
import redis
from redis.exceptions import ClusterDownError, CrossSlotTransactionError, TryAgainError

from bot.redis_client import health, read_only, sentinels, unavailable
from tests.support.dead_redis import dead_redis


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("redis+sentinel://s1:26379,s2:26380/2", ([("s1", 26379), ("s2", 26380)], None, 2)),
        ("redis+sentinel://:p%40ss@s1:26379/0", ([("s1", 26379)], "p@ss", 0)),
        ("redis+sentinel://user:pw@s1,s2:1", ([("s1", 26379), ("s2", 1)], "pw", 0)),
        ("redis://10.0.0.1:26379", ([("10.0.0.1", 26379)], None, 0)),
    ],
)
def test_sentinel_urls(url, expected) -> None:
    assert sentinels(url) == expected


SCRIPT_READONLY = "Error running script (call to f_1): @user_script:2: -READONLY You can't write against a read only replica."  # fmt: skip


@pytest.mark.parametrize(
    ("error", "is_unavailable", "is_read_only"),
    [
        (redis.ConnectionError("refused"), True, False),
        (redis.TimeoutError("slow"), True, False),
        (redis.ReadOnlyError("You can't write against a read only replica."), True, True),
        (redis.ResponseError(SCRIPT_READONLY), True, True),
        (ClusterDownError("CLUSTERDOWN The cluster is down"), True, False),
        (TryAgainError("TRYAGAIN"), True, False),
        (redis.ResponseError("LOADING Redis is loading the dataset in memory"), True, False),
        (redis.ResponseError("MASTERDOWN Link with MASTER is down"), True, False),
        (redis.ConnectionError("The previous master is now a slave"), True, True),
        (redis.ResponseError("WRONGTYPE Operation against a key"), False, False),
        (redis.ResponseError("ERR unknown command"), False, False),
        (CrossSlotTransactionError("keys in several slots"), False, False),  # a bug: stays loud
        (ValueError("not Redis"), False, False),
    ],
)
def test_which_errors_mean_unavailable(error, is_unavailable, is_read_only) -> None:
    assert unavailable(error) is is_unavailable
    assert read_only(error) is is_read_only


def test_health_from_the_role(redis_client) -> None:
    assert health(redis_client) == "ok"
    dead = dead_redis()
    assert health(dead) == "unavailable"

    class Replica(redis.Redis):
        def execute_command(self, *args, **kwargs):
            return [b"slave", "10.0.0.1", 6379, "connected", 10]

    assert health(Replica()) == "read-only"
