"""The main window: committee and year pickers, the five pages, menus and undo.

The window paints before the database is opened (``attach_database`` runs after the first
paint), so this module imports only Qt and light GUI modules at load time; SQLAlchemy and the
domain operations are imported when the data is loaded. Each page's module is imported and the
page built when it is first shown with data (or asked for), so the first paint shows only the
window's frame: menus, pickers and tabs.

Every edit is an undoable command pushed on ``undo_stack``; the hub's ``changed`` signal says
what kind of data changed, and only the pages showing it reload (the others when next shown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

# ``Qt`` is imported where it is used, after the first paint: importing the name makes PySide
# create every enum of the Qt namespace, tens of milliseconds.
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from . import errors
from .models import labels
from .settings import Preferences, WindowState, open_settings

if TYPE_CHECKING:
    from domain.db import Database
    from domain.decision_values import DecisionInfo
    from domain.values import Change, CommitteeInfo, MeetingInfo, TopicRow

    from .dialogs.committee_dialog import CommitteeDialog
    from .dialogs.meeting_dialog import MeetingDialog
    from .dialogs.topic_editor import SaveHandler, TopicEditor
    from .hub import Hub
    from .widgets.decisions_view import DecisionsView
    from .widgets.meetings_view import MeetingsView
    from .widgets.planner import PlannerView
    from .widgets.reviews_view import ReviewsView
    from .widgets.topics_view import TopicsView

PAGES = ("topics", "programme", "meetings", "reviews", "decisions")
PAGE_TITLES = ("&Topics", "&Programme", "&Meetings", "Re&views", "&Decisions")


class _Pages(dict[str, QWidget]):
    """The pages built so far, by name; asking for one not built yet builds it."""

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, name: str) -> QWidget:
        return self._build(name)


class Dialogs:
    """The dialogs the window opens: one seam, so tests can replace any of them."""

    def topic_editor(
        self, parent: QWidget, *, row: TopicRow | None, year_start: int, years: list[int], on_save: SaveHandler,
        origin: DecisionInfo | None = None, on_open_origin: Callable[[int], object] | None = None,
    ) -> TopicEditor:
        from .dialogs.topic_editor import TopicEditor

        return TopicEditor(
            row=row, year_start=year_start, years=years, on_save=on_save, parent=parent,
            origin=origin, on_open_origin=on_open_origin,
        )

    def meeting_dialog(
        self, parent: QWidget, *, title: str, starts_at: dt.datetime, venue: str, year_start: int
    ) -> MeetingDialog:
        from .dialogs.meeting_dialog import MeetingDialog

        return MeetingDialog(title=title, starts_at=starts_at, venue=venue, year_start=year_start, parent=parent)

    def committee_dialog(self, parent: QWidget, info: CommitteeInfo) -> CommitteeDialog:
        from .dialogs.committee_dialog import CommitteeDialog

        return CommitteeDialog(info, parent)

    def ask_text(self, parent: QWidget, title: str, label: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def save_file(self, parent: QWidget, title: str, suggested_name: str, filter: str) -> str | None:  # noqa: A002 - Qt's word
        from PySide6.QtWidgets import QFileDialog

        path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested_name, filter)
        return path or None

    def open_file(self, parent: QWidget, title: str, filter: str) -> str | None:  # noqa: A002 - Qt's word
        from PySide6.QtWidgets import QFileDialog

        path, _chosen = QFileDialog.getOpenFileName(parent, title, "", filter)
        return path or None


def _standard_shortcut(action: QAction, key: QKeySequence.StandardKey, fallback: str) -> None:
    """The platform's shortcut, or ``fallback`` where the platform has none (Quit on Windows)."""
    keys = QKeySequence.keyBindings(key)
    if not keys:
        keys = [QKeySequence.fromString(fallback)]
    action.setShortcuts(keys)


def _shortcut(action: QAction, keys: str) -> None:
    # setShortcuts([QKeySequence.fromString(...)]), not setShortcut(QKeySequence(...)): PySide
    # resolves those overloads by creating every enum of the Qt namespace (about 50 ms, measured
    # with PySide6 6.12), which would delay the window's first paint.
    action.setShortcuts([QKeySequence.fromString(keys)])


