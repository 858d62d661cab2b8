"""The demo drives an app like a Slack client: a scripted Bolt app covers every kind of
reply (ack, respond, postMessage, update, ephemeral, modals, Home), then the real app."""

import io
from pathlib import Path

import pytest
from slack_bolt import App
from slack_sdk import WebClient

from bot.devtools.demo import DEMO_SECRET, run_demo
from bot.devtools.demo_session import DM, Demo
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.signed import SlackRequests
from bot.devtools.terminal import Terminal


def plain(text):
    return {"type": "plain_text", "text": text}


def section(text):
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def button(text, action_id, value="", **extra):
    return {
        "type": "button",
        "text": plain(text),
        "action_id": action_id,
        "value": value or action_id,
        **extra,
    }


def actions(*elements):
    return {"type": "actions", "block_id": "acts", "elements": list(elements)}


MODAL = {
    "type": "modal",
    "callback_id": "why",
    "private_metadata": "ctx-42",
    "title": plain("Why buy?"),
    "submit": plain("Send"),
    "blocks": [
        {
            "type": "input",
            "block_id": "role",
            "label": plain("Role"),
            "element": {"type": "plain_text_input", "action_id": "role_in", "initial_value": "EM"},
        },
        {
            "type": "input",
            "block_id": "level",
            "label": plain("Level"),
            "element": {
                "type": "static_select",
                "action_id": "level_in",
                "options": [
                    {"text": plain("Senior"), "value": "senior"},
                    {"text": plain("Staff"), "value": "staff"},
                ],
            },
        },
    ],
}


def scripted_app(fake):
    app = App(
        signing_secret=DEMO_SECRET,
        client=WebClient(token="xoxb-demo", base_url=fake.url),
        process_before_response=True,
    )

    @app.command("/decide")
    def decide(ack, command):
        blocks = [
            section(f"Build or buy *{command['text']}*?"),
            actions(
                button("Build", "build"),
                button("Buy", "buy"),
                button("Docs", "docs", url="https://d.io"),
            ),
        ]
        ack(text="Decide", blocks=blocks, response_type="in_channel")

    @app.action("build")
    def build(ack, respond, body):
        ack()
        respond(
            replace_original=True,
            text="Build",
            blocks=[section(f"You chose *build* on {body['message']['ts']}")],
        )

    @app.action("buy")
    def buy(ack, body, client):
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=MODAL)

    @app.view("why")
    def why(ack, view, client, body):
        values = view["state"]["values"]
        role = values["role"]["role_in"]["value"]
        if role == "bad":
            ack(response_action="errors", errors={"role": "Say more"})
            return
        ack()
        level = values["level"]["level_in"]["selected_option"]["value"]
        text = f"{role} / {level} / {view['private_metadata']}"
        client.chat_postMessage(channel=DM, text=text, blocks=[section(text)])

    @app.command("/eph")
    def eph(ack, command, client):
        ack()
        blocks = [section("secret"), actions(button("Again", "again"))]
        client.chat_postEphemeral(
            channel=command["channel_id"], user=command["user_id"], text="s", blocks=blocks
        )

    @app.action("again")
    def again(ack, respond, body):
        ack()
        assert body["container"]["is_ephemeral"] is True
        respond(replace_original=True, text="again!")

    @app.command("/post")
    def post(ack, say):
        ack()
        say(text="counter", blocks=[section("count 0"), actions(button("Bump", "bump"))])

    @app.action("bump")
    def bump(ack, body, client):
        ack()
        ts = body["container"]["message_ts"]
        client.chat_update(
            channel=body["channel"]["id"], ts=ts, text="c", blocks=[section("count 1")]
        )

    @app.command("/bad")
    def bad(ack):
        ack(text="x", blocks=[{"type": "header", "text": {"type": "mrkdwn", "text": "h"}}])

    @app.event("app_mention")
    def mention(event, say):
        say(text=f"re: {event['text']}", thread_ts=event["ts"])

    @app.event("app_home_opened")
    def home(event, client):
        client.views_publish(
            user_id=event["user"], view={"type": "home", "blocks": [section("Home!")]}
        )

    @app.message()
    def dm(message, say):
        say(text=f"echo: {message['text']}")

    return app


def run_script(lines, *, tty=False):
    out = io.StringIO()
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    stdin.isatty = lambda: tty
    with FakeSlack() as fake:
        demo = Demo(scripted_app(fake), fake, SlackRequests(DEMO_SECRET), Terminal(stdin, out))
        status = demo.run("HELP TEXT")
        problems = list(fake.validation_problems)
    return status, out.getvalue(), problems


