"""Importing a committee's meetings from Modern.gov or a calendar into one municipal year.

:func:`plan_meeting_import` says, without writing anything, what an import would add, change
and leave out (the preview); :func:`import_meetings` does it, as one step. A meeting is matched
with the committee's meeting of the same Modern.gov meeting id, else with one on the same day
that no Modern.gov meeting claims yet (which is then linked to it): importing the same answer
twice changes nothing the second time. Meetings outside the year are left out and counted,
since the service often ignores the dates it is asked for and sends the whole history.

A GetMeeting answer's agenda items become that meeting's entries: an item with the title of
one of the year's standing items books that standing item, any other becomes a new topic with
the agenda text (already plain text) as its reason, and an item the council marked restricted
comes in exempt (Part II). A new meeting whose agenda the file does not give gets the year's
standing items, as any new meeting does.

The result carries the states undo and redo restore (:func:`undo_meeting_import`,
:func:`redo_meeting_import`), with the Modern.gov links and the topics the import made, so ids
stay the same through any number of undo and redo steps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..dates import long_date
from ..errors import Invalid
from ..exemption import Exemption
from ..io.meeting_records import AgendaRecord, MeetingRecord, MeetingsFile
from ..io.rows import ImportFileError
from ..locks import lock_meetings, lock_programme
from ..models import (
    Committee,
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    Topic,
    TopicKind,
    TopicStatus,
)
from ..values import TopicRow
from ..years import municipal_year_label, start_month, year_bounds
from . import planning, topics
from .convert import get
from .planning.common import year_meetings
from .planning.snapshots import ProgrammeState, Undoable, capture_state, restore_state
from .planning.standing import place_standing, standing_topic_ids


@dataclass(frozen=True, slots=True)
class PlannedItem:
    title: str
    exempt: bool
    standing: bool  # books the year's standing item of that title


@dataclass(frozen=True, slots=True)
class PlannedMeeting:
    """A meeting an import adds (``meeting_id`` None) or changes (``changes`` in words)."""

    where: str
    starts_at: dt.datetime
    venue: str
    cancelled: bool
    modgov_id: int | None
    meeting_id: int | None
    changes: tuple[str, ...]
    items: tuple[PlannedItem, ...]
    standing: tuple[str, ...] = ()  # the year's standing items a new meeting without an agenda gets


@dataclass(frozen=True, slots=True)
class MeetingImportPlan:
    """What importing a meetings file into one committee's year does."""

    committee: str
    year_start: int
    file: str
    kind: str
    added: tuple[PlannedMeeting, ...]
    changed: tuple[PlannedMeeting, ...]
    unchanged: int
    left_out: tuple[dt.date, ...]  # meetings of the file outside the year

    @property
    def items(self) -> int:
        return sum(len(m.items) for m in (*self.added, *self.changed))

    @property
    def exempt_items(self) -> int:
        return sum(i.exempt for m in (*self.added, *self.changed) for i in m.items)

    @property
    def nothing_to_do(self) -> bool:
        return not self.added and not self.changed

    def summary(self) -> str:
        """The plan in one paragraph, as the command line prints it and the preview heads it."""
        year = municipal_year_label(self.year_start)
        if self.nothing_to_do:
            which = "meeting of {} in this file is" if self.unchanged == 1 else f"{self.unchanged} meetings of {{}} in this file are"
            text = (
                f"Nothing to change: the {which.format(year)} already in {self.committee}."
                if self.unchanged
                else f"The file has no meetings in {year}."
            )
        else:
            cancelled = sum(m.cancelled for m in self.added)
            parts = []
            if self.added:
                parts.append(f"{_n(len(self.added), 'meeting')} added" + (f" ({cancelled} cancelled)" if cancelled else ""))
            if self.changed:
                parts.append(f"{_n(len(self.changed), 'meeting')} changed")
            if self.unchanged:
                parts.append(f"{self.unchanged} already up to date")
            if self.items:
                exempt = f" ({self.exempt_items} exempt, Part II)" if self.exempt_items else ""
                parts.append(f"{_n(self.items, 'agenda item')} added{exempt}")
            text = ", ".join(parts)
            text = text[:1].upper() + text[1:]
            text += f" — {self.committee}, {year}."
        if self.left_out:
            first, last = min(self.left_out), max(self.left_out)
            span = long_date(first) if first == last else f"{long_date(first)} to {long_date(last)}"
            text += (
                f" {_n(len(self.left_out), 'meeting')} outside {year} left out ({span})."
            )
        return text


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _when(at: dt.datetime) -> str:
    return f"{at:%H:%M} on {long_date(at.date())}"


