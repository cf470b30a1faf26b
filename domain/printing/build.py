"""Printed documents built from the database: the work programme, tracking decisions and
scoring sheets, as the plain values of ``domain.printing.document``.

Exempt (Part II) items never leak into a public document. Public documents take their rows from
an allow-list: every query that reads printable text carries ``schema.topic.c.exempt.is_(False)`` in its
SQL, so an exempt item's title, reason, officer, evidence or resolution is never even loaded.
When the council shows Part II placeholders (``show_part_ii_placeholders``), a second query
reads only where the exempt item sits and its Schedule 12A paragraph, nothing else. Only with
``include_exempt=True`` is everything read, and the document is then marked NOT FOR
PUBLICATION on every page and in its metadata.

Which rows are exempt (a tracking decision, a review, a row made from an exempt row) is
``domain.exemption``'s rule.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, false, or_, select

from .. import schema, scoring
from ..errors import Invalid
from ..exemption import decision_paragraphs, exempt_decision_sql, refuse_in_public
from ..ops.committees import is_approved, list_committees, list_years
from ..ops.convert import (
    CriteriaCache,
    agreed_scores,
    assessment_info,
    chunks,
    criteria_set_or_default,
    get,
    row_of,
    summaries,
)
from ..reader import orm_session
from ..schema import DecisionStatus, MeetingStatus, ReviewStatus, TopicKind, TopicStatus
from ..settings import CouncilSettings, load_settings
from ..values import AssessmentInfo, CommitteeInfo, CriteriaSetInfo
from ..years import municipal_year_label, year_bounds
from .document import (
    LAYOUTS,
    PURPOSE,
    SCORED,
    AgendaMeeting,
    AgendaRow,
    DecisionRow,
    DecisionsDoc,
    MeetingGroup,
    MeetingPapersDoc,
    PaperAnnex,
    PaperAnswer,
    PartIIPlaceholder,
    ProgrammeDoc,
    ProgrammeRow,
    ScheduleRow,
    ScoringSheet,
    part_ii,
    year_labels,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..models import Meeting
    from ..ops.evidence import EvidenceInfo
    from ..ops.year_view import MeetingBar
    from ..reader import Reader

TO_FOLLOW = "To follow"
VERBAL_UPDATE = "Verbal update"

# Topics waiting for a meeting ("Items to be scheduled").
_WAITING = (TopicStatus.TO_BE_SCHEDULED, TopicStatus.ACCEPTED)
# Select review topics that no longer belong on the programme.
_REVIEW_GONE = (TopicStatus.WITHDRAWN, TopicStatus.NOT_PURSUED, TopicStatus.DONE)


def _placeholder(paragraph: int | None) -> PartIIPlaceholder | None:
    # An exempt item with no (valid) paragraph cannot be cited, so it is left out altogether.
    if paragraph is None or not 1 <= paragraph <= 7:
        return None
    return PartIIPlaceholder(paragraph)


def _public(include_exempt: bool) -> Any:
    """The SQL condition that keeps exempt topics out of a public document."""
    return True if include_exempt else schema.topic.c.exempt.is_(False)


# ---------------------------------------------------------------------------------------------
# The work programme


@dataclass(frozen=True, slots=True)
class _Placed:
    """A printable row and where it goes: the key sorts rows exactly as the agenda has them."""

    key: tuple[Any, ...]
    row: Any


def _meeting_groups(
    session: Reader,
    committee_id: int,
    year_start: int,
    include_exempt: bool,
    placeholders: bool,
    layout: str,
    start_month: int,
) -> tuple[MeetingGroup, ...]:
    begins, ends = year_bounds(year_start, start_month)
    lo, hi = dt.datetime.combine(begins, dt.time()), dt.datetime.combine(ends, dt.time())
    meetings = session.execute(
        select(schema.meeting.c.id, schema.meeting.c.starts_at)
        .where(
            schema.meeting.c.committee_id == committee_id,
            schema.meeting.c.starts_at >= lo,
            schema.meeting.c.starts_at < hi,
            # A cancelled meeting is not on the public programme; its items are warned about in
            # the planner until the user moves them.
            schema.meeting.c.status != MeetingStatus.CANCELLED,
        )
        .order_by(schema.meeting.c.starts_at, schema.meeting.c.id)
    ).all()
    if not meetings:
        return ()
    meeting_ids = [m.id for m in meetings]
    rows = _booked(session, meeting_ids, include_exempt)
    scores = agreed_scores(session, {r.topic_id for r in rows})

    def programme_row(r: Any) -> ProgrammeRow:
        score = scores.get(r.topic_id)
        if layout == PURPOSE:
            # Purpose and reason have a column each, so neither stands in for the other.
            return ProgrammeRow(
                title=r.title,
                score=score[0] if score else None,
                reason=r.reason,
                responsible=r.responsible,
                flags=_flags(r),
                purpose=r.purpose or "",
                part_ii=part_ii(r.exempt, r.exempt_paragraph),
            )
        return ProgrammeRow(
            title=r.title,
            score=score[0] if score else None,
            reason=r.purpose if r.purpose is not None else r.reason,
            responsible=r.responsible,
            flags=_flags(r),
            part_ii=part_ii(r.exempt, r.exempt_paragraph),
        )

    by_meeting = _agendas(
        session, meeting_ids, rows, programme_row, placeholders and not include_exempt
    )
    return tuple(
        MeetingGroup(
            m.starts_at.date(),
            by_meeting[m.id],
        )
        for m in meetings
    )


def _booked(session: Reader, meeting_ids: Sequence[int], include_exempt: bool) -> Sequence[Any]:
    """The items booked onto the meetings, with their topics' printable text (public ones only
    unless ``include_exempt``)."""
    return session.execute(
        select(
            schema.programme_entry.c.id,
            schema.programme_entry.c.meeting_id,
            schema.programme_entry.c.position,
            schema.programme_entry.c.purpose,
            schema.programme_entry.c.to_follow,
            schema.programme_entry.c.verbal_update,
            schema.topic.c.id.label("topic_id"),
            schema.topic.c.title,
            schema.topic.c.reason,
            schema.topic.c.responsible,
            schema.topic.c.kind,
            schema.topic.c.exempt,
            schema.topic.c.exempt_paragraph,
        )
        .join(schema.topic, schema.topic.c.id == schema.programme_entry.c.topic_id)
        .where(schema.programme_entry.c.meeting_id.in_(meeting_ids), _public(include_exempt))
    ).all()


def _flags(r: Any) -> tuple[str, ...]:
    flags = []
    if r.to_follow:
        flags.append(TO_FOLLOW)
    if r.verbal_update or r.kind == TopicKind.VERBAL_UPDATE:
        flags.append(VERBAL_UPDATE)
    return tuple(flags)


def _agendas(
    session: Reader,
    meeting_ids: Sequence[int],
    rows: Sequence[Any],
    make_row: Callable[[Any], Any],
    placeholders: bool,
) -> dict[int, tuple[Any, ...]]:
    """Each meeting's printed rows in agenda order: ``make_row`` of each booked item and, with
    ``placeholders``, a ``PartIIPlaceholder`` where each exempt item sits."""
    by_meeting: dict[int, list[_Placed]] = defaultdict(list)
    for r in rows:
        by_meeting[r.meeting_id].append(_Placed((r.position, r.id), make_row(r)))
    if placeholders:
        # Only the position and the paragraph of an exempt item: nothing it says.
        for ex in session.execute(
            select(
                schema.programme_entry.c.id,
                schema.programme_entry.c.meeting_id,
                schema.programme_entry.c.position,
                schema.topic.c.exempt_paragraph,
            )
            .join(schema.topic, schema.topic.c.id == schema.programme_entry.c.topic_id)
            .where(schema.programme_entry.c.meeting_id.in_(meeting_ids), schema.topic.c.exempt.is_(True))
        ):
            ph = _placeholder(ex.exempt_paragraph)
            if ph is not None:
                by_meeting[ex.meeting_id].append(_Placed((ex.position, ex.id), ph))
    return {
        mid: tuple(p.row for p in sorted(by_meeting.get(mid, ()), key=lambda p: p.key))
        for mid in meeting_ids
    }


def waiting_order(topic_id: int) -> tuple[int]:
    """Where an item stands on the printed "Items to be scheduled" list (a sort key): in the
    order the items joined the list (as the council keeps it), not by date added: seed 001
    lists an item added in March 2019 before one added in November 2018."""
    return (topic_id,)


def _to_be_scheduled(
    session: Reader, committee_id: int, year_start: int, include_exempt: bool, placeholders: bool
) -> tuple[ScheduleRow | PartIIPlaceholder, ...]:
    waiting = (
        schema.topic.c.committee_id == committee_id,
        schema.topic.c.year_start == year_start,
        schema.topic.c.status.in_(_WAITING),
        schema.topic.c.kind != TopicKind.SELECT_REVIEW,
    )
    placed = [
        _Placed(
            waiting_order(t.id),
            ScheduleRow(t.title, t.reason, t.responsible, part_ii(t.exempt, t.exempt_paragraph)),
        )
        for t in session.execute(
            select(
                schema.topic.c.id,
                schema.topic.c.title,
                schema.topic.c.reason,
                schema.topic.c.responsible,
                schema.topic.c.exempt,
                schema.topic.c.exempt_paragraph,
            ).where(*waiting, _public(include_exempt))
        )
    ]
    if placeholders and not include_exempt:
        for t in session.execute(
            select(schema.topic.c.id, schema.topic.c.exempt_paragraph).where(*waiting, schema.topic.c.exempt.is_(True))
        ):
            ph = _placeholder(t.exempt_paragraph)
            if ph is not None:
                placed.append(_Placed(waiting_order(t.id), ph))
    return tuple(p.row for p in sorted(placed, key=lambda p: p.key))


@dataclass(frozen=True, slots=True)
class ListedReview:
    """A row of the printed "Select Committee Reviews" table and what it was made from."""

    key: tuple[Any, ...]  # sorts the rows as the table has them
    row: ScheduleRow
    topic_id: int | None
    exempt_paragraph: int | None  # set on an exempt review (only read with include_exempt)


def _review_scope(
    committee_id: int, year_start: int, start_month: int
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    year_begins, year_ends = year_bounds(year_start, start_month)
    current = (
        schema.select_review.c.committee_id == committee_id,
        schema.select_review.c.status != ReviewStatus.CLOSED,
        or_(schema.select_review.c.added_on.is_(None), schema.select_review.c.added_on < year_ends),
        or_(schema.select_review.c.reported_on.is_(None), schema.select_review.c.reported_on >= year_begins),
    )
    reviewed_topics = select(schema.select_review.c.topic_id).where(schema.select_review.c.topic_id.is_not(None))
    unreviewed = (
        schema.topic.c.committee_id == committee_id,
        schema.topic.c.year_start == year_start,
        schema.topic.c.kind == TopicKind.SELECT_REVIEW,
        schema.topic.c.status.not_in(_REVIEW_GONE),
        schema.topic.c.id.not_in(reviewed_topics),
    )
    return current, unreviewed


def _review_order(added_on: dt.date | None, kind: int, id_: int) -> tuple[Any, ...]:
    return (added_on is None, added_on or dt.date.max, kind, id_)


def listed_reviews(
    session: Reader,
    *,
    committee_id: int,
    year_start: int,
    include_exempt: bool,
    start_month: int,
) -> tuple[ListedReview, ...]:
    """The reviews the "Select Committee Reviews" table lists, in its order (no placeholders).

    A review (``SelectReview``) stays on every programme from the year it was added until it is
    closed, unless it reported before the year began (seed 001's 2019-20 programme still lists
    the bullying review added in March 2019); its reason is its topic's reason, else its scope.
    A select review topic of the year that has no review record yet is listed too.
    """
    current, unreviewed = _review_scope(committee_id, year_start, start_month)
    listed: list[ListedReview] = []
    public_review = or_(schema.select_review.c.topic_id.is_(None), _public(include_exempt))
    for r in session.execute(
        select(
            schema.select_review.c.id,
            schema.select_review.c.title,
            schema.select_review.c.scope,
            schema.select_review.c.lead_officer,
            schema.select_review.c.added_on,
            schema.topic.c.id.label("topic_id"),
            schema.topic.c.reason,
            schema.topic.c.responsible,
            schema.topic.c.exempt,
            schema.topic.c.exempt_paragraph,
        )
        .outerjoin(schema.topic, schema.topic.c.id == schema.select_review.c.topic_id)
        .where(*current, public_review)
    ):
        has_topic = r.topic_id is not None
        listed.append(
            ListedReview(
                _review_order(r.added_on, 0, r.id),
                ScheduleRow(
                    r.title,
                    r.reason if has_topic else r.scope,
                    r.lead_officer or (r.responsible if has_topic else ""),
                    part_ii(bool(r.exempt), r.exempt_paragraph),
                ),
                r.topic_id,
                r.exempt_paragraph if r.exempt else None,
            )
        )
    for t in session.execute(
        select(
            schema.topic.c.id, schema.topic.c.title, schema.topic.c.reason, schema.topic.c.responsible, schema.topic.c.added_on, schema.topic.c.exempt,
            schema.topic.c.exempt_paragraph,
        ).where(*unreviewed, _public(include_exempt))
    ):
        listed.append(
            ListedReview(
                _review_order(t.added_on, 1, t.id),
                ScheduleRow(t.title, t.reason, t.responsible, part_ii(t.exempt, t.exempt_paragraph)),
                t.id,
                t.exempt_paragraph if t.exempt else None,
            )
        )
    return tuple(sorted(listed, key=lambda r: r.key))


def _reviews(
    session: Reader,
    committee_id: int,
    year_start: int,
    include_exempt: bool,
    placeholders: bool,
    start_month: int,
) -> tuple[ScheduleRow | PartIIPlaceholder, ...]:
    """The "Select Committee Reviews" table: :func:`listed_reviews`, with a placeholder where
    an exempt review sits when the council shows them."""
    placed = [
        _Placed(r.key, r.row)
        for r in listed_reviews(
            session, committee_id=committee_id, year_start=year_start,
            include_exempt=include_exempt, start_month=start_month,
        )
    ]  # fmt: skip
    if placeholders and not include_exempt:
        current, unreviewed = _review_scope(committee_id, year_start, start_month)
        for ex in session.execute(
            select(schema.select_review.c.id, schema.select_review.c.added_on, schema.topic.c.exempt_paragraph)
            .join(schema.topic, schema.topic.c.id == schema.select_review.c.topic_id)
            .where(*current, schema.topic.c.exempt.is_(True))
        ):
            ph = _placeholder(ex.exempt_paragraph)
            if ph is not None:
                placed.append(_Placed(_review_order(ex.added_on, 0, ex.id), ph))
        for ex in session.execute(
            select(schema.topic.c.id, schema.topic.c.added_on, schema.topic.c.exempt_paragraph).where(
                *unreviewed, schema.topic.c.exempt.is_(True)
            )
        ):
            ph = _placeholder(ex.exempt_paragraph)
            if ph is not None:
                placed.append(_Placed(_review_order(ex.added_on, 1, ex.id), ph))
    return tuple(p.row for p in sorted(placed, key=lambda p: p.key))


def _rules(
    info: CriteriaSetInfo | None,
) -> tuple[tuple[scoring.Question, ...], tuple[scoring.BandRule, ...]]:
    if info is None:
        return scoring.PAPER.questions, scoring.PAPER.bands
    return info.question_rules, info.band_rules


def _printed_assessment(
    session: Session, topic_id: int, cache: CriteriaCache | None = None
) -> AssessmentInfo | None:
    """The assessment the programme prints for a topic (the agreed one), with its answers."""
    from sqlalchemy.orm import selectinload

    from ..models import Assessment

    cache = cache or CriteriaCache(session)
    infos = [
        assessment_info(a, cache[a.criteria_set_id])
        for a in session.scalars(
            select(Assessment)
            .where(schema.assessment.c.topic_id == topic_id)
            .options(selectinload(Assessment.answers))
            .order_by(schema.assessment.c.id)
        )
    ]
    chosen = scoring.agreed_score(summaries(infos))
    if chosen is None:
        return None
    return next(i for i in infos if i.id == chosen.assessment_id)


def _answers(info: AssessmentInfo) -> tuple[PaperAnswer, ...]:
    return tuple(PaperAnswer(a.answer, a.evidence) for a in info.answers)


def _annex(
    session: Session,
    committee: Row[*tuple[Any, ...]],
    annex_topic_id: int | None,
    include_exempt: bool,
) -> PaperAnnex:
    if annex_topic_id is None:
        questions, bands = _rules(criteria_set_or_default(session, committee.criteria_set_id))
        return PaperAnnex(questions=questions, bands=bands)
    exempt = session.scalar(select(schema.topic.c.exempt).where(schema.topic.c.id == annex_topic_id))
    if exempt is None:
        raise Invalid("The topic chosen for the annex no longer exists; choose another.")
    if exempt and not include_exempt:
        raise refuse_in_public("The topic chosen for the annex is")
    title = session.scalar(select(schema.topic.c.title).where(schema.topic.c.id == annex_topic_id)) or ""
    mark = part_ii(
        exempt,
        session.scalar(select(schema.topic.c.exempt_paragraph).where(schema.topic.c.id == annex_topic_id)),
    )
    assessment = _printed_assessment(session, annex_topic_id)
    if assessment is None:
        questions, bands = _rules(criteria_set_or_default(session, committee.criteria_set_id))
        return PaperAnnex(questions=questions, bands=bands, topic_title=title, part_ii=mark)
    questions, bands = _rules(criteria_set_or_default(session, assessment.criteria_set_id))
    if assessment.imported:
        # Only the total is known (typed in from a printed programme): no answers to show.
        return PaperAnnex(
            questions=questions,
            bands=bands,
            topic_title=title,
            total=assessment.total,
            band=assessment.band,
            part_ii=mark,
        )
    return PaperAnnex(
        questions=questions,
        bands=bands,
        answers=_answers(assessment),
        topic_title=title,
        part_ii=mark,
    )


def build_programme(
    session: Reader,
    *,
    committee_id: int,
    year_start: int,
    include_exempt: bool = False,
    annex: bool = False,
    annex_topic_id: int | None = None,
    load_chart: bool = False,
    today: dt.date | None = None,
) -> ProgrammeDoc:
    """A committee's work programme for one municipal year, ready to render.

    Public unless ``include_exempt``; see the module docstring for how exempt items are kept
    out. ``annex`` adds the prioritisation tool (blank, or filled in for ``annex_topic_id``).
    ``load_chart`` puts each meeting's load against its capacity (as of ``today``) on the
    first page. A programme not yet approved prints as a DRAFT.
    """
    committee = row_of(session, schema.committee, committee_id)
    settings = load_settings(session)
    placeholders = settings.show_part_ii_placeholders
    long_label, short_label = year_labels(year_start)
    layout = committee.programme_layout if committee.programme_layout in LAYOUTS else SCORED
    if layout == PURPOSE:
        long_label = municipal_year_label(year_start, "full")  # seed 000: "2015 - 2016"
    return ProgrammeDoc(
        committee_name=committee.name,
        year_label=long_label,
        short_year=short_label,
        officer_name=committee.officer_name,
        officer_phone=committee.officer_phone,
        council_name=settings.council_name,
        meetings=_meeting_groups(
            session,
            committee_id,
            year_start,
            include_exempt,
            placeholders,
            layout,
            settings.year_start_month,
        ),
        to_be_scheduled=_to_be_scheduled(
            session, committee_id, year_start, include_exempt, placeholders
        ),
        reviews=_reviews(
            session,
            committee_id,
            year_start,
            include_exempt,
            placeholders,
            settings.year_start_month,
        ),
        annex=(
            _annex(orm_session(session), committee, annex_topic_id, include_exempt)
            if annex or annex_topic_id is not None
            else None
        ),
        draft=not is_approved(session, committee_id=committee_id, year_start=year_start),
        not_for_publication=include_exempt,
        layout=layout,
        load_chart=_load_chart(session, committee_id, year_start, today) if load_chart else None,
    )


def _load_chart(
    session: Reader, committee_id: int, year_start: int, today: dt.date | None
) -> tuple[MeetingBar, ...]:
    """The Year page's load figures; only counts and dates, so exempt items need no care.
    They come from the planner's rules, which read through the ORM."""
    from ..ops.year_view import year_loads

    return year_loads(orm_session(session), committee_id=committee_id, year_start=year_start, today=today or dt.date.today())


