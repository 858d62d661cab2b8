"""Every word /buildvsbuy shows: help, the step, the recommendation, the record, notices."""

from __future__ import annotations

COMMAND = "/buildvsbuy"
EXAMPLE = "support-ticket triage"

HELP = f"""\
*`{COMMAND}`: walk the team through the build / buy / fine-tune decision tree*

*Try:* `{COMMAND} {EXAMPLE}`

• `{COMMAND} &lt;topic&gt;` posts one message in this conversation with the first question, \
a short explanation and Yes / No buttons. Anyone here can answer; each click updates the same \
message and the path so far shows who answered what.
• *Back* undoes the latest answer, *Start over* goes back to the first question.
• At the end you get the recommendation (prompting, RAG, fine-tuning, distill + self-host, or \
reframe), why, when it wins, its honest costs and risks, the first rollout step and the stack \
defaults. *Post decision record* writes an ADR in the thread; *Estimate cost* opens the cost form.
• `{COMMAND} vote &lt;topic&gt;` decides each step by vote instead: everyone votes Yes or No \
(and can change it), the message shows who voted what, and the starter's *Close vote* \
advances with the majority; a tie goes the starter's way. The topic form offers the same choice.
• The decision record is an ADR (numbered, with its owner, the alternatives ruled out and a \
revisit date 90 days out, when I remind the thread); *Export Markdown* uploads it as a file, \
*Change owner* hands it to someone else. \
A later record on the same topic in the same channel supersedes it.
• `{COMMAND}` alone asks for the topic first. In a thread, mention me: \
`@Tradeoffs buildvsbuy &lt;topic&gt;`.

*Examples:* `{COMMAND} support-ticket triage` · `{COMMAND} contract clause extraction` · \
`{COMMAND} sales call summaries`"""

HELP_WORDS = frozenset({"help", "?", "-h", "--help", "usage"})
VOTE_WORD = "vote"  # `/buildvsbuy vote <topic>`

# -- asking for a topic -----------------------------------------------------------------------

ASK_TOPIC = (
    ":compass: *What are we deciding?* Give the decision a short topic, e.g. "
    f"`{EXAMPLE}`, and I'll walk the team through the build / buy / fine-tune tree."
)
ASK_TOPIC_BUTTON = "Set the topic"
MODAL_TITLE = "Build vs buy"
MODAL_SUBMIT = "Start"
MODAL_CLOSE = "Cancel"
MODAL_LABEL = "What are we deciding?"
MODAL_PLACEHOLDER = "e.g. support-ticket triage"
MODAL_HINT = "A few words the whole team will recognise; it becomes the decision's title."
MODE_LABEL = "How does the team decide each step?"
MODE_WALK = "The first answer decides"
MODE_VOTE = "Everyone votes; I close each vote"
TOPIC_EMPTY = f"Give the decision a topic, e.g. {EXAMPLE}."
TOPIC_STARTED = ":compass: Started the decision on *{topic}*."
CANT_POST_HERE = (
    "I can't post in that conversation. Invite me with `/invite @Tradeoffs`, "
    "or run the command there again."
)

# -- the step ---------------------------------------------------------------------------------

KIND = ":compass: Build / buy / fine-tune"
STARTED_BY = "{kind} · started by <@{user}> · anyone here can answer"
STARTED_BY_VOTE = "{kind} · started by <@{user}> · vote mode: everyone votes, <@{user}> closes each vote"
QUESTION = "*Question {step}: {text}*\n{explain}"
FALLBACK_STEP = "{topic}: {question}"
YES = "Yes"
NO = "No"
BACK = "Back"
RESTART = "Start over"
ANSWERS = {"yes": "Yes", "no": "No"}
PATH_TITLE = "*Path so far*"
PATH_LINE = "{n}. {question} → *{answer}* · <@{user}>"
PATH_EMPTY = "_No answers yet: the first click decides the first step._"
PATH_EMPTY_VOTE = "_No answers yet: each step is decided by a vote._"
PATH_LINE_VOTE = "{n}. {question} → *{answer}* · {tally}{tie}"
TIE_NOTE = " · tie broken by <@{user}>"
TALLY = "Yes {yes} ({yes_people}) · No {no} ({no_people})"
NOBODY = "nobody"
VOTES = "*Votes:* {tally}"
NO_VOTES_YET = "_No votes yet. Vote Yes or No; you can change your vote until <@{user}> closes it._"
CLOSE = "Close vote"

# -- the recommendation -----------------------------------------------------------------------

