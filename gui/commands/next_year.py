"""The undoable start of next year's programme."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from domain.years import short_year_label

from .base import HubCommand

if TYPE_CHECKING:
    from domain.ops.next_year import Carried

    from ..hub import Hub


class CarryForwardCommand(HubCommand):
    """Carry chosen topics into the next municipal year, as one step.

    Undo takes back the topics it made and the standing items' places on the new year's
    agendas; redo makes them again with the same ids. Either checks first that nobody changed
    those rows since this window left them.
    """

    def __init__(self, hub: Hub, *, committee_id: int, year_start: int, topic_ids: Sequence[int]) -> None:
        super().__init__(hub, f"start the {short_year_label(year_start + 1)} programme")
        self.committee_id = committee_id
        self.year_start = year_start
        self.topic_ids = tuple(topic_ids)
        self.carried: Carried | None = None

    def do(self) -> None:
        from domain.ops.next_year import carry_forward

        self.carried = self.run(
            carry_forward, committee_id=self.committee_id, year_start=self.year_start,
            topic_ids=self.topic_ids, reuse=self.carried, check=not self._forced,
        )  # fmt: skip

    def undo_(self) -> None:
        from domain.ops.next_year import undo_carry

        assert self.carried is not None
        self.run(undo_carry, carried=self.carried, expected=self.as_left(self.carried))
