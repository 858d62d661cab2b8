"""A stand-in for slack.com during the benchmark: answers every Web API call with ok
(auth.test with the bot's ids) and records when each response_url POST arrives.

    python bench/sink.py PORT

GET /arrivals returns {key: unix time} for every response_url POST so far. It runs in
its own process so that it does not share the load generator's interpreter.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AUTH = {
    "ok": True, "url": "https://bench.slack.com/", "team": "Bench", "user": "tradeoffs",
    "team_id": "T0TEST", "user_id": "U0BOT", "bot_id": "B0BOT", "is_enterprise_install": False,
}  # fmt: skip
OK = {"ok": True, "channel": "C0BENCH", "ts": "1700000000.000001"}
arrivals: dict[str, float] = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms stall

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/response/"):
            with lock:
                arrivals[self.path.removeprefix("/response/")] = time.time()
            self._send("text/plain", b"ok")
        elif self.path.startswith("/api/auth.test"):
            self._send("application/json", json.dumps(AUTH).encode())
        else:
            self._send("application/json", json.dumps(OK).encode())

    def do_GET(self) -> None:
        with lock:
            data = json.dumps(arrivals).encode()
        self._send("application/json", data)

    def _send(self, content_type: str, data: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # the default 5 drops connections under load (1 s SYN retries)


def main() -> None:
    server = Server(("127.0.0.1", int(sys.argv[1])), Handler)
    server.serve_forever(0.05)


if __name__ == "__main__":
    main()
