"""Budget alerts and the kill switch, across two `python -m bot serve` processes sharing one
Redis: records race in through both, the 75% and the 100% alerts are each posted once, and
GET /budget/<feature> (asked of either process) answers over: true from 100% on."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from pydantic import SecretStr

from bot.devtools.fake_slack import FakeSlack
from bot.domain.usage.forecast import Forecast, Lever
from bot.features.spend.store import SINGLE_TEAM, SpendStore
from bot.state import Store
from bot.usage_http import make_usage_app
from tests.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.support.loopback import http
from tests.support.servers import serve_processes
from tests.support.spend import TOKEN, call, lines, record

CHANNEL = "C0ALERTS"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"}
# gpt-4o, 2,000 in / 500 out: $0.0100 a call, so a $0.10 budget is 75% at the 8th call
# and 100% at the 10th
FORECAST = Forecast(
    feature="triage", team="support-eng", channel=CHANNEL, budget=Decimal("0.10"),
    estimate=Decimal("0.09"), model="gpt-4o",
    levers=[Lever(name="Prompt caching", save_low=Decimal("0.01"), save_high=Decimal("0.04"))],
)  # fmt: skip


@pytest.fixture(scope="module")
def prefix() -> str:
    return f"test-spend-{time.time_ns() % 10**9}"


@pytest.fixture(scope="module")
def two_servers(fake_slack: FakeSlack, redis_url: str, redis_client, prefix):
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.url, "REDIS_URL": redis_url, "REDIS_PREFIX": prefix,
        "USAGE_TOKEN": TOKEN,
    }  # fmt: skip
    with serve_processes(env, redis_client, prefix, workers=2) as urls:
        yield urls


def _budget(url: str) -> dict:
    status, _, text = http("GET", url + "/budget/triage", headers=AUTH)
    assert status == 200, text
    return json.loads(text)


def _alerts(fake: FakeSlack, channel: str = CHANNEL) -> list[str]:
    """The texts of the messages posted in the alert channel."""
    return [m.get("text", "") for m in fake.channel_messages(channel)]


def test_alerts_fire_once_each_across_two_processes(two_servers, slack_api, redis_client, prefix):
    SpendStore(Store(redis_client, prefix=prefix, default_ttl=60), SINGLE_TEAM, id_ttl=60) \
        .save_forecast(FORECAST)  # fmt: skip
    assert _budget(two_servers[0])["over"] is False

    def send(i: int) -> int:
        body = lines(record(id=f"call-{i}"), record(id=f"call-{i}"))  # each sent twice
        status, _, text = http("POST", two_servers[i % 2] + "/usage", body=body.decode(),
                               headers=AUTH)  # fmt: skip
        assert status == 200, text
        return json.loads(text)["accepted"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        accepted = sum(pool.map(send, range(9)))  # 9 calls: 90%
    assert accepted == 9
    answer = _budget(two_servers[1])
    assert (answer["over"], answer["spent_usd"], answer["percent"]) == (False, "0.09", "90")
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert sum(pool.map(send, range(9, 24))) == 15  # 24 calls: 240%
    assert _budget(two_servers[0])["over"] is True
    assert _budget(two_servers[1])["over"] is True
    time.sleep(0.3)
    alerts = _alerts(slack_api)
    assert len(alerts) == 2, alerts
    soft, hard = sorted(alerts, key=lambda t: ":rotating_light:" in t)
    assert soft.startswith(":warning: *triage* has used")
    assert hard.startswith(":rotating_light: *triage* reached")
    [post] = [m for m in slack_api.channel_messages(CHANNEL) if m.get("text") == hard]
    assert "Prompt caching" in json.dumps(post["blocks"])


def test_the_alerts_come_back_when_a_post_failed(store, app_settings, slack_api) -> None:
    """Slack refused the 75% post: the claim is given back, and the next ingest posts it."""
    settings = app_settings.model_copy(update={"usage_token": SecretStr(TOKEN)})
    usage = make_usage_app(store, settings)
    forecast = FORECAST.model_copy(update={"channel": "C0RETRY"})
    SpendStore(store, SINGLE_TEAM, id_ttl=60).save_forecast(forecast)
    slack_api.fail_next("chat.postMessage", "not_in_channel")
    assert call(usage, "POST", "/usage", lines(*[record()] * 8))[0] == 200
    assert _alerts(slack_api, "C0RETRY") == []
    assert call(usage, "POST", "/usage", lines(record(feature="other")))[0] == 200
    assert _alerts(slack_api, "C0RETRY") == []  # no record of triage: nothing to check
    assert call(usage, "POST", "/usage", lines(record()))[0] == 200
    [alert] = _alerts(slack_api, "C0RETRY")
    assert alert.startswith(":warning: *triage* has used *90%*")
