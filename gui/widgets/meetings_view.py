"""The Meetings page: a committee-year's meetings and the buttons that change them.

Signals:
    current_meeting_changed(object): the selected MeetingInfo, or None.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from domain.values import MeetingInfo

from ..models.meetings import MeetingTableModel
from .history import HistoryPane
from .tables import make_table


class MeetingsView(QWidget):
    current_meeting_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MeetingsView")
        self.model = MeetingTableModel(self)
        self.table = make_table("meetingsTable", "Meetings", self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((260, 90, 380, 220, 60)):
            self.table.setColumnWidth(column, width)
        # The venue takes the spare width, so the table fills the page without a blank strip.
        header.setSectionResizeMode(2, header.ResizeMode.Stretch)
        self.buttons = QHBoxLayout()
        self.empty_label = QLabel("No meetings in this municipal year yet: use Add meeting.", self)
        self.empty_label.setObjectName("meetingsEmpty")
        layout = QVBoxLayout(self)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        self.history = HistoryPane("meeting", "meetingHistory", self)
        layout.addWidget(self.history)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.current_meeting_changed.connect(lambda m: self.history.show_row(m.id if m else None))

    def set_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().replace("&", "").rstrip("…."))
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

    def add_context_actions(self, actions: list[QAction]) -> None:
        """Offer ``actions`` on the table's context menu (right click on a meeting)."""
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(actions)

    def set_meetings(self, meetings: list[MeetingInfo]) -> None:
        current = self.current_meeting()
        self.model.set_rows(meetings)
        self.empty_label.setVisible(not meetings)
        if current is not None:
            self.select_meeting(current.id)
        else:
            self.current_meeting_changed.emit(None)

    def current_meeting(self) -> MeetingInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_value(rows[0].row()) if rows else None

    def select_meeting(self, meeting_id: int) -> bool:
        row = self.model.row_of_meeting(meeting_id)
        if row < 0:
            self.current_meeting_changed.emit(None)
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self.current_meeting_changed.emit(self.current_meeting())
        return True

    def _on_table_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self.current_meeting_changed.emit(self.current_meeting())
