"""The plain rows every outside format is read into and written from.

A reader gives :class:`ProgrammeRow` values, each knowing where in its file it came from, so
that any later check can name the file, the table (a workbook's sheet, a document's table), the
row and the column. A writer is given :class:`ExportRow` values that the export use case has
already filtered: an exempt (Part II) row is only among them when the user asked for it.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from pathlib import Path

from ..errors import OpError
from ..years import municipal_year_label

NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION"
FIX = "Correct the file and import it again; nothing was imported."


class ImportFileError(OpError):
    """A file cannot be imported; the message names the file, table, row and column.

    ``row`` is numbered as the user's program shows it (a spreadsheet's header is row 1);
    ``table`` says which table of a file with several ("sheet 'Programme'"), else None.
    """

    def __init__(
        self,
        file: str,
        row: int | None,
        column: str | None,
        message: str,
        *,
        hint: str = FIX,
        table: str | None = None,
    ) -> None:
        self.file = file
        self.table = table
        self.row = row
        self.column = column
        self.message = message
        where = file
        if table is not None:
            where += f", {table}"
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {message} {hint}".strip())


def read_source(source: Path, label: str, *, kind: str = "file") -> bytes:
    """The bytes of ``source``; ``ImportFileError`` says in words why it cannot be read."""
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(
            label, None, None, f"There is no file {source}.",
            hint="Check the name and folder of the file.",
        ) from None
    except IsADirectoryError:
        raise ImportFileError(
            label, None, None, f"{source} is a folder, not a file.",
            hint=f"Give the path of the {kind} itself.",
        ) from None
    except OSError as exc:
        raise ImportFileError(
            label, None, None, f"The file cannot be read: {exc.strerror or exc}.",
            hint="Check that you may open it, or copy it somewhere you can.",
        ) from None


def source_data(source: Path | bytes, name: str | None, *, kind: str) -> tuple[str, bytes]:
    """How messages call a file given by path or as bytes (``name`` if given), and its bytes."""
    if isinstance(source, Path):
        label = name or source.name
        return label, read_source(source, label, kind=kind)
    return name or "the file", source


class Section(enum.StrEnum):
    """The parts of a printed programme, each its own table: the meetings with their items,
    the items still waiting for a meeting, and the select committee reviews."""

    MEETINGS = "meetings"
    WAITING = "to_be_scheduled"
    REVIEWS = "reviews"

    @property
    def heading(self) -> str:
        """The section's heading as the council prints it."""
        return _HEADINGS[self]


_HEADINGS = {
    Section.MEETINGS: "Work Programme",
    Section.WAITING: "Items to be scheduled",
    Section.REVIEWS: "Select Committee Reviews",
}


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    """One row of a programme file, read and checked against the council's layout.

    ``meeting_date`` is None for an item to be scheduled and for a select committee review
    (``section`` says which). An empty ``title`` is a meeting with nothing booked on it yet (a
    row holding only a date). ``purpose`` is the "Purpose of the agenda item" of a programme in
    that layout (seed 000), which the item's entry at that meeting keeps.
    """

    row: int  # as the user's program numbers it: a spreadsheet's header is row 1
    meeting_date: dt.date | None
    title: str
    score: int | None
    reason: str
    responsible: str
    exempt_paragraph: int | None = None
    table: str | None = None  # which table of the file, when it has several
    section: Section = Section.MEETINGS
    to_follow: bool = False  # the item's report is marked "To follow" on the agenda
    purpose: str = ""

    @property
    def to_be_scheduled(self) -> bool:
        return self.section is Section.WAITING

    def error(self, file: str, column: str | None, message: str, *, hint: str = FIX) -> ImportFileError:
        """The error naming this row's place in ``file``."""
        return ImportFileError(file, self.row, column, message, hint=hint, table=self.table)


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One row of a programme as a file shows it: an item at a meeting, a meeting with nothing
    booked yet (empty ``title``), an item to be scheduled or a select committee review (no
    meeting; ``section`` says which).

    ``exempt_paragraph`` is set only on an exempt item the user chose to include, so a writer
    can mark it; exempt items the user did not include are never made into rows.
    """

    meeting_id: int | None
    meeting_starts_at: dt.datetime | None
    venue: str
    title: str
    score: int | None
    reason: str
    responsible: str
    exempt_paragraph: int | None = None
    section: Section = Section.MEETINGS
    to_follow: bool = False
    verbal_update: bool = False  # printed as a mark; no file format carries it (see notes)
    meeting_cancelled: bool = False  # no file format carries it either

    @property
    def to_be_scheduled(self) -> bool:
        return self.section is Section.WAITING


@dataclass(frozen=True, slots=True)
class ProgrammeExport:
    """A committee's programme for one year, as rows for a writer: the meetings in date order
    with their items in agenda order, then the items to be scheduled and the select committee
    reviews, each in the printed programme's order."""

    committee: str
    year_start: int
    rows: tuple[ExportRow, ...]
    exempt_left_out: int  # exempt items not made into rows
    includes_exempt: bool  # whether the user asked for exempt items (the file is then not public)

    def section(self, section: Section) -> tuple[ExportRow, ...]:
        return tuple(r for r in self.rows if r.section is section)

    @property
    def title(self) -> str:
        """The document's title: "<Committee> – Work Programme 2019 - 20"."""
        return f"{self.committee} \u2013 Work Programme {municipal_year_label(self.year_start)}"

    @property
    def file_title(self) -> str:
        """The title a file's properties carry: marked when it holds exempt items."""
        return self.title + (f" \u2013 {NOT_FOR_PUBLICATION}" if self.includes_exempt else "")

    def not_carried(self) -> tuple[str, ...]:
        """What the programme holds that no exported file (CSV, Excel or Word) carries, as
        sentences for the export's message; empty when the file holds everything."""
        notes: list[str] = []
        meetings = {r.meeting_id: r for r in self.rows if r.meeting_id is not None}
        with_venue = sum(1 for r in meetings.values() if r.venue)
        times = {r.meeting_starts_at.time() for r in meetings.values() if r.meeting_starts_at}
        if with_venue or len(times) > 1:
            notes.append(
                "Meeting times and venues are not in the file (only the dates): an import "
                "gives every meeting the committee's usual time and venue."
            )
        cancelled = sum(1 for r in meetings.values() if r.meeting_cancelled)
        if cancelled:
            notes.append(
                f"{cancelled} cancelled meeting{'s are' if cancelled != 1 else ' is'} written "
                "as any other: the file does not say a meeting is cancelled."
            )
        verbal = sum(1 for r in self.rows if r.verbal_update)
        if verbal:
            notes.append(
                f"{verbal} 'Verbal update' mark{'s are' if verbal != 1 else ' is'} not in the file."
            )
        return tuple(notes)
