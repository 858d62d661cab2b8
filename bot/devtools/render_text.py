"""Block Kit -> readable terminal text, for the demo (pure functions).

Interactive elements become numbered choices: a button is `[3] Yes`, each option
of a select or overflow menu is its own numbered choice. The caller picks the
first number so numbering can run across several messages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from bot.blocks.table import Table, table_text
from bot.devtools.view_state import input_fields, options_of

RULE = "-" * 40
_LINK = re.compile(r"<([^<>|]+)\|([^<>]+)>")
_BARE = re.compile(r"<([^<>]+)>")
_CHOICE_TYPES = {"static_select", "overflow", "radio_buttons", "checkboxes"}


@dataclass(frozen=True)
class Choice:
    """Something the user can pick by number."""

    number: int
    label: str
    action_id: str
    block_id: str | None = None
    value: str | None = None
    url: str | None = None
    element_type: str = "button"


@dataclass
class Rendered:
    text: str
    choices: list[Choice] = field(default_factory=list)


def clean_mrkdwn(text: str) -> str:
    """Slack mrkdwn to terminal text: `*bold*` kept, `<url|text>` -> `text (url)`,
    `<@U1>` -> `@U1`, `<#C1|name>` -> `#name`, `<!here>` -> `@here`, entities decoded."""

    def link(m: re.Match[str]) -> str:
        target, label = m.group(1), m.group(2)
        if target.startswith("#"):
            return f"#{label}"
        if target.startswith(("@", "!")):
            return f"@{label}"
        return f"{label} ({target})"

    def bare(m: re.Match[str]) -> str:
        target = m.group(1)
        if target.startswith(("@", "#")):
            return target
        if target.startswith("!"):
            return "@" + target[1:].split("^")[0]
        return target

    return html.unescape(_BARE.sub(bare, _LINK.sub(link, text)))


def text_of(obj: Any) -> str:
    """The display text of a text object (mrkdwn cleaned), a string, or ''."""
    if isinstance(obj, str):
        return obj
    if not isinstance(obj, dict):
        return ""
    text = str(obj.get("text", ""))
    return clean_mrkdwn(text) if obj.get("type") == "mrkdwn" else text


class _Builder:
    def __init__(self, first_number: int) -> None:
        self.lines: list[str] = []
        self.choices: list[Choice] = []
        self.next = first_number

    def choice(
        self,
        label: str,
        element: dict,
        block_id: str | None,
        value: str | None,
        url: str | None = None,
    ) -> str:
        kind = element.get("type", "button")
        action_id = element.get("action_id", "")
        choice = Choice(self.next, label, action_id, block_id, value, url, kind)
        self.choices.append(choice)
        self.next += 1
        return f"[{choice.number}] {label}"

    def element(self, el: dict, block_id: str | None) -> list[str]:
        kind = el.get("type")
        if kind == "button":
            label = text_of(el.get("text"))
            url = el.get("url")
            return [self.choice(label + (" ↗" if url else ""), el, block_id, el.get("value"), url)]
        if kind in _CHOICE_TYPES:
            head = text_of(el.get("placeholder")) or ("more" if kind == "overflow" else "choose")
            picks = [
                self.choice(text_of(o.get("text")), el, block_id, o.get("value"), o.get("url"))
                for o in options_of(el)
            ]
            return [f"{head}:", *picks]
        if kind == "image":
            return [f"(image: {el.get('alt_text', '')})"]
        if kind == "workflow_button":
            return [f"({text_of(el.get('text'))})"]
        return [f"({kind})"]

    def block(self, blk: dict) -> None:
        kind, bid = blk.get("type"), blk.get("block_id")
        if kind == "header":
            title = text_of(blk.get("text"))
            self.lines += [title, "=" * min(len(title), 40)]
        elif kind == "section":
            if blk.get("text"):
                self.lines += text_of(blk["text"]).splitlines()
            for f in blk.get("fields") or []:
                self.lines += ["  " + line for line in text_of(f).splitlines()]
            if isinstance(blk.get("accessory"), dict):
                self.lines.append("  " + "  ".join(self.element(blk["accessory"], bid)))
        elif kind == "divider":
            self.lines.append(RULE)
        elif kind == "context":
            parts = [
                text_of(e) if e.get("type") != "image" else "" for e in blk.get("elements", [])
            ]
            self.lines.append("  " + "  |  ".join(p for p in parts if p))
        elif kind == "actions":
            self.lines.append(
                "  ".join(s for el in blk.get("elements", []) for s in self.element(el, bid))
            )
        elif kind == "image":
            self.lines.append(f"(image: {blk.get('alt_text', '')})")
        elif kind == "markdown":
            self.lines += str(blk.get("text", "")).splitlines()
        elif kind == "rich_text":
            self.lines.append(_rich_text(blk))
        elif kind == "table":
            self.lines += _table(blk).splitlines()
        elif kind != "input":  # inputs are listed by render_view
            self.lines.append(f"({kind} block)")


def _rich_text(blk: dict) -> str:
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "text":
                out.append(node.get("text", ""))
            elif node.get("type") == "link":
                out.append(node.get("text") or node.get("url", ""))
            for child in node.get("elements", []):
                walk(child)

    walk(blk)
    return "".join(out)


def table_cells(blk: dict) -> list[list[str]]:
    """A table block's rows (header first) as the text of each cell."""
    return [
        [_rich_text(c) if c.get("type") == "rich_text" else str(c.get("text", "")) for c in row]
        for row in blk.get("rows") or []
        if isinstance(row, list)
    ]


