"""Going to one topic, resolution or review from elsewhere (a review's topic, a topic's origin,
a result of Find in all committees), switching the committee, year and page to show it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import errors

if TYPE_CHECKING:
    from domain.ops.search import Hit

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
    view = window.topics_view
    window.tabs.setCurrentWidget(view)
    if view.select_topic(topic_id):
        return True
    # Hidden by the page's filters: show every topic of the year.
    view.filter_edit.clear()
    for combo in (view.status_combo, view.band_combo, view.source_combo):
        combo.setCurrentIndex(0)
    return view.select_topic(topic_id)


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


def show_review(window: WorkflowHost, committee_id: int, year_start: int | None, review_id: int,
                recommendation_id: int | None = None) -> bool:  # fmt: skip
    """Select a review (and one of its recommendations) on the Reviews page, which lists the
    committee's reviews of every year; the year shown changes only when the review has one."""
    year = year_start if year_start is not None else window.year_start
    if year is None:
        return False
    window.selection.select(committee_id, year)
    view = window.reviews_view
    window.tabs.setCurrentWidget(view)
    if not view.select_review(review_id):
        return False
    return recommendation_id is None or view.select_recommendation(recommendation_id)


def show_hit(window: WorkflowHost, hit: Hit) -> bool:
    """Show a result of Find in all committees where it lives."""
    if hit.decision_id is not None:
        return show_decision(window, hit.decision_id)
    if hit.review_id is not None:
        return show_review(window, hit.committee_id, hit.year_start, hit.review_id, hit.recommendation_id)
    if hit.topic_id is not None:
        return show_topic(window, hit.topic_id)
    return False
