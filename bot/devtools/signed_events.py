"""Events API requests for `SlackRequests` (bot/devtools/signed.py): the `event_callback`
envelope and the events the app listens to, signed like the rest."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

Request = tuple[str, dict[str, str]]
JSON = "application/json"


class EventRequests:
    """Mixed into `SlackRequests`, which provides the fields and `sign`."""

    team_id: str
    api_app_id: str
    bot_user_id: str
    clock: Callable[[], float]

    def sign(self, body: str, content_type: str, extra: dict[str, str] | None = None) -> Request:
        raise NotImplementedError

    def event(
        self, event: dict, *, event_id: str | None = None, retry_num: int | None = None
    ) -> Request:
        """An Events API `event_callback`; `retry_num` adds Slack's retry headers."""
        now = int(self.clock())
        body = {
            "token": "verification-token-unused",
            "team_id": self.team_id,
            "api_app_id": self.api_app_id,
            "event": {"event_ts": f"{self.clock():.6f}", **event},
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": now,
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": self.team_id,
                    "user_id": self.bot_user_id,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
        }
        extra = None
        if retry_num is not None:
            extra = {"x-slack-retry-num": str(retry_num), "x-slack-retry-reason": "http_timeout"}
        return self.sign(json.dumps(body), JSON, extra)

    def app_mention(
        self,
        text: str,
        *,
        user_id: str,
        channel_id: str,
        ts: str | None = None,
        thread_ts: str | None = None,
    ) -> Request:
        event = {"type": "app_mention", "user": user_id, "text": f"<@{self.bot_user_id}> {text}"}
        event |= {"channel": channel_id, "ts": ts or f"{self.clock():.6f}"}
        if thread_ts:
            event["thread_ts"] = thread_ts
        return self.event(event)

    def direct_message(
        self, text: str, *, user_id: str, channel_id: str = "D0DEMO", ts: str | None = None
    ) -> Request:
        event = {"type": "message", "channel_type": "im", "user": user_id, "text": text}
        event |= {"channel": channel_id, "ts": ts or f"{self.clock():.6f}"}
        return self.event(event)

    def app_home_opened(
        self, *, user_id: str, channel_id: str = "D0DEMO", tab: str = "home"
    ) -> Request:
        return self.event(
            {"type": "app_home_opened", "user": user_id, "channel": channel_id, "tab": tab}
        )

    def function_executed(
        self,
        callback_id: str,
        inputs: dict,
        *,
        execution_id: str | None = None,
        bot_access_token: str = "xwfp-test-function-token",
    ) -> Request:
        """A workflow step run (``function_executed``) of this app's function ``callback_id``."""
        event = {
            "type": "function_executed",
            "function": {"id": f"Fn{callback_id.upper()[:8]}", "callback_id": callback_id,
                         "app_id": self.api_app_id, "type": "app"},
            "inputs": inputs,
            "function_execution_id": execution_id or f"Fx{uuid.uuid4().hex[:10].upper()}",
            "workflow_execution_id": f"Wx{uuid.uuid4().hex[:10].upper()}",
            "bot_access_token": bot_access_token,
        }  # fmt: skip
        return self.event(event)
