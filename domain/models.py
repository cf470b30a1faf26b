"""The ORM classes the use cases that edit work with, mapped onto the tables of
``domain.schema`` (the one declaration of the schema: its columns, types, defaults and
constraints). The annotations here type the mapped attributes; the relationships and the
optimistic-locking counter (``version_id_col``: when two people edit the same row, the second
save raises ``StaleDataError`` instead of silently overwriting the first) are the ORM's own.

Importing this module defines the classes; their mappers are configured at their first use. A
process that only reads (printing, exporting) never needs either.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, declared_attr, relationship

from . import schema

# The enumerations live with the tables; they are named here too for the code that edits.
from .schema import (
    AuditKind,
    DecisionStatus,
    EvidenceKind,
    ExecutiveResponse,
    MeetingStatus,
    Rag,
    ReviewStatus,
    SourceKind,
    TopicKind,
    TopicStatus,
    Workload,
)


class Base(DeclarativeBase):
    metadata = schema.metadata


class Versioned:
    """Maps a table's optimistic-locking counter."""

    version: Mapped[int]

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805 - SQLAlchemy's declared_attr
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


# --- settings ---------------------------------------------------------------------------------


class Setting(Versioned, Base):
    """A council-wide setting shared by everyone using the database (JSON text value)."""

    __table__ = schema.setting

    key: Mapped[str]
    value: Mapped[str]


# --- criteria sets ----------------------------------------------------------------------------


class CriteriaSet(Versioned, Base):
    """A set of prioritisation questions and bands (PAPER by default).

    A set that any assessment uses is never edited in place: a change makes a new
    ``revision`` of the same ``name``, so old scores keep meaning what they meant.
    """

    __table__ = schema.criteria_set

    id: Mapped[int]
    name: Mapped[str]
    revision: Mapped[int]
    is_default: Mapped[bool]
    created_on: Mapped[dt.date]
    replaced_by: Mapped[int | None]

    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="criteria_set", order_by="Criterion.position", cascade="all, delete-orphan"
    )
    bands: Mapped[list[Band]] = relationship(
        back_populates="criteria_set", order_by="Band.position", cascade="all, delete-orphan"
    )


class Criterion(Versioned, Base):
    __table__ = schema.criterion

    id: Mapped[int]
    criteria_set_id: Mapped[int]
    position: Mapped[int]
    letter: Mapped[str]
    title: Mapped[str]
    question: Mapped[str]
    weight: Mapped[int]
    kind: Mapped[str]
    scale_min: Mapped[int]
    scale_max: Mapped[int]
    help: Mapped[str]

    criteria_set: Mapped[CriteriaSet] = relationship(back_populates="criteria")


class Band(Versioned, Base):
    """A priority band: totals from ``min_total`` to ``max_total`` inclusive."""

    __table__ = schema.band

    id: Mapped[int]
    criteria_set_id: Mapped[int]
    position: Mapped[int]
    name: Mapped[str]
    min_total: Mapped[int]
    max_total: Mapped[int]
    colour: Mapped[str]

    criteria_set: Mapped[CriteriaSet] = relationship(back_populates="bands")


# --- committees and meetings ------------------------------------------------------------------


class Committee(Versioned, Base):
    __table__ = schema.committee

    id: Mapped[int]
    name: Mapped[str]
    short_name: Mapped[str]
    remit: Mapped[str]
    corporate_priorities: Mapped[str]
    chair: Mapped[str]
    vice_chair: Mapped[str]
    members: Mapped[str]  # one name per line
    co_opted: Mapped[str]  # one name per line
    officer_name: Mapped[str]
    officer_phone: Mapped[str]
    officer_email: Mapped[str]
    default_venue: Mapped[str]
    default_time: Mapped[dt.time | None]
    capacity_items: Mapped[int | None]
    capacity_minutes: Mapped[int | None]
    minutes_per_item: Mapped[int]
    # Which council layout the printed programme follows: "scored" (a Prioritisation Score
    # column) or "purpose" (a "Purpose of the agenda item" column, no score).
    programme_layout: Mapped[str]
    criteria_set_id: Mapped[int | None]

    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="committee", order_by="Meeting.starts_at", cascade="all, delete-orphan"
    )
    topics: Mapped[list[Topic]] = relationship(
        back_populates="committee", cascade="all, delete-orphan"
    )


class ProgrammeYear(Versioned, Base):
    """A committee's programme for one municipal year: draft until approved."""

    __table__ = schema.programme_year

    id: Mapped[int]
    committee_id: Mapped[int]
    year_start: Mapped[int]
    approved: Mapped[bool]
    approved_on: Mapped[dt.date | None]


