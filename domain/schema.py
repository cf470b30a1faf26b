"""The schema, declared once as SQLAlchemy Core tables: what a scrutiny work programme is
made of.

The read paths (printing, exports, the window's first screen) query these tables directly; the
ORM classes of ``domain.models`` are mapped onto the same tables for the use cases that edit.
Declaring the tables here rather than through the declarative classes keeps the whole ORM
(defining the classes, configuring their mappers, compiling ORM statements: about 150 ms) out
of a process that only reads.

Every table carries a ``version`` counter, which the ORM uses for optimistic locking
(``version_id_col``): when two people edit the same row, the second save raises
``StaleDataError`` instead of silently overwriting the first.

Enumerations are stored as short strings (``native_enum=False``) so the schema is the same on
SQLite and PostgreSQL and a new value never needs an ``ALTER TYPE``.
"""

from __future__ import annotations

import enum

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    false,
)

# Declared with their labels in codes, which the GUI reads without loading SQLAlchemy.
from .codes import DecisionStatus, EvidenceKind, ExecutiveResponse, Rag, ReviewStatus

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


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
    PARTNER = "partner"


class Workload(enum.StrEnum):
    """The work a topic brings the committee and its officers, as the proposer judged it."""

    HEAVY = "heavy"
    MEDIUM = "medium"
    LIGHT = "light"


class TopicKind(enum.StrEnum):
    REPORT = "report"
    VERBAL_UPDATE = "verbal_update"
    STANDING = "standing"
    SELECT_REVIEW = "select_review"


