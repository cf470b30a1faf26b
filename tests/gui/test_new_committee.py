from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.dialogs.committee_dialog import CommitteeDialog
from gui.mainwindow import MainWindow


def committee_names(window: MainWindow) -> list[str]:
    return [window.committee_combo.itemText(i) for i in range(window.committee_combo.count())]


def test_a_new_committee_is_added_shown_and_undone(window: MainWindow, qtbot: QtBot) -> None:
    window.dialogs.ask_text = lambda *_args: "  Health and Adult Social Care Overview and Scrutiny Committee "
    window.new_committee_action.trigger()
    name = "Health and Adult Social Care Overview and Scrutiny Committee"
    assert name in committee_names(window)
    assert window.committee_combo.currentText() == name
    assert window.year_combo.count() >= 1  # the current municipal year, to start a programme
    assert isinstance(window.open_dialog, CommitteeDialog)  # its details, to fill in
    window.open_dialog.reject()
    assert window.undo_action.text() == f"Undo add committee {name}"
    window.undo_action.trigger()
    assert name not in committee_names(window)
    assert window.committee_combo.currentText() != ""
    window.redo_action.trigger()
    assert name in committee_names(window)


def test_a_duplicate_committee_name_is_explained_and_not_added(
    window: MainWindow, messages: list[str]
) -> None:
    before = committee_names(window)
    window.dialogs.ask_text = lambda *_args: before[0]
    window.new_committee_action.trigger()
    assert committee_names(window) == before
    assert messages and "already a committee" in messages[-1]
    assert not window.undo_stack.canUndo()


def test_cancelling_the_name_adds_nothing(window: MainWindow) -> None:
    before = committee_names(window)
    window.dialogs.ask_text = lambda *_args: None
    window.new_committee_action.trigger()
    assert committee_names(window) == before


def test_an_empty_database_says_how_to_start(
    qtbot: QtBot, sqlite_db, tmp_path  # noqa: ANN001
) -> None:
    from PySide6.QtCore import QSettings

    window = MainWindow(
        sqlite_db, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    assert window.committee_combo.count() == 0
    assert "File ▸ New committee" in window.committee_combo.placeholderText()
    assert window.new_committee_action.isEnabled()


def test_the_year_after_the_newest_programme_is_offered(window: MainWindow) -> None:
    years = window.years()
    assert 2019 in years and 2020 in years  # demo ECSC: 2019 - 20, so 2020 - 21 can be started
