"""The screening flags of a topic, each with its reason, and the earlier items whose titles look
like it (reviewed in the last 12 months by any committee), for the topic editor.

The program only points the earlier items out: a person decides, and **Use as the reason**
ticks "Reviewed in the last 12 months" with the chosen item as the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domain.screening import FLAGS, RECENT

if TYPE_CHECKING:
    from domain.screening import Similar

FindSimilar = Callable[[str], Sequence["Similar"]]

# flag -> the check box's text, with its mnemonic
_CHECKS = {
    "complaint": "An individual &complaint",
    "quasi_judicial": "&Quasi-judicial (planning, licensing)",
    "outside_remit": "Outside the committee's &remit",
    "elsewhere": "Already being reviewed &elsewhere",
    "recent": "Reviewed in the last 12 &months",
}


class ScreeningBox(QWidget):
    def __init__(self, find_similar: FindSimilar | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find_similar = find_similar
        self._looked_for: str | None = None
        self.checks: dict[str, QCheckBox] = {}
        self.reasons: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (flag, text) in enumerate(_CHECKS.items()):
            check = QCheckBox(text, self)
            check.setObjectName(f"flag_{flag}")
            check.setAccessibleName(FLAGS[flag])
            reason = QLineEdit(self)
            reason.setObjectName(f"flag_{flag}_reason")
            reason.setAccessibleName(f"Why: {FLAGS[flag].lower()}")
            reason.setPlaceholderText("Why (needed when ticked)")
            reason.setEnabled(False)
            check.toggled.connect(reason.setEnabled)
            check.toggled.connect(lambda on, r=reason: r.setFocus() if on else None)
            grid.addWidget(check, row, 0)
            grid.addWidget(reason, row, 1)
            self.checks[flag], self.reasons[flag] = check, reason

        self.similar_label = QLabel(
            "Items with a similar title on a meeting of any committee in the 12 months before "
            "or after the date added:",
            self,
        )
        self.similar_label.setWordWrap(True)
        self.similar_list = QListWidget(self)
        self.similar_list.setObjectName("similarItems")
        self.similar_list.setAccessibleName("Items with a similar title")
        self.similar_label.setBuddy(self.similar_list)
        self.similar_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 8)
        self.use_button = QPushButton("&Use as the reason for 'reviewed'", self)
        self.use_button.setObjectName("useSimilar")
        self.use_button.setAutoDefault(False)  # Enter saves the topic, never this
        self.use_button.clicked.connect(self._on_use_button_clicked)
        self.similar_list.currentRowChanged.connect(lambda r: self.use_button.setEnabled(r >= 0))
        self.use_button.setEnabled(False)
        use_row = QHBoxLayout()
        use_row.addStretch(1)
        use_row.addWidget(self.use_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.similar_label)
        layout.addWidget(self.similar_list)
        layout.addLayout(use_row)
        self.similar: tuple[Similar, ...] = ()

    def set_flags(self, screening: Sequence[tuple[str, str]]) -> None:
        given = dict(screening)
        for flag, check in self.checks.items():
            check.setChecked(flag in given)
            self.reasons[flag].setText(given.get(flag, ""))

    def flags(self) -> dict[str, str]:
        """The ticked flags with their reasons (an empty reason is refused when saved)."""
        return {f: self.reasons[f].text().strip() for f, c in self.checks.items() if c.isChecked()}

    def look_for_similar(self, title: str) -> None:
        """Ask for the earlier items like ``title`` (once per title)."""
        title = title.strip()
        if self._find_similar is None or title == self._looked_for:
            return
        self._looked_for = title
        self.similar = tuple(self._find_similar(title)) if title else ()
        self.similar_list.clear()
        for s in self.similar:
            # An exempt item's title is shown to the advisor, marked; "Use" copies only s.text.
            item = QListWidgetItem(s.shown, self.similar_list)
            item.setToolTip(s.shown)
        if not self.similar:
            item = QListWidgetItem("None found", self.similar_list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.use_button.setEnabled(False)

    def _on_use_button_clicked(self) -> None:
        row = self.similar_list.currentRow()
        if not 0 <= row < len(self.similar):
            return
        self.checks[RECENT].setChecked(True)
        self.reasons[RECENT].setText(f"Like {self.similar[row].text}")
        self.reasons[RECENT].setFocus()
