"""The workspace's decision log: every decision record, kept for good, and its index.

* ``{p}:{team}:decisions:index``: a ``DecisionIndex`` (number, flow, topic, channel, status,
  link of every record), the one place numbers come from (compare-and-set, so two records
  never share a number) and where "current" and "superseded" are decided;
* ``{p}:{team}:decisions:record:{number}``: the ``DecisionRecord`` itself.

Neither expires (``Store.keep``): they go with the workspace on uninstall
(``Store.delete_team``) or by ``delete``. Every key carries the team, so each operation stays
within one workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pydantic import BaseModel, ConfigDict

from bot.domain.buildvsbuy import DecisionRecord, topic_key
from bot.domain.buildvsbuy.record import Status
from bot.errors import StateConflict
from bot.state import Key, Store, Versioned

DECISIONS = "decisions"
ATTEMPTS = 5  # compare-and-set retries when several records are filed at once


class IndexEntry(BaseModel):
    """What the index knows of one record (enough for App Home and supersede look-ups)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int
    flow_id: str
    flow_turn: int  # the flow's turn when recorded: the same click files one record
    topic: str
    title: str
    channel: str
    decided_on: date
    participants: tuple[str, ...]
    status: Status = "Accepted"
    superseded_by: int | None = None
    supersedes: tuple[int, ...] = ()
    link: str | None = None

    @property
    def current(self) -> bool:
        return self.status == "Accepted"


