"""ORM rows to plain values, and the lookups every use case needs."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Row, Table, and_, func, select

from .. import schema, scoring
from ..dates import short_date
from ..errors import Conflict, NotFound
from ..screening import normal_screening
from ..values import (
    AnswerValue,
    AssessmentInfo,
    BandInfo,
    CommitteeInfo,
    CriteriaSetInfo,
    MeetingInfo,
    QuestionInfo,
    TopicRow,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..models import (
        Assessment,
        Base,
        Committee,
        CriteriaSet,
        Meeting,
        Topic,
    )
    from ..reader import Reader

M = TypeVar("M", bound="Base")

_WHAT = {
    "Committee": "committee",
    "Meeting": "meeting",
    "Topic": "topic",
    "Assessment": "score",
    "ProgrammeEntry": "programme entry",
    "Decision": "resolution",
    "SelectReview": "review",
    "Recommendation": "recommendation",
    "ProgressNote": "progress note",
    "CriteriaSet": "criteria set",
    "ReviewMeeting": "review meeting",
    "ProgrammeYear": "programme",
}

_CHUNK = 500  # ids per IN (...) list, well under every database's limit
_Key = TypeVar("_Key", int, str)


def chunks(ids: Sequence[_Key]) -> list[Sequence[_Key]]:
    """``ids`` (or keys) in slices short enough for an ``IN (...)`` list."""
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def changed_since(
    session: Session, model: type[Base], row_id: int | str, now: dt.datetime | None = None
) -> Conflict:
    """The error for a row someone changed since it was read, naming who changed it last and
    when, from the audit history: "Sam Patel changed 'School attendance' at 14:05 today."."""
    from .history import row_history

    what = _WHAT.get(model.__name__, model.__name__.lower())
    table: str = model.__table__.name  # type: ignore[attr-defined]  # a Table
    latest = next(iter(row_history(session, table=table, row_id=row_id, limit=1)), None)
    if latest is None:
        return Conflict(
            f"Someone else changed this {what} since you opened it. Your change was not saved.",
            table=table, row_id=row_id,
        )  # fmt: skip
    thing = f"'{latest.label}'" if latest.label else f"this {what}"
    return Conflict(
        f"{latest.who} changed {thing} {_moment(latest.at, now)}, after you opened it. "
        "Your change was not saved.",
        table=table, row_id=row_id, who=latest.who, when=latest.at,
    )  # fmt: skip


def _moment(at: dt.datetime, now: dt.datetime | None = None) -> str:
    """A recent moment in the user's words and time zone: "at 14:05 today"."""
    local = at.astimezone()
    today = (now or dt.datetime.now(dt.UTC)).astimezone().date()
    clock = f"{local:%H:%M}"
    if local.date() == today:
        return f"at {clock} today"
    if local.date() == today - dt.timedelta(days=1):
        return f"at {clock} yesterday"
    return f"on {short_date(local.date())} at {clock}"


def _gone(what: str) -> NotFound:
    return NotFound(f"That {what} no longer exists; someone may have deleted it.")


def get(session: Session, model: type[M], id_: int, expected_version: int | None = None) -> M:
    """Fetch a row, or raise NotFound; check its version when the caller read one."""
    row = session.get(model, id_)
    what = _WHAT.get(model.__name__, model.__name__.lower())
    if row is None:
        raise _gone(what)
    if expected_version is not None and row.version != expected_version:  # type: ignore[attr-defined]
        raise changed_since(session, model, id_)
    return row


def check_versions(
    session: Session, model: type[Base], read: Mapping[int, int] | None, now: Mapping[int, int] | None = None
) -> None:
    """Raise the Conflict for the first row of ``model`` whose version is not the one the
    caller read (``read``: id -> version), or that someone deleted. ``now`` is the versions
    of every row the caller acts on as they are, when a row added since counts as well."""
    if read is None:
        return
    if now is None:
        ids = list(read)
        column = model.id  # type: ignore[attr-defined]
        found = session.execute(select(column, model.version).where(column.in_(ids))) if ids else ()  # type: ignore[attr-defined]
        now = {row_id: version for row_id, version in found}
        changed = [i for i in read if read[i] != now.get(i)]
    else:
        changed = [i for i in read.keys() | now.keys() if read.get(i) != now.get(i)]
    if changed:
        raise changed_since(session, model, min(changed))


