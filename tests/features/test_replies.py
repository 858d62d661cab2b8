"""``ResponseUrl``: short timeout, repeats only where a repeat cannot show twice, a log
line on failure; ``open_dm`` asks again after a timeout (conversations.open is idempotent)."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any
from urllib.error import URLError

import pytest

from bot.features import replies
from bot.features.places import open_dm
from bot.features.replies import ResponseUrl, ResponseUrlTimeout
from tests.support.loopback import serve


class Script:
    """A response_url endpoint answering each POST with the next (status, delay)."""

    def __init__(self, *answers: tuple[int, float]) -> None:
        self.answers, self.posts, self.lock = list(answers), 0, threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response) -> list[bytes]:
        environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        with self.lock:
            status, delay = self.answers[min(self.posts, len(self.answers) - 1)]
            self.posts += 1
        time.sleep(delay)
        start_response(f"{status} X", [("Content-Type", "text/plain")])
        return [b"ok" if status == 200 else b"expired_url"]


@pytest.fixture(autouse=True)
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replies, "RESPONSE_URL_TIMEOUT", 0.3)
    monkeypatch.setattr(replies, "RETRY_WAIT", 0.01)


@pytest.mark.parametrize(
    ("answers", "kwargs", "posts", "status"),
    [
        ([(200, 0)], {"replace_original": False}, 1, 200),
        ([(500, 0), (200, 0)], {"replace_original": False}, 2, 200),  # not taken: again
        ([(429, 0), (200, 0)], {"replace_original": True}, 2, 200),
        ([(404, 0)], {"replace_original": True}, 1, 404),  # expired: never again
        ([(500, 0), (500, 0), (200, 0)], {"replace_original": False}, 2, 500),  # at most 2
        ([(200, 0.6), (200, 0)], {"replace_original": True}, 2, 200),  # a replace repeats
        ([(200, 0.6), (200, 0)], {"delete_original": True}, 2, 200),
    ],
)
def test_posts_repeat_only_where_safe(answers, kwargs, posts: int, status: int) -> None:
    script = Script(*answers)
    with serve(script) as url:
        sent = ResponseUrl(response_url=url + "/r")(text="hi", **kwargs)
    assert (script.posts, sent.status_code) == (posts, status)


def test_a_new_message_that_timed_out_is_not_sent_twice(caplog) -> None:
    script = Script((200, 0.6), (200, 0))
    with (
        serve(script) as url,
        caplog.at_level(logging.WARNING, logger="bot.features.replies"),
        pytest.raises(ResponseUrlTimeout),
    ):
        ResponseUrl(response_url=url + "/r")(text="hi", response_type="ephemeral")
    assert script.posts == 1
    assert "may have arrived" in caplog.text
    assert url not in caplog.text  # a response_url is a credential: never logged


def test_a_refused_post_is_logged_and_raised(caplog) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="bot.features.replies"),
        pytest.raises(URLError, match="refused"),
    ):
        ResponseUrl(response_url="http://127.0.0.1:9/r")(text="hi")
    assert "response_url post failed" in caplog.text


class Client:
    def __init__(self, *outcomes: object) -> None:
        self.outcomes, self.calls = list(outcomes), 0

    def conversations_open(self, users: str) -> dict:
        outcome = self.outcomes[self.calls]
        self.calls += 1
        if isinstance(outcome, Exception):
            raise outcome
        return {"channel": {"id": outcome}}


@pytest.mark.parametrize(
    ("outcomes", "calls"), [(["D1"], 1), ([TimeoutError(), "D1"], 2)]
)
def test_open_dm_asks_again_after_a_timeout(outcomes: list, calls: int) -> None:
    client = Client(*outcomes)
    assert open_dm(client, "U1") == "D1"  # type: ignore[arg-type]
    assert client.calls == calls


def test_open_dm_gives_up_after_a_second_timeout() -> None:
    with pytest.raises(TimeoutError):
        open_dm(Client(TimeoutError(), TimeoutError()), "U1")  # type: ignore[arg-type]


@pytest.mark.parametrize("url", ["http://", "http://.", "https://a..b/x", "http://x y/"])
def test_a_malformed_response_url_fails_as_a_url_error_once(url: str, caplog) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="bot.features.replies"),
        pytest.raises(URLError),
    ):
        ResponseUrl(response_url=url)(text="hi", replace_original=True)
    assert "ERROR" not in caplog.text
