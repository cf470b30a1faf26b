"""Exporting a programme as a calendar and a web page, and the export command's formats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from domain.cli import main
from domain.db import Database, open_database
from domain.demo import load_demo
from domain.ops import planning
from domain.ops.convert import committee_by_name
from domain.ops.publish import FORMATS


def export(db: Database, key: str, committee: str = "ECSC", year: int = 2019) -> bytes:
    with db.transaction(read_only=True) as s:
        c = committee_by_name(s, committee)
        return FORMATS[key].make(s, committee_id=c.id, year_start=year, include_exempt=False).data


def events(data: bytes) -> dict[dt.datetime, object]:
    cal = Calendar.from_ical(data)
    return {e.decoded("dtstart").replace(tzinfo=None): e for e in cal.walk("VEVENT")}


def test_calendar_has_each_meeting_in_london_time_with_its_venue_and_deadline(
    sqlite_demo_db: Database,
) -> None:
    data = export(sqlite_demo_db, "ics")
    cal = Calendar.from_ical(data)
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    assert b"DTSTART;TZID=Europe/London:20190911T140000" in data
    september = events(data)[dt.datetime(2019, 9, 11, 14)]
    start = september.decoded("dtstart")  # type: ignore[attr-defined]
    assert start.utcoffset() == dt.timedelta(hours=1)  # British Summer Time
    assert str(september["location"]) == "Warspite Room, Council House"  # type: ignore[index]
    assert str(september["status"]) == "CONFIRMED"  # type: ignore[index]
    description = str(september["description"])  # type: ignore[index]
    # Five clear working days before Wednesday 11 September: Tuesday 3 September.
    assert "The agenda is published by Tuesday 3 September 2019 at the latest." in description
    assert "- Child Exploitation" in description
    january = events(data)[dt.datetime(2020, 1, 8, 14)]
    assert january.decoded("dtstart").utcoffset() == dt.timedelta(0)  # type: ignore[attr-defined]


def test_calendar_uids_stay_the_same_between_exports_and_differ_between_databases(
    sqlite_demo_db: Database, tmp_path: Path
) -> None:
    def uids(data: bytes) -> list[str]:
        return [str(e["uid"]) for e in Calendar.from_ical(data).walk("VEVENT")]

    first, again = uids(export(sqlite_demo_db, "ics")), uids(export(sqlite_demo_db, "ics"))
    assert first == again and len(set(first)) == len(first) == 5
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}")
    try:
        with other.transaction() as s:
            load_demo(s)
        assert not set(uids(export(other, "ics"))) & set(first)
    finally:
        other.close()


def test_a_cancelled_meeting_is_cancelled_in_the_calendar_under_the_same_uid(
    sqlite_demo_db: Database,
) -> None:
    before = events(export(sqlite_demo_db, "ics"))[dt.datetime(2019, 11, 13, 14)]
    with sqlite_demo_db.transaction() as s:
        c = committee_by_name(s, "ECSC")
        meeting = next(
            m for m in planning.list_meetings(s, committee_id=c.id, year_start=2019)
            if m.starts_at == dt.datetime(2019, 11, 13, 14)
        )  # fmt: skip
        planning.cancel_meeting(s, meeting_id=meeting.id, move_items_to="list")
    after = events(export(sqlite_demo_db, "ics"))[dt.datetime(2019, 11, 13, 14)]
    assert str(after["status"]) == "CANCELLED"  # type: ignore[index]
    assert str(after["uid"]) == str(before["uid"])  # type: ignore[index]
    assert int(after["sequence"]) > int(before["sequence"])  # type: ignore[index]
    assert str(after["summary"]).startswith("Cancelled: ")  # type: ignore[index]


def test_web_page_is_the_printed_programme(sqlite_demo_db: Database) -> None:
    page = export(sqlite_demo_db, "html").decode("utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert page.count("<h1>") == 1 and page.count("<main>") == 1
    assert page.count("<h2") == 3 and page.count("<caption") == 3
    assert "<h2 id=\"to-be-scheduled\">Items to be scheduled 2019/20</h2>" in page
    assert '<th scope="rowgroup"><time datetime="2019-09-11">11 Sept 2019</time></th>' in page
    assert "Prioriti&shy;sation Score" in page
    assert "contact Helen Rickman, Democratic Support Officer" in page
    purpose = export(sqlite_demo_db, "html", "Ambitious Plymouth", 2015).decode("utf-8")
    assert "NEW - items not yet allocated a date" in purpose
    assert "Purpose of the agenda item" in purpose and ">DRAFT<" in purpose


# --- the command -------------------------------------------------------------------------------


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "scrutiny.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize(
    ("out", "fmt", "starts", "says"),
    [
        ("ecsc.html", None, b"<!DOCTYPE html>", "26 items at 5 meetings"),
        ("ecsc.ics", None, b"BEGIN:VCALENDAR", "5 meetings"),
        ("ecsc.txt", "ics", b"BEGIN:VCALENDAR", "5 meetings"),
        ("ecsc.csv", None, b"\xef\xbb\xbfDate of meeting", "37 rows"),
    ],
)
def test_export_command_writes_the_format_asked_for_or_named_by_the_extension(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    out: str, fmt: str | None, starts: bytes, says: str,
) -> None:  # fmt: skip
    args = ["--db", str(demo_file), "export", "--committee", "ECSC", "--year", "2019-20"]
    if fmt:
        args += ["--format", fmt]
    code = main([*args, "--out", str(tmp_path / out)])
    stdout, stderr = capsys.readouterr()
    assert code == 0, stderr
    assert (tmp_path / out).read_bytes().startswith(starts)
    assert f"Wrote {says} of Education" in stdout


def test_export_help_says_what_each_format_is_for(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for key in FORMATS:
        assert f"{key}: " in text
    assert "publish on the council’s website" in text and "print command (PDF)" in text


def test_web_page_leaves_out_the_contact_sentence_when_no_officer_is_named(
    sqlite_db: Database,
) -> None:
    from domain.ops.committees import create_committee

    with sqlite_db.transaction() as s:
        create_committee(s, name="New Panel")
    page = export(sqlite_db, "html", "New Panel", 2021).decode("utf-8")
    assert "please contact" not in page
    assert "No meetings arranged yet" in page and page.count("None at present") == 2
