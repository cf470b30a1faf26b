"""A work programme as a CSV file in the council's own column layout, in and out.

The columns are those of the printed programme (seed 001): Date of meeting | Agenda item |
Prioritisation Score | Reason for consideration | Responsible Cabinet Member / Officer. Rows are
grouped by meeting and the date is written once per group, so an empty date continues the
meeting above. A row whose date cell says "To be scheduled" is an item still waiting for a
meeting ("Items to be scheduled").

Council CSV files come out of Excel, so reading copes with a UTF-8 byte order mark, Windows-1252
text, semicolon or tab delimiters (European and "Unicode text" exports) and the header row
repeated after a page break. A file is read and checked completely, into plain
``ProgrammeCsvRow`` values, before anything is written: the first problem raises ``CsvError``
naming the file, the row as a spreadsheet numbers it (header = row 1) and the column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from .deadlines import parse_council_date
from .errors import OpError
from .years import municipal_year_label, municipal_year_of

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
_DEFAULT_MAX_SCORE = 6
_TITLE_MAX = 400
_RESPONSIBLE_MAX = 300
# Written in front of the title of an exempt item when the user asks for exempt items to be
# exported, so that importing the file again marks the item exempt with its paragraph.
_EXEMPT_PREFIX = re.compile(r"^\[\s*part\s*ii\s*,\s*paragraph\s*(\d)\s*\]\s*", re.IGNORECASE)
# Spreadsheets run a cell starting with one of these as a formula ("CSV injection"), so such a
# cell is written with a leading apostrophe, which reading takes off again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_FIX = "Correct the file and import it again; nothing was imported."


class CsvError(OpError):
    """A CSV file cannot be imported; the message names the file, row and column."""

    def __init__(
        self, file: str, row: int | None, column: str | None, message: str, *, hint: str = _FIX
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.message = message
        where = file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {message} {hint}".strip())


@dataclass(frozen=True, slots=True)
class ProgrammeCsvRow:
    """One row of a programme file, checked.

    ``meeting_date`` is None for an item to be scheduled. An empty ``title`` is a meeting
    with nothing booked on it yet (a row holding only a date).
    """

    row: int  # as a spreadsheet numbers it: the header is row 1
    meeting_date: dt.date | None
    title: str
    score: int | None
    reason: str
    responsible: str
    exempt_paragraph: int | None = None

    @property
    def to_be_scheduled(self) -> bool:
        return self.meeting_date is None


# --- municipal years ---------------------------------------------------------------------------

def _year_span(year_start: int) -> str:
    return f"1 May {year_start} to 30 April {year_start + 1}"


def format_date(day: dt.date) -> str:
    """A date nobody can misread, whatever their spreadsheet's locale: '11 September 2019'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


# --- reading -----------------------------------------------------------------------------------


def _norm(cell: str) -> str:
    return "".join(cell.replace("\ufeff", "").split()).casefold()


_COLUMN_OF = {_norm(alias): column for column, aliases in _ALIASES.items() for alias in aliases}


def _read_source(source: str | bytes | Path, name: str | None) -> tuple[str, bytes | str]:
    if isinstance(source, Path):
        label = name or source.name
        try:
            return label, source.read_bytes()
        except FileNotFoundError:
            raise CsvError(
                label, None, None, f"There is no file {source}.",
                hint="Check the name and folder of the file.",
            ) from None
        except IsADirectoryError:
            raise CsvError(
                label, None, None, f"{source} is a folder, not a file.",
                hint="Give the path of the CSV file itself.",
            ) from None
        except OSError as exc:
            raise CsvError(
                label, None, None, f"The file cannot be read: {exc.strerror or exc}.",
                hint="Check that you may open it, or copy it somewhere you can.",
            ) from None
    return name or "the CSV text", source


