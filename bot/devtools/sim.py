"""SlackSim: drive the real app like a Slack client would, for scenario tests.

    sim = SlackSim(app, fake, SlackRequests(secret))
    reply = sim.command("/buildvsbuy", "support triage")
    reply = sim.click(reply.message, "Yes", user="U2")
    assert "RAG" in reply.message_text

Each request is signed and dispatched through Bolt; the reply collects what
the app sent back: the HTTP ack body and every new Web API / response_url call.
Every message payload is a dict carrying where it lives under ``_where``
(channel, ts, thread_ts, ephemeral) so a later click can target it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import App, BoltResponse

from bot.devtools.blockkit import assert_valid_message, assert_valid_view
from bot.devtools.fake_slack import MESSAGE_METHODS, VIEW_METHODS, Call, FakeSlack
from bot.devtools.signed import Request, SlackRequests, dispatch
from bot.devtools.view_state import state_values

WHERE = "_where"


@dataclass
class Reply:
    response: BoltResponse
    calls: list[Call]
    messages: list[dict] = field(default_factory=list)
    views: list[dict] = field(default_factory=list)

    @property
    def status(self) -> int:
        return self.response.status

    @property
    def ack(self) -> dict | None:
        body = self.response.body
        if not body:
            return None
        try:
            parsed = json.loads(body)
        except ValueError:
            return None
        return parsed if isinstance(parsed, dict) else None

    @property
    def message(self) -> dict:
        """The last message the app sent in this reply."""
        assert self.messages, f"the app sent no message (calls: {[c.method for c in self.calls]})"
        return self.messages[-1]

    @property
    def message_text(self) -> str:
        return message_text(self.message)

    @property
    def view(self) -> dict:
        assert self.views, f"the app opened no view (calls: {[c.method for c in self.calls]})"
        return self.views[-1]

    def all_text(self) -> str:
        return "\n".join(message_text(m) for m in self.messages)


def _texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["text"]] if isinstance(node.get("text"), str) else []
        for key, value in node.items():
            if key != WHERE and not (key == "text" and isinstance(value, str)):
                found.extend(_texts(value))
        return found
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return []


def message_text(message: dict) -> str:
    """Every text in a message's blocks (or its fallback text when it has none)."""
    blocks = message.get("blocks") or []
    return "\n".join(_texts(blocks)) if blocks else str(message.get("text", ""))


def buttons(payload: dict) -> list[dict]:
    """The buttons of a message or view, in order, each with its ``block_id``."""
    found = []
    for block in payload.get("blocks") or []:
        elements = list(block.get("elements") or [])
        if isinstance(block.get("accessory"), dict):
            elements.append(block["accessory"])
        for element in elements:
            if isinstance(element, dict) and element.get("type") == "button":
                found.append({**element, "block_id": block.get("block_id")})
    return found


def find_button(payload: dict, label: str) -> dict:
    """The button whose text or action_id is ``label``."""
    for button in buttons(payload):
        if label in (button["text"]["text"], button["action_id"]):
            return button
    labels = [b["text"]["text"] for b in buttons(payload)]
    raise AssertionError(f"no button {label!r}; buttons: {labels}")


