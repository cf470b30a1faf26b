"""A table view set up the same way everywhere: whole rows, sorting, readable at any scale."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar, overload

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QTreeView, QWidget


class EnterTable(QTableView):
    """Enter on a row opens it for editing (QTableView would start an in-place edit)."""

    activated_by_key = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit()
            return
        super().keyPressEvent(event)


TableT = TypeVar("TableT", bound=QTableView)


@overload
def make_table(name: str, accessible_name: str, parent: QWidget | None = None) -> QTableView: ...
@overload
def make_table(
    name: str, accessible_name: str, parent: QWidget | None = None, *, cls: type[TableT]
) -> TableT: ...
def make_table(
    name: str,
    accessible_name: str,
    parent: QWidget | None = None,
    cls: type[QTableView] = QTableView,
) -> QTableView:
    table = cls(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table, as keyboard users expect
    vertical = table.verticalHeader()
    vertical.hide()
    # Fixed row heights from the font: no per-row measuring, so 30,000 rows stay quick and
    # rows grow with the scale factor.
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setObjectName(f"{name}.header")
    header.setHighlightSections(False)
    header.setSectionsMovable(True)
    header.setStretchLastSection(True)
    return table


class ColumnShares(QObject):
    """Keeps a view's columns inside its width, so no column hides past the right edge.

    ``shares`` gives each column (weight, a typical text): every column gets at least the width
    of its heading and of that text, and the room left over is shared by weight. It is
    worked out again whenever the view changes width; a column the user drags keeps its width
    until then. Cells too narrow for their text are elided by the view (the model gives the
    whole text as a tooltip where it matters).
    """

    def __init__(self, view: QTableView | QTreeView, shares: Sequence[tuple[int, str]]) -> None:
        super().__init__(view)
        self._view = view
        self._shares = tuple(shares)
        self._width = -1
        header = self._header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.viewport().installEventFilter(self)

    def _header(self) -> QHeaderView:
        view = self._view
        return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()

    def least_width(self) -> int:
        """The width all columns need, headings and least widths together."""
        header = self._header()
        return sum(self._least(header, i) for i in self._shown(header))

    def _shown(self, header: QHeaderView) -> list[int]:
        return [i for i in range(min(header.count(), len(self._shares))) if not header.isSectionHidden(i)]

    def _least(self, header: QHeaderView, column: int) -> int:
        metrics = header.fontMetrics()
        title = str(header.model().headerData(column, Qt.Orientation.Horizontal) or "") if header.model() else ""
        style = header.style()
        heading = (
            metrics.horizontalAdvance(title)
            + 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
            + style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)  # sort arrow
        )
        cell = self._view.fontMetrics().horizontalAdvance(self._shares[column][1]) + 2 * 6  # cell margins
        return max(heading, cell)

    def apply(self) -> None:
        header = self._header()
        room = self._view.viewport().width()
        shown = self._shown(header)
        if room <= 0 or not shown:
            return
        least = {i: self._least(header, i) for i in shown}
        extra = max(0, room - sum(least.values()))
        weights = sum(self._shares[i][0] for i in shown) or 1
        given = 0
        for n, i in enumerate(shown):
            width = least[i] + extra * self._shares[i][0] // weights
            if n == len(shown) - 1 and extra:
                width = room - given  # the rounding left over goes to the last column
            header.resizeSection(i, width)
            given += width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._view.viewport().width() != self._width:
            self._width = self._view.viewport().width()
            self.apply()
        return False
