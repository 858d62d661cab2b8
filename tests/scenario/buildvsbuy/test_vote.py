"""/buildvsbuy vote: everyone votes (one each, changeable), the starter closes each vote."""

from __future__ import annotations

from bot.devtools.sim import WHERE, SlackSim, buttons, message_text
from bot.features.buildvsbuy import decisions
from bot.texts import buildvsbuy as t
from tests.support.buildvsbuy import TEAM, ephemeral, post_record, stored

STARTER = "U0ALICE"


def _start(sim: SlackSim, topic: str = "contract review") -> dict:
    reply = sim.command("/buildvsbuy", f"vote {topic}")
    assert reply.ack["response_type"] == "in_channel"
    return reply.message


def _vote(sim: SlackSim, message: dict, label: str, user: str) -> dict:
    reply = sim.click(message, label, user=user)
    assert [m.get("replace_original") for m in reply.messages] == [True], reply.messages
    return {**reply.message, WHERE: message[WHERE]}


def test_a_vote_with_three_people_and_a_tie(sim, slack_api, store, deps) -> None:
    first = _start(sim)
    assert [b["text"]["text"] for b in buttons(first)] == ["Yes", "No", "Close vote"]
    # step 1: three people, one changes their mind; 2 to 1 for No
    message = _vote(sim, first, "Yes", STARTER)
    message = _vote(sim, message, "Yes", "U2")
    stale_copy = message
    message = _vote(sim, message, "No", "U3")
    message = _vote(sim, stale_copy, "No", "U2")  # an older copy of the same question counts
    assert "*Votes:* Yes 1 (<@U0ALICE>) · No 2 (<@U3>, <@U2>)" in message_text(message)
    assert stored(store, first).value.path == ()  # votes do not advance
    refused = sim.click(message, "Close vote", user="U3")
    assert ephemeral(refused) == t.NOT_THE_STARTER.format(user=STARTER)
    message = _vote(sim, message, "Close vote", STARTER)
    assert "Is the missing ingredient knowledge?" in message_text(message)
    assert "→ *No* · Yes 1 (<@U0ALICE>) · No 2 (<@U3>, <@U2>)" in message_text(message)
    # step 2: a tie, 1 to 1 (U3 sits this one out): the starter's own vote breaks it
    message = _vote(sim, message, "No", "U2")
    message = _vote(sim, message, "Yes", STARTER)
    message = _vote(sim, message, "Close vote", STARTER)
    assert "Recommendation: RAG" in message_text(message)
    assert "→ *Yes* · Yes 1 (<@U0ALICE>) · No 1 (<@U2>) · tie broken by <@U0ALICE>" in (
        message_text(message)
    )
    flow = stored(store, first).value
    assert [(s.answer, len(s.votes), s.tie_broken) for s in flow.path] == [
        ("no", 3, False), ("yes", 2, True),
    ]  # fmt: skip
    _, adr = post_record(sim, message, user=STARTER)
    text = message_text(adr)
    assert "The vote on _Can prompting alone solve it?_ went *No*, 2 to 1: Yes <@U0ALICE>; No <@U3>, <@U2>." in text
    assert "was tied 1 to 1, and <@U0ALICE> broke the tie for *Yes*: Yes <@U0ALICE>; No <@U2>." in text
    assert "*Decided by vote:*" in text
    assert decisions.read_record(deps.store, TEAM, 1).value.mode == "vote"


def test_a_tie_closed_by_the_starter_goes_their_way(sim, store) -> None:
    message = _start(sim)
    message = _vote(sim, message, "Yes", STARTER)
    message = _vote(sim, message, "No", "U2")
    tied = sim.click(message, "Close vote", user="U2")
    assert ephemeral(tied) == t.NOT_THE_STARTER.format(user=STARTER)
    message = _vote(sim, message, "Close vote", STARTER)
    assert "Recommendation: Prompting" in message_text(message)
    assert "tie broken by <@U0ALICE>" in message_text(message)
    step = stored(store, message).value.path[0]
    assert (step.answer, step.tie_broken) == ("yes", True)


def test_a_tie_the_starter_has_not_voted_in_waits_for_their_vote(sim, store) -> None:
    message = _start(sim)
    message = _vote(sim, message, "Yes", "U2")
    message = _vote(sim, message, "No", "U3")
    reply = sim.click(message, "Close vote", user=STARTER)
    assert ephemeral(reply) == t.TIE_TO_BREAK.format(yes=1, no=1)
    assert stored(store, message).value.path == ()
    nothing = sim.click(_start(sim), "Close vote", user=STARTER)
    assert ephemeral(nothing) == t.NO_VOTES


def test_forged_vote_and_close_clicks_change_nothing(sim, store) -> None:
    message = _vote(sim, _start(sim), "Yes", "U2")
    before = stored(store, message)
    for shown in buttons(message):
        genuine = shown["value"]
        verb = genuine.rsplit("|", 1)[1].split(":")[0]
        other = "no" if verb != "no" else "close"
        forged = [
            genuine.replace("T0TEST", "T0EVIL", 1),  # another workspace
            genuine.replace(f"{verb}:", f"{other}:"),  # another button's move
            genuine.replace("|1|", "|9|"),  # a turn from the future
            genuine.replace("can_prompt", "rag"),  # not the current question
            "nope",
        ]
        for value in forged:
            reply = sim.click(message, shown["text"]["text"], user=STARTER, value=value)
            assert reply.status == 200
            assert stored(store, message) == before, (shown["text"]["text"], value)
    assert ephemeral(sim.click(message, "Close vote", user=STARTER, value="nope")) == t.BAD_VALUE


def test_the_topic_form_can_start_a_vote(sim) -> None:
    ask = sim.command("/buildvsbuy", "vote")
    modal = sim.click(ask.message, "Set the topic").view
    done = sim.submit(modal, {"bvb.topic_input": "sales summaries", "bvb.mode_input": "vote"})
    posted = next(m for m in done.messages if m.get("blocks"))
    assert "vote mode" in message_text(posted)
    assert "Close vote" in [b["text"]["text"] for b in buttons(posted)]
    walk = sim.submit(modal, {"bvb.topic_input": "sales summaries"})
    posted = next(m for m in walk.messages if m.get("blocks"))
    assert "Close vote" not in [b["text"]["text"] for b in buttons(posted)]


def test_a_mention_can_start_a_vote(sim) -> None:
    reply = sim.mention("<@U0BOT> buildvsbuy vote pricing emails", thread_ts="1700000000.000100")
    assert "vote mode" in reply.message_text