def assert_in_order(output, *expected):
    position = 0
    for line in expected:
        found = output.find(line, position)
        assert found >= 0, f"missing (after char {position}): {line!r}\n---\n{output}"
        position = found + len(line)


def test_command_ack_then_click_replaces_the_message():
    status, out, _ = run_script(["/decide support bot", "1"])
    assert status == 0
    assert_in_order(
        out,
        "> /decide support bot",
        "── Tradeoffs (#demo) ──",
        "Build or buy *support bot*?",
        "[1] Build  [2] Buy  [3] Docs ↗",
        "> 1",
        "── Tradeoffs (#demo, updated) ──",
        "You chose *build* on ",
    )


def test_url_button_shows_its_url_and_unknown_numbers_are_explained():
    _, out, _ = run_script(["7", "/decide x", "3", "9"])
    assert_in_order(
        out,
        "(no button [7]; nothing to click yet)",
        "(opens https://d.io)",
        "(no button [9]; pick 1-3)",
    )


def test_modal_fields_are_prompted_and_errors_reprompt():
    lines = ["/decide x", "2", "bad", "1", "good", "3", "2"]
    _, out, problems = run_script(lines)
    assert_in_order(
        out,
        "> 2",
        "══ modal: Why buy? ══",
        "  Role: EM",
        "  < Send >",
        "  Role [EM]: bad",
        "    1) Senior",
        "    2) Staff",
        "  Level: 1",
        "!! role: Say more",
        "  Role [bad]: good",
        "  (pick a number from 1 to 2)",
        "  Level [Senior]: 2",
        "(modal submitted and closed)",
        "── Tradeoffs (DM) ──",
        "good / staff / ctx-42",
    )
    assert problems == []


def test_ephemeral_then_replace_via_response_url():
    _, out, _ = run_script(["/eph", "1"])
    assert_in_order(
        out,
        "── Tradeoffs (#demo, only visible to you) ──",
        "secret",
        "[1] Again",
        "> 1",
        "── Tradeoffs (#demo, updated, only visible to you) ──",
        "again!",
    )


def test_chat_update_is_marked_updated():
    _, out, _ = run_script(["/post", "1"])
    assert_in_order(
        out, "count 0", "[1] Bump", "> 1", "── Tradeoffs (#demo, updated) ──", "count 1"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "@tradeoffs what about RAG?",
            ["── Tradeoffs (#demo, in thread) ──", "re: @U0BOT what about RAG?"],
        ),
        ("hello bot", ["── Tradeoffs (DM) ──", "echo: hello bot"]),
        ("home", ["══ App Home ══", "Home!"]),
        ("/bad", ["!! Block Kit: ack: blocks[0] (header).text"]),
        ("/nothing", ["!! the app has no listener for this yet (HTTP 404)"]),
        ("help", ["HELP TEXT", "── Tradeoffs (DM) ──", "echo: help"]),
    ],
)
def test_each_kind_of_line(line, expected):
    _, out, _ = run_script([line])
    assert_in_order(out, f"> {line}", *expected)


def test_quit_stops_and_eof_stops():
    status, out, _ = run_script(["quit", "hello"])
    assert (status, out) == (0, "> quit\n")
    assert run_script([])[:2] == (0, "")


def test_tty_prompts_instead_of_echo():
    _, out, _ = run_script(["hello"], tty=True)
    assert out.startswith("Tradeoffs demo: type `help`")
    assert "> hello" not in out
    assert "echo: hello" in out


def test_run_demo_with_the_real_app(settings, store, knowledge):
    stdin = io.StringIO("help\nhello there\n   \nquit\n")
    out = io.StringIO()
    assert run_demo(stdin, out, settings=settings, store=store, knowledge=knowledge) == 0
    text = out.getvalue()
    assert_in_order(
        text, "> help", "/llmcost", "── Tradeoffs (DM) ──", "What I can do",
        "> hello there", "── Tradeoffs (DM) ──", "/buildvsbuy", "> quit",
    )  # fmt: skip
    assert "!!" not in text
    assert "INFO" not in text


def test_the_demo_writes_a_shared_chart_to_disk_and_says_where(settings, store, knowledge):
    stdin = io.StringIO("/llmcost model=gpt-4o in=2000 out=500 qps=3\n3\nquit\n")
    out = io.StringIO()
    assert run_demo(stdin, out, settings=settings, store=store, knowledge=knowledge) == 0
    text = out.getvalue()
    assert "[3] Break-even chart" in text
    assert "Vendor API         $77,760.00" in text  # the table as aligned columns
    line = next(x for x in text.splitlines() if x.startswith("(file shared:"))
    path = Path(line.rsplit("written to ", 1)[1].rstrip(")"))
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
