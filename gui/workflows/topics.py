"""Topics: add one, edit the selected one, find one by its title."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from domain.screening import Similar
    from domain.values import TopicRow

    from .host import WorkflowHost


class TopicsFlow:
    """New topic, Edit topic and Find topic, on the window's committee and year."""

    def __init__(self, window: WorkflowHost) -> None:
        from .suggestions import PathFlow

        self.window = window
        self.path = PathFlow(window)  # the Topics menu, the page's buttons, Import suggestions

    def new_topic(self) -> None:
        if self.window.hub is None or self.window.committee_id is None or self.window.year_start is None:
            return
        from ..commands.topics import CreateTopicCommand
        from ..widgets.master_detail import saving_new

        hub, cid, year = self.window.hub, self.window.committee_id, self.window.year_start
        save, created = saving_new(
            self.window.push,
            lambda fields: CreateTopicCommand(hub, committee_id=cid, year_start=year, fields=fields),
            made="row",
        )

        def after() -> None:
            self.window.tabs.setCurrentWidget(self.window.topics_view)
            if created:
                self.window.topics_view.select_topic(created[0])
                row = self.window.topics_view.current_topic()
                if row is not None:
                    from domain.ops.suggestions import where_it_appears

                    self.window.statusBar().showMessage(f"Added '{row.title}': it appears {where_it_appears(row.status)}.")

        editor = self.window.dialogs.topic_editor(
            self.window, row=None, year_start=year, years=self.window.years(), on_save=save,
            start_month=self.window.start_month(), find_similar=self._similar(None),
        )
        self.window.show_dialog(editor, after)

    def edit_topic(self) -> None:
        row = self.window.topics_view.current_topic()
        if self.window.hub is None or row is None or self.window.year_start is None:
            return
        from ..commands.topics import EditTopicCommand

        hub = self.window.hub

        def save(fields: dict[str, Any]) -> BaseException | None:
            if not fields:
                return None
            return self.window.push(EditTopicCommand(hub, before=row, fields=fields))

        from domain.ops.decisions import topic_origin
        from domain.ops.next_year import carried_from

        try:
            origin = self.window.query(topic_origin, topic_id=row.id)
            carried = self.window.query(carried_from, topic_id=row.id)
        except Exception:  # noqa: BLE001 - the editor works without it; saving reports a deleted topic
            origin = carried = None
        editor = self.window.dialogs.topic_editor(
            self.window, row=row, year_start=self.window.year_start, years=self.window.years(), on_save=save,
            origin=origin, on_open_origin=self.window.show_decision, start_month=self.window.start_month(),
            find_similar=self._similar(row), carried_from=carried, on_open_carried=self._show_topic,
        )
        self.window.show_dialog(editor)

    def _similar(self, row: TopicRow | None) -> Callable[[str], Sequence[Similar]]:
        """Items like a title, reviewed within 12 months of the topic's date added (today for a
        new topic), leaving the topic itself out."""
        from domain.ops.suggestions import similar_recent

        def find(title: str) -> Sequence[Similar]:
            on = row.added_on if row is not None else None
            exclude = row.id if row is not None else None
            result: Sequence[Similar] = self.window.query(similar_recent, title=title, on=on, exclude_topic_id=exclude)
            return result

        return find

    def _show_topic(self, topic_id: int) -> bool:
        from .. import navigation

        return navigation.show_topic(self.window, topic_id)

    def focus_filter(self) -> None:
        self.window.tabs.setCurrentWidget(self.window.topics_view)
        self.window.topics_view.focus_filter()
