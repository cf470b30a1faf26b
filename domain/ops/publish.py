"""Exporting a committee's programme for a year in any of the formats the program writes.

``FORMATS`` is the one table of them: each entry says what the format is called, its file
extension, what it is for (which to publish on the council's website, which to open in a
spreadsheet, which to put in a calendar) and how it is made. The command line's ``export
--format`` and the window's File > Export... both read it, so a format added here appears in
both.

Every format keeps exempt (Part II) items out unless the user asks for them, by the rule of the
use case it is made from: the table formats from ``exports.programme_table``, the web page
from the printed programme's builder (it shows what the print shows), the calendar from both
the meetings and the export rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, cast

from ..words import counted

# Only what the table itself needs is imported here: the command line reads the table for its
# help and choices, so every command would pay for anything heavier. Each maker imports what
# it uses when it runs.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..io.ics import MeetingCalendar
    from ..io.rows import ProgrammeExport


@dataclass(frozen=True, slots=True)
class Exported:
    """A file's bytes, and what the user is told about them."""

    data: bytes
    contents: str  # "26 items at 8 meetings"
    exempt_left_out: int  # exempt (Part II) items the file leaves out
    includes_exempt: bool
    # What the programme holds that this format does not carry, said with the export's message.
    notes: tuple[str, ...] = ()


class Maker(Protocol):
    def __call__(
        self, session: Session, *, committee_id: int, year_start: int, include_exempt: bool
    ) -> Exported: ...


@dataclass(frozen=True, slots=True)
class ExportFormat:
    key: str  # the command line's --format
    label: str  # how the dialog names it
    extension: str  # ".html"
    noun: str  # how a message names the file: "web page"
    purpose: str  # what it is for, said in the dialog and the command's help
    make: Maker


def from_table(module: str, writer: str) -> Maker:
    """A format written from the export rows by ``writer(export: ProgrammeExport) -> bytes`` of
    ``module`` (CSV, and the workbook and Word writers), imported when it is used."""

    def make(
        session: Session, *, committee_id: int, year_start: int, include_exempt: bool
    ) -> Exported:
        from .exports import programme_table

        write = cast("Callable[[ProgrammeExport], bytes]", getattr(import_module(module), writer))
        table = programme_table(
            session, committee_id=committee_id, year_start=year_start,
            include_exempt=include_exempt,
        )  # fmt: skip
        return Exported(
            write(table), counted(len(table.rows), "row"), table.exempt_left_out, include_exempt,
            table.not_carried(),
        )  # fmt: skip

    return make


def web_page(
    session: Session, *, committee_id: int, year_start: int, include_exempt: bool
) -> Exported:
    """The printed programme as an accessible web page: what the print shows, no more."""
    from ..io.html import programme_html
    from ..printing.build import build_programme
    from ..printing.document import PartIIPlaceholder

    doc = build_programme(
        session, committee_id=committee_id, year_start=year_start, include_exempt=include_exempt
    )
    items = sum(
        1 for g in doc.meetings for r in g.rows if not isinstance(r, PartIIPlaceholder)
    )
    contents = f"{counted(items, 'item')} at {counted(len(doc.meetings), 'meeting')}"
    # The page shows what the print shows; how many exempt items that leaves out is counted by
    # the same rule the other formats apply.
    left_out = 0
    if not include_exempt:
        from .exports import programme_table

        left_out = programme_table(
            session, committee_id=committee_id, year_start=year_start
        ).exempt_left_out
    return Exported(programme_html(doc), contents, left_out, include_exempt)


def meeting_calendar(
    session: Session, *, committee_id: int, year_start: int, include_exempt: bool = False
) -> MeetingCalendar:
    """The committee's meetings of the year (cancelled ones too), each with its agenda
    publication deadline and its items; exempt items only when asked for, and marked."""
    from ..io.ics import DEFAULT_LENGTH, CalendarMeeting, MeetingCalendar
    from ..models import Committee, MeetingStatus
    from ..settings import database_identity, load_settings
    from ..years import year_label
    from .convert import get
    from .exports import programme_table
    from .planning import list_meetings, meeting_deadlines

    committee = get(session, Committee, committee_id)
    meetings = list_meetings(session, committee_id=committee_id, year_start=year_start)
    published = {
        d.meeting_id: d.publication
        for d in meeting_deadlines(session, committee_id=committee_id, year_start=year_start)
    }
    table = programme_table(
        session, committee_id=committee_id, year_start=year_start, include_exempt=include_exempt
    )
    items: dict[int, list[str]] = defaultdict(list)
    for row in table.rows:
        if row.meeting_id is None or not row.title:
            continue
        # Marked as the CSV file marks it.
        mark = "" if row.exempt_paragraph is None else f"[Part II, paragraph {row.exempt_paragraph}] "
        items[row.meeting_id].append(mark + row.title)
    return MeetingCalendar(
        committee=committee.name,
        council=load_settings(session).council_name,
        year_label=year_label(year_start),
        database_identity=database_identity(session),
        meetings=tuple(
            CalendarMeeting(
                meeting_id=m.id,
                version=m.version,
                starts_at=m.starts_at,
                venue=m.venue,
                cancelled=m.status == MeetingStatus.CANCELLED,
                publication=published[m.id],
                items=tuple(items.get(m.id, ())),
                length=(
                    dt.timedelta(minutes=m.capacity_minutes) if m.capacity_minutes else DEFAULT_LENGTH
                ),
            )
            for m in meetings
        ),
        exempt_left_out=table.exempt_left_out,
        includes_exempt=include_exempt,
    )


def calendar_file(
    session: Session, *, committee_id: int, year_start: int, include_exempt: bool
) -> Exported:
    from ..io.ics import meetings_ics

    cal = meeting_calendar(
        session, committee_id=committee_id, year_start=year_start, include_exempt=include_exempt
    )
    cancelled = sum(m.cancelled for m in cal.meetings)
    contents = counted(len(cal.meetings), "meeting")
    if cancelled:
        contents += f" ({cancelled} cancelled)"
    return Exported(meetings_ics(cal), contents, cal.exempt_left_out, include_exempt)


# The order the Export dialog lists them in: what to publish first.
FORMATS: dict[str, ExportFormat] = {
    f.key: f
    for f in (
        ExportFormat(
            "html", "Web page (HTML)", ".html", "web page",
            "To publish on the council\u2019s website: an accessible page (WCAG 2.2 AA) "
            "showing what the printed programme shows.",
            web_page,
        ),
        ExportFormat(
            "docx", "Word document (DOCX)", ".docx", "Word document",
            "To publish on the council\u2019s website, or to edit before publishing: headings and "
            "tables a screen reader can follow.",
            from_table("domain.io.docx", "programme_docx"),
        ),
        ExportFormat(
            "xlsx", "Excel workbook (XLSX)", ".xlsx", "Excel workbook",
            "To work on in a spreadsheet or import again: one sheet per section, real dates.",
            from_table("domain.io.xlsx", "programme_xlsx"),
        ),
        ExportFormat(
            "csv", "Comma-separated values (CSV)", ".csv", "CSV file",
            "To open in a spreadsheet or import again: the council\u2019s columns, one row per "
            "item.",
            from_table("domain.io.csv", "programme_csv"),
        ),
        ExportFormat(
            "ics", "Calendar (iCalendar)", ".ics", "calendar file",
            "To add the committee\u2019s meetings to Outlook or another calendar, with when "
            "each agenda is published.",
            calendar_file,
        ),
    )
}  # fmt: skip
