"""Files and scheduled messages for FakeSlack's workspace: the two-step external upload
(`files.getUploadURLExternal`, a POST of the bytes to the upload URL,
`files.completeUploadExternal`, as `WebClient.files_upload_v2` does it) and
`chat.scheduleMessage` / `chat.deleteScheduledMessage` / `chat.scheduledMessages.list`.

Errors are the ones Slack documents for each method. Not thread-safe by itself: FakeSlack
calls it under its lock.
"""

from __future__ import annotations

import copy
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

MAX_SCHEDULE_AHEAD_SECONDS = 120 * 24 * 3600  # chat.scheduleMessage: at most 120 days out


@dataclass
class StoredFile:
    id: str
    filename: str
    length: int
    title: str = ""
    content: bytes | None = None  # None until the bytes are posted to the upload URL
    channel: str | None = None
    thread_ts: str | None = None
    initial_comment: str | None = None
    shares: list[str] = field(default_factory=list)  # ts of the message that shared it

    @property
    def text(self) -> str:
        return (self.content or b"").decode("utf-8", "replace")


@dataclass
class Scheduled:
    id: str
    channel: str
    post_at: int
    text: str
    blocks: list | None
    thread_ts: str | None


class Files:
    """The workspace's uploaded files and scheduled messages."""

    def __init__(self, team_id: str) -> None:
        self.team_id = team_id
        self.files: dict[str, StoredFile] = {}
        self.scheduled: dict[str, Scheduled] = {}
        self._seq = itertools.count(1)

    # --- uploads ----------------------------------------------------------------------

    def get_upload_url(self, args: dict) -> dict:
        filename = args.get("filename")
        try:
            length = int(args.get("length") or 0)
        except (TypeError, ValueError):
            length = 0
        if not filename:
            return {"ok": False, "error": "invalid_arguments"}
        if length <= 0:
            return {"ok": False, "error": "invalid_length"}
        file_id = f"F{next(self._seq):08d}"
        self.files[file_id] = StoredFile(file_id, str(filename), length)
        return {"ok": True, "file_id": file_id, "upload_url": f"/upload/{file_id}"}

    def receive(self, file_id: str, data: bytes) -> tuple[int, str]:
        """The upload URL: takes the bytes once, of the announced length."""
        stored = self.files.get(file_id)
        if stored is None or stored.content is not None:
            return 404, "not_found"
        if len(data) != stored.length:
            return 400, "length_mismatch"
        stored.content = data
        return 200, f"OK - {len(data)}"

    def complete(self, args: dict) -> tuple[dict, list[StoredFile]]:
        """Share uploaded files; returns the answer and the files to post into the channel."""
        raw = args.get("files")
        try:
            items = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            return {"ok": False, "error": "invalid_arguments"}, []
        if not isinstance(items, list) or not items:
            return {"ok": False, "error": "invalid_arguments"}, []
        found = []
        for item in items:
            stored = self.files.get(str((item or {}).get("id")))
            if stored is None or stored.content is None:
                return {"ok": False, "error": "file_not_found"}, []
            stored.title = str(item.get("title") or stored.filename)
            found.append(stored)
        channel = args.get("channel_id") or args.get("channels")
        for stored in found:
            stored.channel = str(channel) if channel else None
            stored.thread_ts = args.get("thread_ts")
            stored.initial_comment = args.get("initial_comment")
        answer = {"ok": True, "files": [self.describe(f) for f in found]}
        return answer, (found if channel else [])

    def describe(self, stored: StoredFile) -> dict[str, Any]:
        return {
            "id": stored.id,
            "name": stored.filename,
            "title": stored.title,
            "size": stored.length,
            "permalink": f"https://tradeoffs-test.slack.com/files/{stored.id}/{stored.filename}",
        }

    # --- scheduled messages -----------------------------------------------------------

    def schedule(self, args: dict, *, now: float | None = None) -> dict:
        channel = args.get("channel")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        try:
            post_at = int(args.get("post_at") or 0)
        except (TypeError, ValueError):
            return {"ok": False, "error": "invalid_time"}
        current = int(now if now is not None else time.time())
        if post_at <= current:
            return {"ok": False, "error": "time_in_past"}
        if post_at - current > MAX_SCHEDULE_AHEAD_SECONDS:
            return {"ok": False, "error": "time_too_far"}
        if not (args.get("text") or args.get("blocks")):
            return {"ok": False, "error": "no_text"}
        message_id = f"Q{next(self._seq):010d}"
        self.scheduled[message_id] = Scheduled(
            message_id,
            str(channel),
            post_at,
            str(args.get("text") or ""),
            copy.deepcopy(args.get("blocks")),
            args.get("thread_ts"),
        )
        return {
            "ok": True,
            "channel": channel,
            "scheduled_message_id": message_id,
            "post_at": post_at,
            "message": {"text": args.get("text") or "", "type": "delayed_message"},
        }

    def delete_scheduled(self, args: dict) -> dict:
        found = self.scheduled.get(str(args.get("scheduled_message_id") or ""))
        if found is None or found.channel != args.get("channel"):
            return {"ok": False, "error": "invalid_scheduled_message_id"}
        del self.scheduled[found.id]
        return {"ok": True}

    def list_scheduled(self, args: dict) -> dict:
        channel = args.get("channel")
        items = [
            {"id": s.id, "channel_id": s.channel, "post_at": s.post_at, "text": s.text}
            for s in self.scheduled.values()
            if not channel or s.channel == channel
        ]
        return {"ok": True, "scheduled_messages": items, "response_metadata": {"next_cursor": ""}}
