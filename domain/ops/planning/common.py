"""What the planning operations share: the year's meetings, agenda order, topic status after a
booking or removal, the entry as the GUI sees it, report-deadline warnings and date words."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import scheduling
from ...dates import long_date, short_date
from ...deadlines import WorkingCalendar, deadlines_for
from ...models import Meeting, MeetingStatus, ProgrammeEntry, Topic, TopicKind, TopicStatus
from ...settings import CouncilSettings, load_settings
from ...values import EntryInfo
from ...years import start_month, year_bounds
from ..convert import agreed_scores

UNSCHEDULED = (TopicStatus.TO_BE_SCHEDULED, TopicStatus.ACCEPTED)
# A meeting in one of these will not take place (again): nothing more goes on its agenda.
NOT_TO_BE_HELD = (MeetingStatus.CANCELLED, MeetingStatus.HELD, MeetingStatus.ADJOURNED)


def still_to_hold(meeting: Meeting) -> bool:
    """The meeting is still to take place: not cancelled, held or adjourned."""
    return meeting.status not in NOT_TO_BE_HELD


# --- the municipal year -----------------------------------------------------------------------


def year_span(session: Session, year_start: int) -> tuple[dt.datetime, dt.datetime]:
    """The first moment of the municipal year beginning in ``year_start`` and of the next one,
    with the year starting in the council's month."""
    lo, hi = year_bounds(year_start, start_month(session))
    return dt.datetime.combine(lo, dt.time.min), dt.datetime.combine(hi, dt.time.min)


def year_meetings(session: Session, committee_id: int, year_start: int) -> list[Meeting]:
    lo, hi = year_span(session, year_start)
    return list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.committee_id == committee_id,
                Meeting.starts_at >= lo,
                Meeting.starts_at < hi,
            )
            .order_by(Meeting.starts_at, Meeting.id)
        )
    )


# --- agenda order -----------------------------------------------------------------------------


def entries_of(session: Session, meeting_id: int) -> list[ProgrammeEntry]:
    return list(
        session.scalars(
            select(ProgrammeEntry)
            .where(ProgrammeEntry.meeting_id == meeting_id)
            .order_by(ProgrammeEntry.position, ProgrammeEntry.id)
        )
    )


def renumber(entries: Sequence[ProgrammeEntry], start: int = 0) -> None:
    """Number an agenda 0, 1, 2, ... (or from ``start``) in the order given."""
    for i, e in enumerate(entries, start):
        if e.position != i:
            e.position = i


def insert(session: Session, entry: ProgrammeEntry, meeting_id: int, position: int | None) -> None:
    """Put ``entry`` on ``meeting_id`` at ``position`` (end when None) and renumber."""
    others = [e for e in entries_of(session, meeting_id) if e.id != entry.id]
    pos = len(others) if position is None else max(0, min(position, len(others)))
    others.insert(pos, entry)
    entry.meeting_id = meeting_id
    renumber(others)


# --- topic status -----------------------------------------------------------------------------


def after_removal(session: Session, topic: Topic) -> None:
    """A topic with no meeting left goes back to the to-be-scheduled list."""
    session.flush()
    left = session.scalar(
        select(ProgrammeEntry.id).where(ProgrammeEntry.topic_id == topic.id).limit(1)
    )
    if left is None and topic.status == TopicStatus.SCHEDULED and topic.kind != TopicKind.STANDING:
        topic.status = TopicStatus.TO_BE_SCHEDULED


def scheduled_status(status: TopicStatus) -> TopicStatus:
    """A topic's status once it is booked onto a meeting."""
    if status in UNSCHEDULED or status in (TopicStatus.PROPOSED, TopicStatus.DONE):
        return TopicStatus.SCHEDULED
    return status


def mark_scheduled(topic: Topic) -> None:
    status = scheduled_status(topic.status)
    if topic.status != status:
        topic.status = status


