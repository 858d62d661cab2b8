"""The Web API client the app uses: Slack's base URL from settings, with retries where
the platform says so.

* HTTP 429 with ``Retry-After``: wait that long and retry (at most twice), unless the
  wait is longer than ``MAX_RATE_LIMIT_WAIT`` seconds. Then the call fails with
  ``ratelimited`` and the global error handler tells the user to try again, rather
  than holding a worker thread for minutes.
* A dropped connection (reset, refused, a timeout connecting): retry once, a quarter second
  later. A call that timed out waiting for its answer (``WEB_API_TIMEOUT``) is not repeated
  here, as Slack may have done it (a second ``chat.postMessage`` would post twice); callers
  whose call is idempotent ask again (``bot.features.places.open_dm``).
* Everything else (``channel_not_found``, ``not_in_channel``, ``expired_trigger_id``…)
  is not retried: repeating the call cannot succeed.

``SingleWorkspace`` authorizes requests in single-workspace mode without ``auth.test``.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import Any

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import Authorize
from slack_bolt.context import BoltContext
from slack_bolt.middleware import Middleware
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.settings import Settings

log = logging.getLogger(__name__)
MAX_RATE_LIMIT_WAIT = 5.0
RATE_LIMIT_RETRIES = 2
WEB_API_TIMEOUT = 5  # s; slack_sdk's default is 30. All calls run after the ack.


def _retry_after(response: HttpResponse) -> float | None:
    for name, values in response.headers.items():
        if name.lower() == "retry-after":
            try:
                return float(values[0] if isinstance(values, list) else values)
            except (TypeError, ValueError, IndexError):
                return None
    return None


class BoundedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """slack_sdk's rate-limit retry, but only for waits the user can sit through."""

    def __init__(
        self, max_retry_count: int = RATE_LIMIT_RETRIES, max_wait: float = MAX_RATE_LIMIT_WAIT
    ) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        wait = _retry_after(response)
        if wait is not None and wait > self.max_wait:
            log.warning("Slack rate limit: Retry-After %ss is too long to wait; giving up", wait)
            return False
        return True

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        wait = _retry_after(response) if response is not None else None
        wait = 1.0 if wait is None else wait
        log.info("Slack rate limit: retrying in %.1fs", wait)
        state.next_attempt_requested = True
        time.sleep(wait + random.uniform(0, 0.1))
        state.increment_current_attempt()


def retry_handlers(max_rate_limit_wait: float = MAX_RATE_LIMIT_WAIT) -> list[RetryHandler]:
    return [
        BoundedRateLimitRetryHandler(max_wait=max_rate_limit_wait),
        ConnectionErrorRetryHandler(
            max_retry_count=1, interval_calculator=FixedValueRetryIntervalCalculator(0.25)
        ),
    ]


def make_web_client(settings: Settings, token: str | None = None) -> WebClient:
    """A WebClient on ``SLACK_API_URL`` with the retry policy above."""
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        timeout=WEB_API_TIMEOUT,
        retry_handlers=retry_handlers(),
    )


class SingleWorkspace(Authorize):
    """Single-workspace authorization with no Web API call on the ack path.

    Bolt's own (``SingleTeamAuthorization``) calls ``auth.test`` before the first ack of each
    process, which costs a round trip to Slack inside the 3 seconds, and when that call fails
    shows the user "Please reinstall this app". Here the signed request says which workspace
    it is from, ``SLACK_BOT_TOKEN`` is the token, and the bot's user id is learned from the
    first event that carries it (``authorizations[].user_id`` with ``is_bot``; ``learn`` runs
    as Bolt's ``before_authorize``), which is what Bolt's self-event filter needs. A token
    that stops working shows as a Slack error code on the call that needed it
    (``invalid_auth``, ``token_revoked``), never as "reinstall"."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token
        self.bot_user_id: str | None = None

    def learn(self, body: dict[str, Any]) -> None:
        if self.bot_user_id is None:
            for entry in body.get("authorizations") or []:
                if isinstance(entry, dict) and entry.get("is_bot") and isinstance(entry.get("user_id"), str):  # fmt: skip
                    self.bot_user_id = entry["user_id"]
                    log.info("learned the bot user id %s", self.bot_user_id)
                    break

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        **_actor: str | None,
    ) -> AuthorizeResult:
        return AuthorizeResult(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            bot_user_id=self.bot_user_id,
            bot_token=self.token,
        )


class LearnBotUser(Middleware):
    """Bolt's ``before_authorize`` for :class:`SingleWorkspace`: learn the bot user id from
    the request (a Middleware class: no per-request argument building, see
    ``bot/listeners/middleware.py``)."""

    def __init__(self, workspace: SingleWorkspace) -> None:
        self.workspace = workspace

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], Any]) -> Any:
        self.workspace.learn(req.body)
        return next()
