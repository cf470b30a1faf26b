"""Choosing a meeting's date, time and venue (adding or moving a meeting)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..models import labels
from .fields import FieldMessage, from_qdate, to_qdate


class MeetingDialog(QDialog):
    def __init__(
        self,
        *,
        title: str,
        starts_at: dt.datetime,
        venue: str,
        year_start: int | None = None,
        start_month: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MeetingDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.year_start = year_start
        self.start_month = start_month
        form = QFormLayout()

        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setDate(to_qdate(starts_at.date()))
        self.date_edit.setAccessibleName("Meeting date")
        date_label = QLabel("&Date:", self)
        date_label.setBuddy(self.date_edit)
        form.addRow(date_label, self.date_edit)

        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat("h:mm ap")
        self.time_edit.setTime(QTime(starts_at.hour, starts_at.minute))
        self.time_edit.setAccessibleName("Meeting time")
        time_label = QLabel("&Time:", self)
        time_label.setBuddy(self.time_edit)
        form.addRow(time_label, self.time_edit)

        self.venue_edit = QLineEdit(venue, self)
        self.venue_edit.setAccessibleName("Venue")
        self.venue_edit.setPlaceholderText("e.g. Warspite Room, Council House")
        venue_label = QLabel("&Venue:", self)
        venue_label.setBuddy(self.venue_edit)
        form.addRow(venue_label, self.venue_edit)

        self.message = FieldMessage("starts_at", self)
        form.addRow("", self.message)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.date_edit.dateChanged.connect(lambda _d: self._check_year())
        self._check_year()

    def _check_year(self) -> None:
        day = from_qdate(self.date_edit.date())
        if self.year_start is not None and labels.municipal_year_of(day, self.start_month) != self.year_start:
            self.message.show_warning(
                f"This date is outside the municipal year {labels.year_label(self.year_start)}; "
                "the meeting will be listed under its own year."
            )
        else:
            self.message.clear_message()

    def starts_at(self) -> dt.datetime:
        t = self.time_edit.time()
        return dt.datetime.combine(from_qdate(self.date_edit.date()), dt.time(t.hour(), t.minute()))

    def venue(self) -> str:
        return self.venue_edit.text().strip()
