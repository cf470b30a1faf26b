"""The Year page: three charts of the committee's year, each with its table; a click (or Enter
on a row) shows the meeting, resolution or band on its own page; copy and save; light and
dark; and after an edit only the charts whose figures changed are drawn again."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCharts import QStackedBarSeries
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from domain import bands
from domain.ops import decisions, topics
from gui.mainwindow import MainWindow
from gui.year.page import ChartFiles, YearPage

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from screenshots import dark_palette  # noqa: E402  # the pictures' dark palette

SEPT_2 = dt.date(2019, 9, 2)
NOV_13 = dt.date(2019, 11, 13)


class FakeFiles(ChartFiles):
    def __init__(self, answer: str | None) -> None:
        super().__init__()
        self.answer = answer
        self.suggested: list[str] = []
        self.messages: list[str] = []

    def save_file_name(self, parent: QWidget, suggested: str) -> str | None:
        self.suggested.append(suggested)
        return self.answer

    def message(self, parent: QWidget, title: str, text: str) -> None:
        self.messages.append(text)


@pytest.fixture
def page(window: MainWindow) -> YearPage:
    year: YearPage = window.pages["year"]  # type: ignore[assignment]
    year.today = lambda: SEPT_2
    window.pages.tabs.setCurrentWidget(year)
    window.reload_page("year")
    return year


def _rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_view_menu_opens_the_year_page_beside_programme(window: MainWindow, qtbot: QtBot) -> None:
    action = next(a for a in window.page_actions if a.objectName() == "page.year")
    assert action.text() == "Ye&ar" and action.shortcut().toString() == "Ctrl+6"
    # The other pages keep their shortcuts.
    keys = {a.objectName(): a.shortcut().toString() for a in window.page_actions}
    assert keys["page.meetings"] == "Ctrl+3" and keys["page.decisions"] == "Ctrl+5"
    action.trigger()
    page = window.tabs.currentWidget()
    assert isinstance(page, YearPage)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Ye&ar"
    assert window.tabs.indexOf(page) == window.tabs.indexOf(window.programme_view) + 1
    assert "Education and Children" in page.heading.text()
    assert page.load_chart.chart.axes(Qt.Orientation.Horizontal)[0].count() == 5  # a bar a meeting


def test_the_pages_mnemonics_are_its_own(window: MainWindow, page: YearPage) -> None:
    """Alt+letter on the Year page reaches one thing: no button shares its letter with a
    menu, a tab, the pickers or another button."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    window.show()

    def letters(texts: list[str]) -> list[str]:
        return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]

    mine = letters([b.text() for b in (page.tables_button, page.copy_button, page.save_button)])
    year_tab = letters([window.tabs.tabText(window.tabs.indexOf(page))])
    others = letters(
        [a.text() for a in window.menuBar().actions()]
        + [window.tabs.tabText(i) for i in range(window.tabs.count()) if window.tabs.widget(i) is not page]
        + [w.text() for w in window.findChildren(QLabel) if w.isVisible() and w.buddy() is not None]
        + [w.text() for w in window.findChildren(QAbstractButton) if w.isVisible() and not page.isAncestorOf(w)]
    )
    assert mine == ["b", "h", "s"] and year_tab == ["a"]
    assert not set(mine + year_tab) & set(others), sorted(others)


def test_the_load_chart_says_in_words_which_meeting_has_too_many(page: YearPage) -> None:
    assert page.load_chart.summary.text() == "5 meetings; 1 over capacity: 13 Nov."
    page.tables_button.setChecked(True)
    rows = _rows(page.load_chart.table)
    assert rows[2] == ["13 Nov 2019", "7", "6", "7 of 6 items (1 too many) — over capacity"]
    assert rows[0][3] == "6 items (held)"
    notes = [n.text() for n, _i, _t in page.load_chart._notes]
    assert notes == ["1 too many"]
    over = page.load_chart.chart.series()[0].barSets()[1]
    assert over.label() == "Over capacity"
    assert over.color() == QColor(bands.CHART_LIGHT.over)
    assert [over.at(i) for i in range(over.count())] == [0, 0, 1, 0, 0]


