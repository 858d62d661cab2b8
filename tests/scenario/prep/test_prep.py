"""Interview prep in DMs, end to end: signed DM events and clicks into the real app, state in
Redis, every message checked against Block Kit."""

from __future__ import annotations

import pytest
from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.app import create_app
from bot.deps import Deps
from bot.devtools.sim import SlackSim, buttons, message_text
from bot.domain.prep.flow import PrepFlow
from bot.features.prep.dm import handle_dm, post_prep_menu
from bot.features.prep.flow import key
from bot.state import Store
from bot.texts import common
from bot.texts import prep as texts
from tests.support.dead_redis import dead_redis
from tests.support.tables import table_rows

ALICE, BOB, TEAM = "U0ALICE", "U0BOB", "T0TEST"
RATINGS = ["green", "mixed", "red", "green", "green", "mixed", "red", "green"]


def card(reply, label: str = "Green") -> dict:
    """The last message in ``reply`` with a button ``label``."""
    found = [m for m in reply.messages if label in [b["text"]["text"] for b in buttons(m)]]
    assert found, f"no message with {label!r} in {[m.get('text') for m in reply.messages]}"
    return found[-1]


def stored(store, user: str = ALICE):
    return store.get(key=key(TEAM, user), model=PrepFlow)


def test_full_practice_through_all_eight_areas(sim, store, knowledge) -> None:
    menu = sim.dm("prep")
    assert [b["text"]["text"] for b in buttons(menu.message)] == list(texts.MENU_BUTTONS.values())
    levels = sim.click(menu.message, "Practise as a candidate")
    started = sim.click(levels.message, "Senior")
    assert "Practise as a candidate: *Senior (L5-equiv)*" in started.messages[0]["text"]
    assert "Area 1 of 8: LLM fundamentals" in started.message_text
    for number, (area, rating) in enumerate(
        zip(knowledge.rubric.areas, RATINGS, strict=True), start=1
    ):
        answered = sim.dm(f"My answer about {area.name}")
        shown = answered.message_text
        assert f"Area {number} of 8" in shown
        assert f">My answer about {area.name.replace('&', '&amp;')}" in shown
        assert area.senior_lead_bar.replace("&", "&amp;") in shown
        assert area.green in shown
        if rating != "green":
            noted = sim.dm(f"missed the {area.id} details")
            assert "Noted for" in noted.message_text
        rated = sim.click(card(answered), rating.title())
        frozen = rated.messages[0]
        assert frozen["replace_original"] is True
        assert buttons(frozen) == []
        assert f"Rated *{rating.title()}*" in message_text(frozen)
    final = rated.message_text
    assert "Your practice scorecard: Senior (L5-equiv)" in final
    assert "4 Green · 2 Mixed · 2 Red · 0 not rated" in final
    order = [final.index(f"*{name}*:") for name in ("RAG", "Judgment / build-vs-buy", "Prompting &amp; orchestration", "MLOps / production", "LLM fundamentals")]  # fmt: skip
    assert order == sorted(order)
    assert "You noted: missed the rag details" in final
    assert "Answer templates worth having ready" in final
    assert stored(store) is None


def test_resume_after_the_app_is_recreated(
    sim, store, knowledge, app_settings, slack_api, requests_
) -> None:
    sim.dm("practice senior")
    for _ in range(2):
        sim.click(card(sim.dm("an answer")), "Mixed")
    ttl = store.client.ttl(key(TEAM, ALICE).render(store.prefix))
    assert ttl > 13 * 86_400  # days, not minutes
    app2 = create_app(app_settings, store=store, knowledge=knowledge, process_before_response=True)
    sim2 = SlackSim(app2, slack_api, requests_)
    prompt = sim2.dm("prep")
    assert "You were on area 3 of 8 for senior (practice); continue?" in prompt.message_text
    resumed = sim2.click(prompt.message, "Continue")
    assert "Area 3 of 8: RAG" in resumed.message_text
    assert "Design enterprise wiki RAG" in resumed.message_text
    answered = sim2.dm("hybrid retrieval and rerank")
    assert "Hybrid retrieval, rerank, citations" in answered.message_text
    assert stored(store).value.index == 2


