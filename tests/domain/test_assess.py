"""Self-assessment: rate the five domains in order; weakest (ties to the first), strongest."""

from __future__ import annotations

import pytest

from bot.domain import assess
from bot.domain.assess import AssessError
from bot.domain.knowledge.registry import Knowledge

ORDER = ["systems", "modeling", "product", "people", "meta_learning"]


@pytest.fixture
def omap(knowledge: Knowledge):
    return knowledge.operating_map


def _rate_all(omap, scores: list[int]) -> dict[str, int]:
    given: dict[str, int] = {}
    for score in scores:
        given = assess.rate(omap, given, score)
    return given


@pytest.mark.parametrize(
    ("scores", "weakest", "tied", "strongest"),
    [
        ([4, 2, 5, 3, 4], "modeling", [], "product"),
        ([3, 3, 3, 3, 1], "meta_learning", [], "systems"),
        ([2, 4, 2, 5, 2], "systems", ["product", "meta_learning"], "people"),
        ([5, 5, 5, 5, 5], "systems", ["modeling", "product", "people", "meta_learning"], "systems"),
    ],
)
def test_result(omap, scores, weakest, tied, strongest) -> None:
    result = assess.result(omap, _rate_all(omap, scores))
    assert result is not None
    assert result.weakest.id == weakest
    assert [d.id for d in result.tied] == tied
    assert result.strongest.id == strongest
    assert [d.id for d, _ in result.scores] == ORDER
    assert result.capabilities == omap.domain(weakest).key_capabilities
    assert [s.cadence for s in result.rhythm] == ["weekly", "monthly", "quarterly", "yearly"]


def test_domains_come_in_map_order(omap) -> None:
    given: dict[str, int] = {}
    seen = []
    while (domain := assess.next_domain(omap, given)) is not None:
        seen.append(domain.id)
        given = assess.rate(omap, given, 3)
    assert seen == ORDER


def test_no_result_until_every_domain_is_rated(omap) -> None:
    assert assess.result(omap, _rate_all(omap, [3, 3, 3, 3])) is None


@pytest.mark.parametrize(
    ("scores", "score", "code"),
    [([], 0, "bad_score"), ([], 6, "bad_score"), ([1, 2, 3, 4, 5], 3, "already_done")],
)
def test_bad_ratings(omap, scores: list[int], score: int, code: str) -> None:
    with pytest.raises(AssessError) as caught:
        assess.rate(omap, _rate_all(omap, scores), score)
    assert caught.value.code == code
