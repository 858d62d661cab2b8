"""Spend data in Redis, every key built by ``bot.state.Key`` under the workspace's team, so
a workspace's keys share a Redis Cluster hash slot and every multi-key script stays in it.

| key (``{p}:{team}:spend:...``) | holds | TTL |
| --- | --- | --- |
| ``forecasts`` | hash feature -> Forecast JSON | none (kept) |
| ``month:{YYYY-MM}`` | hash of counters (``bot.domain.usage.ledger``) | none (kept) |
| ``users:{YYYY-MM}`` | set of the month's active users | none (kept) |
| ``seen:{sha256(id)[:32]}`` | a record id already counted | ``USAGE_ID_TTL_SECONDS`` |
| ``alert:{YYYY-MM}:{feature}:{75,100}`` | that alert was claimed (sent) | 62 days |
| ``token`` | hash: SHA-256 of the workspace's usage token, who created it | none |
| ``digests`` | hash channel -> the scheduled weekly digest | none |
| ``digest_refresh:{channel}`` | the digest was rescheduled within the hour | 1 hour |
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from bot.domain.usage.forecast import Forecast
from bot.domain.usage.ledger import Increment
from bot.settings import Settings
from bot.state import Key, Store, redis_errors

KIND = "spend"
SINGLE_TEAM = "single"  # single-workspace mode: ingest can't learn the team id, one is used
ALERT_TTL = 62 * 86_400
REFRESH_TTL = 3600

_INGEST = """
local p = cjson.decode(ARGV[1])
for _, x in ipairs(p.base) do redis.call('HINCRBY', KEYS[x[1]], x[2], x[3]) end
for _, u in ipairs(p.base_users) do redis.call('SADD', KEYS[u[1]], u[2]) end
local dup = {}
for i, r in ipairs(p.records) do
  if redis.call('SET', KEYS[r.seen], '1', 'NX', 'EX', ARGV[2]) then
    for _, x in ipairs(r.inc) do redis.call('HINCRBY', KEYS[x[1]], x[2], x[3]) end
    for _, u in ipairs(r.users) do redis.call('SADD', KEYS[u[1]], u[2]) end
  else
    dup[#dup + 1] = i
  end
end
local out = {}
for _, q in ipairs(p.report) do out[#out + 1] = redis.call('HGET', KEYS[q[1]], q[2]) or '0' end
return {dup, out}
"""


def spend_team(settings: Settings, team: str) -> str:
    """Whose spend keys a request reads: its workspace in OAuth mode, else the one workspace."""
    return team if settings.oauth_enabled else SINGLE_TEAM


def key(team: str, name: str) -> Key:
    return Key(team, KIND, name)


def seen_id(record_id: str) -> str:
    return "seen:" + hashlib.sha256(record_id.encode()).hexdigest()[:32]


@dataclass
class Batch:
    """One ingest: counters without an id (summed), and one entry per record with an id."""

    base: list[Increment] = field(default_factory=list)
    base_users: list[tuple[str, str]] = field(default_factory=list)  # (month, user)
    records: list[tuple[str, list[Increment], list[tuple[str, str]]]] = field(
        default_factory=list
    )  # (id, increments, users)
    report: list[tuple[str, str]] = field(default_factory=list)  # (month, field) to read back


@dataclass(frozen=True)
class Ingested:
    duplicates: tuple[int, ...]  # positions in Batch.records
    report: dict[tuple[str, str], int]


class SpendStore:
    def __init__(self, store: Store, team: str, *, id_ttl: int) -> None:
        self.store, self.team, self.id_ttl = store, team, id_ttl
        self.client = store.client

    def _name(self, name: str) -> str:
        return key(self.team, name).render(self.store.prefix)

    # -- usage --------------------------------------------------------------------------

    def ingest(self, batch: Batch) -> Ingested:
        """Every counter of ``batch`` in one script: all of it counts or none of it (a
        Redis outage raises StateUnavailable and nothing was written)."""
        keys: list[str] = []
        index: dict[str, int] = {}

        def at(name: str) -> int:
            if name not in index:
                keys.append(self._name(name))
                index[name] = len(keys)
            return index[name]

        def incs(items: Sequence[Increment]) -> list[list]:
            return [[at(f"month:{m}"), f, str(a)] for m, f, a in items]

        def adds(items: Sequence[tuple[str, str]]) -> list[list]:
            return [[at(f"users:{m}"), u] for m, u in items]

        payload = {
            "base": incs(batch.base),
            "base_users": adds(batch.base_users),
            "records": [
                {"seen": at(seen_id(rid)), "inc": incs(i), "users": adds(u)}
                for rid, i, u in batch.records
            ],
            "report": [[at(f"month:{m}"), f] for m, f in batch.report],
        }
        if not keys:
            return Ingested(duplicates=(), report={})
        text = json.dumps(payload, separators=(",", ":"))
        with redis_errors():
            dup, out = _script(self.client)(keys=keys, args=[text, self.id_ttl])
        return Ingested(
            duplicates=tuple(int(i) - 1 for i in dup),
            report={q: int(v) for q, v in zip(batch.report, out, strict=True)},
        )

    def month(self, month: str) -> tuple[dict[str, int], int]:
        """(the month's counters, its number of active users), in one round trip."""
        with redis_errors():
            pipe = self.client.pipeline(transaction=False)
            pipe.hgetall(self._name(f"month:{month}"))
            pipe.scard(self._name(f"users:{month}"))
            fields, users = pipe.execute()
        return {_s(k): int(v) for k, v in fields.items()}, int(users)

    def dashboard(self, month: str) -> tuple[dict[str, int], int, dict[str, Forecast]]:
        """(the month's counters, its active users, the forecasts), in one round trip."""
        with redis_errors():
            pipe = self.client.pipeline(transaction=False)
            pipe.hgetall(self._name(f"month:{month}"))
            pipe.scard(self._name(f"users:{month}"))
            pipe.hgetall(self._name("forecasts"))
            fields, users, forecasts = pipe.execute()
        found = {_s(k): _forecast(v) for k, v in forecasts.items()}
        return (
            {_s(k): int(v) for k, v in fields.items()},
            int(users),
            {k: v for k, v in sorted(found.items()) if v is not None},
        )

    def months(self, months: Sequence[str]) -> dict[str, dict[str, int]]:
        with redis_errors():
            pipe = self.client.pipeline(transaction=False)
            for month in months:
                pipe.hgetall(self._name(f"month:{month}"))
            found = pipe.execute()
        return {m: {_s(k): int(v) for k, v in f.items()} for m, f in zip(months, found, strict=True)}

    def spent(self, month: str, field_name: str) -> int:
        with redis_errors():
            return int(self.client.hget(self._name(f"month:{month}"), field_name) or 0)

    # -- forecasts ----------------------------------------------------------------------

    def save_forecast(self, forecast: Forecast) -> None:
        with redis_errors():
            self.client.hset(self._name("forecasts"), forecast.feature, forecast.model_dump_json())

    def forecast(self, feature: str) -> Forecast | None:
        with redis_errors():
            raw = self.client.hget(self._name("forecasts"), feature)
        return _forecast(raw)

    def forecasts(self) -> dict[str, Forecast]:
        with redis_errors():
            raw = self.client.hgetall(self._name("forecasts"))
        found = {_s(k): _forecast(v) for k, v in raw.items()}
        return {k: v for k, v in sorted(found.items()) if v is not None}

    # -- alerts, tokens, digests --------------------------------------------------------

    def after_ingest(self) -> tuple[dict[str, Forecast], dict[str, dict]]:
        """(forecasts, digests), in one round trip."""
        with redis_errors():
            pipe = self.client.pipeline(transaction=False)
            pipe.hgetall(self._name("forecasts"))
            pipe.hgetall(self._name("digests"))
            forecasts, digests = pipe.execute()
        found = {_s(k): _forecast(v) for k, v in forecasts.items()}
        return (
            {k: v for k, v in sorted(found.items()) if v is not None},
            {_s(k): json.loads(v) for k, v in digests.items()},
        )

    def claim_alert(self, month: str, feature: str, threshold: int) -> bool:
        """True for exactly one caller per month, feature and threshold (SET NX)."""
        with redis_errors():
            name = self._name(f"alert:{month}:{feature}:{threshold}")
            return bool(self.client.set(name, "1", nx=True, ex=ALERT_TTL))

    def release_alert(self, month: str, feature: str, threshold: int) -> None:
        """The alert could not be posted: let the next ingest try again."""
        with redis_errors():
            self.client.delete(self._name(f"alert:{month}:{feature}:{threshold}"))

    def set_token(self, digest: str, user: str) -> None:
        with redis_errors():
            self.client.hset(self._name("token"), mapping={"hash": digest, "by": user})

    def token(self) -> tuple[str, str] | None:
        """(SHA-256 of the workspace's usage token, who created it), or None."""
        with redis_errors():
            found = self.client.hmget(self._name("token"), ["hash", "by"])
        digest, user = found
        return None if digest is None else (_s(digest), _s(user or b""))

    def digests(self) -> dict[str, dict]:
        with redis_errors():
            raw = self.client.hgetall(self._name("digests"))
        return {_s(k): json.loads(v) for k, v in raw.items()}

    def set_digest(self, channel: str, entry: dict | None) -> None:
        with redis_errors():
            if entry is None:
                self.client.hdel(self._name("digests"), channel)
            else:
                self.client.hset(self._name("digests"), channel, json.dumps(entry))

    def claim_refresh(self, channel: str) -> bool:
        with redis_errors():
            name = self._name(f"digest_refresh:{channel}")
            return bool(self.client.set(name, "1", nx=True, ex=REFRESH_TTL))


@lru_cache(maxsize=8)
def _script(client: Any) -> Any:
    return client.register_script(_INGEST)


def _s(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _forecast(raw: bytes | str | None) -> Forecast | None:
    if raw is None:
        return None
    try:
        return Forecast.model_validate_json(raw)
    except ValidationError:
        return None
