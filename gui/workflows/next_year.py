"""Programme ▸ Start next year's programme…: carry the shown year's items into the next one,
chosen in a dialog, as one undoable step; then show the new year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import errors
from ..actions import new_action

if TYPE_CHECKING:
    from ..dialogs.next_year import NextYearDialog
    from .host import WorkflowHost


class NextYearFlow:
    """``action`` is its menu entry."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window
        self.action = new_action(
            window, "Start &next year's programme…", self.start, "startNextYear",
            "Carry the items to be scheduled, standing items and recurring reports into the next municipal year",
        )  # fmt: skip
        self.dialog: NextYearDialog | None = None

    def start(self) -> NextYearDialog | None:
        window = self.window
        if window.hub is None or window.committee_id is None or window.year_start is None:
            window.statusBar().showMessage("Choose a committee and the year to carry items from.")
            return None
        from domain.ops.next_year import next_year_plan

        from ..commands.next_year import CarryForwardCommand
        from ..dialogs.next_year import NextYearDialog

        hub, cid, year = window.hub, window.committee_id, window.year_start
        try:
            plan = window.query(next_year_plan, committee_id=cid, year_start=year)
        except Exception as exc:  # noqa: BLE001 - said in the user's words; nothing changed
            errors.report(exc, window, "Start next year's programme")
            return None
        self.dialog = dialog = NextYearDialog(plan, parent=window)

        def accepted() -> None:
            command = CarryForwardCommand(hub, committee_id=cid, year_start=year, topic_ids=dialog.chosen_ids())
            if window.push(command) is None and command.carried is not None:
                window.selection.select(cid, plan.to_year)
                window.tabs.setCurrentWidget(window.topics_view)
                window.statusBar().showMessage(f"{command.carried.summary} Undo (Ctrl+Z) takes them back.")

        window.show_dialog(dialog, accepted)
        return dialog
