"""A work programme as a Word document (.docx): read from the council's tables, written as a
document to publish.

Reading finds the tables whose header row has the council's columns (either printed layout:
with a "Prioritisation Score" column, seed 001, or a "Purpose of the agenda item" column, seed
000); headings and notes around them are ignored. A date merged down over a meeting's rows, or
written on its first row only, continues the meeting above; a header row repeated on a new page
is passed over; an "Items to be scheduled" or "Select Committee Reviews" table (or title row, or
heading above a table) starts that section.

Writing gives a document built from Word's own styles (Heading 1 for the title, Heading 2 for
each section), tables whose header row repeats on every page and whose rows never split across
pages, no merged or spacer cells, and the title and language (en-GB) set in its properties, so
that it reads well aloud and passes the accessibility checkers.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

from ..dates import long_date
from .layout import (
    DEFAULT_MAX_SCORE,
    HEADER,
    Table,
    read_tables,
    score_cell,
    section_cells,
    section_columns,
    section_named,
    title_cell,
)
from .rows import NOT_FOR_PUBLICATION, ImportFileError, ProgrammeExport, ProgrammeRow, Section

_NOT_DOCX = (
    "Open it in Word and save it again as a Word document (.docx), or copy the programme's "
    "table into a spreadsheet, save it as CSV and import that; nothing was imported."
)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LIVE_NOTE = (
    "Please note that the work programme is a 'live' document and subject to change at short "
    "notice."
)


# --- reading -----------------------------------------------------------------------------------


def _text(element: Any) -> str:
    """A paragraph's or cell's text: its runs' text, a line per paragraph."""
    if element.tag == f"{_W}p":
        parts = []
        for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
            parts.append(node.text or "" if node.tag == f"{_W}t" else (" " if node.tag == f"{_W}tab" else "\n"))
        return "".join(parts)
    return "\n".join(_text(p) for p in element.iterchildren(f"{_W}p"))


def _int(element: Any, default: int) -> int:
    value = None if element is None else element.get(f"{_W}val")
    return int(value) if value is not None and value.isdigit() else default


def _records(tbl: Any) -> list[list[str]]:
    """A table's rows as cell texts, one per grid column: a cell spread over several columns
    gives its text once, then empty cells; a cell merged down into the one above is empty."""
    records = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        tr_pr = tr.find(f"{_W}trPr")
        record = [""] * _int(None if tr_pr is None else tr_pr.find(f"{_W}gridBefore"), 0)
        for tc in tr.iterchildren(f"{_W}tc"):
            tc_pr = tc.find(f"{_W}tcPr")
            span = _int(None if tc_pr is None else tc_pr.find(f"{_W}gridSpan"), 1)
            merge = None if tc_pr is None else tc_pr.find(f"{_W}vMerge")
            continued = merge is not None and merge.get(f"{_W}val", "continue") == "continue"
            record.append("" if continued else _text(tc))
            record.extend([""] * (span - 1))
        records.append(record)
    return records


def _blocks(parent: Any) -> Iterator[Any]:
    """The body's paragraphs and tables in order, including those inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def read_programme_docx(
    data: bytes, *, label: str, max_score: int = DEFAULT_MAX_SCORE
) -> list[ProgrammeRow]:
    """Read and check the programme tables of a Word document. Raises ``ImportFileError``
    naming the file, the table, the row and the column at the first problem."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(
            label, None, None, f"The file cannot be opened as a Word document ({exc}).",
            hint=_NOT_DOCX,
        ) from None
    tables: list[Table] = []
    heading: Section | None = None
    for block in _blocks(document.element.body):
        if block.tag == f"{_W}p":
            named = section_named(_text(block))
            if named is not None:
                heading = named
            continue
        tables.append(Table(_records(block), f"table {len(tables) + 1}", heading))
        heading = None
    if not any(t.has_header for t in tables):
        raise ImportFileError(
            label, None, None,
            f"The document has {len(tables)} table(s), and none has the programme's header row "
            f"({', '.join(HEADER)}).",
            hint="Check that this is the work programme document, or add the header row to "
            "its table; nothing was imported.",
        )
    return read_tables(tables, label=label, max_score=max_score)


# --- writing -----------------------------------------------------------------------------------


def _mark_row(row: Any, *, header: bool) -> None:
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    no_split = OxmlElement("w:cantSplit")
    tr_pr.append(no_split)
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))  # repeats at the top of every page


# Column widths in centimetres on a landscape A4 page with 2 cm margins (25.7 cm wide), as
# the council's printed programme gives its columns: the reason widest, the score narrow.
_WIDTHS = {
    5: (3.3, 6.2, 3.4, 8.1, 4.7),
    4: (7.2, 3.4, 9.9, 5.2),
    3: (8.2, 12.3, 5.2),
}


def _table(document: Any, caption: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    widths = [Cm(w) for w in _WIDTHS[len(header)]]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    tbl_pr = table._tbl.tblPr
    for tag, text in (("w:tblCaption", caption), ("w:tblDescription", caption)):
        element = OxmlElement(tag)
        element.set(f"{_W}val", text)
        tbl_pr.append(element)
    head = table.rows[0]
    _mark_row(head, header=True)
    for cell, text, width in zip(head.cells, header, widths, strict=True):
        cell.width = width
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        row = table.add_row()
        _mark_row(row, header=False)
        for cell, text, width in zip(row.cells, values, widths, strict=True):
            cell.width = width  # Word reads each cell's own width, not the column's
            lines = text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)


def _set_language(document: Any, language: str) -> None:
    from docx.oxml import OxmlElement

    defaults = document.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    if defaults is None:
        return
    lang = defaults.find(f"{_W}lang")
    if lang is None:
        lang = OxmlElement("w:lang")
        defaults.append(lang)
    lang.set(f"{_W}val", language)
    lang.set(f"{_W}eastAsia", language)


def programme_docx(export: ProgrammeExport) -> bytes:
    """The programme as a Word document to publish: the title, the meetings with their items
    (a meeting's date on each of its rows, so each row reads on its own), then the items to be
    scheduled and the select committee reviews, each under its own heading."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    page = document.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    page.left_margin = page.right_margin = page.top_margin = page.bottom_margin = Cm(2)
    properties = document.core_properties
    properties.title = export.file_title
    properties.language = "en-GB"
    properties.author = ""
    properties.comments = ""
    _set_language(document, "en-GB")
    document.add_heading(export.title, level=1)
    if export.includes_exempt:
        # On every page, as on a printed programme with exempt items.
        page.header.paragraphs[0].add_run(NOT_FOR_PUBLICATION).bold = True
        warning = document.add_paragraph()
        warning.add_run(
            f"{NOT_FOR_PUBLICATION}: this document holds exempt information (Part II)."
        ).bold = True
    document.add_paragraph(LIVE_NOTE)
    document.add_heading("Meetings", level=2)
    meetings = [
        (
            long_date(r.meeting_starts_at.date()) if r.meeting_starts_at is not None else "",
            title_cell(r),
            score_cell(r.score),
            r.reason,
            r.responsible,
        )
        for r in export.section(Section.MEETINGS)
    ]
    _table(document, f"Meetings of the {export.committee}, with their agenda items", HEADER, meetings)
    for section in (Section.WAITING, Section.REVIEWS):
        rows = export.section(section)
        if rows:
            document.add_heading(section.heading, level=2)
            _table(document, section.heading, section_columns(rows), section_cells(rows))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
