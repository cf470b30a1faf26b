"""The topic editor: every field of a topic, with messages next to the field at fault.

Enter saves (also in the reason box; Shift+Enter starts a new line there), Esc cancels. The
dialog does not save anything itself: ``on_save(fields)`` pushes the undoable command and
returns the error, if any, so a rule the database enforces still lands next to its field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.dates import long_date, month_year
from domain.values import TopicRow
from domain.years import short_year_label

from ..models import labels
from .fields import FieldMessage, OptionalDate, show_field_error
from .topic_path import FindSimilar, ScreeningBox

if TYPE_CHECKING:
    from domain.decision_values import DecisionInfo

SaveHandler = Callable[[dict[str, Any]], BaseException | None]

FIELDS = (
    "title",
    "reason",
    "responsible",
    "source_kind",
    "source_ref",
    "added_on",
    "kind",
    "status",
    "exempt",
    "exempt_paragraph",
    "exempt_cleared_reason",
    "needed_by",
    "estimated_minutes",
    "year_start",
    "proposer_name",
    "proposer_contact",
    "outcome",
    "plan_link",
    "workload",
    "told_on",
    "screening",
    "urgent",
    "urgent_reason",
)
# A new topic starts on the long list: the committee short-lists and accepts from there.
NEW_TOPIC_STATUS = "long_listed"


def origin_text(d: DecisionInfo) -> str:
    """'From minute 14 of 10 July 2019', as minutes refer to a resolution."""
    day = long_date(d.meeting_date)
    return f"From minute {d.minute_no} of {day}" if d.minute_no else f"From the meeting of {day}"


class TopicEditor(QDialog):
    def __init__(
        self,
        *,
        row: TopicRow | None,
        year_start: int,
        years: list[int],
        on_save: SaveHandler,
        parent: QWidget | None = None,
        origin: DecisionInfo | None = None,
        on_open_origin: Callable[[int], object] | None = None,
        start_month: int,
        find_similar: FindSimilar | None = None,
        carried_from: tuple[int, int, str] | None = None,
        on_open_carried: Callable[[int], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TopicEditor")
        self.start_month = start_month
        self.row = row
        self._on_save = on_save
        self.origin = origin
        self._on_open_origin = on_open_origin
        self.carried_from = carried_from
        self._on_open_carried = on_open_carried
        self.setWindowTitle("Edit topic" if row else "New topic")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(700)
        self.messages: dict[str, FieldMessage] = {}
        self._containers: dict[str, QWidget] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("topicTabs")
        self._forms: list[QFormLayout] = []
        self._tab_of: dict[str, int] = {}
        self._form = self._new_tab("T&opic")

        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(400)
        self._add("title", "&Title:", self.title_edit)

        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.reason_edit.installEventFilter(self)
        self._add("reason", "Reason for &consideration:", self.reason_edit)

        self.responsible_edit = QLineEdit(self)
        self._add("responsible", "Res&ponsible Cabinet Member / Officer:", self.responsible_edit)

        self.source_combo = QComboBox(self)
        self.source_combo.addItem("Not recorded", None)
        for code, text in labels.SOURCE.items():
            self.source_combo.addItem(text, code)
        self._add("source_kind", "&Source (who proposed it):", self.source_combo, accessible="Source")

        self.source_ref_edit = QLineEdit(self)
        self.source_ref_edit.setPlaceholderText("e.g. Motion on notice to Council, 18.03.2019")
        self._add("source_ref", "Source refere&nce:", self.source_ref_edit)

        self.added_date = OptionalDate("Recorded", "Date added", self)
        self._add("added_on", "Date &added:", self.added_date)

        self.kind_combo = QComboBox(self)
        for code, text in labels.KIND.items():
            self.kind_combo.addItem(text, code)
        self._add("kind", "&Kind:", self.kind_combo)

        self.status_combo = QComboBox(self)
        for code, text in labels.STATUS.items():
            self.status_combo.addItem(text, code)
        self._add("status", "Stat&us:", self.status_combo)
        # Where a topic with the chosen status shows: a new topic waits on the long list and
        # reaches Items to be scheduled only when accepted.
        self.where_label = QLabel(self)
        self.where_label.setObjectName("whereItAppears")
        self.where_label.setWordWrap(True)
        # Only a field that expands takes the form's width; a wrapped label would not.
        self.where_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._form.addRow("", self.where_label)

        self.exempt_check = QCheckBox("&Exempt (Part II): the public is excluded", self)
        self._add("exempt", "", self.exempt_check, accessible="Exempt (Part II)")

        self.paragraph_combo = QComboBox(self)
        self.paragraph_combo.addItem("Choose the paragraph…", None)
        for number, text in labels.SCHEDULE_12A.items():
            self.paragraph_combo.addItem(f"{number}. {labels.SCHEDULE_12A_SHORT[number]}", number)
            self.paragraph_combo.setItemData(number, text, Qt.ItemDataRole.ToolTipRole)
        self._add("exempt_paragraph", "Schedule 12A para&graph:", self.paragraph_combo)

        # Asked for only when an exempt topic is made public: the program refuses to clear an
        # exemption inherited from the exempt row the topic was made from without it.
        self.cleared_edit = QLineEdit(self)
        self.cleared_edit.setPlaceholderText(
            "e.g. The executive published its response in full on 1 July 2021"
        )
        self._add(
            "exempt_cleared_reason", "&Why it can be published:", self.cleared_edit,
            accessible="Why the item can be published",
        )  # fmt: skip

        self.needed_date = OptionalDate("Has a deadline", "Needed by", self)
        self._add("needed_by", "Nee&ded by:", self.needed_date)

        self.minutes_spin = QSpinBox(self)
        self.minutes_spin.setRange(0, 600)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setSuffix(" minutes")
        self.minutes_spin.setSpecialValueText("Not estimated")
        self._add("estimated_minutes", "Estimated &minutes:", self.minutes_spin)

        self.year_combo = QComboBox(self)
        for y in sorted(set(years) | {year_start} | ({row.year_start} if row else set()), reverse=True):
            self.year_combo.addItem(labels.year_label(y), y)
        self._add("year_start", "Municipal &year:", self.year_combo)

        self._build_suggestion_tab()
        self._build_screening_tab(find_similar)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName("Save topic")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_origin())
        layout.addLayout(self._build_carried())
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

        self._load(row, year_start)
        # A new topic's date added is today's until the user changes it; that default is not
        # the user's mistake, so it is not checked against the year.
        self._added_chosen = row is not None
        self.exempt_check.toggled.connect(self._on_exempt_toggled)
        self.added_date.changed.connect(self._on_added_date_changed)
        self.year_combo.currentIndexChanged.connect(lambda _i: self._check_added_year())
        self.title_edit.textEdited.connect(lambda _t: self.messages["title"].clear_message())
        self.paragraph_combo.currentIndexChanged.connect(
            lambda _i: self.messages["exempt_paragraph"].clear_message()
        )
        self.status_combo.currentIndexChanged.connect(lambda _i: self._show_where())
        self.urgent_check.toggled.connect(self.urgent_edit.setEnabled)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._on_exempt_toggled(self.exempt_check.isChecked())
        self.urgent_edit.setEnabled(self.urgent_check.isChecked())
        self._check_added_year()
        self._show_where()
        self.title_edit.setFocus()

    def _new_tab(self, title: str) -> QFormLayout:
        page = QWidget(self.tabs)
        column = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        column.addLayout(form)
        column.addStretch(1)  # the room the tallest tab leaves goes below the fields
        self.tabs.addTab(page, title)
        self._forms.append(form)
        return form

    def _build_suggestion_tab(self) -> None:
        """Who proposed the topic and how to reply, what they want from it, the work it brings."""
        self._form = self._new_tab("Suggest&ion")
        self.proposer_edit = QLineEdit(self)
        self.proposer_edit.setPlaceholderText("e.g. Cllr Jo Bowles, or Plymouth Youth Trust")
        self._add("proposer_name", "Proposed by (&name):", self.proposer_edit, accessible="Proposer's name")
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setPlaceholderText("Email or telephone, never printed")
        self._add("proposer_contact", "How to &reply:", self.contact_edit)
        self.outcome_edit = QPlainTextEdit(self)
        self.outcome_edit.setTabChangesFocus(True)
        self.outcome_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self._add("outcome", "Outcome &wanted:", self.outcome_edit)
        self.plan_edit = QLineEdit(self)
        self.plan_edit.setPlaceholderText("The corporate plan priority it serves")
        self._add("plan_link", "Corporate &plan link:", self.plan_edit)
        self.workload_combo = QComboBox(self)
        self.workload_combo.addItem("Not judged", None)
        for code, text in labels.WORKLOAD.items():
            self.workload_combo.addItem(text, code)
        self._add("workload", "Wor&kload:", self.workload_combo)
        self.told_date = OptionalDate("Told", "Proposer told on", self)
        self._add("told_on", "Proposer &told on:", self.told_date)
        hint = QLabel("Who proposed it (member, officer, partner, public) is its Source on the Topic tab.", self)
        hint.setWordWrap(True)
        hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._form.addRow("", hint)

    def _build_screening_tab(self, find_similar: FindSimilar | None) -> None:
        self._form = self._new_tab("Screening f&lags")
        self.screening_box = ScreeningBox(find_similar, self)
        self._add("screening", "", self.screening_box, accessible="Screening flags")
        self.urgent_check = QCheckBox("Urgent: &first in suggested schedules, ahead of every band", self)
        self._add("urgent", "", self.urgent_check, accessible="Urgent")
        self.urgent_edit = QLineEdit(self)
        self.urgent_edit.setPlaceholderText("e.g. Cabinet decides in October")
        self._add("urgent_reason", "&Why urgent:", self.urgent_edit, accessible="Why it is urgent")
        self._form = self._forms[0]

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == 2:  # the screening tab: the title may have changed since it was last shown
            self.screening_box.look_for_similar(self.title_edit.text())

    def _show_where(self) -> None:
        from domain.ops.suggestions import where_it_appears

        status = self.status_combo.currentData()
        self.where_label.setText(f"It appears {where_it_appears(status)}." if status else "")

    def _link_row(self, name: str, button_text: str, button_name: str, tip: str) -> tuple[QHBoxLayout, QLabel, QPushButton]:
        """A line saying where the topic came from, with a button that opens it (both hidden
        until there is something to say)."""
        row = QHBoxLayout()
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        button = QPushButton(button_text, self)
        button.setObjectName(button_name)
        button.setAutoDefault(False)  # Enter saves the topic, never this
        button.setToolTip(tip)
        row.addWidget(label, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        label.hide()
        button.hide()
        return row, label, button

    def _build_origin(self) -> QHBoxLayout:
        """Where the topic came from: the resolution it was made from, with a way to open it."""
        row, self.origin_label, self.open_origin_button = self._link_row(
            "topicOrigin", "Open &resolution", "openOrigin", "Show the resolution on the Decisions page"
        )
        self.origin_label.setAccessibleName("Made from the resolution")
        self.open_origin_button.setAccessibleName("Open resolution")
        self.open_origin_button.clicked.connect(self._on_open_origin_clicked)
        d = self.origin
        if d is None:
            return row
        self.origin_label.setText(f"{origin_text(d)}: {d.title}")
        self.origin_label.setToolTip(d.resolution)
        self.origin_label.show()
        self.open_origin_button.setVisible(self._on_open_origin is not None)
        return row

    def _build_carried(self) -> QHBoxLayout:
        """The topic of the year before that this one was carried from, with a way to open it."""
        row, self.carried_label, self.open_carried_button = self._link_row(
            "topicCarriedFrom", "Open &origin", "openCarriedFrom",
            "Show the topic it was carried from on its year's Topics page",
        )  # fmt: skip
        self.open_carried_button.setAccessibleName("Open the topic it was carried from")
        self.open_carried_button.clicked.connect(self._on_open_carried_clicked)
        if self.carried_from is None:
            return row
        _origin_id, year, title = self.carried_from
        self.carried_label.setText(f"Carried from {short_year_label(year)}: {title}")
        self.carried_label.setAccessibleName(self.carried_label.text())
        self.carried_label.show()
        self.open_carried_button.setVisible(self._on_open_carried is not None)
        return row

    def _on_open_carried_clicked(self) -> None:
        if self.carried_from is None or self._on_open_carried is None:
            return
        if self._has_changes() and not self.confirm_discard("the topic it was carried from"):
            return
        self.reject()
        self._on_open_carried(self.carried_from[0])

    def _on_open_origin_clicked(self) -> None:
        if self.origin is None or self._on_open_origin is None:
            return
        if self._has_changes() and not self.confirm_discard():
            return
        decision_id = self.origin.id
        self.reject()
        self._on_open_origin(decision_id)

    def confirm_discard(self, what: str = "the resolution") -> bool:
        """Ask before leaving unsaved changes behind to open ``what`` (tests replace this)."""
        answer = QMessageBox.question(
            self,
            f"Open {what}",
            f"Your changes to this topic are not saved. Open {what} and discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _add(self, name: str, label: str, field: QWidget, accessible: str | None = None) -> None:
        container = QWidget(self)
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field)
        message = FieldMessage(name, container)
        box.addWidget(message)
        self.messages[name] = message
        self._containers[name] = container
        field.setObjectName(f"field_{name}")
        self._tab_of[name] = len(self._forms) - 1
        field.setAccessibleName(accessible or label.replace("&", "").rstrip(":"))
        if label:
            caption = QLabel(label, self)
            caption.setBuddy(field)
            self._form.addRow(caption, container)
        else:
            self._form.addRow("", container)

    def _load(self, row: TopicRow | None, year_start: int) -> None:
        if row is None:
            self.added_date.set_value(dt.date.today())
            self._select(self.status_combo, NEW_TOPIC_STATUS)
            self._select(self.year_combo, year_start)
            return
        self.title_edit.setText(row.title)
        self.reason_edit.setPlainText(row.reason)
        self.responsible_edit.setText(row.responsible)
        self._select(self.source_combo, row.source_kind)
        self.source_ref_edit.setText(row.source_ref)
        self.added_date.set_value(row.added_on)
        self._select(self.kind_combo, row.kind)
        self._select(self.status_combo, row.status)
        self.exempt_check.setChecked(row.exempt)
        self._select(self.paragraph_combo, row.exempt_paragraph)
        self.cleared_edit.setText(row.exempt_cleared_reason)
        self.needed_date.set_value(row.needed_by)
        self.minutes_spin.setValue(row.estimated_minutes or 0)
        self._select(self.year_combo, row.year_start)
        self.proposer_edit.setText(row.proposer_name)
        self.contact_edit.setText(row.proposer_contact)
        self.outcome_edit.setPlainText(row.outcome)
        self.plan_edit.setText(row.plan_link)
        self._select(self.workload_combo, row.workload)
        self.told_date.set_value(row.told_on)
        self.screening_box.set_flags(row.screening)
        self.urgent_check.setChecked(row.urgent)
        self.urgent_edit.setText(row.urgent_reason)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        i = combo.findData(value)
        if i >= 0:
            combo.setCurrentIndex(i)

    # --- reading the form ------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        exempt = self.exempt_check.isChecked()
        minutes = self.minutes_spin.value()
        return {
            "title": self.title_edit.text(),
            "reason": self.reason_edit.toPlainText().strip(),
            "responsible": self.responsible_edit.text(),
            "source_kind": self.source_combo.currentData(),
            "source_ref": self.source_ref_edit.text(),
            "added_on": self.added_date.value(),
            "kind": self.kind_combo.currentData(),
            "status": self.status_combo.currentData(),
            "exempt": exempt,
            "exempt_paragraph": self.paragraph_combo.currentData() if exempt else None,
            "exempt_cleared_reason": "" if exempt else self.cleared_edit.text().strip(),
            "needed_by": self.needed_date.value(),
            "estimated_minutes": minutes or None,
            "year_start": self.year_combo.currentData(),
            "proposer_name": self.proposer_edit.text(),
            "proposer_contact": self.contact_edit.text(),
            "outcome": self.outcome_edit.toPlainText().strip(),
            "plan_link": self.plan_edit.text(),
            "workload": self.workload_combo.currentData(),
            "told_on": self.told_date.value(),
            "screening": self.screening_box.flags(),
            "urgent": self.urgent_check.isChecked(),
            "urgent_reason": self.urgent_edit.text().strip() if self.urgent_check.isChecked() else "",
        }

    def changed_values(self) -> dict[str, Any]:
        """The fields that differ from the topic being edited (all of them for a new one)."""
        values = self.values()
        if self.row is None:
            return values
        from domain.ops.topics import validate

        normal = validate(values)
        return {k: v for k, v in values.items() if getattr(self.row, k) != normal[k]}

    def _has_changes(self) -> bool:
        """Whether leaving the editor would drop something typed: a change of the topic
        being edited, counting one that cannot be saved yet (Urgent ticked with no reason)."""
        if self.row is None:
            return False
        from domain.errors import Invalid

        try:
            return bool(self.changed_values())
        except Invalid:
            return True

    # --- messages ---------------------------------------------------------------------------

    def _on_exempt_toggled(self, on: bool) -> None:
        self.paragraph_combo.setEnabled(on)
        if not on:
            self.messages["exempt_paragraph"].clear_message()
        else:
            self.messages["exempt_cleared_reason"].clear_message()
        # The reason belongs to a topic that is, or was, exempt and is now made public.
        was_exempt = self.row is not None and (self.row.exempt or bool(self.row.exempt_cleared_reason))
        self._form.setRowVisible(self._containers["exempt_cleared_reason"], was_exempt and not on)

    def _on_added_date_changed(self) -> None:
        self._added_chosen = True
        self._check_added_year()

    def _check_added_year(self) -> None:
        from domain.years import added_after_year

        added = self.added_date.value()
        year = self.year_combo.currentData()
        message = self.messages["added_on"]
        if (
            self._added_chosen
            and added is not None
            and year is not None
            and added_after_year(added, year, self.start_month)
        ):
            begins, ends = labels.year_bounds(year, self.start_month)
            message.show_warning(
                f"{labels.date_text(added)} is after the municipal year "
                f"{labels.year_label(year).replace(' ', chr(0xA0))} "
                f"({month_year(begins)} to {month_year(ends - dt.timedelta(days=1))}). "
                "Check the date or the year."
            )
        else:
            message.clear_message()

    def show_error(self, field: str | None, text: str) -> None:
        self.tabs.setCurrentIndex(self._tab_of.get(field or "title", 0))
        show_field_error(self, self.messages, field, "title", text)

    # --- saving -----------------------------------------------------------------------------

    def submit(self) -> None:
        from domain.errors import Invalid
        from domain.ops.topics import validate

        for name, message in self.messages.items():
            if name != "added_on":
                message.clear_message()
        try:
            validate(self.values())
        except Invalid as exc:
            self.show_error(exc.field, str(exc))
            return
        failure = self._on_save(self.changed_values())
        if failure is None:
            self.accept()
        elif isinstance(failure, Invalid) and failure.field in self.messages:
            self.show_error(failure.field, str(failure))
        else:
            self.reject()  # already reported; the window reloads what changed under us

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.reason_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)
