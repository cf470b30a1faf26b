"""A meeting's own papers from the window: the Meetings page's action and the planner's
context menu open the print preview on the meeting's scrutiny items and report deadline."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.dialogs.print_preview import PrintPreviewDialog
from gui.mainwindow import MainWindow
from gui.print_output import PrintDialogs
from gui.printing import MEETING_BRIEFING, controller_of

SEPT = dt.date(2019, 9, 11)


class SaveTo(PrintDialogs):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.suggested: list[str] = []

    def save_file_name(self, parent: QWidget | None, suggested: str) -> str | None:
        self.suggested.append(suggested)
        return str(self.path)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def select_meeting(window: MainWindow, day: dt.date) -> int:
    view = window.meetings_view
    window.tabs.setCurrentWidget(view)
    meeting = next(m for m in view.model.shown_rows() if m.starts_at.date() == day)
    assert view.select_meeting(meeting.id)
    return meeting.id


def test_the_meetings_page_prints_the_selected_meetings_papers(
    window_2019: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window = window_2019
    controller = controller_of(window)
    assert controller is not None
    controller.dialogs = dialogs = SaveTo(tmp_path / "papers.pdf")
    window.tabs.setCurrentWidget(window.meetings_view)
    assert not window.print_meeting_action.isEnabled()
    select_meeting(window, SEPT)
    assert window.print_meeting_action.isEnabled()
    # Offered on the page's buttons and on the table's context menu.
    assert window.print_meeting_action in window.meetings_view.table.actions()
    assert window.meetings_view.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    window.print_meeting_action.trigger()
    preview = controller.preview
    assert isinstance(preview, PrintPreviewDialog)
    assert preview.pdf is not None
    text = pdf_text(preview.pdf.data)
    assert "Scrutiny items for the meeting of 11 September 2019" in text
    assert "Child Exploitation" in text and "Report deadline" in text
    assert preview.page_count() == 1

    preview.kind_combo.setCurrentIndex(preview.kind_combo.findData(MEETING_BRIEFING))
    assert "Forward look: the next 3 meetings" in pdf_text(preview.pdf.data)
    assert preview.save_document() == str(tmp_path / "papers.pdf")
    assert dialogs.suggested == ["ECSC-2019-09-11-chairs-briefing.pdf"]
    assert "Forward look" in pdf_text((tmp_path / "papers.pdf").read_bytes())
    preview.close()


def test_the_planner_offers_a_meetings_papers_on_its_context_menu(window_2019: MainWindow) -> None:
    window = window_2019
    planner = window.programme_view
    window.tabs.setCurrentWidget(planner)
    meeting_id = select_meeting(window, dt.date(2019, 11, 13))
    window.tabs.setCurrentWidget(planner)
    index = planner.model.meeting_index(meeting_id)
    planner.tree.scrollTo(index)
    planner.tree.customContextMenuRequested.emit(planner.tree.visualRect(index).center())
    menu = QApplication.activePopupWidget()
    assert menu is not None
    assert planner.print_papers_action in menu.actions()
    menu.close()
    assert planner.current_meeting() is not None
    preview = planner.print_meeting_papers()
    assert isinstance(preview, PrintPreviewDialog)
    assert preview.pdf is not None
    assert "Scrutiny items for the meeting of 13 November 2019" in pdf_text(preview.pdf.data)
    preview.close()