def _decode(data: bytes, label: str) -> str:
    not_csv = "Save the table from the spreadsheet as CSV (File > Save As > CSV UTF-8) and import that."
    if not data.strip():
        raise CsvError(label, None, None, "The file is empty.", hint=not_csv)
    if data.startswith(b"PK\x03\x04"):
        raise CsvError(label, None, None, "This is an Excel workbook (.xlsx), not a CSV file.", hint=not_csv)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise CsvError(label, None, None, "This is an Excel 97-2003 workbook (.xls), not a CSV file.", hint=not_csv)
    if data.startswith(b"%PDF"):
        raise CsvError(label, None, None, "This is a PDF document, not a CSV file.", hint=not_csv)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode Text" export: UTF-16 with a byte order mark, tab-delimited.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvError(label, None, None, "The file says it is UTF-16 text but is not.", hint=not_csv) from None
    if b"\x00" in data:
        raise CsvError(label, None, None, "This is not a text file (it holds binary data).", hint=not_csv)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise CsvError(
                label, line, None,
                f"Byte 0x{data[exc.start]:02X} is neither UTF-8 nor Windows-1252 (Western "
                "European) text, so the file's characters cannot be read.",
                hint="Open the file in the spreadsheet and save it as 'CSV UTF-8'.",
            ) from None
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n")
    if control > max(2, len(text) // 200):
        raise CsvError(label, None, None, "This is not a text file (it holds binary data).", hint=not_csv)
    return text


def _records(text: str, delimiter: str, label: str, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    out: list[list[str]] = []
    try:
        for record in reader:
            out.append(record)
            if limit is not None and len(out) >= limit:
                break
    except csv.Error as exc:
        raise CsvError(
            label, len(out) + 1, None, f"The row cannot be read as CSV ({exc}).",
            hint="Check its quotation marks, or save the file from the spreadsheet again. "
            "Nothing was imported.",
        ) from None
    return out


def _known_columns(record: Sequence[str]) -> int:
    return len({_COLUMN_OF[_norm(c)] for c in record if _norm(c) in _COLUMN_OF})


def _delimiter(text: str, label: str) -> str:
    """The delimiter under which a header row is recognised, else the commonest one."""
    best, best_known = "", 0
    for d in (",", ";", "\t"):
        try:
            known = max((_known_columns(r) for r in _records(text, d, label, 30)), default=0)
        except CsvError:
            continue
        if known > best_known:
            best, best_known = d, known
    if best:
        return best
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max((",", ";", "\t"), key=first.count)


def _cell(record: Sequence[str], index: int | None) -> str:
    if index is None or index >= len(record):
        return ""
    value = record[index].replace("\r\n", "\n").replace("\r", "\n").strip()
    if value.startswith("'") and value[1:2] in _FORMULA_START:
        value = value[1:]
    return value


def _one_line(value: str) -> str:
    return " ".join(value.split())


def parse_programme_csv(
    source: str | bytes | Path,
    *,
    year_start: int | None = None,
    max_score: int = _DEFAULT_MAX_SCORE,
    name: str | None = None,
) -> list[ProgrammeCsvRow]:
    """Read and check a whole programme file: a ``Path``, its bytes, or its text.

    With ``year_start`` every meeting date must fall in that municipal year. Raises
    ``CsvError`` at the first problem; returns the rows in file order otherwise.
    """
    label, raw = _read_source(source, name)
    text = _decode(raw, label) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    delimiter = _delimiter(text, label)
    records = _records(text, delimiter, label)

    header_index = None
    for i, record in enumerate(records[:20]):
        if _known_columns(record) >= 2:
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
            raise CsvError(
                label, header_index + 1, column,
                f"The header row has no '{column}' column (it has {found}). The columns are: "
                f"{', '.join(HEADER)}; the first two are required, and the names may be in any "
                "case.",
                hint="Add or rename the column and import the file again; nothing was imported.",
            )
    header_cells = (_norm(header[columns[DATE]]), _norm(header[columns[TITLE]]))

    rows: list[ProgrammeCsvRow] = []
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
                    raise CsvError(label, number, DATE, str(exc)) from None
                if year_start is not None and municipal_year_of(current) != year_start:
                    raise CsvError(
                        label, number, DATE,
                        f"{format_date(current)} is not in the municipal year "
                        f"{municipal_year_label(year_start)} ({_year_span(year_start)}).",
                        hint="Correct the date, or import the file as the programme of "
                        f"{municipal_year_label(municipal_year_of(current))}; nothing was "
                        "imported.",
                    )
            started = True
        elif not started:
            raise CsvError(
                label, number, DATE,
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
                raise CsvError(
                    label, number, TITLE,
                    f"Schedule 12A has paragraphs 1 to 7, not {exempt_paragraph}.",
                )
        if not title:
            if cells[SCORE] or cells[REASON] or cells[RESPONSIBLE] or exempt_paragraph:
                raise CsvError(
                    label, number, TITLE,
                    "The agenda item is empty, but the row has other details.",
                    hint="Write the item's title, or delete the row, and import the file again; "
                    "nothing was imported.",
                )
            if new_group and current is not None:
                rows.append(ProgrammeCsvRow(number, current, "", None, "", ""))
            continue
        if len(title) > _TITLE_MAX:
            raise CsvError(
                label, number, TITLE,
                f"The agenda item is {len(title)} characters long; at most {_TITLE_MAX} fit.",
                hint="Shorten it (details belong in the reason) and import the file again; "
                "nothing was imported.",
            )
        responsible = _one_line(cells[RESPONSIBLE])
        if len(responsible) > _RESPONSIBLE_MAX:
            raise CsvError(
                label, number, RESPONSIBLE,
                f"The entry is {len(responsible)} characters long; at most {_RESPONSIBLE_MAX} fit.",
            )
        rows.append(
            ProgrammeCsvRow(
                row=number,
                meeting_date=current,
                title=title,
                score=_score(cells[SCORE], max_score, label, number),
                reason=cells[REASON],
                responsible=responsible,
                exempt_paragraph=exempt_paragraph,
            )
        )
    if not any(r.title or r.meeting_date for r in rows):
        raise CsvError(
            label, None, None,
            f"The file has a header row (row {header_index + 1}) but no meetings or items under it.",
            hint="Check that this is the work programme file; nothing was imported.",
        )
    return rows


_NUMBER = re.compile(r"^\d+(?:\.0+)?$")


def _score(text: str, max_score: int, label: str, row: int) -> int | None:
    if not text:
        return None
    cleaned = text.replace(" ", "")
    if not _NUMBER.match(cleaned):
        raise CsvError(
            label, row, SCORE,
            f"'{text}' is not a score. Write the prioritisation total as a whole number from 0 to "
            f"{max_score}, or leave the cell empty for an item that was not scored.",
        )
    value = int(float(cleaned))
    if value > max_score:
        raise CsvError(
            label, row, SCORE,
            f"{value} is not a score: the total is a whole number from 0 to {max_score}.",
        )
    return value


# --- importing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportSummary:
    committee: str
    year_start: int
    meetings_created: int
    meetings_reused: int
    entries: int
    to_be_scheduled: int
    topics: int


def import_programme(
    session: Session,
    *,
    committee_id: int,
    year_start: int,
    rows: Sequence[ProgrammeCsvRow],
    file: str = "the CSV file",
) -> ImportSummary:
    """Write checked rows into a committee's programme for one municipal year.

    A meeting on a date the committee already meets on is reused (its items are kept and the
    new ones follow them). Rows with the same title, responsible person, score and Part II
    paragraph are one topic booked at several meetings, as a standing item is; a row whose
    reason differs from its topic's keeps it as that entry's purpose, which is what prints.
    Run it in one transaction: any error leaves the database as it was.
    """
    from .models import Committee, Topic, TopicStatus
    from .ops import assessments, planning, topics
    from .ops.convert import get
    from .ops.criteria import set_for_committee

    committee = get(session, Committee, committee_id)
    max_total = set_for_committee(session, committee_id=committee_id).max_total
    for r in rows:
        if r.score is not None and r.score > max_total:
            raise CsvError(
                file, r.row, SCORE,
                f"{r.score} is above the highest score ({max_total}) of this committee's "
                "prioritisation tool.",
            )
        if r.meeting_date is not None and municipal_year_of(r.meeting_date) != year_start:
            raise CsvError(
                file, r.row, DATE,
                f"{format_date(r.meeting_date)} is not in the municipal year "
                f"{municipal_year_label(year_start)}.",
            )

    existing: dict[dt.date, int] = {}
    cancelled: set[int] = set()
    for m in planning.list_meetings(session, committee_id=committee_id, year_start=year_start):
        day = m.starts_at.date()
        if day not in existing or m.status != "cancelled":
            existing[day] = m.id
        if m.status == "cancelled":
            cancelled.add(m.id)
    for r in rows:
        # Nothing is booked onto a cancelled meeting; say which row asks for one.
        if r.title and r.meeting_date is not None and existing.get(r.meeting_date) in cancelled:
            raise CsvError(
                file, r.row, DATE,
                f"The committee's meeting of {format_date(r.meeting_date)} is cancelled.",
                hint="Reinstate the meeting, or move the item to another date in the file; "
                "nothing was imported.",
            )
    reused: set[int] = set()
    made: set[int] = set()
    at = committee.default_time or dt.time(14, 0)

    def meeting_for(day: dt.date) -> int:
        if day in existing:
            if existing[day] not in made:
                reused.add(existing[day])
            return existing[day]
        info = planning.add_meeting(
            session, committee_id=committee_id, starts_at=dt.datetime.combine(day, at)
        )
        existing[day] = info.id
        made.add(info.id)
        return info.id

    # Topics, scores and entries are added in bulk (one flush for all the topics, one per
    # meeting for its entries), in file order, so a large file imports in linear time.
    shared: dict[tuple[str, str, int | None, int | None], tuple[Topic, str]] = {}
    booked: set[tuple[int, int]] = set()  # (id() of the topic, meeting id)
    bookings: dict[int, list[tuple[Topic, str | None]]] = {}
    scored: list[tuple[Topic, int]] = []
    made_topics = entries = waiting = 0
    today = dt.date.today()

    def new_topic(r: ProgrammeCsvRow, status: TopicStatus) -> Topic:
        nonlocal made_topics
        values = topics.validate(
            {
                "title": r.title,
                "year_start": year_start,
                "reason": r.reason,
                "responsible": r.responsible,
                "status": status,
                "exempt": r.exempt_paragraph is not None,
                "exempt_paragraph": r.exempt_paragraph,
                "added_on": today,
            }
        )
        t = Topic(committee_id=committee_id, **values)
        session.add(t)
        if r.score is not None:
            scored.append((t, r.score))
        made_topics += 1
        return t

    for r in rows:
        if r.meeting_date is None:
            new_topic(r, TopicStatus.TO_BE_SCHEDULED)
            waiting += 1
            continue
        meeting_id = meeting_for(r.meeting_date)
        if not r.title:
            continue
        key = (r.title.casefold(), r.responsible.casefold(), r.score, r.exempt_paragraph)
        if key in shared and (id(shared[key][0]), meeting_id) not in booked:
            topic, reason = shared[key]
        else:
            topic, reason = new_topic(r, TopicStatus.PROPOSED), r.reason
            shared[key] = (topic, reason)
        booked.add((id(topic), meeting_id))
        bookings.setdefault(meeting_id, []).append((topic, None if r.reason == reason else r.reason))
        entries += 1
    session.flush()
    assessments.record_imported_totals(session, totals=[(t.id, total) for t, total in scored])
    for meeting_id, agenda in bookings.items():
        planning.book_many(
            session,
            meeting_id=meeting_id,
            bookings=[planning.Booking(t.id, purpose=purpose) for t, purpose in agenda],
        )
    session.flush()
    return ImportSummary(
        committee=committee.name,
        year_start=year_start,
        meetings_created=len(made),
        meetings_reused=len(reused),
        entries=entries,
        to_be_scheduled=waiting,
        topics=made_topics,
    )


# --- exporting ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProgrammeTable:
    rows: tuple[tuple[str, str, str, str, str], ...]  # the header not included
    exempt_left_out: int


def programme_table(
    session: Session, *, committee_id: int, year_start: int, include_exempt: bool = False
) -> ProgrammeTable:
    """The programme as the council's table: one row per item, the date on a meeting's first
    row, then the items to be scheduled. Exempt (Part II) items are left out unless asked for,
    and then their title carries "[Part II, paragraph N]" so the mark survives a re-import."""
    from .ops.planning import load_programme

    view = load_programme(session, committee_id=committee_id, year_start=year_start)
    out: list[tuple[str, str, str, str, str]] = []
    left_out = 0

    def title(text: str, exempt: bool, paragraph: int | None) -> str:
        if exempt and paragraph is not None:
            return f"[Part II, paragraph {paragraph}] {text}"
        return text

    for group in view.meetings:
        date_cell = format_date(group.meeting.starts_at.date())
        wrote = False
        for e in group.entries:
            if e.exempt and not include_exempt:
                left_out += 1
                continue
            out.append(
                (
                    "" if wrote else date_cell,
                    title(e.title, e.exempt, e.exempt_paragraph),
                    "" if e.score is None else str(e.score),
                    e.reason,
                    e.responsible,
                )
            )
            wrote = True
        if not wrote:
            out.append((date_cell, "", "", "", ""))
    for t in view.to_be_scheduled:
        if t.exempt and not include_exempt:
            left_out += 1
            continue
        out.append(
            (
                TO_BE_SCHEDULED,
                title(t.title, t.exempt, t.exempt_paragraph),
                "" if t.score is None else str(t.score),
                t.reason,
                t.responsible,
            )
        )
    return ProgrammeTable(rows=tuple(out), exempt_left_out=left_out)


class ExportError(OpError):
    """The file cannot be written; the message says why and what to do."""


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def programme_csv_text(rows: Iterable[Sequence[str]]) -> str:
    """The table as CSV text (header first), comma-delimited, CRLF line ends as Excel writes."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([_safe(c) for c in row])
    return buffer.getvalue()


def write_programme_csv(path: Path, rows: Iterable[Sequence[str]]) -> None:
    """Write the file in UTF-8 with a byte order mark (so Excel reads the accents right).

    The text goes to a temporary file in the same folder which then replaces ``path``, so an
    existing file is only replaced by a complete one.
    """
    data = ("\ufeff" + programme_csv_text(rows)).encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ExportError(f"{path} is a folder. Give the name of the CSV file to write.")
    if not folder.is_dir():
        raise ExportError(f"Cannot write {path}: the folder {folder} does not exist.")
    from .files import write_atomically

    if not os.access(folder, os.W_OK):
        raise ExportError(
            f"Cannot write {path}: permission denied. Choose a folder you can write to."
        )
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise ExportError(
            f"Cannot write {path}: {exc.strerror or exc}. The file was not changed; close it "
            "if a spreadsheet has it open, or choose another name."
        ) from None
