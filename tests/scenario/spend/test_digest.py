"""The weekly digest: opted into per channel from App Home, scheduled with
chat.scheduleMessage for Monday 09:00 UTC, refreshed after ingests, stopped on request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr

from bot.blocks.spend_forms import DIGEST_CHANNEL, DIGEST_CHOICE, OFF
from bot.features.spend.digest import next_post
from bot.usage_http import make_usage_app
from tests.support.spend import TOKEN, call, lines, record


def _scheduled(fake) -> list:
    """Scheduled messages in this test's channel (the fake is shared by the session)."""
    return [s for s in fake.scheduled() if s.channel == "C0DIGEST"]


def _digest_form(sim) -> dict:
    home = sim.open_home(user="U0ALICE").view
    reply = sim.click_in_view(home, "Weekly digest…")
    [opened] = [c for c in reply.calls if c.method == "views.open"]
    return opened.args["view"]


def test_opt_in_refresh_and_stop(sim, slack_api, store, app_settings) -> None:
    usage = make_usage_app(store, app_settings.model_copy(update={"usage_token": SecretStr(TOKEN)}))
    assert call(usage, "POST", "/usage", lines(record(), record(feature="search")))[0] == 200
    reply = sim.submit(_digest_form(sim), {DIGEST_CHANNEL: "C0DIGEST"})
    assert reply.ack is None
    [first] = _scheduled(slack_api)
    assert first.channel == "C0DIGEST"
    posted = datetime.fromtimestamp(first.post_at, UTC)
    assert (posted.weekday(), posted.hour, posted.minute) == (0, 9, 0)
    assert "Weekly LLM spend" in first.text
    assert "triage" in first.text
    assert "The weekly spend digest will be posted in <#C0DIGEST>" in reply.all_text()

    later = make_usage_app(
        store, app_settings.model_copy(update={"usage_token": SecretStr(TOKEN)}),
        clock=lambda: datetime.now(UTC) + timedelta(hours=2),
    )  # fmt: skip
    assert call(later, "POST", "/usage", lines(record(feature="support")))[0] == 200
    [second] = _scheduled(slack_api)
    assert second.id != first.id
    assert "support" in second.text
    assert call(later, "POST", "/usage", lines(record()))[0] == 200
    assert [s.id for s in _scheduled(slack_api)] == [second.id]  # refreshed once an hour

    stop = sim.submit(_digest_form(sim), {DIGEST_CHANNEL: "C0DIGEST", DIGEST_CHOICE: OFF})
    assert stop.ack is None
    assert _scheduled(slack_api) == []


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 12, 3, 12, 0, tzinfo=UTC), datetime(2026, 12, 7, 9, 0, tzinfo=UTC)),
        (datetime(2026, 12, 7, 8, 0, tzinfo=UTC), datetime(2026, 12, 7, 9, 0, tzinfo=UTC)),
        (datetime(2026, 12, 7, 8, 59, tzinfo=UTC), datetime(2026, 12, 14, 9, 0, tzinfo=UTC)),
        (datetime(2026, 12, 7, 9, 0, tzinfo=UTC), datetime(2026, 12, 14, 9, 0, tzinfo=UTC)),
    ],
)
def test_next_post_is_a_monday_at_nine_utc(now: datetime, expected: datetime) -> None:
    assert next_post(now) == expected
