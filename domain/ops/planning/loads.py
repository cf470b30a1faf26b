"""What each meeting of the year can take: its deadlines and its load against capacity, and
the same as the scheduling rules' meeting slots."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import scheduling
from ...deadlines import deadlines_for
from ...models import Committee, Meeting, ProgrammeEntry, Topic
from ..convert import get
from .common import calendar_and_settings, year_meetings


@dataclass(frozen=True, slots=True)
class MeetingDeadline:
    meeting_id: int
    day: dt.date
    publication: dt.date
    report_deadline: dt.date


def meeting_deadlines(
    session: Session, *, committee_id: int, year_start: int
) -> list[MeetingDeadline]:
    """For each meeting of the year: when its agenda must be published and reports are due."""
    cal, s = calendar_and_settings(session)
    out = []
    for m in year_meetings(session, committee_id, year_start):
        d = deadlines_for(
            m.starts_at.date(), cal, clear_days=s.clear_days, report_days=s.report_days
        )
        out.append(MeetingDeadline(m.id, m.starts_at.date(), d.publication, d.report_deadline))
    return out




@dataclass(frozen=True, slots=True)
class MeetingLoad:
    meeting_id: int
    items: int
    minutes: int
    capacity_items: int | None  # None: no limit
    capacity_minutes: int | None

    @property
    def over(self) -> bool:
        return (self.capacity_items is not None and self.items > self.capacity_items) or (
            self.capacity_minutes is not None and self.minutes > self.capacity_minutes
        )

    @property
    def full(self) -> bool:
        return (self.capacity_items is not None and self.items >= self.capacity_items) or (
            self.capacity_minutes is not None and self.minutes >= self.capacity_minutes
        )

    @property
    def text(self) -> str:
        """'5 of 6 items', '95 of 120 minutes', or '3 items' with no limit."""
        parts = []
        noun = "item" if (self.capacity_items or self.items) == 1 else "items"
        if self.capacity_items is not None:
            parts.append(f"{self.items} of {self.capacity_items} {noun}")
        if self.capacity_minutes is not None:
            parts.append(f"{self.minutes} of {self.capacity_minutes} minutes")
        return ", ".join(parts) or f"{self.items} {noun}"


def meeting_loads_of(
    session: Session, committee: Committee, meetings: Sequence[Meeting]
) -> dict[int, MeetingLoad]:
    per_item = committee.minutes_per_item
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    ids = [m.id for m in meetings]
    if ids:
        rows = session.execute(
            select(ProgrammeEntry.meeting_id, Topic.estimated_minutes)
            .join(Topic, Topic.id == ProgrammeEntry.topic_id)
            .where(ProgrammeEntry.meeting_id.in_(ids))
        )
        for mid, minutes in rows:
            counts[mid][0] += 1
            counts[mid][1] += per_item if minutes is None else minutes
    return {
        m.id: MeetingLoad(
            m.id,
            counts[m.id][0],
            counts[m.id][1],
            m.capacity_items if m.capacity_items is not None else committee.capacity_items,
            m.capacity_minutes if m.capacity_minutes is not None else committee.capacity_minutes,
        )
        for m in meetings
    }


def meeting_loads(session: Session, *, committee_id: int, year_start: int) -> list[MeetingLoad]:
    """Items and minutes booked on each meeting of the year against its capacity (the
    meeting's own, else the committee's)."""
    committee = get(session, Committee, committee_id)
    meetings = year_meetings(session, committee_id, year_start)
    by_id = meeting_loads_of(session, committee, meetings)
    return [by_id[m.id] for m in meetings]


def slots(
    session: Session, committee: Committee, meetings: Sequence[Meeting]
) -> list[scheduling.MeetingSlot]:
    cal, s = calendar_and_settings(session)
    loads = meeting_loads_of(session, committee, meetings)
    out = []
    for m in meetings:
        d = deadlines_for(
            m.starts_at.date(), cal, clear_days=s.clear_days, report_days=s.report_days
        )
        load = loads[m.id]
        out.append(
            scheduling.MeetingSlot(
                id=m.id,
                day=m.starts_at.date(),
                status=m.status.value,
                capacity_items=load.capacity_items,
                capacity_minutes=load.capacity_minutes,
                report_deadline=d.report_deadline,
            )
        )
    return out


