"""The Year page: the shape of a committee's municipal year at a glance.

Three charts drawn from one read model (:func:`domain.ops.year_view.year_view`): each
meeting's load against its capacity, the priority spread of the year's topics, and a timeline
of the year's dates. Clicking a bar or mark (or pressing Enter on a row of a chart's table)
asks to show that meeting, review, resolution or band on its own page. "Show as tables" puts
each chart's figures in its place as a table; the chart last clicked or focused can be copied
or saved as PNG or SVG.

When data changes the page reads the model again and redraws only the charts whose figures
changed; a change of palette (light or dark) redraws all three in the new colours.

Signals:
    meeting_picked(int): show this meeting on the Programme page.
    review_picked(int): show this review on the Reviews page.
    decision_picked(int): show this resolution on the Decisions page.
    band_picked(str, tuple): show the topics of this band (and of the stage's statuses, if
        any) on the Topics page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from domain.bands import chart_colours

from .. import errors
from ..models import labels
from .charts import ChartPanel, LoadChart, SpreadChart, TimelineChart, timeline_of

if TYPE_CHECKING:
    from domain.ops.year_view import YearView

    from ..hub import Hub
    from ..settings import WindowState

IMAGE_FILTERS = "PNG image (*.png);;SVG drawing (*.svg)"
TABLES_KEY = "year.tables"  # window state: the page shows its tables instead of its charts


class ChartFiles:
    """Where a chart is saved: one seam, so tests can answer without a file dialog."""

    def __init__(self, state: WindowState | None = None) -> None:
        self.state = state

    def save_file_name(self, parent: QWidget, suggested: str) -> str | None:
        from ..save_folder import remember_folder, start_folder

        start = str(start_folder(self.state) / suggested)
        name, chosen = QFileDialog.getSaveFileName(parent, "Save chart", start, IMAGE_FILTERS)
        if not name:
            return None
        if self.state is not None:
            remember_folder(self.state, Path(name))
        if Path(name).suffix.lower() not in (".png", ".svg"):
            name += ".svg" if chosen.startswith("SVG") else ".png"
        return name

    def message(self, parent: QWidget, title: str, text: str) -> None:
        errors.show_message(parent, title, text)


class YearPage(QWidget):
    meeting_picked = Signal(int)
    review_picked = Signal(int)
    decision_picked = Signal(int)
    band_picked = Signal(str, tuple)

    def __init__(self, parent: QWidget | None = None, state: WindowState | None = None) -> None:
        """``state`` keeps the folder a chart was last saved in."""
        super().__init__(parent)
        self.setObjectName("yearPage")
        self.hub: Hub | None = None
        self.files = ChartFiles(state)
        self.today: Callable[[], dt.date] = dt.date.today
        self.committee_id: int | None = None
        self.year_start: int | None = None
        self.view: YearView | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("yearHeading")
        self.tables_button = QPushButton("Show as ta&bles", self)
        self.tables_button.setObjectName("showTables")
        self.tables_button.setCheckable(True)
        self.tables_button.setToolTip("Show each chart's figures as a table in its place (and back)")
        self.copy_button = QPushButton("Copy c&hart", self)
        self.copy_button.setObjectName("copyChart")
        self.copy_button.setToolTip("Copy the outlined chart as a picture")
        self.save_button = QPushButton("&Save chart…", self)
        self.save_button.setObjectName("saveChart")
        self.save_button.setToolTip("Save the outlined chart as a PNG picture or an SVG drawing")

        self.load_chart = LoadChart("loadChart", self)
        self.spread_chart = SpreadChart("spreadChart", self)
        self.timeline_chart = TimelineChart("timelineChart", self)
        self.panels: tuple[ChartPanel, ...] = (self.load_chart, self.spread_chart, self.timeline_chart)
        self.current: ChartPanel = self.load_chart

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        for button in (self.tables_button, self.copy_button, self.save_button):
            top.addWidget(button)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.setObjectName("yearUpper")
        upper.setChildrenCollapsible(False)
        upper.addWidget(self.load_chart)
        upper.addWidget(self.spread_chart)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("yearSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.timeline_chart)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self.tables_button.toggled.connect(self._on_tables_button_toggled)
        self.copy_button.clicked.connect(self.copy_chart)
        self.save_button.clicked.connect(self.save_chart)
        for panel in self.panels:
            panel.picked.connect(self._on_panel_picked)
            for widget in (panel.view, panel.table):
                widget.installEventFilter(self)
            QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), panel.view, self.copy_chart,
                      Qt.ShortcutContext.WidgetShortcut)
        self.spread_chart.band_picked.connect(self._on_spread_chart_band_picked)
        self._outline()
        self._state = state
        if state is not None and state.int(TABLES_KEY):
            self.tables_button.setChecked(True)  # someone who reads the tables gets them again

    # --- data ----------------------------------------------------------------------------------

    def attach(self, hub: Hub) -> None:
        self.hub = hub

    def load(self, *, committee_id: int, year_start: int) -> None:
        """Read the committee's year and redraw the charts whose figures changed."""
        from domain.ops.year_view import year_view

        if self.hub is None:
            return
        self.committee_id, self.year_start = committee_id, year_start
        self.set_year_view(
            self.hub.query(year_view, committee_id=committee_id, year_start=year_start, today=self.today())
        )

    def set_year_view(self, view: YearView) -> list[str]:
        """Show ``view``; the names of the charts redrawn."""
        self.view = view
        self.heading.setText(f"<b>{escape(view.committee_name)}</b> — the year {labels.year_label(view.year_start)}")
        palette = chart_colours(labels.dark_mode())
        drawn = []
        if self.load_chart.present(view.loads, view.load_summary, palette):
            drawn.append("load")
        if self.spread_chart.present(view.bands, view.band_summary, palette):
            drawn.append("spread")
        if self.timeline_chart.present(timeline_of(view), view.timeline_summary, palette):
            drawn.append("timeline")
        return drawn

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.view is not None:
            self.set_year_view(self.view)  # light or dark: every chart in the new colours

    # --- the current chart ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            for panel in self.panels:
                if watched in (panel.view, panel.table) and panel is not self.current:
                    self.current = panel
                    self._outline()
        return False

    def _outline(self) -> None:
        for panel in self.panels:
            panel.outline(panel is self.current)
        self.copy_button.setToolTip(f"Copy the {self.current.title_text.lower()} chart as a picture")
        self.save_button.setToolTip(f"Save the {self.current.title_text.lower()} chart as a PNG picture or an SVG drawing")

    def set_current(self, panel: ChartPanel) -> None:
        self.current = panel
        self._outline()

    def copy_chart(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.current.image())

    def save_chart(self) -> str | None:
        """Ask where, then write the current chart as PNG or SVG; the path written, or None."""
        suggested = self._file_stem() + ".png"
        name = self.files.save_file_name(self, suggested)
        if not name:
            return None
        try:
            if name.lower().endswith(".svg"):
                self._write_svg(name)
            elif not self.current.image().save(name, "PNG"):
                raise OSError(f"the picture could not be written to {name}")
        except OSError as exc:
            self.files.message(
                self, "Save chart",
                f"Could not save {name}: {exc.strerror or exc}. Choose another folder or name; any "
                "existing file there was not changed.",
            )  # fmt: skip
            return None
        return name

    def _write_svg(self, name: str) -> None:
        import tempfile

        from domain.files import write_atomically

        with tempfile.TemporaryDirectory() as folder:
            scratch = str(Path(folder) / "chart.svg")
            self.current.save_svg(scratch)
            data = Path(scratch).read_bytes()
        if not data:
            raise OSError("the drawing came out empty")
        write_atomically(name, data)

    def _file_stem(self) -> str:
        """'ECSC-2019-20-load-against-capacity', as a printed programme's file is named."""
        from domain.words import slug
        from domain.years import short_year_label

        view = self.view
        what = slug(self.current.title_text.lower())
        if view is None:
            return what
        who = slug(view.committee_short_name or view.committee_name)
        return f"{who}-{short_year_label(view.year_start).replace('/', '-')}-{what}"

    # --- slots ---------------------------------------------------------------------------------

    def _on_tables_button_toggled(self, on: bool) -> None:
        if self._state is not None:
            self._state.set_int(TABLES_KEY, int(on))
        had_focus = self.current.focus_widget().hasFocus()
        for panel in self.panels:
            panel.show_table(on)
        if had_focus:
            self.current.focus_widget().setFocus()

    def _on_panel_picked(self, kind: str, ref: int) -> None:
        from domain.ops.year_view import MEETING, RESOLUTION, REVIEW

        if kind == MEETING:
            self.meeting_picked.emit(ref)
        elif kind == REVIEW:
            self.review_picked.emit(ref)
        elif kind == RESOLUTION:
            self.decision_picked.emit(ref)

    def _on_spread_chart_band_picked(self, band: str, stage: int) -> None:
        from domain.values import STAGES

        self.band_picked.emit(band, STAGES[stage][1] if 0 <= stage < len(STAGES) else ())
