import pytest

from bot.devtools.blockkit import (
    BlockKitError,
    assert_valid_message,
    assert_valid_view,
    message_problems,
    view_problems,
)


def plain(text):
    return {"type": "plain_text", "text": text}


def md(text):
    return {"type": "mrkdwn", "text": text}


def section(text="hello", **extra):
    return {"type": "section", "text": md(text), **extra}


def button(text="Yes", action_id="yes", **extra):
    return {"type": "button", "text": plain(text), "action_id": action_id, **extra}


def actions(*elements, **extra):
    return {"type": "actions", "elements": list(elements), **extra}


def option(text="One", value="1"):
    return {"text": plain(text), "value": value}


def select(options, action_id="pick"):
    return {"type": "static_select", "action_id": action_id, "options": options}


def msg(*blocks, text="fallback", **extra):
    return {"text": text, "blocks": list(blocks), **extra}


def text_input(action_id="answer"):
    return {"type": "plain_text_input", "action_id": action_id}


def input_block(label="Name", element=None, **extra):
    return {"type": "input", "label": plain(label), "element": element or text_input(), **extra}


def modal(*blocks, title="Title", **extra):
    return {
        "type": "modal",
        "title": plain(title),
        "submit": plain("Go"),
        "blocks": list(blocks),
        **extra,
    }


GOOD_MESSAGES = {
    "text only": {"text": "hello"},
    "section and fallback": msg(section()),
    "header, divider, context": msg(
        {"type": "header", "text": plain("H" * 150)},
        {"type": "divider"},
        {"type": "context", "elements": [md("a")] * 10},
    ),
    "section limits exactly": msg(section("x" * 3000, fields=[md("f" * 2000)] * 10)),
    "buttons at the limits": msg(
        actions(
            *(button(f"b{i}", f"a{i}") for i in range(24)),
            button("T" * 75, "z" * 255, value="v" * 2000),
        )
    ),
    "select with 100 options": msg(
        section(
            "pick", accessory=select([option("o" * 75, f"{i}".ljust(150, "v")) for i in range(100)])
        )
    ),
    "overflow with 5 options": msg(
        section("more", accessory={"type": "overflow", "action_id": "o", "options": [option()] * 5})
    ),
    "50 blocks": msg(*[{"type": "divider"}] * 50),
    "ephemeral ack body": {"response_type": "ephemeral", "text": "hi", "blocks": [section()]},
    "blocks as JSON string": {"text": "t", "blocks": '[{"type": "divider"}]'},
    "delete_original": {"delete_original": True},
    "attachment blocks": {"text": "t", "attachments": [{"blocks": [section()]}]},
    "slack control sequences": msg(
        section("<@U1> <#C1|general> <!here> <https://x.io|x> <mailto:a@b.co> `a &lt;b&gt;` 1 < 2")
    ),
}

BAD_MESSAGES = {
    "51 blocks": (msg(*[{"type": "divider"}] * 51), "51 blocks, limit 50"),
    "section text 3001": (msg(section("x" * 3001)), "3001 characters, limit 3000"),
    "section 11 fields": (msg(section(fields=[md("f")] * 11)), "11 fields, limit 10"),
    "field 2001": (msg(section(fields=[md("f" * 2001)])), "fields[0]: text is 2001 characters"),
    "26 action elements": (
        msg(actions(*(button("b", f"a{i}") for i in range(26)))),
        "26 elements, limit 25",
    ),
    "11 context elements": (
        msg({"type": "context", "elements": [md("a")] * 11}),
        "11 elements, limit 10",
    ),
    "header 151": (msg({"type": "header", "text": plain("H" * 151)}), "151 characters, limit 150"),
    "mrkdwn header": (msg({"type": "header", "text": md("H")}), "must be plain_text"),
    "mrkdwn button": (msg(actions({**button(), "text": md("Yes")})), "must be plain_text"),
    "button text 76": (msg(actions(button("B" * 76))), "76 characters, limit 75"),
    "button value 2001": (msg(actions(button(value="v" * 2001))), "value is 2001 characters"),
    "action_id 256": (msg(actions(button(action_id="a" * 256))), "action_id is 256 characters"),
    "block_id 256": (msg(section(block_id="b" * 256)), "block_id is 256 characters"),
    "duplicate action_id": (msg(actions(button(), button("No"))), "duplicate action_id 'yes'"),
    "duplicate block_id": (
        msg(section(block_id="s"), section(block_id="s")),
        "duplicate block_id 's'",
    ),
    "101 options": (msg(section(accessory=select([option()] * 101))), "101 options, limit 100"),
    "option text 76": (
        msg(section(accessory=select([option("o" * 76)]))),
        "76 characters, limit 75",
    ),
    "option value 151": (
        msg(section(accessory=select([option(value="v" * 151)]))),
        "151 characters",
    ),
    "overflow 6": (
        msg(section(accessory={"type": "overflow", "action_id": "o", "options": [option()] * 6})),
        "6 options, limit 5",
    ),
    "missing fallback": (msg(section(), text=""), "missing fallback text"),
    "no fallback key": ({"blocks": [section()]}, "missing fallback text"),
    "empty message": ({"text": "  "}, "empty message"),
    "empty section text": (msg(section("")), "empty text"),
    "bad text type": (
        msg({"type": "section", "text": {"type": "markdown", "text": "x"}}),
        "got 'markdown'",
    ),
    "unknown block": (msg({"type": "carousel_thing"}), "unknown block type 'carousel_thing'"),
    "section without text": (msg({"type": "section"}), "section needs text or fields"),
    "input element in actions": (msg(actions(text_input())), "'plain_text_input' is not allowed"),
    "bad button style": (msg(actions(button(style="green"))), "style must be primary or danger"),
    "bad response_type": ({"text": "x", "response_type": "public"}, "response_type"),
    "blocks not a list": ({"text": "x", "blocks": {"type": "divider"}}, "blocks must be a list"),
    "sdk: bad date": (
        msg(
            section(accessory={"type": "datepicker", "action_id": "d", "initial_date": "2024/1/1"})
        ),
        "slack_sdk rejects it",
    ),
    "placeholder in mrkdwn": (msg(section("run `/buildvsbuy <topic>`")), "unescaped '<topic>'"),
    "placeholder in context": (
        msg({"type": "context", "elements": [md("ask `learn <it>`")]}),
        "elements[0]: unescaped '<it>'",
    ),
    "bad attachment block": (
        {"text": "t", "attachments": [{"blocks": [section("")]}]},
        "attachments[0]",
    ),
}


