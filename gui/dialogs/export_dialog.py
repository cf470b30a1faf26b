"""File ▸ Export programme…: which format, what each is for, and whether exempt items go in.

The formats and what each is for come from ``domain.ops.publish.FORMATS``, so the dialog and
the command line's ``export --format`` always offer the same ones. The dialog also says which
file is for the council's website and that the PDF is for printing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from domain.ops.publish import ExportFormat

PRINT_NOTE = (
    "For printing, use File \u25b8 Save as PDF\u2026: the PDF is the printed programme for the "
    "agenda pack. Publish the web page on the council\u2019s website rather than the PDF: the "
    "PDF is not tagged for screen readers, so it does not meet the accessibility regulations."
)
EXEMPT_NOTE = (
    "The file will show exempt (Part II) items in full and must NOT be published or sent "
    "outside the council."
)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    key: str  # a key of FORMATS
    include_exempt: bool


class ExportDialog(QDialog):
    """Choose the format (each with what it is for) and whether exempt items are included."""

    def __init__(
        self,
        formats: Iterable[ExportFormat],
        *,
        programme: str,
        initial: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setWindowTitle("Export programme")
        self.setAccessibleName("Export programme")
        layout = QVBoxLayout(self)
        heading = QLabel(f"Export <b>{_escape(programme)}</b> as:", self)
        heading.setWordWrap(True)
        layout.addWidget(heading)

        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.keys: list[str] = []
        for i, fmt in enumerate(formats):
            button = QRadioButton(f"{fmt.label} ({fmt.extension})", self)
            button.setObjectName(f"format.{fmt.key}")
            button.setAccessibleDescription(fmt.purpose)
            purpose = QLabel(fmt.purpose, self)
            purpose.setWordWrap(True)
            purpose.setIndent(24)
            purpose.setBuddy(button)
            self.group.addButton(button, i)
            self.buttons[fmt.key] = button
            self.keys.append(fmt.key)
            layout.addWidget(button)
            layout.addWidget(purpose)
        first = initial if initial in self.buttons else self.keys[0]
        self.buttons[first].setChecked(True)

        note = QLabel(PRINT_NOTE, self)
        note.setWordWrap(True)
        note.setObjectName("printNote")
        layout.addSpacing(8)
        layout.addWidget(note)

        self.exempt_box = QCheckBox("Include exempt (Part II) items", self)
        self.exempt_box.setObjectName("includeExempt")
        self.exempt_warning = QLabel(f"<b>NOT FOR PUBLICATION.</b> {EXEMPT_NOTE}", self)
        self.exempt_warning.setWordWrap(True)
        self.exempt_warning.setVisible(False)
        self.exempt_box.toggled.connect(self._on_exempt_box_toggled)
        layout.addSpacing(8)
        layout.addWidget(self.exempt_box)
        layout.addWidget(self.exempt_warning)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Export\u2026")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _on_exempt_box_toggled(self, checked: bool) -> None:
        self.exempt_warning.setVisible(checked)
        self.adjustSize()

    def choice(self) -> ExportChoice:
        return ExportChoice(self.keys[self.group.checkedId()], self.exempt_box.isChecked())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
