"""Undoable edits of topics: add, edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from domain.values import TopicRow

from .base import HubCommand, short

if TYPE_CHECKING:
    from ..hub import Hub


class CreateTopicCommand(HubCommand):
    """Add a topic; undo deletes it, redo re-creates it with the same id."""

    def __init__(self, hub: Hub, *, committee_id: int, year_start: int, fields: dict[str, Any]) -> None:
        super().__init__(hub, f"add topic {short(str(fields.get('title', '')))}")
        self.committee_id = committee_id
        self.year_start = year_start
        self.fields = dict(fields)
        self.row: TopicRow | None = None

    def do(self) -> None:
        from domain.ops import topics

        if self.row is None:
            fields = {k: v for k, v in self.fields.items() if k not in ("title", "year_start")}
            self.row = self.run(
                topics.create_topic,
                committee_id=self.committee_id,
                year_start=self.fields.get("year_start", self.year_start),
                title=self.fields.get("title", ""),
                **fields,
            )
        else:
            self.row = self.run(topics.restore_topic, row=self.row)

    def undo_(self) -> None:
        from domain.ops import topics

        assert self.row is not None
        self.run(topics.delete_topic, topic_id=self.row.id, expected_version=self.expected(self.row))


class EditTopicCommand(HubCommand):
    """Change a topic's fields; undo puts the previous fields back."""

    def __init__(self, hub: Hub, *, before: TopicRow, fields: dict[str, Any]) -> None:
        super().__init__(hub, f"edit {short(str(fields.get('title') or before.title))}")
        self.before = before
        self.old_fields = {k: getattr(before, k) for k in fields}
        self.new_fields = dict(fields)
        self.row: TopicRow | None = None

    def _apply(self, fields: dict[str, Any]) -> None:
        from domain.ops import topics

        self.row = self.run(
            topics.update_topic,
            topic_id=self.before.id,
            expected_version=self.expected(self.before),
            **fields,
        )

    def do(self) -> None:
        self._apply(self.new_fields)

    def undo_(self) -> None:
        self._apply(self.old_fields)
