"""The shape of a committee's municipal year, as figures for the Year page's charts and the
printed load chart: each meeting's load against its capacity, how many topics there are in
each priority band at each stage, and a timeline of the year's dates.

Every figure comes from the rules that already decide it, never worked out a second way: the
loads, capacities, "too many" and shown statuses from the planner's read model
(:func:`domain.ops.planning.planner_data`), bands from the agreed scores (``domain.scoring``),
deadlines from ``domain.deadlines`` through the planner, resolutions' targets from the
decisions log. The values are frozen, so the page compares a fresh read with the one it
shows and redraws only the charts whose figures changed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..codes import DecisionStatus
from ..dates import council_date, short_date
from ..decision_values import DecisionInfo, ReviewInfo
from ..models import Committee
from ..scheduling import HAPPENED
from ..scoring import NOT_A_SCRUTINY_TOPIC, PAPER, band_rank
from ..values import STAGES, MeetingWithEntries, ProgrammeView, TopicRow
from ..words import counted
from ..years import municipal_year_label, start_month, year_bounds
from .convert import committee_info, criteria_set_or_default, get, meeting_info
from .decisions import list_decisions
from .planning import PlannerData, planner_data, programme_warnings
from .planning.common import year_meetings
from .planning.loads import meeting_loads_of
from .reviews import list_reviews
from .topics import list_topics

NOT_SCORED = "Not scored"


# The timeline's kinds of mark, in the order its rows are drawn (top first).
MEETING = "meeting"
PUBLICATION = "publication"
REPORT_DEADLINE = "report_deadline"
REVIEW = "review"
RESOLUTION = "resolution"
MARK_KINDS: tuple[tuple[str, str], ...] = (
    (MEETING, "Meetings"),
    (PUBLICATION, "Agenda published"),
    (REPORT_DEADLINE, "Reports due"),
    (REVIEW, "Select reviews"),
    (RESOLUTION, "Resolutions' targets"),
)


@dataclass(frozen=True, slots=True)
class MeetingBar:
    """One meeting's load: items booked against the items it can take."""

    meeting_id: int
    day: dt.date
    label: str  # "11 Sept"
    items: int
    capacity: int | None  # items; None: no limit in items
    status: str  # as every view names it: a past meeting nobody marked is "held"
    over: bool  # the planner's warnings say it has too many (never a meeting that was held)
    load_text: str  # "7 of 6 items (1 too many)", the planner's own words

    @property
    def happened(self) -> bool:
        return self.status in HAPPENED

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def within(self) -> int:
        """The items within capacity (all of them when there is no limit or it is not over)."""
        if self.over and self.capacity is not None:
            return min(self.items, self.capacity)
        return self.items

    @property
    def excess(self) -> int:
        return self.items - self.within

    @property
    def words(self) -> str:
        """The load as the table and a screen reader say it."""
        if self.cancelled:
            return f"{self.load_text} (cancelled)"
        if self.happened:
            return f"{self.load_text} ({self.status})"
        if self.over:
            return f"{self.load_text} — over capacity"
        return self.load_text


@dataclass(frozen=True, slots=True)
class BandCount:
    """How many of the year's topics in one band are at each stage (``STAGES``' order)."""

    band: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class Mark:
    """A date on the timeline; ``end`` for a span (a select review)."""

    kind: str  # one of MARK_KINDS
    day: dt.date
    label: str
    ref_id: int  # the meeting, review or resolution it belongs to
    end: dt.date | None = None
    ongoing: bool = False  # a review still going on: its span runs on past ``end``


