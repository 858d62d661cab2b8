"""Fixtures for the /buildvsbuy scenario tests."""

from __future__ import annotations

import pytest

from bot.deps import Deps


@pytest.fixture
def tree(knowledge):
    return knowledge.tree


@pytest.fixture
def deps(settings, store, knowledge) -> Deps:
    return Deps(settings=settings, store=store, knowledge=knowledge)
