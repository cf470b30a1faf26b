"""Undoable evidence edits: importing an evidence file, and the evidence linked to a topic."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .base import HubCommand, short

if TYPE_CHECKING:  # the ops import SQLAlchemy, which the window loads only after painting
    from domain.io.evidence import EvidenceFile, EvidenceRow
    from domain.ops.evidence import EvidenceImportSummary

    from ..hub import Hub


class ImportEvidenceCommand(HubCommand):
    """Import checked rows of an evidence file; undo takes the whole import back (the rows it
    added go, the rows it updated get their values and marks back); redo imports them again
    with the same ids."""

    def __init__(self, hub: Hub, *, file_name: str, file_kind: EvidenceFile, rows: Sequence[EvidenceRow]) -> None:
        super().__init__(hub, f"Import evidence {short(file_name)}")
        self.file_kind = file_kind
        self.rows = tuple(rows)
        self.result: EvidenceImportSummary | None = None

    def do(self) -> None:
        from domain.ops import evidence

        reuse = self.result.added if self.result is not None else ()
        self.result = self.run(evidence.import_evidence, file_kind=self.file_kind, rows=self.rows, reuse=reuse)

    def undo_(self) -> None:
        from domain.ops import evidence

        assert self.result is not None
        self.run(evidence.undo_import, summary=self.result, check=not self._forced)


class SetTopicEvidenceCommand(HubCommand):
    """Link exactly the given evidence to a topic; undo puts the links back as they were."""

    def __init__(
        self, hub: Hub, *, topic_id: int, topic_title: str, before: Sequence[int], after: Sequence[int],
        text: str | None = None,
    ) -> None:
        super().__init__(hub, text or f"Evidence of {short(topic_title)}")
        self.topic_id = topic_id
        self.before = tuple(sorted(before))
        self.after = tuple(sorted(set(after)))

    def do(self) -> None:
        from domain.ops import evidence

        self.run(
            evidence.set_topic_evidence, topic_id=self.topic_id, evidence_ids=self.after,
            expected=None if self._forced else self.before,
        )

    def undo_(self) -> None:
        from domain.ops import evidence

        self.run(
            evidence.set_topic_evidence, topic_id=self.topic_id, evidence_ids=self.before,
            expected=None if self._forced else self.after,
        )
