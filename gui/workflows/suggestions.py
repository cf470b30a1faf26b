"""A topic's path: File ▸ Import suggestions… (a suggestion form's export onto the long list),
and the Topics menu (and the Topics page's buttons): Accept, Short-list, Back to the long list,
Not pursued… on the selected topics, several at once with one undo, and the work-planning
session pack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import errors
from ..actions import new_action

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from domain.values import TopicRow

    from ..widgets.topics_view import TopicsView
    from .host import WorkflowHost


class PathFlow:
    """``import_action`` belongs in the File menu; ``stage_actions`` and ``pack_action`` in the
    Topics menu and on the Topics page (``wire``)."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window
        self.import_action = new_action(
            window, "Import su&ggestions…", self.import_suggestions, "importSuggestions",
            "Add the suggestions of an online form's export (CSV or Excel) to this year's long list",
        )  # fmt: skip
        self.accept_action = new_action(
            window, "&Accept", lambda: self.move("accept"), "acceptTopics",
            "Accept the selected topics: they wait in Items to be scheduled on the Programme page",
        )  # fmt: skip
        self.short_list_action = new_action(
            window, "&Short-list", lambda: self.move("short_list"), "shortListTopics",
            "Put the selected topics on the short list for the work-planning session",
        )  # fmt: skip
        self.long_list_action = new_action(
            window, "Back to the &long list", lambda: self.move("long_list"), "longListTopics",
            "Put the selected topics back on the long list",
        )  # fmt: skip
        self.not_pursued_action = new_action(
            window, "&Not pursued…", self.not_pursued, "notPursuedTopics",
            "Record that the selected topics are not pursued, and why",
        )  # fmt: skip
        self.pack_action = new_action(
            window, "Session &pack…", self.session_pack, "sessionPack",
            "Preview, print or save the short list with each topic's proposer, reason, workload and score",
        )  # fmt: skip
        self.long_list_action.setIconText("Long list")  # the button's text; the menu says it whole
        self.stage_actions = [self.accept_action, self.short_list_action, self.long_list_action, self.not_pursued_action]

    @property
    def actions(self) -> list[QAction]:
        return [*self.stage_actions, self.pack_action]

    def wire(self, page: TopicsView) -> None:
        """Give the Topics page its buttons, and several rows to select."""
        page.add_path_buttons(self.actions)
        page.selection_changed.connect(self.update)
        self.update()

    def update(self) -> None:
        page = self.window.topics_view if "topics" in getattr(self.window, "pages", {}) else None
        chosen = bool(page.selected_topics()) if page is not None else False
        for action in self.stage_actions:
            action.setEnabled(chosen)

    # --- moving topics along their path -------------------------------------------------------

    def _selected(self) -> list[TopicRow]:
        if self.window.hub is None:
            return []
        rows = self.window.topics_view.selected_topics()
        if not rows:
            self.window.statusBar().showMessage("Select one or more topics on the Topics page first.")
        return rows

    def ask_reason(self, count: int) -> str | None:
        """Why the topics are not pursued; None when cancelled."""
        what = "this topic is" if count == 1 else f"these {count} topics are"
        text = self.window.dialogs.ask_text(
            self.window, "Not pursued", f"Why {what} not pursued (the proposer is told this):"
        )
        return text.strip() if text is not None else None

    def move(self, stage: str, reason: str = "") -> None:
        rows = self._selected()
        if not rows or self.window.hub is None:
            return
        from ..commands.topics import StageTopicsCommand

        command = StageTopicsCommand(self.window.hub, rows=rows, stage=stage, reason=reason)
        if self.window.push(command) is None and stage == "accept":
            from domain.words import counted

            self.window.statusBar().showMessage(
                f"Accepted {counted(len(rows), 'topic')}: they wait in Items to be scheduled on the "
                "Programme page."
            )

    def not_pursued(self) -> None:
        rows = self._selected()
        if not rows:
            return
        reason = self.ask_reason(len(rows))
        while reason is not None and not reason:
            reason = self.ask_reason(len(rows))  # a reason is needed; Cancel leaves them as they are
        if reason:
            self.move("not_pursued", reason)

    # --- suggestions from a file, and the pack ------------------------------------------------

    def import_suggestions(self) -> None:
        window = self.window
        if window.hub is None or window.committee_id is None or window.year_start is None:
            window.statusBar().showMessage("Choose a committee and a year to import suggestions into.")
            return
        from pathlib import Path

        from domain.io.suggestions import FILE_FILTER, read_suggestions

        from ..commands.topics import ImportSuggestionsCommand

        chosen = window.dialogs.open_file(window, "Import suggestions", FILE_FILTER)
        if not chosen:
            return
        try:
            rows = read_suggestions(Path(chosen), name=Path(chosen).name)
        except Exception as exc:  # noqa: BLE001 - said in the user's words; nothing was imported
            errors.report(exc, window, "Import suggestions")
            return
        command = ImportSuggestionsCommand(
            window.hub, committee_id=window.committee_id, year_start=window.year_start, rows=rows,
            file_name=Path(chosen).name,
        )  # fmt: skip
        if window.push(command) is None and command.result is not None:
            window.tabs.setCurrentWidget(window.topics_view)
            window.statusBar().showMessage(f"{command.result.summary} Undo takes the import back.")
            if command.result.similar:
                errors.show_message(window, "Import suggestions", command.result.summary)

    def session_pack(self) -> None:
        from ..printing import controller_of

        controller = controller_of(self.window)
        if controller is not None:
            controller.open_session_pack()
