"""Reading the audit history: one row's changes, or a committee's recent changes.

The records are written by ``domain.audit`` as changes happen; these use cases return them
as plain values, newest first, each able to say what happened in a line of words
(:meth:`HistoryEntry.what`), so the command line and the GUI print the same text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import AuditKind, AuditRecord

DEFAULT_LIMIT = 500
_SHORT = 60  # longer values are cut short in the one-line description


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One recorded change. ``at`` is in UTC (timezone-aware)."""

    id: int
    at: dt.datetime
    who: str
    action: str
    committee_id: int | None
    table: str
    row_id: str
    label: str
    kind: str  # "added", "changed" or "removed"
    field: str | None
    before: str
    after: str

    @property
    def thing(self) -> str:
        """The row in words: "Topic 12 'School attendance'"."""
        name = self.table.replace("_", " ").capitalize()
        label = f" {_quoted(_short(self.label))}" if self.label else ""
        return f"{name} {self.row_id}{label}"

    def what(self) -> str:
        """What happened, in a line: "Topic 12 'School attendance': title 'A' → 'B'"."""
        if self.kind in (AuditKind.ADDED, AuditKind.REMOVED):
            return f"{self.thing} {self.change()}"
        return f"{self.thing}: {self.change()}"

    def change(self) -> str:
        """What happened to the row, without naming it: "title 'A' → 'B'", "added"."""
        if self.kind == AuditKind.ADDED:
            return "added"
        if self.kind == AuditKind.REMOVED:
            return "removed"
        return f"{self.field} '{_short(self.before)}' → '{_short(self.after)}'"

    def when(self) -> str:
        """The time in the user's own time zone: "29 Nov 2026 14:05"."""
        local = self.at.astimezone()
        return f"{local.day} {local:%b %Y %H:%M}"


def _quoted(text: str) -> str:
    return text if text[:1] in "'\"‘“" else f"'{text}'"


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _SHORT else line[: _SHORT - 1] + "…"


def _utc(moment: dt.datetime) -> dt.datetime:
    """As stored: naive UTC (a naive argument is taken to be UTC already)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _entry(r: AuditRecord) -> HistoryEntry:
    return HistoryEntry(
        id=r.id,
        at=r.at.replace(tzinfo=dt.UTC),
        who=r.who,
        action=r.action,
        committee_id=r.committee_id,
        table=r.table_name,
        row_id=r.row_id,
        label=r.label,
        kind=str(r.kind),
        field=r.field,
        before=r.before,
        after=r.after,
    )


def row_history(
    session: Session, *, table: str, row_id: int | str, limit: int = DEFAULT_LIMIT
) -> list[HistoryEntry]:
    """Every recorded change to one row (e.g. ``table="topic"``), newest first."""
    q = (
        select(AuditRecord)
        .where(AuditRecord.table_name == table, AuditRecord.row_id == str(row_id))
        .order_by(AuditRecord.at.desc(), AuditRecord.id.desc())
        .limit(limit)
    )
    return [_entry(r) for r in session.scalars(q)]


def committee_history(
    session: Session,
    *,
    committee_id: int | None,
    who: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[HistoryEntry]:
    """A committee's recent changes, newest first (``committee_id=None``: every change, the
    council-wide ones included); ``who`` in any case; ``since`` inclusive, ``until``
    exclusive."""
    q = select(AuditRecord)
    if committee_id is not None:
        q = q.where(AuditRecord.committee_id == committee_id)
    if who:
        q = q.where(func.lower(AuditRecord.who) == who.strip().lower())
    if since is not None:
        q = q.where(AuditRecord.at >= _utc(since))
    if until is not None:
        q = q.where(AuditRecord.at < _utc(until))
    q = q.order_by(AuditRecord.at.desc(), AuditRecord.id.desc()).limit(limit)
    return [_entry(r) for r in session.scalars(q)]


def history_people(session: Session, *, committee_id: int | None = None) -> list[str]:
    """Everyone who has changed something (in a committee), for a filter list."""
    q = select(AuditRecord.who).distinct().order_by(AuditRecord.who)
    if committee_id is not None:
        q = q.where(AuditRecord.committee_id == committee_id)
    return list(session.scalars(q))
