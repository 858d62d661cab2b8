"""Slack mrkdwn escaping for text people typed (topics, initiative names, arguments).

Slack reads ``<...>`` as links and mentions and ``&`` as the start of an entity, so these
three must be sent as entities; anything else shows as typed.
"""

from __future__ import annotations


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
