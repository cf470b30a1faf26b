"""Exporting a programme: the rows every writer in :mod:`domain.io` is given.

The Part II rule is applied here, once for every format: an exempt item becomes a row only when
the user asked for exempt items, and then it carries its paragraph so the writer can mark it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..io.rows import ExportRow, ProgrammeExport
from ..values import EntryInfo, MeetingInfo, TopicRow
from .planning import load_programme


def _row(meeting: MeetingInfo | None, item: EntryInfo | TopicRow) -> ExportRow:
    return ExportRow(
        meeting_id=None if meeting is None else meeting.id,
        meeting_starts_at=None if meeting is None else meeting.starts_at,
        venue="" if meeting is None else meeting.venue,
        title=item.title,
        score=item.score,
        reason=item.reason,
        responsible=item.responsible,
        exempt_paragraph=item.exempt_paragraph if item.exempt else None,
    )


def programme_table(
    session: Session, *, committee_id: int, year_start: int, include_exempt: bool = False
) -> ProgrammeExport:
    """A committee's programme for a year as export rows: one per item, a meeting with nothing
    booked as one empty row, then the items to be scheduled. Exempt (Part II) items are left out
    unless asked for (and counted, so the user can be told)."""
    view = load_programme(session, committee_id=committee_id, year_start=year_start)
    rows: list[ExportRow] = []
    left_out = 0
    for group in view.meetings:
        m = group.meeting
        wrote = False
        for e in group.entries:
            if e.exempt and not include_exempt:
                left_out += 1
                continue
            rows.append(_row(m, e))
            wrote = True
        if not wrote:
            rows.append(ExportRow(m.id, m.starts_at, m.venue, "", None, "", ""))
    for t in view.to_be_scheduled:
        if t.exempt and not include_exempt:
            left_out += 1
            continue
        rows.append(_row(None, t))
    return ProgrammeExport(
        committee=view.committee.name,
        year_start=year_start,
        rows=tuple(rows),
        exempt_left_out=left_out,
        includes_exempt=include_exempt,
    )
