"""Edit ▸ Council settings…: saved as one undoable step, messages beside the field at fault."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from window_helpers import ConflictAnswers

from domain.db import Database
from domain.settings import DEFAULTS, load_settings, save_settings
from gui.dialogs.settings_dialog import SettingsDialog
from gui.mainwindow import MainWindow


def _open(window: MainWindow) -> SettingsDialog:
    assert window.settings_action.isEnabled()
    window.settings_action.trigger()
    dialog = window.open_dialog
    assert isinstance(dialog, SettingsDialog)
    return dialog


def _saved(window: MainWindow):  # noqa: ANN202
    return window.hub.query(load_settings)


def test_report_days_are_saved_and_undo_restores_them(window: MainWindow, qtbot: QtBot, messages: list[str]) -> None:
    dialog = _open(window)
    assert dialog.report_spin.value() == DEFAULTS.report_days
    dialog.report_spin.setValue(DEFAULTS.report_days + 2)
    dialog.closures_edit.setPlainText("27/12/2019\n30 December 2019")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and messages == []
    saved = _saved(window)
    assert saved.report_days == DEFAULTS.report_days + 2
    assert saved.extra_closures == (dt.date(2019, 12, 27), dt.date(2019, 12, 30))
    assert window.undo_action.text() == "Undo change council settings"

    window.undo_action.trigger()
    assert _saved(window) == DEFAULTS  # every setting as it was, closures too
    window.redo_action.trigger()
    assert _saved(window) == saved

    dialog = _open(window)  # the dialog shows what is saved
    assert dialog.report_spin.value() == DEFAULTS.report_days + 2
    assert dialog.closures_edit.toPlainText() == "27 December 2019\n30 December 2019"
    dialog.reject()


def test_a_broken_rule_is_shown_beside_its_field_and_nothing_is_saved(
    window: MainWindow, qtbot: QtBot, messages: list[str]
) -> None:
    dialog = _open(window)
    dialog.name_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.messages["council_name"].isVisible()
    assert "council's name" in dialog.messages["council_name"].text()
    assert messages == []  # beside the field, not in a message box
    assert not window.undo_stack.canUndo() and _saved(window) == DEFAULTS

    dialog.name_edit.setText("Plymouth City Council")
    dialog.closures_edit.setPlainText("27/12/2019\nBoxing Day")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.messages["council_name"].isVisible()
    message = dialog.messages["extra_closures"]
    assert message.isVisible() and "Line 2" in message.text() and "Boxing Day" in message.text()
    assert not window.undo_stack.canUndo() and _saved(window) == DEFAULTS
    dialog.reject()


def test_saving_unchanged_settings_adds_no_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open(window)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not window.undo_stack.canUndo()


def test_a_new_year_start_month_offers_the_years_at_once(window: MainWindow, qtbot: QtBot) -> None:
    window.selection.today = lambda: dt.date(2027, 4, 15)  # in 2026 - 27 from May, 2027 - 28 from April
    window.dialogs.ask_text = lambda *_args: "Housing Panel"
    window.new_committee_action.trigger()  # no programme yet: only the current year is offered
    window.open_dialog.reject()
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == ["2026 - 27"]
    assert window.windowTitle() == "Housing Panel — Work Programme 2026 - 27 — Scrutineer"

    dialog = _open(window)
    dialog.month_combo.setCurrentIndex(dialog.month_combo.findData(4))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and _saved(window).year_start_month == 4
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == ["2027 - 28"]
    assert window.year_start == 2027
    assert window.windowTitle() == "Housing Panel — Work Programme 2027 - 28 — Scrutineer"

    window.undo_action.trigger()  # back to May
    assert window.year_combo.currentText() == "2026 - 27"
    assert window.windowTitle() == "Housing Panel — Work Programme 2026 - 27 — Scrutineer"


def test_saving_over_settings_someone_changed_while_the_dialog_was_open_asks(
    window: MainWindow, qtbot: QtBot, demo_db: Database, conflicts: ConflictAnswers
) -> None:
    dialog = _open(window)
    with demo_db.transaction(who="Sam Patel") as s:
        save_settings(s, settings=replace(load_settings(s), clear_days=DEFAULTS.clear_days + 3))
    dialog.report_spin.setValue(DEFAULTS.report_days + 2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert [c.who for c in conflicts.asked] == ["Sam Patel"]
    saved = _saved(window)
    assert (saved.clear_days, saved.report_days) == (DEFAULTS.clear_days + 3, DEFAULTS.report_days)
    assert not window.undo_stack.canUndo()
