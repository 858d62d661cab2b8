"""Vote mode: each person's vote on the current question (one each, changeable), and the
starter closing the vote, which answers with the majority (a tie goes the starter's way).
Pure: no Slack, no Redis."""

from __future__ import annotations

from datetime import datetime

from bot.domain.buildvsbuy.flow import BuildVsBuyError, Flow, Step, Vote, changed, current_node
from bot.domain.knowledge.tree import Answer, DecisionTree, Question
from bot.errors import BadButtonValue


class NotTheStarter(BuildVsBuyError):
    """Only the person who started a vote may close it (``starter``)."""

    def __init__(self, starter: str) -> None:
        super().__init__("not_the_starter", user=starter)


class NoVotes(BuildVsBuyError):
    """Close vote with nobody's vote in yet."""

    def __init__(self) -> None:
        super().__init__("no_votes")


class TieToBreak(BuildVsBuyError):
    """Close vote on a tie the starter has not voted in: their vote breaks it."""

    def __init__(self, yes: int, no: int) -> None:
        super().__init__("tie_to_break", yes=yes, no=no)


def tally(votes: tuple[Vote, ...]) -> dict[Answer, tuple[str, ...]]:
    """Who voted Yes and who voted No, in the order they (last) voted."""
    return {a: tuple(v.user for v in votes if v.answer == a) for a in ("yes", "no")}


def vote(flow: Flow, tree: DecisionTree, node: str, reply: Answer, user: str) -> Flow:
    """Record (or change) ``user``'s vote on the current question; the walk stays there."""
    here = current_node(flow, tree)
    if not isinstance(here, Question) or here.id != node:
        raise BadButtonValue(f"{node!r} is not the current question")
    votes = (*(v for v in flow.votes if v.user != user), Vote(user=user, answer=reply))
    return changed(flow, user, reply, votes=votes)


def close(flow: Flow, tree: DecisionTree, node: str, user: str, now: datetime) -> Flow:
    """The starter closes the vote: the majority answers; a tie goes the starter's way."""
    if user != flow.started_by:
        raise NotTheStarter(flow.started_by)
    here = current_node(flow, tree)
    if not isinstance(here, Question) or here.id != node:
        raise BadButtonValue(f"{node!r} is not the current question")
    counted = tally(flow.votes)
    yes, no = len(counted["yes"]), len(counted["no"])
    if yes == no == 0:
        raise NoVotes()
    tie = yes == no
    if tie:
        mine = next((v.answer for v in flow.votes if v.user == flow.started_by), None)
        if mine is None:
            raise TieToBreak(yes, no)
        decided: Answer = mine
    else:
        decided = "yes" if yes > no else "no"
    step = Step(node=node, answer=decided, user=user, at=now, votes=flow.votes, tie_broken=tie)
    return changed(flow, user, "close", path=(*flow.path, step), recorded_by=None)
