"""The dialogs the window opens, behind one seam so tests can replace any of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from domain.decision_values import DecisionInfo
    from domain.errors import Conflict
    from domain.ops.planning import MeetingAgenda
    from domain.ops.publish import ExportFormat
    from domain.values import CommitteeInfo, MeetingInfo, TopicRow

    from .committee_dialog import CommitteeDialog
    from .export_dialog import ExportChoice
    from .meeting_dialog import MeetingDialog
    from .meeting_outcome import Outcome
    from .topic_editor import SaveHandler, TopicEditor
    from .topic_path import FindSimilar


class Dialogs:
    """The dialogs the window opens: one seam, so tests can replace any of them."""

    def topic_editor(
        self, parent: QWidget, *, row: TopicRow | None, year_start: int, years: list[int], on_save: SaveHandler,
        origin: DecisionInfo | None = None, on_open_origin: Callable[[int], object] | None = None,
        start_month: int, find_similar: FindSimilar | None = None,
        carried_from: tuple[int, int, str] | None = None, on_open_carried: Callable[[int], object] | None = None,
    ) -> TopicEditor:
        from .topic_editor import TopicEditor

        return TopicEditor(
            row=row, year_start=year_start, years=years, on_save=on_save, parent=parent,
            origin=origin, on_open_origin=on_open_origin, start_month=start_month,
            find_similar=find_similar, carried_from=carried_from, on_open_carried=on_open_carried,
        )

    def meeting_dialog(
        self, parent: QWidget, *, title: str, starts_at: dt.datetime, venue: str, year_start: int, start_month: int
    ) -> MeetingDialog:
        from .meeting_dialog import MeetingDialog

        return MeetingDialog(
            title=title, starts_at=starts_at, venue=venue, year_start=year_start, start_month=start_month,
            parent=parent,
        )

    def committee_dialog(self, parent: QWidget, info: CommitteeInfo) -> CommitteeDialog:
        from .committee_dialog import CommitteeDialog

        return CommitteeDialog(info, parent)

    def ask_text(self, parent: QWidget, title: str, label: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def book_anyway(self, parent: QWidget, caution: str) -> bool:
        """Book onto a meeting that has taken place or is past its report deadline?"""
        from .booking import book_anyway

        return book_anyway(parent, caution)

    def conflict(self, parent: QWidget, conflict: Conflict) -> bool:
        """Someone else changed what a step would write: True to use this user's version
        anyway ("Use mine"), False to keep theirs (the default)."""
        box = QMessageBox(QMessageBox.Icon.Question, "Changed by someone else", str(conflict), parent=parent)
        box.setInformativeText("Keep their change, or put yours in its place?")
        keep = box.addButton("Keep their change", QMessageBox.ButtonRole.RejectRole)
        mine = box.addButton("Use mine", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is mine

    def cancel_destination(
        self, parent: QWidget, meeting: MeetingInfo, choices: list[tuple[int, str]]
    ) -> int | str | None | bool:
        """Where a cancelled meeting's items go, asked as the planner asks it."""
        from ..widgets.planner import PlannerDialogs

        return PlannerDialogs().cancel_destination(parent, meeting, choices)

    def meeting_outcome(self, parent: QWidget, agenda: MeetingAgenda) -> Outcome | None:
        """What happened at a meeting, asked as the planner asks it; None to leave it."""
        from ..widgets.planner import PlannerDialogs

        return PlannerDialogs().outcome(parent, agenda)

    def save_file(self, parent: QWidget, title: str, suggested_path: str, filter: str) -> str | None:  # noqa: A002 - Qt's word
        """Ask where to save; ``suggested_path`` is the folder to open in and the name offered."""
        from PySide6.QtWidgets import QFileDialog

        path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested_path, filter)
        return path or None

    def export_choice(
        self, parent: QWidget, formats: Iterable[ExportFormat], programme: str, initial: str | None
    ) -> ExportChoice | None:
        """The format to export in and whether exempt items go in, or None when cancelled."""
        from .export_dialog import ExportDialog

        dialog = ExportDialog(formats, programme=programme, initial=initial, parent=parent)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def open_file(self, parent: QWidget, title: str, filter: str) -> str | None:  # noqa: A002 - Qt's word
        from PySide6.QtWidgets import QFileDialog

        path, _chosen = QFileDialog.getOpenFileName(parent, title, "", filter)
        return path or None