@dataclass(slots=True)
class _Found:
    plan: MeetingImportPlan
    records: dict[int, MeetingRecord]  # by position in plan.added + plan.changed
    standing: dict[str, int]  # standing item title key -> topic id


def _plan(session: Session, committee: Committee, year_start: int, source: MeetingsFile) -> _Found:
    begins, ends = year_bounds(year_start, start_month(session))
    in_year = [r for r in source.meetings if begins <= r.day < ends]
    left_out = tuple(r.day for r in source.meetings if not begins <= r.day < ends)
    standing_topics = list(session.scalars(
        select(Topic).where(Topic.id.in_(standing_topic_ids(session, committee.id, year_start))).order_by(Topic.id)
    ))  # fmt: skip
    standing = {_key(t.title): t.id for t in standing_topics}
    meetings = list(session.scalars(select(Meeting).where(Meeting.committee_id == committee.id)))
    by_modgov = {each.modgov_id: each for each in meetings if each.modgov_id is not None}
    on_day: dict[dt.date, list[Meeting]] = {}
    for each in sorted(meetings, key=lambda m: (m.status == MeetingStatus.CANCELLED, m.id)):
        on_day.setdefault(each.starts_at.date(), []).append(each)  # those taking place first
    default_time = committee.default_time or dt.time(14, 0)
    added: list[PlannedMeeting] = []
    changed: list[PlannedMeeting] = []
    added_records: list[MeetingRecord] = []
    changed_records: list[MeetingRecord] = []
    unchanged = 0
    taken: set[int] = set()
    for r in in_year:
        m = by_modgov.get(r.modgov_id) if r.modgov_id is not None else None
        if m is None:
            # A meeting on the same day, unless another Modern.gov meeting already claims it.
            m = next(
                (c for c in on_day.get(r.day, ())
                 if c.id not in taken and (r.modgov_id is None or c.modgov_id is None)),
                None,
            )  # fmt: skip
        if m is not None and m.id in taken:
            continue  # the same meeting twice in one file: the first says it
        if m is not None and r.cancelled and m.status == MeetingStatus.CANCELLED:
            r = replace(r, time=m.starts_at.time(), venue=m.venue)  # a cancelled meeting stays put
        starts_at = dt.datetime.combine(r.day, r.time or (m.starts_at.time() if m else default_time))
        venue = r.venue or (m.venue if m else committee.default_venue)
        present: set[str] = set()
        if m is not None:
            taken.add(m.id)
            present = {
                _key(title)
                for (title,) in session.execute(
                    select(Topic.title).join(ProgrammeEntry, ProgrammeEntry.topic_id == Topic.id)
                    .where(ProgrammeEntry.meeting_id == m.id)
                )
            }
        items: list[PlannedItem] = []
        if not r.cancelled:
            for item in r.items or ():
                if _key(item.title) in present:
                    continue
                present.add(_key(item.title))
                items.append(PlannedItem(item.title, item.restricted, _key(item.title) in standing))
        if m is None:
            placed = tuple(t.title for t in standing_topics) if r.items is None and not r.cancelled else ()
            added.append(PlannedMeeting(r.where, starts_at, venue, r.cancelled, r.modgov_id, None, (), tuple(items), placed))
            added_records.append(r)
            continue
        changes: list[str] = []
        if r.modgov_id is not None and m.modgov_id != r.modgov_id:
            changes.append(f"linked to Modern.gov meeting {r.modgov_id}")
        if starts_at != m.starts_at:
            changes.append(f"moves from {_when(m.starts_at)} to {_when(starts_at)}")
        if venue != m.venue:
            changes.append(f"venue becomes {venue}" if venue else "venue cleared")
        if r.cancelled and m.status != MeetingStatus.CANCELLED:
            changes.append("cancelled (its items stay on it, to be moved)")
        elif not r.cancelled and m.status == MeetingStatus.CANCELLED:
            changes.append("reinstated")
        if not changes and not items:
            unchanged += 1
            continue
        changed.append(PlannedMeeting(r.where, starts_at, venue, r.cancelled, r.modgov_id, m.id, tuple(changes), tuple(items)))
        changed_records.append(r)
    plan = MeetingImportPlan(
        committee=committee.name, year_start=year_start, file=source.name, kind=source.kind,
        added=tuple(added), changed=tuple(changed), unchanged=unchanged, left_out=left_out,
    )  # fmt: skip
    return _Found(plan, dict(enumerate((*added_records, *changed_records))), standing)


