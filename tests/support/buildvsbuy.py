"""Helpers the /buildvsbuy scenario tests share: start a walk, answer, inspect state."""

from __future__ import annotations

from bot.blocks.clicks import Click, decode
from bot.devtools.sim import SlackSim, buttons
from bot.domain import buildvsbuy as bvb
from bot.features.buildvsbuy.store import key as flow_key
from bot.knowledge_loader import load_knowledge
from bot.settings import PROJECT_ROOT
from bot.state import Store

TEAM = "T0TEST"
USERS = ("U1", "U2", "U3")
PATHS = load_knowledge(PROJECT_ROOT / "knowledge").tree.paths()


def start(sim: SlackSim, topic: str = "support triage", **where) -> dict:
    reply = sim.command("/buildvsbuy", topic, **where)
    assert reply.status == 200
    assert reply.ack["response_type"] == "in_channel"
    assert [c.method for c in reply.calls if c.method != "auth.test"] == []  # all in the ack
    return reply.message


def value_of(message: dict) -> Click:
    return decode(buttons(message)[0]["value"], team=TEAM, kind="bvb")


def stored(store: Store, message: dict):
    return store.get(key=flow_key(TEAM, value_of(message).id), model=bvb.Flow)


def answer(sim: SlackSim, message: dict, reply: str, user: str) -> dict:
    result = sim.click(message, "Yes" if reply == "yes" else "No", user=user)
    assert [c.method for c in result.calls if c.method != "auth.test"] == ["response_url"]
    assert result.message["replace_original"] is True
    return result.message


def walk(sim: SlackSim, message: dict, steps) -> dict:
    for i, (_node, reply) in enumerate(steps):
        message = answer(sim, message, reply, USERS[i % len(USERS)])
    return message


def ephemeral(reply) -> str:
    found = [m for m in reply.messages if m.get("response_type") == "ephemeral"]
    assert len(found) == 1, reply.messages
    assert found[0].get("replace_original") is False
    return found[0]["text"]


def path_id(path) -> str:
    return "-".join(a for _, a in path.steps) + f"->{path.outcome}"


class RoundTrips:
    """Counts what reaches Redis: each command, and each pipeline as one round trip."""

    def __init__(self, client, monkeypatch) -> None:
        self.seen: list[str] = []
        command, pipeline = client.execute_command, client.pipeline

        def counted(*args, **kwargs):
            self.seen.append(str(args[0]).upper())
            return command(*args, **kwargs)

        def counted_pipeline(*args, **kwargs):
            pipe = pipeline(*args, **kwargs)
            run = pipe.execute

            def execute(*a, **kw):
                self.seen.append("PIPELINE")
                return run(*a, **kw)

            pipe.execute = execute
            return pipe

        monkeypatch.setattr(client, "execute_command", counted)
        monkeypatch.setattr(client, "pipeline", counted_pipeline)

    def take(self) -> list[str]:
        seen, self.seen = self.seen, []
        return seen


def record_message(reply) -> dict:
    """The decision record the reply posted (chat.postMessage with an "ADR " header)."""
    found = [
        m for m in reply.messages
        if (m.get("blocks") or [{}])[0].get("text", {}).get("text", "").startswith("ADR ")
        and m.get("response_type") != "ephemeral" and "ts" not in m  # not a chat.update
    ]  # fmt: skip
    assert len(found) == 1, [m.get("text") for m in reply.messages]
    return found[0]


def post_record(sim: SlackSim, final: dict, user: str = "U7"):
    """Click Post decision record on a recommendation: (the reply, the record message)."""
    reply = sim.click(final, "Post decision record", user=user)
    return reply, record_message(reply)

