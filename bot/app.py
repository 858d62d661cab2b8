"""The Bolt app factory: wires settings, state and knowledge into the listeners.

Two modes, chosen by settings:

* single workspace: ``SLACK_BOT_TOKEN`` (+ ``SLACK_SIGNING_SECRET``);
* many workspaces: ``SLACK_CLIENT_ID`` + ``SLACK_CLIENT_SECRET`` turn on the OAuth
  install flow (``/slack/install``, ``/slack/oauth_redirect``) with installations
  and OAuth state in Redis (``bot/oauth.py``); a bot token, if also set, is ignored.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient

from bot import listeners, log_hygiene
from bot.deps import Deps
from bot.domain.knowledge import Knowledge
from bot.features.install import Installs
from bot.listeners.errors import handle_error
from bot.listeners.middleware import dedupe_events, with_deps
from bot.settings import Settings
from bot.slack_client import SingleWorkspace, make_web_client
from bot.state import Store


def create_app(
    settings: Settings,
    *,
    store: Store,
    knowledge: Knowledge,
    client: WebClient | None = None,
    process_before_response: bool = False,
) -> App:
    """A Bolt ``App`` whose Web API client talks to ``settings.slack_api_url``."""
    signing_secret = settings.secret("slack_signing_secret")
    log_hygiene.install()
    # Acks run in this pool too (process_before_response=False): Bolt's default of 5 threads
    # makes acks queue behind the work other clicks do after their ack.
    executor = ThreadPoolExecutor(max_workers=settings.listener_threads, thread_name_prefix="bolt")
    if settings.oauth_enabled:
        from bot.oauth import build_oauth

        oauth_settings, installs, authorize = build_oauth(settings, store)
        app = App(
            signing_secret=signing_secret,
            client=client or make_web_client(settings),
            installation_store=installs,
            authorize=authorize,  # type: ignore[arg-type]  # an Authorize may return None
            oauth_settings=oauth_settings,
            listener_executor=executor,
            process_before_response=process_before_response,
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
            before_authorize=single.learn,
            listener_executor=executor,
            process_before_response=process_before_response,
        )
        web.token = token  # for app.client outside a request; requests get it from authorize
    app.middleware(with_deps(Deps(settings=settings, store=store, knowledge=knowledge)))
    app.middleware(dedupe_events)
    app.error(handle_error)
    listeners.register(app, Installs(installs, forget))
    return app