class SlackSim:
    def __init__(
        self,
        app: App,
        fake: FakeSlack,
        requests: SlackRequests,
        *,
        user: str = "U0ALICE",
        channel: str = "C0TEST",
    ) -> None:
        self.app = app
        self.fake = fake
        self.requests = requests
        self.user = user
        self.channel = channel

    # --- sending ----------------------------------------------------------------------

    def send(self, request: Request, *, ack_where: dict | None = None) -> Reply:
        before = len(self.fake.calls)
        response = self.deliver(request)
        calls = self.fake.calls[before:]
        reply = Reply(response, calls)
        ack = reply.ack
        if ack and (ack.get("blocks") or ack.get("text")) and "response_action" not in ack:
            assert_valid_message(ack)
            reply.messages.append(self._place_ack(ack, ack_where or {}))
        if ack and ack.get("response_action") in ("update", "push"):
            assert_valid_view(ack["view"])
            reply.views.append(ack["view"])
        for call in calls:
            if call.method in MESSAGE_METHODS:
                reply.messages.append(self._place_call(call))
            elif call.method in VIEW_METHODS:
                reply.views.append(call.args.get("view") or {})
        return reply

    def deliver(self, request: Request) -> BoltResponse:
        """Hand one signed request to the app (straight to Bolt; a subclass may go by HTTP)."""
        return dispatch(self.app, *request)

    def _place_ack(self, ack: dict, where: dict) -> dict:
        channel = where.get("channel", self.channel)
        if ack.get("response_type") == "in_channel":
            message = {"text": ack.get("text", ""), "blocks": ack.get("blocks", [])}
            ts = self.fake.add_message(channel, message)
            return {**ack, WHERE: {"channel": channel, "ts": ts, "ephemeral": False}}
        return {**ack, WHERE: {"channel": channel, "ts": None, "ephemeral": True}}

    def _place_call(self, call: Call) -> dict:
        args = call.args
        if call.method == "response_url":
            previous = self._response_urls.get(str(args.get("url")), {})
            replaced = args.get("replace_original") in (True, "true")
            where = dict(previous) if replaced else {"channel": previous.get("channel")}
            if not replaced:
                in_channel = args.get("response_type") == "in_channel"
                where |= {"ts": None, "ephemeral": not in_channel}
            return {**args, WHERE: where}
        channel = args.get("channel")
        ts = args.get("ts")
        if call.method == "chat.postMessage":
            ts = (call.response or {}).get("ts")
        where = {
            "channel": channel,
            "ts": ts,
            "thread_ts": args.get("thread_ts"),
            "ephemeral": call.method == "chat.postEphemeral",
        }
        return {**args, WHERE: where}

    @property
    def _response_urls(self) -> dict[str, dict]:
        if not hasattr(self, "_urls"):
            self._urls: dict[str, dict] = {}
        return self._urls

    def _response_url(self, where: dict) -> str:
        channel, ts = where.get("channel"), where.get("ts")
        url = self.fake.new_response_url(channel=channel, message_ts=ts)
        self._response_urls[url] = dict(where)
        return url

    # --- what a person does -----------------------------------------------------------

    def command(
        self, command: str, text: str = "", *, user: str | None = None, channel: str | None = None
    ) -> Reply:
        channel = channel or self.channel
        where = {"channel": channel, "ts": None, "ephemeral": True}
        request = self.requests.slash_command(
            command, text, user_id=user or self.user, channel_id=channel,
            response_url=self._response_url(where),
        )  # fmt: skip
        return self.send(request, ack_where={"channel": channel})

    def click(
        self, message: dict, label: str, *, user: str | None = None, value: str | None = None
    ) -> Reply:
        """Click the button ``label`` (text or action_id) on a message from a Reply.

        ``value`` overrides the button's value, to forge a tampered payload."""
        button = find_button(message, label)
        value = button.get("value") if value is None else value
        return self._act(
            message, button["action_id"], user, value=value, block_id=button.get("block_id")
        )

    def tick(
        self,
        message: dict,
        action_id: str,
        values: list[str],
        *,
        user: str | None = None,
        block_id: str | None = None,
    ) -> Reply:
        """Set the checkboxes ``action_id`` in a message from a Reply to exactly ``values``
        (Slack sends every selected option with each change); ``block_id`` overrides the
        element's block id, to forge a tampered payload."""
        return self._act(message, action_id, user, selected=values, block_id=block_id)

    def _act(self, message: dict, action_id: str, user: str | None, **action: Any) -> Reply:
        """An element of a message from a Reply used by ``user`` (``action``: its value,
        block id or selected options)."""
        where = message.get(WHERE) or {}
        clean = {k: v for k, v in message.items() if k != WHERE}
        request = self.requests.block_action(
            action_id,
            user_id=user or self.user,
            channel_id=where.get("channel"),
            message=clean,
            message_ts=where.get("ts"),
            is_ephemeral=bool(where.get("ephemeral")),
            response_url=self._response_url(where),
            thread_ts=where.get("thread_ts"),
            **action,
        )
        return self.send(request)

    def click_in_view(
        self, view: dict, label: str, *, user: str | None = None, value: str | None = None
    ) -> Reply:
        button = find_button(view, label)
        request = self.requests.block_action(
            button["action_id"],
            button.get("value") if value is None else value,
            user_id=user or self.user,
            view=view,
            block_id=button.get("block_id"),
        )
        return self.send(request)

    def submit(self, view: dict, answers: dict[str, Any], *, user: str | None = None) -> Reply:
        """Submit a modal with ``answers`` keyed by action_id (unanswered inputs keep initial)."""
        request = self.requests.view_submission(
            view.get("callback_id", ""),
            state_values(view.get("blocks") or [], answers),
            user_id=user or self.user,
            private_metadata=view.get("private_metadata", ""),
            view=view,
        )
        return self.send(request)

    def dm(self, text: str, *, user: str | None = None, channel: str = "D0ALICE") -> Reply:
        return self.send(
            self.requests.direct_message(text, user_id=user or self.user, channel_id=channel)
        )

    def mention(
        self,
        text: str,
        *,
        user: str | None = None,
        channel: str | None = None,
        thread_ts: str | None = None,
    ) -> Reply:
        request = self.requests.app_mention(
            text, user_id=user or self.user, channel_id=channel or self.channel, thread_ts=thread_ts
        )
        return self.send(request)

    def open_home(self, *, user: str | None = None, tab: str = "home") -> Reply:
        request = self.requests.app_home_opened(user_id=user or self.user, tab=tab)
        return self.send(request)
