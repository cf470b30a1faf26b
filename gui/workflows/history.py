"""Edit ▸ History: the shown committee's recent changes, by person and date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actions import new_action, shortcut

if TYPE_CHECKING:
    from ..dialogs.history_dialog import HistoryDialog
    from .host import WorkflowHost


class HistoryFlow:
    """Opens the History dialog on the window's committee; ``action`` is its menu entry."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window
        self.action = new_action(
            window, "&History…", self.show_history, "history", "Who changed what in this committee, and when"
        )
        shortcut(self.action, "Ctrl+Shift+H")

    def show_history(self) -> HistoryDialog | None:
        if self.window.hub is None:
            return None
        from ..dialogs.history_dialog import HistoryDialog

        committee = self.window.committee
        title = f"History — {committee.name}" if committee is not None else "History"
        dialog = HistoryDialog(self.window.query, committee_id=self.window.committee_id, title=title, parent=self.window)
        self.window.show_dialog(dialog)
        return dialog
