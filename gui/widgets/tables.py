"""A table view set up the same way everywhere: whole rows, sorting, readable at any scale."""

from __future__ import annotations

from typing import TypeVar, overload

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


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