def history(existing: str, line: str) -> str:
    return f"{existing.rstrip()}\n{line}" if existing.strip() else line


# --- values for the GUI -----------------------------------------------------------------------


def entry_info(e: ProgrammeEntry, t: Topic, score: tuple[int, str | None] | None) -> EntryInfo:
    return EntryInfo(
        id=e.id,
        version=e.version,
        meeting_id=e.meeting_id,
        topic_id=t.id,
        position=e.position,
        title=t.title,
        purpose=e.purpose,
        reason=e.purpose if e.purpose is not None else t.reason,
        responsible=t.responsible,
        score=score[0] if score else None,
        band=score[1] if score else None,
        to_follow=e.to_follow,
        verbal_update=e.verbal_update,
        pinned=e.pinned,
        provisional=e.provisional,
        exempt=t.exempt,
        exempt_paragraph=t.exempt_paragraph,
        kind=t.kind.value,
        note=e.note,
    )


def entry_value(session: Session, entry: ProgrammeEntry) -> EntryInfo:
    topic = entry.topic
    return entry_info(entry, topic, agreed_scores(session, [topic.id]).get(topic.id))


# --- deadlines --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _calendar(extra_closures: frozenset[dt.date]) -> WorkingCalendar:
    # A calendar caches its bank holidays, which take milliseconds to work out per year.
    return WorkingCalendar(extra_closures=extra_closures)


def calendar_and_settings(session: Session) -> tuple[WorkingCalendar, CouncilSettings]:
    settings = load_settings(session)
    return _calendar(frozenset(settings.extra_closures)), settings


def booking_caution_for(session: Session, meeting: Meeting, today: dt.date) -> str | None:
    """Why booking onto ``meeting`` deserves a second thought, in one sentence: it has
    already taken place, or its reports were due before ``today``. None when neither."""
    day = meeting.starts_at.date()
    status = scheduling.shown_status(meeting.status.value, day, today)
    if status in scheduling.HAPPENED:
        return f"The meeting of {long_date(day)} has already taken place."
    cal, s = calendar_and_settings(session)
    d = deadlines_for(day, cal, clear_days=s.clear_days, report_days=s.report_days)
    if today <= d.report_deadline:
        return None
    return (
        f"Reports for the meeting of {long_date(day)} were due on "
        f"{long_date(d.report_deadline)}; its agenda is published by {long_date(d.publication)}."
    )


def deadline_warnings(
    session: Session, meeting: Meeting, titles: Sequence[str], today: dt.date
) -> tuple[str, ...]:
    """What to say about titles just booked onto ``meeting``: one line for a meeting that has
    already taken place (an old programme imported, a booking the user confirmed), else one
    per title booked after its report deadline."""
    if not titles:
        return ()
    day = meeting.starts_at.date()
    if scheduling.shown_status(meeting.status.value, day, today) in scheduling.HAPPENED:
        what = f"'{titles[0]}' is" if len(titles) == 1 else f"{len(titles)} items are"
        return (f"{what} booked onto the meeting of {short_date(day)}, which has already taken place.",)
    cal, s = calendar_and_settings(session)
    d = deadlines_for(day, cal, clear_days=s.clear_days, report_days=s.report_days)
    if today <= d.report_deadline:
        return ()
    return tuple(
        f"'{title}' is booked for {short_date(day)} after its report deadline of "
        f"{short_date(d.report_deadline)}; the agenda is published by "
        f"{short_date(d.publication)}."
        for title in titles
    )


def next_meeting_after(session: Session, meeting: Meeting, today: dt.date) -> Meeting | None:
    """The committee's first meeting after ``meeting`` that is still to take place."""
    return session.scalars(
        select(Meeting)
        .where(
            Meeting.committee_id == meeting.committee_id,
            Meeting.starts_at > meeting.starts_at,
            Meeting.starts_at >= dt.datetime.combine(today, dt.time.min),
            Meeting.status.not_in(NOT_TO_BE_HELD),
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    ).first()
