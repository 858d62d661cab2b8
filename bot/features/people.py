"""Which message events are a person writing to the bot in a DM (and so get an answer)."""

from __future__ import annotations

from typing import Any

# A person's own new message can carry these subtypes: a file with its caption, a `/me` line,
# a thread reply also sent to the conversation. Edits, deletions and joins are not new lines.
PERSON_SUBTYPES = frozenset({"file_share", "me_message", "thread_broadcast"})


def from_person_in_dm(message: dict[str, Any]) -> bool:
    subtype = message.get("subtype")
    return (
        message.get("channel_type") == "im"
        and not message.get("bot_id")
        and bool(message.get("user"))
        and (subtype is None or subtype in PERSON_SUBTYPES)
    )