def build_programmes(
    session: Reader, *, year_start: int, include_exempt: bool = False, annex: bool = False,
    load_chart: bool = False,
) -> tuple[tuple[CommitteeInfo, ProgrammeDoc], ...]:
    """Every committee's programme for one year ("Print all committees"), each committee with a
    programme that year once, in the committees' order."""
    return tuple(
        (
            c,
            build_programme(
                session, committee_id=c.id, year_start=year_start,
                include_exempt=include_exempt, annex=annex, load_chart=load_chart,
            ),
        )  # fmt: skip
        for c in list_committees(session)
        if year_start in list_years(session, committee_id=c.id)
    )


# ---------------------------------------------------------------------------------------------
# A meeting's own papers

FORWARD_LOOK = 3  # meetings after this one in the chair's briefing


def build_meeting_papers(
    session: Session,
    *,
    meeting_id: int,
    include_exempt: bool = False,
    forward_look: int = 0,
) -> MeetingPapersDoc:
    """A meeting's scrutiny items, each with its purpose, report author and the report
    deadline, and (``forward_look`` > 0) the items of that many meetings after it.

    Cancelled meetings are left out of the forward look. Exempt items follow the programme's
    rule: left out, a placeholder where the council shows them, or (``include_exempt``) in full
    and marked, with the document NOT FOR PUBLICATION.
    """
    # Deferred, as in build_decisions: printing a programme needs no working-day calendar.
    from ..deadlines import deadlines_for
    from ..models import Meeting
    from ..ops.planning.common import calendar_and_settings

    meeting = get(session, Meeting, meeting_id)
    committee = meeting.committee
    cal, settings = calendar_and_settings(session)
    meetings = [meeting]
    if forward_look > 0:
        meetings += session.scalars(
            select(Meeting)
            .where(
                schema.meeting.c.committee_id == meeting.committee_id,
                schema.meeting.c.status != MeetingStatus.CANCELLED,
                or_(
                    schema.meeting.c.starts_at > meeting.starts_at,
                    (schema.meeting.c.starts_at == meeting.starts_at) & (schema.meeting.c.id > meeting.id),
                ),
            )
            .order_by(schema.meeting.c.starts_at, schema.meeting.c.id)
            .limit(forward_look)
        ).all()
    ids = [m.id for m in meetings]

    def agenda_row(r: Any) -> AgendaRow:
        return AgendaRow(
            title=r.title,
            purpose=r.purpose if r.purpose else r.reason,
            author=r.responsible,
            flags=_flags(r),
            part_ii=part_ii(r.exempt, r.exempt_paragraph),
        )

    rows = _agendas(
        session,
        ids,
        _booked(session, ids, include_exempt),
        agenda_row,
        settings.show_part_ii_placeholders and not include_exempt,
    )

    def agenda(m: Meeting) -> AgendaMeeting:
        d = deadlines_for(
            m.starts_at.date(), cal, clear_days=settings.clear_days, report_days=settings.report_days
        )
        return AgendaMeeting(
            starts_at=m.starts_at,
            report_deadline=d.report_deadline,
            publication=d.publication,
            venue=m.venue,
            rows=rows[m.id],
        )

    return MeetingPapersDoc(
        committee_name=committee.name,
        council_name=settings.council_name,
        meeting=agenda(meeting),
        forward_look=tuple(agenda(m) for m in meetings[1:]),
        with_forward_look=forward_look > 0,
        not_for_publication=include_exempt,
    )


