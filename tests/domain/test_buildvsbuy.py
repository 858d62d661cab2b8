"""The /buildvsbuy walk: every path, back, restart, record, button values, bad clicks."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain import buildvsbuy as bvb
from bot.domain.buildvsbuy import (
    AlreadyRecorded,
    Flow,
    FlowOutdated,
    Move,
    Progress,
    Recommendation,
    StaleStep,
    Step,
)
from bot.errors import BadButtonValue
from bot.knowledge_loader import load_knowledge
from bot.settings import PROJECT_ROOT

KNOWLEDGE = load_knowledge(PROJECT_ROOT / "knowledge")
TREE = KNOWLEDGE.tree
PATHS = TREE.paths()
NOW = datetime(2025, 3, 4, 5, 6, tzinfo=UTC)
FLOW_ID = "0123456789abcdef"


def fresh(team: str = "T1") -> Flow:
    return bvb.new_flow(
        flow_id=FLOW_ID, team=team, topic="support triage", user="U0", channel="C1", now=NOW
    )


def click(flow: Flow, verb: str, user: str = "U1", *, node: str | None = None) -> Flow:
    node = node or bvb.current_node(flow, TREE).id
    return bvb.apply(flow, TREE, Move(verb, node), turn=flow.turn, user=user, now=NOW)


def walk(steps, users=("U1", "U2", "U3")) -> Flow:
    flow = fresh()
    for i, (node, reply) in enumerate(steps):
        assert bvb.current_node(flow, TREE).id == node
        flow = click(flow, reply, users[i % len(users)])
    return flow


def path_id(path) -> str:
    return "-".join(a for _, a in path.steps) + f"->{path.outcome}"


def test_the_tree_has_five_outcomes_over_six_paths() -> None:
    assert {p.outcome for p in PATHS} == {
        "prompting", "rag", "fine_tune", "distill_self_host", "reframe",
    }  # fmt: skip
    assert len(PATHS) == 6


@pytest.mark.parametrize("path", PATHS, ids=path_id)
def test_every_path_reaches_its_outcome(path) -> None:
    flow = walk(path.steps)
    assert bvb.current_node(flow, TREE).id == path.outcome
    assert [(s.node, s.answer) for s in flow.path] == list(path.steps)
    assert flow.turn == len(path.steps)
    assert [s.user for s in flow.path] == [("U1", "U2", "U3")[i % 3] for i in range(flow.turn)]
    shown = bvb.where(flow, KNOWLEDGE)
    assert isinstance(shown, Recommendation)
    assert shown.outcome.id == path.outcome
    assert shown.next_phase.id == "spike"
    assert shown.next_phase.exit_criteria
    assert [s.id for s in shown.stack] == list(TREE.outcome(path.outcome).stack_layers)
    assert [p.question.id for p in shown.path] == [n for n, _ in path.steps]


@pytest.mark.parametrize(
    ("path", "depth"),
    [(p, d) for p in PATHS for d in range(1, len(p.steps) + 1)],
    ids=lambda x: path_id(x) if hasattr(x, "steps") else str(x),
)
def test_back_at_every_depth(path, depth) -> None:
    flow = walk(path.steps[:depth])
    backed = click(flow, "back", "U9")
    assert [(s.node, s.answer) for s in backed.path] == list(path.steps[: depth - 1])
    assert bvb.current_node(backed, TREE).id == path.steps[depth - 1][0]
    assert (backed.turn, backed.last_user, backed.last_verb) == (depth + 1, "U9", "back")
    shown = bvb.where(backed, KNOWLEDGE)
    assert isinstance(shown, Progress)
    assert shown.question.id == path.steps[depth - 1][0]


@pytest.mark.parametrize("depth", range(len(PATHS[-1].steps) + 1))
def test_restart_from_any_depth_goes_to_the_first_question(depth) -> None:
    flow = walk(PATHS[-1].steps[:depth])
    again = click(flow, "restart", "U7")
    assert again.path == ()
    assert bvb.current_node(again, TREE).id == TREE.start
    assert (again.turn, again.last_verb, again.topic) == (depth + 1, "restart", flow.topic)


def test_record_once_per_outcome_and_again_after_restart() -> None:
    flow = walk(PATHS[0].steps)
    recorded = click(flow, "record", "U5")
    assert recorded.recorded_by == "U5"
    assert recorded.participants == ("U0", "U1", "U5")
    with pytest.raises(AlreadyRecorded) as caught:
        click(recorded, "record", "U6")
    assert caught.value.by == "U5"
    again = click(click(recorded, "restart"), "yes")  # a new decision may be recorded anew
    assert again.recorded_by is None
    assert click(again, "record", "U6").recorded_by == "U6"


def test_decision_record_has_the_adr_parts() -> None:
    flow = click(walk(PATHS[1].steps), "record", "U5")
    record = bvb.decision_record(flow, KNOWLEDGE, today=date(2025, 3, 4), thread_ts="1.2")
    rag = TREE.outcome("rag")
    assert (record.topic, record.status, record.decided_on) == (
        "support triage", "Accepted", date(2025, 3, 4),
    )  # fmt: skip
    assert record.participants == ("U0", "U1", "U2", "U5")
    assert [(c.question, c.answer, c.user) for c in record.context] == [
        (TREE.question("can_prompt").text, "no", "U1"),
        (TREE.question("missing_knowledge").text, "yes", "U2"),
    ]
    assert (record.outcome, record.title, record.decision) == ("rag", rag.title, rag.summary)
    assert record.wins == rag.gains
    assert record.risks == rag.costs_and_risks
    assert record.next_step.startswith("Spike (1-2 weeks): Run a spike")
    assert (record.owner, record.recorded_by, record.revisit_on) == ("U0", "U5", date(2025, 6, 2))
    assert [c.finding for c in record.context] == [
        "A prompt alone does not meet the quality bar.",
        "The model is missing knowledge: it changes often, is private or needs citations.",
    ]
    knowledge = "The model is missing knowledge: it changes often, is private or needs citations."
    assert [(a.title, a.reason) for a in record.alternatives] == [
        ("Prompting", "A prompt alone does not meet the quality bar."),
        ("Fine-tune (LoRA first; full FT only if needed)", knowledge + " Fine-tuning teaches "
         "behavior and format; it is a poor way to add knowledge that changes or must be cited."),
        ("Distill + self-host small model", knowledge + " Distilling to a small self-hosted model "
         "pays for itself through latency, cost or residency at scale, not by adding knowledge "
         "or behavior."),
        ("Reframe; you may not need ML", knowledge + " Reframing fits when no model capability "
         "is missing and nothing forces a model; this path found a gap a model can close."),
    ]  # fmt: skip
    reasons = [a.reason for a in record.alternatives]
    assert len(set(reasons)) == len(reasons)  # each alternative says why it in particular lost
    assert bvb.DecisionRecord.model_validate_json(record.model_dump_json()) == record


@pytest.mark.parametrize(
    ("path", "alternatives"),
    [
        (0, ["RAG", "Fine-tune (LoRA first; full FT only if needed)",
             "Distill + self-host small model", "Reframe; you may not need ML"]),
        (2, ["RAG", "Distill + self-host small model", "Reframe; you may not need ML",
             "Fine-tune (LoRA first; full FT only if needed)"]),
        (5, ["Prompting", "RAG", "Fine-tune (LoRA first; full FT only if needed)",
             "Distill + self-host small model"]),
    ],
)  # fmt: skip
def test_alternatives_are_the_branches_ruled_out_each_with_a_sentence(path, alternatives):
    flow = click(walk(PATHS[path].steps), "record", "U5")
    found = bvb.decision_record(flow, KNOWLEDGE, today=date(2025, 3, 4)).alternatives
    assert [a.title for a in found] == alternatives
    for alternative in found:
        assert alternative.reason[0].isupper()
        assert alternative.reason.endswith(".")


def test_every_record_bullet_is_a_sentence_on_every_path() -> None:
    for path in PATHS:
        flow = click(walk(path.steps), "record", "U5")
        record = bvb.decision_record(flow, KNOWLEDGE, today=date(2025, 3, 4))
        bullets = [*record.wins, *record.risks, *(c.finding for c in record.context),
                   *(a.reason for a in record.alternatives), record.decision]  # fmt: skip
        assert [b for b in bullets if not (b[0].isupper() and b[-1] in ".!?")] == []
    prompting_late = bvb.decision_record(
        click(walk(PATHS[2].steps), "record", "U5"), KNOWLEDGE, today=date(2025, 3, 4)
    )
    assert "Stop here" not in prompting_late.decision


@pytest.mark.parametrize(
    ("topic", "name"),
    [("contract review", "0003-contract-review.md"), ("  Ünïcode & <stuff>!! ", "0003-n-code-stuff.md"),
     ("???", "0003-decision.md"), ("x" * 200, "0003-" + "x" * 60 + ".md")],
)  # fmt: skip
def test_record_file_names_are_numbered_like_adr_tools(topic: str, name: str) -> None:
    assert bvb.filename(3, topic) == name


# -- vote mode ---------------------------------------------------------------------------------


def voting() -> Flow:
    return fresh().model_copy(update={"mode": "vote"})


def test_votes_are_one_per_person_changeable_and_do_not_advance() -> None:
    flow = voting()
    for user, verb in (("U1", "yes"), ("U2", "no"), ("U1", "no")):
        flow = click(flow, verb, user)
    assert flow.path == ()
    assert bvb.tally(flow.votes) == {"yes": (), "no": ("U2", "U1")}
    assert flow.participants == ("U0", "U2", "U1")


def test_close_advances_with_the_majority_and_keeps_the_votes() -> None:
    flow = voting()
    for user, verb in (("U1", "yes"), ("U2", "no"), ("U3", "no")):
        flow = click(flow, verb, user)
    closed = click(flow, "close", "U0")
    assert [(s.node, s.answer, s.user, s.tie_broken) for s in closed.path] == [
        ("can_prompt", "no", "U0", False)
    ]
    assert [v.user for v in closed.path[0].votes] == ["U1", "U2", "U3"]
    assert closed.votes == ()
    assert closed.asked_turn == closed.turn


@pytest.mark.parametrize(
    ("votes", "closer", "outcome"),
    [
        ((("U0", "yes"), ("U2", "no")), "U0", "yes"),  # a tie: the starter's vote breaks it
        ((("U0", "no"), ("U2", "yes")), "U0", "no"),
        ((("U1", "yes"), ("U2", "no")), "U0", bvb.TieToBreak),  # the starter has not voted
        ((), "U0", bvb.NoVotes),
        ((("U1", "yes"),), "U1", bvb.NotTheStarter),
    ],
)
def test_closing_a_vote(votes, closer, outcome) -> None:
    flow = voting()
    for user, verb in votes:
        flow = click(flow, verb, user)
    if isinstance(outcome, type):
        with pytest.raises(outcome):
            click(flow, "close", closer)
        return
    closed = click(flow, "close", closer)
    assert closed.path[-1].answer == outcome
    assert closed.path[-1].tie_broken is True


def test_a_vote_on_an_older_copy_of_the_same_question_counts_but_not_one_before_it() -> None:
    flow = click(voting(), "yes", "U1")  # the tally moved on: turn 1, question asked at 0
    later = bvb.apply(flow, TREE, Move("no", "can_prompt"), turn=0, user="U2", now=NOW)
    assert bvb.tally(later.votes) == {"yes": ("U1",), "no": ("U2",)}
    moved = click(click(later, "yes", "U0"), "close", "U0")  # 2-1 yes: prompting
    assert bvb.current_node(moved, TREE).id == "prompting"
    back = click(moved, "back", "U0")
    with pytest.raises(StaleStep):  # a copy from before Back: the question was asked again
        bvb.apply(back, TREE, Move("yes", "can_prompt"), turn=1, user="U3", now=NOW)
    with pytest.raises(BadButtonValue):  # a walk has no close
        click(fresh(), "close", "U0")


def test_flow_survives_json() -> None:
    flow = walk(PATHS[2].steps)
    assert Flow.model_validate_json(flow.model_dump_json()) == flow


@pytest.mark.parametrize(
    ("arg", "verb", "expected"),
    [
        ("yes:can_prompt", "yes", Move("yes", "can_prompt")),
        ("record:rag", "record", Move("record", "rag")),
        ("restart:missing_knowledge", "restart", Move("restart", "missing_knowledge")),
    ],
)
def test_moves_round_trip(arg: str, verb: str, expected: Move) -> None:
    assert Move.parse(arg, verb=verb) == expected
    assert expected.encode() == arg


@pytest.mark.parametrize(
    ("arg", "verb"),
    [
        ("", "yes"),
        ("yes", "yes"),  # no node
        ("can_prompt", "yes"),
        ("yes:can_prompt", "no"),  # the value of another button
        ("maybe:can_prompt", "maybe"),  # unknown verb
        ("yes:Can_Prompt", "yes"),
        ("yes:can_prompt:extra", "yes"),
        ("yes:can_prompt\n", "yes"),
        ("yes:" + "x" * 3000, "yes"),
    ],
)
def test_bad_moves_are_refused(arg: str, verb: str) -> None:
    with pytest.raises(BadButtonValue):
        Move.parse(arg, verb=verb)


ONE_STEP = (("can_prompt", "no"),)


@pytest.mark.parametrize(
    ("move", "turn", "error"),
    [
        (Move("yes", "no_such_node"), 1, BadButtonValue),
        (Move("yes", "missing_knowledge"), 2, BadButtonValue),  # future
        (Move("yes", "can_prompt"), 1, BadButtonValue),  # not current
        (Move("yes", "rag"), 1, BadButtonValue),  # an outcome
        (Move("record", "missing_knowledge"), 1, BadButtonValue),
        (Move("cost", "missing_knowledge"), 1, BadButtonValue),
        (Move("yes", "can_prompt"), 0, StaleStep),  # old turn
        (Move("no", "missing_knowledge"), 0, StaleStep),
    ],
)
def test_apply_rejects_clicks_that_are_not_live(move: Move, turn: int, error) -> None:
    flow = walk(ONE_STEP)
    with pytest.raises(error):
        bvb.apply(flow, TREE, move, turn=turn, user="U1", now=NOW)


def test_back_needs_a_path() -> None:
    with pytest.raises(BadButtonValue):
        bvb.back(fresh(), "U1")


def test_answers_on_an_outcome_are_refused() -> None:
    flow = walk(PATHS[0].steps)
    with pytest.raises(BadButtonValue):
        bvb.answer(flow, TREE, "prompting", "yes", "U1", NOW)


@pytest.mark.parametrize(
    "steps",
    [
        (("missing_knowledge", "yes"),),  # does not start at the start
        (("can_prompt", "yes"), ("missing_knowledge", "no")),  # past an outcome
        (("nowhere", "no"),),
    ],
)
def test_a_path_that_no_longer_fits_the_tree_is_outdated(steps) -> None:
    path = tuple(Step(node=n, answer=a, user="U1", at=NOW) for n, a in steps)
    flow = fresh().model_copy(update={"path": path, "turn": len(path)})
    with pytest.raises(FlowOutdated):
        bvb.current_node(flow, TREE)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  support   triage ", "support triage"),
        ("line\nbreaks\tand\x00control", "line breaks and control"),
        ("", ""),
        (" \n\t ", ""),
        ("x" * 150, "x" * 150),
        ("x" * 3000, "x" * 149 + "…"),
    ],
)
def test_clean_topic(raw, expected) -> None:
    assert bvb.clean_topic(raw) == expected
