""" "Should I learn this now?": the words around the three filters and the learning plan."""

from __future__ import annotations

TITLE = "Should I learn this now?"
TOPIC = "*Topic:* {topic}"
QUESTION = "*{number}/{total} · {name}*\n{question}"
GUIDANCE = "_{text}_"
SO_FAR = "So far: {answers}"
ANSWERED = "{filter}: {answer}"
PLAN = "*{topic}* → *{plan}*\n{summary}"
WHY = "*Why:* {text}"
NEXT_STEP = "*Next step:* {text}"
FALLBACK_STEP = "Should I learn {topic} now? {number}/{total}: {question}"
FALLBACK_PLAN = "Should I learn {topic} now? {plan}: {summary}"

# Modal from App Home
MODAL_TITLE = "Learn this now?"
MODAL_SUBMIT = "Walk the filters"
MODAL_CLOSE = "Cancel"
MODAL_LABEL = "Which topic, tool or technique?"
MODAL_PLACEHOLDER = "e.g. mixture of experts, DSPy, speculative decoding"
MODAL_HINT = "I'll ask up to three questions in our DM and answer with a learning plan."
MODAL_EMPTY = "Name a topic, e.g. mixture of experts."

# Problems, keyed by LearnError.code
ERRORS = {
    "no_topic": "Which topic? For example `{at}learn mixture of experts`.",
    "topic_too_long": "That topic is {length} characters; keep it under {limit}.",
    "unknown_answer": "I couldn't read that answer; use the buttons on the current question.",
    "already_decided": "This one is already decided; start another with `{at}learn &lt;topic&gt;`.",
}
EXPIRED = "This learning walk has expired. Start again with `{at}learn &lt;topic&gt;`."
NOT_YOURS = (
    ":lock: This walk belongs to <@{owner}>. Start your own with `@Tradeoffs learn &lt;topic&gt;`."
)