# ---------------------------------------------------------------------------------------------
# Tracking decisions


def _minute_key(minute_no: str) -> tuple[int, str]:
    digits = ""
    for ch in minute_no.strip():
        if not ch.isdigit():
            break
        digits += ch
    return (int(digits) if digits else -1, minute_no)


def build_decisions(
    session: Session,
    *,
    committee_id: int,
    open_only: bool = False,
    include_exempt: bool = False,
) -> DecisionsDoc:
    """The tracking decisions document: every resolution of the committee (or only the
    ongoing ones) in meeting and minute order, each with its latest progress."""
    # Deferred: the decisions module and its values are not needed to print a programme, and
    # the print command's start-up time counts.
    from ..ops.decisions import target_label

    committee = row_of(session, schema.committee, committee_id)
    settings = load_settings(session)
    scope = [schema.decision.c.committee_id == committee_id]
    if open_only:
        scope.append(schema.decision.c.status == DecisionStatus.ONGOING)
    public: Any = True if include_exempt else ~exempt_decision_sql()
    rows = session.execute(
        select(
            schema.decision.c.id,
            schema.decision.c.meeting_date,
            schema.decision.c.minute_no,
            schema.decision.c.title,
            schema.decision.c.resolution,
            schema.decision.c.target_date,
            schema.decision.c.officer,
            schema.decision.c.rag,
            (exempt_decision_sql() if include_exempt else false()).label("exempt"),
        ).where(*scope, public)
    ).all()
    # Printed in full, an exempt resolution is marked with its paragraph.
    exempt_paragraphs = decision_paragraphs(session, (r.id for r in rows if r.exempt))
    latest: dict[int, str] = {}
    ids = [r.id for r in rows]
    for chunk in chunks(ids):
        for did, text in session.execute(
            select(schema.progress_note.c.decision_id, schema.progress_note.c.text)
            .where(schema.progress_note.c.decision_id.in_(chunk))
            .order_by(schema.progress_note.c.noted_on.desc(), schema.progress_note.c.id.desc())
        ):
            latest.setdefault(did, text)
    placed = [
        _Placed(
            (r.meeting_date, _minute_key(r.minute_no), r.id),
            DecisionRow(
                meeting_date=r.meeting_date,
                title=r.title,
                resolution=r.resolution,
                target_date_label=target_label(r.target_date),
                officer=r.officer,
                progress=latest.get(r.id, ""),
                minute_no=r.minute_no,
                rag=r.rag.meaning if r.rag is not None else "",
                part_ii=part_ii(bool(r.exempt), exempt_paragraphs.get(r.id)),
            ),
        )
        for r in rows
    ]
    if settings.show_part_ii_placeholders and not include_exempt:
        hidden = session.execute(
            select(schema.decision.c.id, schema.decision.c.meeting_date, schema.decision.c.minute_no).where(
                *scope, exempt_decision_sql()
            )
        ).all()
        paragraphs = decision_paragraphs(session, (h.id for h in hidden))
        for h in hidden:
            ph = _placeholder(paragraphs.get(h.id))
            if ph is not None:
                placed.append(_Placed((h.meeting_date, _minute_key(h.minute_no), h.id), ph))
    return DecisionsDoc(
        committee_name=committee.name,
        council_name=settings.council_name,
        rows=tuple(p.row for p in sorted(placed, key=lambda p: p.key)),
        not_for_publication=include_exempt,
        heading="Tracking Decisions" + (" \u2013 open resolutions" if open_only else ""),
    )


