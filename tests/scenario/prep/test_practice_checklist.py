"""Practice with the level's expectations as a checklist: ticks suggest a rating the candidate
can override, and every answer and note (Green areas' too) is on the final scorecard."""

from __future__ import annotations

import pytest

from bot.devtools.sim import message_text
from bot.texts import common
from tests.support.prep import BOB, card, checklist, label_of, stored


def test_ticks_suggest_a_rating_and_the_candidate_overrides_it(sim, store, knowledge) -> None:
    sim.dm("practice staff rag")
    answered = sim.dm("hybrid retrieval with a reranker, citations on every answer")
    rate_card = card(answered)
    _, element = checklist(rate_card)
    rag, staff = knowledge.rubric.area("rag"), knowledge.rubric.level("staff")
    assert [o["text"]["text"] for o in element["options"]] == list(rag.checks_for(staff))
    turn = stored(store).value.turn
    ticked = sim.tick(rate_card, "prep.tick", ["0", "1", "2", "3", "4", "5"])
    [redrawn] = ticked.messages
    assert redrawn["replace_original"] is True
    assert "Suggested from your ticks: *Green* (6 of 7" in message_text(redrawn)
    assert label_of(redrawn, "Green") == "Green (suggested)"
    assert stored(store).value.results[0].ticked == (0, 1, 2, 3, 4, 5)
    assert stored(store).value.turn == turn  # the rating buttons stay live
    fewer = sim.tick(redrawn, "prep.tick", ["0", "1"])
    assert "Suggested from your ticks: *Red* (2 of 7" in fewer.message_text
    final = sim.click(card(fewer), "Mixed")  # the candidate overrides the suggestion
    assert "Rated *Mixed*" in message_text(final.messages[0])
    assert "Ticked 2 of 7" in message_text(final.messages[0])
    summary = final.message_text
    assert ":large_yellow_circle: *RAG*: Mixed · Ticked 2 of 7" in summary
    assert ">hybrid retrieval with a reranker, citations on every answer" in summary


def test_every_answer_and_note_is_on_the_scorecard_even_for_green(sim, store) -> None:
    sim.dm("practice senior rag evals")
    rag_card = card(sim.dm("chunk, embed, retrieve"))
    sim.dm("forgot freshness")  # notes for an area about to be rated Green
    sim.dm("also citations")
    assert stored(store).value.results[0].answer == "chunk, embed, retrieve"
    rated = sim.click(rag_card, "Green")
    assert "Area 2 of 2: Evals" in rated.message_text
    answered = sim.dm("offline eval set and LLM-as-judge checked by humans")
    final = sim.click(card(answered), "Red")
    summary = final.message_text
    answers = summary[summary.index("Your answers and notes") :]
    assert ">chunk, embed, retrieve" in answers
    assert "You noted: forgot freshness\nalso citations" in answers
    assert ">offline eval set and LLM-as-judge checked by humans" in answers
    assert answers.index("*RAG*") < answers.index("*Evals*")  # rubric order
    assert stored(store) is None


def test_stopping_keeps_an_answer_that_was_not_rated_yet(sim, store) -> None:
    sim.dm("practice mid agents")
    sim.dm("a loop that calls tools until done")
    stopped = sim.dm("stop")
    assert ">a loop that calls tools until done" in stopped.message_text
    assert "*Agents*: not reached" in stopped.message_text


OTHER_FLOW = "T0TEST|prep|U0ALICE-0123456789abcdef|1|tick"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"user": BOB}, common.NOT_YOURS),
        ({"payload_block_id": OTHER_FLOW}, common.BAD_PAYLOAD),
        ({"block_id": "T0OTHER|prep|U0ALICE|1|tick"}, common.BAD_PAYLOAD),
        ({"block_id": "T0TEST|bvb|U0ALICE|1|tick"}, common.BAD_PAYLOAD),
        ({"block_id": OTHER_FLOW}, common.STALE),
        ({"option": "x"}, common.BAD_PAYLOAD),
    ],
    ids=["another user", "payload block id differs", "another workspace", "another kind",
         "another flow", "not an index"],
)  # fmt: skip
def test_a_foreign_or_forged_tick_changes_nothing(sim, store, change, expected) -> None:
    sim.dm("practice senior rag")
    rate_card = card(sim.dm("an answer"))
    before = stored(store)
    block, element = checklist(rate_card)
    if "block_id" in change:  # the message and its payload alike
        block["block_id"] = change["block_id"]
    if "option" in change:
        element["options"][1]["value"] = change["option"]
    reply = sim.tick(
        rate_card, "prep.tick", ["0", change.get("option", "1")],
        user=change.get("user"), block_id=change.get("payload_block_id"),
    )  # fmt: skip
    assert reply.message_text == expected
    assert reply.message["replace_original"] is False
    assert stored(store) == before


def test_a_tick_on_an_old_card_is_stale(sim, store) -> None:
    sim.dm("practice senior rag evals")
    rag_card = card(sim.dm("an answer"))
    sim.dm("skip")
    before = stored(store)
    assert sim.tick(rag_card, "prep.tick", ["0"]).message_text == common.STALE
    assert stored(store) == before
