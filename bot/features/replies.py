"""Replies every listener uses: a notice only the person who acted sees, and the
response_url poster behind every ``respond`` (short timeout, retries, a log line).

Slack lets an app use a response_url 5 times in 30 minutes. ``ResponseUrl`` spends at most
``RESPONSE_URL_ATTEMPTS`` of them on one post, and only where a repeat cannot show twice:

* refused or reset before the request was sent, HTTP 429 or 5xx: Slack did not take it, so
  it is sent again (after ``Retry-After``, at most ``RETRY_WAIT_CAP`` seconds);
* a timeout or a dropped connection while waiting for the answer: Slack may have taken it. A replace or delete of the
  original message is the same the second time, so it is sent again; a new message
  (an ephemeral notice, an ``in_channel`` post) is not, so it cannot appear twice; the
  timeout is logged and raised (``ResponseUrlTimeout``) for the caller to decide;
* anything else (404 ``expired_url``, 400): logged, not repeated.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from http.client import HTTPException
from typing import Any
from urllib.error import URLError

from slack_bolt import Respond
from slack_bolt.context.respond.internals import _build_message
from slack_sdk.webhook import WebhookResponse

from bot.blocks.common import notice
from bot.webhook_http import Webhook, webhook_for

log = logging.getLogger(__name__)
RESPONSE_URL_TIMEOUT = 4  # seconds; slack_sdk's default is 30
RESPONSE_URL_ATTEMPTS = 2
RETRY_WAIT, RETRY_WAIT_CAP = 0.25, 1.0
# slack_sdk's webhook client logs failures at ERROR and retries at INFO, with the URL (a
# credential for 30 minutes); this module logs every outcome itself, without it.
_SDK_LOG = logging.getLogger(__name__ + ".sdk")
_SDK_LOG.setLevel(logging.CRITICAL + 1)


class ResponseUrlTimeout(TimeoutError):
    """A response_url post got no answer in time; it may or may not have arrived."""


def tell(respond: Respond, text: str) -> None:
    """A notice only the clicker sees; the message with the buttons stays as it was."""
    tell_payload(respond, notice(text))


def tell_payload(respond: Respond, payload: dict[str, Any]) -> None:
    """Like ``tell``, for a message already rendered (text + blocks)."""
    respond(response_type="ephemeral", replace_original=False, **payload)


class ResponseUrl(Respond):
    """Bolt's ``respond`` with the policy above; the ``respond`` every listener gets (set by
    the middleware) and the one features use for a remembered response_url."""

    def __call__(  # type: ignore[override]
        self,
        text: str | dict = "",
        blocks: Sequence[dict] | None = None,
        attachments: Sequence[dict] | None = None,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        unfurl_links: bool | None = None,
        unfurl_media: bool | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> WebhookResponse:
        if self.response_url is None:
            raise ValueError("respond is unsupported here as there is no response_url")
        if isinstance(text, dict):
            message = _build_message(**text)
        else:
            message = _build_message(
                text=text, blocks=blocks, attachments=attachments, response_type=response_type,
                replace_original=replace_original, delete_original=delete_original,
                unfurl_links=unfurl_links, unfurl_media=unfurl_media, thread_ts=thread_ts,
                metadata=metadata,
            )  # fmt: skip
        client = webhook_for(  # kept-alive connections (bot/webhook_http.py)
            self.response_url, timeout=RESPONSE_URL_TIMEOUT, proxy=self.proxy,
            ssl_context=self.ssl, logger=_SDK_LOG,  # post_once decides what is repeated
        )  # fmt: skip
        repeatable = bool(message.get("replace_original") or message.get("delete_original"))
        return post_once(client, message, repeatable=repeatable)


def _maybe_taken(error: OSError) -> bool:
    """Whether Slack may have taken the post: urllib wraps what fails while connecting or
    sending in a URLError; a timeout, or the connection dropping while we wait for the
    answer (raised as it is), leaves it unknown."""
    return not isinstance(error, URLError) or isinstance(error.reason, TimeoutError)


def _wait(response: WebhookResponse) -> float:
    raw = (response.headers or {}).get("Retry-After") or (response.headers or {}).get(
        "retry-after"
    )
    try:
        wait = float(raw[0] if isinstance(raw, list) else raw) if raw else RETRY_WAIT
    except (TypeError, ValueError):
        wait = RETRY_WAIT
    return min(max(wait, 0.0), RETRY_WAIT_CAP)


def post_once(client: Webhook, message: dict, *, repeatable: bool) -> WebhookResponse:
    """POST ``message`` to the response_url, repeating it only where that is safe."""
    for attempt in range(1, RESPONSE_URL_ATTEMPTS + 1):
        last = attempt == RESPONSE_URL_ATTEMPTS
        try:
            response = client.send_dict(message)
        except OSError as error:
            if _maybe_taken(error):
                if last or not repeatable:
                    log.warning(
                        "response_url post got no answer (%s, attempt %d); it may have "
                        "arrived, so it is not sent again", type(error).__name__, attempt,
                    )  # fmt: skip
                    raise ResponseUrlTimeout("response_url post got no answer") from error
            elif last:
                log.warning("response_url post failed (%s)", type(error).__name__)
                raise
            log.info("response_url post: %s on attempt %d; again", type(error).__name__, attempt)
            time.sleep(RETRY_WAIT)
            continue
        except (ValueError, HTTPException) as error:  # a malformed URL: never repeated
            log.warning("response_url post failed (malformed URL)")
            raise URLError("malformed response_url") from error
        if (response.status_code == 429 or response.status_code >= 500) and not last:
            log.info("response_url post: HTTP %d on attempt %d; again", response.status_code, attempt)
            time.sleep(_wait(response))
            continue
        if response.status_code != 200:
            log.warning(
                "response_url post refused: HTTP %d %s", response.status_code,
                str(response.body or "")[:40],
            )  # fmt: skip
        return response
    raise AssertionError("unreachable")  # pragma: no cover
