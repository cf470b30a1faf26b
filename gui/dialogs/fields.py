"""Small form helpers shared by the dialogs: inline messages and optional dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QSizePolicy, QWidget


class FieldMessage(QLabel):
    """The message shown under a field: an error (red) or a warning (brown), else hidden."""

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"message_{field_name}")
        self.setWordWrap(True)
        # Word-wrapped labels in form rows get one line's height unless told to grow.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        self.setAccessibleName(f"Message about {field_name.replace('_', ' ')}")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet("color: #b00020;")
        self.setText(text)
        self.setVisible(bool(text))

    def show_warning(self, text: str) -> None:
        self.setStyleSheet("color: #7a4a00;")
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def show_field_error(
    dialog: QWidget, messages: dict[str, FieldMessage], field: str | None, fallback: str | None, text: str
) -> None:
    """Show ``text`` under ``field``, or when the form has no such field under ``fallback``
    (None: the first field), and put the focus there (its widget is named ``field_<name>``)."""
    target = field if field in messages else (fallback or next(iter(messages)))
    messages[target].show_error(text)
    widget = dialog.findChild(QWidget, f"field_{target}")
    if widget is not None:
        widget.setFocus()


def to_qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class OptionalDate(QWidget):
    """A date that may be left unset: a check box that enables a date field.

    Signals:
        changed(): the date or whether it is set changed.
    """

    changed = Signal()

    def __init__(self, check_text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text, self)
        self.check.setAccessibleName(f"{accessible_name} is set")
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMM yyyy")
        self.edit.setAccessibleName(accessible_name)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._on_check_toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def _on_check_toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.changed.emit()

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))
        self.edit.setEnabled(value is not None)