def _table(blk: dict) -> str:
    """A table block as aligned columns (right-aligned where its column settings say so)."""
    rows = table_cells(blk)
    if not rows:
        return ""
    settings = blk.get("column_settings") or []
    align = tuple((s or {}).get("align", "left") for s in settings)
    width = len(rows[0])
    table = Table(
        header=tuple(rows[0]), rows=tuple(tuple(r[:width] + [""] * (width - len(r))) for r in rows[1:]),
        align=align,
    )  # fmt: skip
    return table_text(table)


def render_blocks(blocks: list[dict], *, first_number: int = 1) -> Rendered:
    b = _Builder(first_number)
    for blk in blocks:
        if isinstance(blk, dict):
            b.block(blk)
    return Rendered("\n".join(b.lines), b.choices)


def render_message(message: dict, *, tags: tuple[str, ...] = (), first_number: int = 1) -> Rendered:
    """A message (text / blocks / attachments) under a `Tradeoffs (tags)` title line."""
    title = "Tradeoffs" + (f" ({', '.join(tags)})" if tags else "")
    blocks = list(message.get("blocks") or [])
    for att in message.get("attachments") or []:
        blocks += att.get("blocks") or []
    if blocks:
        body = render_blocks(blocks, first_number=first_number)
    else:
        body = Rendered(clean_mrkdwn(str(message.get("text") or "")))
    return Rendered(f"── {title} ──\n{body.text}", body.choices)


def render_view(view: dict, *, first_number: int = 1) -> Rendered:
    """A modal (title, blocks, input fields, submit/close) or the App Home tab."""
    is_home = view.get("type") == "home"
    title = "App Home" if is_home else f"modal: {text_of(view.get('title'))}"
    body = render_blocks(view.get("blocks") or [], first_number=first_number)
    lines = [f"══ {title} ══"] + ([body.text] if body.text else [])
    for fld in input_fields(view.get("blocks") or []):
        initial = ", ".join(fld.initial) if isinstance(fld.initial, list) else fld.initial
        note = " (optional)" if fld.optional else ""
        lines.append(f"  {fld.label}{note}: {initial or '____'}")
    if not is_home:
        buttons = [text_of(view.get(k)) for k in ("submit", "close") if view.get(k)]
        if buttons:
            lines.append("  < " + " | ".join(buttons) + " >")
    return Rendered("\n".join(lines), body.choices)
