import pytest

from bot.devtools.render_text import (
    RULE,
    Choice,
    clean_mrkdwn,
    render_blocks,
    render_message,
    render_view,
    text_of,
)


def plain(text):
    return {"type": "plain_text", "text": text}


def md(text):
    return {"type": "mrkdwn", "text": text}


def button(text, action_id, value=None, **extra):
    el = {"type": "button", "text": plain(text), "action_id": action_id, **extra}
    if value is not None:
        el["value"] = value
    return el


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("*bold* and _it_", "*bold* and _it_"),
        ("see <https://x.io/a|the docs>", "see the docs (https://x.io/a)"),
        ("bare <https://x.io>", "bare https://x.io"),
        ("hi <@U123>", "hi @U123"),
        ("in <#C1|general>", "in #general"),
        ("<!here> look", "@here look"),
        ("a &lt;b&gt; &amp; c", "a <b> & c"),
        ("two <https://a.io|A> <https://b.io|B>", "two A (https://a.io) B (https://b.io)"),
    ],
)
def test_clean_mrkdwn(raw, expected):
    assert clean_mrkdwn(raw) == expected


@pytest.mark.parametrize(
    ("obj", "expected"),
    [(md("<https://a.io|A>"), "A (https://a.io)"), (plain("<b>"), "<b>"), ("s", "s"), (None, "")],
)
def test_text_of_cleans_only_mrkdwn(obj, expected):
    assert text_of(obj) == expected


MESSAGE = {
    "text": "fallback",
    "blocks": [
        {"type": "header", "text": plain("Build or buy?")},
        {
            "type": "section",
            "text": md("Is it *core*?"),
            "fields": [md("*Cost*\n$1,200"), md("*Team*\n3")],
        },
        {"type": "divider"},
        {
            "type": "actions",
            "block_id": "q1",
            "elements": [
                button("Yes", "answer_yes", "y", style="primary"),
                button("No", "answer_no", "n"),
                button("Docs", "docs", url="https://x.io"),
            ],
        },
        {"type": "context", "elements": [md("step 1 of 4"), md("<@U1> started")]},
    ],
}


def test_render_message_layout_and_numbered_buttons():
    rendered = render_message(MESSAGE, tags=("#demo", "only visible to you"))
    assert rendered.text.splitlines() == [
        "── Tradeoffs (#demo, only visible to you) ──",
        "Build or buy?",
        "=============",
        "Is it *core*?",
        "  *Cost*",
        "  $1,200",
        "  *Team*",
        "  3",
        RULE,
        "[1] Yes  [2] No  [3] Docs ↗",
        "  step 1 of 4  |  @U1 started",
    ]
    assert rendered.choices == [
        Choice(1, "Yes", "answer_yes", "q1", "y"),
        Choice(2, "No", "answer_no", "q1", "n"),
        Choice(3, "Docs ↗", "docs", "q1", None, "https://x.io"),
    ]


def test_numbering_starts_where_asked():
    rendered = render_message(MESSAGE, first_number=4)
    assert [c.number for c in rendered.choices] == [4, 5, 6]
    assert "[4] Yes  [5] No  [6] Docs" in rendered.text


def test_text_only_message_uses_fallback():
    assert render_message({"text": "plain <https://a.io|link>"}).text == (
        "── Tradeoffs ──\nplain link (https://a.io)"
    )


def test_select_and_overflow_options_are_choices():
    blocks = [
        {
            "type": "section",
            "block_id": "s",
            "text": md("Pick a model"),
            "accessory": {
                "type": "static_select",
                "action_id": "model",
                "placeholder": plain("Model"),
                "options": [
                    {"text": plain("GPT-4o"), "value": "gpt-4o"},
                    {"text": plain("Claude"), "value": "c"},
                ],
            },
        },
        {
            "type": "actions",
            "elements": [
                {
                    "type": "overflow",
                    "action_id": "more",
                    "options": [{"text": plain("Reset"), "value": "r"}],
                }
            ],
        },
    ]
    rendered = render_blocks(blocks)
    assert rendered.text.splitlines() == [
        "Pick a model",
        "  Model:  [1] GPT-4o  [2] Claude",
        "more:  [3] Reset",
    ]
    assert [(c.action_id, c.value, c.element_type) for c in rendered.choices] == [
        ("model", "gpt-4o", "static_select"),
        ("model", "c", "static_select"),
        ("more", "r", "overflow"),
    ]


def test_attachment_blocks_are_rendered():
    message = {
        "text": "t",
        "attachments": [{"blocks": [{"type": "section", "text": md("inside")}]}],
    }
    assert render_message(message).text.endswith("inside")


def test_render_modal_lists_inputs_and_buttons():
    view = {
        "type": "modal",
        "title": plain("Interview prep"),
        "submit": plain("Start"),
        "close": plain("Cancel"),
        "blocks": [
            {"type": "section", "text": md("Tell me about the role")},
            {
                "type": "input",
                "label": plain("Role"),
                "element": {
                    "type": "plain_text_input",
                    "action_id": "role",
                    "initial_value": "ML eng",
                },
            },
            {
                "type": "input",
                "optional": True,
                "label": plain("Notes"),
                "element": {"type": "plain_text_input", "action_id": "notes"},
            },
        ],
    }
    assert render_view(view).text.splitlines() == [
        "══ modal: Interview prep ══",
        "Tell me about the role",
        "  Role: ML eng",
        "  Notes (optional): ____",
        "  < Start | Cancel >",
    ]


def test_render_home_tab_with_buttons():
    view = {
        "type": "home",
        "blocks": [
            {"type": "section", "text": md("Welcome")},
            {"type": "actions", "elements": [button("Start", "go")]},
        ],
    }
    rendered = render_view(view, first_number=2)
    assert rendered.text.splitlines() == ["══ App Home ══", "Welcome", "[2] Start"]
    assert rendered.choices[0].action_id == "go"


def test_a_table_block_renders_as_aligned_columns() -> None:
    from bot.blocks.table import Table, table_block
    from bot.devtools.render_text import render_blocks

    table = Table(
        header=("Model", "$/month"),
        rows=(("gpt-4o", "$30,000.00"), ("gemini-2.5-flash", "$5,544.00")),
        align=("left", "right"),
    )
    assert render_blocks([table_block(table)]).text.splitlines() == [
        "Model" + " " * 16 + "$/month",
        "gpt-4o" + " " * 12 + "$30,000.00",
        "gemini-2.5-flash" + " " * 3 + "$5,544.00",
    ]
