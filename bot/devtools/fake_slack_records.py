"""What FakeSlack keeps about each request: the call itself, queued faults, response_urls."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RESPONSE_URL_USES = 5  # Slack: a response_url takes 5 posts within 30 minutes


@dataclass(frozen=True)
class Call:
    """One request the app made: Web API method (or "response_url" / "upload"), its args,
    its token, and (ignored by ==) the JSON body or text the fake answered."""

    method: str
    args: dict
    token: str | None = None
    response: Any = field(default=None, compare=False)


@dataclass
class Fault:
    status: int
    body: dict
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class ResponseUrl:
    channel: str | None
    message_ts: str | None
    uses: int = 0
