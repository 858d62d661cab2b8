import json
import threading
import time
import urllib.request

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from bot.devtools.fake_slack import Call, FakeSlack

pytestmark = pytest.mark.filterwarnings(
    "ignore:The top-level `text` argument is missing:UserWarning"
)

SECTION = [{"type": "section", "text": {"type": "mrkdwn", "text": "*hi*"}}]
MODAL = {
    "type": "modal",
    "callback_id": "ask",
    "title": {"type": "plain_text", "text": "Ask"},
    "blocks": SECTION,
}


@pytest.fixture
def fake():
    with FakeSlack() as server:
        yield server


@pytest.fixture
def client(fake):
    return WebClient(token="xoxb-test", base_url=fake.url)


def test_url_is_loopback_api_base(fake):
    assert fake.url.startswith("http://127.0.0.1:")
    assert fake.url.endswith("/api/")


def test_auth_test_identifies_the_bot(fake, client):
    answer = client.auth_test()
    assert (answer["user_id"], answer["bot_id"], answer["team_id"]) == ("U0BOT", "B0BOT", "T0TEST")
    assert fake.calls == [Call("auth.test", {}, "xoxb-test")]


def test_post_message_returns_increasing_unique_ts(fake, client):
    answers = [
        client.chat_postMessage(channel="C1", text=f"m{i}", blocks=SECTION) for i in range(5)
    ]
    stamps = [a["ts"] for a in answers]
    assert stamps == sorted(stamps, key=float)
    assert len(set(stamps)) == 5
    assert answers[0]["channel"] == "C1"
    assert answers[0]["message"]["blocks"] == SECTION
    assert [c.args["text"] for c in fake.calls_to("chat.postMessage")] == [
        f"m{i}" for i in range(5)
    ]
    assert fake.validation_problems == []


def test_update_changes_the_stored_message(fake, client):
    ts = client.chat_postMessage(channel="C1", text="old", blocks=SECTION)["ts"]
    new_blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "new"}}]
    answer = client.chat_update(channel="C1", ts=ts, text="new", blocks=new_blocks)
    assert answer["ts"] == ts
    assert fake.message("C1", ts)["blocks"] == new_blocks
    assert [m["text"] for m in fake.channel_messages("C1")] == ["new"]


@pytest.mark.parametrize(
    ("method", "kwargs", "expected"),
    [
        ("chat_postEphemeral", {"channel": "C1", "user": "U1", "text": "psst"}, "message_ts"),
        ("chat_getPermalink", {"channel": "C1", "message_ts": "1.000001"}, "permalink"),
        ("conversations_open", {"users": "U0DEMO"}, "channel"),
        ("conversations_info", {"channel": "C1"}, "channel"),
        ("users_info", {"user": "U1"}, "user"),
    ],
)
def test_other_methods_answer_realistic_shapes(client, method, kwargs, expected):
    answer = getattr(client, method)(**kwargs)
    assert answer["ok"] is True
    assert expected in answer.data


def test_conversations_open_returns_a_dm_channel(client):
    assert client.conversations_open(users="U0DEMO")["channel"]["id"] == "D0DEMO"


def test_delete_then_update_fails(client):
    ts = client.chat_postMessage(channel="C1", text="x")["ts"]
    client.chat_delete(channel="C1", ts=ts)
    with pytest.raises(SlackApiError) as info:
        client.chat_update(channel="C1", ts=ts, text="y")
    assert info.value.response["error"] == "message_not_found"


def test_views_open_update_publish(fake, client):
    opened = client.views_open(trigger_id="t1", view=MODAL)["view"]
    assert opened["id"].startswith("V")
    assert opened["hash"]
    updated = client.views_update(view_id=opened["id"], hash=opened["hash"], view=MODAL)["view"]
    assert updated["id"] == opened["id"]
    assert updated["hash"] != opened["hash"]
    with pytest.raises(SlackApiError, match="hash_conflict"):
        client.views_update(view_id=opened["id"], hash=opened["hash"], view=MODAL)
    home = client.views_publish(user_id="U1", view={"type": "home", "blocks": SECTION})["view"]
    assert (
        client.views_publish(user_id="U1", view={"type": "home", "blocks": SECTION})["view"]["id"]
        == home["id"]
    )
    assert fake.view(opened["id"])["callback_id"] == "ask"
    assert fake.validation_problems == []


def test_unknown_method(client):
    with pytest.raises(SlackApiError) as info:
        client.api_call("files.nope")
    assert info.value.response["error"] == "unknown_method"


