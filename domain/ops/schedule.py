"""Planning a committee-year: meeting calendars, deadlines, capacity, standing items, moves,
deferrals, suggested schedules and the warnings a planner shows.

Every operation that changes the programme returns a ``before`` and an ``after``
:class:`ProgrammeState`: the rows it touched (meetings, their entries, the topics on them and
the standing-item exclusions), captured in full. Undo restores ``before`` and redo restores
``after`` with :func:`restore_state`, so ids stay the same through undo and redo and a later
command that names an entry made by an earlier one still finds it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import scheduling
from ..deadlines import WorkingCalendar, deadlines_for, municipal_year_of
from ..errors import Invalid
from ..models import (
    Band,
    Committee,
    CriteriaSet,
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    StandingExclusion,
    Topic,
    TopicKind,
    TopicStatus,
)
from ..settings import CouncilSettings, load_settings
from ..values import EntryInfo, MeetingInfo, ProgrammeView
from .convert import agreed_scores, get, meeting_info
from .decisions import resolve_placement
from .meetings import _year_bounds
from .programme import UNSCHEDULED, entry_info

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")
# A standing item stays on the programme only while the committee still takes it.
_LIVE_STANDING = (TopicStatus.ACCEPTED, TopicStatus.SCHEDULED, TopicStatus.TO_BE_SCHEDULED)


def day_text(d: dt.date) -> str:
    """'11 Sept 2019', as the council abbreviates dates, whatever the computer's locale."""
    return f"{d.day} {_MONTH_ABBR[d.month - 1]} {d.year}"


# --- snapshots for undo ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingState:
    id: int
    committee_id: int
    starts_at: dt.datetime
    venue: str
    status: str
    moved_from: dt.datetime | None
    capacity_items: int | None
    capacity_minutes: int | None
    notes: str


@dataclass(frozen=True, slots=True)
class EntryState:
    id: int
    meeting_id: int
    topic_id: int
    position: int
    purpose: str | None
    to_follow: bool
    verbal_update: bool
    pinned: bool
    provisional: bool
    note: str


@dataclass(frozen=True, slots=True)
class TopicState:
    id: int
    status: str
    status_reason: str
    needed_by: dt.date | None


@dataclass(frozen=True, slots=True)
class ProgrammeState:
    """Some meetings with everything on them, and some topics' scheduling fields.

    A meeting id in ``meeting_ids`` with no row in ``meetings`` did not exist.
    """

    meeting_ids: tuple[int, ...]
    meetings: tuple[MeetingState, ...]
    entries: tuple[EntryState, ...]
    topics: tuple[TopicState, ...]
    exclusions: tuple[tuple[int, int], ...]  # (meeting id, topic id)


def capture_state(
    session: Session, *, meeting_ids: Iterable[int], topic_ids: Iterable[int] = ()
) -> ProgrammeState:
    """The current rows of these meetings, and of these topics plus every topic on them."""
    session.flush()
    mids = tuple(sorted(set(meeting_ids)))
    meetings = list(session.scalars(select(Meeting).where(Meeting.id.in_(mids)))) if mids else []
    entries = (
        list(session.scalars(select(ProgrammeEntry).where(ProgrammeEntry.meeting_id.in_(mids))))
        if mids
        else []
    )
    tids = set(topic_ids) | {e.topic_id for e in entries}
    topics = list(session.scalars(select(Topic).where(Topic.id.in_(tids)))) if tids else []
    exclusions = (
        session.execute(
            select(StandingExclusion.meeting_id, StandingExclusion.topic_id).where(
                StandingExclusion.meeting_id.in_(mids)
            )
        ).all()
        if mids
        else []
    )
    return ProgrammeState(
        meeting_ids=mids,
        meetings=tuple(
            MeetingState(
                m.id,
                m.committee_id,
                m.starts_at,
                m.venue,
                m.status.value,
                m.moved_from,
                m.capacity_items,
                m.capacity_minutes,
                m.notes,
            )
            for m in sorted(meetings, key=lambda m: m.id)
        ),
        entries=tuple(
            EntryState(
                e.id,
                e.meeting_id,
                e.topic_id,
                e.position,
                e.purpose,
                e.to_follow,
                e.verbal_update,
                e.pinned,
                e.provisional,
                e.note,
            )
            for e in sorted(entries, key=lambda e: e.id)
        ),
        topics=tuple(
            TopicState(t.id, t.status.value, t.status_reason, t.needed_by)
            for t in sorted(topics, key=lambda t: t.id)
        ),
        exclusions=tuple(sorted((int(a), int(b)) for a, b in exclusions)),
    )


