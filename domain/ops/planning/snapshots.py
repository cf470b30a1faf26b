"""Snapshots of the rows a planning edit touches, for undo and redo.

Every operation that changes the programme returns a ``before`` and an ``after``
:class:`ProgrammeState`: the rows it touched (meetings, their entries, the topics on them and
the standing-item exclusions), captured in full. Undo restores ``before`` and redo restores
``after`` with :func:`restore_state`, so ids stay the same through undo and redo and a later
command that names an entry made by an earlier one still finds it.

Each row carries its version, but two states compare equal by content alone: undo checks that
the rows are still as the edit left them (``expected``), not that nothing at all was written
to them, since this window's own later commands, undone since, also move versions on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...models import (
    Base,
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    StandingExclusion,
    Topic,
    TopicStatus,
)
from ..convert import changed_since


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
    version: int = field(default=0, compare=False)


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
    version: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class TopicState:
    id: int
    status: str
    status_reason: str
    needed_by: dt.date | None
    version: int = field(default=0, compare=False)


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
                m.version,
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
                e.version,
            )
            for e in sorted(entries, key=lambda e: e.id)
        ),
        topics=tuple(
            TopicState(t.id, t.status.value, t.status_reason, t.needed_by, t.version)
            for t in sorted(topics, key=lambda t: t.id)
        ),
        exclusions=tuple(sorted((int(a), int(b)) for a, b in exclusions)),
    )


def _check_unchanged(session: Session, expected: ProgrammeState) -> None:
    """Raise Conflict, naming the first row someone changed, unless the rows are as expected."""
    current = capture_state(
        session, meeting_ids=expected.meeting_ids, topic_ids=[t.id for t in expected.topics]
    )
    pairs: list[tuple[type[Base], tuple[object, ...], tuple[object, ...]]] = [
        (Meeting, expected.meetings, current.meetings),
        (ProgrammeEntry, expected.entries, current.entries),
        (Topic, expected.topics, tuple(t for t in current.topics if t.id in {x.id for x in expected.topics})),
    ]
    for model, wanted, found in pairs:
        if wanted == found:
            continue
        mine, theirs = {r.id: r for r in wanted}, {r.id: r for r in found}  # type: ignore[attr-defined]
        changed = sorted(i for i in mine.keys() | theirs.keys() if mine.get(i) != theirs.get(i))
        raise changed_since(session, model, changed[0])
    if expected.exclusions != current.exclusions:
        raise changed_since(session, Meeting, expected.meeting_ids[0])


def restore_state(
    session: Session, *, state: ProgrammeState, expected: ProgrammeState | None = None
) -> ProgrammeState:
    """Put the captured meetings, entries, topics and exclusions back exactly as they were,
    and return them as they are now (with their new versions).

    ``expected`` is the state the caller left these rows in (undo: the edit's ``after``);
    when someone changed them since, nothing is written and Conflict says who and when.
    """
    if expected is not None:
        _check_unchanged(session, expected)
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
        found = by_id.get(es.id)
        if found is None:
            e = ProgrammeEntry(id=es.id, meeting_id=es.meeting_id, topic_id=es.topic_id)
            session.add(e)
        else:
            e = found
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
    return capture_state(session, meeting_ids=state.meeting_ids, topic_ids=[t.id for t in state.topics])


@dataclass(frozen=True, slots=True)
class Undoable:
    """What a change did, for undo (``before``) and redo (``after``)."""

    before: ProgrammeState
    after: ProgrammeState

