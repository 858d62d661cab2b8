"""Property: the OAuth install pages (``/slack/install``, ``/slack/oauth_redirect``) answer any
query and cookie, a stale, forged or missing state, a bad code or an ``error=`` from Slack, with
a page of their own: never a 500, never exception text, never an ERROR log."""

from __future__ import annotations

import io
import re
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import SecretStr

from bot.app import create_app
from bot.server import make_wsgi_app
from tests.support.robustness import FUZZ, MARKERS, Guard

COOKIE = "slack-app-oauth-state"


@pytest.fixture
def site(app_settings, store, knowledge):
    settings = app_settings.model_copy(
        update={"slack_bot_token": None, "slack_client_id": "111.222",
                "slack_client_secret": SecretStr("client-secret")}
    )  # fmt: skip
    app = create_app(settings, store=store, knowledge=knowledge, process_before_response=True)
    return make_wsgi_app(app, store)


def get(wsgi, path: str, query: str = "", cookie: str | None = None) -> tuple[int, str, dict]:
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.input": io.BytesIO(b""),
    }  # fmt: skip
    if cookie is not None:
        environ["HTTP_COOKIE"] = cookie
    seen: list = []
    page = b"".join(wsgi(environ, lambda status, headers, *_: seen.append((status, headers))))
    status, headers = seen[0]
    return int(status.split()[0]), page.decode(errors="replace"), dict(headers)


def issued_state(wsgi) -> str:
    status, page, _ = get(wsgi, "/slack/install")
    assert status == 200
    return re.search(r"state=([^&\"]+)", page).group(1)


junk = st.text(max_size=40)
codes = st.one_of(st.none(), st.sampled_from(["", "invalid", "code-for-U0ADMIN"]), junk.map("code-for-{}".format), junk)  # fmt: skip
errors = st.one_of(st.none(), st.sampled_from(["access_denied", "invalid_scope"]), junk)


@FUZZ
@given(
    code=codes,
    error=errors,
    state=st.sampled_from(["issued", "other", "missing", "used"]),
    cookie=st.sampled_from(["same", "other", "missing", "garbage"]),
    query=st.one_of(st.none(), junk),
)
def test_any_redirect_gets_a_page_of_its_own(site, guard, code, error, state, cookie, query):
    guard.start()
    issued = issued_state(site)
    if state == "used":
        get(site, "/slack/oauth_redirect", urlencode({"code": "x", "state": issued}), f"{COOKIE}={issued}")  # fmt: skip
    sent = {"issued": issued, "used": issued, "other": "not-a-state", "missing": None}[state]
    params = {
        k: v for k, v in {"code": code, "state": sent, "error": error}.items() if v is not None
    }
    raw = query if query is not None else urlencode(params)
    jar = {"same": f"{COOKIE}={issued}", "other": f"{COOKIE}=zzz", "missing": None,
           "garbage": "=;;=\x7f; a"}[cookie]  # fmt: skip
    status, page, _ = get(site, "/slack/oauth_redirect", raw, jar)
    assert status < 500, page
    for marker in MARKERS:
        assert marker not in page
    guard.check_logs(what=f"redirect ?{raw} cookie={jar!r}")


@pytest.fixture
def guard(slack_api, caplog) -> Guard:
    return Guard(slack_api, caplog)
