"""File ▸ Export programme…: the format dialog, and where the Save dialog opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from pytestqt.qtbot import QtBot

from domain.ops.publish import FORMATS
from gui.dialogs.export_dialog import ExportChoice, ExportDialog
from gui.mainwindow import MainWindow


def test_dialog_says_what_each_format_is_for_and_which_to_publish(qtbot: QtBot) -> None:
    dialog = ExportDialog(FORMATS.values(), programme="ECSC, 2019 - 20", initial="ics")
    qtbot.addWidget(dialog)
    dialog.resize(640, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.exempt_warning)))
    assert "Web page (HTML) (.html)" in dialog.buttons["html"].text()
    assert "To publish on the council\u2019s website" in texts
    assert "For printing, use File \u25b8 Save as PDF" in texts
    # What was chosen last time is offered first.
    assert dialog.choice() == ExportChoice("ics", False)
    dialog.buttons["html"].click()
    assert not dialog.exempt_warning.isVisible()
    dialog.exempt_box.click()
    assert dialog.exempt_warning.isVisible() and "NOT FOR PUBLICATION" in dialog.exempt_warning.text()
    assert dialog.choice() == ExportChoice("html", True)


def _export(window: MainWindow, key: str, path: Path) -> tuple[list[tuple], list[str | None]]:
    """Export through the menu, the dialog answering ``key`` and the Save dialog ``path``."""
    asked: list[tuple] = []
    offered: list[str | None] = []

    def choose(_parent: object, formats: object, programme: str, initial: str | None) -> ExportChoice:
        offered.append(initial)
        return ExportChoice(key, False)

    window.dialogs.export_choice = choose  # type: ignore[method-assign]
    window.dialogs.save_file = lambda *args: asked.append(args) or str(path)  # type: ignore[method-assign]
    window.export_action.trigger()
    return asked, offered


def test_export_opens_in_documents_then_in_the_last_folder(
    window_2019: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_2019
    monkeypatch.chdir(tmp_path)  # the folder the program runs in is never offered
    first = tmp_path / "web" / "ecsc.html"
    first.parent.mkdir()
    asked, offered = _export(window, "html", first)
    suggested = Path(asked[0][2])
    assert suggested.is_absolute() and suggested.parent != tmp_path
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert suggested.parent == (Path(documents) if Path(documents).is_dir() else Path.home())
    assert suggested.name == "ECSC work programme 2019 - 20.html"
    assert offered == [None]
    page = first.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Child Exploitation" in page
    message = window.statusBar().currentMessage()
    assert "Wrote 26 items at 5 meetings" in message and str(first) in message

    second = tmp_path / "calendar.ics"
    asked, offered = _export(window, "ics", second)
    assert Path(asked[0][2]) == first.parent / "ECSC work programme 2019 - 20.ics"
    assert offered == ["html"]  # the format used last time
    assert second.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert not window.undo_stack.canUndo()  # saving a file is not an edit


def test_export_to_a_missing_folder_says_so_and_writes_nothing(
    window_2019: MainWindow, tmp_path: Path, messages: list[str]
) -> None:
    _export(window_2019, "html", tmp_path / "gone" / "ecsc.html")
    assert any("does not exist" in m for m in messages)
    assert not (tmp_path / "gone").exists()


def test_save_as_pdf_opens_in_documents_then_where_the_last_file_went(
    qtbot: QtBot, tmp_path: Path, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    from gui.print_output import PrintDialogs
    from gui.settings import WindowState

    starts: list[str] = []

    def answer(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        starts.append(start)
        return str(tmp_path / "saved.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    monkeypatch.chdir(tmp_path)
    dialogs = PrintDialogs(WindowState(QSettings(str(settings_path), QSettings.Format.IniFormat)))
    assert dialogs.save_file_name(None, "ECSC.pdf") == str(tmp_path / "saved.pdf")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(starts[0]) == (Path(documents) if Path(documents).is_dir() else Path.home()) / "ECSC.pdf"
    dialogs.save_file_name(None, "ECSC.pdf")
    assert Path(starts[1]) == tmp_path / "ECSC.pdf"
