"""What the workflows need of the window they run in, declared apart from the window itself.

The main window builds the workflows and connects its menu actions to them, so the workflows
must not import the main window: they see it through this base class, which the main window
derives from and fills in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
    from PySide6.QtWidgets import QDialog, QTabWidget

    from domain.values import CommitteeInfo

    from ..dialogs.seam import Dialogs
    from ..hub import Hub
    from ..pages import Pages
    from ..settings import Preferences, WindowState
    from ..widgets.decisions_view import DecisionsView
    from ..widgets.meetings_view import MeetingsView
    from ..widgets.reviews_view import ReviewsView
    from ..widgets.selection import SelectionBar
    from ..widgets.topics_view import TopicsView


class WorkflowHost(QMainWindow):
    """The window as the workflows use it: the open database, the committee and year on
    screen, the dialogs seam, the pages and the undo stack."""

    hub: Hub | None
    committee: CommitteeInfo | None
    committee_id: int | None
    year_start: int | None
    dialogs: Dialogs
    preferences: Preferences
    window_state: WindowState
    tabs: QTabWidget
    pages: Pages
    selection: SelectionBar
    approved_action: QAction
    undo_stack: QUndoStack

    @property
    def topics_view(self) -> TopicsView:
        raise NotImplementedError

    @property
    def meetings_view(self) -> MeetingsView:
        raise NotImplementedError

    @property
    def decisions_view(self) -> DecisionsView:
        raise NotImplementedError

    @property
    def reviews_view(self) -> ReviewsView:
        raise NotImplementedError

    def query(self, op: Callable[..., Any], **kw: Any) -> Any:
        raise NotImplementedError

    def push(self, command: QUndoCommand) -> BaseException | None:
        raise NotImplementedError

    def show_dialog(self, dialog: QDialog, on_accept: Callable[[], None] | None = None) -> None:
        raise NotImplementedError

    def show_decision(self, decision_id: int) -> bool:
        raise NotImplementedError

    def load_committees(self, prefer: int | None) -> None:
        raise NotImplementedError

    def years(self) -> list[int]:
        raise NotImplementedError

    def start_month(self) -> int:
        raise NotImplementedError
