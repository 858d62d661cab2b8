"""``ack_from_pool``: a submission whose ack depends on its work runs in the post-ack pool;
the request returns the moment the listener acks, or empty after ``ACK_WAIT``, never
after the work behind the ack."""

from __future__ import annotations

import threading
import time

import pytest
from slack_bolt import App
from slack_sdk import WebClient

from bot.deps import Deps, PostAck
from bot.devtools.signed import dispatch
from bot.listeners import later
from bot.listeners.middleware import WithDeps
from tests.conftest import SIGNING_SECRET


@pytest.fixture
def make_app(app_settings, store, knowledge, slack_api):
    def make(listener) -> App:
        client = WebClient(token="xoxb-x", base_url=slack_api.url)
        app = App(signing_secret=SIGNING_SECRET, client=client, token_verification_enabled=False,
                  process_before_response=True)  # fmt: skip
        app.middleware(WithDeps(Deps(app_settings, store, knowledge, later=PostAck(2, 2))))
        app.view("form")(later.ack_from_pool(listener))
        return app

    return make


def _submit(app: App, requests_) -> tuple[int, str, float]:
    request = requests_.view_submission("form", {}, user_id="U1")
    started = time.perf_counter()
    response = dispatch(app, *request)
    return response.status, response.body, time.perf_counter() - started


def test_the_request_returns_at_the_ack_while_the_work_goes_on(make_app, requests_) -> None:
    finished = threading.Event()

    def submit(ack) -> None:
        ack(response_action="errors", errors={"b": "bad"})
        time.sleep(0.5)  # the Slack calls after the ack
        finished.set()

    status, body, took = _submit(make_app(submit), requests_)
    assert (status, '"errors"' in body) == (200, True)
    assert took < 0.3
    assert finished.wait(2)


def test_a_listener_that_does_not_ack_in_time_is_acked_empty(
    make_app, requests_, monkeypatch, caplog
) -> None:
    monkeypatch.setattr(later, "ACK_WAIT", 0.2)
    release = threading.Event()

    def submit(ack) -> None:
        release.wait(2)
        ack(response_action="errors", errors={"b": "too late"})

    status, body, took = _submit(make_app(submit), requests_)
    release.set()
    assert (status, body) == (200, "")
    assert 0.2 <= took < 1.0
    assert "did not ack within" in caplog.text
