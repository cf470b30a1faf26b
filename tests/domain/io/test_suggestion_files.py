"""A suggestion form's export, CSV or Excel: every row read and checked before anything is
written, a problem named by file, row and column."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from domain.io.rows import ImportFileError
from domain.io.suggestions import read_suggestions

FORM = Path(__file__).resolve().parents[2] / "fixtures" / "suggestion_form.csv"
HEADER = "Topic,Why,Outcome wanted,Suggested by,Name,Email,Workload,Date submitted\n"


def test_the_form_export_is_read_with_its_own_headings() -> None:
    rows = read_suggestions(FORM)
    assert [r.title for r in rows] == [
        "Care Leavers and NEET plan refresh", "School crossing patrols",
        "Youth services after the budget cuts", "Elective home education support",
    ]  # fmt: skip
    first = rows[0]
    assert (first.proposer_kind, first.proposer_name, first.proposer_contact) == ("member", "Cllr Jo Bowles", "jo.bowles@example.gov.uk")
    assert (first.workload, first.plan_link, first.submitted, first.row) == ("medium", "A caring council", dt.date(2019, 9, 2), 2)
    assert [r.proposer_kind for r in rows] == ["member", "public", "partner", "officer"]


def test_semicolons_and_a_repeated_header_are_read(tmp_path: Path) -> None:
    text = HEADER.replace(",", ";") + "Pot holes;Bad roads;;Resident;;;Light;10/09/2019\n" + HEADER.replace(",", ";")
    rows = read_suggestions(text.encode("cp1252"), name="form.csv")
    assert [(r.title, r.proposer_kind, r.workload) for r in rows] == [("Pot holes", "public", "light")]


@pytest.mark.parametrize(
    ("line", "where", "what"),
    [
        (",Bad roads,,,,,,", "row 2, column 'Topic'", "no topic"),
        ("Pot holes,,,Alien,,,,", "row 2, column 'Suggested by'", "'Alien' is not a proposer"),
        ("Pot holes,,,,,,Enormous,", "row 2, column 'Workload'", "'Enormous' is not a workload"),
        ("Pot holes,,,,,,,next Tuesday", "row 2, column 'Date submitted'", "'next Tuesday' is not a date"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_read(line: str, where: str, what: str) -> None:
    with pytest.raises(ImportFileError) as err:
        read_suggestions((HEADER + line + "\n").encode(), name="form.csv")
    assert f"form.csv, {where}" in str(err.value) and what in str(err.value)
    assert "nothing was imported" in str(err.value)


def test_a_file_without_a_topic_column_says_what_it_looked_for() -> None:
    with pytest.raises(ImportFileError, match="No row of the file has a column for the suggested topic") as err:
        read_suggestions(b"Name,Email\nJo,jo@example.com\n", name="people.csv")
    assert str(err.value).startswith("people.csv:")


def test_an_excel_export_is_read_from_the_sheet_with_the_topics() -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Cover"
    book.active.append(["Responses to the scrutiny suggestion form"])
    sheet = book.create_sheet("Responses")
    sheet.append(["Form export"])
    sheet.append(["What would you like scrutiny to look at?", "I am a", "Workload", "Completion time"])
    sheet.append(["Youth services", "Partner organisation", "Heavy", dt.datetime(2019, 9, 5, 9, 5)])
    buffer = io.BytesIO()
    book.save(buffer)
    rows = read_suggestions(buffer.getvalue(), name="form.xlsx")
    assert [(r.title, r.proposer_kind, r.workload, r.submitted, r.row) for r in rows] == [
        ("Youth services", "partner", "heavy", dt.date(2019, 9, 5), 3)
    ]
