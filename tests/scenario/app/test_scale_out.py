"""Two `python -m bot serve` processes on different ports share one Redis and serve one
conversation: clicks alternate between them and advance one /buildvsbuy walk correctly,
a stale copy clicked on the other process is recognised, and a race between the two
processes has exactly one winner. No in-process state may break this."""

from __future__ import annotations

import threading
import time

import pytest
from slack_bolt import BoltRequest, BoltResponse

from bot.blocks.clicks import decode
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.signed import SlackRequests
from bot.devtools.sim import SlackSim, buttons
from bot.domain import buildvsbuy as bvb
from bot.features.buildvsbuy.store import key as flow_key
from bot.knowledge_loader import load_knowledge
from bot.server import EVENTS_PATH
from bot.settings import PROJECT_ROOT
from bot.texts import buildvsbuy as t
from tests.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.support.loopback import http
from tests.support.servers import serve_processes

pytestmark = pytest.mark.slow
PATHS = load_knowledge(PROJECT_ROOT / "knowledge").tree.paths()
LONGEST = max(PATHS, key=lambda p: len(p.steps))


class Servers:
    """Quacks like a Bolt App for SlackSim: each request goes over HTTP to the next server
    in turn (or a fixed one), then waits until the fake Slack has seen the listener's
    after-the-ack calls (the servers ack first, as in production)."""

    def __init__(self, urls: list[str], fake: FakeSlack) -> None:
        self.urls, self.fake, self.turn, self.served = urls, fake, 0, []

    def dispatch(self, request: BoltRequest) -> BoltResponse:
        url = self.urls[self.turn % len(self.urls)]
        self.turn += 1
        self.served.append(url)
        before = len(self.fake.calls)
        headers = {name: values[0] for name, values in request.headers.items()}
        status, got, text = http("POST", url + EVENTS_PATH, body=request.raw_body, headers=headers)
        wants = 1 if "block_actions" in request.raw_body else 0
        _settle(self.fake, before + wants)
        return BoltResponse(status=status, body=text, headers=got)


def _settle(fake: FakeSlack, want: int, quiet: float = 0.25, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    seen, since = len(fake.calls), time.monotonic()
    while time.monotonic() < deadline:
        now, count = time.monotonic(), len(fake.calls)
        if count != seen:
            seen, since = count, now
        elif count >= want and now - since >= quiet:
            return
        time.sleep(0.02)
    raise TimeoutError(f"the fake saw {len(fake.calls)} calls, wanted {want}")


@pytest.fixture(scope="module")
def module_prefix() -> str:
    return f"test-scale-{time.time_ns() % 10**9}"


@pytest.fixture(scope="module")
def two_servers(fake_slack: FakeSlack, redis_url: str, redis_client, module_prefix):
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.url, "REDIS_URL": redis_url, "REDIS_PREFIX": module_prefix,
    }  # fmt: skip
    with serve_processes(env, redis_client, module_prefix) as urls:
        yield urls


@pytest.fixture
def sims(two_servers, slack_api) -> tuple[SlackSim, Servers]:
    servers = Servers(two_servers, slack_api)
    return SlackSim(servers, slack_api, SlackRequests(SIGNING_SECRET)), servers


def _flow(redis_client, prefix: str, message: dict) -> bvb.Flow:
    from bot.state import Store

    value = decode(buttons(message)[0]["value"], team="T0TEST", kind="bvb")
    store = Store(redis_client, prefix=prefix, default_ttl=60)
    return store.get(key=flow_key("T0TEST", value.id), model=bvb.Flow).value


def test_clicks_alternating_between_processes_advance_one_walk(
    sims, two_servers, redis_client, module_prefix, knowledge
) -> None:
    sim, servers = sims
    first = sim.command("/buildvsbuy", "support triage").message  # served by process A
    message = first
    for i, (_node, answer) in enumerate(LONGEST.steps):
        reply = sim.click(message, "Yes" if answer == "yes" else "No", user=f"U{i}")
        assert reply.status == 200
        assert reply.message["replace_original"] is True, reply.all_text()
        message = reply.message
        assert _flow(redis_client, module_prefix, first).turn == i + 1
    assert set(servers.served) == set(two_servers)
    assert servers.served[0::2] == [two_servers[0]] * len(servers.served[0::2])
    outcome = knowledge.tree.outcome(LONGEST.outcome)
    assert (
        f"Recommendation: {outcome.title}"
        in sim.fake.message(first["_where"]["channel"], first["_where"]["ts"])["blocks"][2]["text"][
            "text"
        ]
    )


def test_a_stale_copy_is_recognised_by_the_other_process(sims, redis_client, module_prefix):
    sim, _servers = sims
    first = sim.command("/buildvsbuy", "support triage").message  # A
    moved = sim.click(first, "Yes").message  # B
    stale = sim.click(first, "No")  # A: the step it shows was answered on B
    assert _flow(redis_client, module_prefix, first).turn == 1  # the stale click changed nothing
    assert t.ANSWERED.format(user="U0ALICE") in stale.all_text()
    assert stale.messages[0]["blocks"] == moved["blocks"]  # refreshed to the current step


def test_a_race_between_the_processes_has_one_winner(
    two_servers, slack_api, redis_client, module_prefix
) -> None:
    signer = SlackRequests(SIGNING_SECRET)
    on_a = SlackSim(Servers(two_servers[:1], slack_api), slack_api, signer)
    on_b = SlackSim(Servers(two_servers[1:], slack_api), slack_api, signer)
    first = on_a.command("/buildvsbuy", "support triage").message
    replies: dict[str, object] = {}
    racers = [
        threading.Thread(target=lambda: replies.__setitem__("yes", on_a.click(first, "Yes", user="U1"))),
        threading.Thread(target=lambda: replies.__setitem__("no", on_b.click(first, "No", user="U2"))),
    ]  # fmt: skip
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(20)
    flow = _flow(redis_client, module_prefix, first)
    assert (flow.turn, len(flow.path)) == (1, 1)  # exactly one click counted
    winner = flow.path[0].user
    assert winner in ("U1", "U2")
    said = [c.args for c in slack_api.calls_to("response_url")]
    updates = [m for m in said if m.get("replace_original") is True]
    notices = [m for m in said if m.get("response_type") == "ephemeral"]
    assert len(updates) >= 1
    assert [m["text"] for m in notices] == [t.ANSWERED.format(user=winner)]
    assert set(replies) == {"yes", "no"}