def lines(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.splitlines() if s.strip())


def committee_info(c: Committee | Row[*tuple[Any, ...]]) -> CommitteeInfo:
    return CommitteeInfo(
        id=c.id,
        version=c.version,
        name=c.name,
        short_name=c.short_name,
        remit=c.remit,
        corporate_priorities=c.corporate_priorities,
        chair=c.chair,
        vice_chair=c.vice_chair,
        members=lines(c.members),
        co_opted=lines(c.co_opted),
        officer_name=c.officer_name,
        officer_phone=c.officer_phone,
        officer_email=c.officer_email,
        default_venue=c.default_venue,
        default_time=c.default_time,
        capacity_items=c.capacity_items,
        capacity_minutes=c.capacity_minutes,
        minutes_per_item=c.minutes_per_item,
        programme_layout=c.programme_layout or "scored",
    )


def meeting_info(m: Meeting, item_count: int = 0) -> MeetingInfo:
    return MeetingInfo(
        id=m.id,
        version=m.version,
        committee_id=m.committee_id,
        starts_at=m.starts_at,
        venue=m.venue,
        status=m.status.value,
        moved_from=m.moved_from,
        capacity_items=m.capacity_items,
        capacity_minutes=m.capacity_minutes,
        notes=m.notes,
        item_count=item_count,
    )


def criteria_set_info(cs: CriteriaSet) -> CriteriaSetInfo:
    return CriteriaSetInfo(
        id=cs.id,
        name=cs.name,
        revision=cs.revision,
        questions=tuple(
            QuestionInfo(
                q.id, q.position, q.letter, q.title, q.question, q.weight,
                q.kind, q.scale_min, q.scale_max, q.help,
            )  # fmt: skip
            for q in cs.criteria
        ),
        bands=tuple(BandInfo(b.name, b.min_total, b.max_total, b.colour) for b in cs.bands),
        version=cs.version,
        is_default=cs.is_default,
        replaced_by=cs.replaced_by,
    )


def answer_value(stored: int | None, q: QuestionInfo) -> bool | int | None:
    """A stored answer as the question reads it: True/False for Yes/No, else the value."""
    if stored is None:
        return None
    return int(stored) if q.is_scale else bool(stored)


