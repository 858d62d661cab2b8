"""Socket Mode (`python -m bot socket`) answers through the same app: a slash command's
answer is the envelope's response, and a click is acked at once while its update runs in
the post-ack pool, as over HTTP."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qsl

from slack_bolt.adapter.socket_mode.internals import run_bolt_app
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.app import create_app
from bot.devtools.sim import find_button


def _payload(signed_body: str) -> dict:
    fields = dict(parse_qsl(signed_body))
    return json.loads(fields["payload"]) if "payload" in fields else fields


def test_socket_mode_answers_in_the_envelope_and_updates_after_the_ack(
    app_settings, store, knowledge, slack_api, requests_
) -> None:
    app = create_app(app_settings, store=store, knowledge=knowledge)  # as `python -m bot socket`
    body, _ = requests_.slash_command(
        "/buildvsbuy", "support triage", user_id="U1", channel_id="C0TEST",
        response_url=slack_api.new_response_url(channel="C0TEST", message_ts=None),
    )  # fmt: skip
    answered = run_bolt_app(app, SocketModeRequest("slash_commands", "e1", _payload(body)))
    assert answered.status == 200
    message = json.loads(answered.body)
    assert message["blocks"]
    yes = find_button(message, "Yes")
    click, _ = requests_.block_action(
        yes["action_id"], yes["value"], user_id="U2", channel_id="C0TEST", message=message,
        message_ts="1700000000.000001", response_url=slack_api.new_response_url(channel="C0TEST", message_ts="1700000000.000001"),
        block_id=yes.get("block_id"),
    )  # fmt: skip
    started = time.perf_counter()
    acked = run_bolt_app(app, SocketModeRequest("interactive", "e2", _payload(click)))
    assert acked.status == 200
    assert time.perf_counter() - started < 0.5
    updated = slack_api.wait_for("response_url", 1, timeout=5)
    assert updated[0].args["replace_original"] is True
