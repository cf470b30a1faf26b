"""Changing booked items: moving and reordering them, taking them off a meeting, flags,
deferring and bringing back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.orm import Session

from ...dates import short_date
from ...errors import Invalid
from ...models import (
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    StandingExclusion,
    Topic,
    TopicKind,
    TopicStatus,
)
from ...values import EntryInfo, MeetingInfo
from ..convert import check_versions, get, meeting_info
from .booking import book, resolve_placement
from .common import (
    after_removal,
    deadline_warnings,
    entries_of,
    entry_value,
    history,
    insert,
    next_meeting_after,
    renumber,
)
from .snapshots import Undoable, capture_state


@dataclass(frozen=True, slots=True)
class Moved(Undoable):
    entry: EntryInfo | None  # None when the entry went back to the list
    warnings: tuple[str, ...]


def move_entry(
    session: Session,
    *,
    entry_id: int,
    meeting_id: int | None,
    position: int | None = None,
    today: dt.date | None = None,
    expected_version: int | None = None,
    expected_entries: Mapping[int, int] | None = None,
) -> Moved:
    """Move an entry to ``position`` on ``meeting_id`` (the same meeting reorders it), or
    back to the to-be-scheduled list when ``meeting_id`` is None. A standing item taken off
    a meeting stays off it when standing items are placed again.

    ``expected_entries`` (id -> version) are entries the user moves together with this one,
    as read before the first of them moved."""
    check_versions(session, ProgrammeEntry, expected_entries)
    entry = get(session, ProgrammeEntry, entry_id, expected_version)
    topic = entry.topic
    source = entry.meeting_id
    target: Meeting | None = None
    if meeting_id is not None:
        target = get(session, Meeting, meeting_id)
        if target.committee_id != topic.committee_id:
            raise Invalid("A topic can only be booked onto its own committee's meetings.")
        if target.status == MeetingStatus.CANCELLED and target.id != source:
            raise Invalid(
                f"The meeting of {short_date(target.starts_at.date())} is cancelled; choose another."
            )
        if topic.kind == TopicKind.STANDING and target.id != source:
            raise Invalid(
                f"'{topic.title}' is a standing item and is on every meeting; reorder it within "
                "its meeting, or unschedule it from this one."
            )
    mids = [source] + ([target.id] if target is not None and target.id != source else [])
    before = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
    warnings: tuple[str, ...] = ()
    if target is None:
        if topic.kind == TopicKind.STANDING:
            session.add(StandingExclusion(meeting_id=source, topic_id=topic.id))
        session.delete(entry)
        session.flush()
        renumber(entries_of(session, source))
        after_removal(session, topic)
        session.flush()
        after = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
        return Moved(before, after, None, ())
    if target.id != source:
        # Hand-moved entries are the user's choice, which a suggestion must not undo.
        entry.pinned = True
    insert(session, entry, target.id, position)
    session.flush()
    if target.id != source:
        renumber(entries_of(session, source))
        warnings = deadline_warnings(session, target, [topic.title], today or dt.date.today())
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
    return Moved(before, after, entry_value(session, entry), warnings)


@dataclass(frozen=True, slots=True)
class FlagsSet(Undoable):
    entry: EntryInfo


def set_entry_flags(
    session: Session,
    *,
    entry_id: int,
    to_follow: bool | None = None,
    verbal_update: bool | None = None,
    expected_version: int | None = None,
) -> FlagsSet:
    """Mark an item "to follow" (report not yet ready) or a verbal update, or clear either."""
    entry = get(session, ProgrammeEntry, entry_id, expected_version)
    before = capture_state(session, meeting_ids=[entry.meeting_id])
    if to_follow is not None:
        entry.to_follow = bool(to_follow)
    if verbal_update is not None:
        entry.verbal_update = bool(verbal_update)
    session.flush()
    after = capture_state(session, meeting_ids=[entry.meeting_id])
    return FlagsSet(before, after, entry_value(session, entry))


# --- 6. defer and bring back ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Deferred(Undoable):
    entry: EntryInfo | None  # None when the item went back to the list
    to_meeting: MeetingInfo | None
    warnings: tuple[str, ...]


def defer_entry(
    session: Session,
    *,
    entry_id: int,
    reason: str,
    to: Literal["next", "list"] = "next",
    today: dt.date | None = None,
    expected_version: int | None = None,
) -> Deferred:
    """Defer an item to the committee's next meeting that will take place, or back to the
    list, recording why on the topic and a dated line in its history."""
    reason = " ".join(reason.split())
    if not reason:
        raise Invalid("Say why the item is deferred; the reason is kept with it.", "reason")
    if to not in ("next", "list"):
        raise Invalid("Defer to the next meeting or to the list.", "to")
    entry = get(session, ProgrammeEntry, entry_id, expected_version)
    topic = entry.topic
    source = entry.meeting
    today = today or dt.date.today()
    target: Meeting | None = None
    if to == "next":
        target = next_meeting_after(session, source, today)
        if target is None:
            raise Invalid(
                f"There is no meeting still to come after {short_date(source.starts_at.date())} to defer "
                f"'{topic.title}' to. Add a meeting, or defer it to the items to be scheduled."
            )
    mids = [source.id] + ([target.id] if target is not None else [])
    before = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
    where = f"to {short_date(target.starts_at.date())}" if target is not None else "to be scheduled"
    line = (
        f"Deferred from {short_date(source.starts_at.date())} {where} on {short_date(today)}: {reason}"
    )
    topic.status_reason = history(topic.status_reason, line)
    warnings: tuple[str, ...] = ()
    if target is None:
        session.delete(entry)
        session.flush()
        renumber(entries_of(session, source.id))
        after_removal(session, topic)
        result_entry = None
    else:
        entry.note = history(entry.note, line)
        entry.pinned = True
        insert(session, entry, target.id, None)
        session.flush()
        renumber(entries_of(session, source.id))
        warnings = deadline_warnings(session, target, [topic.title], today)
        result_entry = entry
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
    return Deferred(
        before,
        after,
        entry_value(session, result_entry) if result_entry is not None else None,
        meeting_info(target, len(entries_of(session, target.id))) if target else None,
        warnings,
    )


@dataclass(frozen=True, slots=True)
class BroughtBack(Undoable):
    entry: EntryInfo | None  # None: no meeting yet, the topic waits in the list
    needed_by: dt.date | None
    message: str


def bring_back(
    session: Session, *, topic_id: int, months: int, from_date: dt.date,
    expected_entries: Mapping[int, int] | None = None,
) -> BroughtBack:
    """Book a provisional follow-up ("a progress report in 6 months' time") on the first
    meeting in or after the month ``months`` on from ``from_date``; with no such meeting the
    topic waits in the list, needed by that date. ``expected_entries`` (id -> version) is the
    entry the user brings back, as read."""  # fmt: skip
    check_versions(session, ProgrammeEntry, expected_entries)
    topic = get(session, Topic, topic_id)
    meeting, needed_by, why = resolve_placement(
        session,
        committee_id=topic.committee_id,
        meeting_id=None,
        in_months=months,
        from_date=from_date,
    )
    mids = [meeting.id] if meeting is not None else []
    before = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
    if meeting is None:
        topic.needed_by = needed_by
        topic.status = TopicStatus.TO_BE_SCHEDULED
        session.flush()
        after = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
        assert needed_by is not None
        message = (
            f"'{topic.title}' waits in the items to be scheduled, needed by "
            f"{short_date(needed_by)}: {why}."
        )
        return BroughtBack(before, after, None, needed_by, message)
    booked = book(session, topic_id=topic.id, meeting_id=meeting.id, provisional=True)
    message = f"'{topic.title}' comes back on {short_date(meeting.starts_at.date())} (provisional)."
    return BroughtBack(booked.before, booked.after, booked.entry, None, message)
