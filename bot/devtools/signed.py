"""Signed HTTP requests shaped like the ones Slack sends, for tests and the demo.

    reqs = SlackRequests("demo-secret")
    body, headers = reqs.slash_command("/llmcost", "help", user_id="U1", channel_id="C1",
                                       response_url=fake.new_response_url())
    response = dispatch(app, body, headers)

Signatures are Slack's `v0` HMAC-SHA256 (what `slack_sdk.signature.SignatureVerifier`
checks). `forged()` signs with a wrong secret and `aged(seconds)` back-dates the
timestamp, for negative tests.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from slack_bolt import App, BoltResponse
from slack_sdk.signature import SignatureVerifier

from bot.bolt_request import bolt_request
from bot.devtools.signed_events import EventRequests, Request
from bot.devtools.view_state import find_element

FORM = "application/x-www-form-urlencoded"


@dataclasses.dataclass(frozen=True)
class SlackRequests(EventRequests):
    signing_secret: str
    team_id: str = "T0TEST"
    clock: Callable[[], float] = time.time
    api_app_id: str = "A0TEST"
    bot_user_id: str = "U0BOT"
    team_domain: str = "tradeoffs-test"
    _seq: itertools.count = dataclasses.field(
        default_factory=lambda: itertools.count(1), repr=False
    )

    # --- signing -------------------------------------------------------------------------

    def forged(self, secret: str = "not-the-signing-secret") -> SlackRequests:
        """A copy that signs with the wrong secret."""
        return dataclasses.replace(self, signing_secret=secret)

    def aged(self, seconds: float) -> SlackRequests:
        """A copy whose timestamps are `seconds` in the past (Bolt rejects > 300)."""
        clock = self.clock
        return dataclasses.replace(self, clock=lambda: clock() - seconds)

    def sign(self, body: str, content_type: str, extra: dict[str, str] | None = None) -> Request:
        timestamp = str(int(self.clock()))
        signature = SignatureVerifier(self.signing_secret).generate_signature(
            timestamp=timestamp, body=body
        )
        headers = {
            "content-type": content_type,
            "x-slack-request-timestamp": timestamp,
            "x-slack-signature": signature or "",
            **(extra or {}),
        }
        return body, headers

    def _trigger_id(self) -> str:
        return f"{next(self._seq)}.{uuid.uuid4().int % 10**12}.{uuid.uuid4().hex[:16]}"

    def _user(self, user_id: str) -> dict:
        name = f"user-{user_id.lower()}"
        return {"id": user_id, "username": name, "name": name, "team_id": self.team_id}

    def _team(self) -> dict:
        return {"id": self.team_id, "domain": self.team_domain}

    def _interaction(self, payload: dict) -> Request:
        common: dict[str, Any] = {
            "api_app_id": self.api_app_id,
            "token": "verification-token-unused",
            "team": self._team(),
        }
        common |= {"enterprise": None, "is_enterprise_install": False}
        body = urlencode({"payload": json.dumps({**payload, **common})})
        return self.sign(body, FORM)

    # --- slash commands and interactions --------------------------------------------------

    def slash_command(
        self,
        command: str,
        text: str = "",
        *,
        user_id: str,
        channel_id: str,
        response_url: str,
        trigger_id: str | None = None,
        channel_name: str = "demo",
    ) -> Request:
        form = {
            "token": "verification-token-unused",
            "team_id": self.team_id,
            "team_domain": self.team_domain,
            "channel_id": channel_id,
            "channel_name": channel_name,
            "user_id": user_id,
            "user_name": f"user-{user_id.lower()}",
            "command": command,
            "text": text,
            "api_app_id": self.api_app_id,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id or self._trigger_id(),
        }
        return self.sign(urlencode(form), FORM)

    def block_action(
        self,
        action_id: str,
        value: str | None = None,
        *,
        user_id: str,
        channel_id: str | None = None,
        message: dict | None = None,
        message_ts: str | None = None,
        is_ephemeral: bool = False,
        response_url: str | None = None,
        block_id: str | None = None,
        trigger_id: str | None = None,
        thread_ts: str | None = None,
        view: dict | None = None,
        selected: list[str] | None = None,
    ) -> Request:
        """A click on an element in a message (give `message` or `message_ts` + `channel_id`)
        or in a modal / App Home (give `view`). The element is looked up in the message's or
        view's blocks to fill in block_id, type and text; selects get `selected_option`;
        checkboxes and multi-selects get `selected_options`, the options whose values are in
        `selected` (all of them, as Slack sends every change)."""
        blocks = (view or message or {}).get("blocks") or []
        found_block_id, element = find_element(blocks, action_id)
        action: dict[str, Any] = {
            "action_id": action_id,
            "block_id": block_id or found_block_id or "block",
            "type": (element or {}).get("type", "button"),
            "action_ts": f"{self.clock():.6f}",
        }
        if element and "text" in element:
            action["text"] = element["text"]
        if action["type"] in ("static_select", "overflow", "radio_buttons"):
            options = (element or {}).get("options") or []
            action["selected_option"] = next((o for o in options if o.get("value") == value), None)
        elif action["type"] in ("checkboxes", "multi_static_select"):
            options = (element or {}).get("options") or []
            action["selected_options"] = [o for o in options if o.get("value") in (selected or [])]
        elif value is not None:
            action["value"] = value
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": self._user(user_id),
            "trigger_id": trigger_id or self._trigger_id(),
            "actions": [action],
            "state": {"values": {}},
        }
        if view is not None:
            payload["container"] = {"type": "view", "view_id": view.get("id", "V0VIEW")}
            payload["view"] = view
            payload["state"] = view.get("state") or {"values": {}}
        else:
            ts = message_ts or (message or {}).get("ts")
            container = {"type": "message", "message_ts": ts, "channel_id": channel_id}
            container["is_ephemeral"] = is_ephemeral
            if thread_ts:
                container["thread_ts"] = thread_ts
            payload["container"] = container
            payload["channel"] = {"id": channel_id, "name": "demo"}
            if message is not None and not is_ephemeral:
                payload["message"] = {**message, "ts": ts}
        if response_url:
            payload["response_url"] = response_url
        return self._interaction(payload)

    def message_shortcut(
        self,
        callback_id: str,
        message: dict,
        *,
        user_id: str,
        channel_id: str,
        response_url: str,
        trigger_id: str | None = None,
    ) -> Request:
        """A message shortcut (``message_action``) picked on ``message`` (which has a ts)."""
        payload = {
            "type": "message_action",
            "callback_id": callback_id,
            "trigger_id": trigger_id or self._trigger_id(),
            "user": self._user(user_id),
            "channel": {"id": channel_id, "name": "demo"},
            "message": {"type": "message", **message},
            "message_ts": message["ts"],
            "response_url": response_url,
        }
        return self._interaction(payload)

    def view_submission(
        self,
        callback_id: str,
        values: dict,
        *,
        user_id: str,
        private_metadata: str = "",
        view_id: str = "V0VIEW",
        view: dict | None = None,
        trigger_id: str | None = None,
    ) -> Request:
        """`values` is Slack's `view.state.values`: {block_id: {action_id: {"type": ..., ...}}}
        (build it with `bot.devtools.view_state.state_values`). `view` supplies the rest."""
        base = dict(
            view
            or {"type": "modal", "blocks": [], "title": {"type": "plain_text", "text": "Modal"}}
        )
        full = {
            **base,
            "id": base.get("id", view_id),
            "team_id": self.team_id,
            "app_id": self.api_app_id,
            "callback_id": callback_id,
            "private_metadata": private_metadata,
            "state": {"values": values},
            "hash": base.get("hash", "hash-0"),
        }
        payload = {
            "type": "view_submission",
            "user": self._user(user_id),
            "trigger_id": trigger_id or self._trigger_id(),
            "view": full,
            "response_urls": [],
        }
        return self._interaction(payload)

    # --- events ---------------------------------------------------------------------------


def dispatch(app: App, body: str, headers: dict[str, str]) -> BoltResponse:
    """Run one signed request through the app, as the server (``bot/server.py``) does."""
    return app.dispatch(bolt_request(body=body, headers=headers))
