"""The council's programme table, whatever file it comes in: its columns and how cells read.

The columns are those of the printed programme (seed 001): Date of meeting | Agenda item |
Prioritisation Score | Reason for consideration | Responsible Cabinet Member / Officer. Rows are
grouped by meeting and the date is written once per group, so an empty date continues the
meeting above. A row whose date cell says "To be scheduled" is an item still waiting for a
meeting ("Items to be scheduled").

A reader of any format turns its file into records (lists of cell texts, in row order) and
:func:`read_records` finds the header, checks every row and returns plain rows; a writer gets
its cells from :func:`cells_of`. The first problem raises ``ImportFileError`` naming the file,
the row and the column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from ..dates import long_date as format_date  # a date nobody can misread: 11 September 2019
from ..dates import parse_council_date
from .rows import ExportRow, ImportFileError, ProgrammeRow

DATE = "Date of meeting"
TITLE = "Agenda item"
SCORE = "Prioritisation Score"
REASON = "Reason for consideration"
RESPONSIBLE = "Responsible Cabinet Member / Officer"
HEADER = (DATE, TITLE, SCORE, REASON, RESPONSIBLE)
TO_BE_SCHEDULED = "To be scheduled"

# Other names the same columns carry in the council's tables ("Items to be scheduled" and
# "Select Committee Reviews" head them Subject | Reason added to work programme | Responsible
# Officer), so a table copied from either part of the document reads the same way.
_ALIASES: dict[str, tuple[str, ...]] = {
    DATE: (DATE, "Date", "Meeting date"),
    TITLE: (TITLE, "Subject", "Item", "Topic"),
    SCORE: (SCORE, "Score", "PAPER score", "Priority score"),
    REASON: (REASON, "Reason added to work programme", "Reason"),
    RESPONSIBLE: (RESPONSIBLE, "Responsible Officer", "Responsible Cabinet Member", "Responsible"),
}
_REQUIRED = (DATE, TITLE)
DEFAULT_MAX_SCORE = 6
_TITLE_MAX = 400
_RESPONSIBLE_MAX = 300
# Written in front of the title of an exempt item when the user asks for exempt items to be
# exported, so that importing the file again marks the item exempt with its paragraph.
_EXEMPT_PREFIX = re.compile(r"^\[\s*part\s*ii\s*,\s*paragraph\s*(\d)\s*\]\s*", re.IGNORECASE)
# Spreadsheets run a cell starting with one of these as a formula ("CSV injection"), so such a
# cell is written with a leading apostrophe, which reading takes off again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")



# --- reading -----------------------------------------------------------------------------------


def _norm(cell: str) -> str:
    return "".join(cell.replace("\ufeff", "").split()).casefold()


_COLUMN_OF = {_norm(alias): column for column, aliases in _ALIASES.items() for alias in aliases}


def known_columns(record: Sequence[str]) -> int:
    """How many of the layout's columns a record names: 2 or more makes it a header row."""
    return len({_COLUMN_OF[_norm(c)] for c in record if _norm(c) in _COLUMN_OF})