def restore_state(session: Session, *, state: ProgrammeState) -> None:
    """Put the captured meetings, entries, topics and exclusions back exactly as they were."""
    mids = set(state.meeting_ids)
    wanted_entries = {e.id: e for e in state.entries}
    current = (
        list(
            session.scalars(
                select(ProgrammeEntry).where(
                    ProgrammeEntry.meeting_id.in_(mids) | ProgrammeEntry.id.in_(wanted_entries)
                )
            )
        )
        if mids or wanted_entries
        else []
    )
    by_id = {e.id: e for e in current}
    for e in current:
        if e.id not in wanted_entries:
            session.delete(e)
    # Positions are unique only by convention, but a moved entry must not pass through a
    # meeting that no longer exists, so meetings come back before entries.
    session.flush()
    for ms in state.meetings:
        m = session.get(Meeting, ms.id)
        if m is None:
            m = Meeting(id=ms.id, committee_id=ms.committee_id, starts_at=ms.starts_at)
            session.add(m)
        m.starts_at = ms.starts_at
        m.venue = ms.venue
        m.status = MeetingStatus(ms.status)
        m.moved_from = ms.moved_from
        m.capacity_items = ms.capacity_items
        m.capacity_minutes = ms.capacity_minutes
        m.notes = ms.notes
    session.flush()
    for es in state.entries:
        e = by_id.get(es.id)
        if e is None:
            e = ProgrammeEntry(id=es.id, meeting_id=es.meeting_id, topic_id=es.topic_id)
            session.add(e)
        e.meeting_id = es.meeting_id
        e.topic_id = es.topic_id
        e.position = es.position
        e.purpose = es.purpose
        e.to_follow = es.to_follow
        e.verbal_update = es.verbal_update
        e.pinned = es.pinned
        e.provisional = es.provisional
        e.note = es.note
    for ts in state.topics:
        t = session.get(Topic, ts.id)
        if t is None:
            continue  # deleted since; nothing to put back on it
        t.status = TopicStatus(ts.status)
        t.status_reason = ts.status_reason
        t.needed_by = ts.needed_by
    if mids:
        session.execute(delete(StandingExclusion).where(StandingExclusion.meeting_id.in_(mids)))
    for meeting_id, topic_id in state.exclusions:
        session.add(StandingExclusion(meeting_id=meeting_id, topic_id=topic_id))
    session.flush()
    existing = {ms.id for ms in state.meetings}
    for mid in mids - existing:
        m = session.get(Meeting, mid)
        if m is not None:
            session.delete(m)
    session.flush()
    session.expire_all()


@dataclass(frozen=True, slots=True)
class Undoable:
    """What a change did, for undo (``before``) and redo (``after``)."""

    before: ProgrammeState
    after: ProgrammeState


# --- helpers ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _calendar(extra_closures: frozenset[dt.date]) -> WorkingCalendar:
    # A calendar caches its bank holidays, which take milliseconds to work out per year.
    return WorkingCalendar(extra_closures=extra_closures)


def _calendar_and_settings(session: Session) -> tuple[WorkingCalendar, CouncilSettings]:
    settings = load_settings(session)
    return _calendar(frozenset(settings.extra_closures)), settings


def _year_meetings(session: Session, committee_id: int, year_start: int) -> list[Meeting]:
    lo, hi = _year_bounds(year_start)
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


def _entries_of(session: Session, meeting_id: int) -> list[ProgrammeEntry]:
    return list(
        session.scalars(
            select(ProgrammeEntry)
            .where(ProgrammeEntry.meeting_id == meeting_id)
            .order_by(ProgrammeEntry.position, ProgrammeEntry.id)
        )
    )


def _renumber(entries: Sequence[ProgrammeEntry]) -> None:
    for i, e in enumerate(entries):
        if e.position != i:
            e.position = i


def _insert(session: Session, entry: ProgrammeEntry, meeting_id: int, position: int | None) -> None:
    """Put ``entry`` on ``meeting_id`` at ``position`` (end when None) and renumber."""
    others = [e for e in _entries_of(session, meeting_id) if e.id != entry.id]
    pos = len(others) if position is None else max(0, min(position, len(others)))
    others.insert(pos, entry)
    entry.meeting_id = meeting_id
    _renumber(others)


