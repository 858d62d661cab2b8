"""The app's own rules in the knowledge files (learning plan, self-assessment scale,
prioritization scoring): broken copies are reported with their exact location."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge_loader import KNOWLEDGE_DIR, check_knowledge

MAP, FW = "operating_map.yaml", "frameworks.yaml"
LAST_RULE = """    - when: {depth: working, temporal: fast}
      plan: working_fluency
"""


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, directory)
    return directory


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        pytest.param(
            MAP,
            LAST_RULE,
            "    - when: {depth: working, temporal: slow}\n      plan: working_fluency\n",
            ["learning_plan.rules: no rule decides relevance=yes, temporal=fast, depth=working"],
            id="a-combination-nobody-decides",
        ),
        pytest.param(
            MAP,
            "    - when: {relevance: no}\n",
            "    - when: {relevance: nope}\n",
            ["learning_plan.rules.0.when.relevance: unknown answer 'nope'; known: no, yes"],
            id="unknown-answer",
        ),
        pytest.param(
            MAP,
            "    - when: {relevance: no}\n",
            "    - when: {relevence: no}\n",
            [
                "learning_plan.rules.0.when.relevence: unknown filter; known: relevance, temporal, depth"
            ],
            id="unknown-filter",
        ),
        pytest.param(
            MAP,
            "      plan: skip\n",
            "      plan: later\n",
            [
                "learning_plan.rules.0.plan: unknown plan 'later'; known: skip, "
                "strategic_literacy, working_fluency"
            ],
            id="unknown-plan",
        ),
        pytest.param(
            MAP,
            "    - score: 2\n      label: Aware\n",
            "",
            ["self_assessment.scale: scores must be 1..4 in order"],
            id="scale-with-a-gap",
        ),
        pytest.param(
            FW,
            "    tie_break: [confidence, leverage, value]\n",
            "    tie_break: [confidence, leverage, valeu]\n",
            [
                "prioritizing.scoring.tie_break.2: unknown dimension 'valeu'; known: value, "
                "confidence, leverage, reversibility, capacity"
            ],
            id="unknown-tie-break-dimension",
        ),
        pytest.param(
            FW,
            " reversibility: 1, capacity: 1}\n",
            " reversibility: 1}\n",
            [
                "prioritizing.scoring.weights: must weigh exactly: value, confidence, leverage, "
                "reversibility, capacity"
            ],
            id="weights-miss-a-dimension",
        ),
        pytest.param(
            FW,
            "    first_win: {confidence: 4, leverage: 4}\n",
            "    first_win: {confidence: 6, leverage: 4}\n",
            ["prioritizing.scoring.first_win.confidence: must be within 1..5"],
            id="first-win-out-of-scale",
        ),
    ],
)
def test_broken_rules_are_located(
    kb_copy: Path, name: str, old: str, new: str, expected: list[str]
) -> None:
    path = kb_copy / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    _, errors = check_knowledge(kb_copy)
    assert errors == [f"knowledge/{name}: {line}" for line in expected]


def test_real_rules_load(knowledge) -> None:
    plan = knowledge.operating_map.learning_plan
    assert [p.name for p in plan.plans] == ["Skip for now", "Strategic literacy", "Working fluency"]
    assert plan.decide({"relevance": "no"}).plan == "skip"
    assert plan.decide({"relevance": "yes"}) is None
    assert knowledge.frameworks.prioritizing.scoring.max_total == 25
