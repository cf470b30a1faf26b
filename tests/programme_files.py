"""Word documents and Excel workbooks laid out as councils keep their work programmes, built
from the seed excerpts in tests/fixtures (the text the council printed), for the import tests
and benchmarks.

The Word document is laid out as seed 001 prints it: a heading and notes above the programme
table, each meeting's date merged down over its rows, the header row repeated where the printed
table starts a new page (and a row or two there with an empty date, continuing the meeting
above), then an "Items to be scheduled 2019/20" table with a title row across it, and the
"Select Committee Reviews" title row inside the same table. The workbook has title rows above
the header, merged date cells, dates as real Excel dates and as text, scores as numbers and as
text.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from domain.dates import parse_council_date

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class Printed:
    """Seed 001's printed programme, as blocks of table rows split where the header repeats."""

    header: list[str]
    blocks: list[list[list[str]]]  # each: rows of 5 cells (date only on a meeting's first row)
    waiting_title: str
    waiting_header: list[str]
    waiting: list[list[str]]
    reviews: list[list[str]]
    notes: list[str]


def ecsc_printed() -> Printed:
    lines = (FIXTURES / "ecsc_2019_20_programme.txt").read_text(encoding="utf-8").splitlines()[1:]
    header: list[str] = []
    blocks: list[list[list[str]]] = []
    waiting: list[list[str]] = []
    reviews: list[list[str]] = []
    notes: list[str] = []
    waiting_title = waiting_header = None
    part = "notes"
    for line in lines:
        cells = line.split("\t")
        if line.startswith("Date of meeting\t"):
            header = cells
            blocks.append([])
            part = "programme"
        elif line.startswith("Items to be scheduled"):
            waiting_title, part = cells[0], "waiting"
        elif line.startswith("Subject\t"):
            waiting_header = cells
        elif line.startswith("Select Committee Reviews"):
            part = "reviews"
        elif line.startswith("Annex"):
            break
        elif not line.strip():
            continue
        elif part == "notes":
            notes.append(line)
        elif part == "programme":
            blocks[-1].append((cells + [""] * 5)[:5])
        elif part == "waiting":
            waiting.append((cells + [""] * 3)[:3])
        else:
            reviews.append((cells + [""] * 3)[:3])
    assert waiting_title and waiting_header
    return Printed(header, blocks, waiting_title, waiting_header, waiting, reviews, notes)