# ---------------------------------------------------------------------------------------------
# Scoring sheets


def _refuse_exempt(session: Session, topic_ids: Sequence[int]) -> None:
    exempt_count = len(
        session.scalars(
            select(schema.topic.c.id).where(schema.topic.c.id.in_(topic_ids), schema.topic.c.exempt.is_(True))
        ).all()
    )
    if exempt_count == 1:
        raise refuse_in_public("One of the chosen topics is")
    if exempt_count:
        raise refuse_in_public(f"{exempt_count} of the chosen topics are")


def _sheets(
    session: Session, topic_ids: Sequence[int], include_exempt: bool, *, blank: bool, filled_only: bool
) -> tuple[ScoringSheet, ...]:
    """The sheets of ``topic_ids`` in that order, exempt ones only with ``include_exempt``
    (left out in the SQL itself otherwise). Filled in with each topic's printed score unless
    ``blank``; a topic with no answered score gets a blank sheet, or none with ``filled_only``.
    A filled-in sheet uses the set its score was made with, a blank one the committee's set."""
    topics = {
        t.id: t
        for t in session.execute(
            select(
                schema.topic.c.id, schema.topic.c.title, schema.topic.c.reason, schema.topic.c.exempt,
                schema.topic.c.exempt_paragraph, schema.topic.c.committee_id,
            ).where(schema.topic.c.id.in_(topic_ids), _public(include_exempt))
        )
    }  # fmt: skip
    settings: CouncilSettings = load_settings(session)
    committees = {
        c.id: c
        for c in session.execute(
            select(schema.committee.c.id, schema.committee.c.name, schema.committee.c.criteria_set_id).where(
                schema.committee.c.id.in_({t.committee_id for t in topics.values()})
            )
        )
    }
    from ..ops.evidence import topic_evidence_linked

    linked = topic_evidence_linked(session, topic_ids=list(topics))
    cache = CriteriaCache(session)  # each tool read once for all the sheets
    sheets = []
    for tid in topic_ids:
        t = topics.get(tid)
        if t is None:
            continue
        committee = committees[t.committee_id]
        # Part II is inherited: an exempt forward-plan item is printed only when exempt items
        # are asked for, and the sheet is then not for publication.
        evidence = [e for e in linked.get(tid, ()) if include_exempt or not e.exempt]
        assessment = None if blank else _printed_assessment(session, tid, cache)
        filled = assessment is not None and not assessment.imported
        if filled_only and not filled:
            continue
        # A total typed in from a printed programme prints with its tool, without answers.
        cs = criteria_set_or_default(session, assessment.criteria_set_id if assessment else committee.criteria_set_id, cache)
        questions, bands = _rules(cs)
        sheets.append(
            ScoringSheet(
                topic_title=t.title,
                scorer=assessment.scorer if assessment else "",
                scored_on=assessment.scored_on if assessment else None,
                answers=_answers(assessment) if assessment and filled else None,
                questions=questions,
                bands=bands,
                committee_name=committee.name,
                council_name=settings.council_name,
                total=assessment.total if assessment else None,
                band=assessment.band if assessment else None,
                not_for_publication=bool(t.exempt) or any(e.exempt for e in evidence),
                part_ii=part_ii(t.exempt, t.exempt_paragraph),
                evidence=tuple(_evidence_line(e) for e in evidence),
                reason=t.reason,
                tool_name=cs.name if cs is not None else scoring.PAPER.name,
            )
        )
    return tuple(sheets)


