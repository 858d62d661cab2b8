"""The decision tree's shape checks: edges land, no cycles, everything reachable, every
question leads to an outcome, and an outcome reached from several questions says what it
means from each (``via``). Problems come back located, in a stable order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.domain.knowledge.base import Problem

if TYPE_CHECKING:
    from bot.domain.knowledge.tree import Answer, Outcome, Question

ANSWERS: tuple[Answer, Answer] = ("yes", "no")


def graph_problems(start: str, nodes: dict[str, Question | Outcome]) -> list[Problem]:
    """Everything wrong with the shape of the graph, in a stable order."""
    from bot.domain.knowledge.tree import Question  # the models import these checks
    problems: list[Problem] = [
        (("nodes", key, "id"), f"id {node.id!r} does not match its key {key!r}")
        for key, node in nodes.items()
        if node.id != key
    ]
    questions = {k: n for k, n in nodes.items() if isinstance(n, Question)}
    if start not in nodes:
        problems.append((("start",), f"unknown node {start!r}"))
    elif start not in questions:
        problems.append(
            (("start",), f"{start!r} is an outcome; the tree must start with a question")
        )

    edges: dict[str, list[tuple[Answer, str]]] = {key: [] for key in nodes}
    for key, question in questions.items():
        for answer in ANSWERS:
            target = question.edge(answer)
            if target in nodes:
                edges[key].append((answer, target))
            else:
                problems.append((("nodes", key, answer), f"edge to unknown node {target!r}"))

    problems.extend(_cycle_problems(edges))

    if start in questions:
        reached = {start}
        todo = [start]
        while todo:
            for _, target in edges[todo.pop()]:
                if target not in reached:
                    reached.add(target)
                    todo.append(target)
        problems.extend(
            (("nodes", key), f"unreachable from start {start!r}")
            for key in nodes
            if key not in reached
        )

    ends = {key for key in nodes if key not in questions}
    grew = True
    while grew:
        grew = False
        for key in questions:
            if key not in ends and any(target in ends for _, target in edges[key]):
                ends.add(key)
                grew = True
    problems.extend(
        (("nodes", key), "no path from this question to an outcome")
        for key in questions
        if key not in ends
    )
    return problems


def via_problems(nodes: dict[str, Question | Outcome]) -> list[Problem]:
    """An outcome reached from several questions has a ``via`` summary for each of them
    (so none contradicts the path); ``via`` names only questions that lead to it."""
    from bot.domain.knowledge.tree import Outcome, Question  # the models import these checks
    incoming: dict[str, list[str]] = {key: [] for key in nodes}
    for key, node in nodes.items():
        if isinstance(node, Question):
            for answer in ANSWERS:
                incoming.setdefault(node.edge(answer), []).append(key)
    problems: list[Problem] = []
    for key, node in nodes.items():
        if not isinstance(node, Outcome):
            continue
        sources = incoming.get(key, [])
        problems.extend(
            (("nodes", key, "via", name), f"{name!r} is not a question leading to {key!r}")
            for name in node.via
            if name not in sources
        )
        if len(set(sources)) > 1:
            problems.extend(
                (("nodes", key, "via"), f"reached from {name!r} too: say what it means from there")
                for name in dict.fromkeys(sources)
                if name not in node.via
            )
    return problems


def _cycle_problems(edges: dict[str, list[tuple[Answer, str]]]) -> list[Problem]:
    """One problem per edge that closes a cycle (depth-first, in file order)."""
    problems: list[Problem] = []
    done: set[str] = set()
    stack: list[str] = []

    def visit(key: str) -> None:
        stack.append(key)
        for answer, target in edges[key]:
            if target in stack:
                cycle = " -> ".join([*stack[stack.index(target) :], target])
                problems.append((("nodes", key, answer), f"edge closes a cycle: {cycle}"))
            elif target not in done:
                visit(target)
        stack.pop()
        done.add(key)

    for key in edges:
        if key not in done:
            visit(key)
    return problems
