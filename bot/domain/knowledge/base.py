"""Shared pieces of the knowledge models: base class, field types, located problems.

Every model loaded from ``knowledge/*.yaml`` derives from :class:`KnowledgeModel`
(unknown keys are errors, instances are immutable). Checks that span several
fields (graph shape, unique ids) raise :class:`Problems`, which carries each
problem's location relative to the model that raised it, so the loader can print
``knowledge/<file>: <dotted.location>: <message>`` lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

Loc = tuple[str | int, ...]
Problem = tuple[Loc, str]

# Non-empty text, surrounding whitespace removed (folded YAML scalars end in "\n").
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Machine ids: referenced from other files, Slack action values and Redis state.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
# Lookup words a user may type ("l5", "build-vs-buy"); stored in normalized form.
Alias = Annotated[str, StringConstraints(pattern=r"^[a-z0-9+][a-z0-9+-]*$", max_length=40)]


def normalize_key(text: str) -> str:
    """Fold what a user typed to alias form: ``" Build vs_Buy "`` -> ``"build-vs-buy"``."""
    return re.sub(r"[\s_-]+", "-", text.strip().lower()).strip("-")


class Problems(ValueError):
    """Several located problems found by one validator.

    Raised inside a pydantic validator, it reaches the loader intact through the
    error's ``ctx["error"]``; the loader prefixes each location with the location
    of the model that raised it.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(f"{dotted(loc)}: {msg}" for loc, msg in self.problems))


def dotted(loc: Loc) -> str:
    """``("nodes", "rag", "wins", 0)`` -> ``"nodes.rag.wins.0"``; empty -> ``"(root)"``."""
    return ".".join(str(part) for part in loc) if loc else "(root)"


def duplicate_ids(field: str, items: Iterable[Any]) -> list[Problem]:
    """Problems for items of one list field sharing an ``id`` with an earlier item."""
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for index, item in enumerate(items):
        item_id = getattr(item, "id", None)
        if not isinstance(item_id, str):
            continue
        if item_id in first:
            problems.append(
                (
                    (field, index, "id"),
                    f"duplicate id {item_id!r} (first used at {field}.{first[item_id]})",
                )
            )
        else:
            first[item_id] = index
    return problems


class KnowledgeModel(BaseModel):
    """Base of every knowledge model: unknown keys are errors; instances are frozen.

    Any tuple field holding items with an ``id`` must have unique ids.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    FILE: ClassVar[str]  # a root model's file under knowledge/ (set by the six root models)

    @model_validator(mode="after")
    def _ids_are_unique(self) -> KnowledgeModel:
        problems: list[Problem] = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, tuple):
                problems.extend(duplicate_ids(name, value))
        if problems:
            raise Problems(problems)
        return self
