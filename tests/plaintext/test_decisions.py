"""A decision record as a Markdown file (adr-tools layout)."""

from __future__ import annotations

import re

from bot.plaintext.decisions import markdown, md_escape
from tests.support.decisions import record

SECTIONS = [
    "## Status", "## Context", "## Decision", "## Consequences", "## Alternatives considered",
    "## Owner", "## Revisit", "## Participants", "## Next step",
]  # fmt: skip


def test_the_file_has_the_adr_sections_in_order() -> None:
    text = markdown(record())
    assert text.startswith("# 3. contract review\n\nDate: 2025-03-04\n\n## Status\n\nAccepted\n")
    assert re.findall(r"^## .*$", text, re.M) == SECTIONS
    assert "- A prompt alone does not meet the quality bar. @U1 answered No to" in text
    assert "- **Prompting** was ruled out. A prompt alone does not meet the quality bar." in text
    assert "We will go with RAG." in text
    assert "<@" not in text
    assert "*Status:*" not in text


def test_a_superseded_file_links_the_file_that_replaced_it() -> None:
    old = record(status="Superseded", superseded_by=4)
    text = markdown(old, {4: "contract review v2"})
    assert "## Status\n\nSuperseded by [ADR 0004](0004-contract-review-v2.md)\n" in text
    new = markdown(record(number=4, supersedes=(3,)), {3: "contract review"})
    assert "Supersedes [ADR 0003](0003-contract-review.md)" in new


def test_vote_records_have_a_votes_section() -> None:
    text = markdown(record(vote=True))
    assert "## Votes" in text
    assert "was tied 1 to 1, and @U0 broke the tie for No: Yes @U2; No @U0." in text


def test_typed_topics_are_escaped() -> None:
    assert md_escape("a *b* [c](d) <e> #f") == r"a \*b\* \[c\](d) \<e\> \#f"
    assert markdown(record(topic="*bold* topic")).startswith(r"# 3. \*bold\* topic")