@dataclass(frozen=True, slots=True)
class YearView:
    committee_id: int
    committee_name: str
    committee_short_name: str
    year_start: int
    begins: dt.date
    ends: dt.date  # the first day of the next municipal year
    today: dt.date
    loads: tuple[MeetingBar, ...]
    bands: tuple[BandCount, ...]
    marks: tuple[Mark, ...]

    @property
    def year_label(self) -> str:
        return municipal_year_label(self.year_start)

    @property
    def over(self) -> tuple[MeetingBar, ...]:
        return tuple(b for b in self.loads if b.over)

    @property
    def load_summary(self) -> str:
        """One sentence about the loads, for the page and a screen reader."""
        if not self.loads:
            return "No meetings in this year yet."
        text = counted(len(self.loads), "meeting")
        over = self.over
        if not over:
            return f"{text}; none over capacity."
        return f"{text}; {len(over)} over capacity: {', '.join(b.label for b in over)}."

    @property
    def band_summary(self) -> str:
        total = sum(b.total for b in self.bands)
        if not total:
            return "No topics accepted, scheduled or not pursued in this year yet."
        parts = [f"{b.band} {b.total}" for b in self.bands if b.total]
        return f"{counted(total, 'topic')}: {', '.join(parts)}."

    @property
    def timeline_summary(self) -> str:
        kinds = Counter(m.kind for m in self.marks)
        parts = [f"{title} {kinds[kind]}" for kind, title in MARK_KINDS if kinds[kind]]
        return f"Today {council_date(self.today)}. " + ("; ".join(parts) or "No dates in this year yet.")


def bar_label(day: dt.date) -> str:
    """'11 Sept': a meeting under its bar (the year is the page's)."""
    return short_date(day).rsplit(" ", 1)[0]


def meeting_bars(data: PlannerData) -> tuple[MeetingBar, ...]:
    """Each meeting's load, from the planner's read model."""
    bars = []
    for group in data.programme.meetings:
        m = group.meeting
        load = data.loads.get(m.id)
        bars.append(
            MeetingBar(
                meeting_id=m.id,
                day=m.starts_at.date(),
                label=bar_label(m.starts_at.date()),
                items=load.items if load is not None else len(group.entries),
                capacity=load.capacity_items if load is not None else None,
                status=data.status_of(m),
                over=data.over_capacity(m),
                load_text=data.load_text(m),
            )
        )
    return tuple(bars)


def band_counts(topics: Iterable[TopicRow], band_names: Sequence[str] = ()) -> tuple[BandCount, ...]:
    """The year's topics by band and stage: the bands highest first, then "Not a scrutiny
    topic", then any other band found, then the unscored; every band of ``band_names`` (the
    criteria set's) is listed even when it has no topics."""
    names = list(band_names) or [b.name for b in sorted(PAPER.bands, key=lambda b: band_rank(b.name))]
    counts: dict[str, list[int]] = {n: [0] * len(STAGES) for n in [*names, NOT_A_SCRUTINY_TOPIC]}
    for t in topics:
        for i, (_title, statuses) in enumerate(STAGES):
            if t.status in statuses:
                counts.setdefault(t.band or NOT_SCORED, [0] * len(STAGES))[i] += 1
    unscored = counts.pop(NOT_SCORED, None)
    out = [BandCount(name, tuple(c)) for name, c in counts.items()]
    if unscored is not None:
        out.append(BandCount(NOT_SCORED, tuple(unscored)))
    return tuple(out)


def _review_mark(r: ReviewInfo, begins: dt.date, ends: dt.date, today: dt.date) -> Mark | None:
    """A review's span: from when it was added (or its first meeting) to when it reported (or
    its last meeting, or today while it goes on); None when it misses the year."""
    days = [d for d in (r.added_on, *(m.starts_at.date() for m in r.meetings)) if d is not None]
    if not days:
        return None
    start = min(days)
    ongoing = r.reported_on is None and not r.status.finished
    last = r.reported_on or max([*days, today] if ongoing else days)
    if last < begins or start >= ends:
        return None
    label = "Part II review" if r.exempt else r.title
    return Mark(REVIEW, start, label, r.id, end=last, ongoing=ongoing)