def test_an_answer_after_a_restart_of_the_app_needs_no_prompt(
    sim, store, knowledge, app_settings, slack_api, requests_
) -> None:
    sim.dm("scorecard staff Jane Doe")
    app2 = create_app(app_settings, store=store, knowledge=knowledge, process_before_response=True)
    sim2 = SlackSim(app2, slack_api, requests_)
    assert "Noted for *LLM fundamentals*" in sim2.dm("solid on KV cache").message_text


def test_skip_stop_restart(sim, store) -> None:
    started = sim.dm("practice senior rag evals agents")
    assert "*Practice: Senior (L5-equiv)*, 3 areas" in started.all_text()
    assert "Area 1 of 3: RAG" in started.message_text
    rate_card = card(sim.dm("chunk and embed"))
    assert "Area 2 of 3: Evals" in sim.dm("skip").message_text
    stale = sim.click(rate_card, "Green")
    assert stale.message_text == common.STALE
    assert stale.message["_where"]["ephemeral"] is True
    restarted = sim.dm("restart")
    assert texts.RESTARTED in restarted.all_text()
    assert "Area 1 of 3: RAG" in restarted.message_text
    sim.click(card(sim.dm("rerank")), "Red")
    stopped = sim.dm("stop")
    assert texts.STOPPED in stopped.all_text()
    assert "1 not rated" not in stopped.message_text
    assert ":red_circle: *RAG*: Red" in stopped.message_text
    assert "*Agents*: not reached" in stopped.message_text
    assert stored(store) is None
    assert sim.dm("skip").message_text == texts.NO_SESSION


def test_skip_and_stop_buttons(sim, store) -> None:
    started = sim.dm("practice mid evals")
    assert "Area 1 of 1: Evals" in started.message_text
    stopped = sim.click(started.message, "Stop")
    assert stopped.messages[0]["replace_original"] is True
    assert texts.STOPPED_EMPTY in stopped.message_text
    skipped = sim.click(card(sim.dm("practice mid evals"), "Skip"), "Skip")
    assert "0 Green · 0 Mixed · 0 Red · 1 not rated" in skipped.message_text
    assert stored(store) is None


@pytest.mark.parametrize("level", ["mid", "senior", "staff", "lead"])
def test_a_kit_for_each_level(sim, knowledge, level: str) -> None:
    kit = sim.dm(f"kit {level}")
    [message] = kit.messages
    label = knowledge.rubric.level(level).label
    assert f"Interviewer kit: {label}" in message_text(message)
    assert "Walk me through the worst AI feature you shipped" in message_text(message)


def test_kit_from_the_menu_then_a_scorecard_from_the_kit(sim, store) -> None:
    levels = sim.click(sim.dm("interview").message, "Interviewer kit")
    kit = sim.click(levels.message, "Lead / Principal")
    assert kit.message["replace_original"] is True
    assert "Interviewer kit: Lead / Principal" in kit.message_text
    scoring = sim.click(kit.message, "Scorecard")
    assert all(not m.get("replace_original") for m in scoring.messages)  # the kit stays
    assert "Type the candidate's name" in scoring.message_text
    assert stored(store).value.level == "lead"


