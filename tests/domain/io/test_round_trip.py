"""Export a programme to CSV, Excel or Word and import it into an empty committee: the same
programme comes back (meetings, items in agenda order, scores, reasons, officers, "To follow"
marks, the items to be scheduled in the printed order, the select committee reviews, and the
exempt items when they were exported), and what a file cannot carry is said."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from domain.db import Database
from domain.demo import load_demo
from domain.io.csv import programme_csv_text
from domain.io.docx import programme_docx
from domain.io.rows import ExportRow, ProgrammeExport
from domain.io.sniff import read_programme
from domain.io.xlsx import programme_xlsx
from domain.ops import committees, planning, topics
from domain.ops.convert import committee_by_name
from domain.ops.exports import programme_table
from domain.ops.imports import import_programme
from domain.printing.build import build_programme

WRITERS: dict[str, Callable[[ProgrammeExport], bytes]] = {
    "csv": lambda export: ("\ufeff" + programme_csv_text(export.rows)).encode("utf-8"),
    "xlsx": programme_xlsx,
    "docx": programme_docx,
}


def _seen(row: ExportRow) -> tuple[object, ...]:
    """What a reader of the file sees in a row (not the database's ids, times or venues)."""
    day = row.meeting_starts_at.date() if row.meeting_starts_at else None
    return (row.section, day, row.title, row.score, row.reason, row.responsible, row.to_follow, row.exempt_paragraph)


def _add_exempt_items(db: Database) -> None:
    with db.transaction() as s:
        ecsc = committee_by_name(s, "ECSC")
        meeting = planning.list_meetings(s, committee_id=ecsc.id, year_start=2019)[2]
        secret = topics.create_topic(
            s, committee_id=ecsc.id, year_start=2019, title="Staffing matter",
            reason="Disciplinary case", responsible="Head of HR", exempt=True, exempt_paragraph=1,
        )  # fmt: skip
        planning.book(s, topic_id=secret.id, meeting_id=meeting.id, position=2, to_follow=True)
        topics.create_topic(
            s, committee_id=ecsc.id, year_start=2019, title="Contract dispute", reason="Legal advice",
            responsible="Solicitor", status="to_be_scheduled", exempt=True, exempt_paragraph=5,
        )  # fmt: skip
        topics.create_topic(
            s, committee_id=ecsc.id, year_start=2019, title="Land disposal review", reason="Prices",
            responsible="Estates", kind="select_review", status="accepted", exempt=True, exempt_paragraph=3,
        )  # fmt: skip


@pytest.mark.parametrize("fmt", list(WRITERS))
@pytest.mark.parametrize("include_exempt", [False, True], ids=["public", "with exempt"])
def test_export_then_import_into_an_empty_committee_gives_the_same_programme(
    db: Database, fmt: str, include_exempt: bool
) -> None:
    with db.transaction() as s:
        load_demo(s)
    _add_exempt_items(db)
    with db.transaction() as s:
        ecsc = committee_by_name(s, "ECSC")
        original = programme_table(s, committee_id=ecsc.id, year_start=2019, include_exempt=include_exempt)
        copy = committees.create_committee(s, name="Copy").id
    data = WRITERS[fmt](original)
    rows = read_programme(data, name=f"ecsc.{fmt}")
    with db.transaction() as s:
        import_programme(s, committee_id=copy, year_start=2019, rows=rows, file=f"ecsc.{fmt}")
        again = programme_table(s, committee_id=copy, year_start=2019, include_exempt=include_exempt)
        printed = build_programme(s, committee_id=ecsc.id, year_start=2019, include_exempt=include_exempt)
        printed_copy = build_programme(s, committee_id=copy, year_start=2019, include_exempt=include_exempt)

    assert [_seen(r) for r in again.rows] == [_seen(r) for r in original.rows]
    assert original.exempt_left_out == (0 if include_exempt else 3)
    assert again.exempt_left_out == 0  # the public file had none to bring
    # The printed programmes agree too: the same meetings and rows, "To follow" marks, the
    # items to be scheduled in the same order and the same select committee reviews.
    assert printed_copy.meetings == printed.meetings
    assert printed_copy.to_be_scheduled == printed.to_be_scheduled
    assert printed_copy.reviews == printed.reviews
    follow = [row.title for g in printed.meetings for row in g.rows if "To follow" in getattr(row, "flags", ())]
    assert follow and ("Staffing matter" in follow) == include_exempt
    assert len(printed.reviews) >= 2 and len(printed.to_be_scheduled) >= 9


def test_what_no_file_carries_is_said() -> None:
    def meeting(id_: int, at: dt.datetime, venue: str = "", **kw: bool) -> ExportRow:
        return ExportRow(id_, at, venue, f"Item {id_}", None, "", "", **kw)  # type: ignore[arg-type]

    plain = ProgrammeExport(
        "Panel", 2019,
        (meeting(1, dt.datetime(2019, 7, 10, 14)), meeting(2, dt.datetime(2019, 9, 11, 14))),
        0, False,
    )  # fmt: skip
    assert plain.not_carried() == ()
    marked = dataclasses.replace(
        plain,
        rows=(
            meeting(1, dt.datetime(2019, 7, 10, 14), "Warspite Room", verbal_update=True),
            meeting(2, dt.datetime(2019, 9, 11, 10), meeting_cancelled=True),
        ),
    )
    said = " ".join(marked.not_carried())
    assert "Meeting times and venues are not in the file" in said
    assert "1 'Verbal update' mark is not in the file" in said
    assert "1 cancelled meeting is written as any other" in said
