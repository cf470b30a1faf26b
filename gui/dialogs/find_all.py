"""Edit ▸ Find in all committees: words found anywhere, grouped by committee and year.

It searches as you type (after a short pause, so a fast typist is not held up by a search per
letter); Up and Down move through the results while the cursor stays in the box, Enter (or a
double-click) opens the selected row where it lives, Esc closes. Exempt (Part II) rows are
found like any other and marked, with their Schedule 12A paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.ops.search import Hit, SearchResult
from domain.words import counted
from domain.years import year_label

Query = Callable[..., Any]
DEBOUNCE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole


class FindAllDialog(QDialog):
    """Search with ``query`` (the hub's); ``on_open`` is given the hit to show, after the
    dialog closes.

    Signals: none; ``last_query`` is what was searched last, for the window to remember.
    """

    def __init__(
        self, query: Query, *, on_open: Callable[[Hit], object], text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FindAllDialog")
        self.setWindowTitle("Find in all committees")
        self._query = query
        self._on_open = on_open
        self.found: SearchResult | None = None
        self.last_query = text

        self.edit = QLineEdit(self)
        self.edit.setObjectName("findAllText")
        self.edit.setAccessibleName("Words to find")
        self.edit.setPlaceholderText("Words in a title, reason, officer, evidence, resolution or review")
        self.edit.setClearButtonEnabled(True)
        label = QLabel("&Find:", self)
        label.setBuddy(self.edit)
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.edit, 1)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("findAllResults")
        self.tree.setAccessibleName("Results, by committee and year")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Item", "What", "Part II", "Where the words are"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(True)
        em = self.fontMetrics().averageCharWidth()
        for column, chars in ((0, 46), (1, 15), (2, 15)):
            header.resizeSection(column, em * chars)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findAllCount")
        self.count_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter opens a result, never closes the dialog
        close.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self.resize(em * 150, self.fontMetrics().lineSpacing() * 32)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.installEventFilter(self)
        self.tree.itemActivated.connect(self._on_tree_activated)

        self.edit.setText(text)
        self.edit.selectAll()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if text.strip():
            self._timer.stop()
            self.run_search()
        else:
            self.count_label.setText("Type words to find them in every committee and year.")

    # --- searching ---------------------------------------------------------------------------

    def run_search(self) -> None:
        from domain.ops.search import search

        self._timer.stop()
        text = self.edit.text()
        self.last_query = text
        try:
            self.found = self._query(search, query=text) if text.strip() else None
        except Exception as exc:  # noqa: BLE001 - the database is busy or gone: said in words
            from .. import errors

            self.found = None
            errors.report(exc, self, "Find in all committees")
        self._fill(self.found)

    def _fill(self, result: SearchResult | None) -> None:
        self.tree.clear()
        if result is None:
            self.count_label.setText("Type words to find them in every committee and year.")
            return
        if not result.hits:
            self.count_label.setText(f"Nothing found for '{self.edit.text().strip()}'.")
            return
        first: QTreeWidgetItem | None = None
        groups = result.groups()
        for (committee, year), hits in groups:
            head = QTreeWidgetItem([f"{committee} — {year_label(year) if year is not None else 'no year'} ({len(hits)})"])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            for hit in hits:
                item = QTreeWidgetItem([hit.title, hit.kind_word, hit.part_ii, f"{hit.field}: {hit.excerpt}"])
                item.setData(0, HIT_ROLE, hit)
                item.setToolTip(0, hit.title)
                item.setToolTip(3, f"{hit.field}: {hit.excerpt}")
                head.addChild(item)
                first = first or item
            head.setExpanded(True)
        if first is not None:
            self.tree.setCurrentItem(first)
        shown = counted(len(result.hits), "result")
        text = f"{shown} in {counted(len(groups), 'committee year')}. Enter opens the selected one."
        if result.more:
            text = f"More than {len(result.hits)} found; the first {len(result.hits)} are shown. Add words to narrow it."
        self.count_label.setText(text)

    # --- moving and opening ------------------------------------------------------------------

    def hits_shown(self) -> list[Hit]:
        return [item.data(0, HIT_ROLE) for item in self._hit_items()]

    def _hit_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head is not None:
                out.extend(child for j in range(head.childCount()) if (child := head.child(j)) is not None)
        return out

    def current_hit(self) -> Hit | None:
        item = self.tree.currentItem()
        hit = item.data(0, HIT_ROLE) if item is not None else None
        return hit if isinstance(hit, Hit) else None

    def move_by(self, step: int) -> None:
        """Select the next (1) or previous (-1) result."""
        items = self._hit_items()
        if not items:
            return
        current = self.tree.currentItem()
        index = items.index(current) if current in items else -1
        target = items[max(0, min(len(items) - 1, index + step))]
        self.tree.setCurrentItem(target)
        self.tree.scrollToItem(target)

    def open_current(self) -> None:
        if self._timer.isActive():  # Enter typed before the pause ended: search first
            self.run_search()
        hit = self.current_hit()
        if hit is None:
            return
        self.accept()
        self._on_open(hit)

    def _on_tree_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if isinstance(item.data(0, HIT_ROLE), Hit):
            self.open_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                if self._timer.isActive():
                    self.run_search()
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}[Qt.Key(key)]
                self.move_by(step)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)
