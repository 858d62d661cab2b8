"""The Bolt app factory: wires settings, state and knowledge into the listeners.

Two modes, chosen by settings:

* single workspace: ``SLACK_BOT_TOKEN`` (+ ``SLACK_SIGNING_SECRET``);
* many workspaces: ``SLACK_CLIENT_ID`` + ``SLACK_CLIENT_SECRET`` turn on the OAuth
  install flow (``/slack/install``, ``/slack/oauth_redirect``) with installations
  and OAuth state in Redis (``bot/oauth.py``); a bot token, if also set, is ignored.

Bolt always runs with ``process_before_response=True``: a listener runs in the thread
that serves the request and its ack is the HTTP response (Bolt's other mode polls for
the ack every 10 ms). Work after the ack goes to one bounded pool, ``Deps.later``
(``bot/listeners/later.py``); ARCHITECTURE.md, "Acks and the work after them".
"""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from bot import listeners, log_hygiene
from bot.deps import Deps, PostAck
from bot.domain.knowledge.registry import Knowledge
from bot.features.install import Installs
from bot.listeners.errors import handle_error
from bot.listeners.middleware import DedupeEvents, WithDeps
from bot.settings import Settings
from bot.slack_client import LearnBotUser, SingleWorkspace, make_web_client
from bot.state import Store

POST_ACK_QUEUE_PER_THREAD = 4  # jobs waiting per post-ack thread before the pool sheds


def post_ack_pool(settings: Settings, *, inline: bool = False) -> PostAck:
    threads = settings.listener_threads
    return PostAck(threads, threads * POST_ACK_QUEUE_PER_THREAD, inline=inline)


def create_app(
    settings: Settings,
    *,
    store: Store,
    knowledge: Knowledge,
    client: WebClient | None = None,
    process_before_response: bool = False,
) -> App:
    """A Bolt ``App`` whose Web API client talks to ``settings.slack_api_url``.

    ``process_before_response=True`` (tests, the demo) also runs the post-ack work inline,
    before the response, so its effects are there as soon as a request returns; served,
    it runs in the post-ack pool after the response."""
    signing_secret = settings.secret("slack_signing_secret")
    later = post_ack_pool(settings, inline=process_before_response)
    log_hygiene.install()
    if settings.oauth_enabled:
        from bot.oauth import build_oauth

        oauth_settings, installs, authorize = build_oauth(settings, store)
        app = App(
            signing_secret=signing_secret,
            client=client or make_web_client(settings),
            installation_store=installs,
            authorize=authorize,  # type: ignore[arg-type]  # an Authorize may return None
            oauth_settings=oauth_settings,
            process_before_response=True,
        )
        forget = authorize.forget
    else:
        token = settings.secret("slack_bot_token")
        installs, forget = None, None
        single = SingleWorkspace(token)  # no auth.test before an ack (bot/slack_client.py)
        web = client or make_web_client(settings)
        app = App(
            signing_secret=signing_secret,
            client=web,
            authorize=single,
            before_authorize=LearnBotUser(single),
            process_before_response=True,
        )
        web.token = token  # for app.client outside a request; requests get it from authorize
    deps = Deps(settings=settings, store=store, knowledge=knowledge, later=later)
    app.middleware(WithDeps(deps))
    app.middleware(DedupeEvents())
    app.error(handle_error)
    listeners.register(app, Installs(installs, forget))
    return app
