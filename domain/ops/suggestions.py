"""A topic's path from suggestion to programme: the stages (long list, short list, accepted or
not pursued), several topics moved at once, suggestions imported from a form's export, and the
earlier items whose titles look like a suggestion's (reviewed in the last 12 months by any
committee), for a person to judge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import schema
from ..dates import add_months
from ..errors import Invalid
from ..schema import MeetingStatus, TopicStatus
from ..screening import Earlier, Similar, most_alike, title_words
from ..values import TopicRow
from ..words import counted
from .convert import get, row_of, topic_row

# stage -> (the status it sets, the words for it)
STAGES: dict[str, tuple[TopicStatus, str]] = {
    "long_list": (TopicStatus.LONG_LISTED, "Long list"),
    "short_list": (TopicStatus.SHORT_LISTED, "Short-list"),
    "accept": (TopicStatus.ACCEPTED, "Accept"),
    "not_pursued": (TopicStatus.NOT_PURSUED, "Not pursued"),
}
# A topic on a meeting or already dealt with has left the path; moving it back would take it
# off the programme without saying so.
_PAST_THE_PATH = (TopicStatus.SCHEDULED, TopicStatus.DONE)
# The statuses a new topic's form offers, and where each puts the topic.
WHERE_IT_APPEARS = {
    TopicStatus.PROPOSED: "on the Topics page only, until it is accepted",
    TopicStatus.LONG_LISTED: "on the long list (Topics page) until it is short-listed or accepted",
    TopicStatus.SHORT_LISTED: "on the short list (Topics page and the session pack) until it is accepted",
    TopicStatus.ACCEPTED: "in Items to be scheduled on the Programme page",
    TopicStatus.TO_BE_SCHEDULED: "in Items to be scheduled on the Programme page",
    TopicStatus.NOT_PURSUED: "on the Topics page only, as not pursued",
    TopicStatus.WITHDRAWN: "on the Topics page only, as withdrawn",
    TopicStatus.DONE: "on the Topics page only, as done",
    TopicStatus.SCHEDULED: "on the Programme page when it is booked on a meeting",
}


def where_it_appears(status: str) -> str:
    """Where a topic of this status shows: 'on the long list (Topics page) until ...'."""
    return WHERE_IT_APPEARS[TopicStatus(status)]


@dataclass(frozen=True, slots=True)
class TopicBatch:
    """Topics changed in one step, as they were left (``versions`` for the undo's checks)."""

    rows: tuple[TopicRow, ...]

    @property
    def versions(self) -> tuple[tuple[str, int, int], ...]:
        return tuple(("topic", r.id, r.version) for r in self.rows)


def update_topics(
    session: Session, *, edits: Sequence[tuple[int, int | None, dict[str, Any]]]
) -> TopicBatch:
    """Change several topics in one transaction: ``(topic_id, expected_version, fields)``
    each; all or nothing."""
    from .topics import update_topic

    return TopicBatch(
        tuple(
            update_topic(session, topic_id=topic_id, expected_version=version, **fields)
            for topic_id, version, fields in edits
        )
    )


def stage_fields(row: TopicRow, stage: str, *, reason: str = "") -> dict[str, Any]:
    """The fields that put ``row`` at ``stage``; Invalid says why it cannot go there."""
    if stage not in STAGES:
        raise Invalid(f"'{stage}' is not a stage ({', '.join(STAGES)}).", "status")
    status, words = STAGES[stage]
    if row.status in _PAST_THE_PATH:
        where = "is booked on a meeting" if row.status == TopicStatus.SCHEDULED else "is done"
        raise Invalid(
            f"'{row.title}' {where}, so it cannot be moved to '{words}'. Take it off the "
            "meeting on the Programme page first.",
            "status",
        )
    if status == TopicStatus.NOT_PURSUED and not reason.strip():
        raise Invalid("Say why the topics are not being pursued.", "status_reason")
    return {"status": status, "status_reason": reason.strip() if status == TopicStatus.NOT_PURSUED else ""}


def move_to_stage(
    session: Session, *, topics: Sequence[tuple[int, int | None]], stage: str, reason: str = ""
) -> TopicBatch:
    """Move the topics (``(topic_id, expected_version)``) to ``stage`` in one step."""
    from ..models import Topic

    edits = []
    for topic_id, version in topics:
        row = topic_row(get(session, Topic, topic_id, version), None)
        edits.append((topic_id, version, stage_fields(row, stage, reason=reason)))
    return update_topics(session, edits=edits)


# --- reviewed in the last 12 months -----------------------------------------------------------


def recent_items(session: Session, *, start: dt.date, end: dt.date) -> list[Earlier]:
    """The items of any committee and year on a meeting (not cancelled) from ``start`` up to
    ``end``, exempt ones with their paragraph."""
    t, m, c, e = schema.topic, schema.meeting, schema.committee, schema.programme_entry
    q = (
        select(t.c.id, t.c.title, c.c.name, c.c.short_name, m.c.starts_at, t.c.exempt, t.c.exempt_paragraph)
        .select_from(e.join(m, m.c.id == e.c.meeting_id).join(t, t.c.id == e.c.topic_id).join(c, c.c.id == m.c.committee_id))
        .where(
            m.c.starts_at >= dt.datetime.combine(start, dt.time()),
            m.c.starts_at < dt.datetime.combine(end, dt.time()),
            m.c.status != MeetingStatus.CANCELLED,
        )
    )
    return [
        Earlier(topic_id=i, title=title, committee=short or name, day=at.date(), exempt=bool(ex), exempt_paragraph=par)
        for i, title, name, short, at, ex, par in session.execute(q)
    ]


def similar_recent(
    session: Session,
    *,
    title: str,
    on: dt.date | None = None,
    exclude_topic_id: int | None = None,
    limit: int = 5,
) -> tuple[Similar, ...]:
    """Items of any committee and year, on a meeting in the 12 months before ``on`` (today by
    default) or booked for the 12 after, whose titles are like ``title``: most alike first.

    Titles are compared by their words (domain.screening), so "Plymouth Plan Refresh" finds
    "Plymouth Plan"; the program only points them out, a person decides. An exempt item comes
    marked (``Similar.exempt``), its title kept out of ``Similar.text``."""
    if not title_words(title):
        return ()
    on = on or dt.date.today()
    items = recent_items(session, start=add_months(on, -12), end=add_months(on, 12))
    return most_alike(items, title=title, on=on, exclude_topic_id=exclude_topic_id, limit=limit)


# --- suggestions from a file ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SuggestionImport:
    """What an import of suggestions made: the new topics (all on the long list) and those
    whose titles look like items reviewed in the last 12 months."""

    rows: tuple[TopicRow, ...]
    similar: tuple[tuple[str, Similar], ...]  # (suggestion's title, the earlier item)

    @property
    def versions(self) -> tuple[tuple[str, int, int], ...]:
        return tuple(("topic", r.id, r.version) for r in self.rows)

    @property
    def summary(self) -> str:
        text = f"{counted(len(self.rows), 'suggestion')} added to the long list."
        if self.similar:
            lines = "; ".join(f"'{title}' is like {s.text}" for title, s in self.similar)
            text += (
                f" {counted(len(self.similar), 'suggestion looks', 'suggestions look')} like "
                f"items reviewed in the last 12 months: {lines}. Open each to decide."
            )
        return text


def import_suggestions(
    session: Session, *, committee_id: int, year_start: int, rows: Sequence[Any], today: dt.date | None = None
) -> SuggestionImport:
    """Add the suggestions (``domain.io.suggestions.SuggestionRow``), read and checked from a
    file, as topics on the committee's long list for the year."""
    from .topics import create_topic

    row_of(session, schema.committee, committee_id)
    made: list[TopicRow] = []
    for r in rows:
        topic = create_topic(
            session, committee_id=committee_id, year_start=year_start, title=r.title,
            reason=r.reason, outcome=r.outcome, source_kind=r.proposer_kind,
            source_ref=f"Suggestion form ({r.file}, row {r.row})"[:300],
            proposer_name=r.proposer_name, proposer_contact=r.proposer_contact,
            plan_link=r.plan_link, workload=r.workload, added_on=r.submitted or today or dt.date.today(),
            status=TopicStatus.LONG_LISTED,
        )  # fmt: skip
        made.append(topic)
    similar: list[tuple[str, Similar]] = []
    if made:
        # One read for the whole file's window, matched in memory row by row.
        days = [t.added_on for t in made if t.added_on is not None]
        items = recent_items(session, start=add_months(min(days), -12), end=add_months(max(days), 12)) if days else []
        for topic in made:
            if topic.added_on is None:
                continue
            like = most_alike(items, title=topic.title, on=topic.added_on, exclude_topic_id=topic.id, limit=1)
            if like:
                similar.append((topic.title, like[0]))
    return SuggestionImport(tuple(made), tuple(similar))


def remove_topics(session: Session, *, topics: Sequence[tuple[int, int | None]]) -> TopicBatch:
    """Delete topics (``(topic_id, expected_version)``) an import made: its undo."""
    from ..models import Topic

    for topic_id, version in topics:
        session.delete(get(session, Topic, topic_id, version))
    session.flush()
    return TopicBatch(())


def restore_topics(session: Session, *, rows: Sequence[TopicRow]) -> SuggestionImport:
    """Make the deleted topics again with their ids (the redo of an import)."""
    from .topics import restore_topic

    return SuggestionImport(tuple(restore_topic(session, row=r) for r in rows), ())
