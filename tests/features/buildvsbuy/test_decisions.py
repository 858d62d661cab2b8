"""The decision log: numbering, idempotent filing, superseding, taking back, no TTL."""

from __future__ import annotations

from datetime import date

from bot.domain import buildvsbuy as bvb
from bot.features.buildvsbuy import decisions

TEAM = "T0LOG"


def draft(topic: str = "triage", flow: str = "f1", channel: str = "C1") -> bvb.DecisionRecord:
    return bvb.DecisionRecord(
        flow_id=flow, topic=topic, decided_on=date(2025, 1, 2), participants=("U1",),
        context=(), outcome="rag", title="RAG", decision="RAG.", wins=(), risks=(),
        next_step="Spike.", channel=channel,
    )  # fmt: skip


def test_filing_numbers_records_and_is_safe_to_repeat(store, redis_client) -> None:
    first = decisions.file(store, TEAM, draft(), flow_turn=3)
    again = decisions.file(store, TEAM, draft(), flow_turn=3)  # a retried click
    other = decisions.file(store, TEAM, draft("billing", "f2"), flow_turn=1)
    assert (first.number, again.number, other.number) == (1, 1, 2)
    assert [e.number for e in decisions.read_index(store, TEAM).entries] == [1, 2]
    for key in (decisions.index_key(TEAM), decisions.record_key(TEAM, 1)):
        assert redis_client.ttl(key.render(store.prefix)) == -1


def test_superseding_and_taking_back(store) -> None:
    decisions.file(store, TEAM, draft(), flow_turn=3)
    later = decisions.file(store, TEAM, draft(), flow_turn=5)  # the same flow, later
    assert later.supersedes == (1,)
    assert decisions.read_index(store, TEAM).entry(1).superseded_by == 2
    decisions.unfile(store, TEAM, 2)  # could not be posted: 1 is current again
    assert [(e.number, e.status) for e in decisions.read_index(store, TEAM).entries] == [
        (1, "Accepted")
    ]
    assert decisions.read_record(store, TEAM, 2) is None
    renumbered = decisions.file(store, TEAM, draft("Triage", "f9"), flow_turn=1)
    assert (renumbered.number, renumbered.supersedes) == (2, (1,))
    assert decisions.current(decisions.read_index(store, TEAM)) == [
        decisions.read_index(store, TEAM).entry(2)
    ]


def test_records_of_another_workspace_or_channel_are_never_superseded(store) -> None:
    decisions.file(store, TEAM, draft(), flow_turn=1)
    decisions.file(store, "T0OTHER", draft(flow="f2"), flow_turn=1)
    decisions.file(store, TEAM, draft(flow="f3", channel="C2"), flow_turn=1)
    assert [e.status for e in decisions.read_index(store, TEAM).entries] == ["Accepted"] * 2
    assert decisions.read_index(store, "T0OTHER").entries[0].number == 1
