"""File ▸ Import programme… and File ▸ Export programme… as CSV in the main window."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import select
from window_helpers import ECSC, select_committee, table_titles

from domain.db import Database
from domain.io.layout import HEADER, cells_of
from domain.models import Assessment, Meeting, ProgrammeEntry, Topic
from domain.ops import committees, planning, topics
from domain.ops.convert import committee_by_name
from domain.ops.exports import programme_table
from domain.printing.build import waiting_order
from gui.dialogs.export_dialog import ExportChoice
from gui.mainwindow import MainWindow


def _ids(db: Database, committee_id: int) -> tuple[list[int], list[int], list[int], list[int]]:
    """The committee's topics, meetings, programme entries and scores, by id."""
    with db.transaction() as s:
        topic_ids = sorted(s.scalars(select(Topic.id).where(Topic.committee_id == committee_id)))
        meeting_ids = sorted(s.scalars(select(Meeting.id).where(Meeting.committee_id == committee_id)))
        entry_ids = sorted(
            s.scalars(
                select(ProgrammeEntry.id).join(Meeting).where(Meeting.committee_id == committee_id)
            )
        )
        score_ids = sorted(
            s.scalars(select(Assessment.id).join(Topic).where(Topic.committee_id == committee_id))
        )
    return topic_ids, meeting_ids, entry_ids, score_ids


def _programme(db: Database, committee_id: int) -> tuple[list, list]:
    """The 2019-20 programme as it prints: meetings with their items, then those waiting."""
    with db.transaction() as s:
        view = planning.load_programme(s, committee_id=committee_id, year_start=2019)
    meetings = [
        (g.meeting.starts_at.date(), [(e.title, e.score, e.reason, e.responsible) for e in g.entries])
        for g in view.meetings
    ]
    waiting = [
        (t.title, t.score, t.reason, t.responsible)
        for t in sorted(view.to_be_scheduled, key=lambda t: waiting_order(t.id))
    ]
    return meetings, waiting


def _export(window: MainWindow, path: Path) -> list[tuple[str, ...]]:
    asked: list[tuple] = []
    window.dialogs.export_choice = lambda *_args: ExportChoice("csv", False)  # type: ignore[method-assign]
    window.dialogs.save_file = lambda *args: asked.append(args) or str(path)  # type: ignore[method-assign]
    window.export_action.trigger()
    assert asked and asked[0][2].endswith(".csv") and "2019" in asked[0][2]  # a suggested name
    text = path.read_bytes().decode("utf-8-sig")
    return [tuple(r) for r in csv.reader(io.StringIO(text, newline=""))]


