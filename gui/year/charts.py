"""The Year page's three charts, each with its text alternative: the same figures as a small
table, shown in the chart's place at the press of a button and read by screen readers.

A panel draws one part of :class:`domain.ops.year_view.YearView` and redraws only when that
part's figures (frozen values, compared whole) or the palette have changed. Colour is never
the only cue: an over-capacity bar is labelled in words under it, a band's segment carries its
count and the legend its name, and each kind of date has its own marker shape.

Signals (every panel):
    picked(str, int): the user clicked a bar or mark, or pressed Enter on a table row: the kind
        of thing (a ``domain.ops.year_view`` mark kind) and its id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGraphicsSimpleTextItem,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from domain import bands
from domain.dates import add_months, council_date
from domain.ops.year_view import (
    MARK_KINDS,
    MEETING,
    PUBLICATION,
    REPORT_DEADLINE,
    RESOLUTION,
    REVIEW,
    STAGES,
    BandCount,
    Mark,
    MeetingBar,
    YearView,
)

Ref = tuple[str, int]  # (kind, id) of what a bar, mark or table row stands for


def _x(day: dt.date) -> float:
    """Where a day is on the timeline: its day number (the axis is labelled by month)."""
    return float(day.toordinal())


def _item(text: str, ref: Ref | None = None, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if ref is not None:
        item.setData(Qt.ItemDataRole.UserRole, ref)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class ChartPanel(QFrame):
    """A titled chart that can turn into its table; :meth:`present` draws one value."""

    picked = Signal(str, int)

    title_text = ""
    columns: tuple[str, ...] = ()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(f"<b>{self.title_text}</b>", self)
        self.title.setObjectName(f"{name}.title")
        self.summary = QLabel(self)
        self.summary.setObjectName(f"{name}.summary")
        self.summary.setWordWrap(True)
        self.chart = QChart()
        self.chart.setMargins(self.chart.margins() * 0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart, self)
        self.view.setObjectName(f"{name}.chart")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAccessibleName(f"{self.title_text} chart")
        self.view.setMinimumSize(QSize(260, 160))
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setObjectName(f"{name}.table")
        self.table.setAccessibleName(f"{self.title_text} as a table")
        self.table.setHorizontalHeaderLabels(list(self.columns))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._on_table_activated)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        self.shown: Any = None
        self.colours = bands.CHART_LIGHT
        self._built = False
        self._table_stale = False
        self.draws = 0  # how many times the chart was drawn (tests see what was redrawn)

    # --- drawing -------------------------------------------------------------------------------

    def present(self, value: Any, summary: str, palette: bands.ChartColours) -> bool:
        """Show ``value``; False (nothing redrawn) when it and the palette are as shown.

        The series and axes are made once (and again for a new palette); showing new figures
        puts them into the same series, which is several times quicker than making the chart
        again. The table is filled when it is shown."""
        if value == self.shown and palette == self.colours and self._built:
            return False
        rebuild = palette != self.colours or not self._built
        self.shown, self.colours = value, palette
        self.summary.setText(summary)
        self.view.setAccessibleDescription(summary)
        if rebuild:
            self.clear()
            self._style()
            self.build()
            self._built = True
        self.fill(value)
        self._table_stale = True
        if self.showing_table():
            self._fill_table()
        self.draws += 1
        return True

    def clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def _fill_table(self) -> None:
        self._table_stale = False
        rows = self.rows(self.shown) if self.shown is not None else []
        self.table.setRowCount(0)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, item in enumerate(row):
                self.table.setItem(r, c, item)

    def _style(self) -> None:
        c = self.colours
        self.chart.setTheme(QChart.ChartTheme.ChartThemeDark if c.dark else QChart.ChartTheme.ChartThemeLight)
        self.chart.setBackgroundBrush(QBrush(QColor(c.background)))
        self.chart.legend().setLabelColor(QColor(c.text))
        self.chart.legend().setFont(self._small_font())
        self.view.setBackgroundBrush(QBrush(QColor(c.background)))

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        return font

    def _axis_style(self, *axes: Any) -> None:
        for axis in axes:
            axis.setLabelsFont(self._small_font())
            axis.setLabelsColor(QColor(self.colours.text))
            axis.setGridLineColor(QColor(self.colours.grid))
            axis.setLinePenColor(QColor(self.colours.grid))
            axis.setTitleBrush(QBrush(QColor(self.colours.text)))

    def build(self) -> None:
        """Make the chart's series and axes, in the panel's colours."""

    def fill(self, value: Any) -> None:
        """Put ``value``'s figures into the chart."""
        raise NotImplementedError

    def rows(self, value: Any) -> list[list[QTableWidgetItem]]:
        raise NotImplementedError

    # --- the table and images ------------------------------------------------------------------

    def outline(self, on: bool) -> None:
        """Outline the chart the Copy and Save buttons act on, in the palette's highlight."""
        self.setFrameShape(QFrame.Shape.Box if on else QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setLineWidth(2 if on else 1)
        self.setForegroundRole(QPalette.ColorRole.Highlight if on else QPalette.ColorRole.WindowText)

    def show_table(self, on: bool) -> None:
        if on and self._table_stale:
            self._fill_table()
        self.stack.setCurrentWidget(self.table if on else self.view)

    def showing_table(self) -> bool:
        return self.stack.currentWidget() is self.table

    def focus_widget(self) -> QWidget:
        return self.table if self.showing_table() else self.view

    def image(self) -> QPixmap:
        """The chart as a picture, the size it is on screen (at least 640×360)."""
        size = self.view.size().expandedTo(QSize(640, 360))
        pixmap = QPixmap(size)
        pixmap.fill(QColor(self.colours.background))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._render(painter, size)
        painter.end()
        return pixmap

    def _render(self, painter: QPainter, size: QSize) -> None:
        # The chart is drawn into the target at its size: a chart never shown (its table is)
        # is laid out for that size first.
        old = self.chart.size()
        self.chart.resize(size.width(), size.height())
        self.chart.scene().render(painter, QRectF(0, 0, size.width(), size.height()), self.chart.sceneBoundingRect())
        self.chart.resize(old)

    def save_svg(self, path: str) -> None:
        from PySide6.QtSvg import QSvgGenerator

        size = self.view.size().expandedTo(QSize(640, 360))
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.title_text)
        generator.setDescription(self.summary.text())
        painter = QPainter(generator)
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor(self.colours.background))
        self._render(painter, size)
        painter.end()

    def _on_table_activated(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0)
        ref = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if ref:
            self.picked.emit(ref[0], int(ref[1]))


