"""Renderers for framework answers, help, home, learn / assess / prioritize: valid Block Kit, content
from the knowledge files, within Slack's limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from bot.blocks import frameworks as fw
from bot.blocks import prioritize
from bot.blocks.assess import bar
from bot.blocks.help import help_message, unknown_message
from bot.blocks.home import home_view
from bot.blocks.learn import topic_modal
from bot.devtools.blockkit import message_problems, view_problems
from bot.devtools.sim import message_text


@pytest.mark.parametrize(
    ("render", "count"),
    [
        (lambda k: fw.rollout(k.frameworks), 7),
        (lambda k: fw.team(k.frameworks), 8),
        (lambda k: fw.prioritizing(k.frameworks, at="@Tradeoffs "), 4),
        (lambda k: fw.contracts(k.frameworks), 8),
        (lambda k: fw.dashboard(k.frameworks), 3),
        (lambda k: fw.governance(k.frameworks), 2),
        (lambda k: fw.templates(k.frameworks), 5),
        (lambda k: fw.levers(k.costs, at=""), 11),
        (lambda k: help_message("@Tradeoffs "), 6),
        (lambda k: unknown_message(""), 1),
    ],
    ids=[
        "rollout",
        "team",
        "prioritizing",
        "contracts",
        "dashboard",
        "governance",
        "templates",
        "levers",
        "help",
        "unknown",
    ],
)
def test_answers_are_valid_messages(knowledge, render, count: int) -> None:
    payload = render(knowledge)
    assert message_problems(payload) == []
    assert len(payload["blocks"]) == count
    assert payload["text"]


def test_every_row_of_each_table_is_shown(knowledge) -> None:
    frameworks = knowledge.frameworks
    pairs = [
        (fw.contracts(frameworks), [c.they_owe for c in frameworks.contracts]),
        (fw.dashboard(frameworks), [p.panel for p in frameworks.executive_dashboard]),
        (fw.governance(frameworks), [g.what_it_means for g in frameworks.governance]),
        (fw.team(frameworks), [r.hire_when for r in frameworks.roles]),
        (fw.rollout(frameworks), [p.exit_criteria for p in frameworks.rollout.phases]),
    ]
    for payload, rows in pairs:
        text = message_text(payload)
        assert [row for row in rows if row not in text] == []


@dataclass
class Record:
    title: str
    topic: str
    decided_on: date
    number: int = 1
    link: str | None = None
    supersedes: tuple[int, ...] = ()


@pytest.mark.parametrize(("mine", "workspace"), [(0, 0), (5, 5), (None, None)])
def test_home_view_is_valid_and_under_100_blocks(knowledge, mine, workspace) -> None:
    def records(n):
        return (
            None
            if n is None
            else [
                Record(f"T{i}", f"topic {i}", date(2025, 1, i + 1), i + 1,
                       f"https://x.example/p{i}" if i % 2 else None, (i,) if i > 2 else ())
                for i in range(n)
            ]
        )  # fmt: skip

    view = home_view(knowledge, mine=records(mine), workspace=records(workspace), superseded=3)
    assert view_problems(view) == []
    assert len(view["blocks"]) <= 100
    text = message_text(view)
    if mine is None:
        assert text.count("can't be read right now") == 2
    elif mine:
        assert "ADR 0005 *T4*: topic 4 · _2025-01-05_ · replaces ADR 0004" in text
        assert "<https://x.example/p3|ADR 0004> *T3*" in text
        assert "3 superseded by a later record are not shown" in text


def test_learn_modal_is_valid() -> None:
    assert view_problems(topic_modal()) == []


def test_rule_text_follows_the_weights(knowledge) -> None:
    rules = knowledge.frameworks.prioritizing
    heavier = rules.model_copy(
        update={"scoring": rules.scoring.model_copy(update={
            "weights": {**rules.scoring.weights, "value": 2, "capacity": 0}, "tie_break": ()})}
    )  # fmt: skip
    assert prioritize.rule_text(heavier) == (
        "Rule: score = 2×Value + Confidence + Leverage + Reversibility (1-5 each, max 25)."
    )


@pytest.mark.parametrize(("score", "shown"), [(1, "■□□□□"), (3, "■■■□□"), (5, "■■■■■")])
def test_bar(score: int, shown: str) -> None:
    assert bar(score, 5) == shown
