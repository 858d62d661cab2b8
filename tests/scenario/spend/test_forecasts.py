"""Save as forecast: the button on an /llmcost answer opens the form (budget defaults to the
estimate), bad fields stay in the form, a saved forecast is durable and listed by
/llmcost forecasts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.blocks.spend_forms import BUDGET, CHANNEL, FEATURE, TEAM
from bot.devtools.sim import message_text
from bot.features.spend.store import SINGLE_TEAM, SpendStore

SEED = "model=gpt-4o in=2000 out=500 qps=3"  # $77,760.00 a month


def _form(sim) -> dict:
    answer = sim.command("/llmcost", SEED).message
    reply = sim.click(answer, "Save as forecast")
    [opened] = [c for c in reply.calls if c.method == "views.open"]
    return opened.args["view"]


def _spend(store) -> SpendStore:
    return SpendStore(store, SINGLE_TEAM, id_ttl=60)


def test_save_as_forecast_then_list_it(sim, store) -> None:
    form = _form(sim)
    assert form["callback_id"] == "spend.forecast"
    assert "$77,760.00" in message_text(form)
    budget = next(b for b in form["blocks"] if b.get("block_id") == BUDGET)
    assert budget["element"]["initial_value"] == "77760"
    reply = sim.submit(form, {FEATURE: "Support-Triage", TEAM: "support-eng", CHANNEL: "C0ALERTS"})
    assert reply.ack is None, reply.ack  # closed
    saved = _spend(store).forecast("support-triage")
    assert saved is not None
    assert (saved.team, saved.channel, saved.budget, saved.estimate) == (
        "support-eng", "C0ALERTS", Decimal("77760.00"), Decimal("77760.00"),
    )  # fmt: skip
    assert saved.model == "gpt-4o" and saved.levers  # noqa: PT018
    assert store.client.ttl(_spend(store)._name("forecasts")) == -1  # kept: no TTL
    assert "Forecast *support-triage* saved" in reply.all_text()
    listing = sim.command("/llmcost", "forecasts")
    assert listing.ack["response_type"] == "ephemeral"
    [table] = [b for b in listing.message["blocks"] if b["type"] == "table"]
    row = [c.get("text") for c in table["rows"][1]]
    assert row[:5] == ["support-triage", "support-eng", "gpt-4o", "$77,760.00", "$77,760.00"]


@pytest.mark.parametrize(
    ("answers", "block", "words"),
    [
        ({FEATURE: "Support Triage", TEAM: "x"}, FEATURE, "lower-case letters"),
        ({FEATURE: "ok", TEAM: "a b"}, TEAM, "lower-case letters"),
        ({FEATURE: "ok", TEAM: "x", BUDGET: "lots"}, BUDGET, "dollars a month, e.g. 1500"),
        ({FEATURE: "ok", TEAM: "x", BUDGET: "-5"}, BUDGET, "dollars a month"),
    ],
)
def test_bad_fields_stay_in_the_form(sim, store, answers, block, words) -> None:
    reply = sim.submit(_form(sim), {CHANNEL: "C0ALERTS", **answers})
    assert reply.ack["response_action"] == "errors"
    assert words in reply.ack["errors"][block]
    assert _spend(store).forecasts() == {}


def test_a_forged_button_value_opens_nothing(sim) -> None:
    answer = sim.command("/llmcost", SEED).message
    reply = sim.click(answer, "Save as forecast", value="model=nope-9 in=1 out=1 qps=1")
    assert not [c for c in reply.calls if c.method == "views.open"]
    assert "run `/llmcost` again" in reply.all_text()


def test_no_forecasts_yet_says_how(sim) -> None:
    reply = sim.command("/llmcost", "forecasts")
    assert "No forecasts yet" in reply.message_text