ECSC_ITEMS = 26
ECSC_WAITING = 9
ECSC_REVIEWS = 2


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def ecsc_docx(*, extra_rows: int = 0, bad_cell: tuple[int, int, str] | None = None) -> bytes:
    """Seed 001's programme as the council's Word document.

    ``bad_cell`` = (programme table row, column, text) writes ``text`` into that cell (row 1
    is the header). ``extra_rows`` adds rows of items to the last meeting (for timing).
    """
    import docx

    printed = ecsc_printed()
    document = docx.Document()
    document.add_heading("Work Programme 2019 - 20", level=1)
    for note in printed.notes[1:]:
        document.add_paragraph(note)
    rows: list[list[str] | None] = []  # None: the header repeated on a new page
    for i, block in enumerate(printed.blocks):
        if i:
            rows.append(None)
        rows.extend(block)
    rows.extend(["", f"Extra item {n}", str(n % 7), "Reason", "Officer"] for n in range(extra_rows))
    table = document.add_table(rows=1 + len(rows), cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, printed.header, strict=True):
        cell.text = text
    _repeat_header(table.rows[0])
    # Each meeting's date cell merged down over its rows (not across a repeated header).
    groups: list[list[int]] = []  # [first row, last row]
    for r, values in enumerate(rows, start=1):
        cells = table.rows[r].cells
        if values is None:
            for cell, text in zip(cells, printed.header, strict=True):
                cell.text = text
            groups.append([r + 1, r])  # an empty group: the rows after it carry no date
            continue
        for c in range(5):
            cells[c].text = values[c]
        if values[0]:
            groups.append([r, r])
        elif groups and groups[-1][1] == r - 1 and groups[-1][0] <= groups[-1][1]:
            groups[-1][1] = r
    for first, last in groups:
        if first < last:
            date = table.cell(first, 0).text
            merged = table.cell(first, 0).merge(table.cell(last, 0))
            merged.text = date
    if bad_cell is not None:
        r, c, text = bad_cell
        table.cell(r - 1, c).text = text
    document.add_paragraph("")
    waiting = document.add_table(rows=2 + len(printed.waiting) + 1 + len(printed.reviews), cols=3)
    waiting.style = "Table Grid"
    title = waiting.cell(0, 0).merge(waiting.cell(0, 2))
    title.text = printed.waiting_title
    for cell, text in zip(waiting.rows[1].cells, printed.waiting_header, strict=True):
        cell.text = text
    r = 2
    for values in printed.waiting:
        for cell, text in zip(waiting.rows[r].cells, values, strict=True):
            cell.text = text
        r += 1
    reviews_title = waiting.cell(r, 0).merge(waiting.cell(r, 2))
    reviews_title.text = "Select Committee Reviews"
    r += 1
    for values in printed.reviews:
        for cell, text in zip(waiting.rows[r].cells, values, strict=True):
            cell.text = text
        r += 1
    document.add_heading("Annex I \u2013 Scrutiny Prioritisation Tool", level=2)
    annex = document.add_table(rows=2, cols=3)
    for cell, text in zip(annex.rows[0].cells, ("Criteria", "Question", "Yes / No"), strict=True):
        cell.text = text
    for cell, text in zip(annex.rows[1].cells, ("Public interest", "Is it of concern?", ""), strict=True):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def ecsc_xlsx(*, bad_cell: tuple[int, int, Any] | None = None, extra_rows: int = 0) -> bytes:
    """Seed 001's programme as a council's Excel workbook: a notes sheet first, then the
    programme two title rows down, dates merged over each meeting (the first two as real dates,
    the rest as text), scores as numbers except one as text; then a sheet of the items to be
    scheduled and one of the reviews. ``bad_cell`` = (sheet row, column number, value) on the
    programme sheet."""
    from openpyxl import Workbook

    printed = ecsc_printed()
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "Notes"
    for note in printed.notes:
        notes.append([note])
    sheet = workbook.create_sheet("Programme 2019-20")
    sheet.append(["Work Programme 2019 - 20"])
    sheet.append([printed.notes[1]])
    sheet.append(printed.header)
    rows = [row for block in printed.blocks for row in block]
    rows.extend(["", f"Extra item {n}", str(n % 7), "Reason", "Officer"] for n in range(extra_rows))
    start = None
    meetings = 0
    text_score_done = False
    for values in rows:
        cells: list[Any] = list(values)
        if values[0]:
            meetings += 1
            if meetings <= 2:
                cells[0] = dt.datetime.combine(parse_council_date(values[0]), dt.time())
        if values[2].isdigit():
            if text_score_done:
                cells[2] = int(values[2])
            text_score_done = True  # the first score stays text, as typed with a quote
        sheet.append(cells)
        r = sheet.max_row
        if values[0]:
            if start is not None and start < r - 1:
                sheet.merge_cells(start_row=start, start_column=1, end_row=r - 1, end_column=1)
            start = r
    if start is not None and start < sheet.max_row:
        sheet.merge_cells(start_row=start, start_column=1, end_row=sheet.max_row, end_column=1)
    if bad_cell is not None:
        r, c, value = bad_cell
        sheet.cell(r, c).value = value
    waiting = workbook.create_sheet("Items to be scheduled")
    waiting.append(printed.waiting_header)
    for values in printed.waiting:
        waiting.append(values)
    reviews = workbook.create_sheet("Select Committee Reviews")
    reviews.append(printed.waiting_header)
    for values in printed.reviews:
        reviews.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
