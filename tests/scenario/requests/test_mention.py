"""@Tradeoffs in a channel or thread: every intent answers in the right thread, never silent."""

from __future__ import annotations

import pytest

from bot.devtools.sim import message_text

CHANNEL = "C0TEST"
THREAD = "1700000000.000100"
MENTION_TS = "1700000555.000200"

# (request, words the answer must contain)
ANSWERS = [
    ("rollout", ["Phased rollout", "Spike", "PoC", "Pilot", "GA", "no sev-1", "Anti-pattern"]),
    (
        "team shape",
        [
            "Team shapes",
            "Series B / mid-stage",
            "Split into platform + applied",
            "AI Platform Engineer",
        ],
    ),
    (
        "levers",
        [
            "The 8 cost levers",
            "1. Cap output tokens",
            "10-40%",
            "up to 50%",
            "8. Distill / fine-tune small models",
        ],
    ),
    ("contracts", ["Cross-functional contracts", "Acceptance criteria", "Finance"]),
    ("dashboard", ["Executive cost dashboard", "Cache hit rate", "% on Batch API"]),
    ("governance", ["Governance practices", "Per-PR cost diff", "Kill switches"]),
    ("templates", ["Answer templates", "Default to prompting"]),
    (
        "prioritize",
        [
            "Prioritizing initiatives",
            "Reversibility",
            "Default",
            "@Tradeoffs prioritize search revamp; support bot; eval harness",
        ],
    ),
    (
        "help",
        [
            "What I can do",
            "@Tradeoffs build or buy support-ticket triage",
            "@Tradeoffs learn mixture of experts",
            "/llmcost help",
        ],
    ),
    ("<@U0BOT>", ["What I can do"]),
    ("what's for lunch?", ["I didn't catch that", "@Tradeoffs help", "@Tradeoffs rollout"]),
    (
        "learn mixture of experts",
        ["Should I learn this now?", "mixture of experts", "Relevance Filter"],
    ),
    ("assess", ["Self-assessment: 1 of 5", "Systems & Infrastructure", "Core question"]),
    (
        "prioritize search revamp; support bot",
        ["Prioritizing 2 initiatives", "search revamp", "Value"],
    ),
    ("prioritize just one", ["at least two initiatives"]),
    ("learn", ["Which topic?", "@Tradeoffs learn mixture of experts"]),
    ("status", ["Nothing is running in this thread"]),
]


def _mention(sim, requests_, text: str, thread_ts: str | None):
    return sim.send(
        requests_.app_mention(
            text, user_id="U0ALICE", channel_id=CHANNEL, ts=MENTION_TS, thread_ts=thread_ts
        )
    )


@pytest.mark.parametrize(("thread_ts", "expected_thread"), [(None, MENTION_TS), (THREAD, THREAD)],
                         ids=["new-thread-under-mention", "in-thread"])  # fmt: skip
@pytest.mark.parametrize(("text", "words"), ANSWERS, ids=[a[0] for a in ANSWERS])
def test_each_intent_answers_in_the_thread(
    sim, requests_, slack_api, text, words, thread_ts, expected_thread
) -> None:
    reply = _mention(sim, requests_, text, thread_ts)
    assert reply.status == 200
    posts = slack_api.calls_to("chat.postMessage")
    assert len(posts) == 1
    assert (posts[0].args["channel"], posts[0].args["thread_ts"]) == (CHANNEL, expected_thread)
    text_seen = message_text(reply.message)
    missing = [w for w in words if w not in text_seen]
    assert missing == []


def test_mentions_from_bots_are_ignored(sim, requests_, slack_api) -> None:
    event = {"type": "app_mention", "user": "U0OTHERBOT", "bot_id": "B0OTHER", "text": "<@U0BOT> help",
             "channel": CHANNEL, "ts": MENTION_TS}  # fmt: skip
    assert sim.send(requests_.event(event)).status == 200
    assert slack_api.calls_to("chat.postMessage") == []


@pytest.mark.parametrize(
    ("text", "shown", "not_shown"),
    [
        ("learn R&amp;D &lt;fast&gt;", "*Topic:* R&amp;D &lt;fast&gt;", "<fast>"),
        ("prioritize a &lt;b&gt;; c", "*a &lt;b&gt;* (1 of 2)", "<b>"),
        ("prioritize &lt;x&gt;; &lt;X&gt;", "“&lt;X&gt;” is named twice", "<X>"),
    ],
)
def test_what_people_typed_is_escaped_for_slack(sim, text, shown, not_shown) -> None:
    reply = sim.mention(text, thread_ts=THREAD)  # Slack sends < > & as entities
    assert shown in reply.message_text
    assert not_shown not in reply.message_text