def _after_removal(session: Session, topic: Topic) -> None:
    """A topic with no meeting left goes back to the to-be-scheduled list."""
    session.flush()
    left = session.scalar(
        select(ProgrammeEntry.id).where(ProgrammeEntry.topic_id == topic.id).limit(1)
    )
    if left is None and topic.status == TopicStatus.SCHEDULED and topic.kind != TopicKind.STANDING:
        topic.status = TopicStatus.TO_BE_SCHEDULED


def _mark_scheduled(topic: Topic) -> None:
    if topic.status in UNSCHEDULED or topic.status in (TopicStatus.PROPOSED, TopicStatus.DONE):
        topic.status = TopicStatus.SCHEDULED


def _entry_value(session: Session, entry: ProgrammeEntry) -> EntryInfo:
    topic = entry.topic
    return entry_info(entry, topic, agreed_scores(session, [topic.id]).get(topic.id))


def _deadline_warning(session: Session, meeting: Meeting, title: str, today: dt.date) -> str | None:
    cal, s = _calendar_and_settings(session)
    day = meeting.starts_at.date()
    if day < today:
        return None  # history: a past meeting's deadline is not news
    d = deadlines_for(day, cal, clear_days=s.clear_days, report_days=s.report_days)
    if today > d.report_deadline:
        return (
            f"'{title}' is booked for {day_text(day)} after its report deadline of "
            f"{day_text(d.report_deadline)}; the agenda is published by "
            f"{day_text(d.publication)}."
        )
    return None


# --- 1. the meeting calendar -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingsCreated(Undoable):
    created: tuple[MeetingInfo, ...]
    skipped: tuple[dt.date, ...]  # a meeting is already on that day
    standing_entry_ids: tuple[int, ...]


def create_meetings(
    session: Session,
    *,
    committee_id: int,
    dates: Sequence[dt.date],
    time: dt.time | None = None,
    venue: str | None = None,
) -> MeetingsCreated:
    """Add a meeting on each date (from ``meetings_from_pattern`` or ``parse_date_list``),
    skipping days the committee already meets, and put the standing items on each."""
    committee = get(session, Committee, committee_id)
    if not dates:
        raise Invalid("Give at least one meeting date.", "dates")
    at = time or committee.default_time or dt.time(14, 0)
    where = committee.default_venue if venue is None else venue.strip()
    taken = {
        m.starts_at.date()
        for m in session.scalars(
            select(Meeting).where(
                Meeting.committee_id == committee_id, Meeting.status != MeetingStatus.CANCELLED
            )
        )
    }
    created: list[Meeting] = []
    skipped: list[dt.date] = []
    for day in sorted(set(dates)):
        if day in taken:
            skipped.append(day)
            continue
        m = Meeting(committee_id=committee_id, starts_at=dt.datetime.combine(day, at), venue=where)
        session.add(m)
        created.append(m)
    session.flush()
    years = sorted({municipal_year_of(m.starts_at.date()) for m in created})
    standing_ids = [t for y in years for t in _standing_topic_ids(session, committee_id, y)]
    topics_before = capture_state(session, meeting_ids=(), topic_ids=standing_ids).topics
    before = ProgrammeState(tuple(sorted(m.id for m in created)), (), (), topics_before, ())
    standing: list[int] = []
    for year in years:
        standing += _place_standing(session, committee_id, year, only={m.id for m in created})
    after = capture_state(session, meeting_ids=before.meeting_ids, topic_ids=standing_ids)
    return MeetingsCreated(
        before=before,
        after=after,
        created=tuple(meeting_info(m, 0) for m in created),
        skipped=tuple(skipped),
        standing_entry_ids=tuple(standing),
    )


@dataclass(frozen=True, slots=True)
class MeetingCancelled(Undoable):
    meeting: MeetingInfo
    moved_entry_ids: tuple[int, ...]
    unscheduled_topic_ids: tuple[int, ...]


