"""Topics: candidate items for the work programme."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from .. import schema
from ..errors import Invalid
from ..exemption import CLEARED_REASON_FIELD, check_clearing
from ..schema import SourceKind, TopicKind, TopicStatus, Workload
from ..screening import normal_screening, screening_json
from ..values import TopicRow
from .convert import TOPIC_ROW_COLUMNS, agreed_scores, get, row_of, topic_row

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..reader import Reader

EDITABLE = (
    "title",
    "reason",
    "responsible",
    "source_kind",
    "source_ref",
    "added_on",
    "kind",
    "status",
    "status_reason",
    "exempt",
    "exempt_paragraph",
    "exempt_cleared_reason",
    "needed_by",
    "estimated_minutes",
    "year_start",
    "proposer_name",
    "proposer_contact",
    "outcome",
    "plan_link",
    "workload",
    "screening",
    "told_on",
    "urgent",
    "urgent_reason",
)

_ENUMS = {"source_kind": SourceKind, "kind": TopicKind, "status": TopicStatus, "workload": Workload}
_ONE_LINE = ("title", "responsible", "source_ref", "proposer_name", "proposer_contact", "plan_link")
_URGENT_NEEDS_REASON = "Say why the topic is urgent: it goes ahead of every band in a suggested schedule."


def validate(fields: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise topic fields; raises Invalid naming the field at fault."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise Invalid(f"A topic has no field '{key}'.", key)
        if key in _ENUMS and value is not None and not isinstance(value, _ENUMS[key]):
            try:
                value = _ENUMS[key](value)
            except ValueError:
                allowed = ", ".join(m.value for m in _ENUMS[key])
                raise Invalid(f"'{value}' is not a {key.replace('_', ' ')} ({allowed}).", key) from None
        if key in ("source_kind", "workload") and value == "":
            value = None
        if isinstance(value, str) and key in _ONE_LINE:
            value = " ".join(value.split())
        if key in ("exempt_cleared_reason", "outcome", "urgent_reason"):
            value = (value or "").strip()
        if key == "screening":
            value = normal_screening(value)
        out[key] = value
    if "title" in out and not out["title"]:
        raise Invalid("A topic needs a title.", "title")
    if "title" in out and len(out["title"]) > 400:
        raise Invalid("A title can be at most 400 characters.", "title")
    para = out.get("exempt_paragraph")
    if para is not None and not 1 <= para <= 7:
        raise Invalid(
            "Schedule 12A has paragraphs 1 to 7; choose the one that makes the item exempt.",
            "exempt_paragraph",
        )
    if out.get("exempt") and out.get("exempt_paragraph") is None and "exempt_paragraph" in fields:
        raise Invalid(
            "An exempt (Part II) item needs the Schedule 12A paragraph (1-7).", "exempt_paragraph"
        )
    if out.get("urgent") and not out.get("urgent_reason", "given later"):
        raise Invalid(_URGENT_NEEDS_REASON, "urgent_reason")
    minutes = out.get("estimated_minutes")
    if minutes is not None and minutes < 0:
        raise Invalid("Minutes cannot be negative.", "estimated_minutes")
    return out


def list_topics(session: Reader, *, committee_id: int, year_start: int | None = None) -> list[TopicRow]:
    """The committee's topics (of one municipal year, or all), with their agreed scores."""
    q = select(*TOPIC_ROW_COLUMNS).where(schema.topic.c.committee_id == committee_id)
    if year_start is not None:
        q = q.where(schema.topic.c.year_start == year_start)
    topics = session.execute(q.order_by(schema.topic.c.id)).all()
    scores = agreed_scores(session, (t.id for t in topics))
    return [topic_row(t, scores.get(t.id)) for t in topics]


def get_topic(session: Reader, *, topic_id: int) -> TopicRow:
    t = row_of(session, schema.topic, topic_id)
    return topic_row(t, agreed_scores(session, [t.id]).get(t.id))


def create_topic(
    session: Session, *, committee_id: int, year_start: int, title: str, **fields: Any
) -> TopicRow:
    from ..models import Topic

    row_of(session, schema.committee, committee_id)
    values = validate({"title": title, "year_start": year_start, **fields})
    values.setdefault("added_on", dt.date.today())
    if values.get("urgent") and not values.get("urgent_reason"):
        raise Invalid(_URGENT_NEEDS_REASON, "urgent_reason")
    t = Topic(committee_id=committee_id, **_stored(values))
    session.add(t)
    session.flush()
    return topic_row(t, None)


def update_topic(
    session: Session, *, topic_id: int, expected_version: int | None = None, **fields: Any
) -> TopicRow:
    from ..models import Topic

    t = get(session, Topic, topic_id, expected_version)
    values = validate(fields)
    if values.get("exempt") is False:
        values["exempt_paragraph"] = None
        if t.exempt:
            check_clearing(
                session, t.id, values.get(CLEARED_REASON_FIELD, t.exempt_cleared_reason)
            )
    elif values.get("exempt") is True:
        values[CLEARED_REASON_FIELD] = ""
    if values.get("urgent") is False:
        values["urgent_reason"] = ""
    for key, value in _stored(values).items():
        setattr(t, key, value)
    if t.exempt and t.exempt_paragraph is None:
        raise Invalid(
            "An exempt (Part II) item needs the Schedule 12A paragraph (1-7).", "exempt_paragraph"
        )
    if t.urgent and not t.urgent_reason:
        raise Invalid(_URGENT_NEEDS_REASON, "urgent_reason")
    session.flush()
    return topic_row(t, agreed_scores(session, [t.id]).get(t.id))


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    """Validated fields as the table stores them (the screening flags as JSON)."""
    if "screening" in values:
        values = {**values, "screening": screening_json(values["screening"])}
    return values


def topic_fields(row: TopicRow) -> dict[str, Any]:
    """A topic's editable fields, e.g. to restore them when an edit is undone."""
    return {key: getattr(row, key) for key in EDITABLE}


def delete_topic(session: Session, *, topic_id: int, expected_version: int | None = None) -> None:
    from ..models import Topic

    session.delete(get(session, Topic, topic_id, expected_version))
    session.flush()


def restore_topic(session: Session, *, row: TopicRow) -> TopicRow:
    """Re-create a deleted topic with its old id (redo of a create, undo of a delete)."""
    from ..models import Topic

    t = Topic(id=row.id, committee_id=row.committee_id, **_stored(validate(topic_fields(row))))
    session.add(t)
    session.flush()
    return topic_row(t, None)


def mark_not_pursued(session: Session, *, topic_id: int, reason: str) -> TopicRow:
    """A topic scored 0 (or judged unsuitable) is kept, with the reason it was not pursued."""
    if not reason.strip():
        raise Invalid("Say why the topic is not being pursued.", "status_reason")
    return update_topic(
        session, topic_id=topic_id, status=TopicStatus.NOT_PURSUED, status_reason=reason.strip()
    )
