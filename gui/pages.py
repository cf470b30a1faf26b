"""The window's six pages in their tabs, each built when first asked for.

Each tab starts with an empty placeholder; a page's module is imported and the page built (its
header and splitter state restored, the database attached) the first time it is asked for, so
the window's first paint shows only its frame.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

    from domain.values import Change

    from .hub import Hub
    from .settings import WindowState

PAGES = ("topics", "programme", "year", "meetings", "reviews", "decisions")
# "Ye&ar": Alt+Y is the municipal year picker's.
PAGE_TITLES = ("&Topics", "&Programme", "Ye&ar", "&Meetings", "Re&views", "&Decisions")
# The Year page came after the others: it takes the next number rather than move theirs.
PAGE_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+6", "Ctrl+3", "Ctrl+4", "Ctrl+5")


def showing(change: Change) -> set[str]:
    """The pages that show what ``change`` says changed."""
    stale: set[str] = set()
    if change.topics or change.scores:
        stale |= {"topics", "programme", "reviews"}
    if change.meetings or change.programme:
        stale |= {"meetings", "programme", "reviews"}
    if change.decisions:
        stale |= {"decisions"}
    if change.reviews:
        stale |= {"reviews"}
    if stale or change.committees:
        stale |= {"year"}  # loads, bands and the timeline's dates: it reads what changed
    return stale


class Pages(dict[str, QWidget]):
    """The pages built so far, by name; asking for one not built yet builds it (``get`` does
    not). ``wire`` connects a new page to the window's actions."""

    def __init__(
        self,
        parent: QWidget,
        *,
        window_state: WindowState,
        undo_stack: QUndoStack,
        push: Callable[[QUndoCommand], BaseException | None],
        wire: Callable[[str, Any], None],
    ) -> None:
        super().__init__()
        self._window_state = window_state
        self._undo_stack = undo_stack
        self._push = push
        self._wire = wire
        self._hub: Hub | None = None
        self.swapping = False  # a placeholder is being replaced: the current tab has not changed
        self.tabs = QTabWidget(parent)
        self.tabs.setObjectName("pages")
        self.tabs.setAccessibleName("Pages")
        self.tabs.setDocumentMode(True)
        for name, title in zip(PAGES, PAGE_TITLES, strict=True):
            placeholder = QWidget(self.tabs)
            placeholder.setObjectName(f"{name}.placeholder")
            self.tabs.addTab(placeholder, title)

    def actions(self, parent: QWidget) -> list[QAction]:
        """The View menu's actions: one per page, with its mnemonic and shortcut."""
        from .actions import new_action, shortcut

        out = []
        for i, (name, title, keys) in enumerate(zip(PAGES, PAGE_TITLES, PAGE_KEYS, strict=True)):
            action = new_action(parent, title, partial(self.tabs.setCurrentIndex, i), f"page.{name}")
            shortcut(action, keys)
            out.append(action)
        return out

    def __missing__(self, name: str) -> QWidget:
        page = self._create(name)
        self._wire(name, page)
        self[name] = page
        index = PAGES.index(name)
        current = self.tabs.currentIndex()
        self.swapping = True
        try:
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, PAGE_TITLES[index])
            self.tabs.setCurrentIndex(current)
        finally:
            self.swapping = False
        if placeholder is not None:
            placeholder.deleteLater()
        from .widgets.tables import ColumnShares

        for key, widget in self._state_widgets(name).items():
            saved = self._window_state.bytes(key)
            if saved is not None:
                widget.restoreState(saved)
                for shares in page.findChildren(ColumnShares):
                    shares.keep_until_shown()
        if self._hub is not None:
            self._attach(name, page)
        return page

    def _create(self, name: str) -> QWidget:
        if name == "topics":
            from .widgets.topics_view import TopicsView

            return TopicsView(self.tabs)
        if name == "programme":
            from .widgets.planner import PlannerView

            return PlannerView(None, self._undo_stack, self.tabs)
        if name == "meetings":
            from .widgets.meetings_view import MeetingsView

            return MeetingsView(self.tabs)
        if name == "reviews":
            from .widgets.reviews_view import ReviewsView

            return ReviewsView(self.tabs)
        if name == "decisions":
            from .widgets.decisions_view import DecisionsView

            return DecisionsView(self.tabs)
        if name == "year":
            from .year.page import YearPage

            return YearPage(self.tabs, self._window_state)
        raise KeyError(name)

    def attach(self, hub: Hub) -> None:
        """Give the pages built so far, and every page built from now on, the database."""
        self._hub = hub
        for name, page in list(self.items()):
            self._attach(name, page)

    def _attach(self, name: str, page: Any) -> None:
        if hasattr(page, "history"):
            page.history.attach(self._hub)
        if name == "topics":
            page.attach(self._hub, self._undo_stack)
        elif name in ("decisions", "reviews"):
            page.attach(self._hub, self._push)
        elif name in ("programme", "year"):
            page.attach(self._hub)

    def load(self, name: str, *, committee_id: int, year_start: int) -> None:
        """Show a committee's year on one page, building the page if need be."""
        assert self._hub is not None
        page: Any = self[name]
        if name == "topics":
            from domain.ops import topics

            page.set_topics(self._hub.query(topics.list_topics, committee_id=committee_id, year_start=year_start))
        elif name == "meetings":
            from domain.ops import planning

            page.set_meetings(self._hub.query(planning.list_meetings, committee_id=committee_id, year_start=year_start))
        elif name == "programme":
            page.set_committee_year(committee_id, year_start)
        else:
            page.load(committee_id=committee_id, year_start=year_start)
        if hasattr(page, "history"):
            page.history.reload()  # the selected row may be the one that changed

    def current_name(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def _state_widgets(self, name: str | None = None) -> dict[str, Any]:
        """The header and splitter states to keep, of one page or of every page built so far
        (a page never built keeps the state saved earlier)."""
        if name is None:
            widgets: dict[str, Any] = {}
            for built in list(self):
                widgets.update(self._state_widgets(built))
            return widgets
        page: Any = self[name]
        if name == "topics":
            widgets = {"topics.header": page.table.horizontalHeader(), "topics.splitter": page.splitter}
        elif name == "programme":
            widgets = {"programme.header": page.tree.header()}
        elif name == "year":
            widgets = {"year.splitter": page.splitter}
        else:
            widgets = {f"{name}.header": page.table.horizontalHeader()}
        if hasattr(page, "history"):
            widgets[f"{name}.history"] = page.history
        return widgets

    def restore_state(self) -> None:
        """Show the page shown when the window was last closed."""
        page = self._window_state.int("page")
        if page is not None and 0 <= page < self.tabs.count():
            self.tabs.setCurrentIndex(page)

    def save_state(self) -> None:
        """Keep the page shown and the header and splitter states of the pages built."""
        for name, widget in self._state_widgets().items():
            self._window_state.set_bytes(name, widget.saveState())
        self._window_state.set_int("page", self.tabs.currentIndex())
