"""Programme ▸ Start next year's programme: choose what to carry into the next municipal year.

The items still to be scheduled and the standing items are ticked; the reports heard this year
are listed unticked, to tick those that come back every year. An item carried already is shown
greyed with the year it went to. Space ticks the selected item; Enter carries.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.ops.next_year import GROUP_WORDS, NextYearPlan
from domain.words import counted
from domain.years import short_year_label

ID_ROLE = Qt.ItemDataRole.UserRole


class NextYearDialog(QDialog):
    """What ``plan`` offers, with a tick for each item; ``chosen_ids()`` after it is accepted."""

    def __init__(self, plan: NextYearPlan, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NextYearDialog")
        self.plan = plan
        to_year = short_year_label(plan.to_year)
        self.setWindowTitle(f"Start the {to_year} programme")
        intro = QLabel(
            f"Carry items from {plan.committee}'s {short_year_label(plan.from_year)} programme into "
            f"{to_year}. Each carried item is a new topic of {to_year}, linked to the one it came from, "
            "which stays on this year's programme as it is. Scores stay with this year.",
            self,
        )
        intro.setWordWrap(True)
        meetings = (
            f"{to_year} has {counted(plan.meetings, 'meeting')} still to be held: carried standing items go on "
            + ("it." if plan.meetings == 1 else "each of them.")
            if plan.meetings
            else f"{to_year} has no meetings yet: standing items go on each meeting when it is made."
        )
        self.meetings_label = QLabel(meetings, self)
        self.meetings_label.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("nextYearItems")
        self.tree.setAccessibleName("Items to carry")
        self.tree.setHeaderLabels(["Item", "Responsible", "Part II"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        em = self.fontMetrics().averageCharWidth()
        self.tree.header().resizeSection(0, em * 70)
        self.tree.header().resizeSection(1, em * 30)
        self._groups: dict[str, QTreeWidgetItem] = {}
        for c in plan.candidates:
            head = self._groups.get(c.group)
            if head is None:
                head = QTreeWidgetItem([GROUP_WORDS[c.group]])
                head.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsAutoTristate)
                self.tree.addTopLevelItem(head)
                head.setFirstColumnSpanned(True)
                self._groups[c.group] = head
            title = c.title if c.carried_to is None else f"{c.title} — already in {to_year}"
            item = QTreeWidgetItem([title, c.responsible, c.part_ii])
            item.setData(0, ID_ROLE, c.id)
            item.setToolTip(0, c.title)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            if c.carried_to is None:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(0, Qt.CheckState.Checked if c.chosen else Qt.CheckState.Unchecked)
            head.addChild(item)
        for head in self._groups.values():
            head.setExpanded(True)
        self.tree.itemChanged.connect(lambda _i, _c: self._update())

        self.count_label = QLabel(self)
        self.count_label.setObjectName("nextYearCount")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.carry_button: QPushButton = self.buttons.addButton("&Carry into " + to_year, QDialogButtonBox.ButtonRole.AcceptRole)
        self.carry_button.setObjectName("nextYearCarry")
        self.carry_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.meetings_label)
        tree_label = QLabel("&Items to carry:", self)
        tree_label.setBuddy(self.tree)
        layout.addWidget(tree_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.resize(em * 130, self.fontMetrics().lineSpacing() * 34)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first.child(0) or first)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update()

    def _items(self) -> list[QTreeWidgetItem]:
        return [
            child for head in self._groups.values() for j in range(head.childCount()) if (child := head.child(j)) is not None
        ]

    def chosen_ids(self) -> list[int]:
        return [
            int(item.data(0, ID_ROLE))
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked and item.flags() & Qt.ItemFlag.ItemIsEnabled
        ]

    def set_chosen(self, topic_id: int, chosen: bool) -> None:
        for item in self._items():
            if item.data(0, ID_ROLE) == topic_id:
                item.setCheckState(0, Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def _update(self) -> None:
        n = len(self.chosen_ids())
        self.count_label.setText(f"{counted(n, 'item')} will be carried." if n else "Tick the items to carry.")
        self.carry_button.setEnabled(n > 0)
