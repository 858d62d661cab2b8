import pytest

from bot.devtools.view_state import InputField, find_element, input_fields, state_values


def plain(text):
    return {"type": "plain_text", "text": text}


def opt(text, value):
    return {"text": plain(text), "value": value}


BLOCKS = [
    {"type": "section", "text": {"type": "mrkdwn", "text": "Tell me"}},
    {
        "type": "input",
        "block_id": "role",
        "label": plain("Role"),
        "element": {
            "type": "plain_text_input",
            "action_id": "role_in",
            "initial_value": "ML engineer",
        },
    },
    {
        "type": "input",
        "block_id": "level",
        "optional": True,
        "label": plain("Level"),
        "element": {
            "type": "static_select",
            "action_id": "level_in",
            "options": [opt("Senior", "senior"), opt("Staff", "staff")],
            "initial_option": opt("Senior", "senior"),
        },
    },
    {
        "type": "input",
        "label": plain("Topics"),
        "element": {
            "type": "checkboxes",
            "action_id": "topics",
            "options": [opt("Evals", "evals"), opt("RAG", "rag")],
        },
    },
    {
        "type": "input",
        "block_id": "when",
        "label": plain("When"),
        "element": {"type": "datepicker", "action_id": "d"},
    },
    {
        "type": "actions",
        "block_id": "acts",
        "elements": [{"type": "button", "action_id": "go", "text": plain("Go")}],
    },
]


def test_input_fields_describe_each_input():
    fields = input_fields(BLOCKS)
    assert [f.action_id for f in fields] == ["role_in", "level_in", "topics", "d"]
    assert fields[0] == InputField(
        "role", "role_in", "Role", "plain_text_input", initial="ML engineer"
    )
    assert fields[1].optional is True
    assert fields[1].initial == "senior"
    assert fields[1].options == [("Senior", "senior"), ("Staff", "staff")]
    assert fields[2].block_id == "block3"
    assert fields[2].multiple is True
    assert fields[0].multiple is False


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            {},
            {
                "role": {"role_in": {"type": "plain_text_input", "value": "ML engineer"}},
                "level": {
                    "level_in": {
                        "type": "static_select",
                        "selected_option": opt("Senior", "senior"),
                    }
                },
                "block3": {"topics": {"type": "checkboxes", "selected_options": []}},
                "when": {"d": {"type": "datepicker", "selected_date": None}},
            },
        ),
        (
            {"role_in": "", "level_in": "staff", "topics": ["rag", "bogus"], "d": "2025-01-31"},
            {
                "role": {"role_in": {"type": "plain_text_input", "value": None}},
                "level": {
                    "level_in": {"type": "static_select", "selected_option": opt("Staff", "staff")}
                },
                "block3": {
                    "topics": {"type": "checkboxes", "selected_options": [opt("RAG", "rag")]}
                },
                "when": {"d": {"type": "datepicker", "selected_date": "2025-01-31"}},
            },
        ),
    ],
    ids=["initial values kept", "answers"],
)
def test_state_values(answers, expected):
    assert state_values(BLOCKS, answers) == expected


@pytest.mark.parametrize(
    ("action_id", "expected_block", "expected_type"),
    [("go", "acts", "button"), ("level_in", "level", "static_select"), ("missing", None, None)],
)
def test_find_element(action_id, expected_block, expected_type):
    block_id, element = find_element(BLOCKS, action_id)
    assert block_id == expected_block
    assert (element or {}).get("type") == expected_type
