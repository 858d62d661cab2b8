"""The cost and self-host knowledge, loaded once per session; a helper for property tests
that accept a CostInputError as an outcome. Shared by tests/plaintext (its conftest)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
import yaml

from bot.domain.cost.errors import CostInputError
from bot.domain.knowledge.costs import CostKnowledge
from bot.domain.knowledge.selfhost import SelfHostKnowledge
from bot.settings import PROJECT_ROOT

COSTS_YAML = PROJECT_ROOT / "knowledge" / "costs.yaml"
SELFHOST_YAML = PROJECT_ROOT / "knowledge" / "selfhost.yaml"
T = TypeVar("T")


def load_costs() -> CostKnowledge:
    return CostKnowledge.model_validate(yaml.safe_load(COSTS_YAML.read_text(encoding="utf-8")))


def load_selfhost() -> SelfHostKnowledge:
    text = SELFHOST_YAML.read_text(encoding="utf-8")
    return SelfHostKnowledge.model_validate(yaml.safe_load(text))


SELFHOST = load_selfhost()


@pytest.fixture(scope="session")
def costs() -> CostKnowledge:
    return load_costs()


def outcome(call: Callable[[], T]) -> T | CostInputError:
    """The call's result, or the CostInputError it raised (anything else propagates)."""
    try:
        return call()
    except CostInputError as error:
        return error
