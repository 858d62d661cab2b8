"""The build / buy / fine-tune decision tree (``knowledge/decision_tree.yaml``).

A graph of question nodes (``yes``/``no`` edges) and outcome nodes, keyed by id.
Validation guarantees: ``start`` is a question; every edge lands on a node; no
cycles; every node is reachable from ``start``; every question has a path to an
outcome. So walking from ``start`` always ends on an outcome.

Walking state (where a user is, what they answered) is not kept here: the flow
owns that. This module only offers pure look-ups over the graph.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator

from bot.domain.knowledge.base import Id, KnowledgeModel, Problem, Problems, Text
from bot.domain.knowledge.tree_checks import ANSWERS, graph_problems, via_problems
from bot.errors import TradeoffsError

Answer = Literal["yes", "no"]


class UnknownNodeError(TradeoffsError, LookupError):
    """A node id (e.g. from a stale button) is not in the tree, or is the wrong kind."""

    def __init__(self, node_id: str, expected: str = "node") -> None:
        super().__init__(f"no {expected} {node_id!r} in the decision tree")
        self.node_id = node_id


def _sentence(text: str) -> str:
    """A record's bullets are read as sentences: a capital (or a digit) first, a stop last."""
    if not (text[:1].isupper() or text[:1].isdigit()) or text[-1:] not in ".!?":
        raise ValueError("write it as a sentence: a capital letter first, a full stop last")
    return text


Sentence = Annotated[Text, AfterValidator(_sentence)]


class Found(KnowledgeModel):
    """What each answer to a question establishes, one sentence each (for the record)."""

    yes: Sentence
    no: Sentence

    def of(self, answer: Answer) -> str:
        return self.yes if answer == "yes" else self.no


class NextStep(KnowledgeModel):
    """What to do first after reaching an outcome: a rollout phase and the action in it."""

    phase: Id  # a rollout phase id from knowledge/frameworks.yaml (e.g. "spike")
    action: Text


class Question(KnowledgeModel):
    kind: Literal["question"]
    id: Id
    step: int = Field(ge=1)  # the step number in the seed's tree
    text: Text
    explain: Text
    yes: Id
    no: Id
    found: Found

    def edge(self, answer: Answer) -> str:
        """The id of the node this answer leads to."""
        return self.yes if answer == "yes" else self.no


class Outcome(KnowledgeModel):
    kind: Literal["outcome"]
    id: Id
    title: Text
    summary: Sentence
    via: dict[Id, Sentence] = Field(default_factory=dict)  # question id -> summary from it
    ruled_out: Sentence | None = None  # why a path that found otherwise doesn't end here
    wins: tuple[Text, ...] = Field(min_length=1)  # when it wins (the seed's conditions)
    gains: tuple[Sentence, ...] = Field(min_length=1)  # what a record says we gain
    costs_and_risks: tuple[Sentence, ...] = Field(min_length=1)
    stack_layers: tuple[Id, ...]  # stack layer ids from knowledge/frameworks.yaml
    next_step: NextStep


Node = Annotated[Question | Outcome, Field(discriminator="kind")]


@dataclass(frozen=True)
class TreePath:
    """One root-to-outcome path: the (question id, answer) steps, then the outcome id."""

    steps: tuple[tuple[str, Answer], ...]
    outcome: str


class DecisionTree(KnowledgeModel):
    FILE: ClassVar[str] = "decision_tree.yaml"  # its file under knowledge/

    start: Id
    nodes: dict[Id, Node]

    @model_validator(mode="before")
    @classmethod
    def _ids_from_keys(cls, data: Any) -> Any:
        """A node's id is its key; writing ``id:`` inside the node is allowed but redundant."""
        if isinstance(data, dict) and isinstance(data.get("nodes"), dict):
            nodes = {
                key: {"id": key, **node} if isinstance(node, dict) and "id" not in node else node
                for key, node in data["nodes"].items()
            }
            data = {**data, "nodes": nodes}
        return data

    @model_validator(mode="after")
    def _graph_is_sound(self) -> DecisionTree:
        problems = graph_problems(self.start, self.nodes) or via_problems(self.nodes)
        if problems:
            raise Problems(problems)
        return self

    # -- look-ups ---------------------------------------------------------------

    @property
    def questions(self) -> dict[str, Question]:
        return {k: n for k, n in self.nodes.items() if isinstance(n, Question)}

    @property
    def outcomes(self) -> dict[str, Outcome]:
        return {k: n for k, n in self.nodes.items() if isinstance(n, Outcome)}

    def node(self, node_id: str) -> Question | Outcome:
        """The node with this id; raises :class:`UnknownNodeError` if there is none."""
        try:
            return self.nodes[node_id]
        except KeyError:
            raise UnknownNodeError(node_id) from None

    def question(self, node_id: str) -> Question:
        found = self.node(node_id)
        if not isinstance(found, Question):
            raise UnknownNodeError(node_id, "question")
        return found

    def outcome(self, node_id: str) -> Outcome:
        found = self.node(node_id)
        if not isinstance(found, Outcome):
            raise UnknownNodeError(node_id, "outcome")
        return found

    def summary_of(self, outcome: Outcome, came_from: str | None) -> str:
        """The outcome's summary for a walk that reached it from question ``came_from``."""
        return outcome.via.get(came_from or "", outcome.summary)

    def is_outcome(self, node_id: str) -> bool:
        """True for an outcome, False for a question; raises for an unknown id."""
        return isinstance(self.node(node_id), Outcome)

    def outcomes_from(self, node_id: str) -> tuple[Outcome, ...]:
        """Every outcome a walk from ``node_id`` can end on, ``yes`` first, each once."""
        found: dict[str, Outcome] = {}

        def walk(key: str) -> None:
            node = self.nodes[key]
            if isinstance(node, Outcome):
                found.setdefault(key, node)
                return
            for answer in ANSWERS:
                walk(node.edge(answer))

        walk(node_id)
        return tuple(found.values())

    def paths(self) -> tuple[TreePath, ...]:
        """Every root-to-outcome path, ``yes`` before ``no`` at each question."""
        found: list[TreePath] = []

        def walk(node_id: str, steps: tuple[tuple[str, Answer], ...]) -> None:
            node = self.nodes[node_id]
            if isinstance(node, Outcome):
                found.append(TreePath(steps, node_id))
                return
            for answer in ANSWERS:
                walk(node.edge(answer), (*steps, (node_id, answer)))

        walk(self.start, ())
        return tuple(found)

    def summary(self) -> str:
        return f"{len(self.questions)} questions, {len(self.outcomes)} outcomes"

    def reference_problems(
        self, stack_layers: Collection[str], phases: Collection[str]
    ) -> list[Problem]:
        """Outcomes naming a stack layer or rollout phase that frameworks.yaml lacks."""
        problems: list[Problem] = []
        for key, outcome in self.outcomes.items():
            for index, layer in enumerate(outcome.stack_layers):
                if layer not in stack_layers:
                    known = ", ".join(stack_layers)
                    problems.append(
                        (
                            ("nodes", key, "stack_layers", index),
                            f"unknown stack layer {layer!r}; known: {known}",
                        )
                    )
            if outcome.next_step.phase not in phases:
                problems.append(
                    (
                        ("nodes", key, "next_step", "phase"),
                        f"unknown rollout phase {outcome.next_step.phase!r}; "
                        f"known: {', '.join(phases)}",
                    )
                )
        return problems