def test_scorecard_with_its_recommendation(sim, store) -> None:
    asked = sim.dm("scorecard senior")
    assert "Type the candidate's name" in asked.message_text
    named = sim.dm("Jane <Doe>")
    assert "Scorecard for Jane &lt;Doe&gt;: Senior (L5-equiv)" in named.all_text()
    reply = named
    for rating in [*RATINGS[:-1], "skip"]:
        if rating == "red":
            assert "Noted for" in sim.dm("could not isolate the failure").message_text
        reply = sim.click(card(reply), "Skip" if rating == "skip" else rating.title())
    summary = reply.message_text
    assert "Scorecard: Jane <Doe> · Senior (L5-equiv)" in summary
    assert "*Recommendation: No hire*" in summary  # 3 Green, 2 Red: hire needs at most 1 Red
    assert "3 Green · 2 Mixed · 2 Red · 1 not rated (7 of 8 areas rated)" in summary
    assert "Hire: at most 1 Red and at least 4 Green" in summary
    header, *rows = table_rows(reply.message)
    assert header == ["Area", "Rating", "Interviewer's notes"]
    assert len(rows) == 8
    assert any(r[1] == "Red" and r[2] == "could not isolate the failure" for r in rows)
    assert rows[-1] == ["Communication & collaboration", "skipped", "no note"]
    assert stored(store) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("practice l9", "I don't know the level `l9`. Levels: mid (L4), senior (L5), staff (L6)"),
        ("practice senior vibes", "I don't know the area `vibes`"),
        ("practice senior pr", "could mean several areas"),
        ("kit junior", "Try `kit senior`"),
        ("scorecard intern Bob", "Try `scorecard senior Jane Doe`"),
    ],
)
def test_unknown_levels_and_areas(sim, store, line: str, expected: str) -> None:
    reply = sim.dm(line)
    assert expected in reply.message_text
    assert stored(store) is None


def test_another_users_click_changes_nothing(sim, store) -> None:
    rate_card = card(sim.dm("practice senior") and sim.dm("my answer"))
    before = stored(store)
    foreign = sim.click(rate_card, "Green", user=BOB)
    assert foreign.message_text == common.NOT_YOURS
    assert foreign.message["replace_original"] is False
    assert foreign.message["_where"]["ephemeral"] is True
    assert stored(store) == before
    forged = sim.click(rate_card, "Red", value="not|a|ref")
    assert forged.message_text == common.BAD_PAYLOAD
    assert stored(store) == before
    menu = sim.dm("prep", user=BOB, channel="D0BOB")
    assert sim.click(menu.message, "Scorecard", user=ALICE).message_text == common.NOT_YOURS


def test_help_shows_the_menu_then_the_general_help(sim) -> None:
    reply = sim.dm("help")
    menu, *general = reply.messages
    assert menu["text"] == texts.MENU_FALLBACK
    assert general  # the router's general help follows
    assert "/rubric" in "\n".join(message_text(m) for m in general)


def test_other_text_without_a_session_is_left_to_the_router(sim, store) -> None:
    reply = sim.dm("what can you do")
    assert reply.messages
    assert texts.MENU_FALLBACK not in [m["text"] for m in reply.messages]
    assert stored(store) is None


def test_start_over_from_the_resume_prompt(sim, store) -> None:
    sim.dm("practice staff")
    prompt = sim.dm("practice")
    assert "You were on area 1 of 8 for staff (practice)" in prompt.message_text
    over = sim.click(prompt.message, "Start over")
    assert texts.STARTED_OVER in over.messages[0]["text"]
    assert over.message["text"] == texts.MENU_FALLBACK
    assert stored(store) is None
    assert sim.click(prompt.message, "Continue").message_text == texts.EXPIRED


def test_a_new_shortcut_replaces_a_running_session(sim, store) -> None:
    first = sim.dm("practice senior")
    replaced = sim.dm("practice mid rag")
    assert texts.REPLACED in replaced.all_text()
    assert sim.click(first.message, "Skip").message_text == common.STALE
    assert stored(store).value.areas == ("rag",)


def test_a_retried_dm_event_is_taken_once(sim, store, requests_) -> None:
    sim.dm("practice senior rag evals")
    event = requests_.direct_message("chunk, embed", user_id=ALICE, channel_id="D0ALICE", ts="9.1")
    first = sim.send(event)
    assert "Hybrid retrieval" in first.message_text
    again = sim.send(requests_.direct_message("chunk, embed", user_id=ALICE, ts="9.1"))
    assert again.messages == []
    assert stored(store).value.results[0].note == ""  # not taken as a note as well


