"""The knowledge files keep the seeds' wording: transcribed text must appear in the seed.

Skipped where the seeds are not on disk (they live outside the repository).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.domain.knowledge.registry import Knowledge
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge

SEEDS = Path("/work/shared/seeds")
FRAMEWORKS_SEED = SEEDS / "003_06185097e50e351d.txt"
MAP_SEED = SEEDS / "000_36fc63b61c9f1b2b.txt"

# Keys whose values are ours (ids, lookup words, enums, numbers), not the seed's.
NOT_FROM_SEED = {"id", "aliases", "bar", "kind", "cadence", "number", "phase", "step"}
# Whole subtrees holding the app's own rules (marked "not in the seed" in the YAML).
NOT_FROM_SEED |= {"learning_plan", "self_assessment", "scoring"}
# The rubric's additions, each marked `source: written for Tradeoffs` (checked below).
WRITTEN_FOR_TRADEOFFS = {"added", "kit", "recommendation", "self_rating"}
NOT_FROM_SEED |= WRITTEN_FOR_TRADEOFFS


def _flat(text: str) -> str:
    """Whitespace folded, markdown emphasis removed."""
    return re.sub(r"\s+", " ", text.replace("**", "").replace("*", "")).strip()


def _seed(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"seed {path} not available")
    return _flat(path.read_text(encoding="utf-8"))


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_FROM_SEED:
                yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}.{index}")
    elif isinstance(value, str):
        yield path, value


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(KNOWLEDGE_DIR)


@pytest.mark.parametrize(
    ("attribute", "seed"),
    [("rubric", FRAMEWORKS_SEED), ("frameworks", FRAMEWORKS_SEED), ("operating_map", MAP_SEED)],
)
def test_every_text_is_the_seeds(knowledge: Knowledge, attribute: str, seed: Path) -> None:
    seed_text = _seed(seed)
    data = getattr(knowledge, attribute).model_dump()
    missing = [path for path, text in _strings(data) if _flat(text) not in seed_text]
    assert missing == []


def test_tree_questions_wins_and_fine_tune_costs_are_the_seeds(knowledge: Knowledge) -> None:
    seed_text = _seed(FRAMEWORKS_SEED)
    tree = knowledge.tree
    quoted = [q.text for q in tree.questions.values()]
    for outcome_id in ("prompting", "rag", "fine_tune", "distill_self_host"):
        quoted.extend(tree.outcome(outcome_id).wins)
    quoted.extend(tree.outcome("fine_tune").costs_and_risks)
    assert [text for text in quoted if _flat(text) not in seed_text] == []


def test_fidelity_check_can_fail() -> None:
    seed_text = _seed(FRAMEWORKS_SEED)
    assert _flat("Prefers boring solution first") in seed_text
    assert _flat("Prefers the boring solution first") not in seed_text


def _table(seed: str, title: str) -> list[list[str]]:
    """The rows of the markdown table under ``title`` in the raw seed text, cells stripped."""
    lines = seed.split(title, 1)[1].splitlines()[1:]
    rows = list(itertools.takewhile(lambda line: line.startswith("|"), lines))
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def _raw(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"seed {path} not available")
    return path.read_text(encoding="utf-8")


def test_the_frameworks_bars_are_word_for_word(knowledge: Knowledge) -> None:
    """Cell by cell against the lead frameworks' 8-area table: probe, Mid bar, Senior / Lead
    bar, green and red signals are the document's, unchanged and in its order."""
    rows = _table(_raw(FRAMEWORKS_SEED), "8-area rubric")
    ours = [
        [a.name, a.probe, a.mid_bar, a.senior_lead_bar, a.green, a.red]
        for a in knowledge.rubric.areas
    ]
    assert len(rows) == 8
    assert ours == rows


def test_the_levels_table_is_word_for_word(knowledge: Knowledge) -> None:
    rows = _table(_raw(FRAMEWORKS_SEED), "Levels at a glance")
    ours = [[lv.label, lv.years, lv.scope, lv.headline] for lv in knowledge.rubric.levels]
    assert ours == rows


def test_the_table_reader_sees_a_changed_bar() -> None:
    rows = _table(_raw(FRAMEWORKS_SEED), "8-area rubric")
    assert rows[2][3].startswith("Hybrid retrieval")
    assert rows[2][3] != "Hybrid retrieval, rerank, citations, evals and freshness"


def _marked(value: Any, path: str = "") -> Iterator[tuple[str, object]]:
    """Every subtree under a WRITTEN_FOR_TRADEOFFS key, with its ``source``."""
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if key in WRITTEN_FOR_TRADEOFFS and item is not None:
                yield where, item.get("source")
            else:
                yield from _marked(item, where)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _marked(item, f"{path}.{index}")


def test_every_addition_says_it_was_written_for_tradeoffs(knowledge: Knowledge) -> None:
    found = dict(_marked(knowledge.rubric.model_dump()))
    assert len(found) == 8 + 4 + 3  # every area, every level, kit, rule and self-rating
    assert set(found.values()) == {"written for Tradeoffs"}
