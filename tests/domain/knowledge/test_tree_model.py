"""The decision tree model: the real tree's shape, look-ups, and graph validation."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from bot.domain.knowledge.base import Problems
from bot.domain.knowledge.tree import DecisionTree, Outcome, Question, TreePath, UnknownNodeError
from bot.errors import TradeoffsError
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge


@pytest.fixture(scope="module")
def tree() -> DecisionTree:
    return load_knowledge(KNOWLEDGE_DIR).tree


def test_real_tree_paths_follow_the_seed(tree: DecisionTree) -> None:
    no, yes = "no", "yes"
    assert tree.start == "can_prompt"
    assert tree.paths() == (
        TreePath((("can_prompt", yes),), "prompting"),
        TreePath((("can_prompt", no), ("missing_knowledge", yes)), "rag"),
        TreePath(
            (
                ("can_prompt", no),
                ("missing_knowledge", no),
                ("missing_behavior", yes),
                ("few_shot_enough", yes),
            ),
            "prompting",
        ),
        TreePath(
            (
                ("can_prompt", no),
                ("missing_knowledge", no),
                ("missing_behavior", yes),
                ("few_shot_enough", no),
            ),
            "fine_tune",
        ),
        TreePath(
            (
                ("can_prompt", no),
                ("missing_knowledge", no),
                ("missing_behavior", no),
                ("latency_cost_residency", yes),
            ),
            "distill_self_host",
        ),
        TreePath(
            (
                ("can_prompt", no),
                ("missing_knowledge", no),
                ("missing_behavior", no),
                ("latency_cost_residency", no),
            ),
            "reframe",
        ),
    )


def test_real_tree_has_five_outcomes_all_starting_with_the_spike(tree: DecisionTree) -> None:
    assert list(tree.outcomes) == ["prompting", "rag", "fine_tune", "distill_self_host", "reframe"]
    assert [q.step for q in tree.questions.values()] == [1, 2, 3, 4, 5]
    assert {o.next_step.phase for o in tree.outcomes.values()} == {"spike"}
    assert tree.outcome("fine_tune").costs_and_risks[0] == "Dataset curation is the hard part."
    assert tree.outcome("reframe").stack_layers == ()


@pytest.mark.parametrize(
    ("node_id", "expected"),
    [
        ("can_prompt", False),
        ("few_shot_enough", False),
        ("prompting", True),
        ("reframe", True),
    ],
)
def test_is_outcome(tree: DecisionTree, node_id: str, expected: bool) -> None:
    assert tree.is_outcome(node_id) is expected
    assert isinstance(tree.node(node_id), Outcome if expected else Question)


@pytest.mark.parametrize(
    ("call", "node_id", "message"),
    [
        ("node", "nope", "no node 'nope' in the decision tree"),
        ("is_outcome", "", "no node '' in the decision tree"),
        ("question", "rag", "no question 'rag' in the decision tree"),
        ("outcome", "can_prompt", "no outcome 'can_prompt' in the decision tree"),
    ],
)
def test_bad_lookups_raise_a_domain_error(
    tree: DecisionTree, call: str, node_id: str, message: str
) -> None:
    with pytest.raises(UnknownNodeError, match=f"^{message}$") as caught:
        getattr(tree, call)(node_id)
    assert isinstance(caught.value, TradeoffsError)
    assert caught.value.node_id == node_id


def test_question_edge(tree: DecisionTree) -> None:
    question = tree.question("missing_knowledge")
    assert (question.edge("yes"), question.edge("no")) == ("rag", "missing_behavior")


def _q(yes: str, no: str, step: int = 1) -> dict[str, Any]:
    found = {"yes": "It is so.", "no": "It is not so."}
    return {
        "kind": "question", "step": step, "text": "Q?", "explain": "E.", "yes": yes, "no": no,
        "found": found,
    }  # fmt: skip


def _o() -> dict[str, Any]:
    return {
        "kind": "outcome",
        "title": "T",
        "summary": "S.",
        "wins": ["w"],
        "gains": ["G."],
        "costs_and_risks": ["C."],
        "stack_layers": [],
        "next_step": {"phase": "spike", "action": "Do it."},
    }


@pytest.mark.parametrize(
    ("start", "nodes", "problems"),
    [
        pytest.param("a", {"a": _q("x", "y"), "x": _o(), "y": _o()}, [], id="valid"),
        pytest.param(
            "a",
            {"a": _q("x", "gone"), "x": _o()},
            [(("nodes", "a", "no"), "edge to unknown node 'gone'")],
            id="broken-edge",
        ),
        pytest.param(
            "a",
            {"a": _q("b", "x"), "b": _q("a", "x"), "x": _o()},
            [(("nodes", "b", "yes"), "edge closes a cycle: a -> b -> a")],
            id="cycle",
        ),
        pytest.param(
            "a",
            {"a": _q("x", "x"), "x": _o(), "lost": _o()},
            [(("nodes", "lost"), "unreachable from start 'a'")],
            id="unreachable",
        ),
        pytest.param(
            "a",
            {"a": _q("b", "x"), "b": _q("b", "b"), "x": _o()},
            [
                (("nodes", "b", "yes"), "edge closes a cycle: b -> b"),
                (("nodes", "b", "no"), "edge closes a cycle: b -> b"),
                (("nodes", "b"), "no path from this question to an outcome"),
            ],
            id="no-path-to-outcome",
        ),
        pytest.param(
            "x",
            {"a": _q("x", "x"), "x": _o()},
            [(("start",), "'x' is an outcome; the tree must start with a question")],
            id="start-is-outcome",
        ),
        pytest.param(
            "zz",
            {"a": _q("x", "x"), "x": _o()},
            [(("start",), "unknown node 'zz'")],
            id="start-unknown",
        ),
        pytest.param(
            "a",
            {"a": {**_q("x", "x"), "id": "b"}, "x": _o()},
            [(("nodes", "a", "id"), "id 'b' does not match its key 'a'")],
            id="id-differs-from-key",
        ),
    ],
)
def test_graph_validation(start: str, nodes: dict[str, Any], problems: list[Any]) -> None:
    if not problems:
        assert DecisionTree.model_validate({"start": start, "nodes": nodes}).start == start
        return
    with pytest.raises(ValidationError) as caught:
        DecisionTree.model_validate({"start": start, "nodes": nodes})
    [error] = caught.value.errors()
    raised = error["ctx"]["error"]
    assert isinstance(raised, Problems)
    assert list(raised.problems) == problems


@pytest.mark.parametrize(
    ("nodes", "problems"),
    [
        pytest.param(
            {"a": _q("b", "x"), "b": _q("x", "y", 2), "x": {**_o(), "via": {"a": "A.", "b": "B."}},
             "y": _o()},
            [], id="both-sources-said",
        ),
        pytest.param(
            {"a": _q("b", "x"), "b": _q("x", "y", 2), "x": {**_o(), "via": {"a": "A."}}, "y": _o()},
            [(("nodes", "x", "via"), "reached from 'b' too: say what it means from there")],
            id="one-source-unsaid",
        ),
        pytest.param(
            {"a": _q("x", "y"), "x": {**_o(), "via": {"y": "Y."}}, "y": _o()},
            [(("nodes", "x", "via", "y"), "'y' is not a question leading to 'x'")],
            id="via-from-elsewhere",
        ),
        pytest.param({"a": _q("x", "x"), "x": _o()}, [], id="one-question-two-edges"),
    ],
)  # fmt: skip
def test_an_outcome_reached_from_two_questions_says_what_it_means_from_each(
    nodes: dict[str, Any], problems: list[Any]
) -> None:
    if not problems:
        assert DecisionTree.model_validate({"start": "a", "nodes": nodes}).start == "a"
        return
    with pytest.raises(ValidationError) as caught:
        DecisionTree.model_validate({"start": "a", "nodes": nodes})
    assert list(caught.value.errors()[0]["ctx"]["error"].problems) == problems


@pytest.mark.parametrize(
    ("field", "text", "ok"),
    [("gains", ["Fine."], True), ("gains", ["no capital."], False), ("gains", ["No stop"], False),
     ("costs_and_risks", ["fragment"], False), ("summary", "It works!", True),
     ("summary", "lower case.", False)],
)  # fmt: skip
def test_record_bullets_must_be_sentences(field: str, text: Any, ok: bool) -> None:
    nodes = {"a": _q("x", "y"), "x": {**_o(), field: text}, "y": _o()}
    if ok:
        DecisionTree.model_validate({"start": "a", "nodes": nodes})
        return
    with pytest.raises(ValidationError, match="write it as a sentence"):
        DecisionTree.model_validate({"start": "a", "nodes": nodes})


def test_the_real_tree_never_contradicts_its_path(tree: DecisionTree) -> None:
    prompting = tree.outcome("prompting")
    via_few_shot = tree.summary_of(prompting, "few_shot_enough")
    assert "Stop here" not in via_few_shot
    assert "few-shot" in via_few_shot
    assert tree.summary_of(prompting, "can_prompt").startswith("Stop here")
    assert tree.summary_of(tree.outcome("rag"), "missing_knowledge") == tree.outcome("rag").summary


def test_outcomes_from_a_question(tree: DecisionTree) -> None:
    assert [o.id for o in tree.outcomes_from("missing_behavior")] == [
        "prompting", "fine_tune", "distill_self_host", "reframe",
    ]  # fmt: skip
    assert [o.id for o in tree.outcomes_from("rag")] == ["rag"]


def test_reference_problems(tree: DecisionTree) -> None:
    layers = ("foundation_model", "eval_harness", "prompt_management", "observability")
    found = tree.reference_problems(layers, ("spike",))
    assert found[0] == (
        ("nodes", "rag", "stack_layers", 1),
        "unknown stack layer 'embedding_model'; known: " + ", ".join(layers),
    )
    assert tree.reference_problems(layers, ("poc",))[0] == (
        ("nodes", "prompting", "next_step", "phase"),
        "unknown rollout phase 'spike'; known: poc",
    )