class CriteriaCache:
    """Criteria sets by id, loaded once per operation."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._sets: dict[int, CriteriaSetInfo] = {}

    def __getitem__(self, set_id: int) -> CriteriaSetInfo:
        info = self._sets.get(set_id)
        if info is None:
            from sqlalchemy.orm import selectinload

            from ..models import CriteriaSet

            cs = self._session.scalars(
                select(CriteriaSet)
                .where(schema.criteria_set.c.id == set_id)
                .options(selectinload(CriteriaSet.criteria), selectinload(CriteriaSet.bands))
            ).one()
            info = self._sets[set_id] = criteria_set_info(cs)
        return info


def criteria_set_or_default(
    session: Session, criteria_set_id: int | None, cache: CriteriaCache | None = None
) -> CriteriaSetInfo | None:
    """A criteria set: the given one (a committee's or a score's), else the default; None
    when the database has none.

    Read only: printing and the Year page never create the default set. ``cache`` serves a
    print of many sheets.
    """
    set_id = criteria_set_id
    if set_id is None:
        set_id = session.scalar(
            select(schema.criteria_set.c.id)
            .where(schema.criteria_set.c.is_default.is_(True))
            .order_by(schema.criteria_set.c.revision.desc())
            .limit(1)
        )
    return None if set_id is None else (cache or CriteriaCache(session))[set_id]


def assessment_info(a: Assessment, cs: CriteriaSetInfo) -> AssessmentInfo:
    by_criterion = {ans.criterion_id: ans for ans in a.answers}
    answers = tuple(
        AnswerValue(
            i,
            answer_value(by_criterion[q.id].answer, q) if q.id in by_criterion else None,
            by_criterion[q.id].evidence if q.id in by_criterion else "",
        )
        for i, q in enumerate(cs.questions)
    )
    imported = a.imported_total is not None
    if imported:
        total = a.imported_total or 0
        answers = ()
    else:
        total = scoring.total([x.answer for x in answers], [q.weight for q in cs.questions])
    return AssessmentInfo(
        id=a.id,
        version=a.version,
        topic_id=a.topic_id,
        criteria_set_id=a.criteria_set_id,
        scorer=a.scorer,
        scored_on=a.scored_on,
        agreed=a.agreed,
        answers=answers,
        total=total,
        max_total=cs.max_total,
        band=scoring.band_for(total, cs.band_rules),
        imported=imported,
        note=a.note,
    )


def summaries(infos: Iterable[AssessmentInfo]) -> list[scoring.ScoreSummary]:
    return [
        scoring.ScoreSummary(
            i.id, i.scorer, i.scored_on.isoformat(), i.total, i.max_total, i.band, i.agreed
        )
        for i in infos
    ]


def _set_rules(
    session: Reader, set_ids: Iterable[int]
) -> dict[int, tuple[int, tuple[scoring.BandRule, ...]]]:
    """Each criteria set's maximum total and band rules, read as plain columns: what
    :func:`agreed_scores` needs, without building the sets' questions as ORM objects."""
    ids = sorted(set(set_ids))
    if not ids:
        return {}
    maxima = {
        set_id: total
        for set_id, total in session.execute(
            select(
                schema.criterion.c.criteria_set_id,
                # A Yes/No question is stored with scale_max 1 (domain.ops.criteria).
                func.sum(schema.criterion.c.weight * schema.criterion.c.scale_max),
            )
            .where(schema.criterion.c.criteria_set_id.in_(ids))
            .group_by(schema.criterion.c.criteria_set_id)
        )
    }
    bands: dict[int, list[scoring.BandRule]] = defaultdict(list)
    for set_id, name, low, high, colour in session.execute(
        select(
            schema.band.c.criteria_set_id, schema.band.c.name, schema.band.c.min_total,
            schema.band.c.max_total, schema.band.c.colour,
        )  # fmt: skip
        .where(schema.band.c.criteria_set_id.in_(ids))
        .order_by(schema.band.c.criteria_set_id, schema.band.c.position)
    ):
        bands[set_id].append(scoring.BandRule(name, low, high, colour))
    return {i: (int(maxima.get(i) or 0), tuple(bands[i])) for i in ids}


def agreed_scores(session: Reader, topic_ids: Iterable[int]) -> dict[int, tuple[int, str | None]]:
    """The printed (agreed) score and band of each topic that has one.

    The totals are summed by the database (the weights of the Yes answers), one row per
    score: building every answer as an ORM object made loading a committee-year of 150
    topics take a quarter of a second. The criteria sets' maxima and bands are read as plain
    columns too, two small queries for all the sets the scores use.
    """
    ids = list(topic_ids)
    if not ids:
        return {}
    yes_weights = func.coalesce(func.sum(schema.criterion.c.weight * schema.answer.c.answer), 0)
    rows: list[Row[*tuple[Any, ...]]] = []
    for chunk in chunks(ids):
        rows.extend(
            session.execute(
                select(
                    schema.assessment.c.id,
                    schema.assessment.c.topic_id,
                    schema.assessment.c.criteria_set_id,
                    schema.assessment.c.scorer,
                    schema.assessment.c.scored_on,
                    schema.assessment.c.agreed,
                    schema.assessment.c.imported_total,
                    yes_weights,
                )
                .outerjoin(schema.answer, and_(schema.answer.c.assessment_id == schema.assessment.c.id, schema.answer.c.answer.isnot(None)))
                .outerjoin(schema.criterion, schema.criterion.c.id == schema.answer.c.criterion_id)
                .where(schema.assessment.c.topic_id.in_(chunk))
                .group_by(schema.assessment.c.id)
            )
        )
    sets = _set_rules(session, (r[2] for r in rows))
    by_topic: dict[int, list[scoring.ScoreSummary]] = defaultdict(list)
    for aid, tid, set_id, scorer, scored_on, agreed, imported, summed in rows:
        max_total, rules = sets[set_id]
        total = imported if imported is not None else int(summed)
        by_topic[tid].append(
            scoring.ScoreSummary(
                aid, scorer, scored_on.isoformat(), total, max_total,
                scoring.band_for(total, rules), agreed,
            )
        )
    result: dict[int, tuple[int, str | None]] = {}
    for tid, infos in by_topic.items():
        chosen = scoring.agreed_score(infos)
        if chosen is not None:
            result[tid] = (chosen.total, chosen.band)
    return result