class Meeting(Versioned, Base):
    __table__ = schema.meeting

    id: Mapped[int]
    committee_id: Mapped[int]
    starts_at: Mapped[dt.datetime]
    venue: Mapped[str]
    status: Mapped[MeetingStatus]
    moved_from: Mapped[dt.datetime | None]
    capacity_items: Mapped[int | None]
    capacity_minutes: Mapped[int | None]
    notes: Mapped[str]
    # The council's Modern.gov meeting id, when the meeting came from (or was matched with) its
    # web service; None for a meeting made here.
    modgov_id: Mapped[int | None]

    committee: Mapped[Committee] = relationship(back_populates="meetings")
    entries: Mapped[list[ProgrammeEntry]] = relationship(
        back_populates="meeting", order_by="ProgrammeEntry.position", cascade="all, delete-orphan"
    )


# --- topics and their scores ------------------------------------------------------------------


class Topic(Versioned, Base):
    """A candidate item for the work programme."""

    __table__ = schema.topic

    id: Mapped[int]
    committee_id: Mapped[int]
    year_start: Mapped[int]  # municipal year whose programme it is on
    title: Mapped[str]
    reason: Mapped[str]
    responsible: Mapped[str]
    source_kind: Mapped[SourceKind | None]
    source_ref: Mapped[str]
    added_on: Mapped[dt.date | None]
    kind: Mapped[TopicKind]
    status: Mapped[TopicStatus]
    status_reason: Mapped[str]
    exempt: Mapped[bool]
    exempt_paragraph: Mapped[int | None]
    # Why a person cleared the exemption this topic inherited from the exempt row it was made
    # from (domain.exemption); empty otherwise.
    exempt_cleared_reason: Mapped[str]
    needed_by: Mapped[dt.date | None]
    estimated_minutes: Mapped[int | None]
    decision_id: Mapped[int | None]
    proposer_name: Mapped[str]
    proposer_contact: Mapped[str]
    outcome: Mapped[str]
    plan_link: Mapped[str]
    workload: Mapped[Workload | None]
    screening: Mapped[str]  # JSON {flag: reason}, see domain.screening
    told_on: Mapped[dt.date | None]
    urgent: Mapped[bool]
    urgent_reason: Mapped[str]

    committee: Mapped[Committee] = relationship(back_populates="topics")
    assessments: Mapped[list[Assessment]] = relationship(
        back_populates="topic", order_by="Assessment.id", cascade="all, delete-orphan"
    )
    entries: Mapped[list[ProgrammeEntry]] = relationship(
        back_populates="topic", cascade="all, delete-orphan"
    )


class Assessment(Versioned, Base):
    """One scorer's PAPER (or other criteria set) assessment of a topic.

    The total and band are always derived from the answers and the criteria set's weights.
    ``imported_total`` holds a score that came from a document printing only the total (an
    imported or typed-in programme); such an assessment has no answers.
    """

    __table__ = schema.assessment

    id: Mapped[int]
    topic_id: Mapped[int]
    criteria_set_id: Mapped[int]
    scorer: Mapped[str]
    scored_on: Mapped[dt.date]
    agreed: Mapped[bool]
    imported_total: Mapped[int | None]
    note: Mapped[str]

    topic: Mapped[Topic] = relationship(back_populates="assessments")
    criteria_set: Mapped[CriteriaSet] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )


class Answer(Versioned, Base):
    __table__ = schema.answer

    id: Mapped[int]
    assessment_id: Mapped[int]
    criterion_id: Mapped[int]
    answer: Mapped[int | None]  # Yes = 1, No = 0, or a scale value
    evidence: Mapped[str]

    assessment: Mapped[Assessment] = relationship(back_populates="answers")
    criterion: Mapped[Criterion] = relationship()


# --- the programme ----------------------------------------------------------------------------


class ProgrammeEntry(Versioned, Base):
    """A topic booked onto a meeting."""

    __table__ = schema.programme_entry

    id: Mapped[int]
    meeting_id: Mapped[int]
    topic_id: Mapped[int]
    position: Mapped[int]
    purpose: Mapped[str | None]  # printed instead of reason
    to_follow: Mapped[bool]
    verbal_update: Mapped[bool]
    pinned: Mapped[bool]  # placed by hand
    provisional: Mapped[bool]
    note: Mapped[str]

    meeting: Mapped[Meeting] = relationship(back_populates="entries")
    topic: Mapped[Topic] = relationship(back_populates="entries")


class StandingExclusion(Versioned, Base):
    """A standing item the user took off one meeting, so automatic placement leaves it off."""

    __table__ = schema.standing_exclusion

    meeting_id: Mapped[int]
    topic_id: Mapped[int]


class TopicCarry(Versioned, Base):
    """A topic carried into the next municipal year (``topic_id``) from its origin."""

    __table__ = schema.topic_carry

    topic_id: Mapped[int]
    origin_id: Mapped[int]


# --- select committee reviews -----------------------------------------------------------------