class TopicStatus(enum.StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    LONG_LISTED = "long_listed"
    SHORT_LISTED = "short_listed"
    SCHEDULED = "scheduled"
    TO_BE_SCHEDULED = "to_be_scheduled"
    NOT_PURSUED = "not_pursued"
    DONE = "done"
    WITHDRAWN = "withdrawn"


class AuditKind(enum.StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"


setting = Table(
    "setting",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("value", Text, nullable=False),
    Column("version", Integer, nullable=False, default=1),
)

criteria_set = Table(
    "criteria_set",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(120), nullable=False),
    Column("revision", Integer, nullable=False, default=1),
    Column("is_default", Boolean, nullable=False, default=False),
    Column("created_on", Date, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    # The revision (a criteria_set id) that replaced this one when it was changed after scores
    # had used it; None for a set in use. An old score keeps pointing at the revision it was
    # made with. No foreign key: SQLite could add one only by copying the table, which the
    # rows pointing at it forbid; domain.ops.criteria keeps it true.
    Column("replaced_by", Integer),
    UniqueConstraint("name", "revision"),
)

criterion = Table(
    "criterion",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "criteria_set_id",
        Integer,
        ForeignKey("criteria_set.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("position", Integer, nullable=False),
    Column("letter", String(4), nullable=False, default=""),
    Column("title", String(120), nullable=False),
    Column("question", Text, nullable=False),
    Column("weight", Integer, nullable=False, default=1),
    Column("version", Integer, nullable=False, default=1),
    # How it is answered (domain.scoring): "yes_no", or "scale" from scale_min to scale_max.
    Column("kind", String(10), nullable=False, default="yes_no", server_default="yes_no"),
    Column("scale_min", Integer, nullable=False, default=0, server_default="0"),
    Column("scale_max", Integer, nullable=False, default=1, server_default="1"),
    Column("help", Text, nullable=False, default="", server_default=""),
    UniqueConstraint("criteria_set_id", "position"),
)

band = Table(
    "band",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "criteria_set_id",
        Integer,
        ForeignKey("criteria_set.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("position", Integer, nullable=False),
    Column("name", String(40), nullable=False),
    Column("min_total", Integer, nullable=False),
    Column("max_total", Integer, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    # The council's own fill as #rrggbb; empty for the palette's colour (domain.bands).
    Column("colour", String(7), nullable=False, default="", server_default=""),
    UniqueConstraint("criteria_set_id", "position"),
)

committee = Table(
    "committee",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("short_name", String(40), nullable=False, default=""),
    Column("remit", Text, nullable=False, default=""),
    Column("corporate_priorities", Text, nullable=False, default=""),
    Column("chair", String(120), nullable=False, default=""),
    Column("vice_chair", String(120), nullable=False, default=""),
    Column("members", Text, nullable=False, default=""),
    Column("co_opted", Text, nullable=False, default=""),
    Column("officer_name", String(120), nullable=False, default=""),
    Column("officer_phone", String(40), nullable=False, default=""),
    Column("officer_email", String(200), nullable=False, default=""),
    Column("default_venue", String(200), nullable=False, default=""),
    Column("default_time", Time),
    Column("capacity_items", Integer),
    Column("capacity_minutes", Integer),
    Column("minutes_per_item", Integer, nullable=False, default=30),
    # Which council layout the printed programme follows: "scored" (a Prioritisation Score
    # column) or "purpose" (a "Purpose of the agenda item" column, no score).
    Column(
        "programme_layout", String(20), nullable=False, default="scored", server_default="scored"
    ),
    Column("criteria_set_id", Integer, ForeignKey("criteria_set.id", ondelete="SET NULL")),
    Column("version", Integer, nullable=False, default=1),
)

programme_year = Table(
    "programme_year",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("committee_id", Integer, ForeignKey("committee.id", ondelete="CASCADE"), nullable=False),
    Column("year_start", Integer, nullable=False),
    Column("approved", Boolean, nullable=False, default=False),
    Column("approved_on", Date),
    Column("version", Integer, nullable=False, default=1),
    UniqueConstraint("committee_id", "year_start"),
)

meeting = Table(
    "meeting",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("committee_id", Integer, ForeignKey("committee.id", ondelete="CASCADE"), nullable=False),
    Column("starts_at", DateTime, nullable=False),
    Column("venue", String(200), nullable=False, default=""),
    Column(
        "status",
        _enum(MeetingStatus, "meeting_status"),
        nullable=False,
        default=MeetingStatus.SCHEDULED,
    ),
    Column("moved_from", DateTime),
    Column("capacity_items", Integer),
    Column("capacity_minutes", Integer),
    Column("notes", Text, nullable=False, default=""),
    # The council's Modern.gov meeting id, when the meeting came from (or was matched with) its
    # web service; None for a meeting made here.
    Column("modgov_id", Integer),
    Column("version", Integer, nullable=False, default=1),
    # One row per Modern.gov meeting in a committee, whoever imports it and however often:
    # two imports at the same moment cannot both add it (the database refuses the second).
    UniqueConstraint("committee_id", "modgov_id", name="uq_meeting_committee_modgov"),
    Index("ix_meeting_committee_starts", "committee_id", "starts_at"),
)

topic = Table(
    "topic",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("committee_id", Integer, ForeignKey("committee.id", ondelete="CASCADE"), nullable=False),
    Column("year_start", Integer, nullable=False),  # municipal year whose programme it is on
    Column("title", String(400), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("responsible", String(300), nullable=False, default=""),
    Column("source_kind", _enum(SourceKind, "source_kind")),
    Column("source_ref", String(300), nullable=False, default=""),
    Column("added_on", Date),
    Column("kind", _enum(TopicKind, "topic_kind"), nullable=False, default=TopicKind.REPORT),
    Column(
        "status", _enum(TopicStatus, "topic_status"), nullable=False, default=TopicStatus.PROPOSED
    ),
    Column("status_reason", Text, nullable=False, default=""),
    Column("exempt", Boolean, nullable=False, default=False),
    Column("exempt_paragraph", Integer),
    # Why a person cleared the exemption this topic inherited from the exempt row it was made
    # from (domain.exemption); empty otherwise.
    Column("exempt_cleared_reason", Text, nullable=False, default="", server_default=""),
    Column("needed_by", Date),
    Column("estimated_minutes", Integer),
    Column("decision_id", Integer, ForeignKey("decision.id", ondelete="SET NULL")),
    # The suggestion: who proposed it (``source_kind`` says member, officer, partner or public),
    # how to reply, the outcome wanted, the corporate plan aim it serves, the work it brings.
    Column("proposer_name", String(200), nullable=False, default="", server_default=""),
    Column("proposer_contact", String(300), nullable=False, default="", server_default=""),
    Column("outcome", Text, nullable=False, default="", server_default=""),
    Column("plan_link", String(300), nullable=False, default="", server_default=""),
    Column("workload", _enum(Workload, "workload")),
    # Screening flags a person set, as JSON {flag: reason} (domain.screening names the flags).
    Column("screening", Text, nullable=False, default="", server_default=""),
    Column("told_on", Date),  # the day the proposer was told the outcome
    # An urgent topic goes first in a suggested schedule, ahead of the bands.
    Column("urgent", Boolean, nullable=False, default=False, server_default=false()),
    Column("urgent_reason", Text, nullable=False, default="", server_default=""),
    Column("version", Integer, nullable=False, default=1),
    Index("ix_topic_committee_year", "committee_id", "year_start"),
)

# A topic carried into the next municipal year, and the topic of the year before it was carried
# from. Each topic is carried at most once (``origin_id`` is unique): two people starting next
# year's programme at the same moment cannot both carry it, the database refuses the second.
topic_carry = Table(
    "topic_carry",
    metadata,
    Column("topic_id", Integer, ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "origin_id",
        Integer,
        ForeignKey("topic.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("version", Integer, nullable=False, default=1),
)

assessment = Table(
    "assessment",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "topic_id", Integer, ForeignKey("topic.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("criteria_set_id", Integer, ForeignKey("criteria_set.id"), nullable=False),
    Column("scorer", String(120), nullable=False, default=""),
    Column("scored_on", Date, nullable=False),
    Column("agreed", Boolean, nullable=False, default=False),
    Column("imported_total", Integer),
    Column("note", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
)

answer = Table(
    "answer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "assessment_id", Integer, ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False
    ),
    Column("criterion_id", Integer, ForeignKey("criterion.id"), nullable=False),
    # Yes = 1, No = 0, or a scale answer's value; NULL when unanswered.
    Column("answer", Integer),
    Column("evidence", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
    UniqueConstraint("assessment_id", "criterion_id"),
)

programme_entry = Table(
    "programme_entry",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False),
    Column(
        "topic_id", Integer, ForeignKey("topic.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("position", Integer, nullable=False, default=0),
    Column("purpose", Text),
    Column("to_follow", Boolean, nullable=False, default=False),
    Column("verbal_update", Boolean, nullable=False, default=False),
    Column("pinned", Boolean, nullable=False, default=True),
    Column("provisional", Boolean, nullable=False, default=False),
    Column("note", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
    Index("ix_entry_meeting_position", "meeting_id", "position"),
)

standing_exclusion = Table(
    "standing_exclusion",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "topic_id",
        Integer,
        ForeignKey("topic.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("version", Integer, nullable=False, default=1),
)

select_review = Table(
    "select_review",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "committee_id",
        Integer,
        ForeignKey("committee.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("topic_id", Integer, ForeignKey("topic.id", ondelete="SET NULL")),
    Column("title", String(400), nullable=False),
    Column("scope", Text, nullable=False, default=""),
    Column("members", Text, nullable=False, default=""),
    Column("lead_officer", String(200), nullable=False, default=""),
    Column(
        "status",
        _enum(ReviewStatus, "review_status"),
        nullable=False,
        default=ReviewStatus.PROPOSED,
    ),
    Column("added_on", Date),
    Column("reported_on", Date),
    Column("version", Integer, nullable=False, default=1),
)

review_meeting = Table(
    "review_meeting",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "review_id", Integer, ForeignKey("select_review.id", ondelete="CASCADE"), nullable=False
    ),
    Column("starts_at", DateTime, nullable=False),
    Column("venue", String(200), nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    Column("version", Integer, nullable=False, default=1),
)

recommendation = Table(
    "recommendation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "review_id", Integer, ForeignKey("select_review.id", ondelete="CASCADE"), nullable=False
    ),
    Column("number", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column(
        "response",
        _enum(ExecutiveResponse, "executive_response"),
        nullable=False,
        default=ExecutiveResponse.PENDING,
    ),
    Column("response_on", Date),
    Column("response_text", Text, nullable=False, default=""),
    Column("follow_up_on", Date),
    Column("follow_up_topic_id", Integer, ForeignKey("topic.id", ondelete="SET NULL")),
    Column("version", Integer, nullable=False, default=1),
)

decision = Table(
    "decision",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("committee_id", Integer, ForeignKey("committee.id", ondelete="CASCADE"), nullable=False),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="SET NULL")),
    Column("meeting_date", Date, nullable=False),
    Column("minute_no", String(20), nullable=False, default=""),
    Column("title", String(400), nullable=False),
    Column("resolution", Text, nullable=False, default=""),
    Column("target_date", Date),
    Column("officer", String(300), nullable=False, default=""),
    Column(
        "status",
        _enum(DecisionStatus, "decision_status"),
        nullable=False,
        default=DecisionStatus.ONGOING,
    ),
    Column("rag", _enum(Rag, "rag")),
    Column("version", Integer, nullable=False, default=1),
    Index("ix_decision_committee_target", "committee_id", "target_date"),
)

progress_note = Table(
    "progress_note",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "decision_id",
        Integer,
        ForeignKey("decision.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("noted_on", Date, nullable=False),
    Column("text", Text, nullable=False),
    Column("version", Integer, nullable=False, default=1),
)

audit_record = Table(
    "audit_record",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("who", String(120), nullable=False, default=""),
    Column("action", String(400), nullable=False, default=""),
    # No foreign key: the history of a committee outlives the committee.
    Column("committee_id", Integer),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(80), nullable=False),
    Column("label", String(400), nullable=False, default=""),
    Column("kind", _enum(AuditKind, "audit_kind"), nullable=False),
    Column("field", String(60)),
    Column("before", Text, nullable=False, default=""),
    Column("after", Text, nullable=False, default=""),
    Index("ix_audit_record_committee_at", "committee_id", "at"),
    Index("ix_audit_record_table_row", "table_name", "row_id"),
)

# --- evidence from the council's own systems ---------------------------------------------------
# One row per key action, indicator, forward-plan decision or risk, whichever file brought it:
# importing the same file again updates the row its key names (the database refuses a second).
evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", _enum(EvidenceKind, "evidence_kind"), nullable=False),
    # What makes the row the same one next time: its code or reference, else its title.
    Column("key", String(400), nullable=False),
    Column("reference", String(40), nullable=False, default="", server_default=""),
    Column("title", String(400), nullable=False),
    # The outcome lead, the decision maker or the risk owner.
    Column("lead", String(300), nullable=False, default="", server_default=""),
    # The scrutiny panel the performance report allocates a key action or indicator to.
    Column("panel", String(200), nullable=False, default="", server_default=""),
    Column("decision_on", Date),  # a forward-plan decision's expected date
    Column("key_decision", Boolean, nullable=False, default=False, server_default="0"),
    Column("exempt", Boolean, nullable=False, default=False, server_default="0"),
    Column("exempt_paragraph", Integer),
    Column("score", Integer),  # a risk's score
    Column("version", Integer, nullable=False, default=1),
    UniqueConstraint("kind", "key", name="uq_evidence_kind_key"),
)

evidence_rating = Table(
    "evidence_rating",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "evidence_id", Integer, ForeignKey("evidence.id", ondelete="CASCADE"), nullable=False
    ),
    Column("period", String(20), nullable=False),  # as people write it: "Q2 2015/16"
    Column("period_order", Integer, nullable=False),  # 20152 for Q2 2015/16
    Column("rag", _enum(Rag, "rag"), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    UniqueConstraint("evidence_id", "period_order", name="uq_evidence_rating_evidence_period"),
)

evidence_link = Table(
    "evidence_link",
    metadata,
    Column("evidence_id", Integer, ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "topic_id", Integer, ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
    Column("version", Integer, nullable=False, default=1),
)
