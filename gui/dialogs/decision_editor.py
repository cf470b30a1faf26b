"""Dialogs for tracking decisions: a resolution, a progress note, and adding to the programme.

Like the topic editor, each dialog checks its fields with the domain's own validation first and
shows a message next to the field at fault; it saves nothing itself. ``on_save(values)`` pushes
the undoable command and returns its error, if any, so a rule only the database can check (a
cancelled meeting, someone else's change) still lands next to its field or in the error box.
Enter saves (Shift+Enter starts a new line in a text box), Esc cancels.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.dates import month_year

from .. import errors
from ..models import labels
from .fields import FieldMessage, from_qdate, show_field_error, to_qdate

if TYPE_CHECKING:
    from domain.decision_values import DecisionInfo
    from domain.values import MeetingInfo

SaveHandler = Callable[[dict[str, Any]], BaseException | None]


class FormDialog(QDialog):
    """A form whose fields each have a message line; subclasses build fields and values()."""

    save_text = "Save"

    def __init__(self, title: str, on_save: SaveHandler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._on_save = on_save
        self.messages: dict[str, FieldMessage] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.save_text)
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(title)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def add_field(self, name: str, label: str, field: QWidget, accessible: str | None = None) -> None:
        container = QWidget(self)
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field)
        message = FieldMessage(name, container)
        box.addWidget(message)
        self.messages[name] = message
        field.setObjectName(f"field_{name}")
        field.setAccessibleName(accessible or label.replace("&", "").rstrip(":"))
        caption = QLabel(label, self)
        caption.setBuddy(field)
        self.form.addRow(caption, container)
        if isinstance(field, QPlainTextEdit):
            field.setTabChangesFocus(True)
            field.installEventFilter(self)

    def text_box(self, lines: int) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)
        return box

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def check(self, values: dict[str, Any]) -> None:
        """Raise ``Invalid`` naming the field at fault (the domain's own validation)."""

    def show_error(self, field: str | None, text: str) -> None:
        show_field_error(self, self.messages, field, None, text)

    def submit(self) -> None:
        from domain.errors import Invalid

        for message in self.messages.values():
            message.clear_message()
        values = self.values()
        try:
            self.check(values)
        except Invalid as exc:
            self.show_error(exc.field, str(exc))
            return
        failure = self._on_save(values)
        if failure is None:
            self.accept()
        elif isinstance(failure, Invalid) and failure.field:
            if failure.field in self.messages:
                self.show_error(failure.field, str(failure))
            else:
                errors.report(failure, self)
        else:
            self.reject()  # already reported; the window reloads what changed under us

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)


def select_data(combo: QComboBox, value: object) -> None:
    i = combo.findData(value)
    if i >= 0:
        combo.setCurrentIndex(i)


