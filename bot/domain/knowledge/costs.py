"""LLM cost knowledge (``knowledge/costs.yaml``): calendar constants, self-host defaults,
verdict bands and the 8-lever playbook with its applicability rules.

Prices are not here: they come from genai-prices (``bot/domain/cost/pricing.py``).
Validation guarantees: verdict bands start at 0, are contiguous and end open; lever
numbers are 1..n without gaps; each lever's impact range is ordered; every rule names
a known fact and uses a test that fits the fact's type.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, get_args

from pydantic import Field, model_validator

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
# The part of the bill a lever can cut: its saving here never exceeds that part
# (``uncached_input``: the uncached input, and only by the cache discount when one is known).
ActsOn = Literal["bill", "input", "uncached_input", "output"]
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


class IntDefault(KnowledgeModel):
    value: int = Field(ge=1)
    source: Text


class MoneyDefault(KnowledgeModel):
    value: Money = Field(ge=0, allow_inf_nan=False)
    source: Text


class SelfHostDefaults(KnowledgeModel):
    gpus: IntDefault
    gpu_hour: MoneyDefault  # $ per GPU-hour
    ops: MoneyDefault  # $ per month
    tps: MoneyDefault  # tokens per second one GPU serves (input + output)

    @model_validator(mode="after")
    def _positive_rates(self) -> SelfHostDefaults:
        problems: list[Problem] = [
            ((name, "value"), "must be more than 0")
            for name in ("gpu_hour", "tps")
            if getattr(self, name).value <= 0
        ]
        if problems:
            raise Problems(problems)
        return self


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
    effort_rank: int = Field(ge=1)  # 1 = least effort; ties rank by seed order
    impact_low_pct: Decimal = Field(ge=0, le=100, allow_inf_nan=False)
    impact_high_pct: Decimal = Field(gt=0, le=100, allow_inf_nan=False)
    notes: Text
    why: Text  # shown when the lever applies
    applies_when: tuple[Condition, ...] = Field(min_length=1)
    acts_on: ActsOn = "bill"
    rule_note: Text

    @model_validator(mode="after")
    def _range_ordered(self) -> Lever:
        if self.impact_low_pct > self.impact_high_pct:
            raise ValueError("impact_low_pct must not exceed impact_high_pct")
        return self

    def applies(self, facts: dict[str, Decimal | bool]) -> bool:
        return all(cond.holds(facts[cond.fact]) for cond in self.applies_when)


class CostKnowledge(KnowledgeModel):
    source: Text
    cost_equation: CostEquation
    calendar: Calendar
    self_host_defaults: SelfHostDefaults
    verdict_bands: tuple[VerdictBand, ...] = Field(min_length=1)
    levers: tuple[Lever, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _bands_and_numbers(self) -> CostKnowledge:
        problems = _band_problems(self.verdict_bands)
        numbers = sorted(lever.number for lever in self.levers)
        if numbers != list(range(1, len(self.levers) + 1)):
            problems.append((("levers",), f"lever numbers must be 1..{len(self.levers)}"))
        if problems:
            raise Problems(problems)
        return self

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
