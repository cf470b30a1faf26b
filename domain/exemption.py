"""The Part II rule: which rows are exempt under Schedule 12A of the Local Government Act 1972,
and what a row made from another row inherits.

A topic is exempt when its ``exempt`` flag is set (with the paragraph, 1-7, that makes it so).
A tracking decision is exempt when a topic linked to it is exempt: a topic created from the
resolution (``Topic.decision_id``), or the exempt agenda item of the same meeting that the
resolution was made on (same meeting, same title). A select committee review, and each of its
recommendations, is exempt when the review's topic is.

Anything made from an exempt row (a topic from a resolution, a follow-up from a recommendation)
is exempt with the same paragraph: its title, reason and officer are taken from the exempt row.
Only a person can clear that, and only with a reason, which is kept on the topic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, exists, or_, select

from . import schema
from .errors import Invalid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CLEARED_REASON_FIELD = "exempt_cleared_reason"


@dataclass(frozen=True, slots=True)
class Exemption:
    """An exempt row's Schedule 12A paragraph (None when it was never given)."""

    paragraph: int | None

    def topic_fields(self) -> dict[str, Any]:
        """The fields that make a new topic exempt in the same way."""
        fields: dict[str, Any] = {"exempt": True}
        if self.paragraph is not None:
            fields["exempt_paragraph"] = self.paragraph
        return fields


def exempt_decision_sql(*, except_topic_id: int | None = None) -> Any:
    """SQL: the decision is linked to an exempt topic (see the module docstring).

    ``except_topic_id`` leaves one topic out of the "created from" link, to ask whether a topic's
    source resolution is exempt apart from that topic itself.
    """
    entry_topic = schema.topic.alias()
    created: list[ColumnElement[bool]] = [schema.topic.c.decision_id == schema.decision.c.id, schema.topic.c.exempt.is_(True)]
    if except_topic_id is not None:
        created.append(schema.topic.c.id != except_topic_id)
    made_on = exists().where(
        schema.programme_entry.c.meeting_id == schema.decision.c.meeting_id,
        entry_topic.c.id == schema.programme_entry.c.topic_id,
        entry_topic.c.exempt.is_(True),
        entry_topic.c.title == schema.decision.c.title,
    )
    return or_(exists().where(*created), made_on)


def decision_paragraphs(
    session: Session, decision_ids: Iterable[int], *, except_topic_id: int | None = None
) -> dict[int, int | None]:
    """The Schedule 12A paragraph of each exempt decision's exempt topic (lowest if several)."""
    ids = list(decision_ids)
    found: dict[int, int | None] = dict.fromkeys(ids)
    if not ids:
        return found
    entry_topic = schema.topic.alias()
    created: list[ColumnElement[bool]] = [schema.topic.c.decision_id.in_(ids), schema.topic.c.exempt.is_(True)]
    if except_topic_id is not None:
        created.append(schema.topic.c.id != except_topic_id)
    for did, para in session.execute(
        select(schema.topic.c.decision_id, schema.topic.c.exempt_paragraph)
        .where(*created)
        .order_by(schema.topic.c.exempt_paragraph)
    ):
        if did is not None and found[did] is None:
            found[did] = para
    for did, para in session.execute(
        select(schema.decision.c.id, entry_topic.c.exempt_paragraph)
        .join(schema.programme_entry, schema.programme_entry.c.meeting_id == schema.decision.c.meeting_id)
        .join(entry_topic, and_(entry_topic.c.id == schema.programme_entry.c.topic_id))
        .where(
            schema.decision.c.id.in_(ids),
            entry_topic.c.exempt.is_(True),
            entry_topic.c.title == schema.decision.c.title,
        )
        .order_by(entry_topic.c.exempt_paragraph)
    ):
        if found[did] is None:
            found[did] = para
    return found


def decision_exemption(
    session: Session, decision_id: int, *, except_topic_id: int | None = None
) -> Exemption | None:
    """How a resolution is exempt, or None when it is not."""
    exempt = session.scalar(
        select(schema.decision.c.id).where(
            schema.decision.c.id == decision_id, exempt_decision_sql(except_topic_id=except_topic_id)
        )
    )
    if exempt is None:
        return None
    paragraphs = decision_paragraphs(session, [decision_id], except_topic_id=except_topic_id)
    return Exemption(paragraphs[decision_id])


def topic_exemption(session: Session, topic_id: int | None) -> Exemption | None:
    if topic_id is None:
        return None
    row = session.execute(
        select(schema.topic.c.exempt, schema.topic.c.exempt_paragraph).where(schema.topic.c.id == topic_id)
    ).first()
    return Exemption(row.exempt_paragraph) if row is not None and row.exempt else None


def review_exemption(session: Session, review_id: int) -> Exemption | None:
    """How a review (and so each of its recommendations) is exempt, or None."""
    topic_id = session.scalar(select(schema.select_review.c.topic_id).where(schema.select_review.c.id == review_id))
    return topic_exemption(session, topic_id)


def source_exemption(session: Session, topic_id: int) -> Exemption | None:
    """The exemption a topic inherits from the row it was made from, or None.

    A topic made from a resolution inherits the resolution's (leaving the topic itself out,
    since its own flag would otherwise make its source exempt); a follow-up inherits its
    recommendation's review's; a topic carried into the next year inherits its origin's.
    """
    origin_id = session.scalar(select(schema.topic_carry.c.origin_id).where(schema.topic_carry.c.topic_id == topic_id))
    found = topic_exemption(session, origin_id)
    if found is not None:
        return found
    decision_id = session.scalar(select(schema.topic.c.decision_id).where(schema.topic.c.id == topic_id))
    if decision_id is not None:
        found = decision_exemption(session, decision_id, except_topic_id=topic_id)
        if found is not None:
            return found
    for review_id in session.scalars(
        select(schema.recommendation.c.review_id).where(schema.recommendation.c.follow_up_topic_id == topic_id)
    ):
        found = review_exemption(session, review_id)
        if found is not None:
            return found
    return None


def check_clearing(session: Session, topic_id: int, reason: str) -> None:
    """Clearing the exemption a topic inherited needs a reason a person gives."""
    if reason.strip():
        return
    source = source_exemption(session, topic_id)
    if source is None:
        return
    para = f" (paragraph {source.paragraph})" if source.paragraph is not None else ""
    raise Invalid(
        f"This item was made from an exempt (Part II) item{para}, so its title, reason and "
        "officer may disclose exempt information. Say why it can be published before clearing "
        "\u201cExempt\u201d.",
        CLEARED_REASON_FIELD,
    )


def refuse_in_public(what: str) -> Invalid:
    """The error for asking a public document to show an exempt item."""
    return Invalid(
        f"{what} exempt (Part II), so it cannot go in a public document. Choose "
        "\u201cInclude exempt items\u201d to print it marked NOT FOR PUBLICATION."
    )


__all__ = [
    "CLEARED_REASON_FIELD",
    "Exemption",
    "check_clearing",
    "decision_exemption",
    "decision_paragraphs",
    "exempt_decision_sql",
    "refuse_in_public",
    "review_exemption",
    "source_exemption",
    "topic_exemption",
]
