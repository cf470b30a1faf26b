"""Preview a suggested schedule and accept all of it or only the ticked bookings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.words import counted

from ..models.planner import score_text, short_day

if TYPE_CHECKING:
    from domain.ops.planning import ScheduleSuggestion, SuggestedPlacement


class SuggestionDialog(QDialog):
    def __init__(self, suggestion: ScheduleSuggestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SuggestionDialog")
        self.setWindowTitle("Suggested schedule")
        self.suggestion = suggestion
        self._placements = list(suggestion.changes)

        self.intro = intro = QLabel(
            f"{suggestion.summary} Each item goes on the earliest meeting that has room before "
            "its report deadline, urgent items first, then highest score first. Items you placed by hand are not moved. "
            "Untick any booking you do not want.",
            self,
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("suggestions")
        self.tree.setAccessibleName("Suggested bookings")
        self.tree.setHeaderLabels(["Item", "Score", "Meeting", "Why"])
        self.tree.setRootIsDecorated(False)
        for p in self._placements:
            item = QTreeWidgetItem([p.title, score_text(p.score, p.band), short_day(p.meeting_day), p.reason])
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(0, p.title)
            item.setToolTip(3, p.reason)
            self.tree.addTopLevelItem(item)
        for column, width in enumerate((300, 70, 120)):
            self.tree.setColumnWidth(column, width)

        self.unplaced = QTreeWidget(self)
        self.unplaced.setObjectName("unplaced")
        self.unplaced.setAccessibleName("Items that cannot be booked")
        self.unplaced.setHeaderLabels(["Cannot be booked", "Why"])
        self.unplaced.setRootIsDecorated(False)
        for u in suggestion.unplaced:
            item = QTreeWidgetItem([u.title, u.reason])
            item.setToolTip(1, u.reason)
            self.unplaced.addTopLevelItem(item)
        self.unplaced.setColumnWidth(0, 300)
        self.unplaced.setVisible(bool(suggestion.unplaced))

        all_button = QPushButton("Tick &all", self)
        none_button = QPushButton("Tick &none", self)
        all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        none_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        ticks = QHBoxLayout()
        ticks.addWidget(all_button)
        ticks.addWidget(none_button)
        ticks.addStretch(1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.accept_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemChanged.connect(lambda *_: self._update_button())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 3)
        layout.addLayout(ticks)
        layout.addWidget(self.unplaced, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self._update_button()

    def _tick_all(self, state: Qt.CheckState) -> None:
        for i in range(self.tree.topLevelItemCount()):
            self._row(i).setCheckState(0, state)

    def set_checked(self, row: int, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._row(row).setCheckState(0, state)

    def chosen(self) -> list[SuggestedPlacement]:
        return [
            p
            for i, p in enumerate(self._placements)
            if self._row(i).checkState(0) == Qt.CheckState.Checked
        ]

    def _row(self, i: int) -> QTreeWidgetItem:
        item = self.tree.topLevelItem(i)
        assert item is not None  # rows are asked for only below topLevelItemCount()
        return item

    def _update_button(self) -> None:
        n = len(self.chosen())
        self.accept_button.setText(f"Book {counted(n, 'item')}")
        self.accept_button.setEnabled(n > 0)
