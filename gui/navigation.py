"""Going to one topic or resolution from elsewhere (a review's topic, a topic's origin),
switching the committee, year and page to show it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import errors

if TYPE_CHECKING:
    from .workflows.host import WorkflowHost


def _look_up(window: WorkflowHost, op: Callable[..., Any], **kw: Any) -> Any:
    """What ``op`` answers, or None (said to the user) if it is gone or no database is open."""
    if window.hub is None:
        return None
    try:
        return window.query(op, **kw)
    except Exception as exc:  # deleted meanwhile: say so
        errors.report(exc, window)
        return None


def show_topic(window: WorkflowHost, topic_id: int) -> bool:
    """Select a topic on the Topics page, switching to its committee and year if need be."""
    from domain.ops import topics

    row = _look_up(window, topics.get_topic, topic_id=topic_id)
    if row is None:
        return False
    window.selection.select(row.committee_id, row.year_start)
    window.tabs.setCurrentWidget(window.topics_view)
    return window.topics_view.select_topic(topic_id)


def show_decision(window: WorkflowHost, decision_id: int) -> bool:
    """Select a resolution on the Decisions page, switching to its committee and the year of
    its meeting, and showing every resolution if the page's filter hides it."""
    from domain.ops import decisions

    from .models import labels

    info = _look_up(window, decisions.get_decision, decision_id=decision_id)
    if info is None:
        return False
    window.selection.select(info.committee_id, labels.municipal_year_of(info.meeting_date, window.start_month()))
    view = window.decisions_view
    window.tabs.setCurrentWidget(view)
    if view.select_decision(decision_id):
        return True
    view.set_filter("all")  # complete or of another year: not in the current filter
    return view.select_decision(decision_id)