def _cell(record: Sequence[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    value = record[index].replace("\r\n", "\n").replace("\r", "\n").strip()
    if value.startswith("'") and value[1:2] in FORMULA_START:
        value = value[1:]
    return value


def _one_line(value: str) -> str:
    return " ".join(value.split())


def read_records(
    records: Sequence[Sequence[str]],
    *,
    label: str,
    table: str | None = None,
    max_score: int = DEFAULT_MAX_SCORE,
) -> list[ProgrammeRow]:
    """Find the header among ``records`` (record i is row i + 1 of the file) and check every
    row under it. Raises ``ImportFileError`` at the first problem; returns the rows in file
    order otherwise."""

    def error(row: int | None, column: str | None, message: str, **hint: str) -> ImportFileError:
        return ImportFileError(label, row, column, message, table=table, **hint)

    header_index = None
    for i, record in enumerate(records[:20]):
        if known_columns(record) >= 2:
            header_index = i
            break
    if header_index is None:
        header_index = next((i for i, r in enumerate(records) if any(c.strip() for c in r)), 0)
    header = records[header_index] if records else []
    columns: dict[str, int] = {}
    for i, cell in enumerate(header):
        column = _COLUMN_OF.get(_norm(cell))
        if column is not None and column not in columns:
            columns[column] = i
    for column in _REQUIRED:
        if column not in columns:
            found = ", ".join(f"'{c.strip()}'" for c in header if c.strip()) or "nothing"
            raise error(
                header_index + 1, column,
                f"The header row has no '{column}' column (it has {found}). The columns are: "
                f"{', '.join(HEADER)}; the first two are required, and the names may be in any "
                "case.",
                hint="Add or rename the column and import the file again; nothing was imported.",
            )
    header_cells = (_norm(header[columns[DATE]]), _norm(header[columns[TITLE]]))

    rows: list[ProgrammeRow] = []
    current: dt.date | None = None
    started = False  # whether a date (or "To be scheduled") has been seen yet
    for index in range(header_index + 1, len(records)):
        record = records[index]
        number = index + 1
        cells = {column: _cell(record, columns.get(column)) for column in HEADER}
        if not any(cells.values()):
            continue
        if (_norm(cells[DATE]), _norm(cells[TITLE])) == header_cells:
            continue  # the header again, after a page break
        date_text = cells[DATE]
        new_group = bool(date_text)
        if date_text:
            if _one_line(date_text).casefold() == TO_BE_SCHEDULED.casefold():
                current = None
            else:
                try:
                    current = parse_council_date(date_text)
                except ValueError as exc:
                    raise error(number, DATE, str(exc)) from None
            started = True
        elif not started:
            raise error(
                number, DATE,
                "The first item has no meeting date, so it is not known which meeting it is for.",
                hint=f"Write the date of its meeting (or '{TO_BE_SCHEDULED}') in this cell and "
                "import the file again; nothing was imported.",
            )

        title = _one_line(cells[TITLE])
        exempt_paragraph = None
        if m := _EXEMPT_PREFIX.match(title):
            exempt_paragraph = int(m[1])
            title = title[m.end():]
            if not 1 <= exempt_paragraph <= 7:
                raise error(number, TITLE, f"Schedule 12A has paragraphs 1 to 7, not {exempt_paragraph}.")
        if not title:
            if cells[SCORE] or cells[REASON] or cells[RESPONSIBLE] or exempt_paragraph:
                raise error(
                    number, TITLE,
                    "The agenda item is empty, but the row has other details.",
                    hint="Write the item's title, or delete the row, and import the file again; "
                    "nothing was imported.",
                )
            if new_group and current is not None:
                rows.append(ProgrammeRow(number, current, "", None, "", "", table=table))
            continue
        if len(title) > _TITLE_MAX:
            raise error(
                number, TITLE,
                f"The agenda item is {len(title)} characters long; at most {_TITLE_MAX} fit.",
                hint="Shorten it (details belong in the reason) and import the file again; "
                "nothing was imported.",
            )
        responsible = _one_line(cells[RESPONSIBLE])
        if len(responsible) > _RESPONSIBLE_MAX:
            raise error(
                number, RESPONSIBLE,
                f"The entry is {len(responsible)} characters long; at most {_RESPONSIBLE_MAX} fit.",
            )
        try:
            score = _score(cells[SCORE], max_score)
        except ValueError as exc:
            raise error(number, SCORE, str(exc)) from None
        rows.append(
            ProgrammeRow(
                row=number,
                meeting_date=current,
                title=title,
                score=score,
                reason=cells[REASON],
                responsible=responsible,
                exempt_paragraph=exempt_paragraph,
                table=table,
            )
        )
    if not any(r.title or r.meeting_date for r in rows):
        raise error(
            None, None,
            f"The file has a header row (row {header_index + 1}) but no meetings or items under it.",
            hint="Check that this is the work programme file; nothing was imported.",
        )
    return rows


_NUMBER = re.compile(r"^\d+(?:\.0+)?$")


def _score(text: str, max_score: int) -> int | None:
    """The score a cell holds (None when empty); ValueError says what is wrong with it."""
    if not text:
        return None
    cleaned = text.replace(" ", "")
    if not _NUMBER.match(cleaned):
        raise ValueError(
            f"'{text}' is not a score. Write the prioritisation total as a whole number from 0 to "
            f"{max_score}, or leave the cell empty for an item that was not scored."
        )
    value = int(float(cleaned))
    if value > max_score:
        raise ValueError(f"{value} is not a score: the total is a whole number from 0 to {max_score}.")
    return value


# --- writing -----------------------------------------------------------------------------------


def cells_of(rows: Iterable[ExportRow]) -> list[tuple[str, str, str, str, str]]:
    """The rows as the council's table (the header not included): the date on a meeting's
    first row only, "To be scheduled" on an item waiting for a meeting, and "[Part II,
    paragraph N]" in front of the title of an exempt item, so the mark survives a re-import."""
    out: list[tuple[str, str, str, str, str]] = []
    previous: int | None = None
    for r in rows:
        if r.meeting_starts_at is None:
            date_cell = TO_BE_SCHEDULED
        elif r.meeting_id != previous:
            date_cell = format_date(r.meeting_starts_at.date())
        else:
            date_cell = ""
        previous = r.meeting_id
        title = r.title
        if r.exempt_paragraph is not None:
            title = f"[Part II, paragraph {r.exempt_paragraph}] {title}"
        out.append((date_cell, title, "" if r.score is None else str(r.score), r.reason, r.responsible))
    return out
