"""Where a request came from and where its answer goes: the DM with a person, the channel and
thread of a click, and the place a modal remembers in its ``private_metadata``."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient

from bot.texts.help import DM_AT, MENTION_AT

log = logging.getLogger(__name__)
# Slack's answers when the bot can't post in a conversation (not a member, gone, archived)
NOT_A_MEMBER = frozenset({"not_in_channel", "channel_not_found", "is_archived"})
_CHANNEL = re.compile(r"^[CDG][A-Z0-9]{2,30}$")
_TS = re.compile(r"^\d{1,12}\.\d{1,9}$")
_URL = re.compile(r"^https?://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?(/[!-~]*)?$")


def open_dm(client: WebClient, user: str) -> str:
    """The id of the bot's DM with ``user`` (conversations.open; needs ``im:write``).

    Opening a DM is idempotent (an open DM is returned as it is), so a call that timed out,
    which may well have opened it, is simply made again, once; a second timeout raises."""
    try:
        opened = client.conversations_open(users=user)
    except TimeoutError:
        log.info("conversations.open timed out; asking again (it is idempotent)")
        opened = client.conversations_open(users=user)
    return str(opened["channel"]["id"])


def is_dm(channel: str | None) -> bool:
    return (channel or "").startswith("D")


def at_for(channel: str | None) -> str:
    """How a request starts where this conversation lives: nothing in a DM with the bot."""
    return DM_AT if is_dm(channel) else MENTION_AT


def container(body: dict[str, Any]) -> dict[str, Any]:
    found = body.get("container")
    return found if isinstance(found, dict) else {}


def click_channel(body: dict[str, Any]) -> str | None:
    """The channel a click came from."""
    channel = container(body).get("channel_id") or (body.get("channel") or {}).get("id")
    return str(channel) if channel else None


@dataclass(frozen=True)
class Place:
    """Where a modal was opened from: its answer goes there (no channel: a DM)."""

    channel: str | None = None
    thread_ts: str | None = None
    response_url: str | None = None

    def encode(self) -> str:
        data = {"c": self.channel, "t": self.thread_ts, "r": self.response_url}
        return json.dumps({k: v for k, v in data.items() if v}, separators=(",", ":"))

    @staticmethod
    def decode(raw: object) -> Place:
        """The place in a modal's ``private_metadata`` (untrusted): a malformed channel drops
        it all (answer by DM); a malformed thread or response_url drops just that part."""
        try:
            data = json.loads(raw) if isinstance(raw, str) and raw else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        channel, thread, url = data.get("c"), data.get("t"), data.get("r")
        if not (isinstance(channel, str) and _CHANNEL.match(channel)):
            return Place()
        if not (isinstance(thread, str) and _TS.match(thread)):
            thread = None
        if not (isinstance(url, str) and _URL.match(url)):
            url = None
        return Place(channel=channel, thread_ts=thread, response_url=url)
