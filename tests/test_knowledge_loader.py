"""Loading the knowledge base: the real files load; each broken copy yields exact lines."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.domain.knowledge.registry import FILES, Knowledge
from bot.errors import KnowledgeError, TradeoffsError
from bot.knowledge_loader import KNOWLEDGE_DIR, check_knowledge, load_knowledge, parse_yaml

TREE, RUBRIC, FRAMEWORKS = "decision_tree.yaml", "rubric.yaml", "frameworks.yaml"
Edit = tuple[str, str, str]  # (file, text that occurs exactly once, replacement)


def _line(name: str, needle: str) -> int:
    text = (KNOWLEDGE_DIR / name).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


START = _line(TREE, "start: can_prompt")
RAG = _line(TREE, "  rag:\n")
REFRAME = _line(TREE, "  reframe:\n")
STAFF_LABEL = _line(RUBRIC, "    label: Staff (L6-equiv)")
CAN_PROMPT = _line(TREE, "  can_prompt:\n")
FEW_SHOT_EDGES = "    yes: prompting\n    no: fine_tune\n"
AREA_KEYS = "id, name, aliases, probe, mid_bar, senior_lead_bar, green, red, added"
LAYERS = (
    "foundation_model, embedding_model, vectors, eval_harness, orchestration, "
    "observability, serving, prompt_management"
)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, directory)
    return directory


def _apply(directory: Path, edits: list[Edit]) -> None:
    for name, old, new in edits:
        path = directory / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur once in {name}"
        path.write_text(text.replace(old, new), encoding="utf-8")


def test_real_knowledge_loads() -> None:
    knowledge = load_knowledge(KNOWLEDGE_DIR)
    assert isinstance(knowledge, Knowledge)
    assert knowledge.tree.summary() == "5 questions, 5 outcomes"
    assert knowledge.costs is not None


def test_real_knowledge_check_summaries() -> None:
    summaries, errors = check_knowledge(KNOWLEDGE_DIR)
    assert errors == []
    assert len(summaries) == len(FILES)
    assert summaries[:2] == [
        "knowledge/decision_tree.yaml: ok: 5 questions, 5 outcomes",
        "knowledge/rubric.yaml: ok: 4 levels, 8 areas, 3 calibration questions, 5 anti-patterns",
    ]
    assert "knowledge/operating_map.yaml: ok: 5 domains, 3 filters, 4 discovery layers, 4 uses" in (
        summaries
    )


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        pytest.param(
            [(RUBRIC, "    red: Buzzwords only\n", "    red: Buzzwords only\n    colour: red\n")],
            [f"knowledge/rubric.yaml: areas.0.colour: unknown key; allowed: {AREA_KEYS}"],
            id="unknown-key",
        ),
        pytest.param(
            [(TREE, "    step: 1\n", "    step: 1\n    hint: try it\n")],
            [
                "knowledge/decision_tree.yaml: nodes.can_prompt.hint: unknown key; "
                "allowed: kind, id, step, text, explain, yes, no, found"
            ],
            id="unknown-key-in-tree-node",
        ),
        pytest.param(
            [(TREE, "    step: 2\n", "    step: two\n")],
            [
                "knowledge/decision_tree.yaml: nodes.missing_knowledge.step: Input should be a "
                "valid integer, unable to parse string as an integer (got 'two')"
            ],
            id="wrong-type-number",
        ),
        pytest.param(
            [(FRAMEWORKS, "      duration: Ongoing\n", "      duration: [1, 2]\n")],
            [
                "knowledge/frameworks.yaml: rollout.phases.3.duration: "
                "Input should be a valid string (got a list)"
            ],
            id="wrong-type-text",
        ),
        pytest.param(
            [(RUBRIC, "    aliases: [l6, staff]\n", "    aliases: l6\n")],
            ["knowledge/rubric.yaml: levels.2.aliases: Input should be a valid list (got 'l6')"],
            id="wrong-type-list",
        ),
        pytest.param(
            [(RUBRIC, "    bar: mid\n", "    bar: junior\n")],
            [
                "knowledge/rubric.yaml: levels.0.bar: "
                "Input should be 'mid' or 'senior_lead' (got 'junior')"
            ],
            id="wrong-enum-value",
        ),
        pytest.param(
            [(RUBRIC, "    probe: Explain transformers; what is KV cache?\n", "")],
            ["knowledge/rubric.yaml: areas.0.probe: required key is missing"],
            id="missing-key",
        ),
        pytest.param(
            [(TREE, "    kind: question\n    step: 4\n", "    kind: questoin\n    step: 4\n")],
            [
                "knowledge/decision_tree.yaml: nodes.few_shot_enough: Input tag 'questoin' found "
                "using 'kind' does not match any of the expected tags: 'question', 'outcome'"
            ],
            id="unknown-node-kind",
        ),
        pytest.param(
            [(TREE, FEW_SHOT_EDGES, "    yes: promting\n    no: fine_tune\n")],
            [
                "knowledge/decision_tree.yaml: nodes.few_shot_enough.yes: "
                "edge to unknown node 'promting'"
            ],
            id="edge-to-missing-node",
        ),
        pytest.param(
            [(TREE, FEW_SHOT_EDGES, "    yes: can_prompt\n    no: fine_tune\n")],
            [
                "knowledge/decision_tree.yaml: nodes.few_shot_enough.yes: edge closes a cycle: "
                "can_prompt -> missing_knowledge -> missing_behavior -> few_shot_enough "
                "-> can_prompt"
            ],
            id="cycle",
        ),
        pytest.param(
            [(TREE, "    no: reframe\n", "    no: distill_self_host\n")],
            ["knowledge/decision_tree.yaml: nodes.reframe: unreachable from start 'can_prompt'"],
            id="unreachable-node",
        ),
        pytest.param(
            [(TREE, FEW_SHOT_EDGES, "    yes: few_shot_enough\n    no: few_shot_enough\n")],
            [
                "knowledge/decision_tree.yaml: nodes.few_shot_enough.yes: "
                "edge closes a cycle: few_shot_enough -> few_shot_enough",
                "knowledge/decision_tree.yaml: nodes.few_shot_enough.no: "
                "edge closes a cycle: few_shot_enough -> few_shot_enough",
                "knowledge/decision_tree.yaml: nodes.fine_tune: unreachable from start 'can_prompt'",
                "knowledge/decision_tree.yaml: nodes.few_shot_enough: "
                "no path from this question to an outcome",
            ],
            id="question-without-path-to-outcome",
        ),
        pytest.param(
            [(TREE, "  reframe:\n", "  rag:\n"), (TREE, "    no: reframe\n", "    no: rag\n")],
            [
                "knowledge/decision_tree.yaml: nodes.rag: "
                f"duplicate key: first on line {RAG}, again on line {REFRAME}",
                # the second rag (reframe's text) is now reached from two questions
                "knowledge/decision_tree.yaml: nodes.rag.via: reached from 'missing_knowledge' "
                "too: say what it means from there",
                "knowledge/decision_tree.yaml: nodes.rag.via: reached from "
                "'latency_cost_residency' too: say what it means from there",
            ],
            id="duplicate-node-id",
        ),
        pytest.param(
            [(RUBRIC, "  - id: staff\n", "  - id: senior\n")],
            ["knowledge/rubric.yaml: levels.2.id: duplicate id 'senior' (first used at levels.1)"],
            id="duplicate-list-id",
        ),
        pytest.param(
            [(TREE, "start: can_prompt\n", "start: can_prompt\nstart: rag\n")],
            [
                "knowledge/decision_tree.yaml: start: "
                f"duplicate key: first on line {START}, again on line {START + 1}",
                "knowledge/decision_tree.yaml: start: "
                "'rag' is an outcome; the tree must start with a question",
            ],
            id="duplicate-key-keeps-validating",
        ),
        pytest.param(
            [(TREE, "  can_prompt:\n", "\tcan_prompt:\n")],
            [
                f"knowledge/decision_tree.yaml: line {CAN_PROMPT}, column 1: "
                "found character '\\t' that cannot start any token"
            ],
            id="yaml-syntax-tab",
        ),
        pytest.param(
            [(RUBRIC, "    label: Staff (L6-equiv)\n", "    label: [Staff (L6-equiv)\n")],
            [
                f"knowledge/rubric.yaml: line {STAFF_LABEL + 1}, column 12: "
                "expected ',' or ']', but got ':'"
            ],
            id="yaml-syntax-unclosed",
        ),
        pytest.param(
            [(FRAMEWORKS, "  - id: vector_store\n", "  - id: vectors\n")],
            [
                "knowledge/decision_tree.yaml: nodes.rag.stack_layers.2: "
                f"unknown stack layer 'vector_store'; known: {LAYERS}"
            ],
            id="cross-file-reference",
        ),
    ],
)
def test_broken_copy_reports_exact_lines(
    kb_copy: Path, edits: list[Edit], expected: list[str]
) -> None:
    _apply(kb_copy, edits)
    summaries, errors = check_knowledge(kb_copy)
    assert errors == expected
    broken = {line.split(":", 1)[0] for line in expected}
    assert {s.split(":", 1)[0] for s in summaries if ": invalid: " in s} == broken
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(kb_copy)
    assert list(caught.value.problems) == expected


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param(
            lambda d: (d / RUBRIC).unlink(),
            ["knowledge/rubric.yaml: (file): file not found"],
            id="missing-file",
        ),
        pytest.param(
            lambda d: (d / RUBRIC).write_text(""),
            ["knowledge/rubric.yaml: (root): expected a mapping of keys, got an empty file"],
            id="empty-file",
        ),
        pytest.param(
            lambda d: (d / RUBRIC).write_text("- mid\n- senior\n"),
            ["knowledge/rubric.yaml: (root): expected a mapping of keys, got a list"],
            id="root-not-a-mapping",
        ),
        pytest.param(
            lambda d: (d / RUBRIC).write_text("levels: \x07\n"),
            [
                "knowledge/rubric.yaml: (file): invalid YAML: unacceptable character #x0007: "
                'special characters are not allowed in "<unicode string>", position 8'
            ],
            id="unreadable-character",
        ),
        pytest.param(
            lambda d: (d / "notes.yml").write_text("a: 1\n"),
            [
                "knowledge/notes.yml: (file): unknown knowledge file; expected one of: "
                + ", ".join(sorted(FILES))
            ],
            id="unknown-yaml-file-is-an-error",
        ),
        pytest.param(
            lambda d: [(d / "README.md").write_text("# notes\n"), (d / ".draft.yaml").touch()],
            [],
            id="other-and-hidden-files-are-ignored",
        ),
    ],
)
def test_file_level_problems(
    kb_copy: Path, setup: Callable[[Path], object], expected: list[str]
) -> None:
    setup(kb_copy)
    _, errors = check_knowledge(kb_copy)
    assert errors == expected


def test_missing_directory_reports_every_file(tmp_path: Path) -> None:
    summaries, errors = check_knowledge(tmp_path / "nowhere")
    assert errors == [f"knowledge/{name}: (file): file not found" for name in FILES]
    assert summaries == [f"knowledge/{name}: invalid: 1 problem" for name in FILES]


def test_knowledge_error_is_a_tradeoffs_error(tmp_path: Path) -> None:
    with pytest.raises(TradeoffsError, match=r"problem\(s\) in the knowledge files"):
        load_knowledge(tmp_path)


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("yes: a\nno: b\n", {"yes": "a", "no": "b"}),
        ("a: on\nb: Off\nc: y\n", {"a": "on", "b": "Off", "c": "y"}),
        ("a: true\nb: False\n", {"a": True, "b": False}),
        ("a: 3-5\nb: 10+\nc: 2\n", {"a": "3-5", "b": "10+", "c": 2}),
    ],
)
def test_yaml_reads_yes_and_no_as_words(text: str, data: dict[str, object]) -> None:
    assert parse_yaml(text) == (data, [])
