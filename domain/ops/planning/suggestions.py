"""A suggested schedule: each accepted topic still waiting on the earliest meeting with room
before its deadlines, best score first; and accepting it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import scheduling
from ...dates import short_date
from ...errors import Invalid
from ...models import (
    Band,
    Committee,
    CriteriaSet,
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    Topic,
    TopicKind,
    TopicStatus,
)
from ...words import counted
from ..convert import agreed_scores, check_versions, get
from .common import UNSCHEDULED, entries_of, insert, mark_scheduled, renumber, year_meetings
from .loads import slots
from .snapshots import Undoable, capture_state


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
    topic_version: int | None = None  # the topic as the suggestion read it


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

    @property
    def summary(self) -> str:
        """The suggestion in one short sentence or two, e.g. "12 items placed at 6 meetings;
        3 could not be placed." A reason every unplaced item shares (no meeting is open) is
        said once; each item's own reason is in :attr:`details`."""
        placed = self.changes
        n_meetings = len({p.meeting_id for p in placed})
        text = ""
        if placed:
            text = f"{_items(len(placed))} placed at {n_meetings} meeting{'s' if n_meetings != 1 else ''}"
        if self.unplaced:
            n = len(self.unplaced)
            could = f"{n} could not be placed" if placed else f"{_items(n)} could not be placed"
            text = f"{text}; {could}" if text else f"Nothing can be booked: {could}"
            reasons = {u.reason for u in self.unplaced}
            if len(reasons) == 1:
                text += f". {next(iter(reasons))}"
                return text
        if not text:
            return "Nothing to suggest: every waiting item is booked."
        return text + "."

    @property
    def details(self) -> tuple[str, ...]:
        """One line per item the suggestion could not place: with why, unless the summary
        already says the one reason they share."""
        if len({u.reason for u in self.unplaced}) == 1:
            return tuple(u.title for u in self.unplaced)
        return tuple(f"{u.title}: {u.reason}" for u in self.unplaced)


def _items(n: int) -> str:
    return counted(n, "item")


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


def suggest(
    session: Session, *, committee_id: int, year_start: int, today: dt.date
) -> ScheduleSuggestion:
    """A meeting for each accepted topic still to be scheduled, urgent ones first, then best
    score first, each on
    the earliest meeting with room before its report deadline and needed-by date. Items
    placed by hand stay where they are; earlier suggestions not yet acted on are redone."""
    committee = get(session, Committee, committee_id)
    meetings = year_meetings(session, committee_id, year_start)
    meeting_slots = slots(session, committee, meetings)
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
                urgent=t.urgent,
            )
        )
    placements = [
        scheduling.Placement(eid, tid, mid, pinned, minutes)
        for eid, tid, mid, pinned, minutes in entries
    ]
    result = scheduling.suggest_schedule(
        candidates, meeting_slots, placements, today=today, default_minutes=committee.minutes_per_item
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
                topic_version=by_id[p.topic_id].version,
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
    expected_topics: Mapping[int, int] | None = None,
) -> SuggestionAccepted:
    """Book the accepted placements as suggested (not pinned) entries, at the end of each
    agenda. Earlier suggestions for the accepted topics that are not reused are removed.

    ``expected_topics`` (id -> version) are the topics as the suggestion read them: when
    someone changed one since, nothing is booked and a Conflict names who."""
    accepted = [p for p in placements if not p.unchanged]
    if not accepted:
        raise Invalid("Tick at least one suggested booking to accept.")
    check_versions(session, Topic, expected_topics)
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
                f"The meeting of {short_date(meeting.starts_at.date())} was cancelled since the "
                "suggestion was made; ask for a new suggestion."
            )
        entry = session.get(ProgrammeEntry, p.entry_id) if p.entry_id is not None else None
        if entry is None:
            entry = ProgrammeEntry(topic_id=topic.id, meeting_id=meeting.id, pinned=False)
            session.add(entry)
        insert(session, entry, meeting.id, None)
        mark_scheduled(topic)
        session.flush()
        ids.append(entry.id)
    for mid in mids:
        renumber(entries_of(session, mid))
    session.flush()
    after = capture_state(session, meeting_ids=mids, topic_ids=topic_ids)
    return SuggestionAccepted(before, after, tuple(ids))