def cancel_meeting(
    session: Session,
    *,
    meeting_id: int,
    move_items_to: int | Literal["list"] | None = None,
) -> MeetingCancelled:
    """Cancel a meeting. Its items go to another meeting (``move_items_to`` = its id, at the
    end of that agenda), back to the to-be-scheduled list (``"list"``), or stay on the
    cancelled meeting to be warned about (``None``). A standing item is not moved onto a
    meeting that already has it."""
    m = get(session, Meeting, meeting_id)
    if m.status == MeetingStatus.CANCELLED:
        raise Invalid(f"The meeting of {day_text(m.starts_at.date())} is already cancelled.")
    target: Meeting | None = None
    if isinstance(move_items_to, int) and not isinstance(move_items_to, bool):
        target = get(session, Meeting, move_items_to)
        if target.id == m.id or target.committee_id != m.committee_id:
            raise Invalid(
                "Choose another meeting of this committee for the items.", "move_items_to"
            )
        if target.status == MeetingStatus.CANCELLED:
            raise Invalid(
                f"The meeting of {day_text(target.starts_at.date())} is cancelled too; "
                "choose a meeting that will take place.",
                "move_items_to",
            )
    elif move_items_to not in (None, "list"):
        raise Invalid("Say where the items go: another meeting, or the list.", "move_items_to")
    mids = [m.id] + ([target.id] if target is not None else [])
    before = capture_state(session, meeting_ids=mids)
    entries = _entries_of(session, m.id)
    moved: list[int] = []
    unscheduled: list[int] = []
    if target is not None:
        on_target = {e.topic_id for e in _entries_of(session, target.id)}
        for e in entries:
            if e.topic.kind == TopicKind.STANDING and e.topic_id in on_target:
                session.delete(e)
                continue
            _insert(session, e, target.id, None)
            moved.append(e.id)
            session.flush()
    elif move_items_to == "list":
        for e in entries:
            topic = e.topic
            session.delete(e)
            _after_removal(session, topic)
            unscheduled.append(topic.id)
    m.status = MeetingStatus.CANCELLED
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=[ts.id for ts in before.topics])
    return MeetingCancelled(
        before=before,
        after=after,
        meeting=meeting_info(m, len(_entries_of(session, m.id))),
        moved_entry_ids=tuple(moved),
        unscheduled_topic_ids=tuple(unscheduled),
    )


# --- 2. deadlines -----------------------------------------------------------------------------


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
    cal, s = _calendar_and_settings(session)
    out = []
    for m in _year_meetings(session, committee_id, year_start):
        d = deadlines_for(
            m.starts_at.date(), cal, clear_days=s.clear_days, report_days=s.report_days
        )
        out.append(MeetingDeadline(m.id, m.starts_at.date(), d.publication, d.report_deadline))
    return out


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
) -> Booked:
    """Book a topic onto a meeting by hand (pinned). Past the meeting's report deadline the
    booking is made and a warning says so: the advisor may know the report is ready."""
    topic = get(session, Topic, topic_id)
    meeting = get(session, Meeting, meeting_id)
    if topic.committee_id != meeting.committee_id:
        raise Invalid("A topic can only be booked onto its own committee's meetings.")
    if meeting.status == MeetingStatus.CANCELLED:
        raise Invalid(
            f"The meeting of {day_text(meeting.starts_at.date())} is cancelled; choose another."
        )
    before = capture_state(session, meeting_ids=[meeting.id], topic_ids=[topic.id])
    entry = ProgrammeEntry(topic_id=topic.id, meeting_id=meeting.id, pinned=True)
    session.add(entry)
    _insert(session, entry, meeting.id, position)
    _mark_scheduled(topic)
    # Booking a standing item back by hand undoes its removal from that meeting.
    session.execute(
        delete(StandingExclusion).where(
            StandingExclusion.meeting_id == meeting.id, StandingExclusion.topic_id == topic.id
        )
    )
    session.flush()
    warning = _deadline_warning(session, meeting, topic.title, today or dt.date.today())
    after = capture_state(session, meeting_ids=[meeting.id], topic_ids=[topic.id])
    return Booked(before, after, _entry_value(session, entry), (warning,) if warning else ())


# --- 3. capacity ------------------------------------------------------------------------------


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


