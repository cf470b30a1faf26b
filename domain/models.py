"""The ORM model: what a scrutiny work programme is made of.

Every table carries a ``version`` counter used by SQLAlchemy for optimistic locking
(``version_id_col``): when two people edit the same row, the second save raises
``StaleDataError`` instead of silently overwriting the first.

Enumerations are stored as short strings (``native_enum=False``) so the schema is the same on
SQLite and PostgreSQL and a new value never needs an ``ALTER TYPE``.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    column_property,
    declared_attr,
    mapped_column,
    relationship,
)

# Declared with their labels in decision_values, which the GUI reads without loading the ORM.
from .decision_values import DecisionStatus, ExecutiveResponse, Rag, ReviewStatus

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Adds the optimistic-locking counter to a mapped class."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805 - SQLAlchemy's declared_attr
        return {"version_id_col": cls.version}


def _enum(e: type[enum.Enum], name: str) -> Enum:
    return Enum(
        e,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class MeetingStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    MOVED = "moved"
    CANCELLED = "cancelled"
    HELD = "held"
    ADJOURNED = "adjourned"  # it met but did not reach every item


class SourceKind(enum.StrEnum):
    MOTION = "motion"
    REFERRAL = "referral"
    RISK_REGISTER = "risk_register"
    PLEDGE = "pledge"
    RESOLUTION = "resolution"
    MEMBER = "member"
    CHAIR = "chair"
    PUBLIC = "public"
    OFFICER = "officer"


class TopicKind(enum.StrEnum):
    REPORT = "report"
    VERBAL_UPDATE = "verbal_update"
    STANDING = "standing"
    SELECT_REVIEW = "select_review"


class TopicStatus(enum.StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    SCHEDULED = "scheduled"
    TO_BE_SCHEDULED = "to_be_scheduled"
    NOT_PURSUED = "not_pursued"
    DONE = "done"
    WITHDRAWN = "withdrawn"


# --- settings ---------------------------------------------------------------------------------


class Setting(Versioned, Base):
    """A council-wide setting shared by everyone using the database (JSON text value)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


# --- criteria sets ----------------------------------------------------------------------------


