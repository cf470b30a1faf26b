"""The Programme page: the committee-year's meetings with their agenda items (read-only).

A tree: one branch per meeting, its items in agenda order, then the items still to be
scheduled. The planner replaces this page; it reads the same ``ProgrammeView`` value.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from domain.values import EntryInfo, ProgrammeView, TopicRow

from ..models import labels

COLUMNS = ("Agenda item", "Score", "Reason for consideration", "Responsible Cabinet Member / Officer")


class ProgrammePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProgrammeView")
        self.heading = QLabel(self)
        self.heading.setObjectName("programmeHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("programmeTree")
        self.tree.setAccessibleName("Work programme")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.header().setObjectName("programmeTree.header")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        for column, width in enumerate((380, 55, 420)):
            self.tree.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)

    def set_programme(self, view: ProgrammeView) -> None:
        status = "approved" if view.approved else "draft"
        self.heading.setText(
            f"{view.committee.name} — Work Programme {labels.year_label(view.year_start)} ({status})"
        )
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in view.meetings:
            m = group.meeting
            text = f"{labels.long_date(m.starts_at.date())}, {labels.time_text(m.starts_at.time())}"
            if m.venue:
                text += f", {m.venue}"
            if m.status != "scheduled":
                text += f" ({labels.MEETING_STATUS.get(m.status, m.status).lower()})"
            parent = QTreeWidgetItem([text, "", "", ""])
            parent.setFont(0, bold)
            parent.setToolTip(0, text)

            self.tree.addTopLevelItem(parent)
            if not group.entries:
                parent.addChild(QTreeWidgetItem(["No items booked yet", "", "", ""]))
            for e in group.entries:
                parent.addChild(self._entry_item(e))
            parent.setExpanded(True)
        waiting = QTreeWidgetItem([f"Items to be scheduled {view.year_start}/{(view.year_start + 1) % 100:02d}", "", "", ""])
        waiting.setFont(0, bold)
        self.tree.addTopLevelItem(waiting)
        for t in view.to_be_scheduled:
            waiting.addChild(self._topic_item(t))
        if not view.to_be_scheduled:
            waiting.addChild(QTreeWidgetItem(["None", "", "", ""]))
        waiting.setExpanded(True)

    @staticmethod
    def _entry_item(e: EntryInfo) -> QTreeWidgetItem:
        title = e.title
        if e.exempt:
            title = f"{labels.PART_II} · {title}"
        flags = [f for f, on in (("to follow", e.to_follow), ("verbal update", e.verbal_update)) if on]
        if flags:
            title += f" ({', '.join(flags)})"
        item = QTreeWidgetItem([title, "" if e.score is None else str(e.score), e.reason, e.responsible])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(0, labels.part_ii_tooltip(e.exempt_paragraph) if e.exempt else title)
        item.setToolTip(2, e.reason)
        return item

    @staticmethod
    def _topic_item(t: TopicRow) -> QTreeWidgetItem:
        title = f"{labels.PART_II} · {t.title}" if t.exempt else t.title
        item = QTreeWidgetItem([title, "" if t.score is None else str(t.score), t.reason, t.responsible])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(2, t.reason)
        return item
