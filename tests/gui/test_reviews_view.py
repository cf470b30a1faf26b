"""The Reviews page: status rules, meetings, recommendations, responses and follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from domain.ops.planning import load_programme
from gui.dialogs.decision_editor import PlacementDialog
from gui.dialogs.fields import to_qdate
from gui.dialogs.review_editor import RecommendationEditor, ReviewMeetingDialog
from gui.mainwindow import MainWindow
from gui.widgets.reviews_view import ReviewsView


@pytest.fixture
def window(window_2019: MainWindow) -> MainWindow:
    window_2019.tabs.setCurrentWidget(window_2019.reviews_view)
    return window_2019


@pytest.fixture
def view(window: MainWindow) -> ReviewsView:
    row = window.reviews_view.model.row_of(lambda r: r.title == "Fair Funding for Schools")
    assert row >= 0
    window.reviews_view.select_review(window.reviews_view.model.row_value(row).id)
    return window.reviews_view


def _status_text(view: ReviewsView) -> str:
    return view.model.text(view.model.row_of_review(view.current_review().id), 1)


def test_status_change_in_place_with_undo_and_the_rule_for_reported(
    window: MainWindow, view: ReviewsView, messages: list[str]
) -> None:
    assert _status_text(view) == "Scoping"
    view.status_combo.setCurrentIndex(view.status_combo.findData("in_progress"))
    assert _status_text(view) == "In progress"
    assert window.undo_action.text() == "Undo mark review Fair Funding for Schools in progress"

    view.status_combo.setCurrentIndex(view.status_combo.findData("reported"))
    assert view.status_message.isVisible()
    assert "date the review reported" in view.status_message.text()
    assert _status_text(view) == "In progress"  # nothing saved
    assert view.status_combo.currentData() == "in_progress"
    assert messages == []  # said beside the status, not in a message box

    window.undo_action.trigger()
    assert _status_text(view) == "Scoping"
    window.redo_action.trigger()
    assert _status_text(view) == "In progress"


def test_a_response_needs_its_date_then_is_listed(window: MainWindow, view: ReviewsView, qtbot: QtBot) -> None:
    view.add_rec_button.click()
    dialog = view.open_dialog
    assert isinstance(dialog, RecommendationEditor)
    assert dialog.number_spin.value() == 1
    qtbot.keyClicks(dialog.text_edit, "Write to the Secretary of State about class sizes.")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert view.rec_model.text(0, 1) == "Write to the Secretary of State about class sizes."
    assert view.rec_model.text(0, 2) == "Pending"

    view.select_recommendation(view.rec_model.row_value(0).id)
    view.edit_rec_button.click()
    dialog = view.open_dialog
    assert isinstance(dialog, RecommendationEditor)
    dialog.response_combo.setCurrentIndex(dialog.response_combo.findData("agreed"))
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    message = dialog.messages["response_on"]
    assert dialog.isVisible() and message.isVisible()
    assert "date" in message.text() and "agreed" in message.text()
    assert view.rec_model.text(0, 2) == "Pending"

    dialog.response_date.set_value(dt.date(2020, 2, 11))
    assert not message.isVisible()
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert view.rec_model.text(0, 2) == "Agreed"
    assert view.rec_model.text(0, 3) == "11 Feb 2020"
    assert window.undo_action.text() == "Undo record response to recommendation 1"
    window.undo_action.trigger()
    assert view.rec_model.text(0, 2) == "Pending"


def test_review_meetings_add_move_and_delete_with_undo(window: MainWindow, view: ReviewsView, qtbot: QtBot) -> None:
    view.add_meeting_button.click()
    dialog = view.open_dialog
    assert isinstance(dialog, ReviewMeetingDialog)
    dialog.date_edit.setDate(to_qdate(dt.date(2019, 9, 25)))
    qtbot.keyClicks(dialog.venue_edit, "Warspite Room")
    qtbot.keyClick(dialog.venue_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert view.meeting_model.text(0, 0) == "Wed 25 Sept 2019, 2 pm"

    view.meeting_table.selectRow(0)
    view.move_meeting_button.click()
    dialog = view.open_dialog
    assert isinstance(dialog, ReviewMeetingDialog)
    dialog.date_edit.setDate(to_qdate(dt.date(2019, 10, 2)))
    qtbot.keyClick(dialog.venue_edit, Qt.Key.Key_Return)
    assert view.meeting_model.text(0, 0) == "Wed 2 Oct 2019, 2 pm"
    window.undo_action.trigger()
    assert view.meeting_model.text(0, 0) == "Wed 25 Sept 2019, 2 pm"

    view.meeting_table.selectRow(0)
    view.delete_meeting_button.click()
    assert view.meeting_model.rowCount() == 0
    window.undo_action.trigger()
    assert view.meeting_model.text(0, 1) == "Warspite Room"


def test_follow_up_goes_on_the_work_programme_and_undo_takes_it_off(
    window: MainWindow, view: ReviewsView, qtbot: QtBot, messages: list[str]
) -> None:
    from domain.ops import reviews

    with window.database.transaction() as s:
        reviews.add_recommendation(
            s, review_id=view.current_review().id, text="Report on class sizes.", response="agreed",
            response_on=dt.date(2019, 7, 20),
        )
    view.reload()
    view.select_recommendation(view.rec_model.row_value(0).id)
    view.follow_up_button.click()
    dialog = view.open_dialog
    assert isinstance(dialog, PlacementDialog)
    assert dialog.reason_edit.toPlainText() == (
        "Fair Funding for Schools review, recommendation 1: Report on class sizes.\n"
        "Executive response: agreed on 20 July 2019."
    )
    dialog.months_radio.click()
    dialog.months_spin.setValue(6)  # January 2020
    assert "Wednesday 8 January 2020" in dialog.preview.text()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible() and messages == []

    def january_titles() -> list[str]:
        p = window.hub.query(load_programme, committee_id=window.committee_id, year_start=2019)
        return [e.title for g in p.meetings if g.meeting.starts_at.date() == dt.date(2020, 1, 8) for e in g.entries]

    title = "Fair Funding for Schools \u2013 follow-up of recommendation 1"
    assert title in january_titles()
    assert view.rec_model.text(0, 5) == "On the work programme"
    assert "Open topic" in view.follow_up_label.text()
    assert not view.follow_up_button.isEnabled()
    window.undo_action.trigger()
    window.tabs.setCurrentWidget(view)
    assert title not in january_titles()
    assert view.rec_model.text(0, 5) == ""
    window.redo_action.trigger()
    assert title in january_titles()


def test_review_models_pass_the_model_tester(window: MainWindow, view: ReviewsView, qtmodeltester) -> None:  # noqa: ANN001
    from domain.ops import reviews

    with window.database.transaction() as s:
        rid = view.current_review().id
        reviews.add_recommendation(s, review_id=rid, text="One.")
        reviews.add_review_meeting(s, review_id=rid, starts_at=dt.datetime(2019, 9, 25, 10))
    view.reload()
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.rec_model)
    qtmodeltester.check(view.meeting_model)


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_print_recommendations_previews_the_review_document(
    window: MainWindow, view: ReviewsView, qtbot: QtBot, messages: list[str]
) -> None:
    from domain.ops import reviews

    with window.database.transaction() as s:
        rid = view.current_review().id
        reviews.add_recommendation(
            s, review_id=rid, text="Write to the Secretary of State about class sizes.",
            response="agreed", response_on=dt.date(2020, 2, 11), response_text="The Leader will write.",
        )
        reviews.add_recommendation(s, review_id=rid, text="Report the teaching assistant posts lost.")
    view.reload()
    assert view.print_button.isEnabled()
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    dialog = view.open_dialog
    assert dialog is not None and dialog.objectName() == "PrintPreviewDialog"
    assert dialog.page_count() >= 1 and messages == []
    assert [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())] == [
        "Recommendations and responses"
    ]
    printed = _pdf_text(dialog.pdf.data)
    assert "Fair Funding for Schools \u2013 Recommendations and responses" in printed
    assert "Write to the Secretary of State about class sizes." in printed
    assert "The Leader will write." in printed and "Pending" in printed
    assert dialog.pdf.file_name.endswith("Fair-Funding-for-Schools-recommendations.pdf")
    dialog.reject()


def test_a_review_of_an_exempt_topic_prints_only_marked_not_for_publication(
    window: MainWindow, view: ReviewsView, messages: list[str]
) -> None:
    from domain.ops import reviews, topics

    r = view.current_review()
    assert r.topic_id is not None
    with window.database.transaction() as s:
        topics.update_topic(s, topic_id=r.topic_id, exempt=True, exempt_paragraph=3)
        reviews.add_recommendation(s, review_id=r.id, text="A confidential recommendation.")
    view.reload()
    assert view.print_recommendations() is None
    assert messages and "exempt (Part II)" in messages[-1]

    from gui.printing import REVIEW, PrintRequest, make_pdf

    pdf = make_pdf(window.hub, PrintRequest(REVIEW, r.committee_id, 2019, True, review_id=r.id))
    printed = _pdf_text(pdf.data)
    assert "A confidential recommendation." in printed and "NOT FOR PUBLICATION" in printed
    assert pdf.file_name.endswith("-NOT-FOR-PUBLICATION.pdf")
