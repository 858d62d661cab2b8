"""bolt_request: a slash command whose text (or channel, or user name) says "payload" is still
a slash command. Bolt alone parses such a form as an empty body and answers 404. A payload
the gate parsed is handed to Bolt as Bolt would have parsed it, and not parsed again."""

from __future__ import annotations

import io
import json
from urllib.parse import urlencode

import pytest
from slack_bolt.request.internals import parse_body

from bot import bolt_request as bolt_request_module
from bot.bolt_request import bolt_request
from bot.devtools.signed import SlackRequests
from bot.gate import parse_signed
from bot.server import make_wsgi_app
from tests.conftest import SIGNING_SECRET

SIGNER = SlackRequests(SIGNING_SECRET)


def _command(text: str, **extra: str) -> tuple[str, dict[str, str]]:
    body, headers = SIGNER.slash_command(
        "/rubric", text, user_id="U0ALICE", channel_id="C0TEST", response_url="https://x.test/r"
    )
    if extra:
        body = urlencode({**dict(pair.split("=", 1) for pair in body.split("&")), **extra})
    return body, headers


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (_command("payload")[0], "application/x-www-form-urlencoded", {"text": "payload"}),
        (_command("senior", channel_name="payloads")[0], None, {"channel_name": "payloads"}),
        ("command=%2Frubric&text=payload%3D1", "application/x-www-form-urlencoded", {"text": "payload=1"}),
        (urlencode({"payload": json.dumps({"type": "block_actions"})}), None, {"type": "block_actions"}),
        (json.dumps({"type": "event_callback", "text": "payload"}), "application/json", {"text": "payload"}),
        ("", None, {}),
    ],
)  # fmt: skip
def test_body_is_parsed_as_what_it_is(body, content_type, expected) -> None:
    headers = {"content-type": content_type} if content_type else {}
    request = bolt_request(body=body, headers=headers)
    assert request.body.items() >= expected.items()
    assert request.raw_body == body


def test_context_of_a_command_saying_payload_names_its_team_and_user() -> None:
    body, headers = _command("payload")
    request = bolt_request(body=body, headers=headers)
    assert (request.context.team_id, request.context.user_id) == ("T0TEST", "U0ALICE")


@pytest.mark.parametrize(
    ("command", "text"),
    [("/rubric", "payload"), ("/buildvsbuy", "payload pipeline"), ("/llmcost", "model=payload")],
)
def test_commands_saying_payload_are_answered(sim, command, text) -> None:
    reply = sim.command(command, text)
    assert reply.status == 200
    assert reply.messages, f"{command} {text!r} got no answer"


def test_server_answers_a_command_saying_payload(app, store) -> None:
    wsgi = make_wsgi_app(app, store)
    body, headers = _command("payload")
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": headers["content-type"],
        "CONTENT_LENGTH": str(len(body.encode())),
        "wsgi.input": io.BytesIO(body.encode()),
        "HTTP_X_SLACK_REQUEST_TIMESTAMP": headers["x-slack-request-timestamp"],
        "HTTP_X_SLACK_SIGNATURE": headers["x-slack-signature"],
    }
    seen: list[str] = []
    answer = b"".join(wsgi(environ, lambda status, _headers, *_: seen.append(status)))
    assert seen[0].startswith("200"), answer
    assert json.loads(answer)["response_type"] == "ephemeral"


_PAYLOAD = {"type": "block_actions", "user": {"id": "U0ALICE"}, "team": {"id": "T0TEST"}}
_HANDED = [
    (urlencode({"payload": json.dumps(_PAYLOAD)}), "application/x-www-form-urlencoded"),
    (  # a repeated payload: Bolt reads the last one, so the gate checks and hands on that one
        urlencode([("payload", json.dumps({"type": "view_submission"})), ("payload", json.dumps(_PAYLOAD))]),
        "application/x-www-form-urlencoded",
    ),
    (json.dumps({"type": "event_callback", "team_id": "T0TEST", "event": {"type": "app_mention"}}), "application/json"),
    (json.dumps({"type": "url_verification", "challenge": "c"}), "text/plain"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "content_type"), _HANDED)
def test_the_gate_hands_bolt_what_bolt_would_have_parsed(body, content_type) -> None:
    parsed = parse_signed(body.encode(), content_type)
    assert parsed == parse_body(body, content_type)
    headers = {"content-type": content_type}
    handed, own = bolt_request(body=body, headers=headers, parsed=parsed), bolt_request(body=body, headers=headers)
    assert (handed.raw_body, handed.body, handed.content_type) == (own.raw_body, own.body, own.content_type)
    assert dict(handed.context) == dict(own.context)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(_command("payload")[0], "application/x-www-form-urlencoded"), ("a=1", "text/plain"), ("", "text/plain")],
)
def test_the_gate_leaves_commands_and_plain_forms_to_bolt(body, content_type) -> None:
    assert parse_signed(body.encode(), content_type) is None


def test_the_server_hands_the_gates_parse_to_bolt(app, store, monkeypatch) -> None:
    parses: list[str] = []
    real = bolt_request_module.BoltRequest

    def counting(*, body, **kwargs):  # type: ignore[no-untyped-def]
        parses.append(body)
        return real(body=body, **kwargs)

    monkeypatch.setattr(bolt_request_module, "BoltRequest", counting)
    body, headers = SIGNER.block_action("cost.chart", "model=gpt-4o", user_id="U0ALICE", channel_id="C0TEST",
                                        message_ts="1.2", response_url="https://x.test/r")  # fmt: skip
    environ = {
        "REQUEST_METHOD": "POST", "PATH_INFO": "/slack/events", "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1", "CONTENT_TYPE": headers["content-type"],
        "CONTENT_LENGTH": str(len(body.encode())), "wsgi.input": io.BytesIO(body.encode()),
        "HTTP_X_SLACK_REQUEST_TIMESTAMP": headers["x-slack-request-timestamp"],
        "HTTP_X_SLACK_SIGNATURE": headers["x-slack-signature"],
    }  # fmt: skip
    seen: list[str] = []
    b"".join(make_wsgi_app(app, store)(environ, lambda status, _headers, *_: seen.append(status)))
    assert seen[0].startswith("200")
    assert parses == [""]  # Bolt parsed nothing: the request was built on the gate's parse
