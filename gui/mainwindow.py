"""The main window: arranges the committee and year pickers, the six pages, menus and undo.

The window paints before the database is opened (``attach_database`` runs after the first
paint), so this module imports only Qt and light GUI modules at load time; SQLAlchemy and the
domain operations are imported when the data is loaded. Each page's module is imported and the
page built when it is first shown with data (or asked for, see ``gui.pages``), so the first
paint shows only the window's frame: menus, pickers and tabs. The pages own their workflows;
the menus' workflows live in ``gui.workflows``.

Every edit is an undoable command pushed on ``undo_stack``; the hub's ``changed`` signal says
what kind of data changed, and only the pages showing it reload (the others when next shown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

# ``Qt`` is imported where it is used, after the first paint: importing the name makes PySide
# create every enum of the Qt namespace, tens of milliseconds.
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from . import errors, live, navigation
from .actions import new_action, shortcut, standard_shortcut, undo_redo_actions
from .dialogs.seam import Dialogs
from .menus import build_menus
from .pages import PAGES, Pages, showing
from .settings import Preferences, WindowState, open_settings
from .widgets.selection import SelectionBar
from .workflows.committees import CommitteesFlow
from .workflows.host import WorkflowHost
from .workflows.meetings import MeetingsFlow
from .workflows.topics import TopicsFlow
from .workflows.transfer import TransferFlow
from .workflows.year import YearFlow

if TYPE_CHECKING:
    from domain.db import Database
    from domain.values import Change, CommitteeInfo

    from .hub import Hub
    from .widgets.decisions_view import DecisionsView
    from .widgets.meetings_view import MeetingsView
    from .widgets.planner import PlannerView
    from .widgets.reviews_view import ReviewsView
    from .widgets.topics_view import TopicsView


class MainWindow(WorkflowHost):
    def __init__(
        self,
        database: Database | None = None,
        *,
        settings: QSettings | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle("Scrutineer")
        self.settings = settings if settings is not None else open_settings()
        self.window_state = WindowState(self.settings)
        self.preferences = Preferences(self.settings)
        self.dialogs = dialogs or Dialogs()
        self.database: Database | None = None
        self.hub: Hub | None = None
        self.undo_stack = QUndoStack(self)
        self.committee_id: int | None = None
        self.year_start: int | None = None
        self.committee: CommitteeInfo | None = None
        self.open_dialog: QDialog | None = None
        self._stale: set[str] = set(PAGES)
        self.on_data_shown: Callable[[], None] | None = None  # start-up timing probe
        self.topics_flow = TopicsFlow(self)
        self.meetings_flow = MeetingsFlow(self)
        self.committees_flow = CommitteesFlow(self)
        self.transfer_flow = TransferFlow(self)
        self.year_flow = YearFlow(self)

        self._build_pages()
        self._build_toolbar()
        self._build_actions()
        self.print_actions = build_menus(self)
        self.status_label = QLabel("Opening the database…", self)
        self.status_label.setObjectName("databaseLabel")
        self.status_label.setAccessibleName("Database")
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1200, 760)
        self.window_state.restore_window(self)
        self.pages.restore_state()
        self._update_actions()
        if database is not None:
            self.attach_database(database)

    # --- building ---------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.pages = Pages(self, window_state=self.window_state, undo_stack=self.undo_stack, push=self.push, wire=self._wire_page)
        self.tabs = self.pages.tabs
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def _wire_page(self, name: str, page: Any) -> None:
        """Connect a page just built to the window's actions and navigation."""
        if name == "topics":
            page.current_topic_changed.connect(lambda _row: self._update_actions())
            page.edit_requested.connect(self.topics_flow.edit_topic)
            page.table.addActions([self.edit_topic_action, self.new_topic_action])
            self.topics_flow.path.wire(page)
        elif name == "meetings":
            page.current_meeting_changed.connect(lambda _m: self._update_actions())
            page.set_actions(
                [self.add_meeting_action, self.move_meeting_action, self.cancel_meeting_action, self.reinstate_meeting_action, self.outcome_action,
                 self.print_meeting_action]
            )
            page.add_context_actions([self.print_meeting_action])
        elif name in ("reviews", "decisions"):
            page.open_topic_requested.connect(self.show_topic)
        elif name == "year":
            self.year_flow.wire(page)

    @property
    def topics_view(self) -> TopicsView:
        return self.pages["topics"]  # type: ignore[return-value]

    @property
    def programme_view(self) -> PlannerView:
        return self.pages["programme"]  # type: ignore[return-value]

    @property
    def meetings_view(self) -> MeetingsView:
        return self.pages["meetings"]  # type: ignore[return-value]

    @property
    def reviews_view(self) -> ReviewsView:
        return self.pages["reviews"]  # type: ignore[return-value]

    @property
    def decisions_view(self) -> DecisionsView:
        return self.pages["decisions"]  # type: ignore[return-value]

    def _build_toolbar(self) -> None:
        self.selection = SelectionBar(self.query, self.start_month, self)
        self.selection.saved_year = self.window_state.int("year")
        self.committee_combo = self.selection.committee_combo
        self.year_combo = self.selection.year_combo
        self.addToolBar(self.selection)  # the top area (not named: see the import of QSettings)
        self.selection.changed.connect(self._on_selection_changed)

    def _build_actions(self) -> None:
        self.new_topic_action = new_action(self, "&New topic…", self.topics_flow.new_topic, "newTopic", "Add a candidate topic")
        standard_shortcut(self.new_topic_action, QKeySequence.StandardKey.New, "Ctrl+N")
        self.edit_topic_action = new_action(self, "&Edit topic…", self.topics_flow.edit_topic, "editTopic", "Edit the selected topic")
        shortcut(self.edit_topic_action, "Ctrl+E")
        self.find_action = new_action(self, "&Find topic", self.topics_flow.focus_filter, "find", "Type part of a topic's title")
        standard_shortcut(self.find_action, QKeySequence.StandardKey.Find, "Ctrl+F")
        self.quit_action = new_action(self, "&Quit", self.close, "quit")
        standard_shortcut(self.quit_action, QKeySequence.StandardKey.Quit, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action, self.redo_action = undo_redo_actions(self.undo_stack, self)

        self.new_committee_action = new_action(self,
            "New &committee…", self.committees_flow.new_committee, "newCommittee", "Add a committee, panel or board"
        )
        self.edit_committee_action = new_action(self,
            "Committee &details…", self.committees_flow.edit_committee, "editCommittee",
            "Chair, members, remit, support officer and meeting defaults",
        )
        self.settings_action = new_action(self,
            "Council &settings…", self.committees_flow.edit_settings, "councilSettings",
            "Council name, publication and report deadlines, closure days and other rules for every committee",
        )  # fmt: skip
        self.add_meeting_action = new_action(self, "&Add meeting…", self.meetings_flow.add_meeting, "addMeeting", "Add a meeting of this committee")
        shortcut(self.add_meeting_action, "Ctrl+Shift+M")
        self.move_meeting_action = new_action(self, "M&ove meeting…", self.meetings_flow.move_meeting, "moveMeeting", "Move the selected meeting to another date or time")
        self.cancel_meeting_action = new_action(self, "&Cancel meeting", self.meetings_flow.cancel_meeting, "cancelMeeting", "Cancel the selected meeting and say where its items go")
        self.reinstate_meeting_action = new_action(self, "&Reinstate meeting", self.meetings_flow.reinstate_meeting, "reinstateMeeting", "Reinstate the selected cancelled meeting")
        self.outcome_action = new_action(self, "Record &what happened…", self.meetings_flow.record_outcome, "recordOutcome", "Record that the selected meeting was held or adjourned, and defer the items it did not take")
        self.print_meeting_action = new_action(self,
            "&Print meeting papers…", self.print_meeting_papers, "printMeetingPapers",
            "Preview, print or save the selected meeting's scrutiny items with their report deadline, or the chair's briefing",
        )  # fmt: skip
        self.import_csv_action = new_action(self,
            "&Import programme…", self.transfer_flow.import_programme, "importProgrammeCsv",
            "Add the meetings and items of a CSV, Excel or Word file in the council's layout to this year's programme",
        )
        self.export_action = new_action(self,
            "E&xport programme…", self.transfer_flow.export_programme, "exportProgramme",
            "Save this year's programme as a web page or Word document to publish, a spreadsheet, a CSV file or a calendar of its meetings (exempt items left out)",
        )
        self.approved_action = new_action(self,
            "Programme &approved", self.committees_flow.toggle_approved, "programmeApproved",
            "Mark this year's programme approved by the committee (it prints without DRAFT), or back to draft",
        )  # fmt: skip
        self.approved_action.setCheckable(True)
        self.page_actions = self.pages.actions(self)

    # --- the database -----------------------------------------------------------------------

    def attach_database(self, database: Database) -> None:
        """Open the data: committees, the last committee and year, the current page."""
        from .hub import Hub

        self.database = database
        database.user = self.preferences.get("history_name").strip() or database.user
        self.hub = Hub(database, self)
        self.hub.changed.connect(self._on_hub_changed)
        self.watcher = live.ChangeWatcher(self.hub, self)  # others' changes arrive as hub changes
        self.status_label.setText(f"Database: {database.description}")
        self.status_label.setToolTip(database.description)
        for warning in database.warnings:
            self.statusBar().showMessage(warning)
        self.pages.attach(self.hub)
        self.pages[self.current_page()]
        self.load_committees(prefer=self.window_state.int("committee"))
        self._update_actions()

    def query(self, op: Callable[..., Any], **kw: Any) -> Any:
        assert self.hub is not None
        return self.hub.query(op, **kw)

    def start_month(self) -> int:
        """The month the council's municipal year starts in (a council setting)."""
        from domain.settings import DEFAULTS
        from domain.years import start_month

        return DEFAULTS.year_start_month if self.hub is None else int(self.query(start_month))

    def load_committees(self, prefer: int | None) -> None:
        self.selection.load_committees(prefer)

    def _on_selection_changed(self) -> None:
        self.committee_id = self.selection.committee_id
        self.committee = self.selection.committee
        self.year_start = self.selection.year_start
        # Remembered at once, not only on close: the next start opens the committee last used
        # even if this run never closes cleanly.
        self.window_state.set_int("committee", self.committee_id)
        self.window_state.set_int("year", self.year_start)
        self.window_state.sync()
        self._update_title()
        self._stale = set(PAGES)
        self._reload_current()
        self.committees_flow.refresh_approved()
        self._update_actions()

    def years(self) -> list[int]:
        return self.selection.years()

    def _update_title(self) -> None:
        from .models import labels

        if self.committee is None or self.year_start is None:
            self.setWindowTitle("Scrutineer")
            return
        name = self.committee.short_name or self.committee.name
        self.setWindowTitle(f"{name} — Work Programme {labels.year_label(self.year_start)} — Scrutineer")

    # --- loading pages ----------------------------------------------------------------------

    def current_page(self) -> str:
        return self.pages.current_name()

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.pages.swapping:
            return
        if self.hub is not None:
            self.pages[self.current_page()]
        self._reload_current()
        self._update_actions()

    def _reload_current(self) -> None:
        page = self.current_page()
        if page in self._stale:
            self.reload_page(page)

    def reload_page(self, page: str) -> None:
        if self.hub is None or self.committee_id is None or self.year_start is None:
            return
        self._stale.discard(page)
        try:
            self.pages.load(page, committee_id=self.committee_id, year_start=self.year_start)
        except Exception as exc:  # a page that cannot load says why; the others keep working
            self._stale.add(page)
            errors.report(exc, self)
            return
        if self.on_data_shown is not None and page == "topics":
            callback, self.on_data_shown = self.on_data_shown, None
            callback()

    def reload_all(self) -> None:
        """Re-read everything (after a conflict with someone else's change)."""
        self.load_committees(prefer=self.committee_id)
        self._stale = set(PAGES)
        self._reload_current()

    def _on_hub_changed(self, change: Change) -> None:
        stale = showing(change)
        if change.programme:
            self.committees_flow.refresh_approved()
            if self.selection.refresh_years():
                return  # the council's year now starts in another month: every page reloads
        if change.committees:
            if self.selection.refresh_committees():
                return  # a committee was added or removed: the pickers were filled again
            self.committee = self.selection.committee
            self._update_title()
            if self.committee_id is not None:
                stale |= {"programme"}
        self._stale |= stale
        self._reload_current()

    # --- commands ---------------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> BaseException | None:
        """Run a command and keep it on the undo stack; returns its error, if it failed."""
        self.undo_stack.push(command)
        failed = getattr(command, "failed", None)
        if failed is not None:
            from domain.errors import Conflict, NotFound

            if isinstance(failed, Conflict | NotFound):
                self.reload_all()
        return failed

    def show_dialog(self, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> None:
        from .widgets.master_detail import open_tracked

        open_tracked(self, dialog, on_accept)

    def print_meeting_papers(self, meeting_id: int | None = None) -> QWidget | None:
        """The print preview of a meeting's own papers: the one given, else the one selected
        on the Meetings page."""
        from .printing import controller_of

        if meeting_id is None:
            meetings: Any = self.pages.get("meetings")
            meeting = meetings.current_meeting() if meetings is not None else None
            meeting_id = meeting.id if meeting is not None else None
        controller = controller_of(self)
        if meeting_id is None or controller is None:
            return None
        return controller.open_meeting_papers(meeting_id)

    def show_topic(self, topic_id: int) -> bool:
        return navigation.show_topic(self, topic_id)

    def show_decision(self, decision_id: int) -> bool:
        return navigation.show_decision(self, decision_id)

    def _update_actions(self) -> None:
        ready = self.hub is not None and self.committee_id is not None and self.year_start is not None
        # Pages not built yet have nothing selected; asking them must not build them.
        topics: Any = self.pages.get("topics")
        meetings: Any = self.pages.get("meetings")
        on_topics = topics is not None and self.tabs.currentWidget() is topics
        self.new_topic_action.setEnabled(ready)
        self.edit_topic_action.setEnabled(ready and on_topics and topics.current_topic() is not None)
        self.edit_committee_action.setEnabled(ready)
        self.settings_action.setEnabled(self.hub is not None)
        self.find_action.setEnabled(ready)
        self.approved_action.setEnabled(ready)
        self.import_csv_action.setEnabled(ready)
        self.export_action.setEnabled(ready)
        meeting = meetings.current_meeting() if ready and meetings is not None else None
        self.add_meeting_action.setEnabled(ready)
        self.move_meeting_action.setEnabled(meeting is not None and meeting.status != "cancelled")
        self.cancel_meeting_action.setEnabled(meeting is not None and meeting.status != "cancelled")
        self.reinstate_meeting_action.setEnabled(meeting is not None and meeting.status == "cancelled")
        self.outcome_action.setEnabled(
            meeting is not None and meeting.status != "cancelled"
            and meeting.starts_at.date() <= meetings.model.today()
        )
        self.print_meeting_action.setEnabled(meeting is not None)

    # --- window state -----------------------------------------------------------------------

    def save_window_state(self) -> None:
        state = self.window_state
        state.save_window(self)
        self.pages.save_state()
        if self.committee_id is not None:
            state.set_int("committee", self.committee_id)
        if self.year_start is not None:
            state.set_int("year", self.year_start)
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        super().closeEvent(event)
