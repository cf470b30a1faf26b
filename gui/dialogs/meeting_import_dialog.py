"""Meetings ▸ Import meetings…: what an import will add, change and leave out, before anything
is written. The user imports or cancels; nothing is written until they choose Import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..models import labels

if TYPE_CHECKING:
    from domain.ops.meeting_import import MeetingImportPlan, PlannedMeeting


def _meeting_line(p: PlannedMeeting) -> list[str]:
    when = f"{labels.long_date(p.starts_at.date())}, {labels.time_text(p.starts_at.time())}"
    status = "cancelled" if p.cancelled else ""
    return [when, p.venue, status]


class MeetingImportPreview(QDialog):
    """The plan of one import, as a tree: Added, Changed and Left out, each meeting with what
    changes and the agenda items it brings (an exempt one marked Part II)."""

    def __init__(self, plan: MeetingImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MeetingImportPreview")
        self.setWindowTitle(f"Import meetings — {plan.committee}")
        self.plan = plan
        source = f"{plan.file} ({'a ' + plan.kind})"
        self.summary = QLabel(f"From {source}:\n{plan.summary()}", self)
        self.summary.setObjectName("meetingImportSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("meetingImportTree")
        self.tree.setAccessibleName("What the import adds, changes and leaves out")
        self.tree.setHeaderLabels(["Meeting", "Venue", "Status", "What happens"])
        self.tree.setAlternatingRowColors(True)
        self._fill()
        self.buttons = QDialogButtonBox(self)
        if plan.nothing_to_do:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
            self.import_button = None
        else:
            self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
            self.import_button.setObjectName("importMeetingsButton")
            self.import_button.setDefault(True)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(960, 560)
        for column, widest in enumerate((400, 260, 90)):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(widest, self.tree.columnWidth(column) + 12))

    def _group(self, title: str, count: int) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [f"{title} ({count})"])
        group.setFirstColumnSpanned(True)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        return group

    def _fill(self) -> None:
        plan = self.plan
        if plan.added:
            group = self._group("Added", len(plan.added))
            for p in plan.added:
                self._meeting(group, p, "new meeting")
        if plan.changed:
            group = self._group("Changed", len(plan.changed))
            for p in plan.changed:
                self._meeting(group, p, "; ".join(p.changes))
        if plan.unchanged:
            self._group("Already up to date", plan.unchanged)
        if plan.left_out:
            group = self._group(f"Left out: not in {labels.year_label(plan.year_start)}", len(plan.left_out))
            for day in sorted(plan.left_out):
                QTreeWidgetItem(group, [labels.long_date(day), "", "", "left out"])
        self.tree.expandAll()

    def _meeting(self, group: QTreeWidgetItem, p: PlannedMeeting, what: str) -> None:
        row = QTreeWidgetItem(group, [*_meeting_line(p), what])
        row.setToolTip(3, what)
        for item in p.items:
            mark = "standing item" if item.standing else "new item"
            if item.exempt:
                mark += " — exempt (Part II)"
            child = QTreeWidgetItem(row, [item.title, "", "", f"agenda: {mark}"])
            child.setToolTip(0, item.title)
        for title in p.standing:
            QTreeWidgetItem(row, [title, "", "", "standing item, as on every meeting"])

    def rows(self) -> list[tuple[str, ...]]:
        """Every line of the tree as text, top to bottom (for tests and screen readers)."""
        out: list[tuple[str, ...]] = []

        def walk(item: QTreeWidgetItem | None, depth: int) -> None:
            if item is None:
                return
            out.append(("  " * depth + item.text(0), *(item.text(c) for c in range(1, 4))))
            for i in range(item.childCount()):
                walk(item.child(i), depth + 1)

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i), 0)
        return out
