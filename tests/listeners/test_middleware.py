"""Events API retries are answered once: set-if-absent on the event id, per workspace."""

from __future__ import annotations

import logging

import pytest

from bot.app import create_app
from bot.devtools.signed import SlackRequests
from bot.devtools.sim import SlackSim
from bot.state import Store
from tests.conftest import SIGNING_SECRET
from tests.support.dead_redis import dead_redis

DM = {"type": "message", "channel_type": "im", "channel": "D0ALICE", "user": "U0ALICE"}


def _dm(requests_: SlackRequests, event_id: str, retry: int | None = None, text: str = "hi"):
    return requests_.event({**DM, "text": text, "ts": "1700000000.000100"}, event_id=event_id,
                           retry_num=retry)  # fmt: skip


@pytest.mark.parametrize(
    ("deliveries", "answers"),
    [
        ([("Ev1", None)], 1),
        ([("Ev1", None), ("Ev1", 1), ("Ev1", 2), ("Ev1", 3)], 1),  # Slack's three retries
        ([("Ev1", None), ("Ev2", None)], 2),  # two events
        ([("Ev1", 1)], 1),  # a retry whose first delivery never arrived: processed
        ([("Ev1", 1), ("Ev1", None)], 1),
    ],
)
def test_each_event_is_answered_once(sim, requests_, slack_api, deliveries, answers) -> None:
    statuses = [sim.send(_dm(requests_, event_id, retry)).status for event_id, retry in deliveries]
    assert statuses == [200] * len(deliveries)
    assert len(slack_api.calls_to("chat.postMessage")) == answers


def test_the_same_event_id_in_two_workspaces_is_two_events(sim, requests_, slack_api) -> None:
    other = SlackRequests(SIGNING_SECRET, team_id="T0OTHER")
    sim.send(_dm(requests_, "EvSAME"))
    sim.send(_dm(other, "EvSAME"))
    assert len(slack_api.calls_to("chat.postMessage")) == 2


def test_claim_key_is_per_team_and_expires(sim, requests_, store, redis_client) -> None:
    sim.send(_dm(requests_, "EvTTL"))
    key = f"{store.prefix}:{{T0TEST}}:event:EvTTL"
    assert redis_client.exists(key) == 1
    assert 0 < redis_client.ttl(key) <= 3600


def test_redis_down_processes_the_event_and_logs(
    app_settings, knowledge, slack_api, requests_, caplog
) -> None:
    dead = Store(dead_redis(), prefix="test-dead", default_ttl=60)  # fmt: skip
    app = create_app(app_settings, store=dead, knowledge=knowledge, process_before_response=True)
    sim = SlackSim(app, slack_api, requests_)
    with caplog.at_level(logging.WARNING, logger="bot.listeners.middleware"):
        first = sim.send(_dm(requests_, "EvDOWN"))
        again = sim.send(_dm(requests_, "EvDOWN", retry=1))
    assert (first.status, again.status) == (200, 200)
    # fail open: without Redis a retry cannot be recognised, so both are answered
    assert len(slack_api.calls_to("chat.postMessage")) == 2
    assert "event dedupe skipped" in caplog.text


def test_no_global_middleware_is_a_function(app) -> None:
    """Bolt calls a function middleware through build_required_kwargs (every injectable
    argument built anew, on every request, before its ack); ours are Middleware classes."""
    from slack_bolt.middleware.custom_middleware import CustomMiddleware

    chain = [*app._middleware_list, app._before_authorize]
    assert [m.name for m in chain if isinstance(m, CustomMiddleware)] == []
    assert {"WithDeps", "DedupeEvents"} <= {type(m).__name__ for m in chain}
