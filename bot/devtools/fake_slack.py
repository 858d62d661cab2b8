"""FakeSlack: a Slack Web API double on loopback, for tests and the local demo.

    with FakeSlack() as fake:
        client = WebClient(token="xoxb-test", base_url=fake.url)
        client.chat_postMessage(channel="C1", text="hi")
        assert fake.calls_to("chat.postMessage")[0].args["text"] == "hi"
        assert fake.validation_problems == []

Every call is recorded; every message or view the app sends is checked with the Block Kit
validator (`validation_problems`). response_url endpoints come from `new_response_url()`;
uploads and scheduled messages from `uploaded()`, `scheduled()`. Faults: `fail_next`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from bot.devtools.blockkit import message_problems, view_problems
from bot.devtools.fake_slack_api import Workspace
from bot.devtools.fake_slack_files import Scheduled, StoredFile
from bot.devtools.fake_slack_http import Handler
from bot.devtools.fake_slack_platform import Execution
from bot.devtools.fake_slack_records import RESPONSE_URL_USES, Call, Fault, ResponseUrl

log = logging.getLogger(__name__)

MESSAGE_METHODS = frozenset(
    {"chat.postMessage", "chat.update", "chat.postEphemeral", "chat.scheduleMessage"}
) | {"response_url"}
VIEW_METHODS = frozenset({"views.open", "views.update", "views.push", "views.publish"})
NO_TOKEN_METHODS = frozenset({"oauth.v2.access"})  # authenticated by client id and secret


class FakeSlack:
    def __init__(
        self,
        *,
        team_id: str = "T0TEST",
        bot_user_id: str = "U0BOT",
        bot_id: str = "B0BOT",
        app_id: str = "A0TEST",
        strict: bool = False,
    ) -> None:
        """`strict=True` answers invalid Block Kit with `invalid_blocks` like Slack does."""
        self.workspace = Workspace(
            team_id=team_id, bot_user_id=bot_user_id, bot_id=bot_id, app_id=app_id
        )
        self.strict = strict
        self.validation_problems: list[str] = []
        self._calls: list[Call] = []
        self._faults: dict[str, deque[Fault]] = {}
        self._response_urls: dict[str, ResponseUrl] = {}
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ----------------------------------------------------------------------

    def start(self) -> FakeSlack:
        if self._server is not None:
            return self
        handler = type("Handler", (Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name="fake-slack", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeSlack is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def url(self) -> str:
        """Pass as `WebClient(base_url=...)` / `Settings.slack_api_url`."""
        return f"{self.base}/api/"

    # --- recorded calls -------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        with self._cond:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def clear(self) -> None:
        """Forget recorded calls and validation problems (the message store stays)."""
        with self._cond:
            self._calls.clear()
            self.validation_problems.clear()

    def wait_for(self, method: str, count: int = 1, timeout: float = 2.0) -> list[Call]:
        """Block until `count` calls to `method` were recorded; raise TimeoutError otherwise."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self._calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"{len(found)} of {count} calls to {method} within {timeout}s"
                    )
                self._cond.wait(left)

    # --- messages and views ---------------------------------------------------------------

    def message(self, channel: str, ts: str) -> dict | None:
        """The current version of a message (after chat.update / replace_original)."""
        with self._cond:
            found = self.workspace.messages.get(channel, {}).get(ts)
            return json.loads(json.dumps(found)) if found else None

    def channel_messages(self, channel: str) -> list[dict]:
        with self._cond:
            stored = self.workspace.messages.get(channel, {})
            return [json.loads(json.dumps(stored[ts])) for ts in sorted(stored, key=float)]

    def add_message(self, channel: str, message: dict) -> str:
        """Store a message Slack posts on the app's behalf (an in_channel slash-command
        response) without recording a call; returns its ts."""
        with self._cond:
            answer = self.workspace.answer("chat.postMessage", {**message, "channel": channel})
        if not answer["ok"]:
            raise ValueError(f"cannot store message: {answer['error']}")
        return answer["ts"]

    def uploaded(self) -> list[StoredFile]:
        """Every file uploaded and shared, oldest first."""
        with self._cond:
            return [f for f in self.workspace.files.files.values() if f.content is not None]

    def new_function_execution(self) -> str:
        """The id of a workflow step run the app may complete once (``function_executed``)."""
        with self._cond:
            return self.workspace.platform.announce(f"Fx{uuid.uuid4().hex[:10].upper()}").id

    def function_execution(self, execution_id: str) -> Execution | None:
        with self._cond:
            return self.workspace.platform.executions.get(execution_id)

    def scheduled(self) -> list[Scheduled]:
        """Messages scheduled and not deleted."""
        with self._cond:
            return list(self.workspace.files.scheduled.values())

    def view(self, view_id: str) -> dict | None:
        with self._cond:
            found = self.workspace.views.get(view_id)
            return json.loads(json.dumps(found)) if found else None

    def new_response_url(self, *, channel: str | None = None, message_ts: str | None = None) -> str:
        """A response_url; with channel+message_ts, `replace_original` updates that message."""
        key = uuid.uuid4().hex
        with self._cond:
            self._response_urls[key] = ResponseUrl(channel, message_ts)
        return f"{self.base}/response/{key}"

    # --- faults -------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        error: str = "channel_not_found",
        status: int = 200,
        headers: dict | None = None,
    ) -> None:
        """The next call to `method` answers `{"ok": false, "error": error}` with `status`."""
        fault = Fault(status, {"ok": False, "error": error}, dict(headers or {}))
        with self._cond:
            self._faults.setdefault(method, deque()).append(fault)

    def rate_limit_next(self, method: str, retry_after: int = 1) -> None:
        """The next call to `method` answers HTTP 429 with `Retry-After`."""
        self.fail_next(method, "ratelimited", 429, {"Retry-After": str(retry_after)})

    # --- request handling (called from server threads) ------------------------------------

    def handle(self, path: str, args: dict, token: str | None) -> tuple[int, Any, dict]:
        parts = urlsplit(path).path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "api":
            return self._handle_api(parts[1], args, token)
        if len(parts) == 2 and parts[0] == "response":
            return self._handle_response_url(parts[1], args)
        if len(parts) == 2 and parts[0] == "upload":
            return self._handle_upload(parts[1], args)
        return 404, "not_found", {}

    def _problems(self, method: str, args: dict) -> list[str]:
        if method in MESSAGE_METHODS:
            problems = message_problems(args)
        elif method in VIEW_METHODS:
            problems = view_problems(args.get("view") or {})
        else:
            return []
        for p in problems:
            log.warning("Block Kit problem in %s: %s", method, p)
        return [f"{method}: {p}" for p in problems]

    def _answer(
        self, method: str, args: dict, token: str | None, answer: Callable[[], Any]
    ) -> tuple[int, Any, dict]:
        """Under one lock: take a queued fault or compute the answer, then record the call."""
        problems = self._problems(method, args)
        with self._cond:
            queue = self._faults.get(method)
            fault = queue.popleft() if queue else None
            if fault is None and problems and self.strict:
                fault = Fault(200, {"ok": False, "error": "invalid_blocks", "errors": problems})
            if fault is not None:
                status, body, headers = fault.status, fault.body, fault.headers
            else:
                status, body, headers = answer()
            self._calls.append(Call(method, args, token, body))
            self.validation_problems.extend(problems)
            self._cond.notify_all()
        return status, body, headers

    def _handle_api(self, method: str, args: dict, token: str | None) -> tuple[int, Any, dict]:
        def answer() -> tuple[int, Any, dict]:
            if not token and method not in NO_TOKEN_METHODS:
                return 200, {"ok": False, "error": "not_authed"}, {}
            body = self.workspace.answer(method, args)
            if body.get("upload_url", "").startswith("/"):  # files.getUploadURLExternal
                body["upload_url"] = self.base + body["upload_url"]
            return 200, body, {}

        return self._answer(method, args, token, answer)

    def _handle_upload(self, file_id: str, args: dict) -> tuple[int, Any, dict]:
        data = args.get("_bytes", b"")
        return self._answer(
            "upload",
            {"file_id": file_id, "length": len(data)},
            None,
            lambda: (*self.workspace.files.receive(file_id, data), {}),
        )

    def _handle_response_url(self, key: str, body: dict) -> tuple[int, Any, dict]:
        def answer() -> tuple[int, Any, dict]:
            target = self._response_urls.get(key)
            if target is None:
                return 404, "no_service", {}
            target.uses += 1
            if target.uses > RESPONSE_URL_USES:
                return 404, "used_url", {}
            if target.channel and target.message_ts:
                if body.get("delete_original"):
                    self.workspace.messages.get(target.channel, {}).pop(target.message_ts, None)
                elif body.get("replace_original"):
                    self.workspace.replace_message(target.channel, target.message_ts, body)
            return 200, "ok", {}

        args = {**body, "url": f"{self.base}/response/{key}"}
        return self._answer("response_url", args, None, answer)
