"""Meetings that happen, in the planner and on the Meetings page: a past meeting reads as held,
what happened is recorded with the items not taken offered back, booking onto a past meeting
or after its report deadline asks first, and headings agree with the warnings list."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_planner import NOV, SEPT, _heading, _meeting, _titles, _waiting, _waiting_index, planner
from window_helpers import ECSC, select_committee

from domain.ops.planning import MeetingAgenda
from gui.dialogs.decision_editor import PlacementDialog
from gui.dialogs.meeting_outcome import OutcomeDialog
from gui.mainwindow import MainWindow
from gui.widgets.planner import PlannerView

if TYPE_CHECKING:
    from conftest import BookingAnswers  # tests/gui/conftest.py

__all__ = ["planner"]  # the fixture, shared with the planner's own tests


def _drop_topic(view: PlannerView, title: str, day: dt.date) -> bool:
    mime = view.waiting_model.mimeData([_waiting_index(view, title)])
    return view.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, _meeting(view, day)[1])


def _warning_texts(view: PlannerView) -> list[str]:
    return [view.warnings.item(i).text() for i in range(view.warnings.count())]


def test_booking_after_the_report_deadline_asks_first_and_cancel_books_nothing(
    planner: PlannerView, booking_questions: BookingAnswers
) -> None:
    planner.today = lambda: dt.date(2019, 9, 2)
    before = _titles(planner, SEPT)
    booking_questions.book = False
    assert not _drop_topic(planner, "School visits", SEPT)
    assert booking_questions.asked == [
        "Reports for the meeting of 11 September 2019 were due on 29 August 2019; its agenda "
        "is published by 3 September 2019."
    ]
    assert _titles(planner, SEPT) == before and "School visits" in _waiting(planner)
    assert planner.undo_stack.count() == 0
    booking_questions.book = True
    assert _drop_topic(planner, "School visits", SEPT)
    assert _titles(planner, SEPT)[-1] == "School visits"


def test_booking_onto_a_meeting_that_has_taken_place_asks_first(
    planner: PlannerView, booking_questions: BookingAnswers
) -> None:
    planner.today = lambda: dt.date(2019, 9, 12)
    planner.reload()
    assert _drop_topic(planner, "School visits", SEPT)
    assert booking_questions.asked == ["The meeting of 11 September 2019 has already taken place."]
    assert planner.notice.text() == (
        "'School visits' is booked onto the meeting of 11 Sept 2019, which has already taken place."
    )
    # Moving an item within a meeting books nothing new, so nothing is asked.
    booking_questions.asked.clear()
    planner.tree.setCurrentIndex(planner.model.index(1, 0, _meeting(planner, NOV)[1]))
    planner.move_up_action.trigger()
    assert booking_questions.asked == []


def test_a_past_meeting_reads_held_and_headings_agree_with_the_warnings(planner: PlannerView) -> None:
    # Before 13 Nov both say the meeting has one item too many ...
    assert "7 of 6 items (1 too many)" in _heading(planner, NOV)
    assert "13 Nov 2019 has 7 items; its capacity is 6." in _warning_texts(planner)
    # ... once it has taken place, neither does: what it took is history.
    planner.today = lambda: dt.date(2026, 11, 29)
    planner.reload()
    assert _heading(planner, NOV) == "Wednesday 13 November 2019, 2 pm — 7 items — held"
    assert _warning_texts(planner) == [
        "No warnings: every meeting of this year has taken place or is cancelled."
    ]


def test_recording_what_happened_offers_the_items_not_taken_back_in_one_undo_step(
    planner: PlannerView, monkeypatch: object
) -> None:
    planner.today = lambda: dt.date(2019, 9, 12)
    planner.reload()
    on_sept = _titles(planner, SEPT)
    shown: list[MeetingAgenda] = []
    not_taken = "Early Help Offer and plans for development"

    def answer(_parent: object, agenda: MeetingAgenda) -> tuple[str, list[int], str]:
        shown.append(agenda)
        return "held", [e.id for e in agenda.entries if e.title == not_taken], "list"

    planner.dialogs.outcome = answer  # type: ignore[method-assign]
    planner.tree.setCurrentIndex(_meeting(planner, SEPT)[1])
    assert planner.outcome_action.isEnabled()
    planner.outcome_action.trigger()
    assert [e.title for e in shown[0].entries] == on_sept
    assert not_taken not in _titles(planner, SEPT)
    assert not_taken in _waiting(planner)
    assert _heading(planner, SEPT).endswith("— held")
    assert planner.notice.text() == (
        "The meeting of 11 Sept 2019 is recorded as held. 1 item not taken goes to the items "
        "to be scheduled."
    )
    assert planner.undo_stack.undoText() == "record meeting of 11 September 2019 as held, 1 item deferred"
    planner.undo_stack.undo()
    assert _titles(planner, SEPT) == on_sept and not_taken not in _waiting(planner)
    # A meeting still to come cannot be marked.
    planner.tree.setCurrentIndex(_meeting(planner, NOV)[1])
    assert not planner.outcome_action.isEnabled()


def test_the_outcome_dialog_lists_the_agenda_to_tick(planner: PlannerView, qtbot: QtBot) -> None:
    from domain.ops import planning

    assert planner.hub is not None
    agenda = planner.hub.query(
        planning.meeting_agenda, meeting_id=_meeting(planner, SEPT)[0], today=dt.date(2019, 9, 12)
    )
    dialog = OutcomeDialog(agenda)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "What happened at the meeting of Wednesday 11 September 2019"
    assert dialog.items.count() == len(agenda.entries)
    assert dialog.record_button.text() == "Record"
    dialog.set_not_taken(agenda.entries[0].id)
    assert dialog.record_button.text() == "Record and defer 1 item"
    dialog.adjourned.setChecked(True)
    dialog.to_next.setChecked(True)
    assert dialog.answer() == ("adjourned", [agenda.entries[0].id], "next")
    assert "13 November 2019" in dialog.to_next.text()


def test_a_suggestion_that_places_nothing_says_so_once_with_details_on_request(
    planner: PlannerView,
) -> None:
    planner.today = lambda: dt.date(2026, 11, 29)
    planner.reload()
    planner.suggest_button.click()
    text = planner.notice.text()
    assert text.startswith("Nothing can be booked: ")
    assert text.count("No meeting is open for bookings") == 1 and ".;" not in text
    assert planner.notice_details_button.isVisible()
    assert not planner.notice_details.isVisible()
    planner.notice_details_button.click()
    assert planner.notice_details.isVisible()
    lines = planner.notice_details.toPlainText().splitlines()
    # The reason they share is said once, above; the details name each item.
    assert sorted(lines) == sorted(f"• {title}" for title in _waiting(planner))


def test_the_meetings_page_shows_past_meetings_held_and_records_an_adjournment(
    make_window: object,
) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    select_committee(window, ECSC, 2019)
    page = window.meetings_view
    window.tabs.setCurrentWidget(page)
    page.model.today = lambda: dt.date(2019, 11, 14)
    page.model.set_rows(page.model.rows())
    status = {page.model.text(r, 0): page.model.text(r, 3) for r in range(page.model.rowCount())}
    assert status["Wednesday 11 September 2019"] == "Held"  # nobody marked it
    assert status["Wednesday 8 January 2020"] == "Scheduled"
    row = page.model.row_of(lambda m: m.starts_at.date() == NOV)
    page.table.selectRow(row)
    assert window.outcome_action.isEnabled()
    asked: list[MeetingAgenda] = []

    def answer(_parent: object, agenda: MeetingAgenda) -> tuple[str, list[int], str]:
        asked.append(agenda)
        return "adjourned", [agenda.entries[-1].id], "next"

    window.dialogs.meeting_outcome = answer  # type: ignore[method-assign]
    window.outcome_action.trigger()
    assert asked and asked[0].next_meeting is not None
    row = page.model.row_of(lambda m: m.starts_at.date() == NOV)
    assert page.model.text(row, 3) == "Adjourned"
    assert page.model.text(row, 4) == str(len(asked[0].entries) - 1)
    assert "go" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    row = page.model.row_of(lambda m: m.starts_at.date() == NOV)
    assert page.model.text(row, 3) == "Held"
    page.table.selectRow(page.model.row_of(lambda m: m.starts_at.date() == dt.date(2020, 1, 8)))
    assert not window.outcome_action.isEnabled()  # still to come


def test_adding_a_resolution_to_a_past_meeting_asks_first(
    window_2019: MainWindow, booking_questions: BookingAnswers, messages: list[str]
) -> None:
    window = window_2019
    view = window.decisions_view
    window.tabs.setCurrentWidget(view)
    view.table.selectRow(view.model.row_of(lambda d: d.minute_no == "18"))
    view.programme_button.click()
    dialog = view.open_dialog
    assert isinstance(dialog, PlacementDialog)
    dialog.meeting_radio.setChecked(True)
    booking_questions.book = False
    dialog.submit()
    assert booking_questions.asked and "has already taken place" in booking_questions.asked[0]
    assert dialog.isVisible()
    assert "Not booked" in dialog.messages["meeting_id"].text()
    booking_questions.book = True
    dialog.submit()
    assert not dialog.isVisible()
    assert messages == []


def test_the_suggestion_dialog_opens_with_its_summary(planner: PlannerView) -> None:
    seen: list[str] = []
    planner.dialogs.prepare = lambda dialog: seen.append(dialog.intro.text())  # type: ignore[attr-defined]
    planner.suggest_button.click()
    assert seen and seen[0].startswith("5 items placed at ")
