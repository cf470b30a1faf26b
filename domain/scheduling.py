"""Placing topics on meetings, and the checks that warn when a programme has gone wrong.

Everything here works on plain frozen values so the rules can be tested without a database:
the data layer turns its rows into ``MeetingSlot``, ``Placement``, ``Candidate`` and
``BookedItem`` values and turns the results back into rows.

Results never depend on the order of the inputs: meetings are considered by date (then id),
candidates by priority (then topic id), so the same programme always gives the same suggestion.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .dates import short_date as _day
from .words import counted

__all__ = [
    "BookedItem",
    "Candidate",
    "Conflict",
    "ConflictKind",
    "MeetingSlot",
    "Placement",
    "ProposedPlacement",
    "Suggestion",
    "Unplaced",
    "HAPPENED",
    "conflicts",
    "officer_names",
    "shown_status",
    "suggest_schedule",
]

# A meeting that took place, whether someone marked it so or its day has passed.
HAPPENED = frozenset({"held", "adjourned"})


def shown_status(status: str, day: date, today: date) -> str:
    """What a meeting is, as every view names it: a scheduled or moved meeting whose day has
    passed was held, though nobody marked it; marking it records what happened (held,
    adjourned) and a cancelled meeting stays cancelled."""
    status = str(status).lower()
    if status in ("scheduled", "moved") and day < today:
        return "held"
    return status


def _items(n: int) -> str:
    return counted(n, "item")


# --- Inputs --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingSlot:
    """A meeting as scheduling sees it. ``None`` capacities mean "no limit"."""

    id: int
    day: date
    status: str = "scheduled"
    capacity_items: int | None = None
    capacity_minutes: int | None = None
    report_deadline: date | None = None

    @property
    def cancelled(self) -> bool:
        return str(self.status).lower() == "cancelled"

    @property
    def held(self) -> bool:
        """Marked as having taken place (held or adjourned)."""
        return str(self.status).lower() in HAPPENED

    def is_upcoming(self, today: date) -> bool:
        """Still to happen: after today and neither held nor cancelled."""
        return self.day > today and not self.held and not self.cancelled

    def is_open(self, today: date) -> bool:
        """New items can still be booked: upcoming and its report deadline not yet passed."""
        return self.is_upcoming(today) and (
            self.report_deadline is None or self.report_deadline >= today
        )


@dataclass(frozen=True, slots=True)
class Placement:
    """An existing programme entry. Pinned entries were placed by hand and never move."""

    entry_id: int | None
    topic_id: int
    meeting_id: int
    pinned: bool = True
    minutes: int | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A topic waiting for a meeting. ``band_rank`` 0 is the best band (High); an ``urgent``
    topic goes ahead of every band."""

    topic_id: int
    title: str
    band_rank: int | None
    total: int | None
    added_on: date | None
    needed_by: date | None = None
    minutes: int | None = None
    responsible: str | None = None
    urgent: bool = False


# --- Suggestions -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProposedPlacement:
    """Where a candidate should go.

    ``entry_id`` names an existing entry of that topic to reuse (keeping its purpose and
    notes); ``None`` means a new entry is needed. If the entry is already on ``meeting_id``
    nothing needs to change.
    """

    topic_id: int
    meeting_id: int
    reason: str
    entry_id: int | None = None


