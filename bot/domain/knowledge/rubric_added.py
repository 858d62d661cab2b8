"""What Tradeoffs adds to the lead frameworks' hiring rubric (``added:`` in rubric.yaml).

The lead frameworks give two bars per area (Mid, and one shared Senior / Lead bar). Everything
here was written for this product, not quoted, and says so in the data with
``source: written for Tradeoffs``: the checklist a practising candidate ticks, what Staff and
Lead / Principal add on top of the Senior / Lead bar, follow-up questions and red flags for the
interviewer kit, the areas a level treats as critical, the Lead-level probe set on strategy and
organization, and the kit's timed plans.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from bot.domain.knowledge.base import Id, KnowledgeModel, Problems, Text

Source = Literal["written for Tradeoffs"]
Tier = Literal["staff", "lead"]  # the levels whose expectations go beyond the framework's bars
# A level's checklist in an area is the bar's checks (at most 5) plus at most 2 per tier
# above Senior (2 tiers): 9 at most, inside the 10 options of Slack's checkboxes element.
# One item of a checklist: a checkbox option's text holds at most 75 characters.
Check = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=75)]


class Checks(KnowledgeModel):
    """The framework's two bars as items a candidate can tick (our wording of them)."""

    mid: tuple[Check, ...] = Field(min_length=1, max_length=5)
    senior: tuple[Check, ...] = Field(min_length=1, max_length=5)


class TierAdds(KnowledgeModel):
    """What a level above Senior adds in one area: things to show, and one red flag."""

    adds: tuple[Check, ...] = Field(min_length=1, max_length=2)
    red_flag: Text


class AreaAdded(KnowledgeModel):
    source: Source
    checks: Checks
    follow_ups: tuple[Text, Text]  # exactly two, for the interviewer kit
    red_flag: Text  # beside the framework's red signal, at every level
    staff: TierAdds
    lead: TierAdds

    def tier(self, tier: Tier) -> TierAdds:
        return self.staff if tier == "staff" else self.lead


class Probe(KnowledgeModel):
    """A probe beyond the 8 areas (the Lead-level set on strategy and organization)."""

    id: Id
    name: Text
    probe: Text
    follow_ups: tuple[Text, Text]
    strong: tuple[Text, ...] = Field(min_length=1)
    red_flags: tuple[Text, ...] = Field(min_length=1)


class LevelAdded(KnowledgeModel):
    source: Source
    adds: tuple[Tier, ...] = ()  # which tiers' additions apply at this level, in order
    critical: tuple[Id, ...] = ()  # a Red in one of these blocks "Hire" at this level
    why_critical: Text | None = None
    probes: tuple[Probe, ...] = ()  # asked after the 8 areas (Lead / Principal)


class KitLength(KnowledgeModel):
    """One interview length: fixed minutes for the opening, the calibration questions and the
    close; what is left is shared by the areas and probes."""

    minutes: int = Field(ge=20, le=180)
    opening: int = Field(ge=0)
    calibration: int = Field(ge=0)
    closing: int = Field(ge=0)

    @model_validator(mode="after")
    def _leaves_time_for_areas(self) -> KitLength:
        if self.minutes - self.opening - self.calibration - self.closing < 10:
            raise Problems([((), "leave at least 10 minutes for the areas")])
        return self


class KitWeights(KnowledgeModel):
    """Relative time per slot: an area, an area the level marks critical, an extra probe."""

    area: int = Field(ge=1)
    critical: int = Field(ge=1)
    probe: int = Field(ge=1)


class Kit(KnowledgeModel):
    source: Source
    lengths: tuple[KitLength, ...] = Field(min_length=1)
    default_minutes: int
    weights: KitWeights

    @model_validator(mode="after")
    def _default_is_a_length(self) -> Kit:
        if self.length(self.default_minutes) is None:
            raise Problems([(("default_minutes",), "must be one of the lengths")])
        return self

    def length(self, minutes: int) -> KitLength | None:
        return next((k for k in self.lengths if k.minutes == minutes), None)


class SelfRating(KnowledgeModel):
    """The rating suggested from a practice checklist: Green from ``green_from`` percent of
    the items ticked, Mixed from ``mixed_from``, Red below."""

    source: Source
    green_from: int = Field(ge=1, le=100)
    mixed_from: int = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> SelfRating:
        if self.mixed_from > self.green_from:
            raise Problems([(("mixed_from",), "must not be above green_from")])
        return self

    def suggest(self, ticked: int, total: int) -> Literal["green", "mixed", "red"]:
        share = 100 * ticked / total if total else 0
        if share >= self.green_from:
            return "green"
        return "mixed" if share >= self.mixed_from else "red"