def _loads(
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
    meetings = _year_meetings(session, committee_id, year_start)
    loads = _loads(session, committee, meetings)
    return [loads[m.id] for m in meetings]


# --- 4. standing items ------------------------------------------------------------------------


def _standing_query(committee_id: int, year_start: int):  # noqa: ANN202 - a Select
    return (
        select(Topic)
        .where(
            Topic.committee_id == committee_id,
            Topic.year_start == year_start,
            Topic.kind == TopicKind.STANDING,
            Topic.status.in_(_LIVE_STANDING),
        )
        .order_by(Topic.id)
    )


def _standing_topic_ids(session: Session, committee_id: int, year_start: int) -> list[int]:
    return [t.id for t in session.scalars(_standing_query(committee_id, year_start))]


def _place_standing(
    session: Session, committee_id: int, year_start: int, only: set[int] | None = None
) -> list[int]:
    standing = list(session.scalars(_standing_query(committee_id, year_start)))
    if not standing:
        return []
    meetings = [
        m
        for m in _year_meetings(session, committee_id, year_start)
        if m.status not in (MeetingStatus.CANCELLED, MeetingStatus.HELD)
        and (only is None or m.id in only)
    ]
    if not meetings:
        return []
    mids = [m.id for m in meetings]
    present = set(
        session.execute(
            select(ProgrammeEntry.meeting_id, ProgrammeEntry.topic_id).where(
                ProgrammeEntry.meeting_id.in_(mids)
            )
        ).all()
    )
    excluded = set(
        session.execute(
            select(StandingExclusion.meeting_id, StandingExclusion.topic_id).where(
                StandingExclusion.meeting_id.in_(mids)
            )
        ).all()
    )
    added: list[ProgrammeEntry] = []
    for m in meetings:
        for t in standing:
            if (m.id, t.id) in present or (m.id, t.id) in excluded:
                continue
            e = ProgrammeEntry(topic_id=t.id, meeting_id=m.id, pinned=True)
            session.add(e)
            _insert(session, e, m.id, None)
            _mark_scheduled(t)
            session.flush()
            added.append(e)
    return [e.id for e in added]


@dataclass(frozen=True, slots=True)
class StandingPlaced(Undoable):
    entry_ids: tuple[int, ...]


def place_standing_items(session: Session, *, committee_id: int, year_start: int) -> StandingPlaced:
    """Put every standing item on every meeting of the year still to be held that lacks it,
    except where the user took it off. Running it twice adds nothing the second time."""
    get(session, Committee, committee_id)
    mids = [m.id for m in _year_meetings(session, committee_id, year_start)]
    standing_ids = _standing_topic_ids(session, committee_id, year_start)
    before = capture_state(session, meeting_ids=mids, topic_ids=standing_ids)
    added = _place_standing(session, committee_id, year_start)
    after = capture_state(session, meeting_ids=mids, topic_ids=[ts.id for ts in before.topics])
    if not added:
        return StandingPlaced(before=after, after=after, entry_ids=())
    return StandingPlaced(before=before, after=after, entry_ids=tuple(added))


# --- 5. moves and flags -----------------------------------------------------------------------


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
) -> Moved:
    """Move an entry to ``position`` on ``meeting_id`` (the same meeting reorders it), or
    back to the to-be-scheduled list when ``meeting_id`` is None. A standing item taken off
    a meeting stays off it when standing items are placed again."""
    entry = get(session, ProgrammeEntry, entry_id)
    topic = entry.topic
    source = entry.meeting_id
    target: Meeting | None = None
    if meeting_id is not None:
        target = get(session, Meeting, meeting_id)
        if target.committee_id != topic.committee_id:
            raise Invalid("A topic can only be booked onto its own committee's meetings.")
        if target.status == MeetingStatus.CANCELLED and target.id != source:
            raise Invalid(
                f"The meeting of {day_text(target.starts_at.date())} is cancelled; choose another."
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
        _renumber(_entries_of(session, source))
        _after_removal(session, topic)
        session.flush()
        after = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
        return Moved(before, after, None, ())
    if target.id != source:
        # Hand-moved entries are the user's choice, which a suggestion must not undo.
        entry.pinned = True
    _insert(session, entry, target.id, position)
    session.flush()
    if target.id != source:
        _renumber(_entries_of(session, source))
        warning = _deadline_warning(session, target, topic.title, today or dt.date.today())
        warnings = (warning,) if warning else ()
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
    return Moved(before, after, _entry_value(session, entry), warnings)


@dataclass(frozen=True, slots=True)
class FlagsSet(Undoable):
    entry: EntryInfo


def set_entry_flags(
    session: Session,
    *,
    entry_id: int,
    to_follow: bool | None = None,
    verbal_update: bool | None = None,
) -> FlagsSet:
    """Mark an item "to follow" (report not yet ready) or a verbal update, or clear either."""
    entry = get(session, ProgrammeEntry, entry_id)
    before = capture_state(session, meeting_ids=[entry.meeting_id])
    if to_follow is not None:
        entry.to_follow = bool(to_follow)
    if verbal_update is not None:
        entry.verbal_update = bool(verbal_update)
    session.flush()
    after = capture_state(session, meeting_ids=[entry.meeting_id])
    return FlagsSet(before, after, _entry_value(session, entry))


# --- 6. defer and bring back ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Deferred(Undoable):
    entry: EntryInfo | None  # None when the item went back to the list
    to_meeting: MeetingInfo | None
    warnings: tuple[str, ...]


def _history(existing: str, line: str) -> str:
    return f"{existing.rstrip()}\n{line}" if existing.strip() else line


def defer_entry(
    session: Session,
    *,
    entry_id: int,
    reason: str,
    to: Literal["next", "list"] = "next",
    today: dt.date | None = None,
) -> Deferred:
    """Defer an item to the committee's next meeting that will take place, or back to the
    list, recording why on the topic and a dated line in its history."""
    reason = " ".join(reason.split())
    if not reason:
        raise Invalid("Say why the item is deferred; the reason is kept with it.", "reason")
    if to not in ("next", "list"):
        raise Invalid("Defer to the next meeting or to the list.", "to")
    entry = get(session, ProgrammeEntry, entry_id)
    topic = entry.topic
    source = entry.meeting
    today = today or dt.date.today()
    target: Meeting | None = None
    if to == "next":
        target = session.scalars(
            select(Meeting)
            .where(
                Meeting.committee_id == source.committee_id,
                Meeting.starts_at > source.starts_at,
                Meeting.status.not_in((MeetingStatus.CANCELLED, MeetingStatus.HELD)),
            )
            .order_by(Meeting.starts_at)
            .limit(1)
        ).first()
        if target is None:
            raise Invalid(
                f"There is no meeting after {day_text(source.starts_at.date())} to defer "
                f"'{topic.title}' to. Add a meeting, or defer it to the items to be scheduled."
            )
    mids = [source.id] + ([target.id] if target is not None else [])
    before = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
    where = f"to {day_text(target.starts_at.date())}" if target is not None else "to be scheduled"
    line = (
        f"Deferred from {day_text(source.starts_at.date())} {where} on {day_text(today)}: {reason}"
    )
    topic.status_reason = _history(topic.status_reason, line)
    warnings: tuple[str, ...] = ()
    if target is None:
        session.delete(entry)
        session.flush()
        _renumber(_entries_of(session, source.id))
        _after_removal(session, topic)
        result_entry = None
    else:
        entry.note = _history(entry.note, line)
        entry.pinned = True
        _insert(session, entry, target.id, None)
        session.flush()
        _renumber(_entries_of(session, source.id))
        warning = _deadline_warning(session, target, topic.title, today)
        warnings = (warning,) if warning else ()
        result_entry = entry
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
    return Deferred(
        before,
        after,
        _entry_value(session, result_entry) if result_entry is not None else None,
        meeting_info(target, len(_entries_of(session, target.id))) if target else None,
        warnings,
    )


@dataclass(frozen=True, slots=True)
class BroughtBack(Undoable):
    entry: EntryInfo | None  # None: no meeting yet, the topic waits in the list
    needed_by: dt.date | None
    message: str


def bring_back(session: Session, *, topic_id: int, months: int, from_date: dt.date) -> BroughtBack:
    """Book a provisional follow-up ("a progress report in 6 months' time") on the first
    meeting in or after the month ``months`` on from ``from_date``; with no such meeting the
    topic waits in the list, needed by that date."""
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
            f"{day_text(needed_by)}: {why}."
        )
        return BroughtBack(before, after, None, needed_by, message)
    entry = ProgrammeEntry(topic_id=topic.id, meeting_id=meeting.id, pinned=True, provisional=True)
    session.add(entry)
    _insert(session, entry, meeting.id, None)
    _mark_scheduled(topic)
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=[topic.id])
    message = f"'{topic.title}' comes back on {day_text(meeting.starts_at.date())} (provisional)."
    return BroughtBack(before, after, _entry_value(session, entry), None, message)