def test_export_writes_the_programme_shown_as_the_council_lays_it_out(
    window_2019: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "ecsc.csv"
    written = _export(window_2019, path)
    with demo_db.transaction() as s:
        table = programme_table(s, committee_id=window_2019.committee_id, year_start=2019)
    assert written[0] == HEADER
    assert written[1:] == cells_of(table.rows)
    assert len(table.rows) > 20
    message = window_2019.statusBar().currentMessage()
    assert f"Wrote {len(table.rows)} rows" in message and str(path) in message
    assert "exempt" not in message
    assert not window_2019.undo_stack.canUndo()  # saving a file is not an edit


def test_export_leaves_exempt_items_out_and_says_so(
    window_2019: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.transaction() as s:
        ecsc = committee_by_name(s, ECSC)
        view = planning.load_programme(s, committee_id=ecsc.id, year_start=2019)
        secret = view.meetings[1].entries[0]
        topics.update_topic(s, topic_id=secret.topic_id, exempt=True, exempt_paragraph=3)
    written = _export(window_2019, tmp_path / "public.csv")
    assert secret.title not in [r[1] for r in written]
    assert "1 exempt (Part II) item left out" in window_2019.statusBar().currentMessage()


def test_import_into_a_new_committee_shows_the_programme_and_undo_takes_exactly_it_back(
    window_2019: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    window = window_2019
    path = tmp_path / "ecsc.csv"
    _export(window, path)
    window_ecsc_id = window.committee_id
    original = _programme(demo_db, window.committee_id)
    with demo_db.transaction() as s:
        copy = committees.create_committee(s, name="Copy of ECSC").id
        # A draft programme for 2019-20, so the year picker offers that year.
        committees.set_programme_approved(s, committee_id=copy, year_start=2019, approved=False)
    window.reload_all()
    select_committee(window, "Copy of ECSC", 2019)
    assert (window.committee_id, window.year_start) == (copy, 2019)
    before = _ids(demo_db, copy)
    assert before == ([], [], [], [])

    asked: list[tuple] = []
    window.dialogs.confirm = lambda *args: asked.append(args) or True  # type: ignore[method-assign]
    window.dialogs.open_file = lambda *_args: str(path)  # type: ignore[method-assign]
    window.import_csv_action.trigger()
    assert not asked  # nothing there yet: nothing to ask
    assert _programme(demo_db, copy) == original
    after = _ids(demo_db, copy)
    assert all(after)
    assert "Imported" in window.statusBar().currentMessage()

    # The pages show it.
    window.tabs.setCurrentWidget(window.topics_view)
    shown = sorted(table_titles(window))
    assert len(shown) == len(after[0]) and "Child Exploitation" in " ".join(shown)
    window.tabs.setCurrentWidget(window.programme_view)
    planner = window.programme_view
    assert len(planner.model.meeting_rows()) == len(original[0])
    assert planner.waiting_model.rowCount() == len(original[1])

    # Another topic is added after the import (elsewhere), so ids handed out afresh on redo
    # would differ from the imported ones.
    with demo_db.transaction() as s:
        other = topics.create_topic(s, committee_id=window_ecsc_id, year_start=2019, title="Elsewhere").id
    assert other > max(after[0])

    assert window.undo_action.text() == "Undo import ecsc.csv"
    window.undo_action.trigger()
    assert _ids(demo_db, copy) == before
    assert planner.model.meeting_rows() == [] and planner.waiting_model.rowCount() == 0
    window.tabs.setCurrentWidget(window.topics_view)
    assert table_titles(window) == []

    window.redo_action.trigger()
    assert _ids(demo_db, copy) == after  # the same ids, so later steps still find them
    assert _programme(demo_db, copy) == original
    assert sorted(table_titles(window)) == shown


def test_a_bad_file_is_reported_with_row_and_column_and_changes_nothing(
    window_2019: MainWindow, demo_db: Database, tmp_path: Path, messages: list[str]
) -> None:
    window = window_2019
    path = tmp_path / "bad.csv"
    path.write_text(
        ",".join(HEADER) + "\n"
        "11 September 2019,Child Exploitation,2,Progress,Jean Kelly\n"
        ",Early Help,seven,Commissioning,Jo Siney\n",
        encoding="utf-8",
    )
    before = _ids(demo_db, window.committee_id)
    asked: list[tuple] = []
    window.dialogs.confirm = lambda *args: asked.append(args) or True  # type: ignore[method-assign]
    window.dialogs.open_file = lambda *_args: str(path)  # type: ignore[method-assign]
    window.import_csv_action.trigger()
    assert messages
    assert "row 3" in messages[-1] and "column 'Prioritisation Score'" in messages[-1]
    assert "'seven' is not a score" in messages[-1] and str(path) in messages[-1]
    assert not asked
    assert _ids(demo_db, window.committee_id) == before
    assert window.undo_stack.count() == 0


def test_importing_into_a_year_with_items_asks_first_and_no_changes_nothing(
    window_2019: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    window = window_2019
    path = tmp_path / "ecsc.csv"
    _export(window, path)
    before = _ids(demo_db, window.committee_id)
    asked: list[str] = []
    window.dialogs.open_file = lambda *_args: str(path)  # type: ignore[method-assign]
    window.dialogs.confirm = lambda _parent, _title, text: asked.append(text) or False  # type: ignore[method-assign]
    window.import_csv_action.trigger()
    assert len(asked) == 1 and f"already has {len(before[0])} topics" in asked[0]
    assert _ids(demo_db, window.committee_id) == before
    assert window.undo_stack.count() == 0

    # "Yes" adds the file's items to the programme; undo takes exactly those off again.
    window.dialogs.confirm = lambda *_args: True  # type: ignore[method-assign]
    window.import_csv_action.trigger()
    added = _ids(demo_db, window.committee_id)
    assert len(added[2]) > len(before[2])
    window.undo_action.trigger()
    assert _ids(demo_db, window.committee_id) == before


def test_a_word_programme_is_imported_through_the_same_menu_item(
    window: MainWindow, demo_db: Database, tmp_path: Path
) -> None:
    from programme_files import ecsc_docx

    with demo_db.transaction() as s:
        copy = committees.create_committee(s, name="Copy of ECSC").id
        committees.set_programme_approved(s, committee_id=copy, year_start=2019, approved=False)
    window.reload_all()
    select_committee(window, "Copy of ECSC", 2019)
    path = tmp_path / "ECSC work programme.docx"
    path.write_bytes(ecsc_docx())
    offered: list[str] = []
    window.dialogs.open_file = lambda _parent, _title, filters: offered.append(filters) or str(path)  # type: ignore[method-assign]
    assert window.import_csv_action.text().replace("&", "") == "Import programme…"
    window.import_csv_action.trigger()
    assert "*.docx" in offered[0] and "*.xlsx" in offered[0] and "*.csv" in offered[0]
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported 26 items at 5 meetings (5 new), 9 items to be scheduled and 2 select committee reviews")
    planner = window.programme_view
    window.tabs.setCurrentWidget(planner)
    assert len(planner.model.meeting_rows()) == 5
    assert planner.waiting_model.rowCount() == 9
    window.undo_action.trigger()
    assert _ids(demo_db, copy) == ([], [], [], [])
