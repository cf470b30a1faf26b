"""Exporting a programme: the rows every writer in :mod:`domain.io` is given.

The Part II rule is applied here, once for every format: an exempt item becomes a row only when
the user asked for exempt items, and then it carries its paragraph so the writer can mark it.
The items to be scheduled and the select committee reviews are listed as the printed programme
lists them (``domain.printing.build`` decides which and in what order).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..io.rows import ExportRow, ProgrammeExport, Section
from ..models import MeetingStatus, TopicKind
from ..printing.build import listed_reviews, waiting_order
from ..values import EntryInfo, MeetingInfo, TopicRow
from ..years import start_month
from .convert import agreed_scores
from .planning import load_programme


def _row(meeting: MeetingInfo | None, item: EntryInfo | TopicRow, section: Section) -> ExportRow:
    entry = item if isinstance(item, EntryInfo) else None
    return ExportRow(
        meeting_id=None if meeting is None else meeting.id,
        meeting_starts_at=None if meeting is None else meeting.starts_at,
        venue="" if meeting is None else meeting.venue,
        title=item.title,
        score=item.score,
        reason=item.reason,
        responsible=item.responsible,
        exempt_paragraph=item.exempt_paragraph if item.exempt else None,
        section=section,
        to_follow=entry is not None and entry.to_follow,
        verbal_update=entry is not None and (entry.verbal_update or entry.kind == TopicKind.VERBAL_UPDATE),
        meeting_cancelled=meeting is not None and meeting.status == MeetingStatus.CANCELLED,
    )


def programme_table(
    session: Session, *, committee_id: int, year_start: int, include_exempt: bool = False
) -> ProgrammeExport:
    """A committee's programme for a year as export rows: one per item, a meeting with nothing
    booked as one empty row, then the items to be scheduled and the select committee reviews.
    Exempt (Part II) items are left out unless asked for (and counted, so the user can be
    told)."""
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
            rows.append(_row(m, e, Section.MEETINGS))
            wrote = True
        if not wrote:
            rows.append(
                ExportRow(
                    m.id, m.starts_at, m.venue, "", None, "", "",
                    meeting_cancelled=m.status == MeetingStatus.CANCELLED,
                )
            )  # fmt: skip
    for t in sorted(view.to_be_scheduled, key=lambda t: waiting_order(t.id)):
        if t.exempt and not include_exempt:
            left_out += 1
            continue
        rows.append(_row(None, t, Section.WAITING))
    first_month = start_month(session)
    reviews = listed_reviews(
        session, committee_id=committee_id, year_start=year_start, include_exempt=include_exempt,
        start_month=first_month,
    )  # fmt: skip
    if not include_exempt:
        everything = listed_reviews(
            session, committee_id=committee_id, year_start=year_start, include_exempt=True,
            start_month=first_month,
        )  # fmt: skip
        left_out += len(everything) - len(reviews)
    scores = agreed_scores(session, {r.topic_id for r in reviews if r.topic_id is not None})
    for r in reviews:
        score = scores.get(r.topic_id) if r.topic_id is not None else None
        rows.append(
            ExportRow(
                meeting_id=None,
                meeting_starts_at=None,
                venue="",
                title=r.row.subject,
                score=score[0] if score else None,
                reason=r.row.reason,
                responsible=r.row.responsible,
                exempt_paragraph=r.exempt_paragraph,
                section=Section.REVIEWS,
            )
        )
    return ProgrammeExport(
        committee=view.committee.name,
        year_start=year_start,
        rows=tuple(rows),
        exempt_left_out=left_out,
        includes_exempt=include_exempt,
    )
