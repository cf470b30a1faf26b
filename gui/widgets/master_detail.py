"""What the master-detail pages (Decisions, Reviews) have in common.

Each page is a bar of buttons over a table of rows, a notice of the last action under it, and
below a splitter handle the selected row's detail (or, with nothing selected, a line saying
what to select). Edits are undoable commands pushed through the window's ``push``; dialogs are
opened window-modal, one at a time, and remembered in ``open_dialog`` so tests can drive them.
The main window opens its dialogs, and saves new rows, with the same helpers.

Signals:
    open_topic_requested(int): the user followed a "topic:<id>" link in the detail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from ..hub import Hub

Push = Callable[["QUndoCommand"], "BaseException | None"]
SaveHandler = Callable[[dict[str, Any]], "BaseException | None"]


def page_button(text: str, name: str, tip: str, parent: QWidget) -> QPushButton:
    """A push button named for tests and screen readers that Enter in a table does not press."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.setAutoDefault(False)
    return button


def open_tracked(owner: Any, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> None:
    """Open ``dialog`` window-modal as ``owner.open_dialog`` until it closes; ``on_accept``
    runs when it is accepted."""
    owner.open_dialog = dialog
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(result: int) -> None:
        if owner.open_dialog is dialog:
            owner.open_dialog = None
        if result == QDialog.DialogCode.Accepted and on_accept is not None:
            on_accept()

    dialog.finished.connect(finished)
    dialog.open()


def saving_new(
    push: Push, make: Callable[[dict[str, Any]], QUndoCommand], made: str = "info"
) -> tuple[SaveHandler, list[int]]:
    """A dialog's ``on_save`` that pushes the command ``make`` builds from the form's values,
    and the list that gets the new row's id (the command's ``made`` row) once it is saved, so
    the page can select it when the dialog closes."""
    created: list[int] = []

    def save(fields: dict[str, Any]) -> BaseException | None:
        command = make(fields)
        failed = push(command)
        row = getattr(command, made)
        if failed is None and row is not None:
            created.append(row.id)
        return failed

    return save, created


class MasterDetailPage(QWidget):
    """Base of a page whose table (``table`` over ``model``) selects the row ``_current``.

    Subclasses make ``table`` and ``model``, then call ``_lay_out``, which builds the notice
    and splitter and calls their ``_build_detail`` (which ends with ``_detail_row``); they
    implement ``_show_detail(row | None)``.
    """

    open_topic_requested = Signal(int)

    table: QTableView
    model: Any

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.hub: Hub | None = None
        self._push: Push | None = None
        self.committee_id: int | None = None
        self.year_start: int | None = None
        self.today: dt.date | None = None  # None: the real date; tests may fix it
        self.open_dialog: QDialog | None = None
        self._current: Any = None
        self._filling = False  # True while the page sets its own widgets, so they save nothing
        self.print_dialogs: Any = None  # gui.printing.PrintDialogs, made on first use; tests replace it

    def _lay_out(
        self, bar: QLayout, *, notice_name: str, splitter_name: str, stretch: tuple[int, int], sizes: list[int]
    ) -> None:
        self.notice = QLabel(self)
        self.notice.setObjectName(notice_name)
        self.notice.setAccessibleName("Last action")
        self.notice.setWordWrap(True)
        self.notice.hide()

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.notice)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName(splitter_name)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self._build_detail())
        self.splitter.setStretchFactor(0, stretch[0])
        self.splitter.setStretchFactor(1, stretch[1])
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes(sizes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

    def _build_detail(self) -> QWidget:
        raise NotImplementedError

    def _detail_row(self, detail: QWidget, parts: Sequence[tuple[QWidget, int]], empty_text: str) -> None:
        """Lay ``parts`` (widget, stretch) side by side in ``detail``, with the line shown
        instead of them while nothing is selected."""
        self.empty_detail = QLabel(empty_text, detail)
        self.empty_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout(detail)
        row.setContentsMargins(0, 4, 0, 0)
        for part, part_stretch in parts:
            row.addWidget(part, part_stretch)
        row.addWidget(self.empty_detail)
        self._detail_parts = tuple(part for part, _ in parts)

    def _show_detail_parts(self, shown: bool) -> None:
        for part in self._detail_parts:
            part.setVisible(shown)
        self.empty_detail.setVisible(not shown)

    def _show_detail(self, info: Any) -> None:
        raise NotImplementedError

    # --- data -------------------------------------------------------------------------------

    def attach(self, hub: Hub, push: Push) -> None:
        """Use this hub to read and ``push`` (the window's) to run undoable commands."""
        self.hub = hub
        self._push = push

    def _today(self) -> dt.date:
        return self.today or dt.date.today()

    def _on_table_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._set_current(self.model.row_value(rows[0].row()) if rows else None)

    def _set_current(self, info: Any) -> None:
        self._current = info
        self._show_detail(info)

    def _on_topic_link_activated(self, link: str) -> None:
        if link.startswith("topic:"):
            self.open_topic_requested.emit(int(link.split(":", 1)[1]))

    # --- commands ---------------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> BaseException | None:
        assert self._push is not None
        return self._push(command)

    def _show_dialog(self, dialog: QDialog) -> None:
        open_tracked(self, dialog)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _open_preview(
        self, produce: Callable[[str, bool], Any], *, kinds: Sequence[tuple[str, str]] | None = None, kind: str | None = None
    ) -> QDialog | None:
        """Open the print preview on ``produce``'s documents, ``kind`` first (rendered once),
        from which they can be printed or saved as PDF; None when the first cannot be made."""
        from ..dialogs.print_preview import PrintPreviewDialog
        from ..printing import DOCUMENT_KINDS, PrintDialogs

        if self.print_dialogs is None:
            self.print_dialogs = PrintDialogs()
        dialog = PrintPreviewDialog(
            produce=produce, dialogs=self.print_dialogs, parent=self, kinds=kinds or DOCUMENT_KINDS
        )
        if kind is not None:
            combo = dialog.kind_combo
            combo.blockSignals(True)  # one render, of the document asked for
            combo.setCurrentIndex(combo.findData(kind))
            combo.blockSignals(False)
        if not dialog.reload():
            dialog.deleteLater()
            return None
        self._show_dialog(dialog)
        return dialog