# --- 7. suggested schedule --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SuggestedPlacement:
    topic_id: int
    title: str
    score: int | None
    band: str | None
    meeting_id: int
    meeting_day: dt.date
    reason: str
    entry_id: int | None  # an earlier entry to reuse
    unchanged: bool  # already there: accepting changes nothing


@dataclass(frozen=True, slots=True)
class UnplacedTopic:
    topic_id: int
    title: str
    reason: str


@dataclass(frozen=True, slots=True)
class ScheduleSuggestion:
    placements: tuple[SuggestedPlacement, ...]
    unplaced: tuple[UnplacedTopic, ...]
    released_entry_ids: tuple[int, ...]

    @property
    def changes(self) -> tuple[SuggestedPlacement, ...]:
        return tuple(p for p in self.placements if not p.unchanged)


def _band_ranks(session: Session, committee: Committee) -> dict[str, int]:
    """Band name -> rank (0 = the best band) of the committee's criteria set, else of any."""
    q = select(Band.name, Band.max_total, Band.criteria_set_id)
    if committee.criteria_set_id is not None:
        q = q.where(Band.criteria_set_id == committee.criteria_set_id)
    else:
        default = session.scalar(select(CriteriaSet.id).where(CriteriaSet.is_default.is_(True)))
        if default is not None:
            q = q.where(Band.criteria_set_id == default)
    ranks: dict[str, int] = {}
    for name, _max, _set in sorted(session.execute(q).all(), key=lambda r: -r[1]):
        ranks.setdefault(name, len(ranks))
    return ranks


