"""File ▸ Import evidence…: the council's key actions and indicators, forward plan or risk
register from a CSV or Excel file, checked whole, then one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import errors
from ..actions import new_action

if TYPE_CHECKING:
    from .host import WorkflowHost


class EvidenceFlow:
    """``action`` is the File menu's Import evidence…."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window
        self.action = new_action(
            window, "Import &evidence…", self.import_evidence, "importEvidence",
            "Bring in the council's key actions and indicators (RAG per quarter), forward plan "
            "of key decisions or risk register from a CSV or Excel file",
        )  # fmt: skip

    def import_evidence(self) -> None:
        """Ask for the file, tell its kind from its header, read and check it whole, import it
        as one step Ctrl+Z takes back. A bad file is reported (file, row, column, what to do)
        and changes nothing."""
        window = self.window
        if window.hub is None:
            return
        from pathlib import Path

        from domain.io.evidence import FILE_FILTER, detect_kind, read_evidence

        from ..commands.evidence import ImportEvidenceCommand

        chosen = window.dialogs.open_file(window, "Import evidence", FILE_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        try:
            kind = detect_kind(path)
            rows = read_evidence(path, kind)
        except Exception as exc:  # noqa: BLE001 - said in the user's words; nothing was imported
            errors.report(exc, window, "Import evidence")
            return
        command = ImportEvidenceCommand(window.hub, file_name=path.name, file_kind=kind, rows=rows)
        if window.push(command) is None and command.result is not None:
            window.statusBar().showMessage(
                f"Imported the {kind.label} from {path.name}: {command.result.counts()}. "
                "Ctrl+Z takes the import back."
            )
