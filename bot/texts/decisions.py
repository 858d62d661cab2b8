"""Every word of a decision record (ADR): in Slack, in its Markdown file, in its revisit
reminder, and the notices of its buttons."""

from __future__ import annotations

from bot.texts.buildvsbuy import COMMAND

NUMBER = "ADR {number:04d}"
TITLE = "ADR {number:04d}: {topic}"
FALLBACK = "Decision record ADR {number:04d}: {topic}: {title}"
STATUS = {"Accepted": "Accepted", "Superseded": "Superseded"}
META = "*Status:* {status} · *Date:* {date}\n*Owner:* <@{owner}> · *Revisit:* {revisit}"
SUPERSEDED_STATUS = "Superseded by <{link}|ADR {number:04d}>"
SUPERSEDED_STATUS_NO_LINK = "Superseded by ADR {number:04d}"
SUPERSEDES = "This record supersedes {records}."
SUPERSEDED_NOTE = ":arrow_right: This decision was superseded by {record}: see that record."
CONTEXT = "*Context*\nThe team walked the build / buy / fine-tune decision tree for this topic.\n{lines}"
ANSWERED = "<@{user}> answered *{answer}* to _{question}_"
VOTED = "The vote on _{question}_ went *{answer}*, {won} to {lost}: {tally}."
TIED = "The vote on _{question}_ was tied {won} to {lost}, and <@{user}> broke the tie for *{answer}*: {tally}."
VOTE_SIDE = "{answer} {people}"
NOBODY = "nobody"
DECISION = "*Decision*\nWe will go with *{title}*. {decision}"
CONSEQUENCES = "*Consequences*\n_What we gain:_\n{wins}\n_What we accept:_\n{risks}"
ALTERNATIVES = "*Alternatives considered*\n{lines}"
ALTERNATIVE = "*{title}* was ruled out. {reason}"
NO_ALTERNATIVES = "No other option was open on this path."
NEXT = "*Next step*\n{next_step}"
COST = (
    "*Cost estimate*\n<@{by}> estimated {per_month} a month on {model} on {on} "
    "(`/llmcost {args}`), with prices from {prices}."
)
PEOPLE = "*Participants:* {people}"
PEOPLE_VOTE = "*Decided by vote:* each step's votes are in the context. *Participants:* {people}"
BULLET = "• {text}"
EXPORT = "Export Markdown"
OWNER_BUTTON = "Change owner"
OWNER_TITLE = "Decision owner"
OWNER_LABEL = "Who owns this decision?"
OWNER_SUBMIT = "Save"
OWNER_CLOSE = "Cancel"
OWNER_FAILED = "I couldn't match this form to a decision record, so nothing changed."
OWNER_NONE = "Pick the person who owns this decision."

# -- the revisit reminder (scheduled in the record's thread) ---------------------------------

REMINDER = (
    ":calendar: *Time to revisit {record}: {topic}* (decided {date}, owner <@{owner}>).\n"
    "Prices and volumes move. Re-run the cost estimate with today's prices, and if the "
    "decision no longer holds, walk the tree again with `" + COMMAND + " {topic}`."
)
REMINDER_FALLBACK = "Time to revisit {record}: {topic}"
REMINDER_BUTTON = "Re-run the cost estimate"

# -- notices ----------------------------------------------------------------------------------

MISSING = ":warning: I can't find that decision record any more, so nothing changed."
EXPORTING = ":page_facing_up: That record is already on its way to the thread as a file."
EXPORT_FAILED = (
    ":warning: I couldn't upload the file ({error}). Invite me with `/invite @Tradeoffs` and "
    "click *Export Markdown* again."
)
EXPORT_COMMENT = ":page_facing_up: {record} as Markdown, exported by <@{user}>."
FORM_FAILED = ":warning: Slack didn't open the cost form ({error}); click the button again."

# -- the Markdown file (adr-tools layout) -----------------------------------------------------

MD_TITLE = "# {number}. {topic}"
MD_DATE = "Date: {date}"
MD_STATUS = "## Status"
MD_SUPERSEDED = "Superseded by [ADR {number:04d}]({file})"
MD_SUPERSEDES = "Supersedes [ADR {number:04d}]({file})"
MD_CONTEXT = "## Context"
MD_CONTEXT_INTRO = "The team walked the build / buy / fine-tune decision tree for this topic."
MD_ANSWERED = "@{user} answered {answer} to “{question}”"
MD_VOTED = "The vote on “{question}” went {answer}, {won} to {lost}: {tally}."
MD_TIED = "The vote on “{question}” was tied {won} to {lost}, and @{user} broke the tie for {answer}: {tally}."
MD_DECISION = "## Decision"
MD_DECISION_TEXT = "We will go with {title}. {decision}"
MD_CONSEQUENCES = "## Consequences"
MD_GAIN = "What we gain:"
MD_ACCEPT = "What we accept:"
MD_ALTERNATIVES = "## Alternatives considered"
MD_ALTERNATIVE = "**{title}** was ruled out. {reason}"
MD_OWNER = "## Owner"
MD_OWNER_TEXT = "@{owner} owns this decision."
MD_REVISIT = "## Revisit"
MD_REVISIT_TEXT = "Revisit on {date}, when prices and volumes have had time to move."
MD_PEOPLE = "## Participants"
MD_VOTES = "## Votes"
MD_VOTES_TEXT = "Each step was decided by a vote; the context lists every vote."
MD_COST = "## Cost estimate"
MD_COST_TEXT = (
    "@{by} estimated {per_month} a month on {model} on {on} (`/llmcost {args}`), with prices "
    "from {prices}."
)
MD_NEXT = "## Next step"
