"""Committees and the council: a new committee, its details, the programme's approval,
and the council settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import errors

if TYPE_CHECKING:
    from .host import WorkflowHost


class CommitteesFlow:
    """New committee, Committee details, Programme approved and Council settings."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window

    def new_committee(self) -> None:
        """Ask for a name, add the committee, show it, and open its details to fill in."""
        if self.window.hub is None:
            return
        from ..commands.committees import AddCommitteeCommand

        name = self.window.dialogs.ask_text(self.window, "New committee", "&Name of the committee, panel or board:")
        if not name or not name.strip():
            return
        command = AddCommitteeCommand(self.window.hub, name=name.strip())
        if self.window.push(command) is None and command.committee_id is not None:
            self.window.load_committees(prefer=command.committee_id)
            self.edit_committee()

    def edit_committee(self) -> None:
        if self.window.hub is None or self.window.committee is None:
            return
        from ..commands.committees import EditCommitteeCommand

        hub, before = self.window.hub, self.window.committee
        dialog = self.window.dialogs.committee_dialog(self.window, before)

        def accepted() -> None:
            fields = dialog.changed_values()
            if fields:
                self.window.push(EditCommitteeCommand(hub, before=before, fields=fields))

        self.window.show_dialog(dialog, accepted)

    def edit_settings(self) -> None:
        """Council settings; saved as one undoable step."""
        if self.window.hub is None:
            return
        from domain.settings import load_settings

        from ..commands.committees import SaveSettingsCommand
        from ..dialogs.settings_dialog import SettingsDialog

        hub = self.window.hub
        try:
            current = self.window.query(load_settings)
        except Exception as exc:  # noqa: BLE001 - said in the user's words
            errors.report(exc, self.window)
            return

        def save(settings: Any) -> BaseException | None:
            return self.window.push(SaveSettingsCommand(hub, settings=settings, read=current))

        self.window.show_dialog(SettingsDialog(current, on_save=save, parent=self.window))

    def refresh_approved(self) -> None:
        """Tick Programme approved when the shown programme is approved."""
        approved = False
        if self.window.hub is not None and self.window.committee_id is not None and self.window.year_start is not None:
            from domain.ops import committees

            try:
                approved = self.window.query(committees.is_approved, committee_id=self.window.committee_id, year_start=self.window.year_start)
            except Exception:  # noqa: BLE001 - the committee went meanwhile; reload_all follows
                approved = False
        self.window.approved_action.setChecked(approved)

    def toggle_approved(self) -> None:
        """Approve the shown programme, or put it back to draft, as one undoable step."""
        from ..models import labels

        if self.window.hub is None or self.window.committee_id is None or self.window.year_start is None:
            self.window.approved_action.setChecked(False)
            return
        from ..commands.committees import SetProgrammeApprovedCommand

        self.window.push(
            SetProgrammeApprovedCommand(
                self.window.hub, committee_id=self.window.committee_id, year_start=self.window.year_start,
                approved=self.window.approved_action.isChecked(), label=labels.year_label(self.window.year_start),
            )
        )
        self.refresh_approved()  # also when it failed: the tick shows what is saved
