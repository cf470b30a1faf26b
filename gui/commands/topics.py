"""Undoable edits of topics: add, edit, move several along their path, import suggestions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from domain.values import TopicRow
from domain.words import counted

from .base import HubCommand, short

if TYPE_CHECKING:
    from domain.ops.suggestions import SuggestionImport

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


# The Edit menu's words for each stage ("Undo mark 2 topics not pursued").
_STAGE_TEXT = {
    "accept": "accept {}",
    "short_list": "short-list {}",
    "long_list": "put {} back on the long list",
    "not_pursued": "mark {} not pursued",
}


class StageTopicsCommand(HubCommand):
    """Move the selected topics to a stage of their path (long list, short list, accepted, not
    pursued) in one step; undo puts back each one's status and reason."""

    def __init__(self, hub: Hub, *, rows: Sequence[TopicRow], stage: str, reason: str = "") -> None:
        what = f"'{short(rows[0].title, 40)}'" if len(rows) == 1 else counted(len(rows), "topic")
        super().__init__(hub, _STAGE_TEXT[stage].format(what))
        self.before = tuple(rows)
        self.stage, self.reason = stage, reason
        self.after: tuple[TopicRow, ...] = ()

    def do(self) -> None:
        from domain.ops.suggestions import move_to_stage

        topics = [(r.id, self.expected(r)) for r in self.before]
        self.after = self.run(move_to_stage, topics=topics, stage=self.stage, reason=self.reason).rows

    def undo_(self) -> None:
        from domain.ops.suggestions import update_topics

        edits = [
            (b.id, self.expected(a), {"status": b.status, "status_reason": b.status_reason})
            for b, a in zip(self.before, self.after, strict=True)
        ]
        self.run(update_topics, edits=edits)


class ImportSuggestionsCommand(HubCommand):
    """Add a suggestion file's rows to the long list; undo removes them, redo makes them again
    with the same ids."""

    def __init__(self, hub: Hub, *, committee_id: int, year_start: int, rows: Sequence[Any], file_name: str) -> None:
        super().__init__(hub, f"import {counted(len(rows), 'suggestion')} from {short(file_name, 40)}")
        self.args = {"committee_id": committee_id, "year_start": year_start, "rows": tuple(rows)}
        self.result: SuggestionImport | None = None

    def do(self) -> None:
        from domain.ops import suggestions

        if self.result is None:
            self.result = self.run(suggestions.import_suggestions, **self.args)
        else:
            self.run(suggestions.restore_topics, rows=self.result.rows)

    def undo_(self) -> None:
        from domain.ops import suggestions

        assert self.result is not None
        self.run(suggestions.remove_topics, topics=[(r.id, self.expected(r)) for r in self.result.rows])