RECOMMENDATION = "*Recommendation: {title}*\n{summary}"
FALLBACK_RECOMMENDATION = "{topic}: {title}"
WHY = "*Why: the path*"
WINS = "*When this option wins*"
COSTS = "*Honest costs and risks*"
BULLET = "• {text}"
NEXT_STEP = "*Next step: {phase}* ({duration})\n{action}\n_Exit criteria:_ {exit_criteria}"
STACK = "*Stack defaults that apply*"
STACK_LINE = "• *{layer}*: {default} _(build only when: {when})_"
NO_STACK = "_No ML stack needed yet: the spike decides whether any applies._"
COST = "Estimate cost"
RECORD = "Post decision record"
RECORDED = ":memo: Decision record posted in the thread by <@{user}>."
RECORDED_AS = ":memo: <@{user}> posted this decision as <{link}|ADR {number:04d}> in the thread."
PARTICIPANTS = "Participants: {people}"

# -- notices (ephemeral) ----------------------------------------------------------------------

ALREADY_RECORDED = ":memo: The decision record was already posted in the thread by <@{user}>."
ANSWERED = (
    ":raised_hand: That step was already answered by <@{user}>; the message shows the current step."
)
CONFLICT = {
    "yes": ANSWERED,
    "no": ANSWERED,
    "back": ":raised_hand: <@{user}> just went back a step; the message shows the current question.",
    "restart": ":raised_hand: <@{user}> just started over; the message shows the first question.",
    "record": ALREADY_RECORDED,
    "close": ":raised_hand: <@{user}> just closed the vote; the message shows the next step.",
}
CONFLICT_UNKNOWN = ":raised_hand: Someone else changed this decision first; try again."
STALE_REFRESHED = (
    ":arrows_counterclockwise: That step has already moved on, so your click didn't count. "
    "The message now shows the current step."
)
STALE_NOTE = ":arrows_counterclockwise: Out of date: this decision has moved on."
STALE_STRIPPED = (
    ":arrows_counterclockwise: That message is out of date, so your click didn't count; "
    "I removed its buttons. The decision continues in its latest message."
)
EXPIRED = (
    f":hourglass: This decision has expired, so your click didn't count; I removed its buttons. "
    f"Start a new one with `{COMMAND} &lt;topic&gt;`."
)
EXPIRED_NOTE = f":hourglass: Expired: start a new decision with `{COMMAND} &lt;topic&gt;`."
BAD_VALUE = (
    ":warning: I couldn't match that click to a decision in this workspace, so nothing changed. "
    f"Start one with `{COMMAND} {EXAMPLE}`."
)
RECORD_FAILED = (
    ":warning: I couldn't post the decision record here ({error}). Invite me with "
    "`/invite @Tradeoffs` and click *Post decision record* again."
)
MODAL_FAILED = ":warning: Slack didn't open the form ({error}); click the button again."
NOT_THE_STARTER = ":raised_hand: Only <@{user}> can close this vote; your vote counts until then."
NO_VOTES = ":ballot_box_with_ballot: Nobody has voted yet, so there is nothing to close."
TIE_TO_BREAK = (
    ":scales: It's a tie ({yes} Yes, {no} No). The tie is yours to break: vote Yes or No "
    "yourself, then close the vote."
)
RECORD_UNCONFIRMED = (
    ":hourglass: Slack didn't confirm the decision record in time, so it is most likely in the "
    "thread already and I did not post it twice. It is kept as ADR {number}, with its reminder."
)

# Problems, keyed by the codes of bot.domain.buildvsbuy's errors and bot.errors.BadButtonValue
ERRORS = {
    "already_recorded": ALREADY_RECORDED,
    "bad_payload": BAD_VALUE,
    "no_votes": NO_VOTES,
    "not_the_starter": NOT_THE_STARTER,
    "tie_to_break": TIE_TO_BREAK,
    "outdated": EXPIRED,
    "stale_step": STALE_REFRESHED,
}

# The message shortcut "Decide with Tradeoffs": a walk in the message's thread
SHORTCUT_CALLBACK = "buildvsbuy.decide"
SHORTCUT_NAME = "Decide with Tradeoffs"
SHORTCUT_NOT_IN_CHANNEL = (
    ":warning: I can't post in this conversation yet. Invite me with `/invite @Tradeoffs` and "
    f"use *{SHORTCUT_NAME}* on the message again."
)
SHORTCUT_FAILED = (
    ":warning: Slack didn't let me start the decision here ({error}). Try again, or use "
    f"`{COMMAND} {EXAMPLE}` in the channel."
)
