"""Edit ▸ Find in all committees (Ctrl+Shift+F): search every committee and year, and open
what is found where it lives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actions import new_action, shortcut

if TYPE_CHECKING:
    from domain.ops.search import Hit

    from ..dialogs.find_all import FindAllDialog
    from .host import WorkflowHost

LAST_QUERY = "find_all_query"


class FindFlow:
    """Opens the Find in all committees dialog with the last words searched; ``action`` is its
    menu entry."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window
        self.action = new_action(
            window, "Find in &all committees…", self.find, "findAll",
            "Find words in every committee's topics, evidence, resolutions and reviews",
        )  # fmt: skip
        shortcut(self.action, "Ctrl+Shift+F")

    def find(self) -> FindAllDialog | None:
        if self.window.hub is None:
            return None
        from ..dialogs.find_all import FindAllDialog

        last = self.window.window_state.text(LAST_QUERY) or ""
        dialog = FindAllDialog(self.window.query, on_open=self.open_hit, text=last, parent=self.window)
        dialog.finished.connect(lambda _r: self.window.window_state.set_text(LAST_QUERY, dialog.last_query))
        self.window.show_dialog(dialog)
        return dialog

    def open_hit(self, hit: Hit) -> bool:
        from .. import navigation

        return navigation.show_hit(self.window, hit)
