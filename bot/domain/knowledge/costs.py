"""LLM cost knowledge (``knowledge/costs.yaml``): calendar constants, verdict bands, the
8-lever playbook with its applicability rules and bounds, model aliases and which models
reason. Self-hosting figures live in ``knowledge/selfhost.yaml`` (``selfhost.py``).

Prices are not here: they come from genai-prices (``bot/domain/cost/pricing.py``).
Validation guarantees: verdict bands start at 0, are contiguous and end open; lever
numbers are 1..n without gaps; each lever's impact range is ordered; every rule names
a known fact and uses a test that fits the fact's type.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import Field, StringConstraints, model_validator

from bot.domain.knowledge.base import Id, KnowledgeModel, Problem, Problems, Text

# Workload facts a lever rule may test (computed in bot/domain/cost/levers.py).
NumericFact = Literal[
    "monthly_usd",
    "input_tokens",
    "cached_tokens",
    "uncached_input_tokens",
    "output_tokens",
    "cached_share_pct",
    "output_share_pct",
    "qps",
]
BoolFact = Literal["batch", "custom_prices"]
# The part of the bill a lever's typical impact % applies to.
ActsOn = Literal["bill", "input", "uncached_input", "output"]
# What the lever can save at most here, whatever its typical range says (None: the part):
# cache_discount = the uncached input at the cache-read discount; batch_discount = the bill
# minus the same bill at batch prices; cheaper_model = the bill minus the cheapest compared
# model's; fleet_saving = the API bill minus the self-host fleet's cost. A lever whose
# ceiling is unknown or nothing here (no cache price, no batch price, no cheaper fleet) is
# left out, unless ``ceiling_optional``.
Ceiling = Literal["cache_discount", "batch_discount", "cheaper_model", "fleet_saving"]
NUMERIC_FACTS: tuple[str, ...] = get_args(NumericFact)
BOOL_FACTS: tuple[str, ...] = get_args(BoolFact)

Money = Decimal  # loaded from quoted YAML strings, so exact


class CostEquation(KnowledgeModel):
    formula: Text
    notes: tuple[Text, ...] = Field(min_length=1)


class Calendar(KnowledgeModel):
    days_per_month: int = Field(ge=28, le=31)
    gpu_hours_per_month: int = Field(ge=672, le=744)
    months_per_year: int = Field(ge=12, le=12)
    source: Text


class VerdictBand(KnowledgeModel):
    id: Id
    min_monthly_usd: Money = Field(ge=0, allow_inf_nan=False)
    max_monthly_usd: Money | None = Field(default=None, allow_inf_nan=False)
    label: Text
    advice: Text

    def contains(self, monthly_usd: Decimal) -> bool:
        above = monthly_usd >= self.min_monthly_usd
        return above and (self.max_monthly_usd is None or monthly_usd < self.max_monthly_usd)


class Condition(KnowledgeModel):
    """One test on a workload fact: ``at_least`` / ``below`` for numbers, ``is`` for flags."""

    fact: NumericFact | BoolFact
    at_least: Decimal | None = Field(default=None, allow_inf_nan=False)
    below: Decimal | None = Field(default=None, allow_inf_nan=False)
    is_: bool | None = Field(default=None, alias="is")

    @model_validator(mode="after")
    def _test_fits_fact(self) -> Condition:
        numeric = self.at_least is not None or self.below is not None
        if self.fact in BOOL_FACTS:
            if self.is_ is None or numeric:
                raise ValueError(f"flag fact {self.fact!r} takes only `is: true|false`")
        elif self.is_ is not None or not numeric:
            raise ValueError(f"number fact {self.fact!r} takes `at_least:` and/or `below:`")
        if self.at_least is not None and self.below is not None and self.at_least >= self.below:
            raise ValueError("at_least must be smaller than below")
        return self

    def holds(self, value: Decimal | bool) -> bool:
        if self.is_ is not None:
            return value is self.is_
        if isinstance(value, bool):
            return False
        return (self.at_least is None or value >= self.at_least) and (
            self.below is None or value < self.below
        )


class Lever(KnowledgeModel):
    id: Id
    number: int = Field(ge=1)
    name: Text
    effort: Text
    effort_rank: int = Field(ge=1)  # 1 = least effort
    impact_low_pct: Decimal = Field(ge=0, le=100, allow_inf_nan=False)
    impact_high_pct: Decimal = Field(gt=0, le=100, allow_inf_nan=False)
    notes: Text
    why: Text  # shown when the lever applies
    applies_when: tuple[Condition, ...] = Field(min_length=1)
    acts_on: ActsOn = "bill"
    ceiling: Ceiling | None = None
    ceiling_optional: bool = False  # no ceiling known here: bounded by the part alone
    rule_note: Text

    @model_validator(mode="after")
    def _range_ordered(self) -> Lever:
        if self.impact_low_pct > self.impact_high_pct:
            raise ValueError("impact_low_pct must not exceed impact_high_pct")
        return self

    def applies(self, facts: Mapping[str, Decimal | bool]) -> bool:
        return all(cond.holds(facts[cond.fact]) for cond in self.applies_when)


class ModelAlias(KnowledgeModel):
    """A short name people type (``sonnet``) and the model it stands for."""

    word: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]*$", max_length=40)]
    model: Text
    source: Text


class ReasoningModels(KnowledgeModel):
    """Models that bill hidden reasoning tokens as output (regular expressions searched in
    the model id, case-insensitive)."""

    patterns: tuple[Text, ...] = Field(min_length=1)
    source: Text

    def match(self, model_id: str) -> bool:
        return any(re.search(p, model_id, re.IGNORECASE) for p in self.patterns)


class CostKnowledge(KnowledgeModel):
    FILE: ClassVar[str] = "costs.yaml"  # its file under knowledge/

    source: Text
    cost_equation: CostEquation
    calendar: Calendar
    verdict_bands: tuple[VerdictBand, ...] = Field(min_length=1)
    levers: tuple[Lever, ...] = Field(min_length=1)
    aliases: tuple[ModelAlias, ...] = ()
    reasoning: ReasoningModels

    @model_validator(mode="after")
    def _bands_and_numbers(self) -> CostKnowledge:
        problems = _band_problems(self.verdict_bands)
        numbers = sorted(lever.number for lever in self.levers)
        if numbers != list(range(1, len(self.levers) + 1)):
            problems.append((("levers",), f"lever numbers must be 1..{len(self.levers)}"))
        if problems:
            raise Problems(problems)
        return self

    def alias_for(self, word: str) -> str | None:
        """The model an alias stands for (``sonnet`` -> ``claude-sonnet-5-5``), or None."""
        lowered = word.lower()
        return next((a.model for a in self.aliases if a.word == lowered), None)

    def band_for(self, monthly_usd: Decimal) -> VerdictBand:
        """The verdict band holding this monthly spend (bands cover every spend >= 0)."""
        for band in self.verdict_bands:
            if band.contains(monthly_usd):
                return band
        raise ValueError(f"no verdict band for {monthly_usd}")  # negative spend: a bug

    def summary(self) -> str:
        return f"{len(self.levers)} levers, {len(self.verdict_bands)} verdict bands"


def _band_problems(bands: tuple[VerdictBand, ...]) -> list[Problem]:
    problems: list[Problem] = []
    if bands[0].min_monthly_usd != 0:
        problems.append((("verdict_bands", 0, "min_monthly_usd"), "the first band must start at 0"))
    for index, band in enumerate(bands):
        last = index == len(bands) - 1
        if last and band.max_monthly_usd is not None:
            problems.append(
                (("verdict_bands", index, "max_monthly_usd"), "the last band must have no max")
            )
        if not last:
            nxt = bands[index + 1]
            if band.max_monthly_usd is None or band.max_monthly_usd != nxt.min_monthly_usd:
                problems.append(
                    (
                        ("verdict_bands", index, "max_monthly_usd"),
                        f"must equal the next band's min_monthly_usd ({nxt.min_monthly_usd})",
                    )
                )
            elif band.max_monthly_usd <= band.min_monthly_usd:
                problems.append(
                    (("verdict_bands", index, "max_monthly_usd"), "must exceed min_monthly_usd")
                )
    return problems
