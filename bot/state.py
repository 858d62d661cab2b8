"""Conversation state in Redis: get, create, compare-and-set update, all with TTLs.

Every value is a pydantic model stored as JSON in a Redis hash ``{v: version,
d: json}`` under ``{prefix}:{{team}}:{kind}:{id}``. ``update`` is a Lua
compare-and-set on the version, so of two simultaneous writers exactly one wins.
A read is one round trip (HMGET) and a write is one (EVALSHA).

The braces around the team id are a Redis Cluster hash tag: every key of a workspace lives
in one hash slot, so the operations on several keys (the capped lists' pipeline, a
workspace's deletion) work on a cluster. Keys are only ever built by ``Key.render``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from bot import redis_client
from bot.errors import StateConflict, StateMissing, StateUnavailable
from bot.redis_client import Client, forget_connections, read_only, unavailable
from bot.settings import Settings

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

_CREATE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'v', 1, 'd', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""
_UPDATE = """
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return -1 end
if v ~= ARGV[1] then return {-2, v, redis.call('HGET', KEYS[1], 'd')} end
local nv = tonumber(v) + 1
redis.call('HSET', KEYS[1], 'v', nv, 'd', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return nv
"""
_PUT = """
local nv = redis.call('HINCRBY', KEYS[1], 'v', 1)
redis.call('HSET', KEYS[1], 'd', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return nv
"""

# keep: create (expected version 0) or compare-and-set, and the key never expires
_KEEP = """
local v = redis.call('HGET', KEYS[1], 'v') or '0'
if v ~= ARGV[1] then return {-2, v, redis.call('HGET', KEYS[1], 'd') or ''} end
local nv = tonumber(v) + 1
redis.call('HSET', KEYS[1], 'v', nv, 'd', ARGV[2])
redis.call('PERSIST', KEYS[1])
return nv
"""


@dataclass(frozen=True)
class Key:
    """A state key: which workspace, which kind of conversation, which one."""

    team: str
    kind: str
    id: str

    def render(self, prefix: str) -> str:
        """``{prefix}:{{team}}:{kind}:{id}``: the team is the hash tag (never empty)."""
        return f"{prefix}:{team_tag(self.team)}:{self.kind}:{self.id}"


def team_tag(team: str) -> str:
    """A workspace's part of every key, ``{T123}``: a Redis Cluster hash tag, so all of a
    workspace's keys share one slot."""
    return "{" + (team or "-") + "}"


@dataclass(frozen=True)
class Versioned(Generic[M]):
    version: int
    value: M


@contextmanager
def _redis_errors(client: Client | None = None) -> Iterator[None]:
    """Redis errors that mean "unavailable right now" become StateUnavailable (a READONLY
    also drops ``client``'s connections, so the next command finds the current primary)."""
    try:
        yield
    except Exception as exc:
        if not unavailable(exc):
            raise
        if client is not None and read_only(exc):
            forget_connections(client)
        log.warning("state store unavailable: %s", type(exc).__name__)
        raise StateUnavailable("state store unavailable") from exc


def _glob_escape(text: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)


redis_errors = _redis_errors  # public name for the other Redis-backed stores (bot/oauth_store.py)


def _parse(
    model: type[M], version: bytes | str | None, data: bytes | str | None, key: Key
) -> Versioned[M] | None:
    if version is None or data is None:
        return None
    try:
        return Versioned(int(version), model.model_validate_json(data))
    except ValidationError:
        log.warning("discarding unreadable %s state", key.kind)
        return None


class Store:
    """Keyword-only conversation store over one Redis client and one key prefix."""

    def __init__(self, client: Client, *, prefix: str, default_ttl: int) -> None:
        self.client = client
        self.prefix = prefix
        self.default_ttl = default_ttl
        self._create = client.register_script(_CREATE)
        self._update = client.register_script(_UPDATE)
        self._put = client.register_script(_PUT)
        self._keep = client.register_script(_KEEP)

    def _key(self, key: Key) -> str:
        return key.render(self.prefix)

    def _write(self, call: Callable[[], T]) -> T:
        """One write; after a READONLY (a failover moved the primary) once more, on new
        connections: the refused write did not happen, so repeating it is safe."""
        try:
            with _redis_errors(self.client):
                return call()
        except StateUnavailable as exc:
            if not read_only(exc.__cause__):
                raise
        with _redis_errors(self.client):
            return call()

    def get(self, *, key: Key, model: type[M]) -> Versioned[M] | None:
        """The stored value and its version, or None if absent, expired or unreadable."""
        with _redis_errors(self.client):
            version, data = self.client.hmget(self._key(key), ["v", "d"])
        return _parse(model, version, data, key)

    def create(self, *, key: Key, value: BaseModel, ttl: int | None = None) -> Versioned:
        """Store a new value at version 1; StateConflict if the key exists."""
        args = [value.model_dump_json(), ttl or self.default_ttl]
        created = self._write(lambda: self._create(keys=[self._key(key)], args=args))
        if not created:
            raise StateConflict(f"{key.kind} already exists")
        return Versioned(1, value)

    def update(
        self, *, key: Key, expected_version: int, value: BaseModel, ttl: int | None = None
    ) -> Versioned:
        """Compare-and-set: write only if the stored version is still ``expected_version``.

        One round trip. A lost race raises StateConflict carrying the winner's value
        (``.current``), so the caller can say who won without reading again."""
        args = [expected_version, value.model_dump_json(), ttl or self.default_ttl]
        result = self._write(lambda: self._update(keys=[self._key(key)], args=args))
        if isinstance(result, list):  # lost the race: the winner's value comes back with it
            current = _parse(type(value), result[1], result[2], key)
            raise StateConflict(f"{key.kind} changed", current=current)
        if int(result) == -1:
            raise StateMissing(f"{key.kind} expired")
        return Versioned(int(result), value)

    def put(self, *, key: Key, value: BaseModel, ttl: int | None = None) -> Versioned:
        """Write unconditionally (last writer wins), bumping the version."""
        args = [value.model_dump_json(), ttl or self.default_ttl]
        version = int(self._write(lambda: self._put(keys=[self._key(key)], args=args)))
        return Versioned(version, value)

    def keep(self, *, key: Key, expected_version: int, value: BaseModel) -> Versioned:
        """Like ``update``, but the key never expires (records kept for good), and
        ``expected_version=0`` creates it. StateConflict (with ``.current``, None when the key
        is absent) if the stored version differs."""
        args = [expected_version, value.model_dump_json()]
        result = self._write(lambda: self._keep(keys=[self._key(key)], args=args))
        if isinstance(result, list):
            current = _parse(type(value), result[1], result[2] or None, key)
            raise StateConflict(f"{key.kind} changed", current=current)
        return Versioned(int(result), value)

    def delete(self, *, key: Key) -> None:
        self._write(lambda: self.client.delete(self._key(key)))

    def claim(self, *, key: Key, ttl: int) -> bool:
        """Set-if-absent with a TTL: True for the first caller only (event dedupe)."""
        return bool(self._write(lambda: self.client.set(self._key(key), "1", nx=True, ex=ttl)))

    def push_recent(self, *, key: Key, value: BaseModel, keep: int, ttl: int) -> None:
        """Prepend to a capped list (newest first), in one round trip."""
        self.push_recent_many(lists=[(key, keep)], value=value, ttl=ttl)

    def push_recent_many(self, *, lists: list[tuple[Key, int]], value: BaseModel, ttl: int) -> None:
        """Prepend ``value`` to several capped lists ``(key, keep)``, in one round trip."""
        data = value.model_dump_json()

        def push() -> object:  # one transaction: every list is the same workspace's (one slot)
            pipe = self.client.pipeline(transaction=True)
            for key, keep in lists:
                name = self._key(key)
                pipe.lpush(name, data)
                pipe.ltrim(name, 0, keep - 1)
                pipe.expire(name, ttl)
            return pipe.execute()

        self._write(push)

    def recent(self, *, key: Key, model: type[M], limit: int) -> list[M]:
        with _redis_errors(self.client):
            raw = self.client.lrange(self._key(key), 0, limit - 1)
        items = []
        for data in raw:
            try:
                items.append(model.model_validate_json(data))
            except ValidationError:
                log.warning("skipping unreadable %s entry", key.kind)
        return items

    def delete_team(self, team: str) -> int:
        """Delete every key of one workspace (after it uninstalled the app); returns how many."""
        pattern = f"{self.prefix}:{_glob_escape(team_tag(team))}:*"
        deleted = 0
        with _redis_errors(self.client):
            batch: list[bytes] = []
            for name in self.client.scan_iter(match=pattern, count=500):
                batch.append(name)
                if len(batch) >= 500:
                    deleted += int(self.client.unlink(*batch))
                    batch = []
            if batch:
                deleted += int(self.client.unlink(*batch))
        return deleted

    def ping(self) -> bool:
        return self.health() != "unavailable"

    def health(self) -> str:
        """``ok``, ``read-only`` (writes would fail: a replica or a demoted primary) or
        ``unavailable``."""
        return redis_client.health(self.client)


connect = redis_client.connect


def open_store(settings: Settings, client: Client | None = None) -> Store:
    return Store(
        client if client is not None else connect(settings),
        prefix=settings.redis_prefix,
        default_ttl=settings.state_ttl_seconds,
    )