class MainWindow(QMainWindow):
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
        self._loading = False
        self.on_data_shown: Callable[[], None] | None = None  # start-up timing probe

        self._build_pages()
        self._build_toolbar()
        self._build_actions()
        self._build_menus()
        self.status_label = QLabel("Opening the database…", self)
        self.status_label.setObjectName("databaseLabel")
        self.status_label.setAccessibleName("Database")
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1200, 760)
        self._restore_window_state()
        self._update_actions()
        if database is not None:
            self.attach_database(database)

    # --- building ---------------------------------------------------------------------------

    def _build_pages(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        self.tabs.setAccessibleName("Pages")
        self.tabs.setDocumentMode(True)
        # Each tab starts with an empty placeholder; _page() builds the real page.
        self.pages = _Pages(self._page)
        self._swapping_tab = False
        for name, title in zip(PAGES, PAGE_TITLES, strict=True):
            placeholder = QWidget(self.tabs)
            placeholder.setObjectName(f"{name}.placeholder")
            self.tabs.addTab(placeholder, title)
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def _page(self, name: str) -> QWidget:
        """The page called ``name``, built (module imported, state restored) on first use."""
        page = self.pages.get(name)
        if page is not None:
            return page
        if name == "topics":
            from .widgets.topics_view import TopicsView

            topics = TopicsView(self.tabs)
            topics.current_topic_changed.connect(lambda _row: self._update_actions())
            topics.edit_requested.connect(self.edit_topic)
            for action in (self.edit_topic_action, self.new_topic_action):
                topics.table.addAction(action)
            page = topics
        elif name == "programme":
            from .widgets.planner import PlannerView

            page = PlannerView(None, self.undo_stack, self.tabs)
        elif name == "meetings":
            from .widgets.meetings_view import MeetingsView

            meetings = MeetingsView(self.tabs)
            meetings.current_meeting_changed.connect(lambda _m: self._update_actions())
            meetings.set_actions(
                [self.add_meeting_action, self.move_meeting_action, self.cancel_meeting_action, self.reinstate_meeting_action]
            )
            page = meetings
        elif name == "reviews":
            from .widgets.reviews_view import ReviewsView

            reviews = ReviewsView(self.tabs)
            reviews.open_topic_requested.connect(self.show_topic)
            page = reviews
        elif name == "decisions":
            from .widgets.decisions_view import DecisionsView

            decisions = DecisionsView(self.tabs)
            decisions.open_topic_requested.connect(self.show_topic)
            page = decisions
        else:
            raise KeyError(name)
        self.pages[name] = page
        index = PAGES.index(name)
        current = self.tabs.currentIndex()
        self._swapping_tab = True
        try:
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, PAGE_TITLES[index])
            self.tabs.setCurrentIndex(current)
        finally:
            self._swapping_tab = False
        placeholder.deleteLater()
        for key, widget in self._state_widgets(name).items():
            saved = self.window_state.bytes(key)
            if saved is not None:
                widget.restoreState(saved)
        if self.hub is not None:
            self._attach_page(name, page)
        return page

    def _attach_page(self, name: str, page: Any) -> None:
        assert self.hub is not None
        if name == "topics":
            page.attach(self.hub, self.undo_stack)
        elif name in ("decisions", "reviews"):
            page.attach(self.hub, self.push)
        elif name == "programme":
            page.attach(self.hub)

    @property
    def topics_view(self) -> TopicsView:
        return self._page("topics")  # type: ignore[return-value]

    @property
    def programme_view(self) -> PlannerView:
        return self._page("programme")  # type: ignore[return-value]

    @property
    def meetings_view(self) -> MeetingsView:
        return self._page("meetings")  # type: ignore[return-value]

    @property
    def reviews_view(self) -> ReviewsView:
        return self._page("reviews")  # type: ignore[return-value]

    @property
    def decisions_view(self) -> DecisionsView:
        return self._page("decisions")  # type: ignore[return-value]

    def _build_toolbar(self) -> None:
        bar = QToolBar("Committee and year", self)
        bar.setObjectName("toolbar.selection")
        bar.setMovable(False)
        bar.setAccessibleName("Committee and year")
        self.committee_combo = QComboBox(bar)
        self.committee_combo.setObjectName("committeeCombo")
        self.committee_combo.setAccessibleName("Committee")
        self.committee_combo.setPlaceholderText("No committees yet: add one with File ▸ New committee…")
        self.committee_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.committee_combo.setMinimumContentsLength(48)
        self.year_combo = QComboBox(bar)
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.setAccessibleName("Municipal year")
        self.year_combo.setMinimumContentsLength(9)
        committee_label = QLabel(" &Committee: ", bar)
        committee_label.setBuddy(self.committee_combo)
        year_label = QLabel("  Municipal &year: ", bar)
        year_label.setBuddy(self.year_combo)
        bar.addWidget(committee_label)
        bar.addWidget(self.committee_combo)
        bar.addWidget(year_label)
        bar.addWidget(self.year_combo)
        self.addToolBar(bar)  # the top area (not named: see the import of QSettings)
        self.selection_toolbar = bar
        self.committee_combo.currentIndexChanged.connect(self._on_committee_combo_changed)
        self.year_combo.currentIndexChanged.connect(self._on_year_combo_changed)

    def _action(self, text: str, slot: Callable[[], Any], name: str, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.new_topic_action = self._action("&New topic…", self.new_topic, "newTopic", "Add a candidate topic")
        _standard_shortcut(self.new_topic_action, QKeySequence.StandardKey.New, "Ctrl+N")
        self.edit_topic_action = self._action("&Edit topic…", self.edit_topic, "editTopic", "Edit the selected topic")
        _shortcut(self.edit_topic_action, "Ctrl+E")
        self.find_action = self._action("&Find topic", self.focus_filter, "find", "Type part of a topic's title")
        _standard_shortcut(self.find_action, QKeySequence.StandardKey.Find, "Ctrl+F")
        self.quit_action = self._action("&Quit", self.close, "quit")
        _standard_shortcut(self.quit_action, QKeySequence.StandardKey.Quit, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setObjectName("undo")
        _standard_shortcut(self.undo_action, QKeySequence.StandardKey.Undo, "Ctrl+Z")
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setObjectName("redo")
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        shift_z = QKeySequence.fromString("Ctrl+Shift+Z")
        if shift_z not in redo_keys:
            redo_keys.append(shift_z)
        self.redo_action.setShortcuts(redo_keys)

        self.new_committee_action = self._action(
            "New &committee…", self.new_committee, "newCommittee", "Add a committee, panel or board"
        )
        self.edit_committee_action = self._action(
            "Committee &details…", self.edit_committee, "editCommittee",
            "Chair, members, remit, support officer and meeting defaults",
        )
        self.settings_action = self._action(
            "Council &settings…", self.edit_settings, "councilSettings",
            "Council name, publication and report deadlines, closure days and other rules for every committee",
        )  # fmt: skip
        self.add_meeting_action = self._action("&Add meeting…", self.add_meeting, "addMeeting", "Add a meeting of this committee")
        _shortcut(self.add_meeting_action, "Ctrl+Shift+M")
        self.move_meeting_action = self._action("M&ove meeting…", self.move_meeting, "moveMeeting", "Move the selected meeting to another date or time")
        self.cancel_meeting_action = self._action("&Cancel meeting", self.cancel_meeting, "cancelMeeting", "Cancel the selected meeting; its items stay on it")
        self.reinstate_meeting_action = self._action("&Reinstate meeting", self.reinstate_meeting, "reinstateMeeting", "Reinstate the selected cancelled meeting")
        self.import_csv_action = self._action(
            "&Import programme from CSV…", self.import_programme_csv, "importProgrammeCsv",
            "Add the meetings and items of a CSV file in the council's layout to this year's programme",
        )
        self.export_csv_action = self._action(
            "E&xport programme as CSV…", self.export_programme_csv, "exportProgrammeCsv",
            "Save this year's programme as a CSV file in the council's layout (exempt items left out)",
        )
        self.approved_action = self._action(
            "Programme &approved", self.toggle_approved, "programmeApproved",
            "Mark this year's programme approved by the committee (it prints without DRAFT), or back to draft",
        )  # fmt: skip
        self.approved_action.setCheckable(True)
        self.page_actions: list[QAction] = []
        for i, title in enumerate(PAGE_TITLES):
            action = self._action(title, lambda i=i: self.tabs.setCurrentIndex(i), f"page.{PAGES[i]}")
            _shortcut(action, f"Ctrl+{i + 1}")
            self.page_actions.append(action)

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        file_menu.addAction(self.new_topic_action)
        file_menu.addAction(self.new_committee_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_csv_action)
        file_menu.addAction(self.export_csv_action)
        file_menu.addSeparator()
        from .printing import install_print_actions

        self.print_actions = install_print_actions(self, self.hub, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.edit_topic_action)
        edit_menu.addAction(self.edit_committee_action)
        edit_menu.addAction(self.settings_action)
        view_menu = menus.addMenu("&View")
        for action in self.page_actions:
            view_menu.addAction(action)
        programme_menu = menus.addMenu("&Programme")
        programme_menu.addAction(self.approved_action)
        meetings_menu = menus.addMenu("&Meetings")
        for action in (self.add_meeting_action, self.move_meeting_action, self.cancel_meeting_action, self.reinstate_meeting_action):
            meetings_menu.addAction(action)

    # --- the database -----------------------------------------------------------------------

    def attach_database(self, database: Database) -> None:
        """Open the data: committees, the last committee and year, the current page."""
        from .hub import Hub

        self.database = database
        database.user = self.preferences.get("history_name").strip() or database.user
        self.hub = Hub(database, self)
        self.hub.changed.connect(self._on_hub_changed)
        self.status_label.setText(f"Database: {database.description}")
        self.status_label.setToolTip(database.description)
        for warning in database.warnings:
            self.statusBar().showMessage(warning)
        for name, page in list(self.pages.items()):
            self._attach_page(name, page)
        self._page(self.current_page())
        self._load_committees(prefer=self.window_state.int("committee"))
        self._update_actions()

    def _query(self, op: Callable[..., Any], **kw: Any) -> Any:
        assert self.hub is not None
        return self.hub.query(op, **kw)

    def _load_committees(self, prefer: int | None) -> None:
        from PySide6.QtCore import Qt

        from domain.ops import committees

        infos = self._query(committees.list_committees)
        self._loading = True
        try:
            self.committee_combo.clear()
            for c in infos:
                self.committee_combo.addItem(c.name, c.id)
                self.committee_combo.setItemData(self.committee_combo.count() - 1, c.name, Qt.ItemDataRole.ToolTipRole)
        finally:
            self._loading = False
        self._fit_committee_combo([c.name for c in infos])
        index = self.committee_combo.findData(prefer) if prefer is not None else -1
        if index < 0 and infos:
            index = 0
        if index < 0:
            self.committee_id = None
            self.committee = None
            self._set_years(None)
            return
        if self.committee_combo.currentIndex() == index:
            self._on_committee_combo_changed(index)
        else:
            self.committee_combo.setCurrentIndex(index)

    def _fit_committee_combo(self, names: list[str]) -> None:
        """Wide enough for the longest committee name (a scrutiny committee's full name runs to
        68 characters), so it is read whole rather than cut off; capped so that a very long
        name cannot push the year off a 1280-pixel window (the list and tooltip show it whole)."""
        if not names:
            return
        metrics = self.committee_combo.fontMetrics()
        longest = max(metrics.horizontalAdvance(name) for name in names)
        chars = -(-longest // max(1, metrics.averageCharWidth())) + 1
        self.committee_combo.setMinimumContentsLength(max(48, min(chars, 90)))

    def _on_committee_combo_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.committee_id = self.committee_combo.itemData(index)
        saved_year = self.window_state.int("year") if self.year_start is None else self.year_start
        self._set_years(saved_year)

    def _set_years(self, prefer: int | None) -> None:
        years: list[int] = []
        if self.committee_id is not None:
            from domain.ops import committees

            years = list(self._query(committees.list_years, committee_id=self.committee_id))
            self.committee = self._query(committees.get_committee, committee_id=self.committee_id)
        this_year = labels.municipal_year_of(dt.date.today())
        with_data = list(years)
        # The current year and the year after the newest programme are always offered, so
        # the coming year's programme can be started (meetings created, a file imported).
        offered = {this_year, *(y + 1 for y in years[:1])}
        years = sorted(set(years) | offered, reverse=True)
        self._loading = True
        try:
            self.year_combo.clear()
            for y in years:
                self.year_combo.addItem(labels.year_label(y), y)
        finally:
            self._loading = False
        if prefer in years:
            index = years.index(prefer)
        elif this_year in with_data or not with_data:
            index = years.index(this_year)
        else:
            index = years.index(max(with_data))
        self._loading = True
        try:
            self.year_combo.setCurrentIndex(index)
        finally:
            self._loading = False
        self._on_year_combo_changed(index)

    def _on_year_combo_changed(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self.year_start = self.year_combo.itemData(index)
        self._update_title()
        self._stale = set(PAGES)
        self._reload_current()
        self._refresh_approved()
        self._update_actions()

    def years(self) -> list[int]:
        return [self.year_combo.itemData(i) for i in range(self.year_combo.count())]

    def _update_title(self) -> None:
        if self.committee is None or self.year_start is None:
            self.setWindowTitle("Scrutineer")
            return
        name = self.committee.short_name or self.committee.name
        self.setWindowTitle(f"{name} — Work Programme {labels.year_label(self.year_start)} — Scrutineer")

    # --- loading pages ----------------------------------------------------------------------

    def current_page(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self._swapping_tab:
            return
        if self.hub is not None:
            self._page(self.current_page())
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
        cid, year = self.committee_id, self.year_start
        try:
            if page == "topics":
                from domain.ops import topics

                self.topics_view.set_topics(self._query(topics.list_topics, committee_id=cid, year_start=year))
            elif page == "meetings":
                from domain.ops import meetings

                self.meetings_view.set_meetings(self._query(meetings.list_meetings, committee_id=cid, year_start=year))
            elif page == "programme":
                self.programme_view.set_committee_year(cid, year)
            elif page == "reviews":
                self.reviews_view.load(committee_id=cid, year_start=year)
            elif page == "decisions":
                self.decisions_view.load(committee_id=cid, year_start=year)
        except Exception as exc:  # a page that cannot load says why; the others keep working
            self._stale.add(page)
            errors.report(exc, self)
            return
        if self.on_data_shown is not None and page == "topics":
            callback, self.on_data_shown = self.on_data_shown, None
            callback()

    def reload_all(self) -> None:
        """Re-read everything (after a conflict with someone else's change)."""
        self._load_committees(prefer=self.committee_id)
        self._stale = set(PAGES)
        self._reload_current()

    def _on_hub_changed(self, change: Change) -> None:
        stale: set[str] = set()
        if change.topics or change.scores:
            stale |= {"topics", "programme", "reviews"}
        if change.meetings or change.programme:
            stale |= {"meetings", "programme", "reviews"}
        if change.programme:
            self._refresh_approved()
        if change.decisions:
            stale |= {"decisions"}
        if change.reviews:
            stale |= {"reviews"}
        if change.committees:
            from domain.ops import committees

            names = {c.id: c.name for c in self._query(committees.list_committees)}
            listed = [self.committee_combo.itemData(i) for i in range(self.committee_combo.count())]
            if sorted(names) != sorted(listed):  # a committee was added or removed
                self._load_committees(prefer=self.committee_id)
                return
            if self.committee_id is not None:
                self.committee = self._query(committees.get_committee, committee_id=self.committee_id)
                index = self.committee_combo.findData(self.committee_id)
                if index >= 0:
                    self.committee_combo.setItemText(index, self.committee.name)
                self._update_title()
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

    def _show_dialog(self, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> None:
        from .widgets.master_detail import open_tracked

        open_tracked(self, dialog, on_accept)

    def new_topic(self) -> None:
        if self.hub is None or self.committee_id is None or self.year_start is None:
            return
        from .commands import CreateTopicCommand
        from .widgets.master_detail import saving_new

        hub, cid, year = self.hub, self.committee_id, self.year_start
        save, created = saving_new(
            self.push,
            lambda fields: CreateTopicCommand(hub, committee_id=cid, year_start=year, fields=fields),
            made="row",
        )

        def after() -> None:
            self.tabs.setCurrentWidget(self.topics_view)
            if created:
                self.topics_view.select_topic(created[0])

        editor = self.dialogs.topic_editor(self, row=None, year_start=year, years=self.years(), on_save=save)
        self._show_dialog(editor, after)

    def edit_topic(self) -> None:
        row = self.topics_view.current_topic()
        if self.hub is None or row is None or self.year_start is None:
            return
        from .commands import EditTopicCommand

        hub = self.hub

        def save(fields: dict[str, Any]) -> BaseException | None:
            if not fields:
                return None
            return self.push(EditTopicCommand(hub, before=row, fields=fields))

        from domain.ops.decisions import topic_origin

        try:
            origin = self._query(topic_origin, topic_id=row.id)
        except Exception:  # noqa: BLE001 - the editor works without it; saving reports a deleted topic
            origin = None
        editor = self.dialogs.topic_editor(
            self, row=row, year_start=self.year_start, years=self.years(), on_save=save,
            origin=origin, on_open_origin=self.show_decision,
        )
        self._show_dialog(editor)

    def new_committee(self) -> None:
        """Ask for a name, add the committee, show it, and open its details to fill in."""
        if self.hub is None:
            return
        from .commands import AddCommitteeCommand

        name = self.dialogs.ask_text(self, "New committee", "&Name of the committee, panel or board:")
        if not name or not name.strip():
            return
        command = AddCommitteeCommand(self.hub, name=name.strip())
        if self.push(command) is None and command.committee_id is not None:
            self._load_committees(prefer=command.committee_id)
            self.edit_committee()

    def edit_committee(self) -> None:
        if self.hub is None or self.committee is None:
            return
        from .commands import EditCommitteeCommand

        hub, before = self.hub, self.committee
        dialog = self.dialogs.committee_dialog(self, before)

        def accepted() -> None:
            fields = dialog.changed_values()
            if fields:
                self.push(EditCommitteeCommand(hub, before=before, fields=fields))

        self._show_dialog(dialog, accepted)

    def edit_settings(self) -> None:
        """Council settings; saved as one undoable step."""
        if self.hub is None:
            return
        from domain.settings import load_settings

        from .commands import SaveSettingsCommand
        from .dialogs.settings_dialog import SettingsDialog

        hub = self.hub
        try:
            current = self._query(load_settings)
        except Exception as exc:  # noqa: BLE001 - said in the user's words
            errors.report(exc, self)
            return

        def save(settings: Any) -> BaseException | None:
            return self.push(SaveSettingsCommand(hub, settings=settings))

        self._show_dialog(SettingsDialog(current, on_save=save, parent=self))

    def _next_meeting_time(self) -> dt.datetime:
        time = (self.committee.default_time if self.committee else None) or dt.time(14, 0)
        today = dt.date.today()
        assert self.year_start is not None
        if labels.municipal_year_of(today) == self.year_start:
            day = today + dt.timedelta(days=7)
        else:
            day = dt.date(self.year_start, 6, 1)
        current = self.meetings_view.model.shown_rows()
        if current:
            day = max(m.starts_at.date() for m in current) + dt.timedelta(days=28)
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        return dt.datetime.combine(day, time)

    def add_meeting(self) -> None:
        if self.hub is None or self.committee_id is None or self.year_start is None:
            return
        from .commands import AddMeetingCommand

        hub, cid = self.hub, self.committee_id
        venue = self.committee.default_venue if self.committee else ""
        dialog = self.dialogs.meeting_dialog(
            self, title="Add meeting", starts_at=self._next_meeting_time(), venue=venue, year_start=self.year_start
        )

        def accepted() -> None:
            command = AddMeetingCommand(hub, committee_id=cid, starts_at=dialog.starts_at(), venue=dialog.venue())
            if self.push(command) is None and command.meeting is not None:
                self.tabs.setCurrentWidget(self.meetings_view)
                self.meetings_view.select_meeting(command.meeting.id)

        self._show_dialog(dialog, accepted)

    def move_meeting(self) -> None:
        meeting = self.meetings_view.current_meeting()
        if self.hub is None or meeting is None or self.year_start is None:
            return
        from .commands import MoveMeetingCommand

        hub = self.hub
        dialog = self.dialogs.meeting_dialog(
            self, title="Move meeting", starts_at=meeting.starts_at, venue=meeting.venue, year_start=self.year_start
        )

        def accepted() -> None:
            if dialog.starts_at() == meeting.starts_at and dialog.venue() == meeting.venue:
                return
            self.push(MoveMeetingCommand(hub, before=meeting, starts_at=dialog.starts_at(), venue=dialog.venue()))

        self._show_dialog(dialog, accepted)

    def cancel_meeting(self) -> None:
        meeting = self.meetings_view.current_meeting()
        if self.hub is None or meeting is None or meeting.status == "cancelled":
            return
        if meeting.item_count and self.preferences.get("confirm_cancel_meeting"):
            text = (
                f"The meeting of {labels.long_date(meeting.starts_at.date())} has "
                f"{meeting.item_count} items booked. They stay on the cancelled meeting until "
                "you move them. Cancel the meeting?"
            )
            if not self.dialogs.confirm(self, "Cancel meeting", text):
                return
        self._set_meeting_status(meeting, "cancelled")

    def reinstate_meeting(self) -> None:
        meeting = self.meetings_view.current_meeting()
        if meeting is None or meeting.status != "cancelled":
            return
        self._set_meeting_status(meeting, "moved" if meeting.moved_from else "scheduled")

    def _set_meeting_status(self, meeting: MeetingInfo, status: str) -> None:
        assert self.hub is not None
        from .commands import SetMeetingStatusCommand

        self.push(SetMeetingStatusCommand(self.hub, before=meeting, status=status))

    def show_topic(self, topic_id: int) -> bool:
        """Select a topic on the Topics page, switching to its committee and year if need be."""
        if self.hub is None:
            return False
        from domain.ops import topics

        try:
            row = self._query(topics.get_topic, topic_id=topic_id)
        except Exception as exc:  # deleted meanwhile: say so
            errors.report(exc, self)
            return False
        if row.committee_id != self.committee_id:
            self.committee_combo.setCurrentIndex(self.committee_combo.findData(row.committee_id))
        if row.year_start != self.year_start:
            if self.year_combo.findData(row.year_start) < 0:
                self._set_years(row.year_start)
            self.year_combo.setCurrentIndex(self.year_combo.findData(row.year_start))
        self.tabs.setCurrentWidget(self.topics_view)
        return self.topics_view.select_topic(topic_id)

    def _show_committee_year(self, committee_id: int, year_start: int) -> None:
        if committee_id != self.committee_id:
            self.committee_combo.setCurrentIndex(self.committee_combo.findData(committee_id))
        if year_start != self.year_start:
            if self.year_combo.findData(year_start) < 0:
                self._set_years(year_start)
            self.year_combo.setCurrentIndex(self.year_combo.findData(year_start))

    def show_decision(self, decision_id: int) -> bool:
        """Select a resolution on the Decisions page, switching to its committee and the year of
        its meeting, and showing every resolution if the page's filter hides it."""
        if self.hub is None:
            return False
        from domain.ops import decisions

        try:
            info = self._query(decisions.get_decision, decision_id=decision_id)
        except Exception as exc:  # deleted meanwhile: say so
            errors.report(exc, self)
            return False
        self._show_committee_year(info.committee_id, labels.municipal_year_of(info.meeting_date))
        self.tabs.setCurrentWidget(self.decisions_view)
        view = self.decisions_view
        if view.select_decision(decision_id):
            return True
        view.set_filter("all")  # complete or of another year: not in the current filter
        return view.select_decision(decision_id)

    def _refresh_approved(self) -> None:
        """Tick Programme approved when the shown programme is approved."""
        approved = False
        if self.hub is not None and self.committee_id is not None and self.year_start is not None:
            from domain.ops import committees

            try:
                approved = self._query(committees.is_approved, committee_id=self.committee_id, year_start=self.year_start)
            except Exception:  # noqa: BLE001 - the committee went meanwhile; reload_all follows
                approved = False
        self.approved_action.setChecked(approved)

    def toggle_approved(self) -> None:
        """Approve the shown programme, or put it back to draft, as one undoable step."""
        if self.hub is None or self.committee_id is None or self.year_start is None:
            self.approved_action.setChecked(False)
            return
        from .commands import SetProgrammeApprovedCommand

        self.push(
            SetProgrammeApprovedCommand(
                self.hub, committee_id=self.committee_id, year_start=self.year_start,
                approved=self.approved_action.isChecked(), label=labels.year_label(self.year_start),
            )
        )
        self._refresh_approved()  # also when it failed: the tick shows what is saved

    def _programme_name(self) -> str:
        assert self.committee is not None and self.year_start is not None
        return f"{self.committee.short_name or self.committee.name}, {labels.year_label(self.year_start)}"

    def export_programme_csv(self) -> None:
        """Save the shown programme as a CSV file in the council's layout (not an edit)."""
        if self.hub is None or self.committee_id is None or self.year_start is None or self.committee is None:
            return
        import re
        from pathlib import Path

        from domain.csvio import programme_table, write_programme_csv

        short = self.committee.short_name or self.committee.name
        # Characters Windows refuses in a file name (a committee may be called "Health/Care").
        suggested = re.sub(r'[\\/:*?"<>|]', "-", f"{short} work programme {labels.year_label(self.year_start)}.csv")
        chosen = self.dialogs.save_file(self, "Export programme as CSV", suggested, "CSV files (*.csv)")
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".csv")
        try:
            table = self._query(programme_table, committee_id=self.committee_id, year_start=self.year_start)
            write_programme_csv(path, table.rows)
        except Exception as exc:  # noqa: BLE001 - said in the user's words; nothing was written
            errors.report(exc, self, "Export programme")
            return
        message = f"Wrote {len(table.rows)} rows of {self._programme_name()} to {path}."
        if table.exempt_left_out:
            message += f" {table.exempt_left_out} exempt (Part II) item(s) left out."
        self.statusBar().showMessage(message)

    def import_programme_csv(self) -> None:
        """Add a CSV file's meetings and items to the shown programme, as one undoable step.

        The whole file is checked before anything is written; a bad file is reported (file,
        row, column, what to do) and changes nothing.
        """
        if self.hub is None or self.committee_id is None or self.year_start is None or self.committee is None:
            return
        from pathlib import Path

        from domain.csvio import parse_programme_csv
        from domain.ops.criteria import set_for_committee
        from domain.ops.imports import topic_count

        from .commands import ImportProgrammeCommand

        chosen = self.dialogs.open_file(
            self, "Import programme from CSV", "CSV files (*.csv *.txt);;All files (*)"
        )
        if not chosen:
            return
        path = Path(chosen)
        cid, year = self.committee_id, self.year_start
        try:
            max_score = self._query(set_for_committee, committee_id=cid).max_total
            rows = parse_programme_csv(path, year_start=year, max_score=max_score, name=str(path))
            existing = self._query(topic_count, committee_id=cid, year_start=year)
        except Exception as exc:  # noqa: BLE001 - said in the user's words; nothing was imported
            errors.report(exc, self, "Import programme")
            return
        if existing:
            items = sum(1 for r in rows if r.title)
            text = (
                f"{self._programme_name()} already has {existing} topics. Add the {items} items "
                f"of {path.name} to that programme? Items that are in both will be there twice."
            )
            if not self.dialogs.confirm(self, "Import programme", text):
                return
        command = ImportProgrammeCommand(self.hub, committee_id=cid, year_start=year, rows=rows, file=str(path))
        if self.push(command) is not None or command.summary is None:
            return
        s = command.summary
        self.statusBar().showMessage(
            f"Imported {s.entries} items at {s.meetings_created + s.meetings_reused} meetings "
            f"({s.meetings_created} new) and {s.to_be_scheduled} items to be scheduled from "
            f"{path.name} into {self._programme_name()}. Undo takes the import back."
        )

    def focus_filter(self) -> None:
        self.tabs.setCurrentWidget(self.topics_view)
        self.topics_view.focus_filter()

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
        self.export_csv_action.setEnabled(ready)
        meeting = meetings.current_meeting() if ready and meetings is not None else None
        self.add_meeting_action.setEnabled(ready)
        self.move_meeting_action.setEnabled(meeting is not None and meeting.status != "cancelled")
        self.cancel_meeting_action.setEnabled(meeting is not None and meeting.status != "cancelled")
        self.reinstate_meeting_action.setEnabled(meeting is not None and meeting.status == "cancelled")

    # --- window state -----------------------------------------------------------------------

    def _state_widgets(self, name: str | None = None) -> dict[str, Any]:
        """The header and splitter states to keep, of one page or of every page built so far
        (a page never built keeps the state saved earlier)."""
        if name is None:
            widgets: dict[str, Any] = {}
            for built in list(self.pages):
                widgets.update(self._state_widgets(built))
            return widgets
        page: Any = self.pages[name]
        if name == "topics":
            return {"topics.header": page.table.horizontalHeader(), "topics.splitter": page.splitter}
        if name == "programme":
            return {"programme.header": page.tree.header()}
        return {f"{name}.header": page.table.horizontalHeader()}

    def _restore_window_state(self) -> None:
        state = self.window_state
        geometry = state.bytes("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        layout = state.bytes("state")
        if layout is not None:
            self.restoreState(layout)
        page = state.int("page")
        if page is not None and 0 <= page < self.tabs.count():
            self.tabs.setCurrentIndex(page)

    def save_window_state(self) -> None:
        state = self.window_state
        state.set_bytes("geometry", self.saveGeometry())
        state.set_bytes("state", self.saveState())
        for name, widget in self._state_widgets().items():
            state.set_bytes(name, widget.saveState())
        state.set_int("page", self.tabs.currentIndex())
        if self.committee_id is not None:
            state.set_int("committee", self.committee_id)
        if self.year_start is not None:
            state.set_int("year", self.year_start)
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        super().closeEvent(event)
