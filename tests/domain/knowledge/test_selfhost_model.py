"""knowledge/selfhost.yaml: every figure has a source, and broken shapes are refused."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from bot.domain.knowledge.selfhost import SelfHostKnowledge
from bot.settings import PROJECT_ROOT
from tests.support.yaml_edit import DELETE, changed

RAW = yaml.safe_load((PROJECT_ROOT / "knowledge" / "selfhost.yaml").read_text(encoding="utf-8"))
_DELETE = DELETE


def _set(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    return changed(RAW, path, value)


def test_loads_and_every_class_cites_a_benchmark() -> None:
    knowledge = SelfHostKnowledge.model_validate(RAW)
    for item in knowledge.classes:
        assert "TensorRT-LLM perf overview" in item.source
        assert item.prefill_tps < item.peak_prefill_tps
        assert item.decode_tps < item.peak_decode_tps
    assert knowledge.sizing.min_replicas >= 2
    assert knowledge.sizing.peak_to_average > 1
    assert "Written for Tradeoffs" in knowledge.ops.source


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("classes", 0, "decode_tps"), "99999", "must not exceed peak_decode_tps"),
        (("classes", 1, "id"), "small", "duplicate id"),
        (("classes", 0, "source"), _DELETE, "Field required"),
        (("tiers", 0, "stand_in"), "tiny", "no class 'tiny'"),
        (("tiers", 2, "patterns"), ["x"], "the last tier matches all"),
        (("tiers", 0, "patterns"), [], "only the last tier may have none"),
        (("tiers", 0, "patterns"), ["(unclosed"], "not a regular expression"),
        (("tiers", 0, "patterns"), ["gpt", "(?i)claude"], "do not combine into one"),
        (("sizing", "min_replicas"), 0, "greater than or equal to 1"),
        (("gpu", "hour_usd"), "0", "greater than 0"),
    ],
)
def test_broken_shapes_are_refused(path: tuple[Any, ...], value: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        SelfHostKnowledge.model_validate(_set(path, value))


@pytest.mark.parametrize(
    ("model_id", "tier"),
    [("gpt-4o", "mid"), ("claude-opus-4", "frontier"), ("llama-3.1-8b", "small"),
     ("GPT-4O", "mid"), ("something-unheard-of", None)],
)  # fmt: skip
def test_a_model_falls_in_the_first_tier_any_of_whose_patterns_match(model_id, tier) -> None:
    knowledge = SelfHostKnowledge.model_validate(RAW)
    expected = tier or knowledge.tiers[-1].id
    by_pattern = next(
        t for t in knowledge.tiers
        if not t.patterns or any(re.search(p, model_id, re.IGNORECASE) for p in t.patterns)
    )  # fmt: skip
    assert knowledge.tier_for(model_id).id == by_pattern.id == expected
