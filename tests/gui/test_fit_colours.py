"""One palette for the priority bands: High, Medium and Low have the same colours in the topics
table, the planner, the items to be scheduled and the scoring panel, the band's name is written
beside its colour, and in a dark palette the colours turn dark with light text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from domain import bands
from gui.mainwindow import MainWindow
from gui.models.topics import BAND

BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole


def _colour(value: object) -> str:
    assert value is not None
    return (value.color() if hasattr(value, "color") else QColor(value)).name()  # type: ignore[arg-type]


def _topics_band_cells(window: MainWindow) -> dict[str, tuple[str, str, str]]:
    """Each band's (text, text colour, fill) as the topics table shows it."""
    model = window.topics_view.model
    found = {}
    for row in range(model.rowCount()):
        index = model.index(row, BAND)
        text = index.data()
        if text:
            found[text] = (text, _colour(index.data(FOREGROUND)), _colour(index.data(BACKGROUND)))
    return found


def _planner_band_cells(window: MainWindow) -> dict[str, tuple[str, str, str]]:
    model = window.programme_view.model
    found = {}
    for m in range(model.rowCount()):
        meeting = model.index(m, 0)
        for e in range(model.rowCount(meeting)):
            index = model.index(e, 1, meeting)
            band = (index.data() or "").split(" ", 1)[-1]
            if band and index.data(BACKGROUND) is not None:
                found[band] = (index.data(), _colour(index.data(FOREGROUND)), _colour(index.data(BACKGROUND)))
    return found


def test_high_medium_and_low_look_the_same_in_the_tables_the_planner_and_the_scoring_panel(
    window_2019: MainWindow, qtbot: QtBot
) -> None:
    window = window_2019
    topics = _topics_band_cells(window)
    window.tabs.setCurrentWidget(window.programme_view)
    qtbot.waitUntil(lambda: window.programme_view.model.rowCount(QModelIndex()) > 0)
    planner = _planner_band_cells(window)
    for colours in (bands.HIGH, bands.MEDIUM):  # the demo's 2019-20 topics are High or Medium
        light = colours.light
        assert topics[colours.name] == (colours.name, light.text, light.fill)
        text, ink, fill = planner[colours.name]
        assert text.endswith(colours.name) and (ink, fill) == (light.text, light.fill)
    assert planner["Low"][1:] == (bands.LOW.light.text, bands.LOW.light.fill)

    view = window.topics_view
    window.tabs.setCurrentWidget(view)
    high = next(r for r in view.model.rows() if r.band == "High")
    view.select_topic(high.id)
    panel = view.scoring_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.history.topLevelItemCount() > 0)
    item = panel.history.topLevelItem(0)
    assert item.text(3) == "High"
    assert (item.foreground(3).color().name(), item.background(3).color().name()) == (
        bands.HIGH.light.text, bands.HIGH.light.fill,
    )


@pytest.fixture
def dark_palette(qapp: QApplication) -> Iterator[None]:
    before = QGuiApplication.palette()
    dark = QPalette(before)
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(colour))
    QApplication.setPalette(dark)
    try:
        yield
    finally:
        QApplication.setPalette(before)


def test_in_a_dark_palette_the_bands_turn_dark_and_their_names_stay_readable(
    dark_palette: None, window_2019: MainWindow
) -> None:
    topics = _topics_band_cells(window_2019)
    for colours in (bands.HIGH, bands.MEDIUM):
        _text, ink, fill = topics[colours.name]
        assert (ink, fill) == (colours.dark.text, colours.dark.fill)
        assert bands.contrast(ink, fill) >= bands.AA_CONTRAST
