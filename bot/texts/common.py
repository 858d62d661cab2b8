"""Words shared by every feature: failures, stale clicks, generic help."""

APP_NAME = "Tradeoffs"

STATE_UNAVAILABLE = (
    ":warning: The state store is unavailable right now, so I can't continue this "
    "conversation. Try again in a minute."
)
UNEXPECTED = (
    ":warning: Something went wrong on my side and I've logged it. "
    "Try again, or start over with the command."
)
BUSY = ":hourglass: I'm very busy right now and couldn't get to that. Try again in a moment."
BUSY_FIELD = "I'm very busy right now. Submit again in a moment."
EXPIRED = (
    ":hourglass: This conversation has expired. Start a new one with the command it came from."
)
STALE = (
    ":arrows_counterclockwise: That step has already moved on; use the buttons on the current step."
)
NOT_YOURS = (
    ":lock: These buttons belong to someone else's session; start your own from a DM with me."
)
BAD_PAYLOAD = (
    ":warning: I couldn't match that click to a conversation. Start over with the command."
)
SLACK_UNREACHABLE = ":warning: Slack didn't answer me in time, so that may not have gone through. Try again in a moment."
SLACK_ERROR = ":warning: Slack rejected my reply ({error}). {hint}"
SLACK_ERROR_HINTS = {
    "not_in_channel": "Invite me to the channel with `/invite @Tradeoffs` and try again.",
    "channel_not_found": "I can't see that channel; invite me or try in a DM.",
    "expired_trigger_id": "The form took too long to open; run the command again.",
    "ratelimited": "Slack is rate limiting me; try again in a few seconds.",
    "invalid_trigger_id": "The form took too long to open; run the command again.",
    "exchanged_trigger_id": "That form was already opened once; run the command again.",
    "is_archived": "That channel is archived; try in another channel or a DM.",
    "invalid_auth": "My installation in this workspace is broken; ask an admin to reinstall me.",
    "token_revoked": "My access to this workspace was revoked; ask an admin to reinstall me.",
    "account_inactive": "My access to this workspace was revoked; ask an admin to reinstall me.",
}

GENERAL_HELP = """\
*Tradeoffs* helps you make AI decisions where your team already talks.
• `/buildvsbuy [topic]` walks the team through the build / buy / fine-tune decision tree.
• `/llmcost model=gpt-4o in=2000 out=500 qps=3` estimates $ per call and per month, the levers and the self-host break-even.
• `/rubric senior` shows the hiring rubric for a level; DM me `prep` to practise an interview or keep a scorecard.
• Mention me in a thread (`@Tradeoffs rollout`) and I answer there."""

# CodedError codes every feature shares (bot/errors.py); a feature's own table may override one.
ERRORS = {
    "state_unavailable": STATE_UNAVAILABLE,
    "expired": EXPIRED,
    "stale": STALE,
    "not_yours": NOT_YOURS,
    "bad_payload": BAD_PAYLOAD,
}
