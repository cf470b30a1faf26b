"""Importing a programme file as one step that can be taken back and made again.

``import_rows`` runs :func:`domain.csvio.import_programme` and reports exactly which topics,
meetings, programme entries and scores it created (the committee's rows for the year before and
after, compared inside the same transaction). ``remove_imported`` deletes exactly those, and
``import_rows(..., reuse=...)`` makes them again with the same ids, so that later steps on an
undo stack which name those rows by id stay valid.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from ..csvio import ImportSummary, ProgrammeCsvRow, import_programme
from ..models import Assessment, Meeting, ProgrammeEntry, Topic
from .errors import Conflict
from .meetings import _year_bounds


@dataclass(frozen=True, slots=True)
class ImportedIds:
    """What one import created, each in the order it was created."""

    topic_ids: tuple[int, ...]
    meeting_ids: tuple[int, ...]
    entry_ids: tuple[int, ...]
    assessment_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportResult:
    summary: ImportSummary
    created: ImportedIds


@dataclass(frozen=True, slots=True)
class _Snapshot:
    topics: frozenset[int]
    meetings: frozenset[int]
    entries: frozenset[int]
    assessments: frozenset[int]


def _snapshot(session: Session, committee_id: int, year_start: int) -> _Snapshot:
    lo, hi = _year_bounds(year_start)
    topic_ids = frozenset(
        session.scalars(
            select(Topic.id).where(Topic.committee_id == committee_id, Topic.year_start == year_start)
        )
    )
    meeting_ids = frozenset(
        session.scalars(
            select(Meeting.id).where(
                Meeting.committee_id == committee_id, Meeting.starts_at >= lo, Meeting.starts_at < hi
            )
        )
    )
    entry_ids = frozenset(
        session.scalars(
            select(ProgrammeEntry.id)
            .join(Meeting, ProgrammeEntry.meeting_id == Meeting.id)
            .where(Meeting.committee_id == committee_id, Meeting.starts_at >= lo, Meeting.starts_at < hi)
        )
    )
    assessment_ids = frozenset(
        session.scalars(
            select(Assessment.id)
            .join(Topic, Assessment.topic_id == Topic.id)
            .where(Topic.committee_id == committee_id, Topic.year_start == year_start)
        )
    )
    return _Snapshot(topic_ids, meeting_ids, entry_ids, assessment_ids)


@contextmanager
def _given_ids(session: Session, reuse: ImportedIds | None) -> Iterator[None]:
    """New topics, meetings, entries and scores take their ids from ``reuse``, in order.

    Every operation the import calls adds one row and flushes it, so rows reach the flush in
    the order they were made; a row for which no id is left gets a new one from the database.
    """
    if reuse is None:
        yield
        return
    queues: dict[type, deque[int]] = {
        Topic: deque(reuse.topic_ids),
        Meeting: deque(reuse.meeting_ids),
        ProgrammeEntry: deque(reuse.entry_ids),
        Assessment: deque(reuse.assessment_ids),
    }

    def before_flush(sess: Session, _context: Any, _instances: Any) -> None:
        for obj in list(sess.new):
            queue = queues.get(type(obj))
            if queue and obj.id is None:
                obj.id = queue.popleft()

    event.listen(session, "before_flush", before_flush)
    try:
        yield
    finally:
        event.remove(session, "before_flush", before_flush)


def import_rows(
    session: Session,
    *,
    committee_id: int,
    year_start: int,
    rows: Sequence[ProgrammeCsvRow],
    file: str = "the CSV file",
    reuse: ImportedIds | None = None,
) -> ImportResult:
    """Import checked rows into a committee's year; returns what was made.

    With ``reuse`` (what an earlier run of the same import created, since removed) the rows
    are made again with those ids. Run it in one transaction: any error leaves the database as
    it was.
    """
    before = _snapshot(session, committee_id, year_start)
    with _given_ids(session, reuse):
        summary = import_programme(
            session, committee_id=committee_id, year_start=year_start, rows=rows, file=file
        )
    session.flush()
    after = _snapshot(session, committee_id, year_start)
    # Ids grow in the order rows are made (and reused ids are given back in that order), so
    # sorting gives the order of creation that a later redo must follow.
    created = ImportedIds(
        topic_ids=tuple(sorted(after.topics - before.topics)),
        meeting_ids=tuple(sorted(after.meetings - before.meetings)),
        entry_ids=tuple(sorted(after.entries - before.entries)),
        assessment_ids=tuple(sorted(after.assessments - before.assessments)),
    )
    return ImportResult(summary=summary, created=created)


def remove_imported(session: Session, *, imported: ImportedIds) -> None:
    """Delete what an import created: its entries, its topics (their scores go with them) and
    its meetings. Rows already gone are skipped. A meeting the import made that now holds an
    item it did not add is not deleted silently: ``Conflict`` says which, and nothing changes.
    """
    ours = set(imported.entry_ids)
    for meeting_id in imported.meeting_ids:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            continue
        others = session.scalar(
            select(func.count())
            .select_from(ProgrammeEntry)
            .where(ProgrammeEntry.meeting_id == meeting_id, ProgrammeEntry.id.not_in(ours or {-1}))
        )
        if others:
            day: dt.date = meeting.starts_at.date()
            raise Conflict(
                f"The import cannot be undone: the meeting of {day.day} {day:%B %Y} it added now "
                f"has {others} item(s) that the import did not add. Move them to another meeting "
                "first."
            )
    touched: set[int] = set()
    for entry_id in imported.entry_ids:
        entry = session.get(ProgrammeEntry, entry_id)
        if entry is not None:
            touched.add(entry.meeting_id)
            session.delete(entry)
    session.flush()
    for topic_id in imported.topic_ids:
        topic = session.get(Topic, topic_id)
        if topic is not None:
            session.delete(topic)
    session.flush()
    for meeting_id in imported.meeting_ids:
        meeting = session.get(Meeting, meeting_id)
        if meeting is not None:
            session.delete(meeting)
            touched.discard(meeting_id)
    session.flush()
    # A meeting that was there before keeps its own items, numbered from the top again.
    for meeting_id in touched:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            continue
        session.refresh(meeting)
        for i, entry in enumerate(sorted(meeting.entries, key=lambda e: (e.position, e.id))):
            if entry.position != i:
                entry.position = i
    session.flush()


def topic_count(session: Session, *, committee_id: int, year_start: int) -> int:
    """How many topics a committee has in a year (an import would add to them)."""
    return session.scalar(
        select(func.count())
        .select_from(Topic)
        .where(Topic.committee_id == committee_id, Topic.year_start == year_start)
    ) or 0
