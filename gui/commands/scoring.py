"""Undoable scoring edits: record a score, agree one, mark a topic not pursued.

Each command's text is its Edit-menu label ("Undo Score Child Exploitation").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from domain.values import AssessmentInfo, TopicRow

from .base import HubCommand, short

if TYPE_CHECKING:  # the ops import SQLAlchemy, which the window loads only after painting
    from ..hub import Hub


class RecordScoreCommand(HubCommand):
    """Record one scorer's answers; undo deletes that score, redo re-creates it with its id."""

    def __init__(
        self,
        hub: Hub,
        *,
        topic_id: int,
        topic_title: str,
        scorer: str,
        answers: Sequence[tuple[bool | int | None, str]],
        criteria_set_id: int | None = None,
        scored_on: dt.date | None = None,
    ) -> None:
        super().__init__(hub, f"Score {short(topic_title)}")
        self.topic_id = topic_id
        self.scorer = scorer
        self.answers = tuple(answers)
        self.criteria_set_id = criteria_set_id
        self.scored_on = scored_on
        self.assessment_id: int | None = None
        self.result: AssessmentInfo | None = None

    def do(self) -> None:
        from domain.ops import assessments

        info = self.run(
            assessments.record_assessment,
            topic_id=self.topic_id,
            scorer=self.scorer,
            answers=self.answers,
            criteria_set_id=self.criteria_set_id,
            scored_on=self.scored_on,
            assessment_id=self.assessment_id,
        )
        # Redo must give back the very same score: same id, same date.
        self.assessment_id = info.id
        self.scored_on = info.scored_on
        self.result = info

    def undo_(self) -> None:
        from domain.ops import assessments

        assert self.result is not None
        self.run(
            assessments.delete_assessment,
            assessment_id=self.result.id,
            expected_version=self.expected(self.result),
        )


class SetAgreedCommand(HubCommand):
    """Mark the committee's agreed score; undo puts the mark back where it was."""

    def __init__(self, hub: Hub, *, topic_id: int, topic_title: str, assessment_id: int) -> None:
        super().__init__(hub, f"Agree score for {short(topic_title)}")
        self.topic_id = topic_id
        self.assessment_id = assessment_id
        self.previous: int | None = None

    def do(self) -> None:
        from domain.ops import assessments

        self.previous = self.run(assessments.set_agreed, assessment_id=self.assessment_id, agreed=True)

    def undo_(self) -> None:
        from domain.ops import assessments

        self.run(
            assessments.restore_agreed, topic_id=self.topic_id, assessment_id=self.previous,
            expected_agreed=self.expected_state(self.assessment_id),
        )  # fmt: skip


class MarkNotPursuedCommand(HubCommand):
    """Keep a topic, marked not pursued with the reason; undo restores its status and reason."""

    def __init__(self, hub: Hub, *, topic_id: int, topic_title: str, reason: str) -> None:
        super().__init__(hub, f"Mark {short(topic_title)} not pursued")
        self.topic_id = topic_id
        self.reason = reason
        self.before: tuple[str, str] | None = None
        self.row: TopicRow | None = None

    def do(self) -> None:
        from domain.ops import topics

        row = self.hub.query(topics.get_topic, topic_id=self.topic_id)
        self.before = (row.status, row.status_reason)
        self.row = self.run(topics.mark_not_pursued, topic_id=self.topic_id, reason=self.reason)

    def undo_(self) -> None:
        from domain.ops import topics

        assert self.before is not None and self.row is not None
        status, reason = self.before
        self.run(
            topics.update_topic, topic_id=self.topic_id, status=status, status_reason=reason,
            expected_version=self.expected(self.row),
        )
