"""Stored codes that people read as words: a resolution's status and RAG mark, a review's
status, the executive's response. The tables of ``domain.schema`` store them; the values of
``domain.decision_values`` carry them. Plain enumerations, so that reading them costs neither
SQLAlchemy nor the values' dataclasses.
"""

from __future__ import annotations

import enum


class _Labelled(enum.StrEnum):
    """A stored code and the words people read for it.

    The value is what the database stores (unchanged); ``label`` is how forms, tables and undo
    texts write it: the code in words, "in_progress" -> "In progress".
    """

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class DecisionStatus(_Labelled):
    ONGOING = "ongoing"
    COMPLETE = "complete"


class Rag(_Labelled):
    """The RAG mark of a resolution's progress."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def meaning(self) -> str:
        """'Green \u2013 achieved': the mark with what it means, as a form offers it."""
        return f"{self.label} \u2013 {_RAG_MEANINGS[self]}"


_RAG_MEANINGS = {Rag.GREEN: "achieved", Rag.AMBER: "progressing", Rag.RED: "not achieved"}


class ReviewStatus(_Labelled):
    PROPOSED = "proposed"
    SCOPING = "scoping"
    IN_PROGRESS = "in_progress"
    REPORTED = "reported"
    CLOSED = "closed"

    @property
    def finished(self) -> bool:
        """Reported or closed: the review cannot go back to proposed."""
        return self in (ReviewStatus.REPORTED, ReviewStatus.CLOSED)


class ExecutiveResponse(_Labelled):
    """The executive's response to a review's recommendation."""

    PENDING = "pending"
    AGREED = "agreed"
    NOTED = "noted"
    REJECTED = "rejected"


class EvidenceKind(_Labelled):
    """What a row of the council's own evidence is: a corporate plan key action or performance
    indicator (rated Red, Amber or Green each quarter), a key decision on the Cabinet's forward
    plan, or a risk on the corporate risk register."""

    KEY_ACTION = "key_action"
    INDICATOR = "indicator"
    FORWARD_PLAN = "forward_plan"
    RISK = "risk"

    @property
    def label(self) -> str:
        return _EVIDENCE_LABELS[self]


_EVIDENCE_LABELS = {
    EvidenceKind.KEY_ACTION: "Key action",
    EvidenceKind.INDICATOR: "Performance indicator",
    EvidenceKind.FORWARD_PLAN: "Forward plan",
    EvidenceKind.RISK: "Risk",
}


# A topic's source (``SourceKind``) in words, as its form, the tables and the prints write it.
SOURCE_WORDS = {
    "motion": "Motion on notice to Council",
    "referral": "Referral (Board or Cabinet)",
    "risk_register": "Strategic risk register",
    "pledge": "Pledge",
    "resolution": "Resolution of a meeting",
    "member": "Member",
    "chair": "Chair",
    "public": "Member of the public",
    "officer": "Officer",
    "partner": "Partner organisation",
}

# A suggestion's workload (``Workload``) in words.
WORKLOAD_WORDS = {"heavy": "Heavy", "medium": "Medium", "light": "Light"}
