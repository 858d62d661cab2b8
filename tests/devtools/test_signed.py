import json
from urllib.parse import parse_qs

import pytest
from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.signed import SlackRequests, dispatch
from bot.devtools.view_state import state_values

SECRET = "test-signing-secret"
NOW = 1_700_000_000.0
MESSAGE = {
    "ts": "1700000000.000100",
    "text": "Build or buy?",
    "blocks": [
        {
            "type": "actions",
            "block_id": "choice",
            "elements": [
                {
                    "type": "button",
                    "action_id": "yes",
                    "value": "y",
                    "text": {"type": "plain_text", "text": "Yes"},
                },
                {
                    "type": "static_select",
                    "action_id": "size",
                    "options": [{"text": {"type": "plain_text", "text": "Big"}, "value": "big"}],
                },
            ],
        }
    ],
}
MODAL = {
    "id": "V123",
    "type": "modal",
    "title": {"type": "plain_text", "text": "Rubric"},
    "blocks": [
        {
            "type": "input",
            "block_id": "role",
            "label": {"type": "plain_text", "text": "Role"},
            "element": {"type": "plain_text_input", "action_id": "role_input"},
        }
    ],
}


class FixedClock:
    def now(self):
        return NOW


def reqs(clock=lambda: NOW):
    return SlackRequests(SECRET, clock=clock)


def build_all(r):
    return {
        "slash": r.slash_command(
            "/llmcost", "help", user_id="U1", channel_id="C1", response_url="http://x/r"
        ),
        "click": r.block_action("yes", "y", user_id="U1", channel_id="C1", message=MESSAGE),
        "submit": r.view_submission("rubric", {}, user_id="U1"),
        "event": r.app_mention("hi", user_id="U1", channel_id="C1"),
    }


@pytest.mark.parametrize("kind", ["slash", "click", "submit", "event"])
def test_signatures_round_trip_through_signature_verifier(kind):
    body, headers = build_all(reqs())[kind]
    verifier = SignatureVerifier(SECRET, clock=FixedClock())
    assert verifier.is_valid_request(body, headers)
    assert headers["x-slack-request-timestamp"] == str(int(NOW))


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda r: r.forged(), "wrong secret"),
        (lambda r: r.aged(301), "older than 5 minutes"),
    ],
)
@pytest.mark.parametrize("kind", ["slash", "click", "submit", "event"])
def test_forged_and_old_requests_fail_verification(make, why, kind):
    body, headers = build_all(make(reqs(clock=lambda: NOW)))[kind]
    verifier = SignatureVerifier(SECRET, clock=FixedClock())
    assert not verifier.is_valid_request(body, headers), why


def test_recent_age_still_verifies():
    body, headers = (
        reqs().aged(60).slash_command("/x", user_id="U1", channel_id="C1", response_url="u")
    )
    verifier = SignatureVerifier(SECRET, clock=FixedClock())
    assert verifier.is_valid_request(body, headers)


def test_slash_command_is_form_encoded():
    body, headers = reqs().slash_command(
        "/llmcost", "gpt-4o 1000", user_id="U1", channel_id="C1", response_url="u"
    )
    form = {k: v[0] for k, v in parse_qs(body).items()}
    assert headers["content-type"] == "application/x-www-form-urlencoded"
    assert (form["command"], form["text"], form["user_id"], form["team_id"]) == (
        "/llmcost",
        "gpt-4o 1000",
        "U1",
        "T0TEST",
    )
    assert form["trigger_id"]


def payload_of(body):
    return json.loads(parse_qs(body)["payload"][0])


def test_block_action_in_a_message_carries_the_message():
    body, _ = reqs().block_action(
        "yes", "y", user_id="U1", channel_id="C1", message=MESSAGE, response_url="u"
    )
    payload = payload_of(body)
    assert payload["container"] == {
        "type": "message",
        "message_ts": MESSAGE["ts"],
        "channel_id": "C1",
        "is_ephemeral": False,
    }
    assert payload["message"]["blocks"] == MESSAGE["blocks"]
    assert payload["channel"]["id"] == "C1"
    assert payload["actions"][0] | {"action_ts": None} == {
        "action_id": "yes",
        "block_id": "choice",
        "type": "button",
        "value": "y",
        "text": {"type": "plain_text", "text": "Yes"},
        "action_ts": None,
    }