def test_missing_token_is_not_authed(fake):
    with pytest.raises(SlackApiError, match="not_authed"):
        WebClient(base_url=fake.url).auth_test()


def test_form_encoded_bodies_are_decoded(fake):
    data = "token=xoxb-form&channel=C9&text=hi&blocks=" + urllib.request.quote(json.dumps(SECTION))
    req = urllib.request.Request(fake.url + "chat.postMessage", data=data.encode(), method="POST")
    req.add_header("Content-Type", "application/x-www-form-urlencoded")
    with urllib.request.urlopen(req) as resp:
        assert json.load(resp)["ok"] is True
    call = fake.calls_to("chat.postMessage")[0]
    assert call.token == "xoxb-form"
    assert call.args == {"channel": "C9", "text": "hi", "blocks": SECTION}


def test_invalid_block_kit_is_recorded(fake, client):
    client.chat_postMessage(
        channel="C1", blocks=[{"type": "header", "text": {"type": "mrkdwn", "text": "x"}}]
    )
    client.views_open(
        trigger_id="t", view={**MODAL, "title": {"type": "plain_text", "text": "x" * 30}}
    )
    problems = fake.validation_problems
    assert any(p.startswith("chat.postMessage: blocks[0] (header)") for p in problems)
    assert any(p.startswith("chat.postMessage: text: missing fallback") for p in problems)
    assert any(p.startswith("views.open: view.title") for p in problems)


def test_strict_mode_answers_invalid_blocks():
    with FakeSlack(strict=True) as fake:
        client = WebClient(token="x", base_url=fake.url)
        with pytest.raises(SlackApiError, match="invalid_blocks"):
            client.chat_postMessage(channel="C1", blocks=SECTION)


def test_fail_next_fails_once(fake, client):
    fake.fail_next("chat.postMessage", "is_archived")
    with pytest.raises(SlackApiError, match="is_archived"):
        client.chat_postMessage(channel="C1", text="a")
    assert client.chat_postMessage(channel="C1", text="b")["ok"] is True
    assert len(fake.calls_to("chat.postMessage")) == 2


def test_rate_limit_next_sends_429_with_retry_after(fake, client):
    fake.rate_limit_next("chat.update", retry_after=7)
    with pytest.raises(SlackApiError) as info:
        client.chat_update(channel="C1", ts="1.1", text="x")
    assert info.value.response.status_code == 429
    assert info.value.response.headers["Retry-After"] == "7"


def test_rate_limit_retry_handler_recovers(fake):
    fake.rate_limit_next("chat.postMessage", retry_after=0)
    client = WebClient(
        token="x", base_url=fake.url, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)]
    )
    assert client.chat_postMessage(channel="C1", text="a")["ok"] is True
    assert len(fake.calls_to("chat.postMessage")) == 2


def test_response_url_records_and_replaces_original(fake, client):
    ts = client.chat_postMessage(channel="C1", text="q", blocks=SECTION)["ts"]
    url = fake.new_response_url(channel="C1", message_ts=ts)
    assert url.startswith(fake.base + "/response/")
    new = [{"type": "section", "text": {"type": "mrkdwn", "text": "answered"}}]
    resp = WebhookClient(url).send(text="answered", blocks=new, replace_original=True)
    assert (resp.status_code, resp.body) == (200, "ok")
    (call,) = fake.calls_to("response_url")
    assert call.args["url"] == url
    assert call.args["replace_original"] is True
    assert call.token is None
    assert fake.message("C1", ts)["blocks"] == new


def test_response_url_allows_five_uses(fake):
    hook = WebhookClient(fake.new_response_url())
    assert [hook.send(text="x").status_code for _ in range(6)] == [200] * 5 + [404]


def test_unknown_response_url_is_404(fake):
    assert WebhookClient(fake.base + "/response/nope").send(text="x").status_code == 404


def test_wait_for_sees_calls_from_other_threads(fake, client):
    threading.Timer(0.05, lambda: client.chat_postMessage(channel="C1", text="later")).start()
    (call,) = fake.wait_for("chat.postMessage", 1, timeout=2)
    assert call.args["text"] == "later"
    with pytest.raises(TimeoutError):
        fake.wait_for("chat.update", 1, timeout=0.05)


def test_clear_forgets_calls_and_problems(fake, client):
    client.chat_postMessage(channel="C1", blocks=SECTION)
    fake.clear()
    assert (fake.calls, fake.validation_problems) == ([], [])


