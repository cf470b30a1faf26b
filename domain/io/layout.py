"""The council's programme table, whatever file it comes in: its columns and how cells read.

The columns are those of the printed programme (seed 001): Date of meeting | Agenda item |
Prioritisation Score | Reason for consideration | Responsible Cabinet Member / Officer (seed
000's layout has a Purpose of the agenda item column too). Rows are grouped by meeting and the
date is written once per group, so an empty date continues the meeting above. A row whose date
cell says "To be scheduled" is an item still waiting for a meeting, and "Select committee
review" a review; in a file of several tables, an "Items to be scheduled" or "Select Committee
Reviews" table (its header Subject | Reason added to work programme | Responsible Officer) holds
them. A title may carry marks: "[Part II, paragraph N]" in front, "[To follow]" after.

A reader of any format turns its file into tables of records (lists of cell texts, in row
order) and :func:`read_tables` finds each header, checks every row and returns plain rows; a
writer gets its cells from :func:`cells_of` (one table) or :func:`section_cells`. The first
problem raises ``ImportFileError`` naming the file, the table, the row and the column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..dates import long_date as format_date  # a date nobody can misread: 11 September 2019
from ..dates import parse_council_date
from .rows import ExportRow, ImportFileError, ProgrammeRow, Section

DATE = "Date of meeting"
TITLE = "Agenda item"
SCORE = "Prioritisation Score"
REASON = "Reason for consideration"
RESPONSIBLE = "Responsible Cabinet Member / Officer"
HEADER = (DATE, TITLE, SCORE, REASON, RESPONSIBLE)
# Seed 000's layout has this column between the item and the reason; it is read, not written.
PURPOSE = "Purpose of the agenda item"
_ALL = (*HEADER, PURPOSE)
# The header of the "Items to be scheduled" and "Select Committee Reviews" tables.
SECTION_HEADER = ("Subject", "Reason added to work programme", "Responsible Officer")
TO_BE_SCHEDULED = "To be scheduled"
# The date cell of a select committee review in a file of one table (CSV).
SELECT_REVIEW = "Select committee review"
TO_FOLLOW = "[To follow]"

# Other names the same columns carry in the council's tables ("Items to be scheduled" and
# "Select Committee Reviews" head them Subject | Reason added to work programme | Responsible
# Officer), so a table copied from either part of the document reads the same way.
_ALIASES: dict[str, tuple[str, ...]] = {
    DATE: (DATE, "Date", "Meeting date"),
    TITLE: (TITLE, "Subject", "Item", "Topic"),
    SCORE: (SCORE, "Score", "PAPER score", "Priority score"),
    REASON: (REASON, "Reason added to work programme", "Reason"),
    RESPONSIBLE: (RESPONSIBLE, "Responsible Officer", "Responsible Cabinet Member", "Responsible"),
    PURPOSE: (PURPOSE, "Purpose"),
}
_SECTION_TITLES = {
    Section.WAITING: "itemstobescheduled",
    Section.REVIEWS: "selectcommitteereview",
}
_REQUIRED = (DATE, TITLE)
DEFAULT_MAX_SCORE = 6
_TITLE_MAX = 400
_RESPONSIBLE_MAX = 300
# Written in front of the title of an exempt item when the user asks for exempt items to be
# exported, so that importing the file again marks the item exempt with its paragraph.
_EXEMPT_PREFIX = re.compile(r"^\[\s*part\s*ii\s*,\s*paragraph\s*(\d)\s*\]\s*", re.IGNORECASE)
# Written after the title of an item whose report is to follow, as the print marks it.
_TO_FOLLOW_SUFFIX = re.compile(r"\s*\[\s*to\s+follow\s*\]$", re.IGNORECASE)
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


def section_named(text: str) -> Section | None:
    """The section a heading, a sheet's name or a table's title row names, if any
    ("Items to be scheduled 2019/20", "Select Committee Reviews")."""
    key = _norm(text)
    for section, starts in _SECTION_TITLES.items():
        if key.startswith(starts):
            return section
    return None


def _title_row(record: Sequence[str]) -> Section | None:
    """The section a row holding only a title names ("Select Committee Reviews" written across
    the table, as seed 001 has it), else None."""
    texts = {c.strip() for c in record if c.strip()}
    if len(texts) != 1 or not record[0].strip():
        return None
    return section_named(texts.pop())


def _header_index(records: Sequence[Sequence[str]]) -> int | None:
    return next((i for i, r in enumerate(records[:20]) if known_columns(r) >= 2), None)


@dataclass(frozen=True, slots=True)
class Table:
    """One table of a file, as records of cell texts (record i is the table's row i + 1).

    ``name`` is how messages call it when the file has several ("sheet 'Programme'", "table
    2"); ``section`` is what a heading or sheet name above the table says it holds.
    """

    records: Sequence[Sequence[str]]
    name: str | None = None
    section: Section | None = None

    @property
    def has_header(self) -> bool:
        return _header_index(self.records) is not None


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
    return read_tables([Table(records, table)], label=label, max_score=max_score)


def read_tables(
    tables: Sequence[Table], *, label: str, max_score: int = DEFAULT_MAX_SCORE
) -> list[ProgrammeRow]:
    """Check every row of a file's programme tables, in order, as one programme: a meeting
    continues from one table into the next (a table split at a page break), a title row or
    heading starts the items to be scheduled or the select committee reviews, and a header row
    (again) gives the columns of the rows under it. Tables with no header row are passed over
    when the file has other tables. Raises ``ImportFileError`` at the first problem."""
    reader = _Reader(label, max_score)
    read_any = False
    for t in tables:
        if len(tables) > 1 and not t.has_header:
            continue
        reader.read(t)
        read_any = True
    if not read_any:
        reader.read(tables[0] if tables else Table([]))
    if not any(r.title or r.meeting_date for r in reader.rows):
        raise ImportFileError(
            label, None, None,
            "The file has the programme's header row but no meetings or items under it.",
            hint="Check that this is the work programme file; nothing was imported.",
            table=reader.header_table,
        )
    return reader.rows


class _Reader:
    """Reading tables one after another, keeping the meeting and the section between them."""

    def __init__(self, label: str, max_score: int) -> None:
        self.label = label
        self.max_score = max_score
        self.rows: list[ProgrammeRow] = []
        self.current: dt.date | None = None
        self.started = False  # whether a date (or "To be scheduled") has been seen yet
        self.section = Section.MEETINGS
        self.header_table: str | None = None

    def read(self, t: Table) -> None:
        table = t.name

        def error(row: int | None, column: str | None, message: str, **hint: str) -> ImportFileError:
            return ImportFileError(self.label, row, column, message, table=table, **hint)

        records = t.records
        header_index = _header_index(records)
        if header_index is None:
            header_index = next((i for i, r in enumerate(records) if any(c.strip() for c in r)), 0)
        for record in records[:header_index]:
            named = _title_row(record)
            if named is not None:
                self.section = named
        if t.section is not None:
            self.section = t.section
        self.header_table = table
        header = records[header_index] if records else []
        columns = self._columns(header)
        if DATE not in columns and TITLE in columns and self.section is Section.MEETINGS and self.rows:
            # A second table with no dates under the programme: the items waiting for a meeting.
            self.section = Section.WAITING
        required = _REQUIRED if self.section is Section.MEETINGS else (TITLE,)
        for column in required:
            if column not in columns:
                found = ", ".join(f"'{c.strip()}'" for c in header if c.strip()) or "nothing"
                raise error(
                    header_index + 1, column,
                    f"The header row has no '{column}' column (it has {found}). The columns are: "
                    f"{', '.join(HEADER)}; the first two are required, and the names may be in "
                    "any case.",
                    hint="Add or rename the column and import the file again; nothing was imported.",
                )

        for index in range(header_index + 1, len(records)):
            record = records[index]
            number = index + 1
            named = _title_row(record)
            if named is not None:
                self.section = named
                continue
            if known_columns(record) >= 2 and all(
                _norm(c) in _COLUMN_OF or not c.strip() for c in record
            ):
                columns = self._columns(record)  # the header again (after a page break), or
                continue  # a new section's own header
            cells = {column: _cell(record, columns.get(column)) for column in _ALL}
            if not any(cells.values()):
                continue
            self._row(number, cells, table, error)

    @staticmethod
    def _columns(header: Sequence[str]) -> dict[str, int]:
        columns: dict[str, int] = {}
        for i, cell in enumerate(header):
            column = _COLUMN_OF.get(_norm(cell))
            if column is not None and column not in columns:
                columns[column] = i
        return columns

    def _row(self, number: int, cells: dict[str, str], table: str | None, error: Callable[..., ImportFileError]) -> None:
        date_text = _one_line(cells[DATE])
        new_group = False
        section = self.section
        if section is Section.MEETINGS:
            new_group = bool(date_text)
            marked = section_named(date_text) if date_text else None
            if date_text.casefold() == TO_BE_SCHEDULED.casefold() or marked is Section.WAITING:
                section, self.current = Section.WAITING, None
                self.started = True
            elif date_text.casefold() == SELECT_REVIEW.casefold() or marked is Section.REVIEWS:
                section, self.current = Section.REVIEWS, None
                self.started = True
            elif date_text:
                try:
                    self.current = parse_council_date(date_text)
                except ValueError as exc:
                    raise error(number, DATE, str(exc)) from None
                self.started = True
            elif not self.started:
                raise error(
                    number, DATE,
                    "The first item has no meeting date, so it is not known which meeting it is for.",
                    hint=f"Write the date of its meeting (or '{TO_BE_SCHEDULED}') in this cell and "
                    "import the file again; nothing was imported.",
                )
            elif self.current is None:
                # An empty date under "To be scheduled" continues that list, as it does a meeting.
                section = self.rows[-1].section if self.rows else Section.WAITING
        meeting = self.current if section is Section.MEETINGS else None

        title, exempt_paragraph, to_follow = _marks(_one_line(cells[TITLE]))
        if exempt_paragraph is not None and not 1 <= exempt_paragraph <= 7:
            raise error(number, TITLE, f"Schedule 12A has paragraphs 1 to 7, not {exempt_paragraph}.")
        if not title:
            if cells[SCORE] or cells[REASON] or cells[RESPONSIBLE] or cells[PURPOSE] or exempt_paragraph:
                raise error(
                    number, TITLE,
                    "The agenda item is empty, but the row has other details.",
                    hint="Write the item's title, or delete the row, and import the file again; "
                    "nothing was imported.",
                )
            if new_group and meeting is not None:
                self.rows.append(ProgrammeRow(number, meeting, "", None, "", "", table=table))
            return
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
            score = _score(cells[SCORE], self.max_score)
        except ValueError as exc:
            raise error(number, SCORE, str(exc)) from None
        self.rows.append(
            ProgrammeRow(
                row=number,
                meeting_date=meeting,
                title=title,
                score=score,
                reason=cells[REASON],
                responsible=responsible,
                exempt_paragraph=exempt_paragraph,
                table=table,
                section=section,
                to_follow=to_follow and section is Section.MEETINGS,
                purpose=cells[PURPOSE],
            )
        )


def _marks(title: str) -> tuple[str, int | None, bool]:
    """A title without its marks, the Part II paragraph it is marked with, and whether it is
    marked "[To follow]"."""
    exempt_paragraph = None
    if m := _EXEMPT_PREFIX.match(title):
        exempt_paragraph = int(m[1])
        title = title[m.end():]
    to_follow = False
    if m := _TO_FOLLOW_SUFFIX.search(title):
        to_follow = True
        title = title[: m.start()]
    return title, exempt_paragraph, to_follow


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


def title_cell(r: ExportRow) -> str:
    """The item's title with its marks: "[Part II, paragraph N]" in front of an exempt item's
    and "[To follow]" after one whose report is to follow, so both survive a re-import."""
    title = r.title
    if r.exempt_paragraph is not None:
        title = f"[Part II, paragraph {r.exempt_paragraph}] {title}"
    if r.to_follow and title:
        title = f"{title} {TO_FOLLOW}"
    return title


def score_cell(score: int | None) -> str:
    return "" if score is None else str(score)


def cells_of(rows: Iterable[ExportRow]) -> list[tuple[str, str, str, str, str]]:
    """The rows as the council's table in one (the header not included): the date on a
    meeting's first row only, "To be scheduled" on an item waiting for a meeting, "Select
    committee review" on a review, and the title with its marks (:func:`title_cell`)."""
    out: list[tuple[str, str, str, str, str]] = []
    previous: int | None = None
    for r in rows:
        if r.section is Section.WAITING:
            date_cell = TO_BE_SCHEDULED
        elif r.section is Section.REVIEWS:
            date_cell = SELECT_REVIEW
        elif r.meeting_id != previous and r.meeting_starts_at is not None:
            date_cell = format_date(r.meeting_starts_at.date())
        else:
            date_cell = ""
        previous = r.meeting_id
        out.append((date_cell, title_cell(r), score_cell(r.score), r.reason, r.responsible))
    return out


def section_columns(rows: Sequence[ExportRow]) -> tuple[str, ...]:
    """The header of an "Items to be scheduled" or "Select Committee Reviews" table: the
    council's three columns, with the score beside the subject when any row has one."""
    if any(r.score is not None for r in rows):
        return (SECTION_HEADER[0], SCORE, *SECTION_HEADER[1:])
    return SECTION_HEADER


def section_cells(rows: Sequence[ExportRow]) -> list[tuple[str, ...]]:
    """The rows of an "Items to be scheduled" or "Select Committee Reviews" table, under
    :func:`section_columns`."""
    scored = len(section_columns(rows)) == 4
    return [
        (title_cell(r), score_cell(r.score), r.reason, r.responsible)
        if scored
        else (title_cell(r), r.reason, r.responsible)
        for r in rows
    ]
