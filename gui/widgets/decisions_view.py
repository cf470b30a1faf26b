"""The Decisions page: tracking a committee's resolutions until they are done.

A filter picks the resolutions (this municipal year, all open ones soonest target first, the
overdue ones, or all); the table shows each with its target, officer, status, RAG and an
"Overdue" mark, always in words with colour as a second cue. Below it, the selected
resolution: its text, status and RAG (changed in place), the topics made from it with a link
that opens them on the Topics page, and its dated progress notes, newest first.

Every change is an undoable command pushed through the window's ``push``.

Signals:
    open_topic_requested(int): the user asked to see a topic made from a resolution.
    current_decision_changed(object): the selected DecisionInfo, or None.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .. import errors
from ..models import labels
from ..models.decisions import DecisionTableModel, ProgressTableModel
from .history import HistoryPane
from .master_detail import MasterDetailPage, saving_new
from .master_detail import page_button as _button
from .tables import EnterTable, make_table

if TYPE_CHECKING:
    from domain.decision_values import DecisionInfo, LinkedTopic

FILTERS = (
    ("year", "This year"),
    ("open", "All open"),
    ("overdue", "Overdue"),
    ("all", "All"),
)


def linked_topic_text(t: LinkedTopic) -> str:
    """Where a topic made from a resolution is on the programme, in words."""
    if t.meeting_dates:
        when = ", ".join(labels.long_date(d) for d in t.meeting_dates)
        return f"booked for {when}"
    if t.needed_by is not None:
        return f"in items to be scheduled {labels.year_label(t.year_start)}, needed by {labels.date_text(t.needed_by)}"
    return f"in items to be scheduled {labels.year_label(t.year_start)}"


class DecisionsView(MasterDetailPage):
    current_decision_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("DecisionsView", parent)
        self._current: DecisionInfo | None = None

        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("decisionFilter")
        self.filter_combo.setAccessibleName("Show resolutions")
        for code, text in FILTERS:
            self.filter_combo.addItem(text, code)
        show_label = QLabel("&Show:", self)
        show_label.setBuddy(self.filter_combo)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("decisionCount")
        self.count_label.setAccessibleName("Number of resolutions shown")

        self.new_button = _button("&New resolution…", "newResolution", "Record a resolution of a meeting", self)
        self.edit_button = _button("&Edit…", "editResolution", "Edit the selected resolution (Enter)", self)
        self.delete_button = _button("De&lete", "deleteResolution", "Delete the selected resolution (Ctrl+Z brings it back)", self)
        self.programme_button = _button(
            "Add to &work programme…", "addToProgramme",
            "Make what the resolution asks for a topic on the work programme, booked or to be scheduled",
            self,
        )  # fmt: skip
        self.print_button = _button(
            "&Print tracking decisions…", "printDecisions",
            "Preview, print or save the tracking decisions document: open resolutions or all", self,
        )  # fmt: skip
        print_menu = QMenu(self.print_button)
        print_menu.setObjectName("printDecisionsMenu")
        self.print_open_action = print_menu.addAction("&Open resolutions only…")
        self.print_all_action = print_menu.addAction("&All resolutions…")
        self.print_open_action.triggered.connect(lambda _c=False: self.print_decisions(open_only=True))
        self.print_all_action.triggered.connect(lambda _c=False: self.print_decisions(open_only=False))
        self.print_button.setMenu(print_menu)
        bar = QHBoxLayout()
        bar.addWidget(show_label)
        bar.addWidget(self.filter_combo)
        bar.addWidget(self.count_label, 1)
        for b in (self.new_button, self.edit_button, self.delete_button, self.programme_button, self.print_button):
            bar.addWidget(b)

        self.model = DecisionTableModel(self)
        self.table = make_table("decisionsTable", "Tracking decisions", self, cls=EnterTable)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, self.model.sort_order())
        em = self.fontMetrics().averageCharWidth()
        for column, chars in enumerate((12, 7, 34, 15, 20, 10, 7, 9)):
            self.table.setColumnWidth(column, em * chars + 16)
        self._lay_out(bar, notice_name="decisionNotice", splitter_name="decisionsSplitter", stretch=(3, 2), sizes=[330, 300])

        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.activated_by_key.connect(self.edit_resolution)
        self.table.doubleClicked.connect(lambda _i: self.edit_resolution())
        self.new_button.clicked.connect(self.new_resolution)
        self.edit_button.clicked.connect(self.edit_resolution)
        self.delete_button.clicked.connect(self.delete_resolution)
        self.programme_button.clicked.connect(self.add_to_programme)
        self._show_detail(None)

    def _build_detail(self) -> QWidget:
        from domain.decision_values import DecisionStatus, Rag

        detail = QWidget(self)
        detail.setObjectName("decisionDetail")
        self.heading = QLabel(detail)
        self.heading.setObjectName("decisionHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.facts = QLabel(detail)
        self.facts.setObjectName("decisionFacts")
        self.facts.setWordWrap(True)
        self.overdue_label = QLabel(detail)
        self.overdue_label.setObjectName("overdueMarker")
        self.overdue_label.setAccessibleName("Overdue")
        self.overdue_label.setWordWrap(True)
        self.overdue_label.setStyleSheet(
            "QLabel { background: #f6c9c4; color: #000000; font-weight: bold; padding: 3px; }"
        )
        self.resolution_text = QPlainTextEdit(detail)
        self.resolution_text.setObjectName("resolutionText")
        self.resolution_text.setReadOnly(True)
        self.resolution_text.setAccessibleName("Resolution")
        self.resolution_text.setTabChangesFocus(True)

        self.status_combo = QComboBox(detail)
        self.status_combo.setObjectName("decisionStatus")
        self.status_combo.setAccessibleName("Status")
        for status in DecisionStatus:
            self.status_combo.addItem(status.label, status)
        self.rag_combo = QComboBox(detail)
        self.rag_combo.setObjectName("decisionRag")
        self.rag_combo.setAccessibleName("RAG")
        self.rag_combo.addItem("None", None)
        for rag in Rag:
            self.rag_combo.addItem(rag.meaning, rag)
        status_label = QLabel("St&atus:", detail)
        status_label.setBuddy(self.status_combo)
        rag_label = QLabel("&RAG:", detail)
        rag_label.setBuddy(self.rag_combo)
        marks = QHBoxLayout()
        marks.addWidget(status_label)
        marks.addWidget(self.status_combo)
        marks.addSpacing(12)
        marks.addWidget(rag_label)
        marks.addWidget(self.rag_combo)
        marks.addStretch(1)

        self.topics_label = QLabel(detail)
        self.topics_label.setObjectName("decisionTopics")
        self.topics_label.setAccessibleName("On the work programme")
        self.topics_label.setWordWrap(True)
        self.topics_label.setTextFormat(Qt.TextFormat.RichText)
        self.topics_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.topics_label.linkActivated.connect(self._on_topic_link_activated)

        left = QWidget(detail)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.facts)
        left_layout.addWidget(self.overdue_label)
        left_layout.addWidget(self.resolution_text, 1)
        left_layout.addLayout(marks)
        left_layout.addWidget(self.topics_label)

        self.progress_model = ProgressTableModel(self)
        self.progress_table = make_table("progressTable", "Progress notes, newest first", detail)
        self.progress_table.setModel(self.progress_model)
        self.progress_table.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 12 + 16)
        # A handful of notes: whole texts, wrapped, rather than one clipped line each.
        self.progress_table.setWordWrap(True)
        self.progress_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        progress_label = QLabel("&Progress (newest first):", detail)
        progress_label.setBuddy(self.progress_table)
        self.note_button = _button("Add progress &note…", "addProgressNote", "Record what has happened, with its date", detail)
        self.note_button.clicked.connect(self.add_progress_note)
        head = QHBoxLayout()
        head.addWidget(progress_label, 1)
        head.addWidget(self.note_button)
        right = QWidget(detail)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(head)
        right_layout.addWidget(self.progress_table, 1)
        self.history = HistoryPane("decision", "decisionHistory", right)
        right_layout.addWidget(self.history)

        self._detail_row(detail, [(left, 3), (right, 2)], "Select a resolution to see its text and progress.")

        self.status_combo.currentIndexChanged.connect(self._on_status_combo_changed)
        self.rag_combo.currentIndexChanged.connect(self._on_rag_combo_changed)
        return detail

    # --- data -------------------------------------------------------------------------------

    def load(self, *, committee_id: int, year_start: int) -> None:
        self.committee_id, self.year_start = committee_id, year_start
        self.filter_combo.setItemText(0, f"This year ({labels.year_label(year_start)})")
        self.reload()

    def reload(self) -> None:
        if self.hub is None or self.committee_id is None:
            return
        from domain.ops import decisions

        mode = self.filter_combo.currentData()
        cid, today = self.committee_id, self._today()
        try:
            if mode == "year":
                rows = self.hub.query(decisions.list_decisions, committee_id=cid, year_start=self.year_start, today=today)
            elif mode in ("open", "overdue"):
                rows = self.hub.query(decisions.open_decisions, committee_id=cid, today=today)
                if mode == "overdue":
                    rows = [d for d in rows if d.overdue]
            else:
                rows = self.hub.query(decisions.list_decisions, committee_id=cid, today=today)
        except Exception as exc:  # a page that cannot load says why; the window keeps working
            errors.report(exc, self)
            return
        keep = self._current.id if self._current else None
        self.model.set_rows(rows)
        self._update_count(mode, rows)
        if keep is not None and self.select_decision(keep):
            return
        if rows:  # the first row, so the page never opens on an empty detail pane
            self.select_decision(self.model.row_value(0).id)
        else:
            self._set_current(None)

    def _update_count(self, mode: str, rows: list[DecisionInfo]) -> None:
        overdue = sum(1 for d in rows if d.overdue)
        noun = "resolution" if len(rows) == 1 else "resolutions"
        if not rows:
            text = {
                "overdue": "No overdue resolutions.",
                "open": "No open resolutions.",
            }.get(mode, "No resolutions recorded yet: use New resolution.")
        elif overdue and mode != "overdue":
            text = f"{len(rows)} {noun}, {overdue} overdue"
        else:
            text = f"{len(rows)} {noun}"
        self.count_label.setText(f"  {text}")

    def current_decision(self) -> DecisionInfo | None:
        return self._current

    def select_decision(self, decision_id: int) -> bool:
        row = self.model.row_of_decision(decision_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self._set_current(self.model.row_value(row))
        return True

    def set_filter(self, code: str) -> None:
        self.filter_combo.setCurrentIndex(self.filter_combo.findData(code))

    def _set_current(self, info: DecisionInfo | None) -> None:
        super()._set_current(info)
        self.history.show_row(info.id if info else None)
        self.current_decision_changed.emit(info)

    def _show_detail(self, d: DecisionInfo | None) -> None:
        self._show_detail_parts(d is not None)
        ready = self.hub is not None and self.committee_id is not None
        self.new_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        for b in (self.edit_button, self.delete_button, self.programme_button, self.note_button):
            b.setEnabled(ready and d is not None)
        if d is None:
            self.progress_model.set_rows([])
            return
        minute = f"Minute {escape(d.minute_no)} \u2013 " if d.minute_no else ""
        self.heading.setText(f"<b>{minute}{escape(d.title)}</b>")
        facts = [f"Meeting: {labels.date_text(d.meeting_date)}"]
        facts.append(f"Target: {d.target_label or 'none'}")
        facts.append(f"Officer: {d.officer or 'not recorded'}")
        self.facts.setText("   ·   ".join(facts))
        self.overdue_label.setVisible(d.overdue)
        self.overdue_label.setText(
            f"Overdue: the target ({d.target_label}) has passed and it is still ongoing."
        )
        self.resolution_text.setPlainText(d.resolution)
        self._filling = True
        try:
            self.status_combo.setCurrentIndex(self.status_combo.findData(d.status))
            self.rag_combo.setCurrentIndex(self.rag_combo.findData(d.rag))
        finally:
            self._filling = False
        self.topics_label.setText(self._topics_html(d))
        self.topics_label.setVisible(bool(d.topics))
        self.progress_model.set_rows(d.progress)

    @staticmethod
    def _topics_html(d: DecisionInfo) -> str:
        parts = []
        for t in d.topics:
            parts.append(
                f"On the work programme: \u201c{escape(t.title)}\u201d, {escape(linked_topic_text(t))}. "
                f'<a href="topic:{t.id}">Open topic</a>'
            )
        return "<br>".join(parts)

    # --- commands ---------------------------------------------------------------------------

    def _meetings(self) -> list[Any]:
        from domain.ops import planning

        assert self.hub is not None and self.committee_id is not None
        return list(self.hub.query(planning.list_meetings, committee_id=self.committee_id))

    def _default_meeting_date(self) -> dt.date:
        """The latest meeting of the year so far, else the year's first, else today."""
        today = self._today()
        from domain.ops import planning

        assert self.hub is not None and self.committee_id is not None
        year = [
            m.starts_at.date()
            for m in self.hub.query(planning.list_meetings, committee_id=self.committee_id, year_start=self.year_start)
            if self.year_start is not None and m.status != "cancelled"
        ]
        past = [d for d in year if d <= today]
        return past[-1] if past else (year[0] if year else today)

    def new_resolution(self) -> None:
        if self.hub is None or self.committee_id is None:
            return
        from ..commands.decisions import CreateDecisionCommand
        from ..dialogs.decision_editor import DecisionEditor

        hub, cid = self.hub, self.committee_id
        save, created = saving_new(
            self.push, lambda fields: CreateDecisionCommand(hub, committee_id=cid, fields=fields, inline=True)
        )
        dialog = DecisionEditor(info=None, meeting_date=self._default_meeting_date(), on_save=save, parent=self)
        dialog.accepted.connect(lambda: self._show_created(created))
        self._show_dialog(dialog)

    def _show_created(self, created: list[int]) -> None:
        if not created:
            return
        if not self.select_decision(created[0]):
            # Not in the current filter (another year, or complete): show all to find it.
            self.set_filter("all")
            self.select_decision(created[0])

    def edit_resolution(self) -> None:
        d = self._current
        if self.hub is None or d is None:
            return
        from ..commands.decisions import EditDecisionCommand
        from ..dialogs.decision_editor import DecisionEditor

        hub = self.hub
        dialog: DecisionEditor

        def save(_fields: dict[str, Any]) -> BaseException | None:
            changed = dialog.changed_values()
            if not changed:
                return None
            return self.push(EditDecisionCommand(hub, before=d, fields=changed, inline=True))

        dialog = DecisionEditor(info=d, meeting_date=d.meeting_date, on_save=save, parent=self)
        self._show_dialog(dialog)

    def delete_resolution(self) -> None:
        d = self._current
        if self.hub is None or d is None:
            return
        from ..commands.decisions import DeleteDecisionCommand

        if self.push(DeleteDecisionCommand(self.hub, info=d)) is None:
            self._say(f"Deleted the resolution \u201c{d.title}\u201d. Undo (Ctrl+Z) brings it back.")

    def _edit(self, fields: dict[str, Any]) -> None:
        d = self._current
        if self.hub is None or d is None:
            return
        from ..commands.decisions import EditDecisionCommand

        if self.push(EditDecisionCommand(self.hub, before=d, fields=fields)) is not None:
            self._show_detail(self._current)  # put the combos back as saved

    def _on_status_combo_changed(self, _index: int) -> None:
        from domain.decision_values import DecisionStatus

        d = self._current
        if self._filling or d is None:
            return
        status = DecisionStatus(self.status_combo.currentData())  # the combo gives back plain text
        if status is not d.status:
            self._edit({"status": status})

    def _on_rag_combo_changed(self, _index: int) -> None:
        from domain.decision_values import Rag

        d = self._current
        if self._filling or d is None:
            return
        data = self.rag_combo.currentData()
        rag = None if data is None else Rag(data)
        if rag is not d.rag:
            self._edit({"rag": rag})

    def print_decisions(self, *, open_only: bool = True) -> QDialog | None:
        """Open the print preview on the tracking decisions document (open ones, or all),
        from which it can be printed or saved as PDF."""
        if self.hub is None or self.committee_id is None or self.year_start is None:
            return None
        from ..printing import DECISIONS, OPEN_DECISIONS, PrintRequest, make_pdf

        hub, cid, year = self.hub, self.committee_id, self.year_start

        def produce(kind: str, include_exempt: bool) -> Any:
            return make_pdf(hub, PrintRequest(kind, cid, year, include_exempt))

        return self._open_preview(produce, kind=OPEN_DECISIONS if open_only else DECISIONS)

    def add_progress_note(self) -> None:
        d = self._current
        if self.hub is None or d is None:
            return
        from ..commands.decisions import AddProgressNoteCommand
        from ..dialogs.decision_editor import ProgressNoteDialog

        hub = self.hub

        def save(values: dict[str, Any]) -> BaseException | None:
            return self.push(
                AddProgressNoteCommand(hub, decision=d, text=values["text"], noted_on=values["noted_on"], inline=True)
            )

        self._show_dialog(ProgressNoteDialog(decision=d, on_save=save, today=self._today(), parent=self))

    def add_to_programme(self) -> None:
        d = self._current
        if self.hub is None or d is None:
            return
        from domain.errors import Invalid

        from ..commands.decisions import AddToWorkProgrammeCommand
        from ..dialogs.booking import confirm_booking
        from ..dialogs.decision_editor import PlacementDialog, months_in

        hub, today = self.hub, self._today()
        minute = f"minute {d.minute_no} of " if d.minute_no else "the meeting of "
        heading = (
            f"Make a work programme item of {escape(minute)}{escape(labels.date_text(d.meeting_date))}, "
            f"<b>{escape(d.title)}</b>. The resolution is marked complete, with the progress "
            "\u201cAdded to work programme\u201d."
        )

        def save(values: dict[str, Any]) -> BaseException | None:
            if values.get("meeting_id") is not None and not confirm_booking(
                hub, dialog, meeting_id=values["meeting_id"], today=today
            ):
                return Invalid("Not booked: choose another meeting, or a number of months.", "meeting_id")
            command = AddToWorkProgrammeCommand(hub, decision=d, today=today, inline=True, **values)
            failed = self.push(command)
            if failed is None and command.addition is not None:
                self._say(command.addition.message)
            return failed

        dialog = PlacementDialog(
            heading=heading,
            title=d.title,
            reason=d.resolution,
            meetings=self._meetings(),
            from_date=d.meeting_date,
            from_what="the meeting",
            months=months_in(d.resolution),
            on_save=save,
            parent=self,
        )
        self._show_dialog(dialog)

