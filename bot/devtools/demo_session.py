"""The demo's Slack client: turns input lines into signed requests into the app
and renders what the app sent back (ack bodies, Web API and response_url calls).

`Demo.handle(line)` is one user action; `Terminal` is the line I/O (prompts on a
TTY, an echo of each line otherwise). `bot.devtools.demo.run_demo` wires them up.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from bot.devtools.blockkit import message_problems, view_problems
from bot.devtools.demo_items import (
    CHANNEL,
    CHANNEL_NAME,
    DM,
    USER,
    Item,
    Surface,
    ack_body,
    message_item,
    note,
    problem_notes,
    view_item,
)
from bot.devtools.fake_slack import Call, FakeSlack
from bot.devtools.render_text import Choice
from bot.devtools.signed import Request, SlackRequests, dispatch
from bot.devtools.terminal import Terminal
from bot.devtools.view_state import InputField, input_fields, state_values

MENTION = "@tradeoffs"
FILES_DIR = Path(tempfile.gettempdir()) / "tradeoffs-demo"  # files the app shares (charts)
QUIT = {"quit", "exit"}
_STATUS = {
    401: "!! the app rejected the request signature (HTTP 401)",
    404: "!! the app has no listener for this yet (HTTP 404)",
}


class Demo:
    def __init__(self, app: Any, fake: FakeSlack, requests: SlackRequests, term: Terminal) -> None:
        self.app, self.fake, self.requests, self.term = app, fake, requests, term
        self.choices: list[tuple[Choice, Surface]] = []
        self.pending_modal: dict | None = None
        self._url_surfaces: dict[str, Surface] = {}
        self._problems_seen = 0

    # --- input lines ------------------------------------------------------------------

    def run(self, help_text: str) -> int:
        """Handle lines until quit/exit or end of input; returns the exit status."""
        if self.term.tty:
            self.term.say("Tradeoffs demo: type `help` for what you can do, `quit` to stop.")
        while True:
            line = self.term.read("> ")
            if line is None or line.strip().lower() in QUIT:
                return 0
            if line.strip().lower() == "help":  # the demo's keys, then the bot's own help
                self.term.say(help_text)
            self.handle(line)

    def handle(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        if line.isdigit():
            self.click(int(line))
        elif line.startswith("/"):
            command, _, text = line.partition(" ")
            url = self._response_url(Surface(channel=CHANNEL, ephemeral=True))
            request = self.requests.slash_command(
                command, text.strip(), user_id=USER, channel_id=CHANNEL, response_url=url,
                channel_name=CHANNEL_NAME,
            )  # fmt: skip
            self.send(request, Surface(channel=CHANNEL, ephemeral=True))
        elif line.lower().startswith(MENTION):
            text = line[len(MENTION) :].strip()
            self.send(self.requests.app_mention(text, user_id=USER, channel_id=CHANNEL))
        elif line.lower() == "home":
            self.send(self.requests.app_home_opened(user_id=USER, channel_id=DM))
        else:
            self.send(self.requests.direct_message(line, user_id=USER, channel_id=DM))
        while self.pending_modal is not None:
            view, self.pending_modal = self.pending_modal, None
            self.fill_modal(view)

    def click(self, number: int) -> None:
        found = [(c, s) for c, s in self.choices if c.number == number]
        if not found:
            last = len(self.choices)
            self.term.say(
                f"(no button [{number}]"
                + (f"; pick 1-{last})" if last else "; nothing to click yet)")
            )
            return
        choice, surface = found[0]
        if choice.url:
            self.term.say(f"(opens {choice.url})")
            return
        if surface.view is not None:
            request = self.requests.block_action(
                choice.action_id,
                choice.value,
                user_id=USER,
                block_id=choice.block_id,
                view=surface.view,
            )
            self.send(request)
            return
        current = self.fake.message(surface.channel or "", surface.ts or "") or surface.message
        request = self.requests.block_action(
            choice.action_id, choice.value, user_id=USER, channel_id=surface.channel, message=current,
            message_ts=surface.ts, is_ephemeral=surface.ephemeral, block_id=choice.block_id,
            response_url=self._response_url(surface), thread_ts=surface.thread_ts,
        )  # fmt: skip
        self.send(request, Surface(channel=surface.channel, ephemeral=True))

    def fill_modal(self, view: dict, previous: dict | None = None) -> None:
        fields = input_fields(view.get("blocks") or [])
        if not fields or not view.get("submit"):
            return  # nothing to fill in: it stays open, its buttons are clickable
        answers: dict[str, Any] = dict(previous or {})
        for fld in fields:
            answer = self._ask(fld, answers.get(fld.action_id, fld.initial))
            if answer is None:
                self.term.say("(modal closed)")
                return
            if answer != "":
                answers[fld.action_id] = answer
        values = state_values(view["blocks"], answers)
        request = self.requests.view_submission(
            view.get("callback_id", ""), values, user_id=USER, view_id=view.get("id", "V0DEMO"),
            private_metadata=view.get("private_metadata", ""), view=view,
        )  # fmt: skip
        response = self.send(request, submission=True)
        ack = ack_body(response.body) or {}
        if ack.get("response_action") == "errors":
            self.fill_modal(view, answers)

    def _ask(self, fld: InputField, current: Any) -> Any:
        """The answer for one field: '' keeps `current`; options are picked by number."""
        for i, (text, _value) in enumerate(fld.options, 1):
            self.term.say(f"    {i}) {text}")
        shown = current
        if fld.options and current:
            labels = dict((v, t) for t, v in fld.options)
            picked = current if isinstance(current, list) else [current]
            shown = ", ".join(str(labels.get(v, v)) for v in picked)
        hint = " (numbers, comma separated)" if fld.multiple and fld.options else ""
        prompt = f"  {fld.label}{' (optional)' if fld.optional else ''}{hint}" + (
            f" [{shown}]" if shown else ""
        )
        while True:
            line = self.term.read(prompt + ": ")
            if line is None or line.strip() == "" or not fld.options:
                return line if line is None else line.strip()
            parts = line.replace(",", " ").split()
            in_range = all(p.isdigit() and 1 <= int(p) <= len(fld.options) for p in parts)
            if in_range and (fld.multiple or len(parts) == 1):
                picks = [fld.options[int(p) - 1][1] for p in parts]
                return picks if fld.multiple else picks[0]
            self.term.say(f"  (pick a number from 1 to {len(fld.options)})")

    # --- requests and what comes back -------------------------------------------------

    def _response_url(self, surface: Surface) -> str:
        linked = surface.ts if not surface.ephemeral else None
        url = self.fake.new_response_url(channel=surface.channel, message_ts=linked)
        self._url_surfaces[url] = surface
        return url

    def send(
        self, request: Request, ack_surface: Surface | None = None, *, submission: bool = False
    ) -> Any:
        before = len(self.fake.calls)
        response = dispatch(self.app, *request)
        ack = ack_body(response.body) if response.status == 200 else None
        items = self._from_ack(ack, ack_surface, submission) if response.status == 200 else []
        for call in self.fake.calls[before:]:
            item = self._from_call(call)
            if item is not None:
                items.append(item)
        if response.status != 200:
            items.append(note(_STATUS.get(response.status, f"!! HTTP {response.status}")))
        elif not items:
            items.append(note("(no visible reply)"))
        self._show(items)
        return response

    def _from_ack(self, ack: dict | None, surface: Surface | None, submission: bool) -> list[Item]:
        """The HTTP response body: a message (slash commands) or a view_submission answer."""
        ack = ack or {}
        action = ack.get("response_action")
        if action in ("update", "push"):
            problems = view_problems(ack["view"])
            return [self._modal({"id": "V0DEMO", **ack["view"]}), *problem_notes(problems)]
        if action == "errors":
            return [note(f"!! {k}: {v}") for k, v in (ack.get("errors") or {}).items()]
        if submission:
            return [note("(modal submitted and closed)")]
        if ack and (ack.get("text") or ack.get("blocks")):
            where = surface or Surface(channel=CHANNEL, ephemeral=True)
            return [self._ack_message(ack, where), *problem_notes(message_problems(ack))]
        return []

    def _show(self, items: list[Item]) -> None:
        choices: list[tuple[Choice, Surface]] = []
        for render, surface in items:
            rendered = render(len(choices) + 1)
            choices += [(c, surface) for c in rendered.choices]
            self.term.say(rendered.text)
        if choices:
            self.choices = choices
        problems = self.fake.validation_problems
        for problem in problems[self._problems_seen :]:
            self.term.say(f"!! Block Kit: {problem}")
        self._problems_seen = len(problems)

    def _ack_message(self, ack: dict, surface: Surface) -> Item:
        if ack.get("response_type") == "in_channel" and surface.channel:
            ts = self.fake.add_message(surface.channel, ack)
            return message_item(ack, Surface(surface.channel, ts, ack), ())
        ts = self.fake.workspace.next_ts()
        return message_item(
            ack, Surface(surface.channel, ts, ack, ephemeral=True), ("only visible to you",)
        )

    def _modal(self, view: dict) -> Item:
        self.pending_modal = view
        return view_item(view)

    def _from_call(self, call: Call) -> Item | None:
        args, answer = call.args, call.response if isinstance(call.response, dict) else {}
        if answer and answer.get("ok") is False:
            return note(f"!! {call.method} failed: {answer.get('error')}")
        channel = args.get("channel")
        if call.method == "chat.postMessage":
            where = Surface(
                channel, answer.get("ts"), answer.get("message"), thread_ts=args.get("thread_ts")
            )
            return message_item(args, where, ("in thread",) if args.get("thread_ts") else ())
        if call.method == "chat.update":
            current = self.fake.message(str(channel), str(args.get("ts"))) or args
            return message_item(current, Surface(channel, args.get("ts"), current), ("updated",))
        if call.method == "chat.postEphemeral":
            where = Surface(
                channel,
                answer.get("message_ts"),
                args,
                ephemeral=True,
                thread_ts=args.get("thread_ts"),
            )
            return message_item(args, where, ("only visible to you",))
        if call.method == "response_url":
            return self._from_response_url(args)
        if call.method == "files.completeUploadExternal":
            return self._files(answer)
        if call.method in ("views.open", "views.push"):
            return self._modal(answer.get("view") or args.get("view") or {})
        if call.method in ("views.update", "views.publish"):
            view = answer.get("view") or args.get("view") or {}
            if view.get("type") == "modal":
                return self._modal(view)
            return view_item(view)
        return None

    def _files(self, answer: dict) -> Item:
        """A shared file is written to disk (the terminal shows no images): say where."""
        FILES_DIR.mkdir(parents=True, exist_ok=True)
        lines = []
        for shared in answer.get("files") or []:
            stored = self.fake.workspace.files.files.get(shared["id"])
            path = FILES_DIR / shared["name"]
            path.write_bytes(stored.content or b"" if stored else b"")
            lines.append(f"(file shared: {shared['title']}, written to {path})")
        return note("\n".join(lines))

    def _from_response_url(self, args: dict) -> Item | None:
        source = self._url_surfaces.get(args.get("url", ""), Surface(channel=CHANNEL))
        body = {k: v for k, v in args.items() if k != "url"}
        if body.get("delete_original"):
            return note("(message deleted)")
        if body.get("replace_original") in (True, "true"):
            current = self.fake.message(source.channel or "", source.ts or "") or body
            where = Surface(source.channel, source.ts, current, source.ephemeral, source.thread_ts)
            return message_item(
                body,
                where,
                ("updated", "only visible to you") if source.ephemeral else ("updated",),
            )
        return self._ack_message(body, Surface(channel=source.channel, ephemeral=True))