def test_stop_is_idempotent_and_restartable():
    fake = FakeSlack().start()
    first = fake.url
    fake.stop()
    fake.stop()
    with pytest.raises(RuntimeError):
        _ = fake.url
    fake.start()
    assert WebClient(token="x", base_url=fake.url).auth_test()["ok"]
    fake.stop()
    assert first.endswith("/api/")


def test_calls_keep_the_answer_and_add_message_stores_without_a_call(fake, client):
    ts = client.chat_postMessage(channel="C1", text="x")["ts"]
    assert fake.calls_to("chat.postMessage")[0].response["ts"] == ts
    other = fake.add_message("C1", {"text": "from an ack"})
    assert float(other) > float(ts)
    assert [m["text"] for m in fake.channel_messages("C1")] == ["x", "from an ack"]
    assert len(fake.calls) == 1


# --- files and scheduled messages --------------------------------------------------------


def test_files_upload_v2_stores_content_and_shares_it_in_the_thread(fake, client):
    posted = client.chat_postMessage(channel="C1", text="record", blocks=SECTION)
    answer = client.files_upload_v2(
        channel="C1",
        thread_ts=posted["ts"],
        filename="0001-contract-review.md",
        title="0001 contract review",
        content="# 1. Contract review\n",
        initial_comment="The record as Markdown",
    )
    assert answer["file"]["name"] == "0001-contract-review.md"
    [stored] = fake.uploaded()
    assert stored.text == "# 1. Contract review\n"
    assert (stored.channel, stored.thread_ts, stored.title) == (
        "C1",
        posted["ts"],
        "0001 contract review",
    )
    share = fake.message("C1", stored.shares[0])
    assert share["thread_ts"] == posted["ts"]
    assert share["files"][0]["id"] == stored.id
    assert [c.method for c in fake.calls][-3:] == [
        "files.getUploadURLExternal",
        "upload",
        "files.completeUploadExternal",
    ]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ({"files": "[]"}, "invalid_arguments"),
        ({"files": "not json"}, "invalid_arguments"),
        ({"files": '[{"id": "F404"}]'}, "file_not_found"),
    ],
)
def test_complete_upload_refuses_what_slack_refuses(client, args, error):
    with pytest.raises(SlackApiError) as caught:
        client.api_call("files.completeUploadExternal", params=args)
    assert caught.value.response["error"] == error


def test_complete_upload_needs_the_bytes_first(client):
    started = client.files_getUploadURLExternal(filename="a.md", length=3)
    with pytest.raises(SlackApiError) as caught:
        client.files_completeUploadExternal(files=[{"id": started["file_id"], "title": "a"}])
    assert caught.value.response["error"] == "file_not_found"


def test_upload_url_takes_exactly_the_announced_length(fake, client):
    started = client.files_getUploadURLExternal(filename="a.md", length=3)
    request = urllib.request.Request(started["upload_url"], data=b"toolong", method="POST")
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=5)
    assert caught.value.code == 400
    assert fake.uploaded() == []


def test_schedule_message_and_delete_it(fake, client):


    post_at = int(time.time()) + 90 * 24 * 3600
    answer = client.chat_scheduleMessage(
        channel="C1", post_at=post_at, text="Revisit", blocks=SECTION, thread_ts="1.000001"
    )
    [scheduled] = fake.scheduled()
    assert (scheduled.id, scheduled.post_at, scheduled.thread_ts) == (
        answer["scheduled_message_id"],
        post_at,
        "1.000001",
    )
    listed = client.chat_scheduledMessages_list(channel="C1")["scheduled_messages"]
    assert [m["id"] for m in listed] == [scheduled.id]
    client.chat_deleteScheduledMessage(channel="C1", scheduled_message_id=scheduled.id)
    assert fake.scheduled() == []
    with pytest.raises(SlackApiError) as caught:
        client.chat_deleteScheduledMessage(channel="C1", scheduled_message_id=scheduled.id)
    assert caught.value.response["error"] == "invalid_scheduled_message_id"


@pytest.mark.parametrize(
    ("offset", "error"),
    [(-60, "time_in_past"), (0, "time_in_past"), (121 * 24 * 3600, "time_too_far")],
)
def test_schedule_message_refuses_times_slack_refuses(client, offset, error):


    with pytest.raises(SlackApiError) as caught:
        client.chat_scheduleMessage(channel="C1", post_at=int(time.time()) + offset, text="x")
    assert caught.value.response["error"] == error


def test_scheduled_blocks_are_validated(fake, client):


    bad = [{"type": "section", "text": {"type": "mrkdwn", "text": ""}}]
    client.chat_scheduleMessage(channel="C1", post_at=int(time.time()) + 60, text="x", blocks=bad)
    assert fake.validation_problems
