"""The Programme page: the committee-year's meetings with their agenda items (read-only).

A tree: one branch per meeting, its items in agenda order, then the items still to be
scheduled. The planner replaces this page; it reads the same ``ProgrammeView`` value.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QVBoxLayout, QWidget

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
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setObjectName("programmeTree")
        self.tree.setAccessibleName("Work programme")
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
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
        self.model.removeRows(0, self.model.rowCount())
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in view.meetings:
            m = group.meeting
            text = f"{labels.long_date(m.starts_at.date())}, {labels.time_text(m.starts_at.time())}"
            if m.venue:
                text += f", {m.venue}"
            if m.status != "scheduled":
                text += f" ({labels.MEETING_STATUS.get(m.status, m.status).lower()})"
            parent = _row([text, "", "", ""])
            parent[0].setFont(bold)
            parent[0].setToolTip(text)
            self.model.appendRow(parent)
            if not group.entries:
                parent[0].appendRow(_row(["No items booked yet", "", "", ""]))
            for e in group.entries:
                parent[0].appendRow(self._entry_item(e))
        waiting = _row([f"Items to be scheduled {view.year_start}/{(view.year_start + 1) % 100:02d}", "", "", ""])
        waiting[0].setFont(bold)
        self.model.appendRow(waiting)
        for t in view.to_be_scheduled:
            waiting[0].appendRow(self._topic_item(t))
        if not view.to_be_scheduled:
            waiting[0].appendRow(_row(["None", "", "", ""]))
        self.tree.expandAll()

    def top_level_texts(self) -> list[str]:
        return [self.model.item(r, 0).text() for r in range(self.model.rowCount())]

    @staticmethod
    def _entry_item(e: EntryInfo) -> list[QStandardItem]:
        title = e.title
        if e.exempt:
            title = f"{labels.PART_II} · {title}"
        flags = [f for f, on in (("to follow", e.to_follow), ("verbal update", e.verbal_update)) if on]
        if flags:
            title += f" ({', '.join(flags)})"
        item = _row([title, "" if e.score is None else str(e.score), e.reason, e.responsible])
        item[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item[0].setToolTip(labels.part_ii_tooltip(e.exempt_paragraph) if e.exempt else title)
        item[2].setToolTip(e.reason)
        return item

    @staticmethod
    def _topic_item(t: TopicRow) -> list[QStandardItem]:
        title = f"{labels.PART_II} · {t.title}" if t.exempt else t.title
        item = _row([title, "" if t.score is None else str(t.score), t.reason, t.responsible])
        item[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item[2].setToolTip(t.reason)
        if t.exempt:
            item[0].setToolTip(labels.part_ii_tooltip(t.exempt_paragraph))
        return item


def _row(texts: list[str]) -> list[QStandardItem]:
    items = []
    for text in texts:
        item = QStandardItem(text)
        item.setEditable(False)
        items.append(item)
    return items
