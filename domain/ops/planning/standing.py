"""Standing items: put on every meeting of the year still to be held, unless taken off one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ...models import (
    Committee,
    Meeting,
    ProgrammeEntry,
    StandingExclusion,
    Topic,
    TopicKind,
    TopicStatus,
)
from ..convert import check_versions, get
from .common import entries_of, mark_scheduled, renumber, still_to_hold, year_meetings
from .snapshots import Undoable, capture_state

# A standing item stays on the programme only while the committee still takes it.
_LIVE_STANDING = (TopicStatus.ACCEPTED, TopicStatus.SCHEDULED, TopicStatus.TO_BE_SCHEDULED)


def _standing_query(committee_id: int, year_start: int) -> Select[Topic]:
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


def standing_topic_ids(session: Session, committee_id: int, year_start: int) -> list[int]:
    return [t.id for t in session.scalars(_standing_query(committee_id, year_start))]


def place_standing(
    session: Session, committee_id: int, year_start: int, only: set[int] | None = None
) -> list[int]:
    """Add the missing standing items at the end of each agenda; the new entries' ids."""
    standing = list(session.scalars(_standing_query(committee_id, year_start)))
    if not standing:
        return []
    meetings = [
        m
        for m in year_meetings(session, committee_id, year_start)
        if still_to_hold(m) and (only is None or m.id in only)
    ]
    if not meetings:
        return []
    mids = [m.id for m in meetings]
    excluded = {
        (int(mid), int(tid))
        for mid, tid in session.execute(
            select(StandingExclusion.meeting_id, StandingExclusion.topic_id).where(
                StandingExclusion.meeting_id.in_(mids)
            )
        )
    }
    added: list[ProgrammeEntry] = []
    for m in meetings:
        agenda = entries_of(session, m.id)
        present = {e.topic_id for e in agenda}
        for t in standing:
            if t.id in present or (m.id, t.id) in excluded:
                continue
            e = ProgrammeEntry(topic_id=t.id, meeting_id=m.id, pinned=True)
            session.add(e)
            agenda.append(e)
            mark_scheduled(t)
            added.append(e)
        renumber(agenda)
    session.flush()
    return [e.id for e in added]


@dataclass(frozen=True, slots=True)
class StandingPlaced(Undoable):
    entry_ids: tuple[int, ...]


def place_standing_items(
    session: Session, *, committee_id: int, year_start: int, expected_meetings: Mapping[int, int] | None = None
) -> StandingPlaced:
    """Put every standing item on every meeting of the year still to be held that lacks it,
    except where the user took it off. Running it twice adds nothing the second time.

    ``expected_meetings`` (id -> version) are the year's meetings as the caller read them:
    when one changed, went or was added since, nothing is placed and a Conflict names who."""
    get(session, Committee, committee_id)
    meetings = year_meetings(session, committee_id, year_start)
    check_versions(session, Meeting, expected_meetings, {m.id: m.version for m in meetings})
    mids = [m.id for m in meetings]
    standing_ids = standing_topic_ids(session, committee_id, year_start)
    before = capture_state(session, meeting_ids=mids, topic_ids=standing_ids)
    added = place_standing(session, committee_id, year_start)
    after = capture_state(session, meeting_ids=mids, topic_ids=[ts.id for ts in before.topics])
    if not added:
        return StandingPlaced(before=after, after=after, entry_ids=())
    return StandingPlaced(before=before, after=after, entry_ids=tuple(added))
