"""Self-assessment across the operating map's five domains.

Pure. Rate each domain on the map's scale (``operating_map.yaml``: ``self_assessment``), in
the map's order; the result names the weakest domain (lowest score; a tie goes to the domain
listed first, and the others tied are named), its key capabilities to work on, and the
synthesis rhythm of the discovery system.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pydantic import Field

from bot.domain.flows import FlowState
from bot.domain.knowledge.operating_map import Domain, OperatingMap, Synthesis
from bot.errors import CodedError


class AssessError(CodedError):
    """A rating the assessment can't take; ``code`` keys the words in bot/texts/assess.py."""

    topic: ClassVar[str] = "assess"


class AssessFlow(FlowState):
    """One self-assessment, as stored: whose it is, where it lives, the scores so far."""

    scores: dict[str, int] = Field(default_factory=dict)  # domain id -> score

    @property
    def turn(self) -> int:
        return len(self.scores)


@dataclass(frozen=True)
class Result:
    scores: tuple[tuple[Domain, int], ...]  # in the map's order
    weakest: Domain
    tied: tuple[Domain, ...]  # other domains with the same lowest score
    strongest: Domain
    rhythm: tuple[Synthesis, ...]

    @property
    def capabilities(self) -> tuple[str, ...]:
        return self.weakest.key_capabilities


def next_domain(omap: OperatingMap, scores: dict[str, int]) -> Domain | None:
    return next((d for d in omap.domains if d.id not in scores), None)


def rate(omap: OperatingMap, scores: dict[str, int], score: int) -> dict[str, int]:
    """The scores with ``score`` given to the current domain."""
    domain = next_domain(omap, scores)
    if domain is None:
        raise AssessError("already_done")
    valid = [point.score for point in omap.self_assessment.scale]
    if score not in valid:
        raise AssessError("bad_score", score=score, low=valid[0], high=valid[-1])
    return {**scores, domain.id: score}


def result(omap: OperatingMap, scores: dict[str, int]) -> Result | None:
    """The result once every domain is rated, else None."""
    if next_domain(omap, scores) is not None:
        return None
    rated = tuple((d, scores[d.id]) for d in omap.domains)
    lowest = min(score for _, score in rated)
    at_lowest = [d for d, score in rated if score == lowest]
    strongest = max(rated, key=lambda pair: pair[1])[0]  # first of the highest
    return Result(
        scores=rated,
        weakest=at_lowest[0],
        tied=tuple(at_lowest[1:]),
        strongest=strongest,
        rhythm=omap.discovery_system.rhythm,
    )
