"""The planner: a committee-year's meetings with their agendas beside the items waiting to be
scheduled, and the warnings that need acting on.

Items move by drag and drop (a waiting topic onto a meeting, an item to another meeting or
place, an item back to the list) or from the keyboard and the context menu. Every move is one
undoable command on the window's undo stack; the view reloads when the hub reports a change.

Signals:
    message(str): something the user should read after an action (also shown in the view).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from domain.values import Change, EntryInfo, MeetingInfo, TopicRow
from domain.words import counted

from .. import errors
from ..models import labels
from ..models.planner import PlannerModel, WaitingModel, warning_icon
from ..models.table import RowRole
from .tables import ColumnShares, make_table

if TYPE_CHECKING:
    from domain.ops.planning import MeetingAgenda, PlannerData, ScheduleSuggestion

    from ..commands.planning import PlanCommand
    from ..dialogs.meeting_calendar import MeetingCalendarDialog
    from ..dialogs.meeting_outcome import Outcome
    from ..dialogs.suggestion import SuggestionDialog
    from ..hub import Hub


class DeferDialog(QDialog):
    """Why an item is deferred, and whether to the next meeting or back to the list."""

    def __init__(self, title: str, next_meeting: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Defer item")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText("e.g. Report not ready; Ofsted inspection under way")
        # Room for the whole example: a cut-off hint reads as a typing mistake.
        self.reason.setMinimumWidth(self.reason.fontMetrics().horizontalAdvance(self.reason.placeholderText()) + 24)
        label = QLabel(f"Why is '{title}' deferred?", self)
        label.setWordWrap(True)
        label.setBuddy(self.reason)
        self.to_next = QRadioButton(
            f"To the &next meeting ({next_meeting})" if next_meeting else "To the &next meeting", self
        )
        self.to_next.setEnabled(next_meeting is not None)
        self.to_list = QRadioButton("Back to the &items to be scheduled", self)
        group = QButtonGroup(self)
        group.addButton(self.to_next)
        group.addButton(self.to_list)
        (self.to_next if next_meeting else self.to_list).setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Defer")
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (label, self.reason, self.to_next, self.to_list, buttons):
            layout.addWidget(w)

    def answer(self) -> tuple[str, str]:
        return self.reason.text().strip(), "next" if self.to_next.isChecked() else "list"


class PlannerDialogs:
    """The questions the planner asks: one seam, so tests can answer them."""

    def choose_meeting(self, parent: QWidget, title: str, choices: list[tuple[int, str]]) -> int | None:
        texts = [text for _id, text in choices]
        text, ok = QInputDialog.getItem(parent, title, "Meeting:", texts, 0, False)
        if not ok:
            return None
        return next((mid for mid, t in choices if t == text), None)

    def defer(self, parent: QWidget, title: str, next_meeting: str | None) -> tuple[str, str] | None:
        dialog = DeferDialog(title, next_meeting, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def months(self, parent: QWidget, title: str) -> int | None:
        months, ok = QInputDialog.getInt(
            parent, "Bring back", f"Bring '{title}' back in how many months?", 6, 1, 36
        )
        return months if ok else None

    def cancel_destination(
        self, parent: QWidget, meeting: MeetingInfo, choices: list[tuple[int, str]]
    ) -> int | str | None | bool:
        """Where a cancelled meeting's items go: a meeting id, "list", None (stay), False (do
        not cancel)."""
        options = ["Back to the items to be scheduled", "Leave them on the cancelled meeting"]
        options += [f"Move to {text}" for _id, text in choices]
        text, ok = QInputDialog.getItem(
            parent, "Cancel meeting",
            f"The meeting of {labels.long_date(meeting.starts_at.date())} has "
            f"{counted(meeting.item_count, 'item')}. Where should they go?", options, 0, False,
        )
        if not ok:
            return False
        index = options.index(text)
        if index == 0:
            return "list"
        if index == 1:
            return None
        return choices[index - 2][0]

    def meeting_calendar(
        self, parent: QWidget, *, year_start: int, time: dt.time | None, venue: str
    ) -> MeetingCalendarDialog:
        from ..dialogs.meeting_calendar import MeetingCalendarDialog

        return MeetingCalendarDialog(year_start=year_start, time=time, venue=venue, parent=parent)

    def confirm_booking(self, parent: QWidget, caution: str) -> bool:
        """Book onto a meeting that has taken place or is past its report deadline?"""
        from ..dialogs.booking import book_anyway

        return book_anyway(parent, caution)

    def outcome(self, parent: QWidget, agenda: MeetingAgenda) -> Outcome | None:
        """What happened at a meeting, and which items it did not take; None to leave it."""
        from ..dialogs.meeting_outcome import OutcomeDialog

        dialog = OutcomeDialog(agenda, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def suggestion(self, parent: QWidget, suggestion: ScheduleSuggestion) -> SuggestionDialog:
        from ..dialogs.suggestion import SuggestionDialog

        return SuggestionDialog(suggestion, parent)

    def run(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted


class PlannerTree(QTreeView):
    """The meetings tree; drops are handled by the model's ``dropMimeData``."""


