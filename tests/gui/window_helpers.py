"""Helpers shared by the main window tests."""

from __future__ import annotations

from gui.mainwindow import MainWindow

ECSC = "Education and Children's Social Care Overview and Scrutiny Committee"


def select_committee(window: MainWindow, name: str, year: int | None = None) -> None:
    index = window.committee_combo.findText(name)
    assert index >= 0, name
    window.committee_combo.setCurrentIndex(index)
    if year is not None:
        window.year_combo.setCurrentIndex(window.year_combo.findData(year))


def table_titles(window: MainWindow) -> list[str]:
    model = window.topics_view.proxy
    return [model.index(r, 0).data() for r in range(model.rowCount())]
