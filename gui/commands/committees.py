"""Undoable edits of committees, their programme's approval, and the council settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from domain.values import CommitteeInfo

from .base import HubCommand, short

if TYPE_CHECKING:
    from domain.settings import CouncilSettings

    from ..hub import Hub


def committee_fields(info: CommitteeInfo) -> dict[str, Any]:
    """A committee's editable fields as the update operation takes them."""
    from domain.ops.committees import EDITABLE

    out: dict[str, Any] = {}
    for key in EDITABLE:
        value = getattr(info, key)
        out[key] = "\n".join(value) if isinstance(value, tuple) else value
    return out


class AddCommitteeCommand(HubCommand):
    def __init__(self, hub: Hub, *, name: str) -> None:
        super().__init__(hub, f"add committee {short(name)}")
        self.name = name
        self.committee_id: int | None = None

    def do(self) -> None:
        from domain.ops import committees

        info = self.run(committees.create_committee, name=self.name, committee_id=self.committee_id)
        self.committee_id = info.id

    def undo_(self) -> None:
        from domain.ops import committees

        assert self.committee_id is not None
        self.run(committees.delete_committee, committee_id=self.committee_id)


class EditCommitteeCommand(HubCommand):
    def __init__(self, hub: Hub, *, before: CommitteeInfo, fields: dict[str, Any]) -> None:
        super().__init__(hub, f"edit committee {short(before.short_name or before.name)}")
        self.before = before
        old = committee_fields(before)
        self.old_fields = {k: old[k] for k in fields}
        self.new_fields = dict(fields)

    def _apply(self, fields: dict[str, Any]) -> None:
        from domain.ops import committees

        self.run(
            committees.update_committee,
            committee_id=self.before.id,
            expected_version=self.expected(self.before),
            **fields,
        )

    def do(self) -> None:
        self._apply(self.new_fields)

    def undo_(self) -> None:
        self._apply(self.old_fields)


class SetProgrammeApprovedCommand(HubCommand):
    """Mark a committee's programme for a year approved (it prints without DRAFT) or draft."""

    def __init__(self, hub: Hub, *, committee_id: int, year_start: int, approved: bool, label: str) -> None:
        super().__init__(hub, f"{'approve' if approved else 'mark as draft'} programme {label}")
        self.committee_id = committee_id
        self.year_start = year_start
        self.approved = approved
        self.previous: bool | None = None

    def _apply(self, approved: bool, *, was: bool) -> bool:
        from domain.ops import committees

        return self.run(
            committees.set_programme_approved,
            committee_id=self.committee_id,
            year_start=self.year_start,
            approved=approved,
            expected=self.expected_state(was),
        )

    def do(self) -> None:
        # The window offers the opposite of the state it shows; redo finds what undo left.
        previous = self._apply(self.approved, was=not self.approved if self.previous is None else self.previous)
        if self.previous is None:
            self.previous = previous

    def undo_(self) -> None:
        assert self.previous is not None
        self._apply(self.previous, was=self.approved)


class SaveSettingsCommand(HubCommand):
    """Save the council settings as one step; undo puts every previous setting back.

    Pushed from the settings dialog, a broken rule that names its field is left for the dialog
    to show beside the field instead of in a message box.
    """

    def __init__(self, hub: Hub, *, settings: CouncilSettings, read: CouncilSettings | None = None) -> None:
        super().__init__(hub, "change council settings", inline=True)
        self.settings = settings
        self.read = read  # the settings the dialog showed, which the first run expects stored
        self.previous: CouncilSettings | None = None

    def do(self) -> None:
        from domain.settings import save_settings

        previous = self.run(
            save_settings, settings=self.settings,
            expected=self.expected_state(self.read if self.previous is None else self.previous),
        )  # fmt: skip
        if self.previous is None:
            self.previous = previous

    def undo_(self) -> None:
        from domain.settings import save_settings

        assert self.previous is not None
        self.run(save_settings, settings=self.previous, expected=self.expected_state(self.settings))
