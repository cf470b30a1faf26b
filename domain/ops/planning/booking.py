"""Booking topics onto meetings, and where a new item goes.

:func:`book_many` is the one place the booking rules live: a topic goes only onto its own
committee's meetings, never onto a cancelled one; it becomes scheduled; a standing item booked
back by hand is no longer kept off that meeting; and booking onto a meeting that has taken
place, or after its report deadline, is allowed with a warning (the advisor may know the report
is ready, and an old programme's meetings are long past). :func:`booking_caution` says the same
before booking, so the program can ask first. It books any number of topics onto one meeting with one renumber,
so an import of thousands of rows takes time in proportion to its size. :func:`book` is the
same for one topic, with the before and after states an undo needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ...dates import add_months, long_date, month_year, short_date
from ...errors import Invalid
from ...models import (
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    StandingExclusion,
    Topic,
    TopicStatus,
)
from ...values import EntryInfo
from ...words import counted
from ..bulk import insert_rows
from ..convert import chunks, get
from .common import (
    booking_caution_for,
    deadline_warnings,
    entries_of,
    entry_value,
    renumber,
    scheduled_status,
)
from .snapshots import Undoable, capture_state

MAX_MONTHS = 60


@dataclass(frozen=True, slots=True)
class Booking:
    """One topic to book, with how its entry starts out."""

    topic_id: int
    purpose: str | None = None
    to_follow: bool = False
    verbal_update: bool = False
    pinned: bool = True  # booked by hand; a suggested booking is not pinned
    provisional: bool = False
    entry_id: int | None = None  # the id to give the entry (redo after undo)


@dataclass(frozen=True, slots=True)
class BookedMany:
    entry_ids: tuple[int, ...]  # in the order of the bookings
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Topic:
    id: int
    committee_id: int
    title: str
    status: TopicStatus


def _topics(session: Session, ids: Sequence[int]) -> dict[int, _Topic]:
    # Only the columns booking needs: thousands of topics (an import) load in milliseconds.
    wanted = list(dict.fromkeys(ids))
    found: dict[int, _Topic] = {}
    for chunk in chunks(wanted):
        for row in session.execute(
            select(Topic.id, Topic.committee_id, Topic.title, Topic.status).where(Topic.id.in_(chunk))
        ):
            found[row.id] = _Topic(row.id, row.committee_id, row.title, row.status)
    for topic_id in wanted:
        if topic_id not in found:
            get(session, Topic, topic_id)  # says that the topic no longer exists
    return found


def book_many(
    session: Session,
    *,
    meeting_id: int,
    bookings: Sequence[Booking],
    position: int | None = None,
    today: dt.date | None = None,
) -> BookedMany:
    """Book topics onto a meeting, in the order given, at ``position`` on its agenda (default:
    the end). Nothing is booked if any of them cannot be.

    The new entries are written with one INSERT and the topics that become scheduled with one
    UPDATE per 500, so booking thousands (an import) takes milliseconds per hundred."""
    meeting = get(session, Meeting, meeting_id)
    topics = _topics(session, [b.topic_id for b in bookings])
    if any(t.committee_id != meeting.committee_id for t in topics.values()):
        raise Invalid("A topic can only be booked onto its own committee's meetings.")
    if meeting.status == MeetingStatus.CANCELLED:
        raise Invalid(
            f"The meeting of {short_date(meeting.starts_at.date())} is cancelled; choose another."
        )
    if not bookings:
        return BookedMany((), ())
    agenda = entries_of(session, meeting.id)
    pos = len(agenda) if position is None else max(0, min(position, len(agenda)))
    renumber(agenda[:pos])
    renumber(agenda[pos:], start=pos + len(bookings))
    entry_ids = insert_rows(
        session,
        ProgrammeEntry,
        [
            {
                "id": b.entry_id,
                "meeting_id": meeting.id,
                "topic_id": b.topic_id,
                "position": pos + i,
                "purpose": b.purpose,
                "to_follow": b.to_follow,
                "verbal_update": b.verbal_update,
                "pinned": b.pinned,
                "provisional": b.provisional,
            }
            for i, b in enumerate(bookings)
        ],
    )
    to_schedule = [t.id for t in topics.values() if scheduled_status(t.status) != t.status]
    for chunk in chunks(to_schedule):
        # Every status that becomes "scheduled" (see scheduled_status), with the version
        # counter moved on as the ORM's own UPDATE would.
        session.execute(
            update(Topic)
            .where(Topic.id.in_(chunk))
            .values(status=TopicStatus.SCHEDULED, version=Topic.version + 1)
        )
    # Collections loaded before the INSERT do not know the new entries yet.
    for obj in (meeting, *(_loaded(session, Topic, t) for t in topics)):
        if obj is not None:
            session.expire(obj, ["entries"])
    # Booking a standing item back by hand undoes its removal from that meeting.
    for x in session.scalars(
        select(StandingExclusion).where(StandingExclusion.meeting_id == meeting.id)
    ):
        if x.topic_id in topics:
            session.delete(x)
    session.flush()
    titles = [topics[b.topic_id].title for b in bookings]
    warnings = deadline_warnings(session, meeting, titles, today or dt.date.today())
    return BookedMany(tuple(entry_ids), warnings)


def _loaded(session: Session, cls: type[Topic], id_: int) -> Topic | None:
    obj = session.identity_map.get(Session.identity_key(cls, id_))
    return obj if isinstance(obj, cls) else None


@dataclass(frozen=True, slots=True)
class Booked(Undoable):
    entry: EntryInfo
    warnings: tuple[str, ...]


def book(
    session: Session,
    *,
    topic_id: int,
    meeting_id: int,
    position: int | None = None,
    today: dt.date | None = None,
    purpose: str | None = None,
    to_follow: bool = False,
    verbal_update: bool = False,
    pinned: bool = True,
    provisional: bool = False,
    entry_id: int | None = None,
) -> Booked:
    """Book a topic onto a meeting at ``position`` (default: the end of the agenda). Past the
    meeting's report deadline the booking is made and a warning says so."""
    before = capture_state(session, meeting_ids=[meeting_id], topic_ids=[topic_id])
    one = Booking(topic_id, purpose, to_follow, verbal_update, pinned, provisional, entry_id)
    done = book_many(
        session, meeting_id=meeting_id, bookings=[one], position=position, today=today
    )
    after = capture_state(session, meeting_ids=[meeting_id], topic_ids=[topic_id])
    entry = get(session, ProgrammeEntry, done.entry_ids[0])
    return Booked(before, after, entry_value(session, entry), done.warnings)