def build_scoring_sheets(
    session: Session, *, topic_ids: Sequence[int], include_exempt: bool = False
) -> tuple[ScoringSheet, ...]:
    """One sheet per topic: its printed (agreed) score with every answer and its evidence.

    A topic with no answered score (never scored, or only a total typed in) has no sheet.
    Exempt topics are refused unless ``include_exempt``; their sheets are then marked
    NOT FOR PUBLICATION.
    """
    wanted = list(dict.fromkeys(topic_ids))
    if not wanted:
        return ()
    if not include_exempt:
        _refuse_exempt(session, wanted)
    return _sheets(session, wanted, include_exempt, blank=False, filled_only=True)


@dataclass(frozen=True, slots=True)
class ScoringPapers:
    """The scoring papers to print, and how many exempt topics a public print left out."""

    sheets: tuple[ScoringSheet, ...]
    exempt_left_out: int = 0


def short_listed_ids(session: Session, *, committee_id: int, year_start: int) -> list[int]:
    """The committee's short-listed topics for the year, in the order they were added."""
    return list(
        session.scalars(
            select(schema.topic.c.id)
            .where(
                schema.topic.c.committee_id == committee_id,
                schema.topic.c.year_start == year_start,
                schema.topic.c.status == TopicStatus.SHORT_LISTED,
            )
            .order_by(schema.topic.c.added_on, schema.topic.c.id)
        )
    )


