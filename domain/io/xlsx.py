"""A work programme as an Excel workbook (.xlsx) in the council's column layout (see
:mod:`.layout`).

Reading takes the first sheet whose header row has the council's columns, wherever on the
sheet it starts (title rows above it are normal), and any sheet named for the items to be
scheduled or the select committee reviews. Dates may be real Excel dates or text, scores numbers
or text; a date merged down over a meeting's rows reads as written once, which continues the
meeting above. The workbook is opened read-only (cells are streamed, never all loaded at once).

Writing gives one sheet per section with the council's columns, a frozen header row, real dates,
column widths that fit the text, and text that looks like a formula kept as text.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from .layout import (
    DEFAULT_MAX_SCORE,
    HEADER,
    SCORE,
    Table,
    read_tables,
    section_cells,
    section_columns,
    section_named,
    title_cell,
)
from .rows import ImportFileError, ProgrammeExport, ProgrammeRow, Section

_NOT_XLSX = (
    "Open it in Excel and save it again as an Excel workbook (.xlsx), or save the sheet as CSV "
    "and import that; nothing was imported."
)


# --- reading -----------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheets(data: bytes, label: str) -> list[tuple[str, list[list[str]]]]:
    """Every worksheet's title and its rows (cells as text), in the workbook's order; chart
    sheets are left out. ``ImportFileError`` when the file cannot be opened or read as one."""
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportFileError(
            label, None, None, f"The file cannot be opened as an Excel workbook ({exc}).",
            hint=_NOT_XLSX,
        ) from None
    try:
        return [
            (sheet.title, [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)])
            for sheet in workbook.worksheets
            if isinstance(sheet, ReadOnlyWorksheet)
        ]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportFileError(
            label, None, None, f"The workbook cannot be read ({exc}).", hint=_NOT_XLSX
        ) from None
    finally:
        workbook.close()


def read_programme_xlsx(
    data: bytes, *, label: str, max_score: int = DEFAULT_MAX_SCORE
) -> list[ProgrammeRow]:
    """Read and check a whole programme workbook. Raises ``ImportFileError`` naming the file,
    the sheet, the row and the column at the first problem; returns the rows otherwise."""
    programme: Table | None = None
    sections: list[Table] = []
    found = sheets(data, label)
    names = [title for title, _records in found]
    for title, records in found:
        table = Table(records, f"sheet '{title}'", section_named(title))
        if not table.has_header:
            continue
        if table.section is not None:
            sections.append(table)
        elif programme is None:
            programme = table
    tables = ([programme] if programme is not None else []) + sections
    if not tables:
        listed = ", ".join(f"'{n}'" for n in names) or "none"
        raise ImportFileError(
            label, None, None,
            f"No sheet of the workbook (sheets: {listed}) has the programme's header row "
            f"({', '.join(HEADER)}).",
            hint="Add the header row above the programme, or check that this is the work "
            "programme workbook; nothing was imported.",
        )
    return read_tables(tables, label=label, max_score=max_score)


# --- writing -----------------------------------------------------------------------------------

_WIDEST = 60  # characters; longer text wraps
_NARROWEST = 8


def _fit(sheet: Any, rows: Sequence[Sequence[Any]]) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in rows:
        for i, value in enumerate(row):
            text = value if isinstance(value, str) else ("30 September 2019" if isinstance(value, dt.date) else str(value or ""))
            longest = max((len(line) for line in text.split("\n")), default=0)
            widths[i] = max(widths.get(i, _NARROWEST), min(longest + 2, _WIDEST))
    for i, width in widths.items():
        sheet.column_dimensions[get_column_letter(i + 1)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap


def _sheet(workbook: Any, title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(title)
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows:
        clean = [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values]
        sheet.append(clean)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "d mmmm yyyy"
            elif cell.data_type == "f":
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _fit(sheet, [header, *rows])


def _score(value: str) -> int | str | None:
    return int(value) if value.isdigit() else (value or None)


def programme_xlsx(export: ProgrammeExport) -> bytes:
    """The programme as an Excel workbook: a "Work Programme" sheet in the council's columns
    (a meeting's date on each of its rows, as a real date), then a sheet for the items to be
    scheduled and one for the select committee reviews when there are any."""
    from openpyxl import Workbook

    workbook = Workbook()
    if workbook.active is not None:
        workbook.remove(workbook.active)
    meetings = [
        (
            r.meeting_starts_at.date() if r.meeting_starts_at is not None else None,
            title_cell(r),
            r.score,
            r.reason,
            r.responsible,
        )
        for r in export.section(Section.MEETINGS)
    ]
    _sheet(workbook, Section.MEETINGS.heading, HEADER, meetings)
    for section in (Section.WAITING, Section.REVIEWS):
        rows = export.section(section)
        if rows:
            columns = section_columns(rows)
            cells = [
                tuple(_score(c) if name == SCORE else c for name, c in zip(columns, row, strict=True))
                for row in section_cells(rows)
            ]
            _sheet(workbook, section.heading, columns, cells)
    workbook.properties.title = export.file_title
    workbook.properties.language = "en-GB"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
