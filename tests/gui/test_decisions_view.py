"""The Decisions page driven as an advisor would: resolutions, progress, the work programme."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from domain.ops import decisions as decision_ops
from domain.ops.planning import load_programme
from gui.dialogs.decision_editor import DecisionEditor, PlacementDialog, ProgressNoteDialog
from gui.dialogs.fields import to_qdate
from gui.mainwindow import MainWindow
from gui.widgets.decisions_view import DecisionsView


@pytest.fixture
def window(window_2019: MainWindow) -> MainWindow:
    window_2019.tabs.setCurrentWidget(window_2019.decisions_view)
    return window_2019


@pytest.fixture
def view(window: MainWindow) -> DecisionsView:
    return window.decisions_view


def _titles(view: DecisionsView) -> list[str]:
    return [view.model.text(r, 2) for r in range(view.model.rowCount())]


def _select(view: DecisionsView, minute: str) -> None:
    row = view.model.row_of(lambda d: d.minute_no == minute)
    assert row >= 0, minute
    view.table.selectRow(row)
    assert view.current_decision().minute_no == minute


def _programme_titles_on(window: MainWindow, day: dt.date) -> list[str]:
    view = window.hub.query(load_programme, committee_id=window.committee_id, year_start=2019)
    for group in view.meetings:
        if group.meeting.starts_at.date() == day:
            return [e.title for e in group.entries]
    raise AssertionError(f"no meeting on {day}")


def test_a_resolution_typed_into_the_dialog_is_listed_and_undo_removes_it(
    window: MainWindow, view: DecisionsView, qtbot: QtBot, messages: list[str]
) -> None:
    before = _titles(view)
    view.new_button.click()
    dialog = view.open_dialog
    assert isinstance(dialog, DecisionEditor)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.messages["title"].isVisible() and "title" in dialog.messages["title"].text()

    dialog.meeting_date_edit.setDate(to_qdate(dt.date(2019, 7, 10)))
    qtbot.keyClicks(dialog.minute_edit, "21")
    qtbot.keyClicks(dialog.title_edit, "Youth Justice Plan")
    qtbot.keyClicks(dialog.officer_edit, "Jean Kelly")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert "Youth Justice Plan" in _titles(view)
    current = view.current_decision()
    assert current.title == "Youth Justice Plan" and current.minute_no == "21"
    assert current.target_label == "July 2019"  # a month target by default, the meeting's month
    assert "Minute 21" in view.heading.text()
    assert window.undo_action.text() == "Undo add resolution Youth Justice Plan"

    window.undo_action.trigger()
    assert _titles(view) == before
    window.redo_action.trigger()
    assert "Youth Justice Plan" in _titles(view)
    assert messages == []


def test_a_progress_report_in_six_months_becomes_a_booked_item_in_one_action(
    window: MainWindow, view: DecisionsView, qtbot: QtBot, messages: list[str]
) -> None:
    january = dt.date(2020, 1, 8)
    _select(view, "18")  # Care Leavers and NEET: "... for 6 months' time"
    old = view.current_decision()
    assert "6 months" in old.resolution
    on_january = _programme_titles_on(window, january)

    view.programme_button.click()
    dialog = view.open_dialog
    assert isinstance(dialog, PlacementDialog)
    assert dialog.title_edit.text() == old.title
    assert dialog.reason_edit.toPlainText() == old.resolution
    assert dialog.months_radio.isChecked() and dialog.months_spin.value() == 6  # read from the text
    assert "Wednesday 8 January 2020" in dialog.preview.text()
    dialog.title_edit.setText("Care Leavers and NEET progress report")
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert messages == []

    assert _programme_titles_on(window, january) == [*on_january, "Care Leavers and NEET progress report"]
    now = view.current_decision()
    assert now.id == old.id
    assert now.progress_text == "Added to work programme for 8 January 2020"
    assert view.progress_model.text(0, 1) == "Added to work programme for 8 January 2020"
    assert "booked for Wednesday 8 January 2020" in view.topics_label.text()
    assert "Open topic" in view.topics_label.text()
    assert "booked onto the meeting of 8 January 2020" in view.notice.text()
    assert window.undo_action.text() == "Undo add Care Leavers and NEET progress report to the work programme"

    new_topic = next(t for t in now.topics if t.title == "Care Leavers and NEET progress report")
    view.topics_label.linkActivated.emit(f"topic:{new_topic.id}")
    assert window.tabs.currentWidget() is window.topics_view
    assert window.topics_view.current_topic().id == new_topic.id
    assert window.topics_view.current_topic().source_ref == "Minute 18, 10 July 2019"

    window.undo_action.trigger()
    assert _programme_titles_on(window, january) == on_january
    window.tabs.setCurrentWidget(view)
    back = view.current_decision()
    assert back.progress_text == old.progress_text and back.status == old.status
    assert [t.id for t in back.topics] == [t.id for t in old.topics]

    window.redo_action.trigger()
    assert _programme_titles_on(window, january)[-1] == "Care Leavers and NEET progress report"
    assert view.current_decision().progress_text == "Added to work programme for 8 January 2020"


def test_overdue_filter_lists_only_overdue_resolutions_with_the_marker(
    window: MainWindow, view: DecisionsView
) -> None:
    expected = [
        d.id
        for d in window.hub.query(decision_ops.open_decisions, committee_id=window.committee_id)
        if d.overdue
    ]
    assert expected  # the demo's ongoing resolutions of 2019 are past their targets
    view.set_filter("overdue")
    shown = view.model.shown_rows()
    assert [d.id for d in shown] == expected
    column = [c.title for c in view.model.columns].index("Overdue")
    for r in range(view.model.rowCount()):
        index = view.model.index(r, column)
        assert index.data() == "Overdue"
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert view.overdue_label.isVisible() and "Overdue" in view.overdue_label.text()
    assert f"{len(expected)} resolution" in view.count_label.text()

    view.set_filter("open")
    targets = [d.target_date for d in view.model.shown_rows()]
    assert all(d.status == "ongoing" for d in view.model.shown_rows())
    assert targets == sorted(targets)  # soonest target first, across years
    assert any(d.meeting_date.year == 2019 and d.meeting_date.month == 3 for d in view.model.shown_rows())

    view.set_filter("year")
    assert all(dt.date(2019, 5, 1) <= d.meeting_date < dt.date(2020, 5, 1) for d in view.model.shown_rows())


def test_status_and_rag_change_in_place_and_undo(window: MainWindow, view: DecisionsView) -> None:
    _select(view, "13")
    assert view.current_decision().status == "ongoing" and view.current_decision().overdue
    view.status_combo.setCurrentIndex(view.status_combo.findData("complete"))
    row = view.model.row_of_decision(view.current_decision().id)
    assert view.model.text(row, 5) == "Complete"
    assert view.model.text(row, 7) == ""  # a complete resolution is never overdue
    assert window.undo_action.text().startswith("Undo mark Number of Children in Care")

    view.rag_combo.setCurrentIndex(view.rag_combo.findData("green"))
    assert view.model.text(row, 6) == "Green"
    assert view.model.index(row, 6).data(Qt.ItemDataRole.BackgroundRole) is not None
    window.undo_action.trigger()
    window.undo_action.trigger()
    d = view.current_decision()
    assert d.status == "ongoing" and d.rag is None and d.overdue
    assert view.status_combo.currentData() == "ongoing"


def test_progress_note_needs_text_then_is_listed_first(
    window: MainWindow, view: DecisionsView, qtbot: QtBot
) -> None:
    _select(view, "13")
    view.note_button.click()
    dialog = view.open_dialog
    assert isinstance(dialog, ProgressNoteDialog)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.messages["text"].isVisible()
    dialog.date_edit.setDate(to_qdate(dt.date(2019, 10, 1)))
    qtbot.keyClicks(dialog.text_edit, "Trend figures sent to Members")
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert view.progress_model.text(0, 0) == "1 Oct 2019"
    assert view.progress_model.text(0, 1) == "Trend figures sent to Members"
    assert window.undo_action.text().startswith("Undo add progress note to Number of Children in Care")
    window.undo_action.trigger()
    assert view.progress_model.text(0, 1) == "Request for information emailed"


def test_delete_and_undo_restores_the_resolution_with_its_progress(window: MainWindow, view: DecisionsView) -> None:
    _select(view, "17")
    old = view.current_decision()
    view.delete_button.click()
    assert old.title not in _titles(view)
    window.undo_action.trigger()
    view.select_decision(old.id)
    assert view.current_decision().progress == old.progress
    assert [t.id for t in view.current_decision().topics] == [t.id for t in old.topics]


def test_decision_models_pass_the_model_tester(view: DecisionsView, qtmodeltester) -> None:  # noqa: ANN001
    _select(view, "17")
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.progress_model)


def test_print_tracking_decisions_previews_open_or_all(view: DecisionsView) -> None:
    import io

    from pypdf import PdfReader

    def text(dialog) -> str:  # noqa: ANN001
        return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(dialog.pdf.data)).pages)

    assert view.print_button.isEnabled()
    dialog = view.print_decisions(open_only=True)
    assert dialog is not None and view.open_dialog is dialog
    assert dialog.kind() == "open_decisions" and dialog.page_count() >= 1
    printed = text(dialog)
    assert "Tracking Decisions \u2013 open resolutions" in printed
    assert "Bullying and Attendance" in printed and "Pledge Update" not in printed  # complete
    dialog.reject()

    dialog = view.print_decisions(open_only=False)
    assert dialog is not None and dialog.kind() == "decisions"
    assert "Pledge Update" in text(dialog)
    dialog.reject()