@dataclass(frozen=True, slots=True)
class Unplaced:
    topic_id: int
    reason_text: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The outcome for every candidate, in priority order.

    ``released_entry_ids`` are earlier, unpinned suggestions for candidate topics that the new
    suggestion no longer uses; the caller removes them. Pinned entries are never released.
    """

    placements: tuple[ProposedPlacement, ...]
    unplaced: tuple[Unplaced, ...]
    released_entry_ids: tuple[int, ...] = ()


def _priority(c: Candidate) -> tuple[object, ...]:
    # Urgent topics first, whatever their band; unscored topics (no band, no total) and
    # topics with no known date added go last.
    return (
        not c.urgent,
        c.band_rank is None,
        c.band_rank if c.band_rank is not None else 0,
        c.total is None,
        -(c.total or 0),
        c.added_on is None,
        c.added_on or date.min,
        c.topic_id,
    )


class _Load:
    """Items and minutes already booked on one meeting."""

    __slots__ = ("items", "meeting", "minutes")

    def __init__(self, meeting: MeetingSlot) -> None:
        self.meeting = meeting
        self.items = 0
        self.minutes = 0

    def has_room(self, minutes: int, *, freed_items: int = 0, freed_minutes: int = 0) -> bool:
        """Whether one more item of ``minutes`` fits, after taking off what is freed."""
        m = self.meeting
        items = self.items - freed_items + 1
        total = self.minutes - freed_minutes + minutes
        return (m.capacity_items is None or items <= m.capacity_items) and (
            m.capacity_minutes is None or total <= m.capacity_minutes
        )

    def is_full(self) -> bool:
        m = self.meeting
        return (m.capacity_items is not None and self.items >= m.capacity_items) or (
            m.capacity_minutes is not None and self.minutes >= m.capacity_minutes
        )

    def overflow_if_added(self, minutes: int) -> tuple[int, int]:
        m = self.meeting
        items_over = 0 if m.capacity_items is None else self.items + 1 - m.capacity_items
        minutes_over = (
            0 if m.capacity_minutes is None else self.minutes + minutes - m.capacity_minutes
        )
        return (max(items_over, 0), max(minutes_over, 0))


def _check_unique(ids: Iterable[int], what: str) -> None:
    seen: set[int] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"{what} {i} is given twice; each must appear once.")
        seen.add(i)


def suggest_schedule(
    candidates: Iterable[Candidate],
    meetings: Iterable[MeetingSlot],
    existing_placements: Iterable[Placement],
    *,
    today: date,
    default_minutes: int = 30,
    force: bool = False,
) -> Suggestion:
    """Suggest a meeting for each candidate, best priority first, each on the earliest meeting
    that can take it.

    A meeting can take a topic when it is after ``today``, not cancelled or held, its report
    deadline has not passed, it falls on or before the topic's needed-by date, and it has room
    left in items and minutes. Existing entries use up room. Pinned entries, and unpinned ones
    of topics that are not candidates, stay where they are; unpinned entries of candidate topics
    on meetings still open (or cancelled) are earlier suggestions and are planned afresh.

    A topic that cannot be booked by its needed-by date because earlier meetings are full takes
    the place of a topic booked in this suggestion that can move to another meeting (the
    lowest-priority one first): a needed-by date is a hard limit, priority is a preference.

    With ``force`` a topic that fits nowhere goes on the eligible meeting it overfills least;
    without it such a topic is reported unplaced, so no meeting ever goes over capacity here.
    """
    meeting_list = sorted(meetings, key=lambda m: (m.day, m.id))
    candidate_list = sorted(candidates, key=_priority)
    _check_unique((m.id for m in meeting_list), "Meeting")
    _check_unique((c.topic_id for c in candidate_list), "Candidate topic")
    if default_minutes < 0:
        raise ValueError(f"Default minutes per item must be 0 or more, not {default_minutes}.")

    loads = {m.id: _Load(m) for m in meeting_list}
    candidate_ids = {c.topic_id for c in candidate_list}
    released: dict[int, list[Placement]] = defaultdict(list)
    kept: dict[int, tuple[Placement, MeetingSlot]] = {}

    def entry_order(p: Placement) -> tuple[object, ...]:
        m = loads[p.meeting_id].meeting
        return (m.day, m.id, p.entry_id is None, p.entry_id or 0, p.topic_id)

    # Entries on meetings not given (another year, another committee) cannot affect these.
    known = sorted((p for p in existing_placements if p.meeting_id in loads), key=entry_order)
    for p in known:
        load = loads[p.meeting_id]
        m = load.meeting
        if (
            not p.pinned
            and p.topic_id in candidate_ids
            and m.day > today
            and (m.cancelled or m.is_open(today))
        ):
            released[p.topic_id].append(p)
            continue
        load.items += 1
        load.minutes += default_minutes if p.minutes is None else p.minutes
        if p.topic_id in candidate_ids and m.is_upcoming(today):
            kept.setdefault(p.topic_id, (p, m))

    open_loads = [loads[m.id] for m in meeting_list if m.is_open(today)]
    # Meetings that are full are dropped from this list as the plan fills up, which keeps
    # planning hundreds of topics quick.
    available = [load for load in open_loads if not load.is_full()]

    by_topic = {c.topic_id: c for c in candidate_list}
    need = {c.topic_id: default_minutes if c.minutes is None else c.minutes for c in candidate_list}
    booked: dict[int, tuple[_Load, str]] = {}  # topic -> where this suggestion puts it, and why
    on_meeting: dict[int, list[int]] = defaultdict(list)  # meeting -> topics booked on it here
    waiting: list[Candidate] = []

    def book(c: Candidate, load: _Load, reason: str) -> None:
        load.items += 1
        load.minutes += need[c.topic_id]
        booked[c.topic_id] = (load, reason)
        on_meeting[load.meeting.id].append(c.topic_id)

    # First pass: best priority first, each on the earliest meeting with room.
    for c in candidate_list:
        if c.topic_id in kept:
            continue
        chosen: _Load | None = None
        full_before = 0
        for load in available:
            if c.needed_by is not None and load.meeting.day > c.needed_by:
                break
            if load.has_room(need[c.topic_id]):
                chosen = load
                break
            full_before += 1
        if chosen is None:
            waiting.append(c)
            continue
        reason = "Urgent: earliest" if c.urgent else "Earliest"
        reason += " open meeting with room"
        if full_before:
            reason += f" (the {full_before} before it cannot take it)"
        if c.needed_by is not None:
            reason += f"; needed by {_day(c.needed_by)}"
        book(c, chosen, reason + ".")
        if chosen.is_full():
            available.remove(chosen)

    # A needed-by date is a hard limit and priority is not: a topic that must be heard by a
    # date may take the place of one that can wait for a later meeting.
    if not force:
        rank = {t: i for i, t in enumerate(by_topic)}
        for c in waiting:
            if c.needed_by is None:
                continue
            # An earlier move may already have left enough room.
            roomy = next(
                (
                    load
                    for load in open_loads
                    if load.meeting.day <= c.needed_by and load.has_room(need[c.topic_id])
                ),
                None,
            )
            if roomy is not None:
                book(c, roomy, f"Earliest open meeting with room; needed by {_day(c.needed_by)}.")
            else:
                _make_room(c, by_topic, rank, need, open_loads, booked, on_meeting)
        waiting = [c for c in waiting if c.topic_id not in booked]

    # Moving topics can leave room behind, so what still waits gets another look.
    unplaced: list[Unplaced] = []
    not_full = [load for load in open_loads if not load.is_full()]
    for c in waiting:
        roomy = next(
            (
                load
                for load in not_full
                if (c.needed_by is None or load.meeting.day <= c.needed_by)
                and load.has_room(need[c.topic_id])
            ),
            None,
        )
        eligible = [
            load for load in open_loads if c.needed_by is None or load.meeting.day <= c.needed_by
        ]
        if roomy is not None:
            book(c, roomy, "Earliest open meeting with room.")
            if roomy.is_full():
                not_full.remove(roomy)
        elif force and eligible:
            fullest_last = min(
                eligible,
                key=lambda load: (load.overflow_if_added(need[c.topic_id]), load.meeting.day),
            )
            by_date = f" by {_day(c.needed_by)}" if c.needed_by is not None else ""
            book(
                c,
                fullest_last,
                f"No open meeting{by_date} has room; booked over capacity as asked.",
            )
        else:
            unplaced.append(Unplaced(c.topic_id, _unplaced_reason(c, need[c.topic_id], open_loads)))

    placements: list[ProposedPlacement] = []
    released_ids: list[int] = []
    for c in candidate_list:
        old = released.get(c.topic_id, [])
        reuse: Placement | None = None
        if c.topic_id in kept:
            p, m = kept[c.topic_id]
            how = "Booked by hand" if p.pinned else "Already booked"
            reason = f"{how} for {_day(m.day)}; left where it is."
            placements.append(ProposedPlacement(c.topic_id, m.id, reason, p.entry_id))
        elif c.topic_id in booked:
            load, reason = booked[c.topic_id]
            # Reusing the old entry keeps its purpose and notes; same meeting means no change.
            reuse = next((e for e in old if e.meeting_id == load.meeting.id), None) or (
                old[0] if old else None
            )
            entry_id = reuse.entry_id if reuse is not None else None
            placements.append(ProposedPlacement(c.topic_id, load.meeting.id, reason, entry_id))
        released_ids.extend(e.entry_id for e in old if e is not reuse and e.entry_id is not None)

    return Suggestion(tuple(placements), tuple(unplaced), tuple(sorted(released_ids)))


def _make_room(
    c: Candidate,
    by_topic: dict[int, Candidate],
    rank: dict[int, int],
    need: dict[int, int],
    open_loads: Sequence[_Load],
    booked: dict[int, tuple[_Load, str]],
    on_meeting: dict[int, list[int]],
) -> bool:
    """Book ``c`` by its needed-by date by moving one topic booked in this suggestion to
    another meeting that has room for it, the lowest-priority such topic first."""
    if c.needed_by is None:
        return False
    # Only a meeting with some room left can take a displaced topic; when the programme is
    # full this list is short or empty, which keeps the search cheap.
    roomy = [alt for alt in open_loads if not alt.is_full()]
    if not roomy:
        return False
    for load in open_loads:
        if load.meeting.day > c.needed_by:
            break
        for q_id in sorted(on_meeting[load.meeting.id], key=rank.__getitem__, reverse=True):
            q = by_topic[q_id]
            if not load.has_room(need[c.topic_id], freed_minutes=need[q_id], freed_items=1):
                continue
            new_home = next(
                (
                    alt
                    for alt in roomy
                    if alt is not load
                    and (q.needed_by is None or alt.meeting.day <= q.needed_by)
                    and alt.has_room(need[q_id])
                ),
                None,
            )
            if new_home is None:
                continue
            load.items -= 1
            load.minutes -= need[q_id]
            on_meeting[load.meeting.id].remove(q_id)
            new_home.items += 1
            new_home.minutes += need[q_id]
            on_meeting[new_home.meeting.id].append(q_id)
            booked[q_id] = (
                new_home,
                f"Moved to {_day(new_home.meeting.day)} to make room for '{c.title}', "
                f"which is needed by {_day(c.needed_by)}.",
            )
            load.items += 1
            load.minutes += need[c.topic_id]
            on_meeting[load.meeting.id].append(c.topic_id)
            booked[c.topic_id] = (
                load,
                f"Needed by {_day(c.needed_by)}; '{q.title}' moved to "
                f"{_day(new_home.meeting.day)} to make room.",
            )
            return True
    return False


def _unplaced_reason(c: Candidate, minutes: int, open_loads: Sequence[_Load]) -> str:
    if not open_loads:
        return (
            "No meeting is open for bookings: each one is past, cancelled or past its "
            "report deadline. Add a meeting first."
        )
    if c.needed_by is not None:
        by_then = [load for load in open_loads if load.meeting.day <= c.needed_by]
        if not by_then:
            return (
                f"Needed by {_day(c.needed_by)}, but the first meeting open for bookings is "
                f"{_day(open_loads[0].meeting.day)}."
            )
        return (
            f"Needed by {_day(c.needed_by)}, but every meeting open for bookings by then is "
            "full. Make room, add a meeting or book it over capacity."
        )
    longest = [
        load.meeting.capacity_minutes
        for load in open_loads
        if load.meeting.capacity_minutes is not None
    ]
    if len(longest) == len(open_loads) and minutes > max(longest):
        return (
            f"It needs {minutes} minutes, longer than any meeting allows "
            f"({max(longest)} minutes at most)."
        )
    return "Every meeting open for bookings is full. Add a meeting or book it over capacity."


# --- Conflicts -----------------------------------------------------------------------------------


class ConflictKind(enum.StrEnum):
    OVER_CAPACITY = "over_capacity"
    AFTER_REPORT_DEADLINE = "after_report_deadline"
    AFTER_NEEDED_BY = "after_needed_by"
    OFFICER_OVERLOAD = "officer_overload"
    CANCELLED_MEETING = "cancelled_meeting"
    DUPLICATE_TOPIC = "duplicate_topic"


_KIND_ORDER = {kind: i for i, kind in enumerate(ConflictKind)}


@dataclass(frozen=True, slots=True)
class BookedItem:
    """A programme entry with what the checks need to know about its topic.

    ``booked_on`` is when the entry was made; an entry with no id is being booked now.
    ``to_follow`` marks a report that has not yet reached democratic support.
    """

    entry_id: int | None
    topic_id: int
    meeting_id: int
    title: str = ""
    minutes: int | None = None
    needed_by: date | None = None
    responsible: str | None = None
    booked_on: date | None = None
    to_follow: bool = False


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: ConflictKind
    meeting_id: int
    topic_ids: tuple[int, ...]
    message: str


def officer_names(responsible: str | None) -> list[str]:
    """The people named in a "Responsible Cabinet Member / Officer" cell.

    "Jo Siney/ Isabelle Morgan" names two people; separators are "/", ",", ";" and "&".
    """
    if not responsible:
        return []
    text = responsible
    for sep in (",", ";", "&"):
        text = text.replace(sep, "/")
    return [" ".join(part.split()) for part in text.split("/") if part.strip()]


def _title(item: BookedItem) -> str:
    return f"'{item.title}'" if item.title else f"Topic {item.topic_id}"


def conflicts(
    meetings: Iterable[MeetingSlot],
    placements_with_details: Iterable[BookedItem],
    *,
    today: date,
    max_items_per_officer: int = 4,
    default_minutes: int = 30,
) -> list[Conflict]:
    """Problems with the programme that someone should act on, in meeting order.

    Meetings already held or before ``today`` are history and are not checked.
    """
    by_id = {m.id: m for m in meetings}
    per_meeting: dict[int, list[BookedItem]] = defaultdict(list)
    for item in placements_with_details:
        if item.meeting_id in by_id:
            per_meeting[item.meeting_id].append(item)

    found: list[Conflict] = []
    for meeting_id, items in per_meeting.items():
        m = by_id[meeting_id]
        if m.held or m.day < today:
            continue
        items.sort(key=lambda i: (i.entry_id is None, i.entry_id or 0, i.topic_id, repr(i)))
        when = _day(m.day)

        if m.cancelled:
            titles = ", ".join(_title(i) for i in items)
            found.append(
                Conflict(
                    ConflictKind.CANCELLED_MEETING,
                    m.id,
                    _ids(items),
                    f"The {when} meeting is cancelled but still has {_items(len(items))}: "
                    f"{titles}. Move them to another meeting.",
                )
            )
            # Capacity, deadlines and officers do not matter at a meeting that will not happen.
            continue

        if m.capacity_items is not None and len(items) > m.capacity_items:
            found.append(
                Conflict(
                    ConflictKind.OVER_CAPACITY,
                    m.id,
                    _ids(items),
                    f"{when} has {_items(len(items))}; its capacity is {m.capacity_items}.",
                )
            )
        total_minutes = sum(default_minutes if i.minutes is None else i.minutes for i in items)
        if m.capacity_minutes is not None and total_minutes > m.capacity_minutes:
            found.append(
                Conflict(
                    ConflictKind.OVER_CAPACITY,
                    m.id,
                    _ids(items),
                    f"{when} has {total_minutes} minutes of items; its capacity is "
                    f"{m.capacity_minutes} minutes.",
                )
            )

        if m.report_deadline is not None and today > m.report_deadline:
            deadline = _day(m.report_deadline)
            for i in items:
                if i.entry_id is None or (
                    i.booked_on is not None and i.booked_on > m.report_deadline
                ):
                    message = (
                        f"{_title(i)} was booked for {when} after its report deadline of "
                        f"{deadline}."
                    )
                elif i.to_follow:
                    message = (
                        f"The report for {_title(i)} is still to follow; reports for {when} "
                        f"were due on {deadline}."
                    )
                else:
                    continue
                found.append(
                    Conflict(ConflictKind.AFTER_REPORT_DEADLINE, m.id, (i.topic_id,), message)
                )

        for i in items:
            if i.needed_by is not None and m.day > i.needed_by:
                found.append(
                    Conflict(
                        ConflictKind.AFTER_NEEDED_BY,
                        m.id,
                        (i.topic_id,),
                        f"{_title(i)} is booked for {when} but is needed by {_day(i.needed_by)}.",
                    )
                )

        officers: dict[str, tuple[str, list[BookedItem]]] = {}
        for i in items:
            for name in dict.fromkeys(officer_names(i.responsible)):
                key = name.casefold()
                officers.setdefault(key, (name, []))[1].append(i)
        for key in sorted(officers):
            name, theirs = officers[key]
            if len(theirs) > max_items_per_officer:
                found.append(
                    Conflict(
                        ConflictKind.OFFICER_OVERLOAD,
                        m.id,
                        _ids(theirs),
                        f"{name} is responsible for {_items(len(theirs))} at {when}; "
                        f"the most for one officer is {max_items_per_officer}.",
                    )
                )

        by_topic: dict[int, list[BookedItem]] = defaultdict(list)
        for i in items:
            by_topic[i.topic_id].append(i)
        for topic_id in sorted(by_topic):
            same = by_topic[topic_id]
            if len(same) > 1:
                found.append(
                    Conflict(
                        ConflictKind.DUPLICATE_TOPIC,
                        m.id,
                        (topic_id,),
                        f"{_title(same[0])} is on the {when} agenda {len(same)} times.",
                    )
                )

    # Stable sort: within a meeting, checks keep the order they were made in above.
    found.sort(
        key=lambda c: (
            by_id[c.meeting_id].day,
            c.meeting_id,
            _KIND_ORDER[c.kind],
            c.topic_ids,
        )
    )
    return found


def _ids(items: Iterable[BookedItem]) -> tuple[int, ...]:
    return tuple(sorted({i.topic_id for i in items}))
