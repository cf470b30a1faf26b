"""What the Year page's charts lead to: a clicked bar or mark shows its meeting, review,
resolution or band of topics on that thing's own page, with the keyboard focus there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..year.page import YearPage
    from .host import WorkflowHost


class YearFlow:
    def __init__(self, window: WorkflowHost) -> None:
        self.window = window

    def wire(self, page: YearPage) -> None:
        page.meeting_picked.connect(self.show_meeting)
        page.review_picked.connect(self.show_review)
        page.decision_picked.connect(self.window.show_decision)
        page.band_picked.connect(self.show_band)

    def _page(self, name: str) -> Any:
        page = self.window.pages[name]
        self.window.tabs.setCurrentWidget(page)
        return page

    def show_meeting(self, meeting_id: int) -> None:
        """Select the meeting on the Programme page."""
        planner = self._page("programme")
        planner.select_meeting(meeting_id)
        planner.tree.setFocus()

    def show_review(self, review_id: int) -> None:
        reviews = self._page("reviews")
        if reviews.select_review(review_id):
            reviews.table.setFocus()

    def show_band(self, band: str, statuses: tuple[str, ...]) -> None:
        """The Topics page showing only the band's topics (of the stage's statuses, if given),
        whatever was typed in its Find box."""
        from ..models.labels import UNSCORED
        from ..models.topics import UNSCORED as ANY_UNSCORED

        topics = self._page("topics")
        wanted = ANY_UNSCORED if band == UNSCORED else band
        status: str | tuple[str, ...] | None = (statuses[0] if len(statuses) == 1 else statuses) or None
        topics.filter_edit.clear()
        for combo, data in ((topics.band_combo, wanted), (topics.status_combo, status)):
            index = combo.findData(data)
            combo.setCurrentIndex(max(index, 0))
        topics.table.setFocus()