class CriteriaSet(Versioned, Base):
    """A set of prioritisation questions and bands (PAPER by default).

    A set that any assessment uses is never edited in place: a change makes a new
    ``revision`` of the same ``name``, so old scores keep meaning what they meant.
    """

    __tablename__ = "criteria_set"
    __table_args__ = (UniqueConstraint("name", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_on: Mapped[dt.date] = mapped_column(Date)

    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="criteria_set", order_by="Criterion.position", cascade="all, delete-orphan"
    )
    bands: Mapped[list[Band]] = relationship(
        back_populates="criteria_set", order_by="Band.position", cascade="all, delete-orphan"
    )


class Criterion(Versioned, Base):
    __tablename__ = "criterion"
    __table_args__ = (UniqueConstraint("criteria_set_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    criteria_set_id: Mapped[int] = mapped_column(ForeignKey("criteria_set.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    letter: Mapped[str] = mapped_column(String(4), default="")
    title: Mapped[str] = mapped_column(String(120))
    question: Mapped[str] = mapped_column(Text)
    weight: Mapped[int] = mapped_column(Integer, default=1)

    criteria_set: Mapped[CriteriaSet] = relationship(back_populates="criteria")


class Band(Versioned, Base):
    """A priority band: totals from ``min_total`` to ``max_total`` inclusive."""

    __tablename__ = "band"
    __table_args__ = (UniqueConstraint("criteria_set_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    criteria_set_id: Mapped[int] = mapped_column(ForeignKey("criteria_set.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(40))
    min_total: Mapped[int] = mapped_column(Integer)
    max_total: Mapped[int] = mapped_column(Integer)

    criteria_set: Mapped[CriteriaSet] = relationship(back_populates="bands")


# --- committees and meetings ------------------------------------------------------------------


class Committee(Versioned, Base):
    __tablename__ = "committee"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(40), default="")
    remit: Mapped[str] = mapped_column(Text, default="")
    corporate_priorities: Mapped[str] = mapped_column(Text, default="")
    chair: Mapped[str] = mapped_column(String(120), default="")
    vice_chair: Mapped[str] = mapped_column(String(120), default="")
    members: Mapped[str] = mapped_column(Text, default="")  # one name per line
    co_opted: Mapped[str] = mapped_column(Text, default="")  # one name per line
    officer_name: Mapped[str] = mapped_column(String(120), default="")
    officer_phone: Mapped[str] = mapped_column(String(40), default="")
    officer_email: Mapped[str] = mapped_column(String(200), default="")
    default_venue: Mapped[str] = mapped_column(String(200), default="")
    default_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    capacity_items: Mapped[int | None] = mapped_column(Integer, nullable=True)
    capacity_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    minutes_per_item: Mapped[int] = mapped_column(Integer, default=30)
    # Which council layout the printed programme follows: "scored" (a Prioritisation Score
    # column) or "purpose" (a "Purpose of the agenda item" column, no score).
    programme_layout: Mapped[str] = mapped_column(
        String(20), nullable=False, default="scored", server_default="scored"
    )
    criteria_set_id: Mapped[int | None] = mapped_column(
        ForeignKey("criteria_set.id", ondelete="SET NULL"), nullable=True
    )

    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="committee", order_by="Meeting.starts_at", cascade="all, delete-orphan"
    )
    topics: Mapped[list[Topic]] = relationship(
        back_populates="committee", cascade="all, delete-orphan"
    )


class ProgrammeYear(Versioned, Base):
    """A committee's programme for one municipal year: draft until approved."""

    __tablename__ = "programme_year"
    __table_args__ = (UniqueConstraint("committee_id", "year_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    year_start: Mapped[int] = mapped_column(Integer)
    approved: Mapped[bool] = mapped_column(Boolean, default=False)
    approved_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Meeting(Versioned, Base):
    __tablename__ = "meeting"
    __table_args__ = (
        Index("ix_meeting_committee_starts", "committee_id", "starts_at"),
        # One row per Modern.gov meeting in a committee, whoever imports it and however often:
        # two imports at the same moment cannot both add it (the database refuses the second).
        UniqueConstraint("committee_id", "modgov_id", name="uq_meeting_committee_modgov"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    venue: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        _enum(MeetingStatus, "meeting_status"), default=MeetingStatus.SCHEDULED
    )
    moved_from: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    capacity_items: Mapped[int | None] = mapped_column(Integer, nullable=True)
    capacity_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The council's Modern.gov meeting id, when the meeting came from (or was matched with) its
    # web service; None for a meeting made here.
    modgov_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    committee: Mapped[Committee] = relationship(back_populates="meetings")
    entries: Mapped[list[ProgrammeEntry]] = relationship(
        back_populates="meeting", order_by="ProgrammeEntry.position", cascade="all, delete-orphan"
    )


# --- topics and their scores ------------------------------------------------------------------


class Topic(Versioned, Base):
    """A candidate item for the work programme."""

    __tablename__ = "topic"
    __table_args__ = (Index("ix_topic_committee_year", "committee_id", "year_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    year_start: Mapped[int] = mapped_column(Integer)  # municipal year whose programme it is on
    title: Mapped[str] = mapped_column(String(400))
    reason: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(300), default="")
    source_kind: Mapped[SourceKind | None] = mapped_column(
        _enum(SourceKind, "source_kind"), nullable=True
    )
    source_ref: Mapped[str] = mapped_column(String(300), default="")
    added_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    kind: Mapped[TopicKind] = mapped_column(_enum(TopicKind, "topic_kind"), default=TopicKind.REPORT)
    status: Mapped[TopicStatus] = mapped_column(
        _enum(TopicStatus, "topic_status"), default=TopicStatus.PROPOSED
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")
    exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    exempt_paragraph: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Why a person cleared the exemption this topic inherited from the exempt row it was made
    # from (domain.exemption); empty otherwise.
    exempt_cleared_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    needed_by: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    estimated_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="SET NULL"), nullable=True
    )

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

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    criteria_set_id: Mapped[int] = mapped_column(ForeignKey("criteria_set.id"))
    scorer: Mapped[str] = mapped_column(String(120), default="")
    scored_on: Mapped[dt.date] = mapped_column(Date)
    agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    imported_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")

    topic: Mapped[Topic] = relationship(back_populates="assessments")
    criteria_set: Mapped[CriteriaSet] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )


class Answer(Versioned, Base):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("assessment_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id"))
    answer: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    evidence: Mapped[str] = mapped_column(Text, default="")

    assessment: Mapped[Assessment] = relationship(back_populates="answers")
    criterion: Mapped[Criterion] = relationship()


# --- the programme ----------------------------------------------------------------------------


class ProgrammeEntry(Versioned, Base):
    """A topic booked onto a meeting."""

    __tablename__ = "programme_entry"
    __table_args__ = (Index("ix_entry_meeting_position", "meeting_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    purpose: Mapped[str | None] = mapped_column(Text, nullable=True)  # printed instead of reason
    to_follow: Mapped[bool] = mapped_column(Boolean, default=False)
    verbal_update: Mapped[bool] = mapped_column(Boolean, default=False)
    pinned: Mapped[bool] = mapped_column(Boolean, default=True)  # placed by hand
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="entries")
    topic: Mapped[Topic] = relationship(back_populates="entries")


class StandingExclusion(Versioned, Base):
    """A standing item the user took off one meeting, so automatic placement leaves it off."""

    __tablename__ = "standing_exclusion"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True, index=True
    )


# --- select committee reviews -----------------------------------------------------------------


class SelectReview(Versioned, Base):
    __tablename__ = "select_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committee.id", ondelete="CASCADE"), index=True
    )
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("topic.id", ondelete="SET NULL"), nullable=True
    )
    title: Mapped[str] = mapped_column(String(400))
    scope: Mapped[str] = mapped_column(Text, default="")
    members: Mapped[str] = mapped_column(Text, default="")
    lead_officer: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[ReviewStatus] = mapped_column(
        _enum(ReviewStatus, "review_status"), default=ReviewStatus.PROPOSED
    )
    added_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reported_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # The review's topic's Part II flag and paragraph, read with the review (and again after a
    # flush), so every value made from a review knows whether it may be published.
    # An alias, so a query that joins topic itself still correlates on the review alone.
    _topic = Topic.__table__.alias("review_topic")
    topic_exempt: Mapped[bool | None] = column_property(
        select(_topic.c.exempt)
        .where(_topic.c.id == topic_id)
        .correlate_except(_topic)
        .scalar_subquery()
    )
    topic_exempt_paragraph: Mapped[int | None] = column_property(
        select(_topic.c.exempt_paragraph)
        .where(_topic.c.id == topic_id)
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
    __tablename__ = "review_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("select_review.id", ondelete="CASCADE"))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime)
    venue: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    review: Mapped[SelectReview] = relationship(back_populates="meetings")


class Recommendation(Versioned, Base):
    __tablename__ = "recommendation"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("select_review.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    response: Mapped[ExecutiveResponse] = mapped_column(
        _enum(ExecutiveResponse, "executive_response"), default=ExecutiveResponse.PENDING
    )
    response_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    response_text: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    follow_up_topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("topic.id", ondelete="SET NULL"), nullable=True
    )

    review: Mapped[SelectReview] = relationship(back_populates="recommendations")