def test_clicking_a_bar_selects_its_meeting_on_the_programme_page(
    window: MainWindow, page: YearPage, qtbot: QtBot
) -> None:
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the chart takes the view's size
    chart = page.load_chart.chart
    series = next(s for s in chart.series() if isinstance(s, QStackedBarSeries))
    point = chart.mapToPosition(QPointF(2, 3), series)  # the middle of the 13 Nov bar
    at = page.load_chart.view.mapFromScene(chart.mapToScene(point))
    qtbot.mouseClick(page.load_chart.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert window.tabs.currentWidget() is window.programme_view
    meeting = window.programme_view.current_meeting()
    assert meeting is not None and meeting.starts_at.date() == NOV_13


def test_the_tables_work_from_the_keyboard_and_lead_to_the_row(
    window: MainWindow, page: YearPage, qtbot: QtBot
) -> None:
    window.show()
    qtbot.waitExposed(window)
    page.tables_button.setFocus()
    qtbot.keyClick(page.tables_button, Qt.Key.Key_Space)
    assert page.tables_button.isChecked()
    assert all(p.showing_table() for p in page.panels)
    table = page.timeline_chart.table
    row = next(r for r, cells in enumerate(_rows(table)) if cells[1].startswith("Minute 15: Fair Funding"))
    table.setFocus()
    table.setCurrentCell(row, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.decisions_view
    current = window.decisions_view.current_decision()
    assert current is not None and current.title == "Fair Funding for Schools"

    window.topics_view.filter_edit.setText("zzz")  # a search left in the Find box
    window.pages.tabs.setCurrentWidget(page)
    spread = page.spread_chart.table
    unscored = next(r for r, cells in enumerate(_rows(spread)) if cells[0] == "Not scored")
    spread.setFocus()
    spread.setCurrentCell(unscored, 2)  # the Scheduled column: scheduled and done topics
    qtbot.keyClick(spread, Qt.Key.Key_Enter)
    view = window.topics_view
    assert window.tabs.currentWidget() is view
    assert view.filter_edit.text() == ""
    assert (view.band_combo.currentText(), view.status_combo.currentText()) == ("Not scored", "Scheduled or done")
    shown = view.model.shown_rows()
    wanted = [t for t in topics_of(window) if t.band is None and t.status in ("scheduled", "done")]
    assert sorted(r.id for r in shown) == sorted(t.id for t in wanted)
    assert {r.status for r in shown} == {"scheduled", "done"}
    assert spread.item(unscored, 2).text() == str(len(shown)) == "8"  # as many as the chart counted


def test_after_an_edit_only_the_charts_it_changes_are_drawn_again(window: MainWindow, page: YearPage) -> None:
    assert window.hub is not None
    before = [p.draws for p in page.panels]
    waiting = next(t for t in topics_of(window) if t.status == "to_be_scheduled")
    window.hub.run(topics.update_topic, topic_id=waiting.id, status="not_pursued", status_reason="Done by Cabinet")
    after_topic = [p.draws for p in page.panels]
    assert after_topic == [before[0], before[1] + 1, before[2]]
    page.tables_button.setChecked(True)
    assert page.spread_chart.table.item(4, 3).text() == "1"  # Not scored, Not pursued
    cid = window.committee_id
    assert cid is not None
    window.hub.run(
        decisions.create_decision, committee_id=cid, title="Report back on school meals",
        meeting_date=dt.date(2019, 9, 11), minute_no="30", target_date=dt.date(2020, 1, 15),
    )  # fmt: skip
    assert [p.draws for p in page.panels] == [after_topic[0], after_topic[1], after_topic[2] + 1]
    assert any("school meals" in cells[1] for cells in _rows(page.timeline_chart.table))


def topics_of(window: MainWindow) -> list[topics.TopicRow]:  # type: ignore[name-defined]
    return window.query(topics.list_topics, committee_id=window.committee_id, year_start=window.year_start)


def test_copy_and_save_the_outlined_chart_as_png_and_svg(page: YearPage, qtbot: QtBot, tmp_path: Path) -> None:
    page.set_current(page.timeline_chart)
    page.copy_button.click()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() >= 640 and image.height() >= 360
    png = tmp_path / "timeline.png"
    page.files = FakeFiles(str(png))
    assert page.save_chart() == str(png)
    assert page.files.suggested == ["ECSC-2019-20-timeline-of-the-year.png"]
    assert QImage(str(png)).width() >= 640
    svg = tmp_path / "timeline.svg"
    page.files = FakeFiles(str(svg))
    assert page.save_chart() == str(svg)
    text = svg.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "Timeline of the year" in text


def test_a_chart_that_cannot_be_saved_says_where_and_leaves_no_file(page: YearPage, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "load.png"
    files = FakeFiles(str(target))
    page.files = files
    assert page.save_chart() is None
    assert not target.exists()
    assert files.messages and str(target) in files.messages[0]


def test_a_dark_palette_redraws_every_chart_in_dark_colours(page: YearPage, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    dark = dark_palette(light)
    before = [p.draws for p in page.panels]
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: [p.draws for p in page.panels] == [n + 1 for n in before])
        for panel in page.panels:
            assert panel.chart.backgroundBrush().color() == QColor(bands.CHART_DARK.background)
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: page.load_chart.chart.backgroundBrush().color() == QColor(bands.CHART_LIGHT.background))


def test_the_print_preview_puts_the_load_chart_on_the_first_page_when_ticked(
    window: MainWindow, qtbot: QtBot
) -> None:
    import io

    from pypdf import PdfReader

    from gui.printing import controller_of

    def first_page(data: bytes) -> str:
        return PdfReader(io.BytesIO(data)).pages[0].extract_text()

    window.findChild(QAction, "printPreview").trigger()
    controller = controller_of(window)
    assert controller is not None and controller.preview is not None
    dialog = controller.preview
    assert dialog.chart_check.isEnabled() and not dialog.chart_check.isChecked()
    assert "Load against capacity" not in first_page(dialog.pdf.data)
    pages = dialog.page_count()
    qtbot.keyClick(dialog.chart_check, Qt.Key.Key_Space)
    assert dialog.chart_check.isChecked()
    assert "Load against capacity" in first_page(dialog.pdf.data)
    assert dialog.page_count() >= pages
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("decisions"))
    assert not dialog.chart_check.isEnabled()
    assert "Load against capacity" not in first_page(dialog.pdf.data)
    dialog.close()


def test_showing_the_tables_is_kept_for_next_time(window: MainWindow, page: YearPage, qtbot: QtBot) -> None:
    page.tables_button.click()
    again = YearPage(None, window.window_state)
    qtbot.addWidget(again)
    assert again.tables_button.isChecked() and all(p.showing_table() for p in again.panels)
    page.tables_button.click()
    later = YearPage(None, window.window_state)
    qtbot.addWidget(later)
    assert not later.tables_button.isChecked() and not later.load_chart.showing_table()