class LoadChart(ChartPanel):
    """Items booked at each meeting against what it can take: within capacity, over it (in
    the warning colour, and "N too many" written above the bar), and at meetings that have
    taken place; the capacity as a dashed line."""

    title_text = "Load against capacity"
    columns = ("Meeting", "Items", "Capacity", "Load")

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self._bars: tuple[MeetingBar, ...] = ()
        self._notes: list[tuple[QGraphicsSimpleTextItem, int, float]] = []
        self.chart.plotAreaChanged.connect(lambda _area: self._place_notes())

    def build(self) -> None:
        c = self.colours
        self.within = QBarSet("Within capacity")
        self.over = QBarSet("Over capacity")
        self.held = QBarSet("Taken place")
        self.series = QStackedBarSeries()
        for s, colour in ((self.within, c.booked), (self.over, c.over), (self.held, c.held)):
            s.setColor(QColor(colour))
            s.setBorderColor(QColor(colour))
            s.setLabelColor(QColor(bands.ink_on(colour)))
            self.series.append(s)
        self.series.setLabelsVisible(True)
        self.series.setLabelsFormat("@value")
        self.series.setBarWidth(0.6)
        self.series.clicked.connect(self._on_bar_clicked)
        self.series.hovered.connect(self._on_bar_hovered)
        self.chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.y_axis.setTitleText("Items")
        self._axis_style(self.x_axis, self.y_axis)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.line = QLineSeries()
        self.line.setName("Capacity")
        self.line.setPen(QPen(QColor(c.text), 2, Qt.PenStyle.DashLine))
        self.chart.addSeries(self.line)
        self.line.attachAxis(self.x_axis)
        self.line.attachAxis(self.y_axis)

    def fill(self, value: Sequence[MeetingBar]) -> None:
        self._bars = tuple(value)
        for s, counts in (
            (self.within, [0 if b.happened else b.within for b in value]),
            (self.over, [b.excess for b in value]),
            (self.held, [b.items if b.happened else 0 for b in value]),
        ):
            s.remove(0, s.count())
            s.append([float(n) for n in counts])
        self.x_axis.setCategories([self._label(b) for b in value])
        top = max([1, *(b.items for b in value), *(b.capacity or 0 for b in value)])
        self.y_axis.setRange(0, top + 1)
        self.y_axis.setTickInterval(max(1, -(-(top + 1) // 4)))
        points = []
        for i, b in enumerate(value):
            if b.capacity is not None and not b.happened and not b.cancelled:
                points += [QPointF(i - 0.4, b.capacity), QPointF(i + 0.4, b.capacity)]
        self.line.replace(points)
        self._note_over(value)

    def clear(self) -> None:
        self._clear_notes()
        super().clear()

    def _clear_notes(self) -> None:
        for note, _i, _top in self._notes:
            scene = note.scene()
            if scene is not None:
                scene.removeItem(note)
        self._notes = []

    def _note_over(self, value: Sequence[MeetingBar]) -> None:
        """"N too many" in words above each bar over capacity."""
        self._clear_notes()
        font = QFont(self.font())
        font.setBold(True)
        for i, b in enumerate(value):
            if b.over:
                note = QGraphicsSimpleTextItem(f"{b.excess} too many", self.chart)
                note.setFont(font)
                note.setBrush(QBrush(QColor(self.colours.over)))
                self._notes.append((note, i, float(b.items)))
        self._place_notes()

    def _place_notes(self) -> None:
        for note, i, top in self._notes:
            at = self.chart.mapToPosition(QPointF(i, top), self.series)
            box = note.boundingRect()
            note.setPos(at.x() - box.width() / 2, at.y() - box.height() - 2)

    @staticmethod
    def _label(b: MeetingBar) -> str:
        # Axis labels are rich text: the status goes on a second line, where it fits.
        if b.cancelled or b.happened:
            return f"{b.label}<br>{b.status}"
        return b.label

    def rows(self, value: Sequence[MeetingBar]) -> list[list[QTableWidgetItem]]:
        return [
            [
                _item(council_date(b.day), (MEETING, b.meeting_id)),
                _item(str(b.items), number=True),
                _item("no limit" if b.capacity is None else str(b.capacity), number=True),
                _item(b.words),
            ]
            for b in value
        ]

    def _on_bar_clicked(self, index: int, _barset: QBarSet) -> None:
        if 0 <= index < len(self._bars):
            self.picked.emit(MEETING, self._bars[index].meeting_id)

    def _on_bar_hovered(self, status: bool, index: int, _barset: QBarSet) -> None:
        if status and 0 <= index < len(self._bars):
            b = self._bars[index]
            QToolTip.showText(self.cursor().pos(), f"{council_date(b.day)}: {b.words}", self.view)


class SpreadChart(ChartPanel):
    """The year's topics in each priority band at each stage: a bar per stage, a segment per
    band in the band's colour with its count, the band named in the legend."""

    title_text = "Priority spread"
    columns = ("Band", *(title for title, _s in STAGES), "Total")

    def fill(self, value: Sequence[BandCount]) -> None:
        # A band appears or goes with its topics: the few series are made again each time.
        self.clear()
        series = QHorizontalStackedBarSeries()
        for count in value:
            if not count.total:
                continue
            s = QBarSet(count.band)
            swatch = (bands.colours_of(count.band) or bands.UNSCORED).swatch(self.colours.dark)
            s.setColor(QColor(swatch.fill))
            s.setBorderColor(QColor(self.colours.text if count.band == bands.UNSCORED.name else swatch.text))
            s.setLabelColor(QColor(swatch.text))
            s.append([float(n) for n in count.counts])
            series.append(s)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setBarWidth(0.6)
        series.clicked.connect(self._on_bar_clicked)
        self.chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append([title for title, _s in STAGES])
        x = QValueAxis()
        most = max([sum(c.counts[i] for c in value) for i in range(len(STAGES))] + [1])
        x.setRange(0, most)
        x.setLabelFormat("%d")
        x.setTickType(QValueAxis.TickType.TicksDynamic)
        x.setTickInterval(max(1, -(-most // 5)))
        x.setTitleText("Topics")
        self._axis_style(x, y)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        series.attachAxis(y)

    band_picked = Signal(str, int)  # a band, and the index of a stage in STAGES (-1: any)

    def rows(self, value: Sequence[BandCount]) -> list[list[QTableWidgetItem]]:
        return [
            [_item(c.band, ("band", i)), *(_item(str(n), number=True) for n in c.counts), _item(str(c.total), number=True)]
            for i, c in enumerate(value)
        ]

    def _on_bar_clicked(self, index: int, barset: QBarSet) -> None:
        self.band_picked.emit(barset.label(), index)

    def _on_table_activated(self, index: QModelIndex) -> None:
        # A row is a band at every stage; a column of a stage picks that stage.
        stage = index.column() - 1
        self.band_picked.emit(self.shown[index.row()].band, stage if 0 <= stage < len(STAGES) else -1)


_SHAPES = {
    MEETING: QScatterSeries.MarkerShape.MarkerShapeCircle,
    PUBLICATION: QScatterSeries.MarkerShape.MarkerShapeTriangle,
    REPORT_DEADLINE: QScatterSeries.MarkerShape.MarkerShapeRectangle,
    RESOLUTION: QScatterSeries.MarkerShape.MarkerShapeStar,
}
_ROW = {kind: float(len(MARK_KINDS) - i) for i, (kind, _t) in enumerate(MARK_KINDS)}


@dataclass(frozen=True, slots=True)
class Timeline:
    """What the timeline draws: the year's span, today and the marks."""

    begins: dt.date
    ends: dt.date
    today: dt.date
    marks: tuple[Mark, ...]


def timeline_of(view: YearView) -> Timeline:
    return Timeline(view.begins, view.ends, view.today, view.marks)


class TimelineChart(ChartPanel):
    """The municipal year from its first day to its last: a row each for meetings, agenda
    publication, report deadlines, select reviews (a bar from start to report) and
    resolutions' target dates, and a line at today."""

    title_text = "Timeline of the year"
    columns = ("Date", "What")

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.view.setMinimumHeight(210)  # five rows of marks, their names readable
        self._marks: dict[str, list[Mark]] = {}
        self._reviews: list[Mark] = []
        self._spans: list[QLineSeries] = []
        self._months: tuple[dt.date, dt.date] | None = None

    def build(self) -> None:
        c = self.colours
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis = QCategoryAxis()
        self.y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis.setStartValue(0.4)
        for kind, title in reversed(MARK_KINDS):  # a category axis takes its values rising
            self.y_axis.append(title, _ROW[kind])
        self.y_axis.setRange(0.4, len(MARK_KINDS) + 0.6)
        self._axis_style(self.x_axis, self.y_axis)
        self.y_axis.setGridLineVisible(False)
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self._months = None
        colour = {MEETING: c.booked, PUBLICATION: c.text, REPORT_DEADLINE: c.over, RESOLUTION: c.target}
        self.dots: dict[str, QScatterSeries] = {}
        for kind, title in MARK_KINDS:
            if kind == REVIEW:
                continue
            dots = QScatterSeries()
            dots.setName(title)
            dots.setMarkerShape(_SHAPES[kind])
            dots.setMarkerSize(11 if kind != RESOLUTION else 14)
            dots.setColor(QColor(colour[kind]))
            dots.setBorderColor(QColor(c.background))
            dots.clicked.connect(lambda point, k=kind: self._on_mark_clicked(k, point))
            dots.hovered.connect(lambda point, state, k=kind: self._on_mark_hovered(k, point, state))
            self._add(dots)
            self.dots[kind] = dots
        self._spans = []
        self.today_line = QLineSeries()
        self.today_line.setPen(QPen(QColor(c.today), 2, Qt.PenStyle.DashLine))
        self._add(self.today_line)

    def fill(self, value: Timeline) -> None:
        if self._months != (value.begins, value.ends):
            self._label_months(value.begins, value.ends)
        self._marks = {kind: [m for m in value.marks if m.kind == kind] for kind in self.dots}
        for kind, dots in self.dots.items():
            dots.replace([QPointF(_x(m.day), _ROW[kind]) for m in self._marks[kind]])
        self._reviews = [m for m in value.marks if m.kind == REVIEW]
        while len(self._spans) < len(self._reviews):
            self._spans.append(self._new_span(len(self._spans)))
        last = value.ends - dt.timedelta(days=1)
        for i, span in enumerate(self._spans):
            if i < len(self._reviews):
                m = self._reviews[i]
                row = _ROW[REVIEW] + 0.3 * ((i % 3) - 1)
                span.replace([QPointF(_x(max(m.day, value.begins)), row), QPointF(_x(min(m.end or m.day, last)), row)])
            else:
                span.clear()
        shown = value.begins <= value.today < value.ends
        self.today_line.setName(f"Today, {council_date(value.today)}" if shown else "Today (not in this year)")
        self.today_line.replace(
            [QPointF(_x(value.today), 0.4), QPointF(_x(value.today), len(MARK_KINDS) + 0.6)] if shown else []
        )

    def _label_months(self, begins: dt.date, ends: dt.date) -> None:
        for label in self.x_axis.categoriesLabels():
            self.x_axis.remove(label)
        first = _x(begins) - 1.0  # the first month's label shows too
        self.x_axis.setStartValue(first)
        month = begins.replace(day=1)
        while month < ends:
            self.x_axis.append(f"{month:%b} {month:%y}", _x(month))
            month = add_months(month, 1)
        self.x_axis.setRange(first, _x(ends))
        self._months = (begins, ends)

    def _new_span(self, i: int) -> QLineSeries:
        span = QLineSeries()
        span.setName("Select reviews" if i == 0 else "")
        span.setPen(QPen(QColor(self.colours.booked), 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        span.clicked.connect(lambda _p: self.picked.emit(REVIEW, self._reviews[i].ref_id) if i < len(self._reviews) else None)
        span.hovered.connect(lambda _p, state: self._tip(self._reviews[i], state) if i < len(self._reviews) else None)
        self._add(span)
        if i:
            for marker in self.chart.legend().markers(span):
                marker.setVisible(False)  # one legend entry for all the reviews
        return span

    def _add(self, series: Any) -> None:
        self.chart.addSeries(series)
        series.attachAxis(self.x_axis)
        series.attachAxis(self.y_axis)

    def rows(self, value: Timeline) -> list[list[QTableWidgetItem]]:
        dated: list[tuple[dt.date, int, list[QTableWidgetItem]]] = []
        for m in value.marks:
            when = council_date(m.day)
            what = m.label
            if m.kind == REVIEW:
                when += " – " + ("still going on" if m.ongoing else council_date(m.end or m.day))
                what = f"Select review: {m.label}"
            kind = MEETING if m.kind in (PUBLICATION, REPORT_DEADLINE) else m.kind
            dated.append((m.day, 1, [_item(when, (kind, m.ref_id)), _item(what)]))
        if value.begins <= value.today < value.ends:
            dated.append((value.today, 0, [_item(council_date(value.today)), _item("Today")]))
        return [row for _d, _o, row in sorted(dated, key=lambda d: (d[0], d[1]))]

    def _nearest(self, kind: str, point: QPointF) -> Mark | None:
        marks = self._marks.get(kind, [])
        if not marks:
            return None
        return min(marks, key=lambda m: abs(_x(m.day) - point.x()))

    def _on_mark_clicked(self, kind: str, point: QPointF) -> None:
        mark = self._nearest(kind, point)
        if mark is not None:
            self.picked.emit(MEETING if kind in (PUBLICATION, REPORT_DEADLINE) else kind, mark.ref_id)

    def _on_mark_hovered(self, kind: str, point: QPointF, state: bool) -> None:
        mark = self._nearest(kind, point)
        if mark is not None:
            self._tip(mark, state)

    def _tip(self, mark: Mark, state: bool) -> None:
        if state:
            QToolTip.showText(self.cursor().pos(), f"{council_date(mark.day)}: {mark.label}", self.view)


