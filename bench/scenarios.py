"""The benchmark's requests: signed slash commands and clicks on live flows, and the
Slack stand-in's record of when each click's response_url POST arrived."""

from __future__ import annotations

import json
import time
import urllib.request

import load

from bot.devtools.signed import SlackRequests
from bot.devtools.sim import find_button


class Bench:
    def __init__(self, sink_port: int, deadline: float, secret: str) -> None:
        self.sink = f"http://127.0.0.1:{sink_port}"
        self.deadline = deadline
        self.signer = SlackRequests(secret)
        self.seq = 0

    def _url(self, tag: str) -> str:
        self.seq += 1
        return f"{self.sink}/response/{tag}-{self.seq}"

    def commands(self, n: int, command: str = "/buildvsbuy", text: str = "bench topic"):
        return [
            self.signer.slash_command(command, f"{text} {i}" if command == "/buildvsbuy" else text,
                                      user_id=f"U{i % 50}", channel_id="C0BENCH",
                                      response_url=self._url("cmd"))
            for i in range(n)
        ]  # fmt: skip

    def clicks(self, flows: list[dict], tag: str) -> tuple[list, list[str]]:
        """(requests, keys): a Yes click on each flow; a request's third item is its key,
        the tail of its response_url (load.Sample.tag)."""
        requests, keys = [], []
        for i, flow in enumerate(flows):
            yes = find_button(flow, "Yes")
            url = self._url(tag)
            key = url.rsplit("/", 1)[1]
            keys.append(key)
            body, headers = self.signer.block_action(
                yes["action_id"], yes["value"], user_id=f"U{i % 50}", channel_id="C0BENCH",
                message=flow, message_ts=f"1700000000.{i:06d}", response_url=url,
                block_id=yes["block_id"],
            )  # fmt: skip
            requests.append((body, headers, key))
        return requests, keys

    def arrivals(self, keys: list[str], wait: float = 30.0) -> dict[str, float]:
        """Unix times the sink received the response_url POSTs for ``keys``."""
        end = min(time.monotonic() + wait, self.deadline)
        while True:
            with urllib.request.urlopen(self.sink + "/arrivals", timeout=5) as response:
                seen = json.loads(response.read())
            if all(k in seen for k in keys) or time.monotonic() > end:
                return {k: seen[k] for k in keys if k in seen}
            time.sleep(0.1)


def flows_of(run: load.Run) -> list[dict]:
    """The flows (first question messages) that /buildvsbuy acks in ``run`` started."""
    flows = []
    for sample in run.samples:
        if sample.status == 200 and sample.body:
            ack = json.loads(sample.body)
            if ack.get("blocks"):
                flows.append(ack)
    return flows
