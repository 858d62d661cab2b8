"""bolt_request: a slash command whose text (or channel, or user name) says "payload" is still
a slash command. Bolt alone parses such a form as an empty body and answers 404."""

from __future__ import annotations

import io
import json
from urllib.parse import urlencode

import pytest

from bot.bolt_request import bolt_request
from bot.devtools.signed import SlackRequests
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
