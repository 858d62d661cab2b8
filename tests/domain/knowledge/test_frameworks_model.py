"""The frameworks and operating-map models: look-ups other features use."""

from __future__ import annotations

import pytest

from bot.domain.knowledge.frameworks import Frameworks
from bot.domain.knowledge.operating_map import OperatingMap
from bot.domain.knowledge.registry import FILES, Knowledge
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(KNOWLEDGE_DIR)


def test_registry_matches_the_container() -> None:
    assert {file.attribute for file in FILES.values()} == set(Knowledge.__dataclass_fields__)


@pytest.mark.parametrize(
    ("phase_id", "name", "duration"),
    [("spike", "Spike", "1-2 weeks"), ("poc", "PoC", "2-4 weeks"), ("ga", "GA", "Ongoing")],
)
def test_phase_lookup(knowledge: Knowledge, phase_id: str, name: str, duration: str) -> None:
    phase = knowledge.frameworks.phase(phase_id)
    assert (phase.name, phase.duration) == (name, duration)


def test_unknown_ids_raise_key_error(knowledge: Knowledge) -> None:
    frameworks: Frameworks = knowledge.frameworks
    with pytest.raises(KeyError):
        frameworks.phase("beta")
    with pytest.raises(KeyError):
        frameworks.stack_layer("gpu")


def test_frameworks_rows(knowledge: Knowledge) -> None:
    frameworks = knowledge.frameworks
    assert frameworks.phase_ids == ("spike", "poc", "pilot", "ga")
    assert frameworks.stack_layer("serving").default_choice == "vLLM / TGI / SageMaker"
    assert frameworks.answer_template("build_vs_buy").answer.startswith("Default to prompting;")
    assert len(frameworks.vendor_vs_open_weights.factors) == 8
    assert [c.partner for c in frameworks.contracts][-1] == "Finance"


@pytest.mark.parametrize(
    ("key", "name"),
    [("systems", "Systems & Infrastructure"), ("4", "People & Organization"), ("x", None)],
)
def test_domain_lookup(knowledge: Knowledge, key: str, name: str | None) -> None:
    found = knowledge.operating_map.domain(key)
    assert (found.name if found else None) == name


def test_operating_map_shape(knowledge: Knowledge) -> None:
    operating_map: OperatingMap = knowledge.operating_map
    assert [d.tagline for d in operating_map.domains] == [
        "the engineering spine",
        "the cognitive layer",
        "the translation layer",
        "the scaling layer",
        "the self-evolution layer",
    ]
    assert [s.cadence for s in operating_map.discovery_system.rhythm] == [
        "weekly",
        "monthly",
        "quarterly",
        "yearly",
    ]
    assert [f.id for f in operating_map.discernment.filters] == ["relevance", "temporal", "depth"]


def test_knowledge_rejects_broken_cross_references(knowledge: Knowledge) -> None:
    frameworks = knowledge.frameworks.model_copy(
        update={"stack_layers": knowledge.frameworks.stack_layers[1:]}
    )
    with pytest.raises(ValueError, match="unknown stack layer 'foundation_model'"):
        Knowledge(**{**knowledge.__dict__, "frameworks": frameworks})
