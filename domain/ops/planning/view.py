"""What the planner and the printed programme show: the year's programme, each meeting's
deadlines and load, and what is wrong with it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import literal, select
from sqlalchemy.orm import Session, selectinload

from ... import scheduling
from ...models import Committee, Meeting, ProgrammeEntry, Topic, TopicKind, TopicStatus
from ...values import MeetingInfo, MeetingWithEntries, ProgrammeView
from ...words import counted
from ..committees import is_approved
from ..convert import agreed_scores, committee_info, get, meeting_info, topic_row
from .common import UNSCHEDULED, calendar_and_settings, entry_info, year_meetings, year_span
from .loads import MeetingDeadline, MeetingLoad, meeting_deadlines, meeting_loads, slots


def load_programme(session: Session, *, committee_id: int, year_start: int) -> ProgrammeView:
    """Everything the planner and the printed programme need, in a few queries."""
    committee = get(session, Committee, committee_id)
    lo, hi = year_span(session, year_start)
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


# --- 8. warnings ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProgrammeWarning:
    kind: str  # a scheduling.ConflictKind value
    meeting_id: int
    topic_ids: tuple[int, ...]
    message: str


def programme_warnings(
    session: Session, *, committee_id: int, year_start: int, today: dt.date, words: bool = True
) -> list[ProgrammeWarning]:
    """What is wrong with the year's programme, in meeting order, in plain words: meetings
    over capacity, reports still to follow after their deadline, items after their needed-by
    date, an officer with too many items at one meeting, items on a cancelled meeting, and
    the same topic twice on one agenda.

    ``words=False`` reads no item's title or officer (for a public print that needs only the
    kinds of warning: an exempt item's words are then never even loaded); the messages then
    name no item, and officers' loads are not checked."""
    committee = get(session, Committee, committee_id)
    _cal, s = calendar_and_settings(session)
    meetings = year_meetings(session, committee_id, year_start)
    meeting_slots = slots(session, committee, meetings)
    mids = [m.id for m in meetings]
    rows = (
        session.execute(
            select(
                ProgrammeEntry.id,
                ProgrammeEntry.topic_id,
                ProgrammeEntry.meeting_id,
                ProgrammeEntry.to_follow,
                Topic.title if words else literal(""),
                Topic.estimated_minutes,
                Topic.needed_by,
                Topic.responsible if words else literal(""),
            )
            .join(Topic, Topic.id == ProgrammeEntry.topic_id)
            .where(ProgrammeEntry.meeting_id.in_(mids))
        ).all()
        if mids
        else []
    )
    items = [
        scheduling.BookedItem(
            entry_id=eid,
            topic_id=tid,
            meeting_id=mid,
            title=title,
            minutes=minutes,
            needed_by=needed_by,
            responsible=responsible,
            to_follow=to_follow,
        )
        for eid, tid, mid, to_follow, title, minutes, needed_by, responsible in rows
    ]
    found = scheduling.conflicts(
        meeting_slots,
        items,
        today=today,
        max_items_per_officer=s.max_items_per_officer,
        default_minutes=committee.minutes_per_item,
    )
    return [ProgrammeWarning(c.kind.value, c.meeting_id, c.topic_ids, c.message) for c in found]


# --- everything the planner shows -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannerData:
    """The programme with each meeting's deadlines, load and warnings. The headings, the
    warnings list and its all-clear line are all worded here, from the same warnings, so they
    never disagree."""

    programme: ProgrammeView
    deadlines: dict[int, MeetingDeadline]  # by meeting id
    loads: dict[int, MeetingLoad]  # by meeting id
    warnings: tuple[ProgrammeWarning, ...]
    today: dt.date

    def status_of(self, meeting: MeetingInfo) -> str:
        """The meeting's status as shown: a past meeting nobody marked is held."""
        return scheduling.shown_status(meeting.status, meeting.starts_at.date(), self.today)

    def load_text(self, meeting: MeetingInfo) -> str:
        """'5 of 6 items'; '7 of 6 items (1 too many)' only when the warnings say the meeting
        is over capacity; '7 items' at a meeting that has taken place, whose capacity is
        history."""
        load = self.loads.get(meeting.id)
        if load is None:
            return ""
        if self.status_of(meeting) in scheduling.HAPPENED:
            return counted(load.items, "item")
        text = load.text
        if self.over_capacity(meeting):
            extra = []
            if load.capacity_items is not None and load.items > load.capacity_items:
                extra.append(f"{load.items - load.capacity_items} too many")
            if load.capacity_minutes is not None and load.minutes > load.capacity_minutes:
                extra.append(f"{load.minutes - load.capacity_minutes} minutes over")
            text += f" ({', '.join(extra)})"
        return text

    def over_capacity(self, meeting: MeetingInfo) -> bool:
        """The warnings say the meeting has more than it can take (never one that has taken
        place: its capacity is history)."""
        if self.status_of(meeting) in scheduling.HAPPENED:
            return False
        return any(w.meeting_id == meeting.id and w.kind == OVER_CAPACITY for w in self.warnings)

    @property
    def all_clear(self) -> str:
        """The warnings list's line when it has none, saying what was checked."""
        meetings = [g.meeting for g in self.programme.meetings]
        if not meetings:
            return "No warnings: there are no meetings in this year yet."
        to_come = [
            m for m in meetings if self.status_of(m) not in (*scheduling.HAPPENED, "cancelled")
        ]
        if not to_come:
            return "No warnings: every meeting of this year has taken place or is cancelled."
        return (
            "No warnings: every meeting still to come has room, and every report booked for "
            "one is on time."
        )


OVER_CAPACITY = scheduling.ConflictKind.OVER_CAPACITY.value


def planner_data(
    session: Session, *, committee_id: int, year_start: int, today: dt.date
) -> PlannerData:
    """The programme with each meeting's deadlines, load and warnings, in one transaction."""
    return PlannerData(
        programme=load_programme(session, committee_id=committee_id, year_start=year_start),
        deadlines={
            d.meeting_id: d
            for d in meeting_deadlines(session, committee_id=committee_id, year_start=year_start)
        },
        loads={
            ld.meeting_id: ld
            for ld in meeting_loads(session, committee_id=committee_id, year_start=year_start)
        },
        warnings=tuple(
            programme_warnings(
                session, committee_id=committee_id, year_start=year_start, today=today
            )
        ),
        today=today,
    )