def test_select_action_carries_selected_option():
    body, _ = reqs().block_action("size", "big", user_id="U1", channel_id="C1", message=MESSAGE)
    action = payload_of(body)["actions"][0]
    assert action["type"] == "static_select"
    assert action["selected_option"]["value"] == "big"


def test_block_action_in_a_view_carries_the_view():
    body, _ = reqs().block_action(
        "yes", "y", user_id="U1", view={**MODAL, "blocks": MESSAGE["blocks"]}
    )
    payload = payload_of(body)
    assert payload["container"] == {"type": "view", "view_id": "V123"}
    assert payload["view"]["id"] == "V123"
    assert "message" not in payload


def test_ephemeral_click_has_no_message():
    body, _ = reqs().block_action(
        "yes", "y", user_id="U1", channel_id="C1", message=MESSAGE, is_ephemeral=True
    )
    payload = payload_of(body)
    assert payload["container"]["is_ephemeral"] is True
    assert "message" not in payload


def test_event_callback_shape_and_retry_headers():
    body, headers = reqs().event(
        {"type": "app_home_opened", "user": "U1"}, event_id="Ev1", retry_num=1
    )
    data = json.loads(body)
    assert (data["type"], data["event_id"], data["event_time"], data["team_id"]) == (
        "event_callback",
        "Ev1",
        int(NOW),
        "T0TEST",
    )
    assert data["authorizations"][0]["user_id"] == "U0BOT"
    assert headers["x-slack-retry-num"] == "1"


@pytest.fixture
def app():
    with FakeSlack() as fake:
        client = WebClient(token="xoxb-test", base_url=fake.url)
        app = App(signing_secret=SECRET, client=client, process_before_response=True)
        seen = []

        @app.command("/llmcost")
        def command(ack, command):
            seen.append(("command", command["text"]))
            ack(text="ok")

        @app.action("yes")
        def click(ack, body):
            seen.append(("action", body["container"]["message_ts"]))
            ack()

        @app.view("rubric")
        def submit(ack, view):
            seen.append(("view", view["state"]["values"]["role"]["role_input"]["value"]))
            ack()

        @app.event("app_mention")
        def mention(event):
            seen.append(("mention", event["text"]))

        app.seen = seen
        yield app


def test_dispatch_runs_the_listeners(app):
    r = SlackRequests(SECRET)
    assert (
        dispatch(
            app,
            *r.slash_command("/llmcost", "help", user_id="U1", channel_id="C1", response_url="u"),
        ).status
        == 200
    )
    assert (
        dispatch(
            app, *r.block_action("yes", "y", user_id="U1", channel_id="C1", message=MESSAGE)
        ).status
        == 200
    )
    values = state_values(MODAL["blocks"], {"role_input": "Staff ML engineer"})
    assert (
        dispatch(app, *r.view_submission("rubric", values, user_id="U1", view=MODAL)).status == 200
    )
    assert dispatch(app, *r.app_mention("hello", user_id="U1", channel_id="C1")).status == 200
    assert app.seen == [
        ("command", "help"),
        ("action", MESSAGE["ts"]),
        ("view", "Staff ML engineer"),
        ("mention", "<@U0BOT> hello"),
    ]


@pytest.mark.parametrize("make", [lambda r: r.forged(), lambda r: r.aged(600)])
def test_dispatch_rejects_bad_signatures(app, make):
    r = make(SlackRequests(SECRET))
    response = dispatch(
        app, *r.slash_command("/llmcost", "help", user_id="U1", channel_id="C1", response_url="u")
    )
    assert response.status == 401
    assert app.seen == []
