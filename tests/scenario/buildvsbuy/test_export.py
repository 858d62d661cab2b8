"""A decision record's Export Markdown button and its revisit reminder."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

from slack_sdk import WebClient

from bot.blocks.llmcost_form import field_id
from bot.devtools.sim import WHERE, SlackSim, buttons, message_text
from bot.features.buildvsbuy import decisions
from bot.texts import decisions as dt
from bot.texts.buildvsbuy import BAD_VALUE
from tests.support.buildvsbuy import PATHS, TEAM, ephemeral, post_record, start, walk


def _record(sim: SlackSim, topic: str = "contract review") -> tuple[dict, dict]:
    final = walk(sim, start(sim, topic), PATHS[1].steps)
    _, adr = post_record(sim, final)
    return final, adr


def _mine(slack_api, thread: str) -> list:
    return [f for f in slack_api.uploaded() if f.thread_ts == thread]


def test_export_uploads_the_adr_file_into_the_thread(sim, slack_api) -> None:
    final, adr = _record(sim)
    thread = final[WHERE]["ts"]
    reply = sim.click(adr, "Export Markdown", user="U3")
    assert reply.status == 200
    methods = [c.method for c in reply.calls if c.method != "auth.test"]
    assert methods == ["files.getUploadURLExternal", "upload", "files.completeUploadExternal"]
    [file] = _mine(slack_api, thread)
    assert (file.filename, file.channel, file.title) == (
        "0001-contract-review.md", "C0TEST", "0001-contract-review.md",
    )  # fmt: skip
    assert len(file.shares) == 1
    text = file.text
    assert text.startswith("# 1. contract review\n\nDate: ")
    assert re.findall(r"^## .*$", text, re.M) == [
        "## Status", "## Context", "## Decision", "## Consequences",
        "## Alternatives considered", "## Owner", "## Revisit", "## Participants", "## Next step",
    ]  # fmt: skip
    assert "## Status\n\nAccepted\n" in text
    assert "- **Prompting** was ruled out. A prompt alone does not meet the quality bar." in text
    assert "@U0ALICE owns this decision." in text
    assert file.initial_comment == dt.EXPORT_COMMENT.format(record="ADR 0001", user="U3")


def test_a_double_click_uploads_one_file(sim, slack_api) -> None:
    final, adr = _record(sim)
    sim.click(adr, "Export Markdown", user="U3")
    again = sim.click(adr, "Export Markdown", user="U4")
    assert ephemeral(again) == dt.EXPORTING
    assert len(_mine(slack_api, final[WHERE]["ts"])) == 1


def test_a_failed_export_can_be_tried_again(sim, slack_api) -> None:
    final, adr = _record(sim)
    slack_api.fail_next("files.getUploadURLExternal", "not_in_channel")
    failed = sim.click(adr, "Export Markdown", user="U3")
    assert ephemeral(failed) == dt.EXPORT_FAILED.format(error="not_in_channel")
    assert _mine(slack_api, final[WHERE]["ts"]) == []
    sim.click(adr, "Export Markdown", user="U3")
    assert len(_mine(slack_api, final[WHERE]["ts"])) == 1


def test_a_timed_out_export_is_not_uploaded_twice(sim, slack_api, monkeypatch) -> None:
    final, adr = _record(sim)
    real = WebClient.files_completeUploadExternal

    def completed_then_timed_out(self, **kwargs):
        real(self, **kwargs)
        raise TimeoutError("The read operation timed out")

    monkeypatch.setattr(WebClient, "files_completeUploadExternal", completed_then_timed_out)
    assert sim.click(adr, "Export Markdown", user="U3").status == 200
    monkeypatch.setattr(WebClient, "files_completeUploadExternal", real)
    assert ephemeral(sim.click(adr, "Export Markdown", user="U3")) == dt.EXPORTING
    assert len(_mine(slack_api, final[WHERE]["ts"])) == 1


def test_forged_export_clicks_change_nothing(sim, slack_api, store) -> None:
    final, adr = _record(sim)
    export = buttons(adr)[0]
    genuine = export["value"]
    for value in (genuine.replace("T0TEST", "T0EVIL", 1), genuine.replace("|1|", "|2|"),
                  genuine.replace("export", "cost"), "T0TEST|adr|x|0|export", "nope"):  # fmt: skip
        reply = sim.click(adr, "Export Markdown", user="U3", value=value)
        assert reply.status == 200
        assert ephemeral(reply) == BAD_VALUE
    # a message forged whole (its button too), for a record that does not exist
    missing = genuine.replace("|1|", "|99|")
    forged = {**adr, "blocks": [{**b, "elements": [{**export, "value": missing}, *b["elements"][1:]]}
                                if b.get("type") == "actions" else b for b in adr["blocks"]]}  # fmt: skip
    assert ephemeral(sim.click(forged, "Export Markdown", user="U3")) == dt.MISSING
    assert _mine(slack_api, final[WHERE]["ts"]) == []
    assert len(slack_api.calls_to("files.getUploadURLExternal")) == 0


def test_the_reminder_is_scheduled_in_the_thread_about_90_days_out(sim, slack_api, store):
    final, adr = _record(sim)
    thread = final[WHERE]["ts"]
    [reminder] = [s for s in slack_api.scheduled() if s.thread_ts == thread]
    assert reminder.channel == "C0TEST"
    days = (reminder.post_at - time.time()) / 86_400
    assert 89 < days < 91
    revisit = (datetime.now(UTC) + timedelta(days=90)).date()
    assert datetime.fromtimestamp(reminder.post_at, UTC).date() == revisit
    assert "Time to revisit ADR 0001: contract review" in reminder.text
    kept = decisions.read_record(store, TEAM, 1).value
    assert (kept.reminder_id, kept.reminder_at) == (reminder.id, reminder.post_at)
    assert f"*Revisit:* {revisit.isoformat()}" in message_text(adr)


def test_the_reminder_is_cancelled_when_the_record_is_superseded(sim, slack_api, store):
    final, _ = _record(sim, "pricing emails")
    thread = final[WHERE]["ts"]
    [first] = [s for s in slack_api.scheduled() if s.thread_ts == thread]
    later, _ = _record(sim, "Pricing emails")  # same topic, same channel: supersedes
    assert first.id not in [s.id for s in slack_api.scheduled()]
    assert [
        (c.args["channel"], c.args["scheduled_message_id"])
        for c in slack_api.calls_to("chat.deleteScheduledMessage")
    ] == [("C0TEST", first.id)]
    assert [s.thread_ts for s in slack_api.scheduled() if s.thread_ts in (thread, later[WHERE]["ts"])] == [
        later[WHERE]["ts"]
    ]
    assert decisions.read_record(store, TEAM, 1).value.reminder_id is None


def test_a_timed_out_schedule_is_checked_not_repeated(sim, slack_api, store, monkeypatch):
    real = WebClient.chat_scheduleMessage

    def scheduled_then_timed_out(self, **kwargs):
        real(self, **kwargs)
        raise TimeoutError("The read operation timed out")

    monkeypatch.setattr(WebClient, "chat_scheduleMessage", scheduled_then_timed_out)
    final, _ = _record(sim, f"timeouts {time.time_ns()}")  # the fake's schedule is shared
    monkeypatch.setattr(WebClient, "chat_scheduleMessage", real)
    assert len(slack_api.calls_to("chat.scheduleMessage")) == 1
    assert len(slack_api.calls_to("chat.scheduledMessages.list")) == 1
    [reminder] = [s for s in slack_api.scheduled() if s.thread_ts == final[WHERE]["ts"]]
    assert decisions.read_record(store, TEAM, 1).value.reminder_id == reminder.id


def test_the_reminder_button_reopens_the_cost_estimate_with_its_inputs(sim, slack_api) -> None:
    final = walk(sim, start(sim, "support triage"), PATHS[1].steps)
    form = sim.click(final, "Estimate cost", user="U2").view
    sim.submit(form, {field_id("in"): "6000"}, user="U2")
    reply, _ = post_record(sim, final)
    [reminder] = [m for m in reply.messages if "Time to revisit" in m.get("text", "")]
    assert reminder[WHERE]["thread_ts"] == final[WHERE]["ts"]
    opened = sim.click({**reminder, WHERE: {**reminder[WHERE], "ts": "1.000001"}},
                       "Re-run the cost estimate", user="U9")  # fmt: skip
    view = opened.view
    assert view["callback_id"] == "cost.modal"
    fields = {b.get("block_id"): b.get("element", {}).get("initial_value") for b in view["blocks"]}
    assert fields[field_id("in")] == "6000"
    answered = sim.submit(view, {}, user="U9")
    [ephemeral_answer] = [c for c in answered.calls if c.method == "chat.postEphemeral"]
    assert ephemeral_answer.args["thread_ts"] == final[WHERE]["ts"]
    assert ephemeral_answer.args["user"] == "U9"


def test_a_forged_reminder_click_opens_nothing(sim, slack_api) -> None:
    final = walk(sim, start(sim, "support triage"), PATHS[1].steps)
    reply, _ = post_record(sim, final)
    [reminder] = [m for m in reply.messages if "Time to revisit" in m.get("text", "")]
    value = buttons(reminder)[0]["value"]
    for forged in (value.replace("T0TEST", "T0EVIL", 1), value.replace("cost", "export"), "x"):
        clicked = sim.click(reminder, "Re-run the cost estimate", user="U9", value=forged)
        assert clicked.views == []


def test_the_owner_can_be_changed(sim, slack_api, store) -> None:
    _, adr = _record(sim)
    before = decisions.read_record(store, TEAM, 1).value.reminder_id
    modal = sim.click(adr, "Change owner", user="U3").view
    assert modal["blocks"][1]["element"]["initial_user"] == "U0ALICE"
    done = sim.submit(modal, {"adr.owner_input": "U0BOB"}, user="U3")
    assert done.ack is None or done.ack.get("response_action") is None
    assert decisions.read_record(store, TEAM, 1).value.owner == "U0BOB"
    edited = slack_api.message("C0TEST", adr[WHERE]["ts"])
    assert "*Owner:* <@U0BOB>" in message_text(edited)
    export = sim.click({**adr, **edited, WHERE: adr[WHERE]}, "Export Markdown", user="U3")
    assert export.status == 200
    [file] = [f for f in slack_api.uploaded() if f.thread_ts == adr[WHERE]["thread_ts"]]
    assert "@U0BOB owns this decision." in file.text
    kept = decisions.read_record(store, TEAM, 1).value.reminder_id
    ids = {s.id: s for s in slack_api.scheduled()}
    assert before not in ids
    assert "owner <@U0BOB>" in str(ids[kept].blocks)


def test_a_forged_owner_form_changes_nothing(sim, store) -> None:
    _, adr = _record(sim)
    modal = sim.click(adr, "Change owner", user="U3").view
    for metadata in ("T0EVIL|adr|1|0|owner", "T0TEST|adr|1|0|export", "T0TEST|adr|99|0|owner",
                     "{}", ""):  # fmt: skip
        done = sim.submit({**modal, "private_metadata": metadata}, {"adr.owner_input": "U0BOB"})
        assert done.ack["response_action"] == "errors"
        assert done.ack["errors"]["adr.owner_block"] == dt.OWNER_FAILED
    for user in ("<!channel>", "U1>|x", ""):  # a forged people picker
        done = sim.submit(modal, {"adr.owner_input": user})
        assert done.ack["errors"]["adr.owner_block"] == dt.OWNER_NONE
    assert decisions.read_record(store, TEAM, 1).value.owner == "U0ALICE"
