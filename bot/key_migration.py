"""Move keys written before the hash tags (issue 16) to their tagged names, once, at start-up.

Before, a workspace's keys were ``{p}:T123:flow:…`` and its installation
``{p}:install:{client_id}:E1:T123:bot``; now the team is a Redis Cluster hash tag,
``{p}:{T123}:flow:…`` and ``{p}:install:{client_id}:{E1:T123}:bot``. Without this, an
upgrade would lose the walks in progress, the decision log (kept for good) and, in
OAuth mode, every installation (no TTL: workspaces would have to reinstall).

``migrate`` SCANs the prefix and RENAMENXes each old-style key (its TTL goes with it). It is
idempotent and safe with several processes starting at once: a key another process already
moved is skipped. Old-style keys can only exist on a single server (a cluster never worked
with them), so a cluster is not scanned.

A finished scan writes ``{p}:key_scheme`` = ``SCHEME``; a start that finds it skips the scan
(one GET instead of a SCAN whose length grows with the keyspace). A process of the old version
still running during a rolling deploy may write old-style keys after that: ``python -m bot
migrate-keys`` (``force=True``) scans again, once the rollout is done.
"""

from __future__ import annotations

import logging
import re

import redis
from redis.cluster import RedisCluster

from bot.redis_client import Client, reply_text

log = logging.getLogger(__name__)
_INSTALL = re.compile(r"^install:(?P<client>[^:{}]+):(?P<enterprise>[^:{}]+):(?P<team>[^:{}]+):(?P<what>bot|installers)$")  # fmt: skip
_KEEP = ("install:", "oauth_state:", "{")
SCHEME = "2"  # 2: the team is a hash tag (issue 16)


def marker_key(prefix: str) -> str:
    """Which key scheme the keys under ``prefix`` are in (no TTL; holds ``SCHEME``)."""
    return f"{prefix}:key_scheme"


def new_name(key: str, prefix: str) -> str | None:
    """The tagged name of an old-style key under ``prefix``; None if it is not one."""
    if not key.startswith(prefix + ":"):
        return None
    rest = key[len(prefix) + 1 :]
    found = _INSTALL.match(rest)
    if found:
        where = f"{found['enterprise']}:{found['team']}"
        return f"{prefix}:install:{found['client']}:{{{where}}}:{found['what']}"
    if rest.startswith(_KEEP) or ":" not in rest:
        return None
    team, _, tail = rest.partition(":")
    return f"{prefix}:{{{team}}}:{tail}"


def migrate(client: Client, prefix: str, *, force: bool = False) -> int:
    """Rename every old-style key under ``prefix``; how many moved. Skipped (0) once a scan
    has finished, unless ``force``."""
    if isinstance(client, RedisCluster):
        return 0
    marker = marker_key(prefix)
    if not force and reply_text(client.get(marker)) == SCHEME:
        return 0
    moved = 0
    for raw in client.scan_iter(match=f"{prefix}:*", count=1000):
        key = reply_text(raw)
        target = new_name(key, prefix)
        if target is None:
            continue
        try:
            moved += int(bool(client.renamenx(key, target)))
        except redis.ResponseError:  # gone meanwhile: another process moved it
            continue
    client.set(marker, SCHEME)
    if moved:
        log.info("moved %d keys to their hash-tagged names", moved)
    return moved
