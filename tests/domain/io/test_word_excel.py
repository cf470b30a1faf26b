"""Reading a programme from the council's Word document or Excel workbook, and writing one."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from programme_files import (
    ECSC_ITEMS,
    ECSC_REVIEWS,
    ECSC_WAITING,
    FIXTURES,
    ecsc_docx,
    ecsc_printed,
    ecsc_xlsx,
)

from domain.io.docx import programme_docx
from domain.io.layout import HEADER
from domain.io.rows import ExportRow, ImportFileError, ProgrammeExport, ProgrammeRow, Section
from domain.io.sniff import read_programme
from domain.io.xlsx import programme_xlsx


def _error(data: bytes, name: str) -> str:
    with pytest.raises(ImportFileError) as info:
        read_programme(data, name=name)
    return str(info.value)


def _as_printed(rows: list[ProgrammeRow]) -> tuple[Counter[dt.date], list[str], list[str]]:
    meetings = Counter(r.meeting_date for r in rows if r.section is Section.MEETINGS and r.meeting_date)
    waiting = [r.title for r in rows if r.section is Section.WAITING]
    reviews = [r.title for r in rows if r.section is Section.REVIEWS]
    return meetings, waiting, reviews


ECSC_MEETINGS = {
    dt.date(2019, 7, 10): 6,  # five, then one more after the header repeated on a new page
    dt.date(2019, 9, 11): 5,
    dt.date(2019, 11, 13): 7,
    dt.date(2020, 1, 8): 6,
    dt.date(2020, 3, 4): 2,
}


# --- reading Word ------------------------------------------------------------------------------


def test_the_councils_word_programme_reads_as_printed() -> None:
    rows = read_programme(ecsc_docx(), name="ecsc.docx")
    meetings, waiting, reviews = _as_printed(rows)
    printed = ecsc_printed()
    assert meetings == ECSC_MEETINGS and sum(meetings.values()) == ECSC_ITEMS
    # The items to be scheduled and the reviews, in the document's order; the annex's table and
    # the headings and notes around the tables are not items.
    assert waiting == [w[0] for w in printed.waiting] and len(waiting) == ECSC_WAITING
    assert reviews == [r[0] for r in printed.reviews] and len(reviews) == ECSC_REVIEWS
    assert not any("Prioritisation Tool" in r.title or r.title == "Public interest" for r in rows)
    # A meeting's merged date covers its rows; the row after a repeated header continues it.
    risk = next(r for r in rows if r.title == "Strategic Risk Register")
    assert risk.meeting_date == dt.date(2019, 7, 10) and risk.table == "table 1"
    child = next(r for r in rows if r.title == "Child Exploitation")
    assert (child.score, child.responsible) == (2, "Jean Kelly")
    assert child.reason.startswith("Include a progress report on Together for Childhood")


def test_a_mistake_in_a_word_table_names_the_file_table_row_and_column() -> None:
    message = _error(ecsc_docx(bad_cell=(4, 2, "High")), "ecsc.docx")
    assert message.startswith("ecsc.docx, table 1, row 4, column 'Prioritisation Score': 'High' is not a score")
    message = _error(ecsc_docx(bad_cell=(9, 0, "31 Sept 2019")), "ecsc.docx")
    assert "ecsc.docx, table 1, row 9, column 'Date of meeting'" in message


def test_the_purpose_layout_is_read_with_its_merged_dates() -> None:
    """Seed 000's layout: a "Purpose of the agenda item" column; each date is merged down over
    its meeting's rows (the print centres it, so the text puts it on the second row)."""
    import docx

    lines = (FIXTURES / "ambitious_plymouth_2015_16_programme.txt").read_text(encoding="utf-8").splitlines()
    assert "Corporate Performance Report" in lines[7]
    _, title, purpose, _, reason, officer = lines[7].split("\t")
    document = docx.Document()
    document.add_paragraph("DRAFT Work Programme 2015 - 2016")
    table = document.add_table(rows=6, cols=5)
    for cell, text in zip(
        table.rows[0].cells,
        ("Date of meeting", "Agenda item", "Purpose of the agenda item", "Reason for consideration", "Responsible Officer"),
        strict=True,
    ):
        cell.text = text
    body = [
        ("6.7.15", "SEND framework 2015- 2018", "", "", "Jo Siney"),
        ("", "Children's Social Care Improvement Plan", "", "", "Alison Botham"),
        ("", "Work of Sports Development Unit", "", "", "Louise Kelley/Pete Aley"),
        ("19.10.15", title, purpose, reason, officer),
        ("", "Department Budgets pre Budget Scrutiny", "", "", "Judith Harwood/Alison Botham"),
    ]
    for row, values in zip(table.rows[1:], body, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    table.cell(1, 0).merge(table.cell(3, 0)).text = "6.7.15"
    table.cell(4, 0).merge(table.cell(5, 0)).text = "19.10.15"
    buffer = io.BytesIO()
    document.save(buffer)
    rows = read_programme(buffer.getvalue(), name="panel.docx")
    assert [(r.meeting_date, r.title) for r in rows] == [
        (dt.date(2015, 7, 6), "SEND framework 2015- 2018"),
        (dt.date(2015, 7, 6), "Children's Social Care Improvement Plan"),
        (dt.date(2015, 7, 6), "Work of Sports Development Unit"),
        (dt.date(2015, 10, 19), title),
        (dt.date(2015, 10, 19), "Department Budgets pre Budget Scrutiny"),
    ]
    assert (rows[3].purpose, rows[3].reason) == (purpose, reason)


# --- reading Excel -----------------------------------------------------------------------------


def test_the_councils_excel_programme_reads_as_printed() -> None:
    rows = read_programme(ecsc_xlsx(), name="ecsc.xlsx")
    meetings, waiting, reviews = _as_printed(rows)
    assert meetings == ECSC_MEETINGS
    assert len(waiting) == ECSC_WAITING and waiting[0] == "School visits"
    assert len(reviews) == ECSC_REVIEWS
    # The first score is stored as text, the others as numbers; the header is three rows down
    # on the second sheet.
    scores = [(r.title, r.score) for r in rows if r.score is not None][:2]
    assert scores == [("Child Exploitation", 2), ("Plymouth Challenge Update", 4)]
    first = rows[0]
    assert (first.table, first.row) == ("sheet 'Programme 2019-20'", 4)


def test_a_mistake_in_a_workbook_names_the_file_sheet_row_and_column() -> None:
    message = _error(ecsc_xlsx(bad_cell=(10, 3, "High")), "ecsc.xlsx")
    assert message.startswith(
        "ecsc.xlsx, sheet 'Programme 2019-20', row 10, column 'Prioritisation Score': 'High' is not a score"
    )
    message = _error(ecsc_xlsx(bad_cell=(15, 1, "31 Sept 2019")), "ecsc.xlsx")
    assert message.startswith("ecsc.xlsx, sheet 'Programme 2019-20', row 15, column 'Date of meeting'")


def test_a_workbook_without_the_header_says_which_sheets_it_has() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Budget"
    sheet.append(["Line", "Amount"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    message = _error(buffer.getvalue(), "budget.xlsx")
    assert "No sheet of the workbook (sheets: 'Budget')" in message and "Date of meeting" in message


# --- telling the kinds apart -------------------------------------------------------------------


def test_the_kind_of_file_is_told_by_its_content_not_its_name(tmp_path: Path) -> None:
    word, excel = tmp_path / "programme.csv", tmp_path / "programme.docx"
    word.write_bytes(ecsc_docx())
    excel.write_bytes(ecsc_xlsx())
    assert len(read_programme(word)) == len(read_programme(excel)) == ECSC_ITEMS + ECSC_WAITING + ECSC_REVIEWS


def test_other_zip_files_and_broken_documents_are_refused_in_words() -> None:
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "neither a Word document (.docx) nor an Excel workbook" in _error(other.getvalue(), "x.zip")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<not xml")
    message = _error(broken.getvalue(), "broken.docx")
    assert message.startswith("broken.docx: The file cannot be opened as a Word document")
    assert "Traceback" not in message


def test_a_word_document_without_the_programme_table_is_refused() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the meeting")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "Present"
    buffer = io.BytesIO()
    document.save(buffer)
    message = _error(buffer.getvalue(), "minutes.docx")
    assert "has 1 table(s), and none has the programme's header row" in message


# --- writing -----------------------------------------------------------------------------------


def _export(**kw: object) -> ProgrammeExport:
    july = dt.datetime(2019, 7, 10, 14)
    rows = (
        ExportRow(1, july, "", "Fair Funding for Schools", None, "Monitor the funding crisis", "Judith Harwood"),
        ExportRow(1, july, "", "=HYPERLINK(\"http://x\")", 3, "-1 formula-looking", "+44 1752", to_follow=True),
        ExportRow(2, dt.datetime(2019, 9, 11, 14), "", "", None, "", ""),
        ExportRow(None, None, "", "School visits", 4, "Added on 13.3.19", "Judith Harwood", section=Section.WAITING),
        ExportRow(None, None, "", "Fair Funding review", None, "NFF impact", "Judith Harwood", section=Section.REVIEWS),
    )
    return ProgrammeExport("Panel", 2019, rows, 0, False, **kw)  # type: ignore[arg-type]


def test_the_workbook_has_a_sheet_per_section_real_dates_a_frozen_header_and_text_kept_text() -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(programme_xlsx(_export())))
    assert workbook.sheetnames == ["Work Programme", "Items to be scheduled", "Select Committee Reviews"]
    sheet = workbook["Work Programme"]
    assert [c.value for c in sheet[1]] == list(HEADER)
    assert sheet.freeze_panes == "A2"
    assert sheet["A2"].value == dt.datetime(2019, 7, 10) and sheet["A2"].is_date
    formula = sheet["B3"]
    assert formula.data_type == "s" and formula.value == '=HYPERLINK("http://x") [To follow]'
    assert sheet["C3"].value == 3
    assert sheet.column_dimensions["D"].width >= len("Monitor the funding crisis")
    assert sheet.column_dimensions["C"].width >= len("Prioritisation Score")
    waiting = workbook["Items to be scheduled"]
    assert [c.value for c in waiting[1]] == ["Subject", "Prioritisation Score", "Reason added to work programme", "Responsible Officer"]
    assert [c.value for c in workbook["Select Committee Reviews"][1]] == ["Subject", "Reason added to work programme", "Responsible Officer"]


def _document_xml(data: bytes, part: str = "word/document.xml") -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(part).decode("utf-8")


def test_the_word_document_is_built_to_publish() -> None:
    import docx

    data = programme_docx(_export())
    document = docx.Document(io.BytesIO(data))
    title = "Panel \u2013 Work Programme 2019 - 20"
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", title),
        ("Heading 2", "Meetings"),
        ("Heading 2", "Items to be scheduled"),
        ("Heading 2", "Select Committee Reviews"),
    ]
    assert document.core_properties.title == title
    assert document.core_properties.language == "en-GB"
    assert 'w:lang w:val="en-GB"' in _document_xml(data, "word/styles.xml")
    xml = _document_xml(data)
    # Every table's first row repeats on a new page, no row splits, nothing is merged.
    assert len(document.tables) == 3
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
        assert all(tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None for tr in rows)
    assert "w:vMerge" not in xml and "w:gridSpan" not in xml
    # Each row of a meeting says its date, so a row read on its own is understood.
    meetings = document.tables[0]
    assert [r.cells[0].text for r in meetings.rows] == ["Date of meeting", "10 July 2019", "10 July 2019", "11 September 2019"]
    assert "NOT FOR PUBLICATION" not in xml


def test_the_word_document_opens_in_libreoffice_with_every_item(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    from pypdf import PdfReader

    from domain.db import open_database
    from domain.demo import load_demo
    from domain.ops.convert import committee_by_name
    from domain.ops.exports import programme_table

    database = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    try:
        with database.transaction() as s:
            load_demo(s)
            export = programme_table(s, committee_id=committee_by_name(s, "ECSC").id, year_start=2019)
    finally:
        database.close()
    source = tmp_path / "ecsc.docx"
    source.write_bytes(programme_docx(export))
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    pdf = tmp_path / "ecsc.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    text = " ".join((page.extract_text() or "") for page in PdfReader(pdf).pages)
    words = " ".join(text.split())
    for row in export.rows:
        if row.title:
            assert " ".join(row.title.split()[:3]) in words, row.title
    assert "Select Committee Reviews" in words and "Items to be scheduled" in words
