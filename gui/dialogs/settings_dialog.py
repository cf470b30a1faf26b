"""Council settings: the rules this council sets differently from the defaults.

They are stored in the database (``domain.settings``), so everyone sharing it works to the same
rules. The dialog saves nothing itself: ``on_save(settings)`` pushes one undoable command and
returns the error, if any, so a rule the settings break lands next to its field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.dates import long_date, month_name
from domain.settings import CouncilSettings

from .fields import FieldMessage, show_field_error

SettingsSaveHandler = Callable[[CouncilSettings], BaseException | None]


def closures_text(settings: CouncilSettings) -> str:
    return "\n".join(long_date(d) for d in settings.extra_closures)


def _mute(label: QLabel) -> None:
    """A hint's colour: three parts text to one part background, so it reads as secondary
    yet keeps a contrast well above WCAG's 4.5:1 (a disabled label's grey does not)."""
    from PySide6.QtGui import QColor, QPalette

    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    mixed = QColor(
        (3 * text.red() + back.red()) // 4,
        (3 * text.green() + back.green()) // 4,
        (3 * text.blue() + back.blue()) // 4,
    )
    palette.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)


class SettingsDialog(QDialog):
    def __init__(
        self, settings: CouncilSettings, *, on_save: SettingsSaveHandler, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self.setWindowTitle("Council settings")
        self.setAccessibleName("Council settings")
        self.setMinimumWidth(680)
        self.settings = settings
        self._on_save = on_save
        self.messages: dict[str, FieldMessage] = {}
        self._form = QFormLayout()
        # Every field's column as wide as the dialog, so the hints under the fields wrap less.
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        intro = QLabel(
            "These rules apply to every committee and everyone using this database.", self
        )
        intro.setWordWrap(True)

        self.name_edit = QLineEdit(settings.council_name, self)
        self._add("council_name", "Council &name:", self.name_edit, "Printed on every document.")

        self.clear_spin = self._spin(0, 30, settings.clear_days, " working days")
        self._add(
            "clear_days", "&Clear days before a meeting:", self.clear_spin,
            "The agenda is published at least this many clear working days before the meeting "
            "(Local Government Act 1972 s.100B: five).",
        )
        self.report_spin = self._spin(0, 60, settings.report_days, " working days")
        self._add(
            "report_days", "&Reports due:", self.report_spin,
            "Reports reach democratic support this many working days before the agenda is published.",
        )

        self.closures_edit = QPlainTextEdit(closures_text(settings), self)
        self.closures_edit.setTabChangesFocus(True)
        self.closures_edit.setPlaceholderText("One date a line, e.g. 27 December 2019")
        self.closures_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self._add(
            "extra_closures", "Extra &closure days:", self.closures_edit,
            "Days the council is closed besides weekends and bank holidays; they are not working days.",
        )

        self.month_combo = QComboBox(self)
        for month in range(1, 13):
            self.month_combo.addItem(month_name(month), month)
        self.month_combo.setCurrentIndex(settings.year_start_month - 1)
        self._add(
            "year_start_month", "Municipal year &starts in:", self.month_combo,
            "The month of the annual council meeting (May in England).",
        )

        self.officer_spin = self._spin(1, 50, settings.max_items_per_officer, " items")
        self._add(
            "max_items_per_officer", "Items per &officer at a meeting:", self.officer_spin,
            "One officer responsible for more items than this at one meeting is warned about.",
        )

        self.part_ii_check = QCheckBox(
            "Show \u201cPart II item (paragraph N)\u201d in place of an exempt item", self
        )
        self.part_ii_check.setChecked(settings.show_part_ii_placeholders)
        self._add(
            "show_part_ii_placeholders", "&Public prints:", self.part_ii_check,
            "Off: exempt items are left out of public documents without a trace.",
        )

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName("Save settings")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._form)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    def _spin(self, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def _add(self, name: str, label: str, field: QWidget, hint: str) -> None:
        container = QWidget(self)
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field)
        note = QLabel(hint, container)
        note.setWordWrap(True)
        # Word-wrapped labels in form rows get one line's height unless told to grow.
        note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        _mute(note)
        box.addWidget(note)
        message = FieldMessage(name, container)
        box.addWidget(message)
        self.messages[name] = message
        field.setObjectName(f"field_{name}")
        field.setAccessibleName(label.replace("&", "").rstrip(":"))
        field.setAccessibleDescription(hint)
        caption = QLabel(label, self)
        caption.setBuddy(field)
        self._form.addRow(caption, container)

    # --- reading the form ------------------------------------------------------------------

    def values(self) -> CouncilSettings:
        """The settings as entered; ValueError names the unreadable closure date."""
        from domain.dates import parse_date_list

        return replace(
            self.settings,
            council_name=self.name_edit.text().strip(),
            clear_days=self.clear_spin.value(),
            report_days=self.report_spin.value(),
            extra_closures=tuple(parse_date_list(self.closures_edit.toPlainText())),
            year_start_month=int(self.month_combo.currentData()),
            max_items_per_officer=self.officer_spin.value(),
            show_part_ii_placeholders=self.part_ii_check.isChecked(),
        )

    def show_error(self, field: str | None, text: str) -> None:
        show_field_error(self, self.messages, field, "council_name", text)

    def submit(self) -> None:
        from domain.errors import Invalid

        for message in self.messages.values():
            message.clear_message()
        try:
            settings = self.values()
        except ValueError as exc:
            self.show_error("extra_closures", f"{exc} Nothing was saved.")
            return
        if settings == self.settings:
            self.accept()
            return
        failure = self._on_save(settings)
        if failure is None:
            self.accept()
        elif isinstance(failure, Invalid) and failure.field in self.messages:
            self.show_error(failure.field, str(failure))
        else:
            self.reject()  # already reported
