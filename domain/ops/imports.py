"""Importing a programme file: checked rows in, one committee's year written, as one step that
can be taken back and made again.

The rows come from any reader in :mod:`domain.io` and are already checked against the layout;
:func:`import_programme` checks them against the database (the council's municipal year, the
committee's prioritisation tool) and writes them. ``import_rows`` runs it and reports exactly
which topics, meetings, programme entries and scores it created (the committee's rows for the
year before and after, compared inside the same transaction). ``remove_imported`` deletes
exactly those, and ``import_rows(..., reuse=...)`` makes them again with the same ids, so that
later steps on an undo stack which name those rows by id stay valid.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..dates import long_date
from ..errors import Conflict
from ..io.layout import DATE, SCORE, format_date
from ..io.rows import ProgrammeRow, Section
from ..locks import lock_programme
from ..models import (
    Assessment,
    Committee,
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    Topic,
    TopicKind,
    TopicStatus,
)
from ..words import counted
from ..years import municipal_year_label, municipal_year_of, start_month, year_bounds
from . import assessments, planning, topics
from .bulk import insert_rows
from .convert import chunks, get
from .criteria import set_for_committee
from .planning import year_span
from .planning.common import entries_of, renumber, scheduled_status

_FILE = "the file"


def check_rows_in_year(
    session: Session, *, year_start: int, rows: Sequence[ProgrammeRow], file: str = _FILE
) -> None:
    """Refuse rows whose meeting is not in the municipal year ``year_start`` (whose first month
    is the council's setting): ``ImportFileError`` names the first such row."""
    first_month = start_month(session)
    begins, ends = year_bounds(year_start, first_month)
    for r in rows:
        if r.meeting_date is not None and not begins <= r.meeting_date < ends:
            actual = municipal_year_of(r.meeting_date, first_month)
            raise r.error(
                file, DATE,
                f"{format_date(r.meeting_date)} is not in the municipal year "
                f"{municipal_year_label(year_start)} ({format_date(begins)} to "
                f"{format_date(ends - dt.timedelta(days=1))}).",
                hint="Correct the date, or import the file as the programme of "
                f"{municipal_year_label(actual)}; nothing was imported.",
            )


def _past_meetings_in_one_line(warnings: list[str]) -> tuple[str, ...]:
    """An old programme imported books every meeting "after it took place": say that once."""
    past = [w for w in warnings if w.endswith("which has already taken place.")]
    if len(past) <= 1:
        return tuple(warnings)
    rest = [w for w in warnings if w not in past]
    return (f"{counted(len(past), 'meeting')} of this file have already taken place.", *rest)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    committee: str
    year_start: int
    meetings_created: int
    meetings_reused: int
    entries: int
    to_be_scheduled: int
    topics: int
    reviews: int = 0  # select committee reviews
    # What booking said: meetings that have already taken place, items after a report deadline.
    warnings: tuple[str, ...] = ()

    def counts(self) -> str:
        """'26 items at 8 meetings (8 new), 9 items to be scheduled and 2 select committee
        reviews': what an import brought in, for the command line and the window alike."""
        meetings = self.meetings_created + self.meetings_reused
        parts = [
            f"{counted(self.entries, 'item')} at {counted(meetings, 'meeting')} "
            f"({self.meetings_created} new)",
            f"{counted(self.to_be_scheduled, 'item')} to be scheduled",
        ]
        if self.reviews:
            parts.append(counted(self.reviews, "select committee review"))
        return ", ".join(parts[:-1]) + " and " + parts[-1]


def import_programme(
    session: Session,
    *,
    committee_id: int,
    year_start: int,
    rows: Sequence[ProgrammeRow],
    file: str = _FILE,
) -> ImportSummary:
    """Write checked rows into a committee's programme for one municipal year.

    The whole file is checked first (every meeting in the year, every score within the
    committee's prioritisation tool). A meeting on a date the committee already meets on is
    reused (its items are kept and the new ones follow them). Rows with the same title,
    responsible person, score and Part II paragraph are one topic booked at several meetings, as
    a standing item is; a row whose reason differs from its topic's keeps it as that entry's
    purpose, which is what prints. Run it in one transaction: any error leaves the database as
    it was.
    """
    return _import(
        session, committee_id=committee_id, year_start=year_start, rows=rows, file=file,
        ids=_Ids(session, None),
    )


def _import(
    session: Session,
    *,
    committee_id: int,
    year_start: int,
    rows: Sequence[ProgrammeRow],
    file: str,
    ids: _Ids,
) -> ImportSummary:
    committee = get(session, Committee, committee_id)
    lock_programme(session, committee_id, year_start)
    max_total = set_for_committee(session, committee_id=committee_id).max_total
    check_rows_in_year(session, year_start=year_start, rows=rows, file=file)
    for r in rows:
        if r.score is not None and r.score > max_total:
            raise r.error(
                file, SCORE,
                f"{r.score} is above the highest score ({max_total}) of this committee's "
                "prioritisation tool.",
            )

    lo, hi = year_span(session, year_start)
    existing: dict[dt.date, int] = {}
    cancelled: set[int] = set()
    for meeting_id, starts_at, status in session.execute(
        select(Meeting.id, Meeting.starts_at, Meeting.status)
        .where(Meeting.committee_id == committee_id, Meeting.starts_at >= lo, Meeting.starts_at < hi)
        .order_by(Meeting.starts_at)
    ):
        day = starts_at.date()
        if day not in existing or status != MeetingStatus.CANCELLED:
            existing[day] = meeting_id
        if status == MeetingStatus.CANCELLED:
            cancelled.add(meeting_id)
    for r in rows:
        # Nothing is booked onto a cancelled meeting; say which row asks for one.
        if r.title and r.meeting_date is not None and existing.get(r.meeting_date) in cancelled:
            raise r.error(
                file, DATE,
                f"The committee's meeting of {format_date(r.meeting_date)} is cancelled.",
                hint="Reinstate the meeting, or move the item to another date in the file; "
                "nothing was imported.",
            )
    reused: set[int] = set()
    made: set[int] = set()
    at = committee.default_time or dt.time(14, 0)

    def meeting_for(day: dt.date) -> int:
        if day in existing:
            if existing[day] not in made:
                reused.add(existing[day])
            return existing[day]
        (given,) = ids.take(Meeting, 1)
        info = planning.add_meeting(
            session, committee_id=committee_id, starts_at=dt.datetime.combine(day, at),
            meeting_id=given,
        )
        ids.made[Meeting].append(info.id)
        existing[day] = info.id
        made.add(info.id)
        return info.id

    # Topics, scores and entries are written in bulk (one INSERT for all the topics, one for
    # the scores, one per meeting for its entries), in file order, so a large file imports in
    # linear time. Until the topics are written, a topic is its index in new_topics.
    new_topics: list[dict[str, Any]] = []
    shared: dict[tuple[str, str, int | None, int | None], tuple[int, str]] = {}
    booked: set[tuple[int, int]] = set()  # (topic index, meeting id)
    bookings: dict[int, list[tuple[int, str | None, bool]]] = {}
    scored: list[tuple[int, int]] = []
    entries = waiting = 0
    today = dt.date.today()
    # Every topic made from a dated row is booked at once, so it starts out as booking leaves it.
    booked_status = scheduled_status(TopicStatus.PROPOSED)

    def new_topic(r: ProgrammeRow, status: TopicStatus, kind: TopicKind = TopicKind.REPORT) -> int:
        values = topics.validate(
            {
                "title": r.title,
                "year_start": year_start,
                "reason": r.reason,
                "responsible": r.responsible,
                "status": status,
                "kind": kind,
                "exempt": r.exempt_paragraph is not None,
                "exempt_paragraph": r.exempt_paragraph,
                "added_on": today,
            }
        )
        new_topics.append({"committee_id": committee_id, **values})
        if r.score is not None:
            scored.append((len(new_topics) - 1, r.score))
        return len(new_topics) - 1

    reviews = 0
    for r in rows:
        if r.section is Section.REVIEWS:
            # Listed on the programme as a select committee review, as the print lists it.
            new_topic(r, TopicStatus.ACCEPTED, TopicKind.SELECT_REVIEW)
            reviews += 1
            continue
        if r.meeting_date is None:
            new_topic(r, TopicStatus.TO_BE_SCHEDULED)
            waiting += 1
            continue
        meeting_id = meeting_for(r.meeting_date)
        if not r.title:
            continue
        key = (r.title.casefold(), r.responsible.casefold(), r.score, r.exempt_paragraph)
        if key in shared and (shared[key][0], meeting_id) not in booked:
            topic, reason = shared[key]
        else:
            topic, reason = new_topic(r, booked_status), r.reason
            shared[key] = (topic, reason)
        booked.add((topic, meeting_id))
        # The purpose the entry prints: the layout's own purpose column, else a reason that
        # differs from the topic's.
        purpose = r.purpose or (None if r.reason == reason else r.reason)
        bookings.setdefault(meeting_id, []).append((topic, purpose, r.to_follow))
        entries += 1
    for values, given in zip(new_topics, ids.take(Topic, len(new_topics)), strict=True):
        values["id"] = given
    topic_ids = insert_rows(session, Topic, new_topics)
    ids.made[Topic].extend(topic_ids)
    ids.made[Assessment].extend(
        assessments.record_imported_totals(
            session,
            totals=[(topic_ids[t], total) for t, total in scored],
            ids=ids.take(Assessment, len(scored)),
        )
    )
    warnings: list[str] = []
    for meeting_id, agenda in bookings.items():
        done = planning.book_many(
            session,
            meeting_id=meeting_id,
            bookings=[
                planning.Booking(topic_ids[t], purpose=purpose, to_follow=to_follow, entry_id=given)
                for (t, purpose, to_follow), given in zip(
                    agenda, ids.take(ProgrammeEntry, len(agenda)), strict=True
                )
            ],
        )
        ids.made[ProgrammeEntry].extend(done.entry_ids)
        warnings.extend(done.warnings)
    session.flush()
    return ImportSummary(
        committee=committee.name,
        year_start=year_start,
        meetings_created=len(made),
        meetings_reused=len(reused),
        entries=entries,
        to_be_scheduled=waiting,
        topics=len(new_topics),
        reviews=reviews,
        warnings=_past_meetings_in_one_line(warnings),
    )


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
    lo, hi = year_span(session, year_start)
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


_KINDS: tuple[type[Topic | Meeting | ProgrammeEntry | Assessment], ...] = (
    Topic, Meeting, ProgrammeEntry, Assessment
)


class _Ids:
    """The ids an import gives the rows it makes, and those it made, of each kind in order.

    Without ``reuse`` the database chooses them. With ``reuse`` (what an earlier run of the
    same import made, since removed) the n-th new row of each kind gets the n-th id back.
    """

    def __init__(self, session: Session, reuse: ImportedIds | None) -> None:
        self.session = session
        given = (
            (reuse.topic_ids, reuse.meeting_ids, reuse.entry_ids, reuse.assessment_ids)
            if reuse is not None
            else ((), (), (), ())
        )
        self.queues: dict[type, deque[int]] = {
            kind: deque(ids) for kind, ids in zip(_KINDS, given, strict=True)
        }
        self.reserved: dict[type, set[int]] = {
            kind: set(ids) for kind, ids in zip(_KINDS, given, strict=True)
        }
        self.made: dict[type, list[int]] = {kind: [] for kind in _KINDS}

    def take(self, kind: type[Topic | Meeting | ProgrammeEntry | Assessment], n: int) -> list[int | None]:
        """Ids for the next ``n`` new rows of ``kind``; None lets the database choose."""
        queue = self.queues[kind]
        candidates = [queue.popleft() for _ in range(min(n, len(queue)))]
        taken: set[int] = set()
        for chunk in chunks(candidates):
            taken.update(self.session.scalars(select(kind.id).where(kind.id.in_(chunk))))
        out: list[int | None] = []
        for candidate in candidates:
            if candidate not in taken:
                out.append(candidate)
            elif self.session.get_bind().dialect.name == "sqlite":
                # SQLite hands a freed id out again, so another row may hold it by now: that
                # row keeps it and this one gets a new id (the others still get their own).
                # SQLite's next id is the highest plus one, which may be an id still to be
                # given back to a later row: take one above both. (A sequence, as on
                # PostgreSQL, is past them all already, and must not be bypassed.)
                highest = self.session.scalar(select(func.max(kind.id))) or 0
                new = max(highest, *self.reserved[kind]) + 1
                self.reserved[kind].add(new)
                out.append(new)
            else:
                out.append(None)
        return out + [None] * (n - len(candidates))


def import_rows(
    session: Session,
    *,
    committee_id: int,
    year_start: int,
    rows: Sequence[ProgrammeRow],
    file: str = _FILE,
    reuse: ImportedIds | None = None,
) -> ImportResult:
    """Import checked rows into a committee's year; returns what was made.

    With ``reuse`` (what an earlier run of the same import created, since removed) the rows
    are made again with those ids. Run it in one transaction: any error leaves the database as
    it was.
    """
    before = _snapshot(session, committee_id, year_start)
    ids = _Ids(session, reuse)
    summary = _import(
        session, committee_id=committee_id, year_start=year_start, rows=rows, file=file, ids=ids
    )
    made = ids.made
    after = _snapshot(session, committee_id, year_start)

    def created_of(kind: type, new: frozenset[int]) -> tuple[int, ...]:
        # What the year holds now and did not before, in the order it was made.
        order = {id_: i for i, id_ in enumerate(made[kind])}
        return tuple(sorted(new, key=lambda id_: (order.get(id_, len(order)), id_)))

    created = ImportedIds(
        topic_ids=created_of(Topic, after.topics - before.topics),
        meeting_ids=created_of(Meeting, after.meetings - before.meetings),
        entry_ids=created_of(ProgrammeEntry, after.entries - before.entries),
        assessment_ids=created_of(Assessment, after.assessments - before.assessments),
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
                f"The import cannot be undone: the meeting of {long_date(day)} it added now "
                f"has {counted(others, 'item')} that the import did not add. Move them to another "
                "meeting "
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
        if session.get(Meeting, meeting_id) is not None:
            renumber(entries_of(session, meeting_id))
    session.flush()


def topic_count(session: Session, *, committee_id: int, year_start: int) -> int:
    """How many topics a committee has in a year (an import would add to them)."""
    return session.scalar(
        select(func.count())
        .select_from(Topic)
        .where(Topic.committee_id == committee_id, Topic.year_start == year_start)
    ) or 0
