"""What a person sees in the browser when an install does not complete: the app's name,
what happened in plain words, and a link to start again (not Bolt's "Oops, Something Went
Wrong!" with developer hints, which it showed even after the person pressed Cancel)."""

from __future__ import annotations

import pytest

from tests.support.loopback import http
from tests.test_oauth import (  # noqa: F401 (fixtures)
    COOKIE,
    _start_install,
    installs,
    oauth_app,
    oauth_settings,
    site,
)


@pytest.mark.parametrize(
    ("query", "cookie", "status", "says"),
    [
        ("error=access_denied&state={state}", "{state}", 200, "You cancelled on Slack"),
        ("code=code-for-U1&state={state}", None, 400, "same browser that started it"),
        ("code=code-for-U1&state=forged", "forged", 401, "expired or was already used"),
        ("state={state}", "{state}", 401, "didn&#x27;t send back the approval"),
        ("code=invalid&state={state}", "{state}", 401, "didn&#x27;t accept the approval"),
        ("error=%3Cscript%3E&state={state}", "{state}", 200, "reported a problem"),
    ],
)
def test_failed_install_explains_itself(site, query, cookie, status, says) -> None:  # noqa: F811
    state = _start_install(site)
    headers = {"Cookie": f"{COOKIE}={cookie.format(state=state)}"} if cookie else {}
    got, response_headers, page = http(
        "GET", f"{site}/slack/oauth_redirect?{query.format(state=state)}", headers=headers
    )
    assert got == status
    assert "<h2>Tradeoffs was not installed</h2>" in page
    assert says in page
    assert '<a href="/slack/install">Start the install again</a>' in page
    for jargon in ("Oops", "Refer to the documents", "https://)", "<script>"):
        assert jargon not in page
    assert response_headers["set-cookie"].startswith(f"{COOKIE}=deleted;")
