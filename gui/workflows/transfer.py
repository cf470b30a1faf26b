"""The shown programme in from a CSV, Excel or Word file in the council's layout, and out in
any export format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import errors

if TYPE_CHECKING:
    from .host import WorkflowHost

# The format chosen last time, offered first next time (window state).
EXPORT_FORMAT = "export_format"


class TransferFlow:
    """Import programme (CSV, Excel or Word; one undoable step) and Export programme (any
    format)."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window

    def _programme_name(self) -> str:
        from ..models import labels

        assert self.window.committee is not None and self.window.year_start is not None
        return f"{self.window.committee.short_name or self.window.committee.name}, {labels.year_label(self.window.year_start)}"

    def export_programme(self) -> None:
        """Save the shown programme in the format the user chooses (not an edit).

        The Save dialog opens in the folder last exported to, else the user's Documents folder.
        """
        from ..models import labels

        window = self.window
        if window.hub is None or window.committee_id is None or window.year_start is None or window.committee is None:
            return
        import re
        from pathlib import Path

        from domain.io.output import write_export
        from domain.ops.publish import FORMATS

        from ..save_folder import remember_folder, start_folder

        state = window.window_state
        choice = window.dialogs.export_choice(window, FORMATS.values(), self._programme_name(), state.text(EXPORT_FORMAT))
        if choice is None:
            return
        fmt = FORMATS[choice.key]
        short = window.committee.short_name or window.committee.name
        # Characters Windows refuses in a file name (a committee may be called "Health/Care").
        suggested = re.sub(r'[\\/:*?"<>|]', "-", f"{short} work programme {labels.year_label(window.year_start)}{fmt.extension}")
        chosen = window.dialogs.save_file(
            window, f"Export programme as {fmt.label}", str(start_folder(state) / suggested), f"{fmt.label} (*{fmt.extension})"
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(fmt.extension)
        try:
            exported = window.query(
                fmt.make, committee_id=window.committee_id, year_start=window.year_start, include_exempt=choice.include_exempt
            )
            write_export(path, exported.data, what=fmt.noun)
        except Exception as exc:  # noqa: BLE001 - said in the user's words; nothing was written
            errors.report(exc, window, "Export programme")
            return
        from domain.words import counted

        remember_folder(state, path)
        state.set_text(EXPORT_FORMAT, fmt.key)
        message = f"Wrote {exported.contents} of {self._programme_name()} to {path}."
        if exported.exempt_left_out:
            message += f" {counted(exported.exempt_left_out, 'exempt (Part II) item')} left out."
        if choice.include_exempt:
            message += " It includes exempt (Part II) items: do not publish it."
        if exported.notes:
            message += " " + " ".join(exported.notes)
        window.statusBar().showMessage(message)

    def import_programme(self) -> None:
        """Add a programme file's meetings and items to the shown programme, as one undoable
        step. The file may be CSV, an Excel workbook or a Word document (told by its content).

        The whole file is checked before anything is written; a bad file is reported (file,
        row, column, what to do) and changes nothing.
        """
        if self.window.hub is None or self.window.committee_id is None or self.window.year_start is None or self.window.committee is None:
            return
        from pathlib import Path

        from domain.io.sniff import FILE_FILTER, read_programme
        from domain.ops.criteria import set_for_committee
        from domain.ops.imports import check_rows_in_year, topic_count
        from domain.words import counted

        from ..commands.transfer import ImportProgrammeCommand

        chosen = self.window.dialogs.open_file(self.window, "Import programme", FILE_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        cid, year = self.window.committee_id, self.window.year_start
        try:
            max_score = self.window.query(set_for_committee, committee_id=cid).max_total
            rows = read_programme(path, max_score=max_score, name=str(path))
            self.window.query(check_rows_in_year, year_start=year, rows=rows, file=str(path))
            existing = self.window.query(topic_count, committee_id=cid, year_start=year)
        except Exception as exc:  # noqa: BLE001 - said in the user's words; nothing was imported
            errors.report(exc, self.window, "Import programme")
            return
        if existing:
            items = sum(1 for r in rows if r.title)
            text = (
                f"{self._programme_name()} already has {counted(existing, 'topic')}. Add the "
                f"{counted(items, 'item')} of {path.name} to that programme? Items that are in "
                "both will be there twice."
            )
            if not self.window.dialogs.confirm(self.window, "Import programme", text):
                return
        command = ImportProgrammeCommand(self.window.hub, committee_id=cid, year_start=year, rows=rows, file=str(path))
        if self.window.push(command) is not None or command.summary is None:
            return
        s = command.summary
        self.window.statusBar().showMessage(
            f"Imported {s.counts()} from {path.name} into {self._programme_name()}. "
            + " ".join(s.warnings)
            + (" " if s.warnings else "")
            + "Undo takes the import back."
        )
