"""Edit ▸ Scoring tools: the council's criteria sets, edited in the program."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actions import new_action

if TYPE_CHECKING:
    from ..dialogs.scoring_tools import ScoringToolsDialog
    from .host import WorkflowHost


class ScoringToolsFlow:
    """Opens the Scoring tools dialog; ``action`` is its menu entry."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window
        self.action = new_action(
            window, "Scoring &tools…", self.edit_tools, "scoringTools",
            "The questions, answers, weights and bands each committee scores topics with",
        )  # fmt: skip

    def edit_tools(self) -> ScoringToolsDialog | None:
        if self.window.hub is None:
            return None
        from ..dialogs.scoring_tools import ScoringToolsDialog

        committee = self.window.committee
        dialog = ScoringToolsDialog(
            query=self.window.query,
            push=self.window.push,
            hub=self.window.hub,
            committee=(committee.id, committee.name) if committee is not None else None,
            undo_stack=self.window.undo_stack,
            parent=self.window,
        )
        self.window.show_dialog(dialog)
        return dialog
