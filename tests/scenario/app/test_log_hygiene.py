"""The logging promise, black box: canary strings sent through every path (commands, clicks,
a message shortcut, a workflow step, modal submissions, events, App Home, failed verification, malformed bodies, dead and
malformed response_urls, OAuth) never appear in a log line at INFO or above, from our
loggers, Bolt's or slack_sdk's; nor does any response_url, trigger_id or token the requests
carried. Every request goes through the WSGI app (the gate, then Bolt), logging at INFO as
``python -m bot serve`` configures it (the app is built after the level is set, as there)."""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import parse_qs

import pytest
from pydantic import SecretStr

from bot.app import create_app
from bot.devtools.sim import find_button
from bot.devtools.view_state import input_fields
from bot.features.llmcost.step import CALLBACK_ID as STEP_CALLBACK
from bot.server import EVENTS_PATH, make_wsgi_app
from bot.texts.buildvsbuy import SHORTCUT_CALLBACK
from tests.conftest import BOT_TOKEN
from tests.support.gated import GatedSim, call

pytestmark = pytest.mark.slow
CANARY = "CanaryZq81"
DEAD = f"http://127.0.0.1:9/{CANARY}-dead-hook"


def _carried(request: tuple[str, dict]) -> set[str]:
    """The response_urls and trigger_ids a request carried."""
    body = request[0]
    found: set[str] = set()
    form = parse_qs(body)
    data = json.loads(form["payload"][0]) if "payload" in form else ({k: v[0] for k, v in form.items()} if form else json.loads(body))  # fmt: skip
    for name in ("response_url", "trigger_id"):
        if isinstance(data.get(name), str) and data[name]:
            found.add(data[name])
    return found


def _drive_a_workspace(sim: GatedSim, fake) -> None:
    sim.command("/llmcost", f"model={CANARY} in=2000 out=500 qps=3")
    sim.command("/llmcost", f"{CANARY} {CANARY}")
    sim.command("/rubric", CANARY)
    flow = sim.command("/buildvsbuy", f"{CANARY} ticket triage").message
    sim.click(sim.click(flow, "Yes").message, "Post decision record")
    sim.click(flow, "No", value=f"{CANARY}|bvb|x|1|y")  # a forged button value
    button = find_button(flow, "No")
    where = flow["_where"]
    dead_click = sim.requests.block_action(
        button["action_id"], button["value"], user_id=sim.user, channel_id=where["channel"],
        message={k: v for k, v in flow.items() if k != "_where"}, message_ts=where["ts"],
        response_url=DEAD,
    )  # fmt: skip
    sim.send(dead_click)  # the response_url refuses the connection
    modal = sim.command("/llmcost").view
    fields = [f.action_id for f in input_fields(modal["blocks"]) if f.type == "plain_text_input"]
    sim.submit(modal, {name: CANARY for name in fields})
    for url in (DEAD, "http://", f"https://{CANARY}.invalid/x"):
        fake.fail_next("chat.postEphemeral", "not_in_channel")  # the answer goes to the url
        sim.submit({**modal, "private_metadata": json.dumps({"c": "C0TEST", "r": url})}, {})
    ts = fake.add_message("C0TEST", {"user": "U0CAROL", "text": f"{CANARY} shortcut"})
    sim.send(sim.requests.message_shortcut(
        SHORTCUT_CALLBACK, {"user": "U0CAROL", "text": f"{CANARY} shortcut", "ts": ts},
        user_id=sim.user, channel_id="C0TEST", response_url=fake.new_response_url(channel="C0TEST"),
    ))  # fmt: skip
    sim.send(sim.requests.function_executed(STEP_CALLBACK, {"model": CANARY, "input_tokens": CANARY}))  # fmt: skip
    sim.dm(CANARY)
    sim.dm(f"prep {CANARY}")
    sim.mention(CANARY)
    sim.mention(f"cost model={CANARY}", thread_ts="1700000000.000100")
    sim.open_home()


def _bad_requests(wsgi, requests_) -> None:
    forged_and_stale = [requests_.forged(), requests_.aged(301)]
    for signer in forged_and_stale:
        body, headers = signer.direct_message(CANARY, user_id="U1", channel_id="D1")
        assert call(wsgi, "POST", EVENTS_PATH, body.encode(), headers).status == 401
    body, headers = requests_.sign(json.dumps({"type": "event_callback", "event": CANARY}), "application/json")  # fmt: skip
    assert call(wsgi, "POST", EVENTS_PATH, body.encode(), headers).status == 400
    body, headers = requests_.sign(f"payload={CANARY}", "application/x-www-form-urlencoded")
    assert call(wsgi, "POST", EVENTS_PATH, body.encode(), headers).status == 400


def _offenders(records: list[logging.LogRecord], secrets: set[str]) -> list[str]:
    shown = []
    for record in records:
        if record.levelno < logging.INFO:
            continue
        text = record.getMessage() + (logging.Formatter().formatException(record.exc_info) if record.exc_info else "")  # fmt: skip
        hits = [s for s in secrets if s in text] + re.findall(r"xox[bpa]-\S+", text)
        if hits:
            shown.append(f"{record.levelname} {record.name}: {text[:300]} ({hits})")
    return shown


def test_no_request_data_reaches_a_log_line(
    app_settings, store, knowledge, slack_api, requests_, caplog
) -> None:
    caplog.set_level(logging.INFO)
    app = create_app(app_settings, store=store, knowledge=knowledge, process_before_response=True)
    wsgi = make_wsgi_app(app, store)
    sim = GatedSim(wsgi, app, slack_api, requests_)
    _drive_a_workspace(sim, slack_api)
    _bad_requests(wsgi, requests_)
    from bot.devtools.signed import dispatch  # straight to Bolt: its own verification logs

    assert dispatch(app, *requests_.forged().direct_message(CANARY, user_id="U1")).status == 401
    secrets = {CANARY, DEAD, BOT_TOKEN}.union(*(_carried(r) for r in sim.sent))
    assert len(secrets) > 20
    assert len(caplog.records) > 10
    # the dead response_urls were posted to (and failed) without their URL in any line
    assert [r for r in caplog.records if "response_url post failed" in r.getMessage()]
    assert _offenders(caplog.records, secrets) == []  # tracebacks included


def test_no_oauth_code_or_state_reaches_a_log_line(
    app_settings, store, knowledge, slack_api, caplog
) -> None:
    caplog.set_level(logging.INFO)
    settings = app_settings.model_copy(update={
        "slack_bot_token": None, "slack_client_id": "111.222",
        "slack_client_secret": SecretStr("client-secret"),
    })  # fmt: skip
    wsgi = make_wsgi_app(create_app(settings, store=store, knowledge=knowledge), store)
    page = call(wsgi, "GET", "/slack/install", query=f"{CANARY}=1")
    state = re.search(r"state=([0-9a-f]+)", page.body).group(1)  # type: ignore[union-attr]
    cookie = page.headers["set-cookie"][0].split(";")[0]
    slack_api.fail_next("oauth.v2.access", "invalid_code")
    redirect = call(wsgi, "GET", "/slack/oauth_redirect", headers={"Cookie": cookie},
                    query=f"code={CANARY}-code&state={state}")  # fmt: skip
    assert redirect.status in (400, 401)
    again = call(wsgi, "GET", "/slack/oauth_redirect", query=f"code={CANARY}&state={CANARY}")
    assert again.status in (400, 401)
    assert _offenders(caplog.records, {CANARY, state, "client-secret"}) == []
    assert any("oauth" in r.name for r in caplog.records)
