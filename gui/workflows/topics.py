"""Topics: add one, edit the selected one, find one by its title."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .host import WorkflowHost


class TopicsFlow:
    """New topic, Edit topic and Find topic, on the window's committee and year."""

    def __init__(self, window: WorkflowHost) -> None:
        self.window = window

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

        editor = self.window.dialogs.topic_editor(
            self.window, row=None, year_start=year, years=self.window.years(), on_save=save,
            start_month=self.window.start_month(),
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
            carried_from=carried, on_open_carried=self._show_topic,
        )
        self.window.show_dialog(editor)

    def _show_topic(self, topic_id: int) -> bool:
        from .. import navigation

        return navigation.show_topic(self.window, topic_id)

    def focus_filter(self) -> None:
        self.window.tabs.setCurrentWidget(self.window.topics_view)
        self.window.topics_view.focus_filter()
