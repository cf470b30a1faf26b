"""Undoable import of a programme file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .base import HubCommand

if TYPE_CHECKING:
    from domain.io.rows import ProgrammeRow
    from domain.ops.imports import ImportedIds, ImportSummary

    from ..hub import Hub


class ImportProgrammeCommand(HubCommand):
    """Import checked rows of a programme file into a committee's year.

    Undo deletes exactly the topics (with their scores), meetings and entries the import made;
    redo makes them again with the same ids, so later steps on the stack still find them.
    """

    def __init__(
        self, hub: Hub, *, committee_id: int, year_start: int, rows: Sequence[ProgrammeRow], file: str
    ) -> None:
        super().__init__(hub, f"import {Path(file).name}")
        self.committee_id = committee_id
        self.year_start = year_start
        self.rows = tuple(rows)
        self.file = file
        self.created: ImportedIds | None = None
        self.summary: ImportSummary | None = None

    def do(self) -> None:
        from domain.ops.imports import import_rows

        result = self.run(
            import_rows,
            committee_id=self.committee_id,
            year_start=self.year_start,
            rows=self.rows,
            file=self.file,
            reuse=self.created,
        )
        self.created = result.created
        self.summary = result.summary

    def undo_(self) -> None:
        from domain.ops.imports import remove_imported

        assert self.created is not None
        self.run(remove_imported, imported=self.created)
