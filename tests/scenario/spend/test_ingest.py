"""POST /usage: good, bad and duplicate records; tokens; the body limit; Redis down."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import redis
from pydantic import SecretStr

from bot.devtools.redis_server import RedisServer
from bot.domain.usage.cost import to_micros
from bot.features.spend.store import SINGLE_TEAM, SpendStore
from bot.state import Store
from bot.usage_http import make_usage_app
from tests.support.dead_redis import dead_redis
from tests.support.spend import TOKEN, call, genai_total, lines, record

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


@pytest.fixture
def usage_settings(settings):
    return settings.model_copy(update={"usage_token": SecretStr(TOKEN), "usage_max_body_bytes": 4096})


@pytest.fixture
def usage(store, usage_settings):
    return make_usage_app(store, usage_settings, clock=lambda: NOW)


def _keys(store: Store) -> list[bytes]:
    return list(store.client.scan_iter(match=f"{store.prefix}:*"))


def _spent(store: Store, feature: str = "triage") -> int:
    return SpendStore(store, SINGLE_TEAM, id_ttl=60).spent("2026-12", f"f|{feature}|u")


def test_a_good_a_bad_and_a_duplicate_record(usage, store) -> None:
    good = record(id="call-1", user="U1")
    status, answer, _ = call(usage, "POST", "/usage", lines(good, record(feature=None), good))
    assert status == 200
    assert (answer["accepted"], answer["duplicates"], answer["refused"]) == (1, 1, 1)
    assert answer["errors"] == [
        {"line": 2, "error": "missing", "message": "`feature` is missing."}
    ]
    assert _spent(store) == to_micros(genai_total([good]))
    status, again, _ = call(usage, "POST", "/usage", lines(good))  # the sender retried
    assert (status, again["accepted"], again["duplicates"]) == (200, 0, 1)
    assert _spent(store) == to_micros(genai_total([good]))


def test_records_without_an_id_each_count(usage, store) -> None:
    flash = record(**{"gen_ai.request.model": "gemini-2.5-flash"}, batch=True)
    body = json.dumps([record(), record(), flash]).encode()
    status, answer, _ = call(usage, "POST", "/usage", body)
    assert (status, answer["accepted"], answer["refused"]) == (200, 3, 0)
    expected = [record(), record(), flash]
    assert _spent(store) == to_micros(genai_total(expected))


def test_an_unknown_model_is_refused_with_names_that_exist(usage, store) -> None:
    status, answer, _ = call(usage, "POST", "/usage", lines(record(**{"gen_ai.request.model": "gpt-4oo"})))
    assert status == 422
    assert answer["refused"] == 1
    assert answer["errors"][0]["error"] == "unknown_model"
    assert "`gpt-4o`" in answer["errors"][0]["message"]
    assert _keys(store) == []


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-token", "Basic " + TOKEN, "Bearer", TOKEN, "Bearer " + TOKEN + "x"],
)
def test_a_wrong_token_gets_401_and_writes_nothing(store, usage_settings, authorization) -> None:
    app = make_usage_app(store, usage_settings, clock=lambda: NOW)
    headers = {} if authorization is None else {"HTTP_AUTHORIZATION": authorization}
    for method, path in (("POST", "/usage"), ("GET", "/budget/triage")):
        status, answer, got = call(app, method, path, lines(record()), token=None, headers=headers)
        assert (status, answer["error"], got["WWW-Authenticate"]) == (401, "unauthorized", "Bearer")
    assert _keys(store) == []


def test_without_usage_token_ingest_is_off(store, settings) -> None:
    status, answer, _ = call(make_usage_app(store, settings), "POST", "/usage", lines(record()))
    assert (status, answer["error"]) == (401, "no_token_set")
    assert _keys(store) == []


@pytest.mark.parametrize("declared", [True, False])
def test_a_body_over_the_limit_gets_413(usage, store, declared: bool) -> None:
    body = lines(*[record(id=f"r{i}") for i in range(60)])
    assert len(body) > 4096
    headers = {} if declared else {"CONTENT_LENGTH": ""}
    status, answer, _ = call(usage, "POST", "/usage", body, headers=headers)
    assert (status, answer["error"]) == (413, "too_large")
    assert _keys(store) == []


@pytest.mark.parametrize(
    ("method", "path", "allow"), [("GET", "/usage", "POST"), ("POST", "/budget/triage", "GET")]
)
def test_wrong_methods(usage, method: str, path: str, allow: str) -> None:
    status, _, headers = call(usage, method, path)
    assert (status, headers["Allow"]) == (405, allow)


def test_a_body_that_is_not_records_gets_400(usage, store) -> None:
    status, answer, _ = call(usage, "POST", "/usage", b"[{]")
    assert (status, answer["error"]) == (400, "bad_array")


def test_redis_down_is_a_503_so_the_sender_retries(usage_settings) -> None:
    down = dead_redis()
    app = make_usage_app(Store(down, prefix="down", default_ttl=60), usage_settings)
    status, answer, headers = call(app, "POST", "/usage", lines(record()))
    assert (status, answer["error"], headers["Retry-After"]) == (503, "unavailable", "5")


def test_nothing_is_lost_when_redis_is_briefly_down(usage_settings) -> None:
    """Redis goes away: the sender gets 503 and nothing counts; it retries when Redis is back
    and the records count once, even the ones a lost reply made it send twice."""
    with RedisServer() as server:
        client = redis.Redis.from_url(server.url, socket_connect_timeout=0.3, socket_timeout=0.5)
        own = Store(client, prefix="outage", default_ttl=60)
        app = make_usage_app(own, usage_settings, clock=lambda: NOW)
        first, second = record(id="a"), record(id="b")
        assert call(app, "POST", "/usage", lines(first))[0] == 200
        server.stop()
        status, answer, _ = call(app, "POST", "/usage", lines(second))
        assert (status, answer["error"]) == (503, "unavailable")
        server.start()  # back, empty: a real outage keeps its data; this one starts over
        assert call(app, "POST", "/usage", lines(first))[0] == 200
        status, answer, _ = call(app, "POST", "/usage", lines(first, second))
        assert (status, answer["accepted"], answer["duplicates"]) == (200, 1, 1)
        assert _spent(own) == to_micros(genai_total([first, second]))