@pytest.mark.parametrize("payload", GOOD_MESSAGES.values(), ids=GOOD_MESSAGES.keys())
def test_good_messages_have_no_problems(payload):
    assert message_problems(payload) == []
    assert_valid_message(payload)


@pytest.mark.parametrize(("payload", "expected"), BAD_MESSAGES.values(), ids=BAD_MESSAGES.keys())
def test_bad_messages_name_the_problem(payload, expected):
    problems = message_problems(payload)
    assert any(expected in p for p in problems), problems
    with pytest.raises(BlockKitError) as info:
        assert_valid_message(payload)
    assert info.value.problems == problems
    assert expected in str(info.value)


GOOD_VIEWS = {
    "modal with input": modal(input_block()),
    "modal title 24": modal(section(), title="T" * 24),
    "modal without inputs needs no submit": {
        "type": "modal",
        "title": plain("T"),
        "blocks": [section()],
    },
    "home tab": {"type": "home", "blocks": [section(), actions(button())]},
    "100 blocks": modal(*[{"type": "divider"}] * 100),
    "metadata 3000": modal(section(), private_metadata="m" * 3000, callback_id="c" * 255),
}

BAD_VIEWS = {
    "title 25": (modal(section(), title="T" * 25), "view.title: text is 25 characters"),
    "submit 25": ({**modal(section()), "submit": plain("S" * 25)}, "view.submit: text is 25"),
    "close mrkdwn": (
        {**modal(section()), "close": md("x")},
        "view.close: text type must be plain_text",
    ),
    "101 blocks": (modal(*[{"type": "divider"}] * 101), "101 blocks, limit 100"),
    "no blocks": (modal(), "at least one block"),
    "metadata 3001": (modal(section(), private_metadata="m" * 3001), "private_metadata is 3001"),
    "callback_id 256": (modal(section(), callback_id="c" * 256), "callback_id is 256"),
    "inputs without submit": (
        {"type": "modal", "title": plain("T"), "blocks": [input_block()]},
        "needs a submit button",
    ),
    "missing title": ({"type": "modal", "blocks": [section()]}, "view.title: missing text object"),
    "home with submit": (
        {"type": "home", "submit": plain("x"), "blocks": [section()]},
        "not allowed",
    ),
    "bad type": ({"type": "dialog", "blocks": [section()]}, "must be modal or home"),
    "input without label": (modal({"type": "input", "element": text_input()}), "label: missing"),
    "button in input": (modal(input_block(element=button())), "'button' is not allowed"),
    "duplicate action ids": (
        modal(input_block(element=text_input("a")), input_block(element=text_input("a"))),
        "duplicate action_id 'a'",
    ),
    "unknown block": (modal({"type": "nope"}), "unknown block type 'nope'"),
}


@pytest.mark.parametrize("view", GOOD_VIEWS.values(), ids=GOOD_VIEWS.keys())
def test_good_views_have_no_problems(view):
    assert view_problems(view) == []
    assert_valid_view(view)


@pytest.mark.parametrize(("view", "expected"), BAD_VIEWS.values(), ids=BAD_VIEWS.keys())
def test_bad_views_name_the_problem(view, expected):
    problems = view_problems(view)
    assert any(expected in p for p in problems), problems
    with pytest.raises(BlockKitError, match="invalid Block Kit"):
        assert_valid_view(view)


def test_all_problems_are_reported_at_once():
    payload = msg(section("x" * 3001), {"type": "header", "text": md("h")}, text="")
    assert len(message_problems(payload)) == 3
