"""The plain rows every outside format is read into and written from.

A reader gives :class:`ProgrammeRow` values, each knowing where in its file it came from, so
that any later check can name the file, the table (a workbook's sheet, a document's table), the
row and the column. A writer is given :class:`ExportRow` values that the export use case has
already filtered: an exempt (Part II) row is only among them when the user asked for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import OpError

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


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    """One row of a programme file, read and checked against the council's layout.

    ``meeting_date`` is None for an item to be scheduled. An empty ``title`` is a meeting
    with nothing booked on it yet (a row holding only a date).
    """

    row: int  # as the user's program numbers it: a spreadsheet's header is row 1
    meeting_date: dt.date | None
    title: str
    score: int | None
    reason: str
    responsible: str
    exempt_paragraph: int | None = None
    table: str | None = None  # which table of the file, when it has several

    @property
    def to_be_scheduled(self) -> bool:
        return self.meeting_date is None

    def error(self, file: str, column: str | None, message: str, *, hint: str = FIX) -> ImportFileError:
        """The error naming this row's place in ``file``."""
        return ImportFileError(file, self.row, column, message, hint=hint, table=self.table)


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One row of a programme as a file shows it: an item at a meeting, a meeting with nothing
    booked yet (empty ``title``), or an item to be scheduled (no meeting).

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

    @property
    def to_be_scheduled(self) -> bool:
        return self.meeting_id is None


@dataclass(frozen=True, slots=True)
class ProgrammeExport:
    """A committee's programme for one year, as rows for a writer: the meetings in date order
    with their items in agenda order, then the items to be scheduled."""

    committee: str
    year_start: int
    rows: tuple[ExportRow, ...]
    exempt_left_out: int  # exempt items not made into rows
    includes_exempt: bool  # whether the user asked for exempt items (the file is then not public)
