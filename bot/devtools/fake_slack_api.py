"""Web API method answers for FakeSlack: a tiny in-memory workspace.

`Workspace.answer(method, args)` returns the JSON body Slack would send
(`{"ok": true, ...}` or `{"ok": false, "error": ...}`). It keeps a message
store per channel (ts -> latest text/blocks) and the latest version of each
view, so callers can show "the current message". Not thread-safe by itself:
FakeSlack calls it under its lock.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import time
from collections.abc import Callable
from typing import Any

from bot.devtools.fake_slack_files import Files
from bot.devtools.fake_slack_platform import Platform

OK_NOOP = frozenset({"reactions.add", "reactions.remove", "chat.meMessage"})


class Workspace:
    def __init__(self, *, team_id: str, bot_user_id: str, bot_id: str, app_id: str) -> None:
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_id = app_id
        self.messages: dict[str, dict[str, dict]] = {}  # channel -> ts -> message
        self.views: dict[str, dict] = {}  # view id -> latest view
        self.files = Files(team_id)  # uploaded files and scheduled messages
        self.platform = Platform()  # suggested prompts, workflow step runs
        self._epoch = int(time.time())
        self._seq = itertools.count(1)
        self._handlers: dict[str, Callable[[dict], dict]] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._post_message,
            "chat.update": self._update,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.delete": self._delete,
            "chat.getPermalink": self._permalink,
            "conversations.open": self._conversations_open,
            "conversations.info": self._conversations_info,
            "users.info": self._users_info,
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "oauth.v2.access": self._oauth_v2_access,
            "files.getUploadURLExternal": self.files.get_upload_url,
            "files.completeUploadExternal": self._complete_upload,
            "chat.scheduleMessage": self.files.schedule,
            "chat.deleteScheduledMessage": self.files.delete_scheduled,
            "chat.scheduledMessages.list": self.files.list_scheduled,
            "assistant.threads.setSuggestedPrompts": self.platform.set_suggested_prompts,
            "functions.completeSuccess": self.platform.complete_success,
            "functions.completeError": self.platform.complete_error,
        }

    def next_ts(self) -> str:
        """Unique, increasing message timestamps like Slack's `1700000000.000123`."""
        n = next(self._seq)
        return f"{self._epoch + n // 1_000_000}.{n % 1_000_000:06d}"

    def answer(self, method: str, args: dict) -> dict:
        if method in OK_NOOP:
            return {"ok": True}
        handler = self._handlers.get(method)
        if handler is None:
            return {"ok": False, "error": "unknown_method"}
        return handler(args)

    # --- messages -----------------------------------------------------------------

    def _auth_test(self, args: dict) -> dict:
        return {
            "ok": True,
            "url": "https://tradeoffs-test.slack.com/",
            "team": "Tradeoffs Test",
            "user": "tradeoffs",
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _oauth_v2_access(self, args: dict) -> dict:
        """The OAuth code exchange: any code but "invalid" installs the bot in this workspace;
        the installer is the user id after "code-for-" in the code (else U0INSTALLER)."""
        code = args.get("code") or ""
        if not code or code == "invalid":
            return {"ok": False, "error": "invalid_code"}
        installer = (
            code.removeprefix("code-for-") if code.startswith("code-for-") else "U0INSTALLER"
        )
        return {
            "ok": True,
            "app_id": self.app_id,
            "authed_user": {"id": installer},
            "scope": "app_mentions:read,assistant:write,chat:write,commands,files:write,im:history,im:write",
            "token_type": "bot",
            "access_token": f"xoxb-{self.team_id}-installed",
            "bot_user_id": self.bot_user_id,
            "team": {"id": self.team_id, "name": "Tradeoffs Test"},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    def _message_body(self, args: dict, ts: str) -> dict:
        body = {
            "type": "message",
            "user": self.bot_user_id,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "team": self.team_id,
            "ts": ts,
            "text": args.get("text") or "",
        }
        for key in ("blocks", "attachments", "thread_ts", "metadata"):
            if args.get(key) is not None:
                body[key] = copy.deepcopy(args[key])
        return body

    def _post_message(self, args: dict) -> dict:
        channel = args.get("channel")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        if not (args.get("text") or args.get("blocks") or args.get("attachments")):
            return {"ok": False, "error": "no_text"}
        ts = self.next_ts()
        message = self._message_body(args, ts)
        self.messages.setdefault(channel, {})[ts] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": copy.deepcopy(message)}

    def _update(self, args: dict) -> dict:
        channel, ts = args.get("channel"), args.get("ts")
        stored = self.messages.get(channel or "", {}).get(ts or "")
        if stored is None:
            return {"ok": False, "error": "message_not_found"}
        new = self._message_body(args, str(ts))
        new.setdefault("thread_ts", stored.get("thread_ts"))
        new["edited"] = {"user": self.bot_user_id, "ts": self.next_ts()}
        stored.clear()
        stored.update({k: v for k, v in new.items() if v is not None})
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "text": new["text"],
            "message": copy.deepcopy(stored),
        }

    def _post_ephemeral(self, args: dict) -> dict:
        if not args.get("channel"):
            return {"ok": False, "error": "channel_not_found"}
        if not args.get("user"):
            return {"ok": False, "error": "user_not_in_channel"}
        return {"ok": True, "message_ts": self.next_ts()}

    def _delete(self, args: dict) -> dict:
        channel, ts = args.get("channel"), args.get("ts")
        if self.messages.get(channel or "", {}).pop(ts or "", None) is None:
            return {"ok": False, "error": "message_not_found"}
        return {"ok": True, "channel": channel, "ts": ts}

    def _permalink(self, args: dict) -> dict:
        channel, ts = args.get("channel"), args.get("message_ts")
        if not channel or not ts:
            return {"ok": False, "error": "message_not_found"}
        link = f"https://tradeoffs-test.slack.com/archives/{channel}/p{ts.replace('.', '')}"
        return {"ok": True, "channel": channel, "permalink": link}

    def _complete_upload(self, args: dict) -> dict:
        """files.completeUploadExternal: shared files appear as a file-share message in the
        channel (or thread) they were shared to, as in Slack."""
        answer, shared = self.files.complete(args)
        for stored in shared:
            ts = self.next_ts()
            message = self._message_body(
                {"text": stored.initial_comment or "", "thread_ts": stored.thread_ts}, ts
            )
            message.update({"subtype": "file_share", "files": [self.files.describe(stored)]})
            self.messages.setdefault(str(stored.channel), {})[ts] = message
            stored.shares.append(ts)
        return answer

    def replace_message(self, channel: str, ts: str, body: dict) -> None:
        """response_url `replace_original`: the message gets the new text/blocks."""
        stored = self.messages.get(channel, {}).get(ts)
        if stored is not None:
            self._update({"channel": channel, "ts": ts, **body})

    # --- conversations and users ------------------------------------------------------

    def _conversations_open(self, args: dict) -> dict:
        users = args.get("users") or ""
        user = users.split(",")[0] if isinstance(users, str) else users[0]
        if not user:
            return {"ok": False, "error": "users_list_not_supplied"}
        return {"ok": True, "channel": {"id": "D" + user[1:], "is_im": True, "user": user}}

    def _conversations_info(self, args: dict) -> dict:
        channel = args.get("channel") or ""
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        is_im = channel.startswith("D")
        info = {"id": channel, "is_channel": not is_im, "is_im": is_im, "is_private": is_im}
        info["name"] = None if is_im else channel.lower()
        return {"ok": True, "channel": info}

    def _users_info(self, args: dict) -> dict:
        user = args.get("user")
        if not user:
            return {"ok": False, "error": "user_not_found"}
        name = f"user-{user.lower()}"
        profile = {"real_name": name.title(), "display_name": name}
        return {
            "ok": True,
            "user": {
                "id": user,
                "team_id": self.team_id,
                "name": name,
                "real_name": name.title(),
                "tz": "UTC",
                "is_bot": user == self.bot_user_id,
                "profile": profile,
            },
        }

    # --- views ------------------------------------------------------------------------

    def _store_view(
        self, view: Any, view_id: str, *, root: str | None = None, previous: str | None = None
    ) -> dict:
        if not isinstance(view, dict):
            return {"ok": False, "error": "invalid_arguments"}
        stored = {
            **copy.deepcopy(view),
            "id": view_id,
            "team_id": self.team_id,
            "app_id": self.app_id,
            "bot_id": self.bot_id,
            "state": {"values": {}},
            "hash": hashlib.sha1(f"{view_id}:{next(self._seq)}".encode()).hexdigest()[:12],
            "root_view_id": root or view_id,
            "previous_view_id": previous,
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
        }
        self.views[view_id] = stored
        return {"ok": True, "view": copy.deepcopy(stored)}

    def _new_view_id(self) -> str:
        return f"V{next(self._seq):08d}"

    def _views_open(self, args: dict) -> dict:
        if not args.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        return self._store_view(args.get("view"), self._new_view_id())

    def _views_push(self, args: dict) -> dict:
        if not args.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        return self._store_view(args.get("view"), self._new_view_id())

    def _views_update(self, args: dict) -> dict:
        view_id = args.get("view_id")
        if not view_id and args.get("external_id"):
            ext = args["external_id"]
            view_id = next(
                (v["id"] for v in self.views.values() if v.get("external_id") == ext), None
            )
        old = self.views.get(view_id or "")
        if old is None:
            return {"ok": False, "error": "not_found"}
        if args.get("hash") and args["hash"] != old["hash"]:
            return {"ok": False, "error": "hash_conflict"}
        return self._store_view(
            args.get("view"),
            old["id"],
            root=old["root_view_id"],
            previous=old.get("previous_view_id"),
        )

    def _views_publish(self, args: dict) -> dict:
        user = args.get("user_id")
        if not user:
            return {"ok": False, "error": "user_not_found"}
        home_id = next((k for k, v in self.views.items() if v.get("home_user") == user), None)
        answer = self._store_view(args.get("view"), home_id or self._new_view_id())
        if answer["ok"]:
            self.views[answer["view"]["id"]]["home_user"] = user
        return answer
