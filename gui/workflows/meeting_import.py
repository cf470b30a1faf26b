"""Meetings ▸ Import meetings…: a saved Modern.gov answer or a calendar file into the shown
committee's year, previewed first, then one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from .. import errors
from ..actions import new_action

if TYPE_CHECKING:
    from ..dialogs.meeting_import_dialog import MeetingImportPreview
    from .host import WorkflowHost

FILES = "Modern.gov answers and calendars (*.xml *.ics);;All files (*)"


class MeetingImportFlow:
    """``actions`` are its menu entries (a separator, then Import meetings…)."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window
        self.action = new_action(
            window, "&Import meetings…", self.import_meetings, "importMeetings",
            "Bring this committee's meetings (and agendas) in from a Modern.gov answer or a calendar file",
        )  # fmt: skip
        separator = QAction(window)
        separator.setSeparator(True)
        self.actions = [separator, self.action]
        self.preview: MeetingImportPreview | None = None

    def import_meetings(self) -> None:
        """Ask for the file, read and check it whole, show what would change; import on
        the user's word. A bad file is reported (file, meeting, what to do) and changes nothing."""
        window = self.window
        if window.hub is None or window.committee_id is None or window.year_start is None:
            window.statusBar().showMessage("Choose a committee and a year to import its meetings into.")
            return
        from pathlib import Path

        from domain.io.meetings import read_meetings_file
        from domain.ops.meeting_import import plan_meeting_import

        from ..commands.meeting_import import ImportMeetingsCommand
        from ..dialogs.meeting_import_dialog import MeetingImportPreview

        chosen = window.dialogs.open_file(window, "Import meetings", FILES)
        if not chosen:
            return
        hub, cid, year = window.hub, window.committee_id, window.year_start
        try:
            source = read_meetings_file(Path(chosen), name=str(chosen))
            plan = window.query(plan_meeting_import, committee_id=cid, year_start=year, meetings=source)
        except Exception as exc:  # noqa: BLE001 - said in the user's words; nothing was imported
            errors.report(exc, window, "Import meetings")
            return
        self.preview = dialog = MeetingImportPreview(plan, window)

        def accepted() -> None:
            command = ImportMeetingsCommand(hub, committee_id=cid, year_start=year, meetings=source)
            if window.push(command) is None and command.result is not None:
                window.statusBar().showMessage(f"{command.result.plan.summary()} Undo takes the import back.")

        window.show_dialog(dialog, accepted if not plan.nothing_to_do else None)