def timeline_marks(
    data: PlannerData,
    reviews: Iterable[ReviewInfo],
    decisions: Iterable[DecisionInfo],
    begins: dt.date,
    ends: dt.date,
) -> tuple[Mark, ...]:
    """The year's dates: meetings with their publication and report deadlines, select reviews'
    spans, and resolutions' target dates in the year."""
    marks: list[Mark] = []
    for group in data.programme.meetings:
        m = group.meeting
        status = data.status_of(m)
        day = m.starts_at.date()
        said = f"{council_date(day)} ({status})" if status != "scheduled" else council_date(day)
        marks.append(Mark(MEETING, day, f"Meeting {said}", m.id))
        deadline = data.deadlines.get(m.id)
        if deadline is not None and status != "cancelled":
            marks.append(Mark(PUBLICATION, deadline.publication, f"Agenda published for {council_date(day)}", m.id))
            marks.append(Mark(REPORT_DEADLINE, deadline.report_deadline, f"Reports due for {council_date(day)}", m.id))
    marks += [mark for r in reviews if (mark := _review_mark(r, begins, ends, data.today)) is not None]
    for d in decisions:
        if d.target_date is not None and begins <= d.target_date < ends:
            what = f"Minute {d.minute_no}: {d.title}" if d.minute_no else d.title
            state = " (overdue)" if d.overdue else " (complete)" if d.status == DecisionStatus.COMPLETE else ""
            marks.append(Mark(RESOLUTION, d.target_date, f"{what}{state}", d.id))
    order = {kind: i for i, (kind, _t) in enumerate(MARK_KINDS)}
    return tuple(sorted(marks, key=lambda m: (order[m.kind], m.day, m.ref_id)))


def _band_names(session: Session, committee_id: int) -> tuple[str, ...]:
    """The bands of the tool the committee scores with, highest first (none: PAPER's)."""
    tool = criteria_set_or_default(session, get(session, Committee, committee_id).criteria_set_id)
    return () if tool is None else tuple(b.name for b in sorted(tool.bands, key=lambda b: -b.max_total))


def year_view(session: Session, *, committee_id: int, year_start: int, today: dt.date) -> YearView:
    """The year's loads, priority spread and timeline, in one transaction."""
    data = planner_data(session, committee_id=committee_id, year_start=year_start, today=today)
    begins, ends = year_bounds(year_start, start_month(session))
    return YearView(
        committee_id=committee_id,
        committee_name=data.programme.committee.name,
        committee_short_name=data.programme.committee.short_name,
        year_start=year_start,
        begins=begins,
        ends=ends,
        today=today,
        loads=meeting_bars(data),
        bands=band_counts(
            list_topics(session, committee_id=committee_id, year_start=year_start),
            _band_names(session, committee_id),
        ),
        marks=timeline_marks(
            data,
            list_reviews(session, committee_id=committee_id),
            list_decisions(session, committee_id=committee_id, today=today),
            begins,
            ends,
        ),
    )


def year_loads(session: Session, *, committee_id: int, year_start: int, today: dt.date) -> tuple[MeetingBar, ...]:
    """Only the loads, for the printed load chart, read without a word of any item (so an
    exempt item's text is never even loaded): the meetings, their counts and the kinds of
    the planner's warnings, put through the same planner rules as the Year page's."""
    committee = get(session, Committee, committee_id)
    meetings = year_meetings(session, committee_id, year_start)
    loads = meeting_loads_of(session, committee, meetings)
    data = PlannerData(
        programme=ProgrammeView(
            committee=committee_info(committee),
            year_start=year_start,
            approved=False,
            meetings=tuple(MeetingWithEntries(meeting_info(m, loads[m.id].items), ()) for m in meetings),
            to_be_scheduled=(),
            reviews=(),
        ),
        deadlines={},
        loads=loads,
        warnings=tuple(
            programme_warnings(session, committee_id=committee_id, year_start=year_start, today=today, words=False)
        ),
        today=today,
    )
    return meeting_bars(data)