# --- tracking decisions -----------------------------------------------------------------------


class Decision(Versioned, Base):
    """A resolution of a meeting, tracked until it is done."""

    __tablename__ = "decision"
    __table_args__ = (Index("ix_decision_committee_target", "committee_id", "target_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True
    )
    meeting_date: Mapped[dt.date] = mapped_column(Date)
    minute_no: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(String(400))
    resolution: Mapped[str] = mapped_column(Text, default="")
    target_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    officer: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[DecisionStatus] = mapped_column(
        _enum(DecisionStatus, "decision_status"), default=DecisionStatus.ONGOING
    )
    rag: Mapped[Rag | None] = mapped_column(_enum(Rag, "rag"), nullable=True)

    progress: Mapped[list[ProgressNote]] = relationship(
        back_populates="decision",
        order_by="(ProgressNote.noted_on.desc(), ProgressNote.id.desc())",
        cascade="all, delete-orphan",
    )


class ProgressNote(Versioned, Base):
    __tablename__ = "progress_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decision.id", ondelete="CASCADE"), index=True
    )
    noted_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)

    decision: Mapped[Decision] = relationship(back_populates="progress")


# --- audit history ----------------------------------------------------------------------------


class AuditKind(enum.StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


class AuditRecord(Base):
    """One change to one row (or, for a changed row, to one of its fields): who, when, which
    action, and the value before and after as readable text.

    Append-only and never versioned: written by ``domain.audit`` in the same transaction as the
    change it records. ``row_id`` is text because a few tables have a text or two-column key
    ("meeting_id/topic_id"). ``label`` is the row's name when it changed (a topic's title), so
    the history of a row that has since been removed still reads as words.
    """

    __tablename__ = "audit_record"
    __table_args__ = (
        Index("ix_audit_record_table_row", "table_name", "row_id"),
        Index("ix_audit_record_committee_at", "committee_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    who: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(400), default="")
    # No foreign key: the history of a committee outlives the committee.
    committee_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(80))
    label: Mapped[str] = mapped_column(String(400), default="")
    kind: Mapped[AuditKind] = mapped_column(_enum(AuditKind, "audit_kind"))
    field: Mapped[str | None] = mapped_column(String(60), nullable=True)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
