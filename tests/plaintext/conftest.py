"""The cost knowledge fixture, as the domain tests have it."""

from __future__ import annotations

from tests.domain.cost.conftest import costs

__all__ = ["costs"]
