"""Undoable edits of tracking decisions: resolutions, their progress, and putting what a
resolution asks for on the work programme."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .base import (
    AddCommand,
    AdditionOptions,
    DeleteCommand,
    HubCommand,
    ProgrammeAdditionCommand,
    short,
)

if TYPE_CHECKING:
    from typing import Unpack

    from domain.decision_values import DecisionInfo, ProgressNoteInfo

    from ..hub import Hub


class CreateDecisionCommand(AddCommand):
    """Record a resolution; undo deletes it, redo puts it back with the same id."""

    def __init__(self, hub: Hub, *, committee_id: int, fields: dict[str, Any], inline: bool = False) -> None:
        from domain.ops import decisions

        super().__init__(
            hub, f"add resolution {short(str(fields.get('title', '')))}",
            add=decisions.create_decision, restore=decisions.restore_decision,
            delete=decisions.delete_decision, id_arg="decision_id",
            args={"committee_id": committee_id, **fields}, inline=inline,
        )  # fmt: skip
        self.info: DecisionInfo | None


def _edit_text(before: DecisionInfo, fields: dict[str, Any]) -> str:
    from domain.decision_values import DecisionStatus, Rag

    title = short(str(fields.get("title") or before.title))
    if set(fields) == {"status"}:
        return f"mark {title} {DecisionStatus(fields['status']).label.lower()}"
    if set(fields) == {"rag"}:
        rag = Rag(fields["rag"]).label if fields["rag"] else "None"
        return f"set RAG of {title} to {rag}"
    return f"edit resolution {title}"


class EditDecisionCommand(HubCommand):
    """Change a resolution's fields (status and RAG too); undo puts the old values back."""

    def __init__(
        self, hub: Hub, *, before: DecisionInfo, fields: dict[str, Any], inline: bool = False
    ) -> None:
        super().__init__(hub, _edit_text(before, fields), inline=inline)
        self.before = before
        self.old_fields = {k: getattr(before, k) for k in fields}
        self.new_fields = dict(fields)
        self.info: DecisionInfo | None = None

    def _apply(self, fields: dict[str, Any]) -> None:
        from domain.ops import decisions

        edited = self.run(
            decisions.update_decision,
            decision_id=self.before.id,
            expected_version=self.expected(self.before),
            **fields,
        )
        self.info = edited.after

    def do(self) -> None:
        self._apply(self.new_fields)

    def undo_(self) -> None:
        self._apply(self.old_fields)


class DeleteDecisionCommand(DeleteCommand):
    """Delete a resolution with its progress; undo restores it whole, topic links included."""

    def __init__(self, hub: Hub, *, info: DecisionInfo) -> None:
        from domain.ops import decisions

        super().__init__(
            hub, f"delete resolution {short(info.title)}",
            delete=decisions.delete_decision, restore=decisions.restore_decision, id_arg="decision_id", info=info,
        )  # fmt: skip
        self.info: DecisionInfo


class AddProgressNoteCommand(AddCommand):
    """Add a dated progress note to a resolution; undo removes it."""

    def __init__(
        self, hub: Hub, *, decision: DecisionInfo, text: str, noted_on: dt.date | None, inline: bool = False
    ) -> None:
        from domain.ops import decisions

        super().__init__(
            hub, f"add progress note to {short(decision.title)}",
            add=decisions.add_progress_note, restore=decisions.restore_progress_note,
            delete=decisions.delete_progress_note, id_arg="note_id", restore_arg="note",
            args={"decision_id": decision.id, "text": text, "noted_on": noted_on}, inline=inline,
        )  # fmt: skip
        self.info: ProgressNoteInfo | None


class AddToWorkProgrammeCommand(ProgrammeAdditionCommand):
    """Put what a resolution asks for on the work programme: a topic, its booking and the
    progress note, in one step; undo removes exactly those and restores the status."""

    def __init__(self, hub: Hub, *, decision: DecisionInfo, title: str, reason: str, **place: Unpack[AdditionOptions]) -> None:
        from domain.ops import decisions

        super().__init__(
            hub, f"add {short(title or decision.title)} to the work programme",
            add=decisions.add_to_work_programme, redo=decisions.redo_add_to_work_programme,
            undo=decisions.undo_add_to_work_programme, source={"decision_id": decision.id},
            title=title, reason=reason, **place,
        )  # fmt: skip
