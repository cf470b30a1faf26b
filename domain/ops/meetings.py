"""Meetings of a committee: add, move, cancel."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import Invalid
from ..models import Committee, Meeting, MeetingStatus, ProgrammeEntry
from ..values import MeetingInfo
from ..years import municipal_year_of
from .convert import get, meeting_info


def _year_bounds(year_start: int) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime(year_start, 5, 1), dt.datetime(year_start + 1, 5, 1)


def list_meetings(
    session: Session, *, committee_id: int, year_start: int | None = None
) -> list[MeetingInfo]:
    counts = (
        select(ProgrammeEntry.meeting_id, func.count().label("n"))
        .group_by(ProgrammeEntry.meeting_id)
        .subquery()
    )
    q = (
        select(Meeting, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.meeting_id == Meeting.id)
        .where(Meeting.committee_id == committee_id)
    )
    if year_start is not None:
        lo, hi = _year_bounds(year_start)
        q = q.where(Meeting.starts_at >= lo, Meeting.starts_at < hi)
    return [meeting_info(m, n) for m, n in session.execute(q.order_by(Meeting.starts_at))]


def add_meeting(
    session: Session,
    *,
    committee_id: int,
    starts_at: dt.datetime,
    venue: str | None = None,
    capacity_items: int | None = None,
    meeting_id: int | None = None,
) -> MeetingInfo:
    committee = get(session, Committee, committee_id)
    clash = session.scalar(
        select(Meeting.id).where(
            Meeting.committee_id == committee_id,
            Meeting.starts_at == starts_at,
            Meeting.status != MeetingStatus.CANCELLED,
        )
    )
    if clash is not None:
        raise Invalid(
            f"The committee already meets at {starts_at:%H:%M} on {starts_at:%d %B %Y}.",
            "starts_at",
        )
    m = Meeting(
        id=meeting_id,
        committee_id=committee_id,
        starts_at=starts_at,
        venue=committee.default_venue if venue is None else venue.strip(),
        capacity_items=capacity_items,
    )
    session.add(m)
    session.flush()
    return meeting_info(m)


def move_meeting(
    session: Session,
    *,
    meeting_id: int,
    starts_at: dt.datetime,
    venue: str | None = None,
    expected_version: int | None = None,
) -> MeetingInfo:
    """Move a meeting to another date or time; its items go with it."""
    m = get(session, Meeting, meeting_id, expected_version)
    if m.status == MeetingStatus.CANCELLED:
        raise Invalid("A cancelled meeting cannot be moved; reinstate it first.", "starts_at")
    if m.starts_at != starts_at:
        if m.moved_from is None:
            m.moved_from = m.starts_at
        m.starts_at = starts_at
        m.status = MeetingStatus.SCHEDULED if starts_at == m.moved_from else MeetingStatus.MOVED
        if m.status == MeetingStatus.SCHEDULED:
            m.moved_from = None
    if venue is not None:
        m.venue = venue.strip()
    session.flush()
    return meeting_info(m, len(m.entries))


def set_meeting_status(session: Session, *, meeting_id: int, status: str) -> MeetingInfo:
    """Cancel, reinstate or mark a meeting held. Items on a cancelled meeting stay there
    (and are warned about) until the user says where they go."""
    m = get(session, Meeting, meeting_id)
    try:
        m.status = MeetingStatus(status)
    except ValueError:
        raise Invalid(f"'{status}' is not a meeting status.", "status") from None
    session.flush()
    return meeting_info(m, len(m.entries))


def update_meeting(
    session: Session,
    *,
    meeting_id: int,
    capacity_items: int | None = None,
    capacity_minutes: int | None = None,
    notes: str | None = None,
) -> MeetingInfo:
    m = get(session, Meeting, meeting_id)
    for value in (capacity_items, capacity_minutes):
        if value is not None and value < 0:
            raise Invalid("Capacity cannot be negative.", "capacity_items")
    m.capacity_items = capacity_items
    m.capacity_minutes = capacity_minutes
    if notes is not None:
        m.notes = notes
    session.flush()
    return meeting_info(m, len(m.entries))


def delete_meeting(session: Session, *, meeting_id: int) -> None:
    m = get(session, Meeting, meeting_id)
    if m.entries:
        raise Invalid(
            f"The meeting of {m.starts_at:%d %B %Y} has {len(m.entries)} items booked; "
            "move or unschedule them first, or cancel the meeting instead.",
        )
    session.delete(m)
    session.flush()


def meeting_year(m: MeetingInfo) -> int:
    return municipal_year_of(m.starts_at.date())