def build_scoring_papers(
    session: Session,
    *,
    committee_id: int,
    year_start: int,
    topic_ids: Sequence[int] | None = None,
    blank: bool = False,
    include_exempt: bool = False,
) -> ScoringPapers:
    """The scoring papers: one page per topic, for the named topics (``topic_ids``) or, when
    None, every short-listed topic of the committee's year (for the annual work-planning
    session). Each page is the tool filled in with the topic's printed score, answers and
    evidence, or blank to fill in by hand when ``blank`` or when the topic has no answered
    score yet.

    Public unless ``include_exempt``: a topic named on its own that is exempt is refused; of
    the short-listed topics the exempt ones are left out (in the SQL) and counted. With
    ``include_exempt`` they print marked Part II, every page NOT FOR PUBLICATION.
    """
    committee = row_of(session, schema.committee, committee_id)
    if topic_ids is not None:
        wanted = list(dict.fromkeys(topic_ids))
        if wanted and not include_exempt:
            _refuse_exempt(session, wanted)
        return ScoringPapers(_sheets(session, wanted, include_exempt, blank=blank, filled_only=False))
    wanted = short_listed_ids(session, committee_id=committee.id, year_start=year_start)
    left_out = 0
    if not include_exempt and wanted:
        left_out = len(
            session.scalars(
                select(schema.topic.c.id).where(schema.topic.c.id.in_(wanted), schema.topic.c.exempt.is_(True))
            ).all()
        )
    return ScoringPapers(
        _sheets(session, wanted, include_exempt, blank=blank, filled_only=False), left_out
    )


def _evidence_line(e: EvidenceInfo) -> str:
    mark = "[Part II] " if e.exempt else ""
    status = f" \u2013 {e.status}" if e.status else ""
    lead = f" ({e.lead})" if e.lead else ""
    return f"{mark}{e.kind.label}: {e.name}{lead}{status}"


__all__ = [
    "FORWARD_LOOK",
    "TO_FOLLOW",
    "VERBAL_UPDATE",
    "ListedReview",
    "build_decisions",
    "build_meeting_papers",
    "build_programme",
    "build_programmes",
    "build_scoring_papers",
    "build_scoring_sheets",
    "short_listed_ids",
    "listed_reviews",
    "waiting_order",
]
