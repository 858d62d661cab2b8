"""A decision record built from a real walk, for the record's unit tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.domain import buildvsbuy as bvb
from bot.domain.buildvsbuy.flow import mark_recorded
from bot.knowledge_loader import load_knowledge
from bot.settings import PROJECT_ROOT

KNOWLEDGE = load_knowledge(PROJECT_ROOT / "knowledge")
TREE = KNOWLEDGE.tree
NOW = datetime(2025, 3, 4, tzinfo=UTC)


def record(topic: str = "contract review", *, vote: bool = False, **update) -> bvb.DecisionRecord:
    flow = bvb.new_flow(
        flow_id="0123456789abcdef", team="T1", topic=topic, user="U0", channel="C1", now=NOW,
        mode="vote" if vote else "walk",
    )  # fmt: skip
    for node, reply in (("can_prompt", "no"), ("missing_knowledge", "yes")):
        if vote:
            flow = bvb.vote(flow, TREE, node, reply, "U0")
            flow = bvb.vote(flow, TREE, node, "yes" if reply == "no" else "no", "U2")
            flow = bvb.close(flow, TREE, node, "U0", NOW)
        else:
            flow = bvb.answer(flow, TREE, node, reply, "U1", NOW)
    flow = mark_recorded(flow, TREE, "U5")
    made = bvb.decision_record(flow, KNOWLEDGE, today=date(2025, 3, 4), thread_ts="1.2")
    return made.model_copy(update={"number": 3, **update})
