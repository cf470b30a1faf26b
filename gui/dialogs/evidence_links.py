"""The evidence linked to a topic: tick the council's indicators, key actions, forward-plan
decisions and risks that bear on it. The program's suggestions (shared words, the committee's
allocation) come first after the linked ones, marked "suggested"; Find narrows the list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from domain.ops.evidence import EvidenceInfo


def item_text(e: EvidenceInfo, *, suggested: bool = False) -> str:
    """'Suggested: Performance indicator P14, Amber for Q2 2015/16: Increase access to early
    help and support': what matters first, the long title last."""
    head = f"{e.kind.label} {e.reference}".strip()
    if e.status:
        head += f", {e.status}"
    if e.exempt:
        head += " [Part II]"
    return ("Suggested: " if suggested else "") + f"{head}: {e.title}"


class EvidenceLinksDialog(QDialog):
    """Choose the evidence linked to one topic; :meth:`chosen` gives the ticked ids."""

    def __init__(
        self,
        *,
        topic_title: str,
        linked: Sequence[EvidenceInfo],
        suggested: Sequence[EvidenceInfo],
        everything: Sequence[EvidenceInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("EvidenceLinksDialog")
        self.setWindowTitle(f"Evidence for {topic_title}")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Tick the evidence this topic concerns. A linked indicator or key action marked Red "
            "or Amber, or a linked key decision, suggests an answer when the topic is scored.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        find_label = QLabel("&Find:", self)
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText("Part of a code or title")
        self.find_edit.setAccessibleName("Find evidence")
        self.find_edit.setClearButtonEnabled(True)
        find_label.setBuddy(self.find_edit)
        layout.addWidget(find_label)
        layout.addWidget(self.find_edit)
        list_label = QLabel("&Evidence:", self)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Evidence to link")
        self.list.setWordWrap(True)  # a key action's title is a sentence or two
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        list_label.setBuddy(self.list)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        linked_ids = {e.id for e in linked}
        suggested_ids = {e.id for e in suggested}
        ordered = [*linked, *suggested, *(e for e in everything if e.id not in linked_ids | suggested_ids)]
        for e in ordered:
            item = QListWidgetItem(item_text(e, suggested=e.id in suggested_ids), self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if e.id in linked_ids else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(item.text())
        if not ordered:
            empty = QListWidgetItem("No evidence yet: use File ▸ Import evidence… first.", self.list)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.setCurrentRow(0)
        self.find_edit.textChanged.connect(self._on_find_edit_textChanged)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        self.resize(em * 48, em * 30)

    def chosen(self) -> list[int]:
        out: list[int] = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_checked(self, evidence_id: int, checked: bool) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == evidence_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_find_edit_textChanged(self, text: str) -> None:  # noqa: N802 - Qt naming
        needle = text.casefold().strip()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
