"""Editing a committee: its people, remit, support officer and meeting defaults."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from domain.values import CommitteeInfo

from .fields import FieldMessage


class CommitteeDialog(QDialog):
    def __init__(self, info: CommitteeInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CommitteeDialog")
        self.info = info
        self.setWindowTitle("Committee details")
        self.setAccessibleName("Committee details")
        self.setMinimumWidth(560)
        self.messages: dict[str, FieldMessage] = {}
        self._fields: dict[str, QWidget] = {}
        tabs = QTabWidget(self)
        tabs.setAccessibleName("Committee details sections")

        people = QWidget(tabs)
        form = QFormLayout(people)
        self.name_edit = self._line(form, "name", "&Name:", info.name)
        # Wide enough to show the whole of a long committee name, up to most of the screen.
        whole = self.name_edit.fontMetrics().horizontalAdvance(info.name) + 24
        self.name_edit.setMinimumWidth(min(whole, 760))
        self.short_edit = self._line(form, "short_name", "S&hort name:", info.short_name)
        self.chair_edit = self._line(form, "chair", "&Chair:", info.chair)
        self.vice_edit = self._line(form, "vice_chair", "&Vice-chair:", info.vice_chair)
        self.members_edit = self._text(form, "members", "Mem&bers (one per line):", "\n".join(info.members))
        self.co_opted_edit = self._text(
            form, "co_opted", "C&o-opted members (one per line):", "\n".join(info.co_opted)
        )
        tabs.addTab(people, "&People")

        remit = QWidget(tabs)
        form = QFormLayout(remit)
        self.remit_edit = self._text(form, "remit", "&Remit:", info.remit, lines=8)
        self.priorities_edit = self._text(
            form, "corporate_priorities", "Corporate plan pr&iorities:", info.corporate_priorities
        )
        tabs.addTab(remit, "Re&mit")

        support = QWidget(tabs)
        form = QFormLayout(support)
        self.officer_edit = self._line(form, "officer_name", "Support &officer:", info.officer_name)
        self.phone_edit = self._line(form, "officer_phone", "Pho&ne:", info.officer_phone)
        self.email_edit = self._line(form, "officer_email", "&Email:", info.officer_email)
        self.venue_edit = self._line(form, "default_venue", "Default &venue:", info.default_venue)

        time_row = QWidget(support)
        time_layout = QHBoxLayout(time_row)
        time_layout.setContentsMargins(0, 0, 0, 0)
        self.time_check = QCheckBox("Usual start time", time_row)
        self.time_check.setAccessibleName("Has a usual start time")
        self.time_edit = QTimeEdit(time_row)
        self.time_edit.setDisplayFormat("h:mm ap")
        self.time_edit.setAccessibleName("Default time")
        t = info.default_time
        self.time_check.setChecked(t is not None)
        self.time_edit.setTime(QTime(t.hour, t.minute) if t else QTime(14, 0))
        self.time_edit.setEnabled(t is not None)
        self.time_check.toggled.connect(self.time_edit.setEnabled)
        time_layout.addWidget(self.time_check)
        time_layout.addWidget(self.time_edit, 1)
        time_label = QLabel("Default &time:", support)
        time_label.setBuddy(self.time_check)
        form.addRow(time_label, time_row)

        self.capacity_spin = QSpinBox(support)
        self.capacity_spin.setRange(0, 50)
        self.capacity_spin.setSpecialValueText("No limit")
        self.capacity_spin.setSuffix(" items")
        self.capacity_spin.setValue(info.capacity_items or 0)
        self.capacity_spin.setAccessibleName("Capacity (items per meeting)")
        cap_label = QLabel("&Capacity per meeting:", support)
        cap_label.setBuddy(self.capacity_spin)
        form.addRow(cap_label, self.capacity_spin)

        # The council prints its programmes in two layouts; the committee keeps its own.
        self.layout_combo = QComboBox(support)
        self.layout_combo.setObjectName("field_programme_layout")
        self.layout_combo.addItem("Scored \u2014 \u201cPrioritisation Score\u201d column", "scored")
        self.layout_combo.addItem(
            "Purpose \u2014 \u201cPurpose of the agenda item\u201d column", "purpose"
        )
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(info.programme_layout)))
        self.layout_combo.setAccessibleName("Printed layout")
        layout_label = QLabel("Printed la&yout:", support)
        layout_label.setBuddy(self.layout_combo)
        form.addRow(layout_label, self.layout_combo)
        self._fields["programme_layout"] = self.layout_combo
        self.name_message = FieldMessage("name", self)
        tabs.addTab(support, "&Support and meetings")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.name_message)
        layout.addWidget(buttons)

    def _line(self, form: QFormLayout, name: str, label: str, value: str) -> QLineEdit:
        edit = QLineEdit(value, form.parentWidget())
        return self._row(form, name, label, edit)  # type: ignore[return-value]

    def _text(self, form: QFormLayout, name: str, label: str, value: str, lines: int = 4) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, form.parentWidget())
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        return self._row(form, name, label, edit)  # type: ignore[return-value]

    def _row(self, form: QFormLayout, name: str, label: str, field: QWidget) -> QWidget:
        field.setObjectName(f"field_{name}")
        field.setAccessibleName(label.replace("&", "").rstrip(":"))
        caption = QLabel(label, form.parentWidget())
        caption.setBuddy(field)
        form.addRow(caption, field)
        self._fields[name] = field
        return field

    def values(self) -> dict[str, Any]:
        t = self.time_edit.time()
        return {
            "name": self.name_edit.text(),
            "short_name": self.short_edit.text(),
            "chair": self.chair_edit.text(),
            "vice_chair": self.vice_edit.text(),
            "members": self.members_edit.toPlainText(),
            "co_opted": self.co_opted_edit.toPlainText(),
            "remit": self.remit_edit.toPlainText(),
            "corporate_priorities": self.priorities_edit.toPlainText(),
            "officer_name": self.officer_edit.text(),
            "officer_phone": self.phone_edit.text(),
            "officer_email": self.email_edit.text(),
            "default_venue": self.venue_edit.text(),
            "default_time": dt.time(t.hour(), t.minute()) if self.time_check.isChecked() else None,
            "capacity_items": self.capacity_spin.value() or None,
            "programme_layout": self.layout_combo.currentData(),
        }

    def changed_values(self) -> dict[str, Any]:
        """The fields that differ from the committee as it was opened."""
        out = {}
        for key, value in self.values().items():
            old = getattr(self.info, key)
            if isinstance(old, tuple):
                old = "\n".join(old)
                value = "\n".join(s.strip() for s in value.splitlines() if s.strip())
            elif isinstance(old, str) and isinstance(value, str) and key not in ("remit", "corporate_priorities"):
                value = value.strip()
            if value != old:
                out[key] = value
        return out

    def accept(self) -> None:
        if not self.name_edit.text().strip():
            self.name_message.show_error("A committee needs a name.")
            self.name_edit.setFocus()
            return
        super().accept()