class DecisionIndex(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    entries: tuple[IndexEntry, ...] = ()

    def entry(self, number: int) -> IndexEntry | None:
        return next((e for e in self.entries if e.number == number), None)

    @property
    def next_number(self) -> int:
        return max((e.number for e in self.entries), default=0) + 1


def index_key(team: str) -> Key:
    return Key(team, DECISIONS, "index")


def record_key(team: str, number: int) -> Key:
    return Key(team, DECISIONS, f"record:{number}")


def read_index(store: Store, team: str) -> DecisionIndex:
    found = store.get(key=index_key(team), model=DecisionIndex)
    return found.value if found else DecisionIndex()


def read_record(store: Store, team: str, number: int) -> Versioned[DecisionRecord] | None:
    return store.get(key=record_key(team, number), model=DecisionRecord)


def change_index(
    store: Store, team: str, change: Callable[[DecisionIndex], DecisionIndex | None]
) -> DecisionIndex:
    """Apply ``change`` to the index with compare-and-set, again on a lost race (None from
    ``change``: nothing to write). Returns the index as written (or as it was)."""
    key = index_key(team)
    for _ in range(ATTEMPTS):
        found = store.get(key=key, model=DecisionIndex)
        index, version = (found.value, found.version) if found else (DecisionIndex(), 0)
        new = change(index)
        if new is None:
            return index
        try:
            store.keep(key=key, expected_version=version, value=new)
        except StateConflict:
            continue
        return new
    raise StateConflict("decision index kept changing")


def change_record(
    store: Store,
    team: str,
    number: int,
    change: Callable[[DecisionRecord], DecisionRecord],
) -> DecisionRecord | None:
    """Compare-and-set one record (again on a lost race); None when it does not exist."""
    key = record_key(team, number)
    for _ in range(ATTEMPTS):
        found = read_record(store, team, number)
        if found is None:
            return None
        new = change(found.value)
        try:
            store.keep(key=key, expected_version=found.version, value=new)
        except StateConflict:
            continue
        return new
    raise StateConflict("decision record kept changing")


def entry_of(record: DecisionRecord, flow_turn: int) -> IndexEntry:
    return IndexEntry(
        number=record.number, flow_id=record.flow_id, flow_turn=flow_turn, topic=record.topic,
        title=record.title, channel=record.channel, decided_on=record.decided_on,
        participants=record.participants, status=record.status,
        superseded_by=record.superseded_by, supersedes=record.supersedes, link=record.link,
    )  # fmt: skip


def replaced_by(index: DecisionIndex, record: DecisionRecord) -> tuple[int, ...]:
    """The current records ``record`` supersedes: an earlier one from the same flow, or
    one on the same topic in the same channel."""
    same = topic_key(record.topic)
    return tuple(
        e.number
        for e in index.entries
        if e.current
        and e.number != record.number
        and (e.flow_id == record.flow_id or (e.channel == record.channel and topic_key(e.topic) == same))
    )


def file(store: Store, team: str, record: DecisionRecord, *, flow_turn: int) -> DecisionRecord:
    """Number ``record``, add it to the index (marking the records it supersedes) and keep
    it. Safe to repeat for the same flow turn: the record filed the first time comes back."""
    filed: list[DecisionRecord] = []

    def add(index: DecisionIndex) -> DecisionIndex | None:
        filed.clear()
        again = next(
            (e for e in index.entries if e.flow_id == record.flow_id and e.flow_turn == flow_turn),
            None,
        )
        if again is not None:
            filed.append(record.model_copy(update={"number": again.number, "supersedes": again.supersedes}))
            return None
        number = index.next_number
        numbered = record.model_copy(update={"number": number})
        old = replaced_by(index, numbered)
        numbered = numbered.model_copy(update={"supersedes": old})
        filed.append(numbered)
        entries = tuple(
            e.model_copy(update={"status": "Superseded", "superseded_by": number})
            if e.number in old
            else e
            for e in index.entries
        )
        return DecisionIndex(entries=(*entries, entry_of(numbered, flow_turn)))

    change_index(store, team, add)
    numbered = filed[0]
    key = record_key(team, numbered.number)
    try:
        store.keep(key=key, expected_version=0, value=numbered)
    except StateConflict as exc:  # filed before: that one stands
        if isinstance(exc.current, Versioned) and isinstance(exc.current.value, DecisionRecord):
            return exc.current.value
        raise
    return numbered


def unfile(store: Store, team: str, number: int, *, reinstate: bool = True) -> None:
    """Take a record out of the index and delete it. ``reinstate``: it could not be posted,
    so the records it superseded are current again."""

    def remove(index: DecisionIndex) -> DecisionIndex | None:
        if index.entry(number) is None:
            return None
        entries = tuple(
            e.model_copy(update={"status": "Accepted", "superseded_by": None})
            if reinstate and e.superseded_by == number
            else e
            for e in index.entries
            if e.number != number
        )
        return DecisionIndex(entries=entries)

    change_index(store, team, remove)
    store.delete(key=record_key(team, number))


def note_posted(store: Store, team: str, record: DecisionRecord) -> None:
    """The index learns the record's link once it is posted."""

    def linked(index: DecisionIndex) -> DecisionIndex | None:
        if index.entry(record.number) is None:
            return None
        return DecisionIndex(
            entries=tuple(
                e.model_copy(update={"link": record.link}) if e.number == record.number else e
                for e in index.entries
            )
        )

    change_index(store, team, linked)


def current(index: DecisionIndex, *, user: str | None = None, limit: int = 5) -> list[IndexEntry]:
    """Newest first: the workspace's current decisions, or those ``user`` took part in."""
    found = [
        e for e in reversed(index.entries) if e.current and (user is None or user in e.participants)
    ]
    return found[:limit]


def all_records(store: Store, team: str) -> list[DecisionRecord]:
    """Every record of the workspace, oldest first (for the export)."""
    records = []
    for entry in read_index(store, team).entries:
        found = read_record(store, team, entry.number)
        if found is not None:
            records.append(found.value)
    return records


def delete(store: Store, team: str, number: int) -> bool:
    """Delete one record for good (an explicit delete); False if there was none."""
    if read_record(store, team, number) is None and read_index(store, team).entry(number) is None:
        return False
    unfile(store, team, number, reinstate=False)
    return True
