"""Layout a democratic advisor would notice at a common 1280-pixel window width."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_helpers import ECSC, select_committee

from gui.mainwindow import MainWindow


def test_the_committee_combo_shows_the_full_committee_name_at_1280_pixels(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    select_committee(window, ECSC, 2019)
    QApplication.processEvents()
    combo = window.committee_combo
    assert combo.currentText() == ECSC
    # The text area is the combo less its arrow and frame, at most about 40 pixels.
    assert combo.width() - 40 >= combo.fontMetrics().horizontalAdvance(ECSC)
    assert window.year_combo.isVisible()
    year_right = window.year_combo.mapTo(window, window.year_combo.rect().topRight()).x()
    assert year_right <= window.width()  # the year picker still fits beside it