def plan_meeting_import(
    session: Session, *, committee_id: int, year_start: int, meetings: MeetingsFile
) -> MeetingImportPlan:
    """What :func:`import_meetings` would add, change and leave out; writes nothing."""
    return _plan(session, get(session, Committee, committee_id), year_start, meetings).plan


@dataclass(frozen=True, slots=True)
class MeetingsImported(Undoable):
    """What an import did: ``plan`` as it was carried out, the topics it made (whole, so redo
    makes them again with the same ids) and each touched meeting's Modern.gov id before and
    after."""

    plan: MeetingImportPlan
    created_topics: tuple[TopicRow, ...]
    links_before: tuple[tuple[int, int | None], ...]
    links_after: tuple[tuple[int, int | None], ...]


def _links(session: Session, meeting_ids: Sequence[int]) -> tuple[tuple[int, int | None], ...]:
    if not meeting_ids:
        return ()
    rows = session.execute(select(Meeting.id, Meeting.modgov_id).where(Meeting.id.in_(meeting_ids)))
    return tuple(sorted((int(i), m) for i, m in rows))


def _set_links(session: Session, links: Sequence[tuple[int, int | None]]) -> None:
    # Cleared first, then set: a link moving from one meeting to another never meets itself.
    meetings = [(session.get(Meeting, mid), modgov) for mid, modgov in links]
    for m, modgov in meetings:
        if m is not None and m.modgov_id != modgov and m.modgov_id is not None:
            m.modgov_id = None
    session.flush()
    for m, modgov in meetings:
        if m is not None and m.modgov_id != modgov:
            m.modgov_id = modgov
    session.flush()


def _new_topic(session: Session, committee_id: int, year_start: int, item: AgendaRecord) -> int:
    exempt = Exemption(item.exempt_paragraph).topic_fields() if item.restricted else {}
    row = topics.create_topic(
        session, committee_id=committee_id, year_start=year_start, title=item.title,
        reason=item.text, kind=TopicKind.REPORT, status=TopicStatus.ACCEPTED, **exempt,
    )  # fmt: skip
    return row.id


