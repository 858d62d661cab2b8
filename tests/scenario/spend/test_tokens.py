"""Usage tokens in OAuth mode: one per workspace, only its hash stored, a new one replaces
the old, and a token opens its own workspace's spend only."""

from __future__ import annotations

import hashlib

import pytest

from bot.features.spend import tokens
from bot.features.spend.store import SpendStore
from bot.usage_http import make_usage_app
from tests.support.spend import call, lines, record


def _spent(store, team: str) -> int:
    from datetime import UTC, datetime

    from bot.domain.usage.ledger import month_of

    return SpendStore(store, team, id_ttl=60).spent(month_of(datetime.now(UTC)), "f|triage|u")


@pytest.fixture
def oauth(settings):
    return settings.model_copy(update={
        "slack_bot_token": None, "slack_client_id": "111.222", "slack_client_secret": "secret",
    })  # fmt: skip


def test_a_workspace_token_opens_that_workspace_only(store, oauth) -> None:
    usage = make_usage_app(store, oauth)
    mine, _ = tokens.create(SpendStore(store, "T0MINE", id_ttl=60), "U0ADMIN")
    theirs, _ = tokens.create(SpendStore(store, "T0THEIRS", id_ttl=60), "U0OTHER")
    stored = SpendStore(store, "T0MINE", id_ttl=60).token()
    assert stored == (hashlib.sha256(mine.encode()).hexdigest(), "U0ADMIN")
    kept = [store.client.hgetall(k) for k in store.client.scan_iter(f"{store.prefix}:*token")]
    assert kept
    assert mine.encode() not in repr(kept).encode()
    assert call(usage, "POST", "/usage", lines(record()), token=mine)[0] == 200
    assert _spent(store, "T0MINE") > 0
    assert _spent(store, "T0THEIRS") == 0
    forged = "tou-T0MINE-" + theirs.split("-", 2)[2]  # their secret, my team
    assert call(usage, "POST", "/usage", lines(record()), token=forged)[0] == 401


def test_a_new_token_replaces_the_old(store, oauth) -> None:
    usage = make_usage_app(store, oauth)
    spend = SpendStore(store, "T0MINE", id_ttl=60)
    old, _ = tokens.create(spend, "U0ADMIN")
    assert tokens.create(spend, "U0SOMEONE") == (None, "U0ADMIN")  # only its creator replaces it
    new, _ = tokens.create(spend, "U0ADMIN")
    assert old is not None
    assert new is not None
    assert call(usage, "GET", "/budget/triage", token=old)[0] == 401
    assert call(usage, "GET", "/budget/triage", token=new)[0] == 404  # no forecast yet


@pytest.mark.parametrize("token", ["tou-", "tou--x", "tou-T0MINE-", "xoxb-T0MINE-abc", "tou-T0?-x"])
def test_malformed_tokens_are_refused(store, oauth, token: str) -> None:
    tokens.create(SpendStore(store, "T0MINE", id_ttl=60), "U0ADMIN")
    assert call(make_usage_app(store, oauth), "POST", "/usage", lines(record()), token=token)[0] == 401


def test_app_home_makes_a_token_that_works_in_single_workspace_mode(sim, store, settings) -> None:
    home = sim.open_home(user="U0ALICE").view
    reply = sim.click_in_view(home, "Create usage token")
    [opened] = [c for c in reply.calls if c.method == "views.open"]
    shown = str(opened.args["view"]["blocks"])
    token = shown[shown.index("tou-single-"):].split("`")[0]
    usage = make_usage_app(store, settings)  # no USAGE_TOKEN set
    assert call(usage, "POST", "/usage", lines(record()), token=token)[0] == 200
    other = sim.click_in_view(home, "Create usage token", user="U0BOB")
    [refused] = [c for c in other.calls if c.method == "views.open"]
    assert "only they can replace it" in str(refused.args["view"]["blocks"])
    assert call(usage, "POST", "/usage", lines(record()), token=token)[0] == 200
    assert call(usage, "POST", "/usage", lines(record()), token="tou-T0TEST-" + token[11:])[0] == 401