def _slots(
    session: Session, committee: Committee, meetings: Sequence[Meeting]
) -> list[scheduling.MeetingSlot]:
    cal, s = _calendar_and_settings(session)
    loads = _loads(session, committee, meetings)
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


def suggest(
    session: Session, *, committee_id: int, year_start: int, today: dt.date
) -> ScheduleSuggestion:
    """A meeting for each accepted topic still to be scheduled, best score first, each on
    the earliest meeting with room before its report deadline and needed-by date. Items
    placed by hand stay where they are; earlier suggestions not yet acted on are redone."""
    committee = get(session, Committee, committee_id)
    meetings = _year_meetings(session, committee_id, year_start)
    slots = _slots(session, committee, meetings)
    mids = [m.id for m in meetings]
    entries = (
        session.execute(
            select(
                ProgrammeEntry.id,
                ProgrammeEntry.topic_id,
                ProgrammeEntry.meeting_id,
                ProgrammeEntry.pinned,
                Topic.estimated_minutes,
            )
            .join(Topic, Topic.id == ProgrammeEntry.topic_id)
            .where(ProgrammeEntry.meeting_id.in_(mids))
        ).all()
        if mids
        else []
    )
    unpinned_topics = {tid for _eid, tid, _mid, pinned, _min in entries if not pinned}
    topics = list(
        session.scalars(
            select(Topic).where(
                Topic.committee_id == committee_id,
                Topic.year_start == year_start,
                Topic.kind.not_in((TopicKind.SELECT_REVIEW, TopicKind.STANDING)),
                Topic.status.in_((*UNSCHEDULED, TopicStatus.SCHEDULED)),
            )
        )
    )
    topics = [t for t in topics if t.status in UNSCHEDULED or t.id in unpinned_topics]
    scores = agreed_scores(session, (t.id for t in topics))
    ranks = _band_ranks(session, committee)
    by_id = {t.id: t for t in topics}
    candidates = []
    for t in topics:
        total, band = scores.get(t.id, (None, None))
        candidates.append(
            scheduling.Candidate(
                topic_id=t.id,
                title=t.title,
                band_rank=ranks.get(band) if band is not None else None,
                total=total,
                added_on=t.added_on,
                needed_by=t.needed_by,
                minutes=t.estimated_minutes,
                responsible=t.responsible,
            )
        )
    placements = [
        scheduling.Placement(eid, tid, mid, pinned, minutes)
        for eid, tid, mid, pinned, minutes in entries
    ]
    result = scheduling.suggest_schedule(
        candidates, slots, placements, today=today, default_minutes=committee.minutes_per_item
    )
    day = {m.id: m.starts_at.date() for m in meetings}
    where = {eid: mid for eid, _tid, mid, _p, _m in entries}
    out = []
    for p in result.placements:
        total, band = scores.get(p.topic_id, (None, None))
        out.append(
            SuggestedPlacement(
                topic_id=p.topic_id,
                title=by_id[p.topic_id].title,
                score=total,
                band=band,
                meeting_id=p.meeting_id,
                meeting_day=day[p.meeting_id],
                reason=p.reason,
                entry_id=p.entry_id,
                unchanged=p.entry_id is not None and where.get(p.entry_id) == p.meeting_id,
            )
        )
    return ScheduleSuggestion(
        placements=tuple(out),
        unplaced=tuple(
            UnplacedTopic(u.topic_id, by_id[u.topic_id].title, u.reason_text)
            for u in result.unplaced
        ),
        released_entry_ids=result.released_entry_ids,
    )


