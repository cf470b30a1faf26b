"""Starting next year's programme: carrying a committee's items into the next municipal year.

In April or May the democratic advisor starts the new year's work programme from the old
one: the items still to be scheduled go on waiting, the standing items ("Tracking Decisions",
"Work Programme") are the new year's too, and some reports come back every year (an annual
report, the budget). Each carried item is a new topic of the new year, linked to the one it
came from (``topic_carry``), which stays on the old year's programme as it was.

A topic is carried at most once: the link's origin is unique, so when two people carry the
same item at the same moment the database refuses the second, and that item is reported as
already carried. Exempt (Part II) items stay exempt, with their paragraph. Scores stay with
the year they were given in: the new year's topic is scored afresh.

Carried standing items are put on the new year's meetings still to be held (if it has any),
as "Place standing items" would; a meeting made later gets them as every new meeting does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import schema
from ..errors import Invalid
from ..models import Committee, Topic, TopicCarry, TopicKind, TopicStatus
from ..years import short_year_label, year_bounds
from ..years import start_month as council_start_month
from .convert import get
from .planning.common import UNSCHEDULED, still_to_hold, year_meetings
from .planning.snapshots import ProgrammeState, capture_state, restore_state
from .planning.standing import place_standing

WAITING, STANDING, REPORT = "waiting", "standing", "report"
GROUP_WORDS = {
    WAITING: "Items to be scheduled",
    STANDING: "Standing items",
    REPORT: "Reports heard this year (tick those that come back every year)",
}
_LIVE_STANDING = (TopicStatus.ACCEPTED, TopicStatus.SCHEDULED, TopicStatus.TO_BE_SCHEDULED)
_HEARD = (TopicStatus.SCHEDULED, TopicStatus.DONE)
# What a carried topic takes from its origin, as it is: the item, and the suggestion it came
# from (who proposed it and how to reply, the outcome wanted, the plan aim, the workload, the
# screening flags with their reasons). Not ``told_on``: the proposer was told what became of it
# in the old year, and is still to be told that it goes on into the new one. ``urgent`` and
# its reason only for an item still waiting (see _new_values).
_COPIED = (
    "title", "reason", "responsible", "source_kind", "source_ref", "added_on", "kind", "exempt",
    "exempt_paragraph", "estimated_minutes", "decision_id", "outcome", "plan_link", "workload",
    "proposer_name", "proposer_contact", "screening",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    """A topic of the year that could be carried."""

    id: int
    group: str  # WAITING, STANDING or REPORT
    title: str
    responsible: str
    exempt: bool
    exempt_paragraph: int | None
    carried_to: int | None  # the next year's topic it was carried to already, if any
    chosen: bool  # ticked at first: items to be scheduled and standing items

    @property
    def part_ii(self) -> str:
        from ..printing.document import part_ii_label

        return part_ii_label(self.exempt, self.exempt_paragraph)


@dataclass(frozen=True, slots=True)
class NextYearPlan:
    committee_id: int
    committee: str
    from_year: int
    to_year: int
    meetings: int  # the next year's meetings still to be held
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True, slots=True)
class CarriedRow:
    """A topic a carry made, as it made it (to make it again with the same id on redo)."""

    id: int
    origin_id: int
    values: tuple[tuple[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Carried:
    """What one carry did: the topics it made, and the new year's meetings before and after
    its standing items went on them."""

    committee_id: int
    from_year: int
    to_year: int
    rows: tuple[CarriedRow, ...]
    skipped: tuple[str, ...]  # titles someone else carried first
    before: ProgrammeState
    after: ProgrammeState
    versions: tuple[tuple[str, int, int], ...]  # ("topic", id, version) of the topics made

    @property
    def summary(self) -> str:
        from ..words import counted

        text = f"{counted(len(self.rows), 'item')} carried into {short_year_label(self.to_year)}"
        if self.skipped:
            text += f"; {counted(len(self.skipped), 'item')} already carried by someone else"
        return text + "."


def _group(t: Any) -> str | None:
    if t.kind == TopicKind.SELECT_REVIEW:
        return None
    if t.kind == TopicKind.STANDING:
        return STANDING if t.status in _LIVE_STANDING else None
    if t.status in UNSCHEDULED:
        return WAITING
    return REPORT if t.status in _HEARD else None


def next_year_plan(session: Session, *, committee_id: int, year_start: int) -> NextYearPlan:
    """What could be carried from ``year_start`` into the year after, in the dialog's order:
    items to be scheduled, standing items, then the reports heard this year."""
    committee = get(session, Committee, committee_id)
    t, c = schema.topic, schema.topic_carry
    rows = session.execute(
        select(t.c.id, t.c.title, t.c.responsible, t.c.kind, t.c.status, t.c.exempt, t.c.exempt_paragraph,
               t.c.added_on, c.c.topic_id.label("carried_to"))
        .outerjoin(c, c.c.origin_id == t.c.id)
        .where(t.c.committee_id == committee_id, t.c.year_start == year_start)
        .order_by(t.c.added_on, t.c.id)
    ).all()  # fmt: skip
    order = {WAITING: 0, STANDING: 1, REPORT: 2}
    candidates = sorted(
        (
            Candidate(
                r.id, group, r.title, r.responsible, bool(r.exempt), r.exempt_paragraph if r.exempt else None,
                r.carried_to, group in (WAITING, STANDING) and r.carried_to is None,
            )  # fmt: skip
            for r in rows
            if (group := _group(r)) is not None
        ),
        key=lambda x: order[x.group],
    )
    open_meetings = [m for m in year_meetings(session, committee_id, year_start + 1) if still_to_hold(m)]
    return NextYearPlan(
        committee_id, committee.name, year_start, year_start + 1, len(open_meetings), tuple(candidates)
    )


def _new_values(origin: Topic, to_year: int, month: int) -> dict[str, Any]:
    values = {name: getattr(origin, name) for name in _COPIED}
    values["year_start"] = to_year
    if origin.kind == TopicKind.STANDING:
        values["status"] = TopicStatus.ACCEPTED
    elif origin.status in UNSCHEDULED:
        values["status"] = origin.status
    else:
        values["status"] = TopicStatus.TO_BE_SCHEDULED
    # A needed-by date the old year has passed would only warn; a later one still holds.
    begins = year_bounds(to_year, month)[0]
    values["needed_by"] = origin.needed_by if origin.needed_by and origin.needed_by >= begins else None
    # An urgent item not yet heard is still urgent; a report heard this year that comes back
    # next year was urgent for this year's timetable, and is judged afresh.
    waiting = origin.status in UNSCHEDULED and origin.kind != TopicKind.STANDING
    values["urgent"] = bool(origin.urgent) and waiting
    values["urgent_reason"] = origin.urgent_reason if values["urgent"] else ""
    return values


def _add(session: Session, topic_id: int | None, origin_id: int, committee_id: int, values: Mapping[str, Any]) -> int | None:
    """Make the topic and its link in a savepoint; None when the origin was carried already
    (the unique link refuses it, and the savepoint takes the topic back)."""
    try:
        with session.begin_nested():
            t = Topic(committee_id=committee_id, **values)
            if topic_id is not None:
                t.id = topic_id
            session.add(t)
            session.flush()
            session.add(TopicCarry(topic_id=t.id, origin_id=origin_id))
            session.flush()
            return t.id
    except IntegrityError:
        link = select(schema.topic_carry.c.topic_id).where(schema.topic_carry.c.origin_id == origin_id)
        if session.scalar(link) is not None:
            return None
        if topic_id is None:
            raise
        # The id this topic had is someone else's by now (SQLite hands freed ids out again).
        return _add(session, None, origin_id, committee_id, values)


def carry_forward(
    session: Session,
    *,
    committee_id: int,
    year_start: int,
    topic_ids: Sequence[int],
    reuse: Carried | None = None,
    check: bool = True,
) -> Carried:
    """Carry the chosen topics of ``year_start`` into the next year, in one transaction.

    A topic someone else carried first is left out and named in ``skipped``. With ``reuse``
    (what an earlier run made, since undone) the topics and the standing items' places on the
    agendas are made again with the same ids, after checking (unless ``check`` is False) that
    the new year's meetings are as the undo left them.
    """
    get(session, Committee, committee_id)
    to_year = year_start + 1
    month = council_start_month(session)
    wanted = list(dict.fromkeys(topic_ids))
    origins = {t.id: t for t in session.scalars(select(Topic).where(Topic.id.in_(wanted)))} if wanted else {}
    for tid in wanted:
        o = origins.get(tid)
        if o is None:
            raise Invalid("An item chosen to carry has been deleted since the list was read; start again.")
        if o.committee_id != committee_id or o.year_start != year_start:
            raise Invalid(f"'{o.title}' is not on this committee's {short_year_label(year_start)} programme.")
    if not wanted:
        raise Invalid("Choose at least one item to carry into the next year.")
    meeting_ids = [m.id for m in year_meetings(session, committee_id, to_year)]
    before = reuse.before if reuse is not None else capture_state(session, meeting_ids=meeting_ids)
    given = {r.origin_id: r for r in reuse.rows} if reuse is not None else {}
    made: list[CarriedRow] = []
    skipped: list[str] = []
    for tid in wanted:
        origin = origins[tid]
        old = given.get(tid)
        values = dict(old.values) if old is not None else _new_values(origin, to_year, month)
        new_id = _add(session, old.id if old is not None else None, tid, committee_id, values)
        if new_id is None:
            skipped.append(origin.title)
        else:
            made.append(CarriedRow(new_id, tid, tuple(values.items())))
    if reuse is not None:
        after = restore_state(session, state=reuse.after, expected=reuse.before if check else None)
    else:
        if any(dict(r.values)["kind"] == TopicKind.STANDING for r in made):
            place_standing(session, committee_id, to_year)
        after = capture_state(session, meeting_ids=meeting_ids)
    return Carried(
        committee_id, year_start, to_year, tuple(made), tuple(skipped), before, after,
        _versions(session, (r.id for r in made)),
    )  # fmt: skip


def _versions(session: Session, ids: Iterable[int]) -> tuple[tuple[str, int, int], ...]:
    wanted = list(ids)
    if not wanted:
        return ()
    t = schema.topic
    found = session.execute(select(t.c.id, t.c.version).where(t.c.id.in_(wanted))).all()
    return tuple(("topic", int(i), int(v)) for i, v in sorted(found))


def undo_carry(session: Session, *, carried: Carried, expected: Carried | None = None) -> Carried:
    """Take back what a carry made: the standing items' places on the new year's agendas and
    the carried topics. ``expected`` has the versions the caller left them at; when someone
    changed one since (booked it, edited it), nothing changes and Conflict says who."""
    restore_state(session, state=carried.before, expected=carried.after if expected is not None else None)
    versions = {row_id: v for _table, row_id, v in (expected.versions if expected is not None else ())}
    for r in carried.rows:
        t = session.get(Topic, r.id)
        if t is None:
            continue
        get(session, Topic, r.id, versions.get(r.id))
        session.delete(t)
    session.flush()
    return carried


def carried_from(session: Session, *, topic_id: int) -> tuple[int, int, str] | None:
    """The topic this one was carried from: (its id, its year, its title), or None."""
    t, c = schema.topic, schema.topic_carry
    row = session.execute(
        select(t.c.id, t.c.year_start, t.c.title).join(c, c.c.origin_id == t.c.id).where(c.c.topic_id == topic_id)
    ).first()
    return None if row is None else (int(row.id), int(row.year_start), str(row.title))
