"""In HTTP mode (``process_before_response=False``, as served in production) every request
is acknowledged before any slow Web API call finishes, so Slack's 3-second budget holds
even when Slack itself is slow."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bot.app import create_app
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.sim import SlackSim

pytestmark = pytest.mark.slow
SLOW = 1.5  # seconds every slowed Web API / response_url call takes
ACK_BUDGET = 0.5  # what we allow ourselves (Slack allows 3 s)


class SlowSlack(FakeSlack):
    """FakeSlack whose chosen methods (or "response_url") answer after ``SLOW`` seconds."""

    slow: frozenset[str] = frozenset()

    def handle(self, path: str, args: dict, token: str | None):
        name = "response_url" if "/response/" in path else path.rstrip("/").rsplit("/", 1)[-1]
        if name in self.slow:
            time.sleep(SLOW)
        return super().handle(path, args, token)


@pytest.fixture
def slow_slack() -> Iterator[SlowSlack]:
    with SlowSlack() as fake:
        yield fake
        assert fake.validation_problems == []


@pytest.fixture
def http_sim(settings, store, knowledge, slow_slack, requests_) -> SlackSim:
    app_settings = settings.model_copy(update={"slack_api_url": slow_slack.url})
    app = create_app(app_settings, store=store, knowledge=knowledge, process_before_response=False)
    sim = SlackSim(app, slow_slack, requests_)
    sim.dm("warm up")  # the first request of a process (it learns the bot user id)
    slow_slack.wait_for("chat.postMessage", 1)
    slow_slack.clear()
    return sim


def timed(call):
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def test_the_fake_really_is_slow(slow_slack) -> None:
    from slack_sdk import WebClient

    slow_slack.slow = frozenset({"chat.postMessage"})
    client = WebClient(token="xoxb-test", base_url=slow_slack.url)
    _, took = timed(lambda: client.chat_postMessage(channel="C1", text="hi"))
    assert took >= SLOW


def test_dm_is_acked_before_the_slow_reply(http_sim, slow_slack) -> None:
    slow_slack.slow = frozenset({"chat.postMessage"})
    reply, took = timed(lambda: http_sim.dm("hello"))
    assert reply.status == 200
    assert took < ACK_BUDGET
    assert slow_slack.wait_for("chat.postMessage", 1, timeout=SLOW + 3)


def test_mention_is_acked_before_the_slow_thread_reply(http_sim, slow_slack) -> None:
    slow_slack.slow = frozenset({"chat.postMessage"})
    reply, took = timed(lambda: http_sim.mention("help", thread_ts="1700000000.000100"))
    assert reply.status == 200
    assert took < ACK_BUDGET
    posted = slow_slack.wait_for("chat.postMessage", 1, timeout=SLOW + 3)
    assert posted[0].args["thread_ts"] == "1700000000.000100"


def test_buildvsbuy_click_is_acked_before_the_slow_update(http_sim, slow_slack) -> None:
    started = http_sim.command("/buildvsbuy", "support triage")
    assert started.ack["response_type"] == "in_channel"
    slow_slack.slow = frozenset({"response_url"})
    reply, took = timed(lambda: http_sim.click(started.message, "Yes", user="U2"))
    assert reply.status == 200
    assert took < ACK_BUDGET
    updated = slow_slack.wait_for("response_url", 1, timeout=SLOW + 3)
    assert updated[0].args["replace_original"] is True


def test_slow_slack_with_lazy_work_still_answers_slash_commands_in_the_ack(
    http_sim, slow_slack
) -> None:
    slow_slack.slow = frozenset({"chat.postMessage", "response_url", "views.open"})
    reply, took = timed(lambda: http_sim.command("/buildvsbuy", "support triage"))
    assert took < ACK_BUDGET
    assert reply.ack["response_type"] == "in_channel"
    assert reply.ack["blocks"]


def test_llmcost_form_is_acked_before_the_slow_views_open(http_sim, slow_slack) -> None:
    slow_slack.slow = frozenset({"views.open"})
    reply, took = timed(lambda: http_sim.command("/llmcost"))
    assert reply.status == 200
    assert took < ACK_BUDGET
    opened = slow_slack.wait_for("views.open", 1, timeout=SLOW + 3)
    assert opened[0].args["view"]["type"] == "modal"


def test_llmcost_form_submission_is_acked_before_the_slow_post(http_sim, slow_slack) -> None:
    http_sim.command("/llmcost")
    view = slow_slack.wait_for("views.open", 1, timeout=3)[0].args["view"]
    slow_slack.slow = frozenset({"chat.postEphemeral"})
    reply, took = timed(lambda: http_sim.submit(view, {}))
    assert reply.status == 200
    assert took < ACK_BUDGET
    assert reply.ack is None  # the form closes
    posted = slow_slack.wait_for("chat.postEphemeral", 1, timeout=SLOW + 3)
    assert "gpt-4o" in str(posted[0].args)


def test_buildvsbuy_topic_submission_is_acked_before_the_slow_post(http_sim, slow_slack) -> None:
    asked = http_sim.command("/buildvsbuy")
    http_sim.click(asked.message, "bvb.topic")
    view = slow_slack.wait_for("views.open", 1, timeout=3)[0].args["view"]
    slow_slack.slow = frozenset({"chat.postMessage"})
    reply, took = timed(lambda: http_sim.submit(view, {"bvb.topic_input": "support triage"}))
    assert reply.status == 200
    assert took < ACK_BUDGET
    posted = slow_slack.wait_for("chat.postMessage", 1, timeout=SLOW + 3)
    assert "support triage" in str(posted[0].args)


def test_a_full_post_ack_pool_sheds_with_a_busy_notice_and_never_delays_acks(
    settings, store, knowledge, slow_slack, requests_, caplog
) -> None:
    from bot.app import POST_ACK_QUEUE_PER_THREAD
    from bot.texts import common

    app_settings = settings.model_copy(
        update={"slack_api_url": slow_slack.url, "listener_threads": 1}
    )
    app = create_app(app_settings, store=store, knowledge=knowledge, process_before_response=False)
    sim = SlackSim(app, slow_slack, requests_)
    flows = [sim.command("/buildvsbuy", f"topic {i}").message for i in range(8)]
    slow_slack.slow = frozenset({"response_url"})
    with caplog.at_level("WARNING", logger="bot.deps"):
        took = [timed(lambda f=f: sim.click(f, "Yes", user="U2"))[1] for f in flows]
    assert max(took) < ACK_BUDGET
    capacity = 1 + POST_ACK_QUEUE_PER_THREAD
    assert caplog.text.count("post-ack pool full") == len(flows) - capacity
    posts = slow_slack.wait_for("response_url", len(flows), timeout=SLOW * (capacity + 2))
    busy = [p for p in posts if common.BUSY in str(p.args)]
    assert len(busy) == len(flows) - capacity
    assert all(p.args.get("response_type") == "ephemeral" for p in busy)