class SelectReview(Versioned, Base):
    __table__ = schema.select_review

    id: Mapped[int]
    committee_id: Mapped[int]
    topic_id: Mapped[int | None]
    title: Mapped[str]
    scope: Mapped[str]
    members: Mapped[str]
    lead_officer: Mapped[str]
    status: Mapped[ReviewStatus]
    added_on: Mapped[dt.date | None]
    reported_on: Mapped[dt.date | None]
    # The review's topic's Part II flag and paragraph, read with the review (and again after a
    # flush), so every value made from a review knows whether it may be published.
    # An alias, so a query that joins topic itself still correlates on the review alone.
    _topic = schema.topic.alias("review_topic")
    topic_exempt: Mapped[bool | None] = column_property(
        select(_topic.c.exempt)
        .where(_topic.c.id == schema.select_review.c.topic_id)
        .correlate_except(_topic)
        .scalar_subquery()
    )
    topic_exempt_paragraph: Mapped[int | None] = column_property(
        select(_topic.c.exempt_paragraph)
        .where(_topic.c.id == schema.select_review.c.topic_id)
        .correlate_except(_topic)
        .scalar_subquery()
    )
    del _topic

    meetings: Mapped[list[ReviewMeeting]] = relationship(
        back_populates="review", order_by="ReviewMeeting.starts_at", cascade="all, delete-orphan"
    )
    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="review", order_by="Recommendation.number", cascade="all, delete-orphan"
    )


class ReviewMeeting(Versioned, Base):
    __table__ = schema.review_meeting

    id: Mapped[int]
    review_id: Mapped[int]
    starts_at: Mapped[dt.datetime]
    venue: Mapped[str]
    notes: Mapped[str]

    review: Mapped[SelectReview] = relationship(back_populates="meetings")


class Recommendation(Versioned, Base):
    __table__ = schema.recommendation

    id: Mapped[int]
    review_id: Mapped[int]
    number: Mapped[int]
    text: Mapped[str]
    response: Mapped[ExecutiveResponse]
    response_on: Mapped[dt.date | None]
    response_text: Mapped[str]
    follow_up_on: Mapped[dt.date | None]
    follow_up_topic_id: Mapped[int | None]

    review: Mapped[SelectReview] = relationship(back_populates="recommendations")


# --- tracking decisions -----------------------------------------------------------------------


class Decision(Versioned, Base):
    """A resolution of a meeting, tracked until it is done."""

    __table__ = schema.decision

    id: Mapped[int]
    committee_id: Mapped[int]
    meeting_id: Mapped[int | None]
    meeting_date: Mapped[dt.date]
    minute_no: Mapped[str]
    title: Mapped[str]
    resolution: Mapped[str]
    target_date: Mapped[dt.date | None]
    officer: Mapped[str]
    status: Mapped[DecisionStatus]
    rag: Mapped[Rag | None]

    progress: Mapped[list[ProgressNote]] = relationship(
        back_populates="decision",
        order_by="(ProgressNote.noted_on.desc(), ProgressNote.id.desc())",
        cascade="all, delete-orphan",
    )


class ProgressNote(Versioned, Base):
    __table__ = schema.progress_note

    id: Mapped[int]
    decision_id: Mapped[int]
    noted_on: Mapped[dt.date]
    text: Mapped[str]

    decision: Mapped[Decision] = relationship(back_populates="progress")


# --- audit history ----------------------------------------------------------------------------


class AuditRecord(Base):
    """One change to one row (or, for a changed row, to one of its fields): who, when, which
    action, and the value before and after as readable text.

    Append-only and never versioned: written by ``domain.audit`` in the same transaction as the
    change it records. ``row_id`` is text because a few tables have a text or two-column key
    ("meeting_id/topic_id"). ``label`` is the row's name when it changed (a topic's title), so
    the history of a row that has since been removed still reads as words.
    """

    __table__ = schema.audit_record

    id: Mapped[int]
    at: Mapped[dt.datetime]  # UTC
    who: Mapped[str]
    action: Mapped[str]
    # No foreign key: the history of a committee outlives the committee.
    committee_id: Mapped[int | None]
    table_name: Mapped[str]
    row_id: Mapped[str]
    label: Mapped[str]
    kind: Mapped[AuditKind]
    field: Mapped[str | None]
    before: Mapped[str]
    after: Mapped[str]


# --- evidence from the council's own systems --------------------------------------------------


class Evidence(Versioned, Base):
    """A key action, performance indicator, forward-plan decision or risk, as imported."""

    __table__ = schema.evidence

    id: Mapped[int]
    kind: Mapped[EvidenceKind]
    key: Mapped[str]
    reference: Mapped[str]
    title: Mapped[str]
    lead: Mapped[str]
    panel: Mapped[str]
    decision_on: Mapped[dt.date | None]
    key_decision: Mapped[bool]
    exempt: Mapped[bool]
    exempt_paragraph: Mapped[int | None]
    score: Mapped[int | None]


class EvidenceRating(Versioned, Base):
    """A key action's or indicator's RAG mark for one period."""

    __table__ = schema.evidence_rating

    id: Mapped[int]
    evidence_id: Mapped[int]
    period: Mapped[str]
    period_order: Mapped[int]
    rag: Mapped[Rag]


class EvidenceLink(Versioned, Base):
    """Evidence that bears on a topic."""

    __table__ = schema.evidence_link

    evidence_id: Mapped[int]
    topic_id: Mapped[int]