# What topic_row reads; list_topics selects just these columns (plain rows, named as the
# attributes) rather than building each topic as an ORM object.
TOPIC_ROW_COLUMNS = (
    schema.topic.c.id, schema.topic.c.version, schema.topic.c.committee_id, schema.topic.c.year_start, schema.topic.c.title, schema.topic.c.reason,
    schema.topic.c.responsible, schema.topic.c.source_kind, schema.topic.c.source_ref, schema.topic.c.added_on, schema.topic.c.kind,
    schema.topic.c.status, schema.topic.c.status_reason, schema.topic.c.exempt, schema.topic.c.exempt_paragraph, schema.topic.c.needed_by,
    schema.topic.c.estimated_minutes, schema.topic.c.decision_id, schema.topic.c.exempt_cleared_reason,
    schema.topic.c.proposer_name, schema.topic.c.proposer_contact, schema.topic.c.outcome, schema.topic.c.plan_link,
    schema.topic.c.workload, schema.topic.c.screening, schema.topic.c.told_on, schema.topic.c.urgent,
    schema.topic.c.urgent_reason,
)  # fmt: skip


def topic_row(t: Topic | Row[*tuple[Any, ...]], score: tuple[int, str | None] | None) -> TopicRow:
    """A topic as a plain value, from the ORM object or a row of ``TOPIC_ROW_COLUMNS``."""
    return TopicRow(
        id=t.id,
        version=t.version,
        committee_id=t.committee_id,
        year_start=t.year_start,
        title=t.title,
        reason=t.reason,
        responsible=t.responsible,
        source_kind=t.source_kind.value if t.source_kind else None,
        source_ref=t.source_ref,
        added_on=t.added_on,
        kind=t.kind.value,
        status=t.status.value,
        status_reason=t.status_reason,
        exempt=t.exempt,
        exempt_paragraph=t.exempt_paragraph,
        needed_by=t.needed_by,
        estimated_minutes=t.estimated_minutes,
        score=score[0] if score else None,
        band=score[1] if score else None,
        decision_id=t.decision_id,
        exempt_cleared_reason=t.exempt_cleared_reason,
        proposer_name=t.proposer_name,
        proposer_contact=t.proposer_contact,
        outcome=t.outcome,
        plan_link=t.plan_link,
        workload=t.workload.value if t.workload else None,
        screening=normal_screening(t.screening),
        told_on=t.told_on,
        urgent=t.urgent,
        urgent_reason=t.urgent_reason,
    )


def committee_row_by_name(session: Reader, name: str) -> Row[*tuple[Any, ...]]:
    """The committee (its ``id``, ``name`` and ``short_name``) a name or short name names,
    ignoring case; read through the table, for the read paths."""
    wanted = name.strip().casefold()
    c = schema.committee.c
    committees = session.execute(select(c.id, c.name, c.short_name)).all()
    for row in committees:
        if wanted in (row.name.casefold(), row.short_name.casefold()):
            return row
    known = ", ".join(sorted(row.name for row in committees)) or "none yet"
    raise NotFound(f"There is no committee called '{name}'. Committees: {known}.")


def committee_by_name(session: Session, name: str) -> Committee:
    """The committee :func:`committee_row_by_name` finds, as the ORM object an edit needs."""
    from ..models import Committee

    return get(session, Committee, committee_row_by_name(session, name).id)


def row_of(session: Reader, table: Table, id_: int) -> Row[*tuple[Any, ...]]:
    """Row ``id_`` of ``table``, read without the ORM; NotFound when it is gone, as :func:`get`."""
    row = session.execute(select(table).where(table.c.id == id_)).first()
    if row is None:
        raise _gone(table.name.replace("_", " "))
    return row
