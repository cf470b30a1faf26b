"""Reading and writing a work programme as a CSV file in the council's column layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from domain.db import Database
from domain.demo import load_demo
from domain.io.csv import programme_csv_text, read_programme_csv
from domain.io.layout import HEADER
from domain.io.rows import ExportRow, ImportFileError
from domain.ops import committees, planning, topics
from domain.ops.convert import committee_by_name
from domain.ops.exports import programme_table
from domain.ops.imports import import_programme
from domain.printing.build import waiting_order
from domain.years import parse_municipal_year

HEAD = ",".join(HEADER)


def rows_of(text: str, **kw: object) -> list[tuple]:
    return [
        (r.row, r.meeting_date, r.title, r.score, r.reason, r.responsible)
        for r in read_programme_csv(text, **kw)  # type: ignore[arg-type]
    ]


def error_of(source: str | bytes | Path, **kw: object) -> ImportFileError:
    with pytest.raises(ImportFileError) as info:
        read_programme_csv(source, name="prog.csv", **kw)  # type: ignore[arg-type]
    return info.value


# --- reading ---------------------------------------------------------------------------------


def test_rows_are_grouped_by_meeting_and_an_empty_date_continues_the_meeting_above() -> None:
    text = (
        f"{HEAD}\n"
        "11 Sept 2019,Child Exploitation,2,Include a progress report,Jean Kelly\n"
        ",Together for Childhood,,,Siobhan Wallace\n"
        "13/11/2019,STEM refresh of plan,4,A retrospective,Ed Coley\n"
        "To be scheduled,School visits,,Members to visit schools,Judith Harwood\n"
    )
    assert rows_of(text) == [
        (2, dt.date(2019, 9, 11), "Child Exploitation", 2, "Include a progress report", "Jean Kelly"),
        (3, dt.date(2019, 9, 11), "Together for Childhood", None, "", "Siobhan Wallace"),
        (4, dt.date(2019, 11, 13), "STEM refresh of plan", 4, "A retrospective", "Ed Coley"),
        (5, None, "School visits", None, "Members to visit schools", "Judith Harwood"),
    ]


@pytest.mark.parametrize(
    "written", ["11 Sept 2019", "Wednesday 11th September 2019", "11/09/2019", "11.9.19", "2019-09-11", "11-Sep-19"]
)
def test_dates_as_councils_write_them(written: str) -> None:
    text = f"{HEAD}\n{written},Item,,,\n"
    assert read_programme_csv(text)[0].meeting_date == dt.date(2019, 9, 11)


def test_header_names_are_matched_ignoring_case_spacing_and_column_order() -> None:
    text = (
        "  responsible cabinet member/officer ,AGENDA  ITEM,Date Of Meeting,reason for "
        "consideration,prioritisation score,Notes\n"
        "Jean Kelly,Child Exploitation,11 Sept 2019,Scope of exploitation,2,ignored\n"
    )
    assert rows_of(text) == [
        (2, dt.date(2019, 9, 11), "Child Exploitation", 2, "Scope of exploitation", "Jean Kelly")
    ]


def test_a_header_repeated_after_a_page_break_and_blank_rows_are_skipped() -> None:
    text = (
        f"{HEAD}\n"
        "10 July 2019,Pledge Update,,,Cabinet Member\n"
        ",,,,\n"
        f"{HEAD.upper()}\n"
        ",Strategic Risk Register,,,Julie Hosking\n"
    )
    got = rows_of(text)
    assert [(r[0], r[2]) for r in got] == [(2, "Pledge Update"), (5, "Strategic Risk Register")]
    assert got[1][1] == dt.date(2019, 7, 10)


def test_title_rows_above_the_header_are_ignored_and_rows_count_from_the_top() -> None:
    text = f"ECSC Work Programme 2019 - 20,,,,\n{HEAD}\n11 Sept 2019,Item,9,,\n"
    err = error_of(text.encode())
    assert (err.row, err.column) == (3, "Prioritisation Score")


def test_excel_output_bom_cp1252_and_semicolons() -> None:
    text = (
        "Date of meeting;Agenda item;Prioritisation Score;Reason for consideration;"
        "Responsible Cabinet Member / Officer\r\n"
        "11 Sept 2019;Early Help – plans;5;\u201cCommissioning\u201d – include CAMHS;Jo Siney\r\n"
    )
    for data in (text.encode("cp1252"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-16")):
        [row] = read_programme_csv(data)
        assert row.title == "Early Help – plans"
        assert row.reason == "\u201cCommissioning\u201d – include CAMHS"
        assert row.score == 5


def test_quoted_cells_keep_commas_and_line_breaks_and_row_numbers_follow_the_spreadsheet() -> None:
    text = (
        f"{HEAD}\n"
        '11 Sept 2019,"OFSTED Inspection of Children, Young People","Line one\nline two",,\n'
        ",Second,x,,\n"
    )
    err = error_of(text)
    assert err.row == 2  # the first record spans two lines but is one spreadsheet row
    text = text.replace('"Line one\nline two"', "").replace(",Second,x,,", ",Second,,,")
    first, second = read_programme_csv(text)
    assert first.title == "OFSTED Inspection of Children, Young People"
    assert second.row == 3


def test_a_row_with_only_a_date_is_a_meeting_with_nothing_booked() -> None:
    [row] = read_programme_csv(f"{HEAD}\n4 March 2020,,,,\n")
    assert (row.meeting_date, row.title) == (dt.date(2020, 3, 4), "")


def test_the_part_ii_mark_written_by_export_is_read_back() -> None:
    [row] = read_programme_csv(f"{HEAD}\n4 March 2020,\"[Part II, paragraph 3] Contract award\",,,\n")
    assert (row.title, row.exempt_paragraph) == ("Contract award", 3)


def test_cells_guarded_against_spreadsheet_formulas_are_read_back_unchanged() -> None:
    rows = [ExportRow(1, dt.datetime(2020, 3, 4, 14), "", "=SUM(A1)", None, "-monitor", "@officer")]
    [row] = read_programme_csv(programme_csv_text(rows))
    assert (row.title, row.reason, row.responsible) == ("=SUM(A1)", "-monitor", "@officer")
    assert "'=SUM(A1)" in programme_csv_text(rows)


@pytest.mark.parametrize(
    ("text", "row", "column", "words"),
    [
        (f"{HEAD}\n31 Sept 2019,Item,,,\n", 2, "Date of meeting", "not a real date"),
        (f"{HEAD}\nsoon,Item,,,\n", 2, "Date of meeting", "11 Sept 2019"),
        (f"{HEAD}\n11 Sept 2019,Item,7,,\n", 2, "Prioritisation Score", "0 to 6"),
        (f"{HEAD}\n11 Sept 2019,Item,High,,\n", 2, "Prioritisation Score", "not a score"),
        (f"{HEAD}\n11 Sept 2019,Item,-1,,\n", 2, "Prioritisation Score", "not a score"),
        (f"{HEAD}\n11 Sept 2019,Item,,,\n,,3,Reason,\n", 3, "Agenda item", "empty"),
        (f"{HEAD}\n,Item,,,\n", 2, "Date of meeting", "no meeting date"),
        ("Date of meeting,Prioritisation Score\n11 Sept 2019,3\n", 1, "Agenda item", "no 'Agenda item'"),
        (f"{HEAD}\n11 Sept 2019,{'x' * 401},,,\n", 2, "Agenda item", "401 characters"),
        (f"{HEAD}\n", None, None, "no meetings or items"),
        (f'{HEAD}\n11 Sept 2019,Item,,,\n,"Unterminated,,,\n,Next,,,\n', 3, None, "quotation marks"),
    ],
)
def test_bad_rows_are_reported_with_file_row_column_and_what_to_do(
    text: str, row: int | None, column: str | None, words: str
) -> None:
    err = error_of(text)
    assert (err.file, err.row, err.column) == ("prog.csv", row, column)
    assert words in str(err)
    message = str(err)
    assert message.startswith("prog.csv")
    assert "import" in message.lower() or "check" in message.lower()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"PK\x03\x04\x14\x00\x06\x00rest of a zip", "Excel workbook"),
        (bytes(range(256)) * 4, "not a text file"),
        (f"{HEAD}\n11 Sept 2019,Caf\xe9 \x81 item,,,\n".encode("latin-1"), "neither UTF-8 nor Windows-1252"),
    ],
)
def test_files_that_are_not_csv_text_get_a_clear_message(data: bytes, words: str) -> None:
    assert words in str(error_of(data))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    err = error_of(tmp_path / "nowhere.csv")
    assert "nowhere.csv" in str(err) and "no file" in str(err)


@pytest.mark.parametrize("text", ["2019-20", "2019/20", "2019 - 20", "2019", "2019-2020", " 2019 – 20 "])
def test_municipal_year_spellings(text: str) -> None:
    assert parse_municipal_year(text) == 2019


@pytest.mark.parametrize("text", ["2019-21", "19-20", "next year", "2019/2021"])
def test_bad_municipal_years_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="2019-20|municipal year"):
        parse_municipal_year(text)


# --- importing and exporting -----------------------------------------------------------------


def _programme(db: Database, name: str, year: int) -> tuple[list, list]:
    with db.transaction() as s:
        c = committee_by_name(s, name)
        view = planning.load_programme(s, committee_id=c.id, year_start=year)
    meetings = [
        (g.meeting.starts_at.date(), [(e.title, e.score, e.reason, e.responsible) for e in g.entries])
        for g in view.meetings
    ]
    # In the printed programme's order (the order the items joined the list).
    waiting = [
        (t.title, t.score, t.reason, t.responsible)
        for t in sorted(view.to_be_scheduled, key=lambda t: waiting_order(t.id))
    ]
    return meetings, waiting


def test_import_creates_meetings_topics_scores_and_reuses_a_meeting_on_the_same_date(
    db: Database,
) -> None:
    with db.transaction() as s:
        c = committees.create_committee(s, name="Panel", default_time=dt.time(10, 0))
        from domain.ops import planning

        planning.add_meeting(s, committee_id=c.id, starts_at=dt.datetime(2019, 9, 11, 14, 0))
    text = (
        f"{HEAD}\n"
        "11 Sept 2019,Tracking Decisions,,Standing item,Ross Jago\n"
        ",Early Help,5,Commissioning,Jo Siney\n"
        "13 Nov 2019,Tracking Decisions,,Standing item,Ross Jago\n"
        "To be scheduled,School visits,3,Visits,Judith Harwood\n"
    )
    rows = read_programme_csv(text)
    with db.transaction() as s:
        summary = import_programme(s, committee_id=c.id, year_start=2019, rows=rows)
    assert (summary.meetings_created, summary.meetings_reused) == (1, 1)
    assert (summary.entries, summary.to_be_scheduled, summary.topics) == (3, 1, 3)
    meetings_, waiting = _programme(db, "Panel", 2019)
    assert meetings_ == [
        (dt.date(2019, 9, 11), [("Tracking Decisions", None, "Standing item", "Ross Jago"),
                                ("Early Help", 5, "Commissioning", "Jo Siney")]),
        (dt.date(2019, 11, 13), [("Tracking Decisions", None, "Standing item", "Ross Jago")]),
    ]
    assert waiting == [("School visits", 3, "Visits", "Judith Harwood")]
    with db.transaction() as s:
        listed = topics.list_topics(s, committee_id=c.id, year_start=2019)
        new = [m for m in planning.list_meetings(s, committee_id=c.id) if m.starts_at.month == 11]
    assert sorted(t.title for t in listed) == ["Early Help", "School visits", "Tracking Decisions"]
    assert new[0].starts_at.time() == dt.time(10, 0)  # the committee's usual time


def test_export_then_import_gives_the_demo_programme_back(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        load_demo(s)
        ecsc = committee_by_name(s, "ECSC")
        table = programme_table(s, committee_id=ecsc.id, year_start=2019)
        # An empty committee of its own, as in a new database.
        target = committees.create_committee(s, name="Copy")
    path = tmp_path / "ecsc.csv"
    path.write_bytes(("\ufeff" + programme_csv_text(table.rows)).encode())
    with db.transaction() as s:
        import_programme(
            s, committee_id=target.id, year_start=2019,
            rows=read_programme_csv(path),
        )
    original = _programme(db, "ECSC", 2019)
    assert _programme(db, "Copy", 2019) == original
    assert sum(len(entries) for _, entries in original[0]) == 26


def test_exempt_items_are_left_out_unless_asked_for(db: Database) -> None:
    with db.transaction() as s:
        load_demo(s)
        ecsc = committee_by_name(s, "ECSC")
        view = planning.load_programme(s, committee_id=ecsc.id, year_start=2019)
        secret = view.meetings[1].entries[0]
        topics.update_topic(s, topic_id=secret.topic_id, exempt=True, exempt_paragraph=3)
        waiting = view.to_be_scheduled[0]
        topics.update_topic(s, topic_id=waiting.id, exempt=True, exempt_paragraph=1)
        public = programme_table(s, committee_id=ecsc.id, year_start=2019)
        full = programme_table(s, committee_id=ecsc.id, year_start=2019, include_exempt=True)
    public_text = programme_csv_text(public.rows)
    assert secret.title not in public_text and secret.reason not in public_text
    assert waiting.title not in public_text
    assert public.exempt_left_out == 2
    assert f"[Part II, paragraph 3] {secret.title}" in programme_csv_text(full.rows)
    assert len(full.rows) == len(public.rows) + 2
    assert [r for r in read_programme_csv(programme_csv_text(full.rows)) if r.exempt_paragraph] != []


def test_a_utf8_file_with_one_windows_1252_byte_is_refused_naming_its_row() -> None:
    good = "Café culture and the night-time economy"
    data = (
        f"{HEAD}\n11 Sept 2019,{good},,,\n13 Nov 2019,Youth services,,,\n".encode()
        + b"8 Jan 2020,Caf\xe9 licensing,,,\n"
    )
    err = error_of(data)
    message = str(err)
    assert "row 4" in message or "line 4" in message, message
    assert "0xE9" in message and "mixes two encodings" in message
    assert "CafÃ©" not in message


def test_a_windows_1252_file_is_still_read_as_such() -> None:
    data = f"{HEAD}\n11 Sept 2019,Café culture – the night-time economy,,,\n".encode("cp1252")
    rows = read_programme_csv(data, max_score=6, name="prog.csv")
    assert rows[0].title == "Café culture – the night-time economy"


def test_an_empty_date_under_to_be_scheduled_or_a_review_continues_that_list() -> None:
    text = (
        f"{HEAD}\n"
        "11 Sept 2019,Child Exploitation [To follow],2,Progress,Jean Kelly\n"
        "To be scheduled,School visits,,Visits,Judith Harwood\n"
        ",Code of Conduct,,,Judith Harwood\n"
        "Select committee review,Fair Funding for Schools,,NFF,Judith Harwood\n"
        ",Bullying and attendance,,,Judith Harwood\n"
    )
    rows = read_programme_csv(text)
    assert [(r.title, r.section.value, r.meeting_date, r.to_follow) for r in rows] == [
        ("Child Exploitation", "meetings", dt.date(2019, 9, 11), True),
        ("School visits", "to_be_scheduled", None, False),
        ("Code of Conduct", "to_be_scheduled", None, False),
        ("Fair Funding for Schools", "reviews", None, False),
        ("Bullying and attendance", "reviews", None, False),
    ]
