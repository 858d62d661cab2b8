"""The registry of the ``knowledge/*.yaml`` files: which model each holds, and the checks
that span files.

``FILES`` maps each file name to its :class:`KnowledgeFile`: the root model and the
:class:`Knowledge` attribute holding it. ``bot.knowledge_loader.load_knowledge`` reads the
files, validates them, runs :func:`cross_file_problems`, and returns a
:class:`Knowledge`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from bot.domain.knowledge.base import Loc, dotted
from bot.domain.knowledge.costs import CostKnowledge
from bot.domain.knowledge.frameworks import Frameworks
from bot.domain.knowledge.operating_map import OperatingMap
from bot.domain.knowledge.rubric import Rubric
from bot.domain.knowledge.selfhost import SelfHostKnowledge
from bot.domain.knowledge.tree import DecisionTree


@dataclass(frozen=True)
class KnowledgeFile:
    """One file under ``knowledge/``: its root model and the Knowledge attribute holding it."""

    model: type[BaseModel]  # its FILE class attribute names the file
    attribute: str


FILES: dict[str, KnowledgeFile] = {
    model.FILE: KnowledgeFile(model, attribute)
    for model, attribute in (
        (DecisionTree, "tree"),
        (Rubric, "rubric"),
        (Frameworks, "frameworks"),
        (OperatingMap, "operating_map"),
        (CostKnowledge, "costs"),
        (SelfHostKnowledge, "selfhost"),
    )
}


@dataclass(frozen=True)
class Knowledge:
    """Everything under ``knowledge/``, validated, one attribute per file."""

    tree: DecisionTree
    rubric: Rubric
    frameworks: Frameworks
    operating_map: OperatingMap
    costs: CostKnowledge
    selfhost: SelfHostKnowledge

    def __post_init__(self) -> None:
        by_file = {name: getattr(self, file.attribute) for name, file in FILES.items()}
        problems = cross_file_problems(by_file)
        if problems:
            raise ValueError("; ".join(f"{f}: {dotted(loc)}: {m}" for f, loc, m in problems))

    @classmethod
    def from_files(cls, models: Mapping[str, BaseModel]) -> Knowledge:
        """Build from ``{file name: root model}``, as the loader produces."""
        return cls(**{FILES[name].attribute: model for name, model in models.items()})  # type: ignore[arg-type]


def cross_file_problems(models: Mapping[str, BaseModel]) -> list[tuple[str, Loc, str]]:
    """References from one file to ids defined in another that do not resolve.

    ``models`` may lack files that failed to load; checks needing them are skipped.
    Returns ``(file name, location in that file, message)`` triples.
    """
    problems: list[tuple[str, Loc, str]] = []
    tree = models.get("decision_tree.yaml")
    frameworks = models.get("frameworks.yaml")
    if isinstance(tree, DecisionTree) and isinstance(frameworks, Frameworks):
        found = tree.reference_problems(frameworks.stack_layer_ids, frameworks.phase_ids)
        problems.extend(("decision_tree.yaml", loc, message) for loc, message in found)
    return problems