def test_post_prep_menu_for_app_home(sim, slack_api, store) -> None:
    client = WebClient(token="xoxb-test", base_url=slack_api.url)
    post_prep_menu(client, channel="D0ALICE", user=ALICE, team=TEAM)
    [call] = slack_api.calls_to("chat.postMessage")
    ts = slack_api.channel_messages("D0ALICE")[-1]["ts"]
    menu = {**call.args, "_where": {"channel": "D0ALICE", "ts": ts, "ephemeral": False}}
    assert call.args["text"] == texts.MENU_FALLBACK
    levels = sim.click(menu, "Scorecard")
    started = sim.click(levels.message, "Mid")
    assert "Type the candidate's name" in started.message_text
    assert stored(store).value.mode == "scorecard"


def test_state_store_down_is_reported_for_prep_words_only(app_settings, knowledge) -> None:
    client = dead_redis()
    dead = Store(client, prefix="x", default_ttl=60)
    context = BoltContext(deps=Deps(settings=app_settings, store=dead, knowledge=knowledge))
    context["team_id"] = TEAM
    said: list[dict] = []
    dm = {"channel_type": "im", "user": ALICE, "channel": "D0ALICE", "ts": "1.0"}
    assert handle_dm({**dm, "text": "prep"}, lambda **m: said.append(m), None, context) is True
    assert [m["text"] for m in said] == [common.STATE_UNAVAILABLE]
    assert handle_dm({**dm, "text": "hello"}, lambda **m: said.append(m), None, context) is False
    assert len(said) == 1


def test_a_session_the_rubric_no_longer_matches_is_dropped(sim, store) -> None:
    old = PrepFlow(
        id="0123456789abcdef", owner=ALICE, mode="practice", level="intern", areas=("rag",),
        results=(), step="answer",
    )  # fmt: skip
    store.put(key=key(TEAM, ALICE), value=old)
    assert sim.dm("prep").message["text"] == texts.MENU_FALLBACK
    assert stored(store) is None


@pytest.mark.parametrize(
    ("start", "asks"),
    [("practice senior", "Answer in one message here"), ("scorecard senior", "candidate's name"),
     ("scorecard senior Ada", "then rate")],
)  # fmt: skip
@pytest.mark.parametrize("line", ["", "   ", "\n\t"])
def test_an_empty_line_in_a_session_shows_what_it_waits_for(sim, store, start, asks, line) -> None:
    sim.dm(start)
    before = stored(store)
    reply = sim.dm(line)
    assert asks in reply.message_text
    assert stored(store).value == before.value


def test_text_as_slack_sends_it_reads_as_typed(sim, store) -> None:
    """Slack escapes ``& < >`` in DM text; names, answers and area names read as typed."""
    named = sim.dm("scorecard senior Ann &amp; Bo")
    assert "Scorecard for Ann &amp; Bo: Senior" in named.all_text()  # escaped once, for mrkdwn
    assert stored(store).value.candidate == "Ann & Bo"
    sim.dm("stop")
    sim.dm("practice senior Communication &amp; collaboration")
    answered = sim.dm("p95 &lt; 2s &amp; cost flat")
    assert "Area 1 of 1: Communication &amp; collaboration" in answered.message_text
    assert ">p95 &lt; 2s &amp; cost flat" in answered.message_text
    assert "&amp;amp;" not in answered.message_text
    assert "&amp;lt;" not in answered.message_text


@pytest.mark.parametrize(
    "open_prep",
    [
        lambda sim: sim.dm("prep"),
        lambda sim: sim.click_in_view(sim.open_home().view, "Interview prep"),
        lambda sim: sim.mention("prep", thread_ts="1700000000.000100"),
    ],
    ids=["dm", "app home", "mention"],
)
def test_every_way_into_prep_offers_to_resume_a_running_session(sim, store, open_prep) -> None:
    sim.dm("practice staff")
    sim.click(card(sim.dm("my answer")), "Green")
    before = stored(store)
    reply = open_prep(sim)
    [offer] = [m for m in reply.messages if m["_where"]["channel"] == "D0ALICE"]
    assert "You were on area 2 of 8 for staff (practice); continue?" in message_text(offer)
    assert stored(store) == before
    resumed = sim.click(offer, "Continue")
    assert "Area 2 of 8: Prompting &amp; orchestration" in resumed.message_text