def last_day(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


# --- a resolution -----------------------------------------------------------------------------

DECISION_FIELDS = (
    "meeting_date", "minute_no", "title", "resolution", "target_date", "officer", "status", "rag",
)  # fmt: skip


class DecisionEditor(FormDialog):
    """New or edit a resolution. A target may be a month ("July 2019", stored as its last
    day, as the ops read it) or a day."""

    def __init__(
        self,
        *,
        info: DecisionInfo | None,
        meeting_date: dt.date,
        on_save: SaveHandler,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Edit resolution" if info else "New resolution", on_save, parent)
        from domain.decision_values import DecisionStatus, Rag

        self.setObjectName("DecisionEditor")
        self.info = info
        self.setMinimumWidth(640)

        self.meeting_date_edit = QDateEdit(self)
        self.meeting_date_edit.setCalendarPopup(True)
        self.meeting_date_edit.setDisplayFormat("d MMMM yyyy")
        self.add_field("meeting_date", "&Meeting date:", self.meeting_date_edit)

        self.minute_edit = QLineEdit(self)
        self.minute_edit.setMaxLength(20)
        self.minute_edit.setPlaceholderText("e.g. 17 or 27(2)")
        self.add_field("minute_no", "Min&ute no.:", self.minute_edit)

        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(400)
        self.title_edit.setPlaceholderText("The agenda item it was made under, e.g. Pledge Update")
        self.add_field("title", "&Title:", self.title_edit)

        self.resolution_edit = self.text_box(5)
        self.add_field("resolution", "&Resolution:", self.resolution_edit)

        target = QWidget(self)
        row = QHBoxLayout(target)
        row.setContentsMargins(0, 0, 0, 0)
        self.target_kind = QComboBox(target)
        self.target_kind.setAccessibleName("Kind of target")
        for text, code in (("No target", "none"), ("A month", "month"), ("A day", "day")):
            self.target_kind.addItem(text, code)
        self.target_edit = QDateEdit(target)
        self.target_edit.setCalendarPopup(True)
        self.target_edit.setAccessibleName("Target date")
        row.addWidget(self.target_kind)
        row.addWidget(self.target_edit, 1)
        self.add_field("target_date", "Tar&get:", target, accessible="Target")
        target.setFocusProxy(self.target_kind)

        self.officer_edit = QLineEdit(self)
        self.add_field("officer", "&Officer responsible:", self.officer_edit)

        self.status_combo = QComboBox(self)
        for status in DecisionStatus:
            self.status_combo.addItem(status.label, status)
        self.add_field("status", "&Status:", self.status_combo)

        self.rag_combo = QComboBox(self)
        self.rag_combo.addItem("None", None)
        for rag in Rag:
            self.rag_combo.addItem(rag.meaning, rag)
        self.add_field("rag", "R&AG:", self.rag_combo)

        self.target_kind.currentIndexChanged.connect(self._on_target_kind_changed)
        # A new resolution's target is the meeting's month until the user sets one.
        self._target_set = info is not None
        self._following = False
        self.target_edit.dateChanged.connect(self._on_target_edit_changed)
        self.meeting_date_edit.dateChanged.connect(self._on_meeting_date_changed)
        self.title_edit.textEdited.connect(lambda _t: self.messages["title"].clear_message())
        self._load(info, meeting_date)
        self._target_set = info is not None
        self.title_edit.setFocus() if info else self.minute_edit.setFocus()

    def _load(self, info: DecisionInfo | None, meeting_date: dt.date) -> None:
        if info is None:
            self.meeting_date_edit.setDate(to_qdate(meeting_date))
            self.target_edit.setDate(to_qdate(last_day(meeting_date)))
            select_data(self.target_kind, "month")
            self._on_target_kind_changed()
            return
        self.meeting_date_edit.setDate(to_qdate(info.meeting_date))
        self.minute_edit.setText(info.minute_no)
        self.title_edit.setText(info.title)
        self.resolution_edit.setPlainText(info.resolution)
        if info.target_date is None:
            select_data(self.target_kind, "none")
            self.target_edit.setDate(to_qdate(last_day(info.meeting_date)))
        else:
            month = info.target_date == last_day(info.target_date)
            select_data(self.target_kind, "month" if month else "day")
            self.target_edit.setDate(to_qdate(info.target_date))
        self._on_target_kind_changed()
        self.officer_edit.setText(info.officer)
        select_data(self.status_combo, info.status)
        select_data(self.rag_combo, info.rag)

    def _on_target_edit_changed(self, _date: QDate) -> None:
        if not self._following:
            self._target_set = True

    def _on_meeting_date_changed(self, date: QDate) -> None:
        if self._target_set:
            return
        self._following = True
        try:
            self.target_edit.setDate(to_qdate(last_day(from_qdate(date))))
        finally:
            self._following = False

    def _on_target_kind_changed(self, _index: int = 0) -> None:
        kind = self.target_kind.currentData()
        self.target_edit.setEnabled(kind != "none")
        self.target_edit.setDisplayFormat("MMMM yyyy" if kind == "month" else "d MMMM yyyy")

    def target(self) -> dt.date | None:
        kind = self.target_kind.currentData()
        if kind == "none":
            return None
        day = from_qdate(self.target_edit.date())
        return last_day(day) if kind == "month" else day

    def values(self) -> dict[str, Any]:
        return {
            "meeting_date": from_qdate(self.meeting_date_edit.date()),
            "minute_no": self.minute_edit.text(),
            "title": self.title_edit.text(),
            "resolution": self.resolution_edit.toPlainText(),
            "target_date": self.target(),
            "officer": self.officer_edit.text(),
            "status": self.status_combo.currentData(),
            "rag": self.rag_combo.currentData(),
        }

    def check(self, values: dict[str, Any]) -> None:
        from domain.ops.decisions import validate

        validate(values)

    def changed_values(self) -> dict[str, Any]:
        """The fields that differ from the resolution being edited (all for a new one)."""
        from domain.ops.decisions import validate

        values = validate(self.values())
        if self.info is None:
            return values
        return {
            k: v
            for k, v in values.items()
            if getattr(self.info, k) != (v.value if hasattr(v, "value") else v)
        }


# --- a progress note --------------------------------------------------------------------------


class ProgressNoteDialog(FormDialog):
    save_text = "Add note"

    def __init__(self, *, decision: DecisionInfo, on_save: SaveHandler, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__("Add progress note", on_save, parent)
        self.setObjectName("ProgressNoteDialog")
        self.setMinimumWidth(520)
        about = QLabel(f"Progress on <b>{_html(decision.title)}</b>", self)
        self.form.addRow(about)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.date_edit.setDate(to_qdate(today) if today else QDate.currentDate())
        self.add_field("noted_on", "&Date:", self.date_edit)
        self.text_edit = self.text_box(4)
        self.text_edit.setPlaceholderText("e.g. Request for information emailed")
        self.add_field("text", "&Progress:", self.text_edit)
        self.text_edit.setFocus()

    def values(self) -> dict[str, Any]:
        # An empty note is refused by the operation itself, with a message for this field.
        return {"noted_on": from_qdate(self.date_edit.date()), "text": self.text_edit.toPlainText()}


def _html(text: str) -> str:
    from html import escape

    return escape(text)


# --- adding to the work programme -------------------------------------------------------------

_MONTHS = re.compile(r"\b(\d{1,2})\s*months?\b", re.IGNORECASE)
_WORDS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}
_MONTH_WORDS = re.compile(r"\b(three|six|nine|twelve)\s*months?\b", re.IGNORECASE)


def months_in(text: str) -> int | None:
    """"in 6 months' time" in a resolution: the number of months it asks for, or None."""
    m = _MONTHS.search(text)
    if m:
        return int(m.group(1))
    w = _MONTH_WORDS.search(text)
    return _WORDS[w.group(1).lower()] if w else None


class PlacementDialog(FormDialog):
    """Title, reason and where the item goes: a meeting, in N months' time, or to be scheduled.

    ``from_date`` is the date "N months" counts from (the resolution's meeting, or the
    executive's response); the line under the choice says which meeting that finds.
    """

    save_text = "Add to work programme"

    def __init__(
        self,
        *,
        heading: str,
        title: str,
        reason: str,
        meetings: Sequence[MeetingInfo],
        from_date: dt.date,
        from_what: str,
        months: int | None,
        unscheduled_text: str = "To be scheduled (in \u201cItems to be scheduled\u201d)",
        on_save: SaveHandler,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Add to work programme", on_save, parent)
        self.setObjectName("PlacementDialog")
        self.setMinimumWidth(640)
        self.from_date = from_date
        self.from_what = from_what
        about = QLabel(heading, self)
        about.setWordWrap(True)
        self.form.addRow(about)

        self.title_edit = QLineEdit(title, self)
        self.title_edit.setMaxLength(400)
        self.add_field("title", "&Title:", self.title_edit)
        self.reason_edit = self.text_box(4)
        self.reason_edit.setPlainText(reason)
        self.add_field("reason", "&Reason for consideration:", self.reason_edit)

        # Only meetings from the one that asked onwards, and never a cancelled one.
        self.meetings = [
            m for m in meetings if m.starts_at.date() > from_date and m.status != "cancelled"
        ]
        place = QWidget(self)
        grid = QVBoxLayout(place)
        grid.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.meeting_radio = QRadioButton("At the &meeting of", place)
        self.meeting_combo = QComboBox(place)
        self.meeting_combo.setAccessibleName("Meeting")
        for m in self.meetings:
            self.meeting_combo.addItem(labels.long_date(m.starts_at.date()), m.id)
        self.months_radio = QRadioButton("&In", place)
        self.months_spin = QSpinBox(place)
        self.months_spin.setRange(1, 60)
        self.months_spin.setValue(months or 6)
        self.months_spin.setSuffix(" months\u2019 time")
        self.months_spin.setAccessibleName("Months from now")
        self.later_radio = QRadioButton(unscheduled_text, place)
        for button, name in (
            (self.meeting_radio, "At a meeting"),
            (self.months_radio, "In a number of months"),
            (self.later_radio, "To be scheduled"),
        ):
            button.setAccessibleName(name)
            self.group.addButton(button)
        first = QHBoxLayout()
        first.addWidget(self.meeting_radio)
        first.addWidget(self.meeting_combo, 1)
        second = QHBoxLayout()
        second.addWidget(self.months_radio)
        second.addWidget(self.months_spin)
        second.addStretch(1)
        grid.addLayout(first)
        grid.addLayout(second)
        grid.addWidget(self.later_radio)
        self.preview = QLabel(place)
        self.preview.setObjectName("placementPreview")
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName("Where the item goes")
        grid.addWidget(self.preview)
        self.add_field("in_months", "&Place:", place, accessible="Placement")
        place.setFocusProxy(self.months_radio)
        self.messages["meeting_id"] = self.messages["in_months"]

        if not self.meetings:
            self.meeting_radio.setEnabled(False)
            self.meeting_combo.setEnabled(False)
        if months is not None or not self.meetings:
            self.months_radio.setChecked(True)
        else:
            self.meeting_radio.setChecked(True)
        self.group.buttonToggled.connect(lambda *_a: self._update_preview())
        self.months_spin.valueChanged.connect(lambda _v: self._on_months_changed())
        self.meeting_combo.currentIndexChanged.connect(lambda _i: self._on_meeting_changed())
        self._update_preview()
        self.title_edit.setFocus()

    def _on_months_changed(self) -> None:
        self.months_radio.setChecked(True)
        self._update_preview()

    def _on_meeting_changed(self) -> None:
        if self.meeting_combo.isEnabled():
            self.meeting_radio.setChecked(True)
        self._update_preview()

    def placement(self) -> dict[str, Any]:
        if self.meeting_radio.isChecked() and self.meeting_combo.currentData() is not None:
            return {"meeting_id": self.meeting_combo.currentData(), "in_months": None}
        if self.months_radio.isChecked():
            return {"meeting_id": None, "in_months": self.months_spin.value()}
        return {"meeting_id": None, "in_months": None}

    def _update_preview(self) -> None:
        from domain.dates import add_months

        self.months_spin.setEnabled(True)
        p = self.placement()
        if p["meeting_id"] is not None:
            text = f"It will be booked onto the meeting of {self.meeting_combo.currentText()}."
        elif p["in_months"] is not None:
            target = add_months(self.from_date, p["in_months"])
            start = target.replace(day=1)
            found = next((m for m in self.meetings if m.starts_at.date() >= start), None)
            counted = f"{p['in_months']} months from {self.from_what} ({labels.date_text(self.from_date)})"
            if found is not None:
                text = (
                    f"{counted}: {month_year(target)}. It will be booked onto the first meeting then, "
                    f"{labels.long_date(found.starts_at.date())}."
                )
            else:
                text = (
                    f"{counted}: {month_year(target)}. There is no meeting then yet, so it will wait in "
                    "the items to be scheduled, needed by then."
                )
        else:
            text = "It will wait in the items to be scheduled until you book it."
        self.preview.setText(text)

    def values(self) -> dict[str, Any]:
        return {
            "title": " ".join(self.title_edit.text().split()),
            "reason": self.reason_edit.toPlainText().strip(),
            **self.placement(),
        }

    def check(self, values: dict[str, Any]) -> None:
        from domain.errors import Invalid
        from domain.ops import topics

        if not values["title"]:
            raise Invalid("Give the item a title for the work programme.", "title")
        topics.validate({"title": values["title"], "reason": values["reason"]})
