"""Dialogs for select committee reviews: a review, a review meeting, a recommendation.

Each checks its fields with the domain's validation and shows a message beside the field at
fault; rules that need the database (a review cannot go back to proposed once it has reported,
a response needs its date, two meetings at the same time) come back from the pushed command
and land beside their field too. See ``gui.dialogs.decision_editor.FormDialog``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from .decision_editor import FormDialog, SaveHandler, select_data
from .fields import OptionalDate, from_qdate, to_qdate

if TYPE_CHECKING:
    from domain.decision_values import RecommendationInfo, ReviewInfo, ReviewMeetingInfo


class ReviewEditor(FormDialog):
    def __init__(self, *, info: ReviewInfo | None, on_save: SaveHandler, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__("Edit review" if info else "New review", on_save, parent)
        from domain.decision_values import ReviewStatus
        from domain.ops.reviews import allowed_statuses

        self.setObjectName("ReviewEditor")
        self.info = info
        self.setMinimumWidth(620)
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(400)
        self.add_field("title", "&Title:", self.title_edit)
        self.scope_edit = self.text_box(5)
        self.add_field("scope", "&Scope:", self.scope_edit)
        self.members_edit = self.text_box(3)
        self.members_edit.setPlaceholderText("One member per line (Shift+Enter for a new line)")
        self.add_field("members", "&Members:", self.members_edit)
        self.officer_edit = QLineEdit(self)
        self.add_field("lead_officer", "&Lead officer:", self.officer_edit)
        self.status_combo = QComboBox(self)
        allowed = allowed_statuses(info.status) if info else tuple(ReviewStatus)
        for status in allowed:
            self.status_combo.addItem(status.label, status)
        self.add_field("status", "Stat&us:", self.status_combo)
        self.added_date = OptionalDate("Recorded", "Date added", self)
        self.add_field("added_on", "Date &added:", self.added_date)
        self.reported_date = OptionalDate("Has reported", "Date reported", self)
        self.add_field("reported_on", "Date &reported:", self.reported_date)
        if info is None:
            self.added_date.set_value(today or dt.date.today())
        else:
            self.title_edit.setText(info.title)
            self.scope_edit.setPlainText(info.scope)
            self.members_edit.setPlainText("\n".join(info.members))
            self.officer_edit.setText(info.lead_officer)
            select_data(self.status_combo, info.status)
            self.added_date.set_value(info.added_on)
            self.reported_date.set_value(info.reported_on)
        self.title_edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text(),
            "scope": self.scope_edit.toPlainText(),
            "members": self.members_edit.toPlainText(),
            "lead_officer": self.officer_edit.text(),
            "status": self.status_combo.currentData(),
            "added_on": self.added_date.value(),
            "reported_on": self.reported_date.value(),
        }

    def check(self, values: dict[str, Any]) -> None:
        from domain.ops.reviews import validate_review

        validate_review(values)

    def changed_values(self) -> dict[str, Any]:
        from domain.ops.reviews import review_fields, validate_review

        values = validate_review(self.values())
        if self.info is None:
            return self.values()
        old = validate_review({k: v for k, v in review_fields(self.info).items() if k in values})
        return {k: self.values()[k] for k in values if values[k] != old[k]}


class ReviewMeetingDialog(FormDialog):
    def __init__(self, *, info: ReviewMeetingInfo | None, day: dt.date, on_save: SaveHandler,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__("Move review meeting" if info else "Add review meeting", on_save, parent)
        self.setObjectName("ReviewMeetingDialog")
        self.setMinimumWidth(480)
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit(when)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMMM yyyy")
        self.date_edit.setAccessibleName("Date")
        self.time_edit = QTimeEdit(when)
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setAccessibleName("Time")
        row.addWidget(self.date_edit, 1)
        row.addWidget(self.time_edit)
        self.add_field("starts_at", "&When:", when, accessible="When")
        when.setFocusProxy(self.date_edit)
        self.venue_edit = QLineEdit(self)
        self.add_field("venue", "&Venue:", self.venue_edit)
        self.notes_edit = self.text_box(3)
        self.add_field("notes", "&Notes:", self.notes_edit)
        start = info.starts_at if info else dt.datetime.combine(day, dt.time(14, 0))
        self.date_edit.setDate(to_qdate(start.date()))
        self.time_edit.setTime(QTime(start.hour, start.minute))
        if info is not None:
            self.venue_edit.setText(info.venue)
            self.notes_edit.setPlainText(info.notes)
        self.date_edit.setFocus()

    def values(self) -> dict[str, Any]:
        t = self.time_edit.time()
        return {
            "starts_at": dt.datetime.combine(from_qdate(self.date_edit.date()), dt.time(t.hour(), t.minute())),
            "venue": self.venue_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }


class RecommendationEditor(FormDialog):
    """A recommendation, the executive's response (with its date) and the follow-up date."""

    def __init__(self, *, info: RecommendationInfo | None, next_number: int, on_save: SaveHandler,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__("Edit recommendation" if info else "Add recommendation", on_save, parent)
        from domain.decision_values import ExecutiveResponse

        self.setObjectName("RecommendationEditor")
        self.info = info
        self.setMinimumWidth(620)
        self.number_spin = QSpinBox(self)
        self.number_spin.setRange(1, 999)
        self.add_field("number", "N&umber:", self.number_spin)
        self.text_edit = self.text_box(4)
        self.add_field("text", "&Recommendation:", self.text_edit)
        self.response_combo = QComboBox(self)
        for response in ExecutiveResponse:
            self.response_combo.addItem(response.label, response)
        self.add_field("response", "Executive re&sponse:", self.response_combo)
        self.response_date = OptionalDate("Responded", "Response date", self)
        self.add_field("response_on", "Response &date:", self.response_date)
        self.response_text_edit = self.text_box(3)
        self.add_field("response_text", "Response &text:", self.response_text_edit)
        self.follow_up_date = OptionalDate("Follow up", "Follow-up date", self)
        self.add_field("follow_up_on", "&Follow-up:", self.follow_up_date)
        if info is None:
            self.number_spin.setValue(next_number)
        else:
            self.number_spin.setValue(info.number)
            self.text_edit.setPlainText(info.text)
            select_data(self.response_combo, info.response)
            self.response_date.set_value(info.response_on)
            self.response_text_edit.setPlainText(info.response_text)
            self.follow_up_date.set_value(info.follow_up_on)
        self.response_combo.currentIndexChanged.connect(
            lambda _i: self.messages["response_on"].clear_message()
        )
        self.response_date.changed.connect(self.messages["response_on"].clear_message)
        self.text_edit.setFocus()

    def values(self) -> dict[str, Any]:
        return {
            "number": self.number_spin.value(),
            "text": self.text_edit.toPlainText(),
            "response": self.response_combo.currentData(),
            "response_on": self.response_date.value(),
            "response_text": self.response_text_edit.toPlainText(),
            "follow_up_on": self.follow_up_date.value(),
        }

    def check(self, values: dict[str, Any]) -> None:
        from domain.ops.reviews import validate_recommendation

        validate_recommendation(values)

    def changed_values(self) -> dict[str, Any]:
        from domain.ops.reviews import recommendation_fields, validate_recommendation

        values = self.values()
        if self.info is None:
            return values
        new = validate_recommendation(values)
        old = validate_recommendation(recommendation_fields(self.info))
        return {k: values[k] for k in new if new[k] != old[k]}
