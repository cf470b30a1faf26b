"""Create a year's meetings at once: from a repeating pattern, or from a typed or pasted list
of dates. The dates the dialog will create are listed as they are chosen, and a list that
cannot be read says which line is wrong."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from domain.dates import parse_date_list
from domain.deadlines import meetings_from_pattern
from domain.words import counted

from ..models import labels

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class MeetingCalendarDialog(QDialog):
    def __init__(
        self,
        *,
        year_start: int,
        time: dt.time | None = None,
        venue: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MeetingCalendarDialog")
        self.setWindowTitle("Create meetings")
        self._dates: list[dt.date] = []
        self.tabs = QTabWidget(self)

        pattern = QWidget(self.tabs)
        form = QFormLayout(pattern)
        self.first = QDateEdit(_qdate(dt.date(year_start, 6, 1)), pattern)
        self.first.setObjectName("firstDate")
        self.first.setCalendarPopup(True)
        self.first.setDisplayFormat("d MMMM yyyy")
        self.weekday = QComboBox(pattern)
        self.weekday.setObjectName("weekday")
        self.weekday.addItem("The same day of the week as the first date", None)
        for i, name in enumerate(_DAYS[:5]):
            self.weekday.addItem(f"The first {name} on or after it", i)
        self.every = QSpinBox(pattern)
        self.every.setObjectName("everyWeeks")
        self.every.setRange(1, 26)
        self.every.setValue(8)
        self.every.setSuffix(" weeks")
        self.until_check = QCheckBox("Stop after", pattern)
        self.until_check.setChecked(True)
        self.until = QDateEdit(_qdate(dt.date(year_start + 1, 4, 30)), pattern)
        self.until.setObjectName("untilDate")
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("d MMMM yyyy")
        self.count = QSpinBox(pattern)
        self.count.setObjectName("count")
        self.count.setRange(1, 60)
        self.count.setValue(6)
        self.count.setSuffix(" meetings at most")
        form.addRow("&First meeting:", self.first)
        form.addRow("&Day:", self.weekday)
        form.addRow("&Every:", self.every)
        form.addRow(self.until_check, self.until)
        form.addRow("&Number:", self.count)
        self.tabs.addTab(pattern, "&Repeating")

        listed = QWidget(self.tabs)
        box = QVBoxLayout(listed)
        hint = QLabel("One date per line, e.g. 11 Sept 2019, 13/11/2019 or Wednesday 8 January 2020:", listed)
        hint.setWordWrap(True)
        self.text = QPlainTextEdit(listed)
        self.text.setObjectName("dateList")
        self.text.setAccessibleName("Meeting dates, one per line")
        hint.setBuddy(self.text)
        box.addWidget(hint)
        box.addWidget(self.text)
        self.tabs.addTab(listed, "&List of dates")

        common = QFormLayout()
        self.time = QTimeEdit(QTime(14, 0) if time is None else QTime(time.hour, time.minute), self)
        self.time.setObjectName("time")
        self.time.setDisplayFormat("h:mm ap")
        self.venue = QLineEdit(venue, self)
        self.venue.setObjectName("venue")
        common.addRow("&Time:", self.time)
        common.addRow("&Venue:", self.venue)

        self.preview = QListWidget(self)
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName("Meetings to be created")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create meetings")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(common)
        layout.addWidget(QLabel("Meetings to be created (days the committee already meets are skipped):", self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        for signal in (
            self.first.dateChanged, self.until.dateChanged, self.every.valueChanged,
            self.count.valueChanged, self.weekday.currentIndexChanged, self.until_check.toggled,
            self.text.textChanged, self.tabs.currentChanged,
        ):
            signal.connect(self._refresh)
        self.resize(480, 560)
        self._refresh()

    def _compute(self) -> list[dt.date]:
        if self.tabs.currentIndex() == 1:
            return parse_date_list(self.text.toPlainText())
        return meetings_from_pattern(
            _pydate(self.first.date()),
            every_weeks=self.every.value(),
            weekday=self.weekday.currentData(),
            count=self.count.value(),
            until=_pydate(self.until.date()) if self.until_check.isChecked() else None,
        )

    def _refresh(self, *_args: object) -> None:
        self.until.setEnabled(self.until_check.isChecked())
        try:
            self._dates = self._compute()
            error = ""
        except ValueError as exc:
            self._dates = []
            error = str(exc)
        self.preview.clear()
        for d in self._dates:
            self.preview.addItem(labels.long_date(d))
        if error:
            self.message.setText(error)
        elif not self._dates:
            self.message.setText("No dates yet.")
        else:
            n = len(self._dates)
            self.message.setText(f"{counted(n, 'meeting')}.")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self._dates))

    def dates(self) -> list[dt.date]:
        return list(self._dates)

    def meeting_time(self) -> dt.time:
        t = self.time.time()
        return dt.time(t.hour(), t.minute())

    def meeting_venue(self) -> str:
        return self.venue.text().strip()
