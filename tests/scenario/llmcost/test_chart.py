"""*Break-even chart* on an /llmcost answer: a real PNG uploaded into the conversation, the DM
where the bot can't post files, a notice for other refusals, nothing for a forged value."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from bot.texts import llmcost_answer as texts
from bot.texts import llmcost_chart as chart_texts

ARGS = "model=gpt-4o in=2000 out=500 qps=3"


def _answer(sim) -> dict:
    reply = sim.command("/llmcost", ARGS)
    assert reply.ack["response_type"] == "ephemeral"
    return reply.message


def _shared(slack_api):
    """Files shared by this test's calls (the fake's file store outlives a test)."""
    ids = [
        f["id"]
        for c in slack_api.calls_to("files.completeUploadExternal")
        if c.response.get("ok")
        for f in c.response["files"]
    ]
    return [f for f in slack_api.uploaded() if f.id in ids]


def test_the_chart_is_uploaded_where_the_answer_is(sim, slack_api) -> None:
    started = time.perf_counter()
    reply = sim.click(_answer(sim), texts.CHART_BUTTON)
    elapsed = time.perf_counter() - started
    [chart] = _shared(slack_api)
    assert (chart.channel, chart.thread_ts) == ("C0TEST", None)
    assert chart.filename == chart_texts.FILENAME
    assert chart.title == chart_texts.TITLE
    image = Image.open(io.BytesIO(chart.content or b""))
    image.load()
    assert (image.format, image.size) == ("PNG", (960, 576))
    [complete] = slack_api.calls_to("files.completeUploadExternal")
    assert "Break-even chart for gpt-4o" in complete.args["initial_comment"]
    assert "your volume 259,200 a day" in complete.args["initial_comment"]
    [started_upload] = slack_api.calls_to("files.getUploadURLExternal")
    assert "Break-even: " in started_upload.args["alt_txt"]
    assert [c.method for c in reply.calls if c.method == "response_url"] == []  # no notice
    assert elapsed < 10  # includes loading matplotlib once; the chart itself: tests/charts


def test_in_a_thread_the_chart_goes_in_the_thread(sim, slack_api) -> None:
    reply = sim.mention("cost " + ARGS, thread_ts="1700000000.000100")
    answer = next(m for m in reply.messages if m.get("blocks"))
    sim.click(answer, texts.CHART_BUTTON)
    [chart] = _shared(slack_api)
    assert chart.thread_ts == "1700000000.000100"


def test_where_the_bot_cant_post_files_the_chart_goes_to_the_dm(sim, slack_api) -> None:
    slack_api.fail_next("files.completeUploadExternal", "not_in_channel")
    reply = sim.click(_answer(sim), texts.CHART_BUTTON)
    [chart] = _shared(slack_api)
    assert chart.channel == "D0ALICE"
    [notice] = [c for c in reply.calls if c.method == "response_url"]
    assert notice.args["response_type"] == "ephemeral"
    assert "is in our DM" in str(notice.args)


@pytest.mark.parametrize("error", ["ratelimited", "file_uploads_disabled"])
def test_other_refusals_are_told_to_the_clicker_only(sim, slack_api, error) -> None:
    slack_api.fail_next("files.getUploadURLExternal", error)
    reply = sim.click(_answer(sim), texts.CHART_BUTTON)
    assert _shared(slack_api) == []
    [notice] = [c for c in reply.calls if c.method == "response_url"]
    assert error in str(notice.args)
    assert notice.args["replace_original"] is False  # the answer stays


def test_a_forged_value_draws_nothing(sim, slack_api) -> None:
    reply = sim.click(_answer(sim), texts.CHART_BUTTON, value="model=no-such-model in=1 out=1 qps=1")
    assert slack_api.calls_to("files.getUploadURLExternal") == []
    [notice] = [c for c in reply.calls if c.method == "response_url"]
    assert "no-such-model" in str(notice.args)
