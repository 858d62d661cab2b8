"""The logging promise: nothing a request carries (its body, a message's text, a
``response_url``, a ``trigger_id``, a token) is logged at INFO or above, by our loggers or by
Bolt's or slack_sdk's.

Our own log lines name what happened (an error's class, a Slack error code, an id) and never
carry text. For the libraries, ``install()`` puts a filter on each logger that is known to
log request data; it is a logger filter, not a level, because Bolt copies the root logger's
level onto its loggers whenever it creates one (``slack_bolt.logger.get_bolt_logger``), so a
level set on ``slack_bolt`` does not stick, and a filter also holds under pytest's capture.

* ``slack_bolt.RequestVerification`` logs the whole raw body of every request that fails
  verification, at INFO: the line keeps its first words only.
* ``slack_bolt.App`` warns "Unhandled request (...)" with parts of the body (the text typed
  into a select): the line keeps its first words only.
* Bolt's OAuth flow (on ``slack_bolt.App`` or our ``bot.oauth.flow``) logs the OAuth
  ``code`` when ``oauth.v2.access`` fails: that line keeps its first words only.
* slack_sdk's Web API and webhook (``response_url``) clients log each retry with the URL at
  INFO and a failed connection at ERROR, though the caller handles both: their records
  below WARNING are kept (as DEBUG) only when the root logger is at DEBUG, ERROR becomes
  WARNING (the caller logs what it does about it), and any URL or token in what is left is
  replaced by ``<url>`` / ``<token>``.
"""

from __future__ import annotations

import logging
import re

# Lines that carry request data keep these first words only, on any logger below.
HEADLINES = (
    "Invalid request signature detected",  # slack_bolt.RequestVerification: the raw body
    "Unhandled request",  # slack_bolt.App: parts of the body
    "Failed to fetch oauth.v2.access result",  # Bolt's OAuth flow: the OAuth code
)
# logger -> whether it is a library's chatty client (lines below WARNING only at DEBUG,
# ERROR as WARNING: the caller handles the failure and logs what it does about it)
HYGIENE: dict[str, bool] = {
    "slack_bolt.RequestVerification": False,
    "slack_bolt.App": False,
    "bot.oauth.flow": True,  # Bolt's OAuth flow and its WebClient log here
    "slack_sdk.web.base_client": True,
    "slack_sdk.webhook.client": True,
    "slack_sdk.web.slack_response": True,
}
_URL = re.compile(r"https?://\S*", re.IGNORECASE)
_TOKEN = re.compile(r"xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+")


def scrub(text: str) -> str:
    """The text with URLs and tokens replaced by ``<url>`` / ``<token>``."""
    return _TOKEN.sub("<token>", _URL.sub("<url>", text))


class Hygiene(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        library = HYGIENE.get(record.name, False)
        if library and record.levelno < logging.WARNING:
            if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
                return False
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return True
        if library and record.levelno >= logging.ERROR:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        message = record.getMessage()
        for headline in HEADLINES:
            if message.startswith(headline):
                message = f"{headline} (request details not logged)"
        record.msg, record.args = scrub(message), None
        return True


_FILTER = Hygiene()


def install() -> None:
    """Put the filter on each of those loggers (idempotent; every app does it once)."""
    for name in HYGIENE:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
