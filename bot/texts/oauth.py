"""What a person sees in the browser when installing Tradeoffs goes wrong
(``/slack/oauth_redirect`` failure pages, bot/oauth.py). Plain words, no error codes
in front, and always a way to start again."""

from __future__ import annotations

TITLE = "Tradeoffs was not installed"
START_AGAIN = "Start the install again"
# Keyed by the reason Bolt reports; the page shows the reason code last, small, for support.
REASONS: dict[str, str] = {
    "access_denied": "You cancelled on Slack's page, so nothing was installed. "
    "You can add Tradeoffs whenever you're ready.",
    "invalid_browser": "This install must finish in the same browser that started it, and "
    "this page was opened elsewhere or reloaded. Nothing was installed.",
    "invalid_state": "This install link has expired or was already used. Nothing was installed.",
    "missing_code": "Slack didn't send back the approval this page needs. Nothing was installed.",
    "invalid_code": "Slack didn't accept the approval (it may have expired). "
    "Nothing was installed.",
    "storage_error": "Slack approved the install, but it couldn't be saved on our side. "
    "Try again in a minute; if it keeps failing, tell whoever runs Tradeoffs.",
}
OTHER = "Slack reported a problem with the install. Nothing was installed."
REASON_CODE = "Reason code: {reason}"
