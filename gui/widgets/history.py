"""The History of the row selected on a page: who changed what, and when, newest first.

A heading that folds the list away (folded, nothing is read) over a short list, one change a
line: "Sam Patel · 29 Nov 2026 14:05 · title 'A' → 'B'". It follows the page's selection
(``show_row``) and reads again when the page reloads (``reload``); whether it is open is kept
with the page's other state (``saveState``/``restoreState``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QToolButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from domain.ops.history import HistoryEntry

    from ..hub import Hub

SHOWN = 50  # the newest changes; Edit ▸ History has the rest
LINES = 6  # the list's height, in lines


def entry_line(entry: HistoryEntry, *, thing: bool = False) -> str:
    """One change in a line: who · when · what (``thing``: naming the row changed)."""
    what = entry.what() if thing else entry.change()
    return f"{entry.who} · {entry.when()} · {what}"


def entry_tip(entry: HistoryEntry) -> str:
    """The change in full, for a tooltip: the action it was part of, values uncut."""
    lines = [f"{entry.action} — {entry.who}, {entry.when()}", entry.thing]
    if entry.field:
        lines += [f"{entry.field} before: {entry.before}", f"{entry.field} after: {entry.after}"]
    elif entry.before or entry.after:
        lines.append(entry.before or entry.after)
    return "\n".join(lines)


class HistoryPane(QWidget):
    """The changes recorded for one ``table``'s selected row."""

    def __init__(self, table: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.table = table
        self.hub: Hub | None = None
        self.row_id: int | None = None
        self._shown_for: int | None = None  # the row the list was last read for

        self.toggle = QToolButton(self)
        self.toggle.setObjectName(f"{name}Toggle")
        self.toggle.setText("History")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolTip("Show or hide who changed the selected row, and when")
        self.toggle.setAccessibleName("History of changes")
        self.list = QListWidget(self)
        self.list.setObjectName(f"{name}List")
        self.list.setAccessibleName("History, newest first")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        line = self.list.fontMetrics().lineSpacing()
        self.list.setFixedHeight(line * LINES + 2 * self.list.frameWidth() + 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.list)
        self.toggle.toggled.connect(self._on_toggle_toggled)
        self._on_toggle_toggled(False)

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)

    def attach(self, hub: Hub) -> None:
        self.hub = hub
        self.reload()

    def show_row(self, row_id: int | None) -> None:
        """Follow the page's selection (None: nothing selected)."""
        self.row_id = row_id
        if row_id != self._shown_for:
            self.reload()

    def reload(self) -> None:
        """Read the selected row's history again (after a change); nothing while folded."""
        self.list.clear()
        self._shown_for = None
        if not self.expanded:
            return
        if self.row_id is None or self.hub is None:
            self._add_note("Select a row to see its history.")
            return
        from domain.ops.history import row_history

        entries = self.hub.query(row_history, table=self.table, row_id=self.row_id, limit=SHOWN)
        self._shown_for = self.row_id
        if not entries:
            self._add_note("No changes recorded.")
        for entry in entries:
            item = QListWidgetItem(entry_line(entry), self.list)
            item.setToolTip(entry_tip(entry))

    def lines(self) -> list[str]:
        """The lines shown, as a reader sees them."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _add_note(self, text: str) -> None:
        item = QListWidgetItem(text, self.list)
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _on_toggle_toggled(self, expanded: bool) -> None:
        arrow = Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        self.toggle.setArrowType(arrow)
        self.list.setVisible(expanded)
        self.reload()

    # The page's state is kept with its header and splitter states (see gui.pages).
    def saveState(self) -> QByteArray:  # noqa: N802 - Qt naming, as the headers' and splitters'
        return QByteArray(b"1" if self.expanded else b"0")

    def restoreState(self, state: QByteArray | bytes) -> bool:  # noqa: N802
        raw = state.data() if isinstance(state, QByteArray) else state
        self.set_expanded(bytes(raw) == b"1")
        return True