def import_meetings(
    session: Session, *, committee_id: int, year_start: int, meetings: MeetingsFile
) -> MeetingsImported:
    """Bring a meetings file's meetings of one municipal year into a committee, as planned by
    :func:`plan_meeting_import`. Run it in one transaction: any error leaves the database as it
    was. Two imports at once cannot both add a Modern.gov meeting: the database refuses the
    second (a unique Modern.gov id per committee)."""
    committee = get(session, Committee, committee_id)
    lock_programme(session, committee_id, year_start)
    lock_meetings(session, committee_id)
    found = _plan(session, committee, year_start, meetings)
    plan = found.plan
    touched = sorted({m.id for m in year_meetings(session, committee_id, year_start)}
                     | {p.meeting_id for p in plan.changed if p.meeting_id is not None})
    standing_ids = list(found.standing.values())
    before = capture_state(session, meeting_ids=touched, topic_ids=standing_ids)
    links_before = _links(session, touched)
    made: list[int] = []
    new_topics: list[int] = []
    to_place: set[int] = set()
    for index, p in enumerate((*plan.added, *plan.changed)):
        record = found.records[index]
        if p.meeting_id is None:
            try:
                info = planning.add_meeting(session, committee_id=committee_id, starts_at=p.starts_at, venue=p.venue)
            except Invalid as exc:  # another meeting, linked to another Modern.gov meeting, at that time
                raise ImportFileError(
                    plan.file, None, None, str(exc), table=p.where,
                    hint="Move or cancel the committee's other meeting at that time, then import "
                    "again; nothing was imported.",
                ) from None
            meeting_id = info.id
            made.append(meeting_id)
            if p.cancelled:
                planning.cancel_meeting(session, meeting_id=meeting_id)
            elif record.items is None:
                to_place.add(meeting_id)
        else:
            meeting_id = p.meeting_id
            m = get(session, Meeting, meeting_id)
            if not p.cancelled and m.status == MeetingStatus.CANCELLED:
                planning.set_meeting_status(session, meeting_id=meeting_id, status="scheduled")
            if m.starts_at != p.starts_at or m.venue != p.venue:
                planning.move_meeting(session, meeting_id=meeting_id, starts_at=p.starts_at, venue=p.venue)
            if p.cancelled and m.status != MeetingStatus.CANCELLED:
                planning.cancel_meeting(session, meeting_id=meeting_id)
        if p.modgov_id is not None:
            get(session, Meeting, meeting_id).modgov_id = p.modgov_id
            session.flush()  # the database refuses a second meeting with this id here
        wanted = {_key(i.title) for i in p.items}
        bookings: list[planning.Booking] = []
        for item in record.items or ():
            if _key(item.title) not in wanted:
                continue
            wanted.discard(_key(item.title))
            topic_id = found.standing.get(_key(item.title))
            if topic_id is None:
                topic_id = _new_topic(session, committee_id, year_start, item)
                new_topics.append(topic_id)
            bookings.append(planning.Booking(topic_id))
        if bookings:
            planning.book_many(session, meeting_id=meeting_id, bookings=bookings)
    if to_place:
        place_standing(session, committee_id, year_start, only=to_place)
    every = sorted(set(touched) | set(made))
    links_after = _links(session, every)
    after = capture_state(session, meeting_ids=every, topic_ids=standing_ids + new_topics)
    return MeetingsImported(
        before=replace(before, meeting_ids=tuple(every)),
        after=after,
        plan=plan,
        created_topics=tuple(topics.get_topic(session, topic_id=t) for t in new_topics),
        links_before=tuple((mid, dict(links_before).get(mid)) for mid in every),
        links_after=links_after,
    )


def undo_meeting_import(
    session: Session, *, imported: MeetingsImported, expected: ProgrammeState | None
) -> ProgrammeState:
    """Take an import back: its meetings, entries and topics go, changed meetings are as they
    were. ``expected`` is the state this window left them in (None: overwrite a newer change)."""
    state = restore_state(session, state=imported.before, expected=expected)
    for row in imported.created_topics:
        topic = session.get(Topic, row.id)
        if topic is not None:
            session.delete(topic)
    session.flush()
    _set_links(session, imported.links_before)
    return capture_state(session, meeting_ids=state.meeting_ids, topic_ids=[t.id for t in state.topics])


def redo_meeting_import(
    session: Session, *, imported: MeetingsImported, expected: ProgrammeState | None
) -> ProgrammeState:
    """Make an undone import again, with the same ids."""
    for row in imported.created_topics:
        if session.get(Topic, row.id) is None:
            topics.restore_topic(session, row=row)
    state = restore_state(session, state=imported.after, expected=expected)
    _set_links(session, imported.links_after)
    return capture_state(session, meeting_ids=state.meeting_ids, topic_ids=[t.id for t in state.topics])