@dataclass(frozen=True, slots=True)
class SuggestionAccepted(Undoable):
    entry_ids: tuple[int, ...]


def accept_suggestion(
    session: Session,
    *,
    placements: Sequence[SuggestedPlacement],
    released_entry_ids: Sequence[int] = (),
) -> SuggestionAccepted:
    """Book the accepted placements as suggested (not pinned) entries, at the end of each
    agenda. Earlier suggestions for the accepted topics that are not reused are removed."""
    accepted = [p for p in placements if not p.unchanged]
    if not accepted:
        raise Invalid("Tick at least one suggested booking to accept.")
    topic_ids = {p.topic_id for p in accepted}
    release = []
    for eid in released_entry_ids:
        e = session.get(ProgrammeEntry, eid)
        if e is not None and e.topic_id in topic_ids and not e.pinned:
            release.append(e)
    mids = {p.meeting_id for p in accepted} | {e.meeting_id for e in release}
    for p in accepted:
        if p.entry_id is not None:
            old = session.get(ProgrammeEntry, p.entry_id)
            if old is not None:
                mids.add(old.meeting_id)
    before = capture_state(session, meeting_ids=mids, topic_ids=topic_ids)
    for e in release:
        session.delete(e)
    session.flush()
    ids: list[int] = []
    for p in accepted:
        topic = get(session, Topic, p.topic_id)
        meeting = get(session, Meeting, p.meeting_id)
        if meeting.committee_id != topic.committee_id:
            raise Invalid("A topic can only be booked onto its own committee's meetings.")
        if meeting.status == MeetingStatus.CANCELLED:
            raise Invalid(
                f"The meeting of {day_text(meeting.starts_at.date())} was cancelled since the "
                "suggestion was made; ask for a new suggestion."
            )
        entry = session.get(ProgrammeEntry, p.entry_id) if p.entry_id is not None else None
        if entry is None:
            entry = ProgrammeEntry(topic_id=topic.id, meeting_id=meeting.id, pinned=False)
            session.add(entry)
        _insert(session, entry, meeting.id, None)
        _mark_scheduled(topic)
        session.flush()
        ids.append(entry.id)
    for mid in mids:
        _renumber(_entries_of(session, mid))
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=topic_ids)
    return SuggestionAccepted(before, after, tuple(ids))


# --- 8. warnings ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProgrammeWarning:
    kind: str  # a scheduling.ConflictKind value
    meeting_id: int
    topic_ids: tuple[int, ...]
    message: str


def programme_warnings(
    session: Session, *, committee_id: int, year_start: int, today: dt.date
) -> list[ProgrammeWarning]:
    """What is wrong with the year's programme, in meeting order, in plain words: meetings
    over capacity, reports still to follow after their deadline, items after their needed-by
    date, an officer with too many items at one meeting, items on a cancelled meeting, and
    the same topic twice on one agenda."""
    committee = get(session, Committee, committee_id)
    _cal, s = _calendar_and_settings(session)
    meetings = _year_meetings(session, committee_id, year_start)
    slots = _slots(session, committee, meetings)
    mids = [m.id for m in meetings]
    rows = (
        session.execute(
            select(
                ProgrammeEntry.id,
                ProgrammeEntry.topic_id,
                ProgrammeEntry.meeting_id,
                ProgrammeEntry.to_follow,
                Topic.title,
                Topic.estimated_minutes,
                Topic.needed_by,
                Topic.responsible,
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
        slots,
        items,
        today=today,
        max_items_per_officer=s.max_items_per_officer,
        default_minutes=committee.minutes_per_item,
    )
    return [ProgrammeWarning(c.kind.value, c.meeting_id, c.topic_ids, c.message) for c in found]


# --- everything the planner shows -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannerData:
    programme: ProgrammeView
    deadlines: dict[int, MeetingDeadline]  # by meeting id
    loads: dict[int, MeetingLoad]  # by meeting id
    warnings: tuple[ProgrammeWarning, ...]
    today: dt.date


def planner_data(
    session: Session, *, committee_id: int, year_start: int, today: dt.date
) -> PlannerData:
    """The programme with each meeting's deadlines, load and warnings, in one transaction."""
    from .programme import load_programme

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
