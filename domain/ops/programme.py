"""The work programme of a committee-year: loading it, and booking topics onto meetings."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..errors import Invalid
from ..models import Meeting, ProgrammeEntry, Topic, TopicKind, TopicStatus
from ..values import EntryInfo, MeetingWithEntries, ProgrammeView, TopicRow
from .committees import is_approved
from .convert import agreed_scores, committee_info, get, meeting_info, topic_row
from .meetings import _year_bounds

UNSCHEDULED = (TopicStatus.TO_BE_SCHEDULED, TopicStatus.ACCEPTED)


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


def load_programme(session: Session, *, committee_id: int, year_start: int) -> ProgrammeView:
    """Everything the planner and the printed programme need, in a few queries."""
    from ..models import Committee

    committee = get(session, Committee, committee_id)
    lo, hi = _year_bounds(year_start)
    meetings = list(
        session.scalars(
            select(Meeting)
            .where(Meeting.committee_id == committee_id, Meeting.starts_at >= lo, Meeting.starts_at < hi)
            .options(selectinload(Meeting.entries).joinedload(ProgrammeEntry.topic))
            .order_by(Meeting.starts_at)
        )
    )
    year_topics = list(
        session.scalars(
            select(Topic)
            .where(Topic.committee_id == committee_id, Topic.year_start == year_start)
            .order_by(Topic.added_on, Topic.id)
        )
    )
    topic_ids = {t.id for t in year_topics}
    for m in meetings:
        topic_ids.update(e.topic_id for e in m.entries)
    scores = agreed_scores(session, topic_ids)

    groups = tuple(
        MeetingWithEntries(
            meeting_info(m, len(m.entries)),
            tuple(entry_info(e, e.topic, scores.get(e.topic_id)) for e in m.entries),
        )
        for m in meetings
    )
    waiting = tuple(
        topic_row(t, scores.get(t.id))
        for t in year_topics
        if t.status in UNSCHEDULED and t.kind != TopicKind.SELECT_REVIEW
    )
    reviews = tuple(
        topic_row(t, scores.get(t.id))
        for t in year_topics
        if t.kind == TopicKind.SELECT_REVIEW and t.status not in (TopicStatus.WITHDRAWN,)
    )
    return ProgrammeView(
        committee=committee_info(committee),
        year_start=year_start,
        approved=is_approved(session, committee_id=committee_id, year_start=year_start),
        meetings=groups,
        to_be_scheduled=waiting,
        reviews=reviews,
    )


def _renumber(meeting: Meeting) -> None:
    for i, e in enumerate(sorted(meeting.entries, key=lambda e: (e.position, e.id or 0))):
        if e.position != i:
            e.position = i


def book_topic(
    session: Session,
    *,
    topic_id: int,
    meeting_id: int,
    position: int | None = None,
    purpose: str | None = None,
    to_follow: bool = False,
    verbal_update: bool = False,
    pinned: bool = True,
    provisional: bool = False,
    entry_id: int | None = None,
) -> EntryInfo:
    """Book a topic onto a meeting at ``position`` (default: the end of the agenda)."""
    topic = get(session, Topic, topic_id)
    meeting = get(session, Meeting, meeting_id)
    if topic.committee_id != meeting.committee_id:
        raise Invalid("A topic can only be booked onto its own committee's meetings.")
    count = session.scalar(
        select(func.count()).select_from(ProgrammeEntry).where(ProgrammeEntry.meeting_id == meeting.id)
    ) or 0
    pos = count if position is None else max(0, min(position, count))
    for e in meeting.entries:
        if e.position >= pos:
            e.position += 1
    entry = ProgrammeEntry(
        id=entry_id,
        meeting_id=meeting.id,
        topic_id=topic.id,
        position=pos,
        purpose=purpose,
        to_follow=to_follow,
        verbal_update=verbal_update,
        pinned=pinned,
        provisional=provisional,
    )
    session.add(entry)
    if topic.status in UNSCHEDULED or topic.status == TopicStatus.PROPOSED:
        topic.status = TopicStatus.SCHEDULED
    session.flush()
    session.refresh(meeting)
    _renumber(meeting)
    session.flush()
    return entry_info(entry, topic, agreed_scores(session, [topic.id]).get(topic.id))


def unschedule(session: Session, *, entry_id: int) -> EntryInfo:
    """Take an entry off its meeting; a topic left with no meeting goes back to the list."""
    entry = get(session, ProgrammeEntry, entry_id)
    topic = entry.topic
    meeting = entry.meeting
    info = entry_info(entry, topic, None)
    session.delete(entry)
    session.flush()
    session.refresh(meeting)
    _renumber(meeting)
    remaining = session.scalar(
        select(func.count()).select_from(ProgrammeEntry).where(ProgrammeEntry.topic_id == topic.id)
    )
    if not remaining and topic.status == TopicStatus.SCHEDULED:
        topic.status = TopicStatus.TO_BE_SCHEDULED
    session.flush()
    return info


def list_unscheduled(session: Session, *, committee_id: int, year_start: int) -> list[TopicRow]:
    topics = list(
        session.scalars(
            select(Topic).where(
                Topic.committee_id == committee_id,
                Topic.year_start == year_start,
                Topic.status.in_(UNSCHEDULED),
            )
        )
    )
    scores = agreed_scores(session, (t.id for t in topics))
    return [topic_row(t, scores.get(t.id)) for t in topics]
