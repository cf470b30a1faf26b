"""A committee's meetings: listing, adding, creating a calendar, moving, cancelling, marking
held, reinstating and deleting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ... import scheduling
from ...dates import long_date, short_date
from ...errors import Invalid
from ...locks import lock_meetings
from ...models import Committee, Meeting, MeetingStatus, ProgrammeEntry, TopicKind
from ...values import EntryInfo, MeetingInfo
from ...words import counted
from ...years import municipal_year_of, start_month
from ..convert import agreed_scores, check_versions, get, meeting_info
from .common import (
    after_removal,
    entries_of,
    entry_info,
    history,
    next_meeting_after,
    renumber,
    year_span,
)
from .snapshots import ProgrammeState, Undoable, capture_state
from .standing import place_standing, standing_topic_ids


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
        lo, hi = year_span(session, year_start)
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
    lock_meetings(session, committee_id)
    clash = session.scalar(
        select(Meeting.id).where(
            Meeting.committee_id == committee_id,
            Meeting.starts_at == starts_at,
            Meeting.status != MeetingStatus.CANCELLED,
        )
    )
    if clash is not None:
        raise Invalid(
            f"The committee already meets at {starts_at:%H:%M} on {long_date(starts_at.date())}.",
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
    month = start_month(session)
    years = sorted({municipal_year_of(m.starts_at.date(), month) for m in created})
    standing_ids = [t for y in years for t in standing_topic_ids(session, committee_id, y)]
    topics_before = capture_state(session, meeting_ids=(), topic_ids=standing_ids).topics
    before = ProgrammeState(tuple(sorted(m.id for m in created)), (), (), topics_before, ())
    standing: list[int] = []
    for year in years:
        standing += place_standing(session, committee_id, year, only={m.id for m in created})
    after = capture_state(session, meeting_ids=before.meeting_ids, topic_ids=standing_ids)
    return MeetingsCreated(
        before=before,
        after=after,
        created=tuple(meeting_info(m, 0) for m in created),
        skipped=tuple(skipped),
        standing_entry_ids=tuple(standing),
    )


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


def _send_entries(
    session: Session, entries: Sequence[ProgrammeEntry], target: Meeting | None, *, note: str = ""
) -> tuple[list[int], list[int]]:
    """Move ``entries`` to the end of ``target``'s agenda (a standing item it already has is
    dropped), or with no target take them off, their topics back to be scheduled. ``note``
    is a line added to each moved entry's notes, which also pins it there. Returns the ids of
    the entries moved and of the topics unscheduled."""
    moved: list[int] = []
    unscheduled: list[int] = []
    if target is None:
        for e in entries:
            topic = e.topic
            session.delete(e)
            after_removal(session, topic)
            unscheduled.append(topic.id)
        return moved, unscheduled
    agenda = entries_of(session, target.id)
    on_target = {e.topic_id for e in agenda}
    for e in entries:
        if e.topic.kind == TopicKind.STANDING and e.topic_id in on_target:
            session.delete(e)
            continue
        if note:
            e.note = history(e.note, note)
            e.pinned = True
        e.meeting_id = target.id
        agenda.append(e)
        moved.append(e.id)
    renumber(agenda)
    return moved, unscheduled


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
    expected_version: int | None = None,
) -> MeetingCancelled:
    """Cancel a meeting. Its items go to another meeting (``move_items_to`` = its id, at the
    end of that agenda), back to the to-be-scheduled list (``"list"``), or stay on the
    cancelled meeting to be warned about (``None``). A standing item is not moved onto a
    meeting that already has it."""
    m = get(session, Meeting, meeting_id, expected_version)
    if m.status == MeetingStatus.CANCELLED:
        raise Invalid(f"The meeting of {short_date(m.starts_at.date())} is already cancelled.")
    target: Meeting | None = None
    if isinstance(move_items_to, int) and not isinstance(move_items_to, bool):
        target = get(session, Meeting, move_items_to)
        if target.id == m.id or target.committee_id != m.committee_id:
            raise Invalid(
                "Choose another meeting of this committee for the items.", "move_items_to"
            )
        if target.status == MeetingStatus.CANCELLED:
            raise Invalid(
                f"The meeting of {short_date(target.starts_at.date())} is cancelled too; "
                "choose a meeting that will take place.",
                "move_items_to",
            )
    elif move_items_to not in (None, "list"):
        raise Invalid("Say where the items go: another meeting, or the list.", "move_items_to")
    mids = [m.id] + ([target.id] if target is not None else [])
    before = capture_state(session, meeting_ids=mids)
    moved: list[int] = []
    unscheduled: list[int] = []
    if target is not None or move_items_to == "list":
        moved, unscheduled = _send_entries(session, entries_of(session, m.id), target)
    m.status = MeetingStatus.CANCELLED
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=[ts.id for ts in before.topics])
    return MeetingCancelled(
        before=before,
        after=after,
        meeting=meeting_info(m, len(entries_of(session, m.id))),
        moved_entry_ids=tuple(moved),
        unscheduled_topic_ids=tuple(unscheduled),
    )


@dataclass(frozen=True, slots=True)
class StatusSet(Undoable):
    meeting: MeetingInfo


def set_meeting_status(
    session: Session, *, meeting_id: int, status: str, expected_version: int | None = None
) -> StatusSet:
    """Reinstate a cancelled meeting (as scheduled, or moved) or mark a meeting held.
    Cancelling is :func:`cancel_meeting`, which also says where the items go."""
    m = get(session, Meeting, meeting_id, expected_version)
    try:
        new = MeetingStatus(status)
    except ValueError:
        raise Invalid(f"'{status}' is not a meeting status.", "status") from None
    if new == MeetingStatus.CANCELLED and m.status != MeetingStatus.CANCELLED:
        raise Invalid("Cancel a meeting with cancel_meeting, which says where its items go.")
    before = capture_state(session, meeting_ids=[m.id])
    m.status = new
    session.flush()
    after = capture_state(session, meeting_ids=[m.id])
    return StatusSet(before, after, meeting_info(m, len(entries_of(session, m.id))))


def delete_meeting(session: Session, *, meeting_id: int, expected_version: int | None = None) -> None:
    m = get(session, Meeting, meeting_id, expected_version)
    if m.entries:
        raise Invalid(
            f"The meeting of {long_date(m.starts_at.date())} has {counted(len(m.entries), 'item')} booked; "
            "move or unschedule them first, or cancel the meeting instead.",
        )
    session.delete(m)
    session.flush()


# --- what happened at a meeting ---------------------------------------------------------------

OUTCOMES = (MeetingStatus.HELD, MeetingStatus.ADJOURNED)


@dataclass(frozen=True, slots=True)
class OutcomeRecorded(Undoable):
    meeting: MeetingInfo
    moved_entry_ids: tuple[int, ...]  # not taken, now on ``next_meeting``
    unscheduled_topic_ids: tuple[int, ...]  # not taken, back in the items to be scheduled
    next_meeting: MeetingInfo | None
    message: str


def record_outcome(
    session: Session,
    *,
    meeting_id: int,
    outcome: str,
    not_taken: Sequence[int] = (),
    to: Literal["list", "next"] = "list",
    today: dt.date | None = None,
    expected_version: int | None = None,
    expected_entries: Mapping[int, int] | None = None,
) -> OutcomeRecorded:
    """Record what happened at a meeting that has taken place: held, or adjourned. The items
    it did not take (``not_taken``, entry ids) are deferred: back to the items to be
    scheduled (``to="list"``) or onto the next meeting still to come (``"next"``), each with a
    dated line in its topic's history. One step, undone as one."""
    today = today or dt.date.today()
    m = get(session, Meeting, meeting_id, expected_version)
    check_versions(session, ProgrammeEntry, expected_entries)
    day = m.starts_at.date()
    try:
        new = MeetingStatus(outcome)
    except ValueError:
        new = None
    if new not in OUTCOMES:
        raise Invalid("Say whether the meeting was held or adjourned.", "outcome")
    if m.status == MeetingStatus.CANCELLED:
        raise Invalid(
            f"The meeting of {long_date(day)} was cancelled; reinstate it first if it took place."
        )
    if day > today:
        raise Invalid(f"The meeting of {long_date(day)} has not taken place yet.", "outcome")
    if to not in ("list", "next"):
        raise Invalid("Say where the items not taken go: the list, or the next meeting.", "to")
    agenda = entries_of(session, m.id)
    by_id = {e.id: e for e in agenda}
    wanted = list(dict.fromkeys(not_taken))
    missing = [i for i in wanted if i not in by_id]
    if missing:
        raise Invalid(
            f"{len(missing)} of the items not taken are no longer on the agenda of "
            f"{long_date(day)}; reload and choose again."
        )
    target = next_meeting_after(session, m, today) if wanted and to == "next" else None
    if wanted and to == "next" and target is None:
        raise Invalid(
            f"There is no meeting after {long_date(day)} still to take place. Add one, or send "
            "the items back to the items to be scheduled.",
            "to",
        )
    mids = [m.id] + ([target.id] if target is not None else [])
    topic_ids = [by_id[i].topic_id for i in wanted]
    before = capture_state(session, meeting_ids=mids, topic_ids=topic_ids)
    what = "adjourned" if new == MeetingStatus.ADJOURNED else "held"
    where = f"deferred to {short_date(target.starts_at.date())}" if target else "back to be scheduled"
    line = f"Not taken at the meeting of {short_date(day)} ({what}); {where} on {short_date(today)}."
    for entry_id in wanted:
        topic = by_id[entry_id].topic
        topic.status_reason = history(topic.status_reason, line)
    moved, unscheduled = _send_entries(session, [by_id[i] for i in wanted], target, note=line)
    session.flush()
    renumber(entries_of(session, m.id))
    m.status = new
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=topic_ids)
    n = len(wanted)
    message = f"The meeting of {short_date(day)} is recorded as {what}."
    if n:
        items = counted(n, "item")
        dest = (
            f"the meeting of {short_date(target.starts_at.date())}"
            if target is not None
            else "the items to be scheduled"
        )
        message += f" {items} not taken {'goes' if n == 1 else 'go'} to {dest}."
    return OutcomeRecorded(
        before=before,
        after=after,
        meeting=meeting_info(m, len(entries_of(session, m.id))),
        moved_entry_ids=tuple(moved),
        unscheduled_topic_ids=tuple(unscheduled),
        next_meeting=meeting_info(target, len(entries_of(session, target.id))) if target else None,
        message=message,
    )


@dataclass(frozen=True, slots=True)
class MeetingAgenda:
    """A meeting with its items, and the next meeting still to come (where items not taken
    can be deferred to)."""

    meeting: MeetingInfo
    status: str  # as shown: a past meeting nobody marked is held
    entries: tuple[EntryInfo, ...]
    next_meeting: MeetingInfo | None


def meeting_agenda(session: Session, *, meeting_id: int, today: dt.date) -> MeetingAgenda:
    """What the "what happened" question needs to show about a meeting."""
    m = get(session, Meeting, meeting_id)
    agenda = entries_of(session, m.id)
    scores = agreed_scores(session, {e.topic_id for e in agenda})
    nxt = next_meeting_after(session, m, today)
    return MeetingAgenda(
        meeting=meeting_info(m, len(agenda)),
        status=scheduling.shown_status(m.status.value, m.starts_at.date(), today),
        entries=tuple(entry_info(e, e.topic, scores.get(e.topic_id)) for e in agenda),
        next_meeting=meeting_info(nxt, len(nxt.entries)) if nxt is not None else None,
    )
