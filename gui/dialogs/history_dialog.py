"""Edit ▸ History: a committee's recent changes, newest first, by person and between dates.

Each line says who, when and what ("Sam Patel · 29 Nov 2026 14:05 · Topic 12 'School
attendance': title 'A' → 'B'"); its tooltip has the action it was part of and the values
in full. The dates are days in the user's own time zone, both inclusive; a date left at its
lowest value ("Any") does not limit. Closes with Esc.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.words import counted

from ..widgets.history import entry_line, entry_tip

Query = Callable[..., Any]
_ANY_DATE = QDate(2000, 1, 1)  # the lowest date a filter takes, shown as "Any"


class HistoryDialog(QDialog):
    """The changes of one committee (``committee_id``), read with ``query`` (the hub's)."""

    def __init__(self, query: Query, *, committee_id: int | None, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryDialog")
        self.setWindowTitle(title)
        self._query = query
        self.committee_id = committee_id
        from domain.ops.history import history_people

        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("historyPerson")
        self.person_combo.setAccessibleName("Changed by")
        self.person_combo.addItem("Everyone", None)
        for person in query(history_people, committee_id=committee_id):
            self.person_combo.addItem(person, person)
        self.from_edit = self._date_edit("historyFrom", "From date")
        self.to_edit = self._date_edit("historyTo", "To date")
        bar = QHBoxLayout()
        for text, widget in (("&Person:", self.person_combo), ("&From:", self.from_edit), ("&To:", self.to_edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
            bar.addSpacing(8)
        bar.addStretch(1)

        self.list = QListWidget(self)
        self.list.setObjectName("historyList")
        self.list.setAccessibleName("Changes, newest first")
        self.list.setAlternatingRowColors(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCount")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        em = self.fontMetrics().averageCharWidth()
        self.resize(em * 150, self.fontMetrics().lineSpacing() * 32)

        self.person_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.from_edit.dateChanged.connect(lambda _d: self.reload())
        self.to_edit.dateChanged.connect(lambda _d: self.reload())
        self.reload()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setMinimumDate(_ANY_DATE)
        edit.setSpecialValueText("Any")
        edit.setDate(_ANY_DATE)
        return edit

    def set_person(self, who: str | None) -> None:
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(who)))

    def set_dates(self, since: dt.date | None, until: dt.date | None) -> None:
        """Limit to these days (inclusive); None: no limit."""
        self.from_edit.setDate(QDate(since) if since else _ANY_DATE)
        self.to_edit.setDate(QDate(until) if until else _ANY_DATE)

    def _day(self, edit: QDateEdit) -> dt.date | None:
        day = edit.date()
        return None if day == _ANY_DATE else dt.date(day.year(), day.month(), day.day())

    def reload(self) -> None:
        from domain.ops.history import committee_history

        since, until = self._day(self.from_edit), self._day(self.to_edit)
        entries = self._query(
            committee_history,
            committee_id=self.committee_id,
            who=self.person_combo.currentData(),
            since=_local_midnight(since) if since else None,
            until=_local_midnight(until + dt.timedelta(days=1)) if until else None,
        )
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(entry_line(entry, thing=True), self.list)
            item.setToolTip(entry_tip(entry))
        if self.list.count():
            self.list.setCurrentRow(0)
        self.count_label.setText(counted(len(entries), "change") if entries else "No changes match.")

    def lines(self) -> list[str]:
        """The lines shown, as a reader sees them."""
        return [self.list.item(i).text() for i in range(self.list.count())]


def _local_midnight(day: dt.date) -> dt.datetime:
    """The start of ``day`` in the user's time zone (the history stores UTC)."""
    return dt.datetime.combine(day, dt.time()).astimezone()