class PlannerView(QWidget):
    message = Signal(str)

    def __init__(
        self,
        hub: Hub | None,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        dialogs: PlannerDialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PlannerView")
        self.hub: Hub | None = None
        self.undo_stack = undo_stack
        self.dialogs = dialogs or PlannerDialogs()
        self.today: Callable[[], dt.date] = dt.date.today
        self.committee_id: int | None = None
        self.year_start: int | None = None
        self.data: PlannerData | None = None
        self._stale = False
        self.waiting_title = "Items to be scheduled"

        self.heading = QLabel(self)
        self.heading.setObjectName("plannerHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        # A line of its own, the buttons below: beside them a long committee name pushed
        # "(approved)" onto a line by itself at 1280 pixels. Wraps only in a narrower window.
        self.heading.setWordWrap(True)
        self.create_button = QPushButton("&Create meetings…", self)
        self.suggest_button = QPushButton("&Suggest schedule…", self)
        self.standing_button = QPushButton("Place s&tanding items", self)
        self.create_button.setToolTip("Add the year's meetings from a repeating pattern or a list of dates")
        self.suggest_button.setToolTip("Propose a meeting for each waiting item; accept all or some")
        self.standing_button.setToolTip("Put each standing item on every meeting that lacks it")
        self.create_button.clicked.connect(self.create_meetings)
        self.suggest_button.clicked.connect(self.suggest_schedule)
        self.standing_button.clicked.connect(self.place_standing_items)
        top = QVBoxLayout()
        top.addWidget(self.heading)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.suggest_button, self.standing_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        top.addLayout(buttons)

        # One short summary; what it sums up is under "Details…", on request.
        self.notice_bar = QWidget(self)
        self.notice_bar.setObjectName("plannerNoticeBar")
        self.notice_bar.setStyleSheet(
            "#plannerNoticeBar { background: #fff4ce; border: 1px solid #e0c060; }"
            " #plannerNoticeBar QLabel { color: #000; }"
        )
        self.notice = QLabel(self.notice_bar)
        self.notice.setObjectName("plannerNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_details_button = QToolButton(self.notice_bar)
        self.notice_details_button.setObjectName("plannerNoticeDetailsButton")
        self.notice_details_button.setText("Details…")
        self.notice_details_button.setCheckable(True)
        self.notice_details = QPlainTextEdit(self.notice_bar)
        self.notice_details.setObjectName("plannerNoticeDetails")
        self.notice_details.setReadOnly(True)
        self.notice_details.setMaximumHeight(9 * self.fontMetrics().lineSpacing())
        self.notice_details.setAccessibleName("Details of the message")
        self.notice_details.hide()
        self.notice_details_button.toggled.connect(self.notice_details.setVisible)
        bar = QVBoxLayout(self.notice_bar)
        bar.setContentsMargins(6, 4, 6, 4)
        line = QHBoxLayout()
        line.addWidget(self.notice, 1)
        line.addWidget(self.notice_details_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addLayout(line)
        bar.addWidget(self.notice_details)
        self.notice_bar.hide()

        self.model = PlannerModel(self)
        self.model.drop_handler = self._on_drop
        self.tree = PlannerTree(self)
        self.tree.setObjectName("plannerTree")
        self.tree.setAccessibleName("Meetings and their agenda items")
        self.tree.setModel(self.model)
        self.tree.header().setObjectName("plannerTree.header")
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree_columns = ColumnShares(
            self.tree, ((6, "Corporate Performance and"), (0, "5 Medium"), (2, "Judith Harwood"), (2, "Report late"))
        )
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_actions())

        self.waiting_label = QLabel("Items to be scheduled", self)
        self.waiting_model = WaitingModel(self)
        self.waiting_model.drop_handler = self._on_drop
        self.waiting = make_table("plannerWaiting", "Items to be scheduled", self)
        self.waiting.setModel(self.waiting_model)
        self.waiting.setSortingEnabled(True)
        self.waiting.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.waiting.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.waiting.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.waiting.setDragEnabled(True)
        self.waiting.setAcceptDrops(True)
        self.waiting.setDropIndicatorShown(True)
        self.waiting_columns = ColumnShares(
            self.waiting, ((6, "Young Carers"), (0, "10"), (0, "Not scored"), (0, "30 Sept 2019"), (2, "Jean Kelly"))
        )
        self.waiting.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.waiting.customContextMenuRequested.connect(self._on_waiting_context_menu)
        self.waiting.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.waiting_label.setBuddy(self.waiting)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.waiting_label)
        right_layout.addWidget(self.waiting, 1)

        self.warnings_label = QLabel("Warnings", self)
        self.warnings = QListWidget(self)
        self.warnings.setObjectName("plannerWarnings")
        self.warnings.setAccessibleName("Warnings about the programme")
        self.warnings.setWordWrap(True)
        self.warnings.itemActivated.connect(self._on_warnings_item_activated)
        self.warnings_label.setBuddy(self.warnings)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.warnings_label)
        bottom_layout.addWidget(self.warnings, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("plannerSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([840, 440])
        self.vsplitter = QSplitter(Qt.Orientation.Vertical, self)
        self.vsplitter.setObjectName("plannerVSplitter")
        self.vsplitter.addWidget(self.splitter)
        self.vsplitter.addWidget(bottom)
        self.vsplitter.setStretchFactor(0, 4)
        self.vsplitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.vsplitter, 1)

        self._build_actions()
        if hub is not None:
            self.attach(hub)
        self._update_actions()

    def attach(self, hub: Hub) -> None:
        """Use ``hub`` for data; the main window has one only once the database is open."""
        self.hub = hub
        hub.changed.connect(self._on_hub_changed)

    # --- actions -----------------------------------------------------------------------------

    def _make(self, text: str, slot: Callable[[], Any], name: str, keys: str | None = None,
              widget: QWidget | None = None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setCheckable(checkable)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        if widget is not None:
            widget.addAction(action)
        return action

    def _build_actions(self) -> None:
        t = self.tree
        self.move_to_action = self._make("&Move to meeting…", self.move_to_meeting, "plannerMoveTo", "Ctrl+M", t)
        self.move_up_action = self._make("Move &up", lambda: self.move_by(-1), "plannerMoveUp", "Ctrl+Up", t)
        self.move_down_action = self._make("Move &down", lambda: self.move_by(1), "plannerMoveDown", "Ctrl+Down", t)
        self.unschedule_action = self._make("&Unschedule", self.unschedule, "plannerUnschedule", "Delete", t)
        self.defer_action = self._make("&Defer…", self.defer, "plannerDefer", "Ctrl+D", t)
        self.bring_back_action = self._make("&Bring back in N months…", self.bring_back, "plannerBringBack", None, t)
        self.to_follow_action = self._make("To &follow", self.toggle_to_follow, "plannerToFollow", "Ctrl+Shift+T", t, True)
        self.verbal_action = self._make("&Verbal update", self.toggle_verbal, "plannerVerbal", "Ctrl+Shift+V", t, True)
        self.cancel_meeting_action = self._make("&Cancel meeting…", self.cancel_meeting, "plannerCancelMeeting")
        self.outcome_action = self._make("&Record what happened…", self.record_outcome, "plannerRecordOutcome")
        self.print_papers_action = self._make("&Print meeting papers…", self.print_meeting_papers, "plannerPrintPapers")
        self.book_action = self._make("&Book on meeting…", self.book_selected_topic, "plannerBook", "Ctrl+M", self.waiting)
        self.book_enter_action = self._make("Book", self.book_selected_topic, "plannerBookEnter", "Return", self.waiting)

    def _entry_actions(self) -> list[QAction]:
        return [
            self.move_to_action, self.move_up_action, self.move_down_action, self.unschedule_action,
            self.defer_action, self.bring_back_action, self.to_follow_action, self.verbal_action,
        ]

    def _update_actions(self) -> None:
        entry = self.current_entry()
        for a in self._entry_actions():
            a.setEnabled(entry is not None)
        if entry is not None:
            row = self.model.meeting_of(self.tree.currentIndex())
            n = len(row.entries) if row else 0
            self.move_up_action.setEnabled(entry.position > 0)
            self.move_down_action.setEnabled(entry.position < n - 1)
            self.to_follow_action.setChecked(entry.to_follow)
            self.verbal_action.setChecked(entry.verbal_update)
        meeting = self.current_meeting()
        self.cancel_meeting_action.setEnabled(meeting is not None and meeting.status != "cancelled")
        self.outcome_action.setEnabled(
            meeting is not None and self.data is not None and meeting.status != "cancelled"
            and meeting.starts_at.date() <= self.today()
        )
        self.book_action.setEnabled(self.current_topic() is not None)
        ready = self.committee_id is not None and self.hub is not None
        for b in (self.create_button, self.suggest_button, self.standing_button):
            b.setEnabled(ready)

    # --- loading -----------------------------------------------------------------------------

    def set_committee_year(self, committee_id: int | None, year_start: int | None) -> None:
        same = (committee_id, year_start) == (self.committee_id, self.year_start)
        self.committee_id = committee_id
        self.year_start = year_start
        if not (same and self.data is not None and not self._stale):
            self.reload()

    def top_level_texts(self) -> list[str]:
        """The section titles as shown: each meeting's heading, then the waiting list's."""
        return [r.heading for r in self.model.meeting_rows()] + [self.waiting_title]

    def reload(self) -> None:
        if self.committee_id is None or self.year_start is None or self.hub is None:
            return
        from domain.ops import planning

        self._stale = False
        try:
            data = self.hub.query(
                planning.planner_data,
                committee_id=self.committee_id, year_start=self.year_start, today=self.today(),
            )
        except Exception as exc:  # the page says why it cannot load; the window keeps working
            self._stale = True
            errors.report(exc, self)
            return
        self.set_planner_data(data)

    def set_planner_data(self, data: PlannerData) -> None:
        entry, topic = self.current_entry(), self.current_topic()
        meeting = self.current_meeting()
        self.data = data
        view = data.programme
        status = "approved" if view.approved else "draft"
        self.heading.setText(f"{view.committee.name} — Work Programme {labels.year_label(view.year_start)} ({status})")
        self.model.set_data(data)
        for r in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(r, QModelIndex(), True)
        self.tree.expandAll()
        self.waiting_model.set_rows(view.to_be_scheduled)
        self.waiting_title = f"Items to be scheduled {view.year_start}/{(view.year_start + 1) % 100:02d}"
        # With none waiting, say how a topic gets here: it is accepted on the Topics page.
        hint = "drag one onto a meeting" if view.to_be_scheduled else "accept topics on the Topics page"
        self.waiting_label.setText(f"{self.waiting_title} ({len(view.to_be_scheduled)}) — {hint}")
        self.warnings.clear()
        icon = warning_icon()
        for w in data.warnings:
            item = QListWidgetItem(icon, w.message)
            item.setData(Qt.ItemDataRole.UserRole, (w.meeting_id, w.topic_ids))
            self.warnings.addItem(item)
        if not data.warnings:
            self.warnings.addItem(QListWidgetItem(data.all_clear))
        self.warnings_label.setText(f"Warnings ({len(data.warnings)})")
        if entry is not None:
            self.select_entry(entry.id)
        elif meeting is not None:
            self.select_meeting(meeting.id)
        if topic is not None:
            self.select_topic(topic.id)
        self._update_actions()

    def _on_hub_changed(self, change: Change) -> None:
        if not (change.programme or change.meetings or change.topics or change.scores or change.committees):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # --- selection ---------------------------------------------------------------------------

    def current_entry(self) -> EntryInfo | None:
        return self.model.entry_at(self.tree.currentIndex())

    def current_meeting(self) -> MeetingInfo | None:
        row = self.model.meeting_of(self.tree.currentIndex())
        return row.meeting if row else None

    def current_topic(self) -> TopicRow | None:
        index = self.waiting.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def select_entry(self, entry_id: int) -> None:
        index = self.model.entry_index(entry_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def select_meeting(self, meeting_id: int) -> None:
        index = self.model.meeting_index(meeting_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def select_topic(self, topic_id: int) -> None:
        row = self.waiting_model.row_of(lambda t: t.id == topic_id)
        if row >= 0:
            self.waiting.setCurrentIndex(self.waiting_model.index(row, 0))

    def _on_warnings_item_activated(self, item: QListWidgetItem) -> None:
        found = item.data(Qt.ItemDataRole.UserRole)
        if not found:
            return
        meeting_id, topic_ids = found
        row = next((r for r in self.model.meeting_rows() if r.meeting.id == meeting_id), None)
        entry = next((e for e in row.entries if e.topic_id in topic_ids), None) if row else None
        if entry is not None and len(topic_ids) == 1:
            self.select_entry(entry.id)
        else:
            self.select_meeting(meeting_id)
        self.tree.setFocus()

    # --- running commands --------------------------------------------------------------------

    def push(self, command: PlanCommand) -> bool:
        """Run a command; show its warnings. True when it was done."""
        self.undo_stack.push(command)
        if command.failed is not None:
            return False
        warnings = command.warnings
        if len(warnings) > 1:
            self.show_notice(f"{warnings[0]} (and {len(warnings) - 1} more)", warnings)
        else:
            self.show_notice(warnings[0] if warnings else "")
        return True

    def show_notice(self, text: str, details: tuple[str, ...] | list[str] = ()) -> None:
        """Show one short summary; ``details`` (one line each) under "Details…" on request."""
        self.notice.setText(text)
        self.notice_details.setPlainText("\n".join(f"• {line}" for line in details))
        self.notice_details_button.setChecked(False)
        self.notice_details_button.setVisible(bool(details))
        self.notice_bar.setVisible(bool(text))
        if text:
            self.message.emit(text)

    def _meeting_day(self, meeting_id: int) -> dt.date | None:
        for row in self.model.meeting_rows():
            if row.meeting.id == meeting_id:
                return row.meeting.starts_at.date()
        return None

    def _books_onto(self, kind: str, ids: list[int], meeting_id: int) -> bool:
        """Whether a drop puts anything onto ``meeting_id`` that is not on it already."""
        if kind == "topic":
            return True
        entries = {e.id: e for row in self.model.meeting_rows() for e in row.entries}
        return any(eid in entries and entries[eid].meeting_id != meeting_id for eid in ids)

    def _on_drop(self, kind: str, ids: list[int], meeting_id: int | None, position: int | None) -> bool:
        from ..commands.planning import BookTopicCommand, MoveEntryCommand

        if self.hub is None:
            return False
        if meeting_id is not None and self._books_onto(kind, ids, meeting_id):
            from ..dialogs.booking import confirm_booking

            if not confirm_booking(
                self.hub, self, meeting_id=meeting_id, today=self.today(),
                ask=self.dialogs.confirm_booking,
            ):
                return False
        commands: list[PlanCommand] = []
        if kind == "topic" and meeting_id is not None:
            titles = {t.id: t.title for t in self.waiting_model.rows()}
            day = self._meeting_day(meeting_id)
            for i, tid in enumerate(ids):
                commands.append(BookTopicCommand(
                    self.hub, topic_id=tid, title=titles.get(tid, "item"), meeting_id=meeting_id,
                    meeting_day=day or dt.date.today(),
                    position=None if position is None else position + i, today=self.today(),
                ))
        elif kind == "entry":
            entries = {e.id: e for row in self.model.meeting_rows() for e in row.entries}
            # The first move checks every dragged entry as read; the later ones find the
            # others renumbered by the earlier moves, which is no one else's change.
            read: dict[int, int] | None = {eid: entries[eid].version for eid in ids if eid in entries}
            for eid in ids:
                e = entries.get(eid)
                if e is None:
                    continue
                if meeting_id is not None and e.meeting_id == meeting_id and position is None:
                    position_: int | None = len(next(r for r in self.model.meeting_rows() if r.meeting.id == meeting_id).entries) - 1
                else:
                    position_ = position
                if meeting_id == e.meeting_id and position_ == e.position:
                    continue  # dropped where it was
                commands.append(MoveEntryCommand(
                    self.hub, entry_id=eid, title=e.title, meeting_id=meeting_id,
                    meeting_day=self._meeting_day(meeting_id) if meeting_id else None,
                    position=position_, reorder=meeting_id == e.meeting_id, today=self.today(),
                    together=read,
                ))
                read = None
        if not commands:
            return False
        if len(commands) == 1:
            return self.push(commands[0])
        self.undo_stack.beginMacro(commands[0].text() + f" and {len(commands) - 1} more")
        ok = self.push(commands[0])  # when it is refused, the others are not moved either
        if ok:
            ok = all([self.push(c) for c in commands[1:]])
        self.undo_stack.endMacro()
        return ok

    # --- moves from the keyboard and menus ---------------------------------------------------

    def _meeting_choices(self, exclude: int | None = None) -> list[tuple[int, str]]:
        out = []
        for row in self.model.meeting_rows():
            m = row.meeting
            if m.status in ("cancelled", "held", "adjourned") or m.id == exclude:
                continue
            text = labels.long_date(m.starts_at.date())
            if self.data is not None:
                load = self.data.load_text(m)
                text += f" ({load})" if load else ""
                if self.data.status_of(m) == "held":
                    text += " — held"
            out.append((m.id, text))
        return out

    def move_to_meeting(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        choice = self.dialogs.choose_meeting(self, f"Move '{entry.title}'", self._meeting_choices(entry.meeting_id))
        if choice is not None:
            self._on_drop("entry", [entry.id], choice, None)
            self.select_entry(entry.id)

    def book_selected_topic(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        choice = self.dialogs.choose_meeting(self, f"Book '{topic.title}'", self._meeting_choices())
        if choice is not None:
            self._on_drop("topic", [topic.id], choice, None)

    def move_by(self, step: int) -> None:
        entry = self.current_entry()
        if entry is None or self.hub is None:
            return
        row = self.model.meeting_of(self.tree.currentIndex())
        assert row is not None
        target = entry.position + step
        if not 0 <= target < len(row.entries):
            return
        from ..commands.planning import MoveEntryCommand

        self.push(MoveEntryCommand(
            self.hub, entry_id=entry.id, title=entry.title, meeting_id=entry.meeting_id,
            position=target, reorder=True, today=self.today(), version=entry.version,
        ))
        self.select_entry(entry.id)

    def unschedule(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self._on_drop("entry", [entry.id], None, None)

    def _set_flag(self, **flag: bool) -> None:
        entry = self.current_entry()
        if entry is None or self.hub is None:
            return
        from ..commands.planning import SetFlagsCommand

        self.push(SetFlagsCommand(self.hub, entry_id=entry.id, title=entry.title, version=entry.version, **flag))
        self.select_entry(entry.id)

    def toggle_to_follow(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self._set_flag(to_follow=not entry.to_follow)

    def toggle_verbal(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self._set_flag(verbal_update=not entry.verbal_update)

    def defer(self) -> None:
        entry = self.current_entry()
        if entry is None or self.hub is None:
            return
        later = [
            r.meeting for r in self.model.meeting_rows()
            if r.meeting.starts_at > next(
                x.meeting.starts_at for x in self.model.meeting_rows() if x.meeting.id == entry.meeting_id
            ) and r.meeting.status not in ("cancelled", "held", "adjourned")
            and r.meeting.starts_at.date() >= self.today()  # as planning.next_meeting_after
        ]
        next_text = labels.long_date(later[0].starts_at.date()) if later else None
        answer = self.dialogs.defer(self, entry.title, next_text)
        if answer is None:
            return
        from ..commands.planning import DeferCommand

        reason, to = answer
        if to == "next" and later:
            from ..dialogs.booking import confirm_booking

            if not confirm_booking(
                self.hub, self, meeting_id=later[0].id, today=self.today(),
                ask=self.dialogs.confirm_booking,
            ):
                return
        self.push(DeferCommand(
            self.hub, entry_id=entry.id, title=entry.title, reason=reason, to=to, today=self.today(),
            version=entry.version,
        ))

    def bring_back(self) -> None:
        entry = self.current_entry()
        if entry is None or self.hub is None:
            return
        months = self.dialogs.months(self, entry.title)
        if months is None:
            return
        from ..commands.planning import BringBackCommand

        row = self.model.meeting_of(self.tree.currentIndex())
        assert row is not None
        command = BringBackCommand(
            self.hub, topic_id=entry.topic_id, title=entry.title, months=months,
            from_date=row.meeting.starts_at.date(), entry=(entry.id, entry.version),
        )
        if self.push(command) and command.result is not None:
            self.show_notice(command.result.message)

    def cancel_meeting(self) -> None:
        meeting = self.current_meeting()
        if meeting is None or meeting.status == "cancelled" or self.hub is None:
            return
        destination: int | str | None | bool = None
        row = self.model.meeting_of(self.tree.currentIndex())
        if row is not None and row.entries:
            destination = self.dialogs.cancel_destination(self, meeting, self._meeting_choices(meeting.id))
            if destination is False:
                return
        from ..commands.planning import CancelMeetingCommand

        self.push(CancelMeetingCommand(
            self.hub, meeting_id=meeting.id, meeting_day=meeting.starts_at.date(),
            move_items_to=destination,
        ))

    def record_outcome(self) -> None:
        """Ask what happened at the selected meeting and record it, deferring the items it
        did not take, in one undo step."""
        meeting = self.current_meeting()
        if meeting is None or self.hub is None:
            return
        from domain.ops import planning

        try:
            agenda = self.hub.query(planning.meeting_agenda, meeting_id=meeting.id, today=self.today())
        except Exception as exc:
            errors.report(exc, self)
            return
        answer = self.dialogs.outcome(self, agenda)
        if answer is None:
            return
        from ..commands.planning import RecordOutcomeCommand

        outcome, not_taken, to = answer
        command = RecordOutcomeCommand(
            self.hub, meeting_id=meeting.id, starts_at=meeting.starts_at, outcome=outcome,
            not_taken=not_taken, to=to, today=self.today(), version=agenda.meeting.version,
            entries={e.id: e.version for e in agenda.entries},
        )
        if self.push(command) and command.result is not None:
            self.show_notice(command.result.message)

    # --- whole-programme actions -------------------------------------------------------------

    def create_meetings(self) -> None:
        if self.committee_id is None or self.year_start is None or self.data is None or self.hub is None:
            return
        committee = self.data.programme.committee
        dialog = self.dialogs.meeting_calendar(
            self, year_start=self.year_start, time=committee.default_time, venue=committee.default_venue
        )
        if not self.dialogs.run(dialog):
            return
        from ..commands.planning import CreateMeetingsCommand

        command = CreateMeetingsCommand(
            self.hub, committee_id=self.committee_id, dates=dialog.dates(),
            time=dialog.meeting_time(), venue=dialog.meeting_venue(),
        )
        if self.push(command) and command.result is not None:
            done = command.result
            text = f"{counted(len(done.created), 'meeting')} created."
            if done.skipped:
                skipped = ", ".join(labels.long_date(d) for d in done.skipped)
                text += f" Skipped (the committee already meets then): {skipped}."
            self.show_notice(text)

    def suggest_schedule(self) -> None:
        if self.committee_id is None or self.year_start is None or self.hub is None:
            return
        from domain.ops import planning

        try:
            proposal = self.hub.query(
                planning.suggest, committee_id=self.committee_id, year_start=self.year_start, today=self.today()
            )
        except Exception as exc:
            errors.report(exc, self)
            return
        if not proposal.changes:
            self.show_notice(proposal.summary, proposal.details)
            return
        dialog = self.dialogs.suggestion(self, proposal)
        if not self.dialogs.run(dialog):
            return
        chosen = dialog.chosen()
        if not chosen:
            return
        from ..commands.planning import AcceptSuggestionCommand

        if self.push(AcceptSuggestionCommand(self.hub, placements=chosen, released_entry_ids=proposal.released_entry_ids)):
            meetings = len({p.meeting_id for p in chosen})
            self.show_notice(
                f"{counted(len(chosen), 'item')} booked as suggested at "
                f"{counted(meetings, 'meeting')}. Undo (Ctrl+Z) takes them off again.",
                [f"{p.title}: {labels.long_date(p.meeting_day)}" for p in chosen]
                + [f"{u.title}: {u.reason}" for u in proposal.unplaced],
            )

    def place_standing_items(self) -> None:
        if self.committee_id is None or self.year_start is None or self.hub is None:
            return
        from ..commands.planning import PlaceStandingCommand

        shown = {row.meeting.id: row.meeting.version for row in self.model.meeting_rows()}
        command = PlaceStandingCommand(
            self.hub, committee_id=self.committee_id, year_start=self.year_start, meetings=shown
        )
        if not self.push(command):
            return
        n = len(command.result.entry_ids) if command.result is not None else 0
        if n == 0:
            self.show_notice("Every meeting already has its standing items.")
        else:
            self.show_notice(f"{counted(n, 'standing item')} placed.")

    # --- menus -------------------------------------------------------------------------------

    def _on_tree_context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self._update_actions()
        menu = QMenu(self)
        if self.current_entry() is not None:
            for a in self._entry_actions():
                if a in (self.defer_action, self.to_follow_action):
                    menu.addSeparator()
                menu.addAction(a)
        elif self.current_meeting() is not None:
            menu.addAction(self.outcome_action)
            menu.addAction(self.cancel_meeting_action)
            menu.addAction(self.print_papers_action)
        if menu.isEmpty():
            return
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def print_meeting_papers(self) -> QWidget | None:
        """The print preview of the selected meeting's own papers."""
        meeting = self.current_meeting()
        if meeting is None or self.hub is None or self.committee_id is None:
            return None
        from ..printing import controller_of, open_meeting_papers

        controller = controller_of(self.window())
        dialogs = controller.dialogs if controller is not None else None
        return open_meeting_papers(
            self, self.hub, committee_id=self.committee_id, meeting_id=meeting.id, dialogs=dialogs
        )

    def _on_waiting_context_menu(self, pos: QPoint) -> None:
        index = self.waiting.indexAt(pos)
        if index.isValid():
            self.waiting.setCurrentIndex(index)
        self._update_actions()
        if self.current_topic() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.book_action)
        menu.popup(self.waiting.viewport().mapToGlobal(pos))