def booking_caution(session: Session, *, meeting_id: int, today: dt.date) -> str | None:
    """Why booking onto a meeting deserves a second thought, in one sentence, or None: it has
    already taken place, or its report deadline has passed. Booking is still allowed (a
    report may be ready early, an old programme is being typed in), so a person is asked
    first; the import and command-line paths book and say so in their result instead."""
    return booking_caution_for(session, get(session, Meeting, meeting_id), today)


# --- where a new item goes --------------------------------------------------------------------


def first_meeting_from(session: Session, committee_id: int, day: dt.date) -> Meeting | None:
    """The committee's first meeting on or after ``day`` that is not cancelled."""
    return session.scalars(
        select(Meeting)
        .where(
            Meeting.committee_id == committee_id,
            Meeting.starts_at >= dt.datetime.combine(day, dt.time.min),
            Meeting.status != MeetingStatus.CANCELLED,
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    ).first()


def resolve_placement(
    session: Session,
    *,
    committee_id: int,
    meeting_id: int | None,
    in_months: int | None,
    from_date: dt.date,
    on_or_after: dt.date | None = None,
) -> tuple[Meeting | None, dt.date | None, str]:
    """Where a new item goes: (meeting or None, needed-by date or None, why, for the message).

    "In N months' time" names a month, not a day: the minutes of 10 July 2019 scheduled a
    progress report "for 6 months' time (8 January 2020)" (seed 001, minute 20(i)). So the item
    goes to the first meeting in or after the month N months on; with none, it waits in "items to
    be scheduled", needed by the date N months on.
    """
    if meeting_id is not None and in_months is not None:
        raise Invalid("Choose a meeting or a number of months, not both.", "in_months")
    if meeting_id is not None:
        m = session.get(Meeting, meeting_id)
        if m is None or m.committee_id != committee_id:
            raise Invalid("Choose one of this committee's meetings.", "meeting_id")
        if m.status == MeetingStatus.CANCELLED:
            raise Invalid(
                f"The meeting of {long_date(m.starts_at.date())} is cancelled; choose another.",
                "meeting_id",
            )
        return m, None, ""
    if in_months is not None:
        if isinstance(in_months, bool) or not isinstance(in_months, int):
            raise Invalid("Give the number of months as a whole number, e.g. 6.", "in_months")
        if not 1 <= in_months <= MAX_MONTHS:
            raise Invalid(
                f"Give a number of months from 1 to {MAX_MONTHS}, e.g. 6 for "
                "\"in 6 months' time\".",
                "in_months",
            )
        target = add_months(from_date, in_months)
        m = first_meeting_from(session, committee_id, target.replace(day=1))
        why = f"no meeting in or after {month_year(target)} ({counted(in_months, 'month')} on)"
        return m, (None if m else target), why
    if on_or_after is not None:
        m = first_meeting_from(session, committee_id, on_or_after)
        return m, (None if m else on_or_after), f"no meeting on or after {long_date(on_or_after)}"
    return None, None, "no meeting was chosen"
