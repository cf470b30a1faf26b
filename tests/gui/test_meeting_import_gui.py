"""Meetings ▸ Import meetings… in the main window: a preview first, then one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from domain.db import Database
from domain.models import Meeting, ProgrammeEntry, Topic
from gui.dialogs.meeting_import_dialog import MeetingImportPreview
from gui.mainwindow import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _rows(db: Database, committee_id: int) -> tuple[list, list, list]:
    """The committee's meetings (with their Modern.gov ids), entries and topics, by id."""
    with db.transaction() as s:
        meetings = [tuple(r) for r in s.execute(
            select(Meeting.id, Meeting.starts_at, Meeting.venue, Meeting.status, Meeting.modgov_id)
            .where(Meeting.committee_id == committee_id).order_by(Meeting.id)
        )]  # fmt: skip
        entries = [tuple(r) for r in s.execute(
            select(ProgrammeEntry.id, ProgrammeEntry.meeting_id, ProgrammeEntry.topic_id, ProgrammeEntry.position)
            .join(Meeting).where(Meeting.committee_id == committee_id).order_by(ProgrammeEntry.id)
        )]  # fmt: skip
        topics = [tuple(r) for r in s.execute(
            select(Topic.id, Topic.title, Topic.status, Topic.exempt)
            .where(Topic.committee_id == committee_id).order_by(Topic.id)
        )]  # fmt: skip
    return meetings, entries, topics


def _open_preview(window: MainWindow, path: Path) -> MeetingImportPreview:
    window.dialogs.open_file = lambda *_args: str(path)  # type: ignore[method-assign]
    action = window.findChild(QAction, "importMeetings")
    assert action is not None
    meetings_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Meetings")
    assert action in meetings_menu.actions()
    action.trigger()
    dialog = window.open_dialog
    assert isinstance(dialog, MeetingImportPreview)
    return dialog


def test_the_preview_shows_what_changes_and_nothing_is_written_until_import(
    window_2019: MainWindow, demo_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    window = window_2019
    assert window.committee_id is not None
    before = _rows(demo_db, window.committee_id)
    dialog = _open_preview(window, FIXTURES / "modgov_getmeetings_ecsc.xml")
    shown = dialog.rows()
    assert ("Added (1)", "", "", "") in shown
    assert any(r[0].strip() == "Wednesday 27 November 2019, 2 pm" and r[3] == "new meeting" for r in shown)
    assert ("Changed (1)", "", "", "") in shown
    assert any(r[0].strip().startswith("Wednesday 11 September 2019") and r[3].startswith("linked to Modern.gov meeting 4101")
               for r in shown)  # fmt: skip
    assert ("Left out: not in 2019 - 20 (5)", "", "", "") in shown
    assert "5 meetings outside 2019 - 20 left out (9 September 2020 to 16 June 2021)" in dialog.summary.text()
    dialog.resize(1280, 800)
    dialog.grab().save(str(tmp_path / "preview.png"))
    assert _rows(demo_db, window.committee_id) == before  # a preview writes nothing

    assert dialog.import_button is not None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    after = _rows(demo_db, window.committee_id)
    added = [m for m in after[0] if m[4] == 4102]
    assert len(added) == 1 and added[0][1].date().isoformat() == "2019-11-27"
    assert [m[4] for m in after[0] if m[1].date().isoformat() == "2019-09-11"] == [4101]
    assert "Undo takes the import back" in window.statusBar().currentMessage()
    window.tabs.setCurrentWidget(window.meetings_view)
    assert any(m.starts_at.date().isoformat() == "2019-11-27" for m in window.meetings_view.model.shown_rows())

    assert window.undo_action.text() == "Undo import meetings from modgov_getmeetings_ecsc.xml"
    window.undo_action.trigger()
    assert _rows(demo_db, window.committee_id) == before
    assert not any(m.starts_at.date().isoformat() == "2019-11-27" for m in window.meetings_view.model.shown_rows())
    window.redo_action.trigger()
    assert _rows(demo_db, window.committee_id) == after  # the same ids again

    again = _open_preview(window, FIXTURES / "modgov_getmeetings_ecsc.xml")
    assert again.import_button is None  # nothing to import: Close only
    assert again.summary.text().endswith("(9 September 2020 to 16 June 2021).")
    assert "Nothing to change: the 2 meetings of 2019 - 20 in this file are already in" in again.summary.text()
    again.reject()


def test_an_agenda_comes_in_with_its_restricted_item_exempt(
    window_2019: MainWindow, demo_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    window = window_2019
    assert window.committee_id is not None
    agenda = tmp_path / "getmeeting.xml"  # the agenda of the demo's 11 September 2019 meeting
    agenda.write_bytes((FIXTURES / "modgov_getmeeting_ecsc.xml").read_bytes().replace(b"09/09/2020", b"11/09/2019"))
    dialog = _open_preview(window, agenda)
    dialog.grab().save(str(tmp_path / "agenda-preview.png"))
    items = [r for r in dialog.rows() if r[3].startswith("agenda:")]
    assert ("Children's Residential Care Commissioning Contract", "agenda: new item — exempt (Part II)") in [
        (r[0].strip(), r[3]) for r in items
    ]
    assert dialog.import_button is not None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    topics = _rows(demo_db, window.committee_id)[2]
    assert ("Children's Residential Care Commissioning Contract", True) in [(t[1], t[3]) for t in topics]
    assert ("School Attendance Consultation", False) in [(t[1], t[3]) for t in topics]


def test_a_bad_file_is_said_in_words_and_changes_nothing(
    window_2019: MainWindow, demo_db: Database, messages: list[str], tmp_path: Path
) -> None:
    window = window_2019
    assert window.committee_id is not None
    before = _rows(demo_db, window.committee_id)
    bad = tmp_path / "answer.xml"
    bad.write_bytes(b"<!DOCTYPE html><html><body><h1>403 Forbidden</h1></body></html>")
    window.dialogs.open_file = lambda *_args: str(bad)  # type: ignore[method-assign]
    window.findChild(QAction, "importMeetings").trigger()
    assert window.open_dialog is None
    assert len(messages) == 1
    assert messages[0].startswith(f"{bad}: is a web page, not the web service's XML answer")
    assert "save the answer" in messages[0]
    assert _rows(demo_db, window.committee_id) == before
    assert not window.undo_stack.canUndo()


def test_an_import_that_fails_when_written_leaves_the_data_as_it_was(
    window_2019: MainWindow, demo_db: Database, messages: list[str], qtbot: QtBot
) -> None:
    import datetime as dt

    from domain.ops import planning

    window = window_2019
    assert window.committee_id is not None
    with demo_db.transaction() as s:  # a meeting of another Modern.gov meeting at the same time
        other = planning.add_meeting(s, committee_id=window.committee_id, starts_at=dt.datetime(2019, 11, 27, 14))
        s.get(Meeting, other.id).modgov_id = 9999
    before = _rows(demo_db, window.committee_id)
    dialog = _open_preview(window, FIXTURES / "modgov_getmeetings_ecsc.xml")
    assert dialog.import_button is not None
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(messages) == 1 and "meeting 2 (meetingid 4102)" in messages[0]
    assert "nothing was imported" in messages[0]
    assert _rows(demo_db, window.committee_id) == before  # not even the 11 September link
    assert not window.undo_stack.canUndo()
