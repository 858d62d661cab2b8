"""CostKnowledge (knowledge/costs.yaml): the file loads, bad shapes are refused, and the
levers and bands keep the seed's numbers."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from bot.domain.knowledge.costs import CostKnowledge
from bot.settings import PROJECT_ROOT
from tests.support.yaml_edit import DELETE, changed

COSTS_YAML = PROJECT_ROOT / "knowledge" / "costs.yaml"
SEED = Path("/work/shared/seeds/003_06185097e50e351d.txt")


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return yaml.safe_load(COSTS_YAML.read_text(encoding="utf-8"))


def test_file_loads(raw: dict[str, Any]) -> None:
    costs = CostKnowledge.model_validate(raw)
    assert [lever.number for lever in costs.levers] == list(range(1, 9))
    assert costs.calendar.days_per_month == 30
    assert costs.calendar.gpu_hours_per_month == 730
    assert costs.band_for(Decimal("19999.99")).id == "vendor_api"
    assert costs.band_for(Decimal(20000)).id == "case_by_case"
    assert costs.band_for(Decimal(50000)).id == "real_math"
    assert costs.band_for(Decimal(10) ** 12).id == "real_math"


_set = changed
_DELETE = DELETE

BROKEN = [
    (("surprise",), "x", "Extra inputs are not permitted"),
    (("verdict_bands", 0, "min_monthly_usd"), "1", "must start at 0"),
    (("verdict_bands", 0, "max_monthly_usd"), "25000", "must equal the next band"),
    (("verdict_bands", 2, "max_monthly_usd"), "90000", "the last band must have no max"),
    (("levers", 0, "number"), 9, "lever numbers must be 1..8"),
    (("levers", 0, "impact_low_pct"), 50, "must not exceed impact_high_pct"),
    (("levers", 0, "impact_high_pct"), 150, "less than or equal to 100"),
    (("levers", 1, "id"), "cap_output", "duplicate id"),
    (("levers", 0, "applies_when"), [], "at least 1 item"),
    (("levers", 0, "applies_when", 0, "fact"), "mood", "Input should be"),
    (("levers", 4, "applies_when", 0), {"fact": "batch", "at_least": 1}, "takes only `is"),
    (("levers", 0, "applies_when", 0), {"fact": "output_tokens", "is": True}, "takes `at_least"),
    (("levers", 0, "applies_when", 0), {"fact": "qps", "at_least": 5, "below": 5}, "smaller"),
    (("levers", 1, "ceiling"), "vibes", "Input should be"),
    (("aliases", 0, "word"), "Sonnet 5", "String should match pattern"),
    (("reasoning", "patterns"), [], "at least 1 item"),
    (("reasoning", "source"), _DELETE, "Field required"),
    (("calendar", "days_per_month"), 365, "less than or equal to 31"),
]


@pytest.mark.parametrize(("path", "value", "message"), BROKEN)
def test_broken_shapes_are_refused(
    raw: dict[str, Any], path: tuple[Any, ...], value: Any, message: str
) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        CostKnowledge.model_validate(_set(raw, path, value))


def test_levers_keep_the_seed_playbook(raw: dict[str, Any]) -> None:
    if not SEED.exists():
        pytest.skip("seed not available")
    rows = re.findall(
        r"^\| (\d)\. ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$",
        SEED.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert len(rows) == 8
    costs = CostKnowledge.model_validate(raw)
    for (number, name, effort, impact, notes), lever in zip(rows, costs.levers, strict=True):
        assert (lever.number, lever.name, lever.effort) == (int(number), name, effort)
        assert lever.notes.startswith(notes.rstrip(".").strip())
        numbers = [Decimal(n) for n in re.findall(r"\d+", impact)]
        assert lever.impact_high_pct == numbers[-1]
        if len(numbers) == 2:
            assert lever.impact_low_pct == numbers[0]
        else:
            assert impact.startswith("Up to")
            assert lever.impact_low_pct == 0
