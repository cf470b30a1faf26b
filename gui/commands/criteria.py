"""Undoable edits of the scoring tools: save a tool (a new one, a change in place, or a new
revision), delete one, choose a committee's tool, make one the default.

Each command's text is its Edit-menu label ("Undo save scoring tool TOPIC").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.scoring import CriteriaSetSpec
from domain.values import CriteriaSetInfo

from .base import HubCommand, short

if TYPE_CHECKING:  # the ops import SQLAlchemy, which the window loads only after painting
    from domain.ops.criteria import DeletedSet, ToolChoice
    from domain.values import CommitteeInfo

    from ..hub import Hub


class SaveToolCommand(HubCommand):
    """Save a scoring tool. ``before`` is the tool as read (None for a new one). Undo deletes
    a new tool, puts back the old questions of a tool changed in place, or withdraws the new
    revision so the one it replaced is in use again."""

    def __init__(
        self, hub: Hub, *, spec: CriteriaSetSpec, before: CriteriaSetInfo | None, inline: bool = True
    ) -> None:
        super().__init__(hub, f"save scoring tool {short(spec.name)}", inline=inline)
        self.spec = spec
        self.before = before
        self.result: CriteriaSetInfo | None = None
        # Redo makes the same new set (or new revision) again with its id, so later commands
        # naming it still find it.
        self._made_id: int | None = None

    def do(self) -> None:
        from domain.ops import criteria

        if self.before is None:
            self.result = self.run(criteria.create_set, spec=self.spec, criteria_set_id=self._made_id)
            self._made_id = self.result.id
            return
        self.result = self.run(
            criteria.revise_set,
            criteria_set_id=self.before.id,
            spec=self.spec,
            expected_version=self.expected(self.before),
            revision_id=self._made_id,
        )
        if self.result.id != self.before.id:
            self._made_id = self.result.id

    def undo_(self) -> None:
        from domain.ops import criteria

        assert self.result is not None
        if self.before is None:
            self.run(criteria.delete_set, criteria_set_id=self.result.id, expected_version=self.expected(self.result))
        elif self.result.id == self.before.id:
            self.run(
                criteria.revise_set,
                criteria_set_id=self.before.id,
                spec=self.before.spec,
                expected_version=self.expected(self.result),
            )
        else:
            self.run(
                criteria.withdraw_revision,
                criteria_set_id=self.result.id,
                expected_version=self.expected(self.result),
            )


class DeleteToolCommand(HubCommand):
    """Delete a tool no score uses; undo puts it back, with its id, for its committees."""

    def __init__(self, hub: Hub, *, tool: CriteriaSetInfo) -> None:
        super().__init__(hub, f"delete scoring tool {short(tool.name)}")
        self.tool = tool
        self.deleted: DeletedSet | None = None

    def do(self) -> None:
        from domain.ops import criteria

        self.deleted = self.run(criteria.delete_set, criteria_set_id=self.tool.id, expected_version=self.expected(self.tool))

    def undo_(self) -> None:
        from domain.ops import criteria

        assert self.deleted is not None
        self.run(criteria.restore_set, deleted=self.deleted)


class ChooseToolCommand(HubCommand):
    """A committee scores with another tool from now on; undo gives it back the one before.
    ``committee`` is the committee as read, whose version each step checks."""

    def __init__(self, hub: Hub, *, committee: CommitteeInfo, tool: CriteriaSetInfo | None) -> None:
        name = tool.name if tool is not None else "the default tool"
        super().__init__(hub, f"score {short(committee.name, 40)} with {short(name, 30)}")
        self.committee = committee
        self.tool_id = tool.id if tool is not None else None
        self.previous: int | None = None

    def do(self) -> None:
        self.previous = self._choose(self.tool_id).previous_id

    def undo_(self) -> None:
        self._choose(self.previous)

    def _choose(self, tool_id: int | None) -> ToolChoice:
        from domain.ops import criteria

        return self.run(
            criteria.choose_set,
            committee_id=self.committee.id,
            criteria_set_id=tool_id,
            expected_version=self.expected(self.committee),
        )


class MakeDefaultToolCommand(HubCommand):
    """Make a tool the default; undo makes the one before the default again. Each step
    checks the default is still the one it left (``default_id``: the default as read)."""

    def __init__(self, hub: Hub, *, tool: CriteriaSetInfo, default_id: int | None) -> None:
        super().__init__(hub, f"make {short(tool.name)} the default scoring tool")
        self.tool_id = tool.id
        self.default_id = default_id
        self.previous: int | None = None

    def do(self) -> None:
        from domain.ops import criteria

        self.previous = self.run(
            criteria.make_default,
            criteria_set_id=self.tool_id,
            expected_default=self.expected_state(self.previous if self._ran else self.default_id),
        ).previous_id

    def undo_(self) -> None:
        from domain.ops import criteria

        if self.previous is not None:
            self.run(
                criteria.make_default,
                criteria_set_id=self.previous,
                expected_default=self.expected_state(self.tool_id),
            )
