"""What happened at a meeting: held or adjourned, and which items it did not take, offered
back to the items to be scheduled or on to the next meeting. One answer, one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..models import labels

if TYPE_CHECKING:
    from domain.ops.planning import MeetingAgenda

# (outcome "held" or "adjourned", entry ids not taken, where they go: "list" or "next")
Outcome = tuple[str, list[int], str]


class OutcomeDialog(QDialog):
    def __init__(self, agenda: MeetingAgenda, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutcomeDialog")
        self.agenda = agenda
        day = labels.long_date(agenda.meeting.starts_at.date())
        self.setWindowTitle(f"What happened at the meeting of {day}")
        self.held = QRadioButton("&Held", self)
        self.adjourned = QRadioButton("&Adjourned: it did not reach every item", self)
        outcomes = QButtonGroup(self)
        for b in (self.held, self.adjourned):
            outcomes.addButton(b)
        (self.adjourned if agenda.meeting.status == "adjourned" else self.held).setChecked(True)

        self.items = QListWidget(self)
        self.items.setObjectName("notTaken")
        self.items.setAccessibleName("Items not taken")
        for e in agenda.entries:
            item = QListWidgetItem(e.title, self.items)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
        items_label = QLabel(
            "Tick the items the meeting did not take (deferred or not reached):"
            if agenda.entries
            else "The meeting had no items booked.",
            self,
        )
        items_label.setWordWrap(True)
        items_label.setBuddy(self.items)
        self.items.setVisible(bool(agenda.entries))

        nxt = agenda.next_meeting
        self.to_list = QRadioButton("They go back to the &items to be scheduled", self)
        self.to_next = QRadioButton(
            f"They go on to the &next meeting, {labels.long_date(nxt.starts_at.date())}"
            if nxt
            else "They go on to the next meeting (there is none still to come)",
            self,
        )
        self.to_next.setEnabled(nxt is not None)
        where = QButtonGroup(self)
        for b in (self.to_list, self.to_next):
            where.addButton(b)
        self.to_list.setChecked(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.record_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.items.itemChanged.connect(lambda _item: self._update())

        layout = QVBoxLayout(self)
        for w in (self.held, self.adjourned, items_label, self.items, self.to_list, self.to_next, buttons):
            layout.addWidget(w)
        self._update()
        self.resize(560, 420)

    def set_not_taken(self, entry_id: int, ticked: bool = True) -> None:
        for i in range(self.items.count()):
            item = self.items.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == entry_id:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def not_taken(self) -> list[int]:
        return [
            int(self.items.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.items.count())
            if self.items.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _update(self) -> None:
        n = len(self.not_taken())
        for b in (self.to_list, self.to_next):
            b.setVisible(n > 0)
        self.record_button.setText(
            "Record" if n == 0 else f"Record and defer {n} item{'s' if n != 1 else ''}"
        )

    def answer(self) -> Outcome:
        outcome = "adjourned" if self.adjourned.isChecked() else "held"
        return outcome, self.not_taken(), "next" if self.to_next.isChecked() else "list"
