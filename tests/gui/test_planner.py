"""The planner on the demo data: drag and drop, keyboard moves, warnings, suggestions, meeting
calendars, each undone from the undo stack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from window_helpers import ConflictAnswers

from domain.db import Database
from domain.models import Committee
from domain.ops import planning, topics
from gui.dialogs.meeting_calendar import MeetingCalendarDialog
from gui.hub import Hub
from gui.models.planner import ENTRY_MIME, TOPIC_MIME, PlannerModel
from gui.widgets.planner import PlannerDialogs, PlannerView

SEPT, NOV, MARCH = dt.date(2019, 9, 11), dt.date(2019, 11, 13), dt.date(2020, 3, 4)
STANDING = "Corporate Performance and Finance Outturn Report - Education focus"


class Answers(PlannerDialogs):
    """Answers the planner's questions as a test says, instead of opening dialogs."""

    def __init__(self) -> None:
        self.meeting: int | None = None
        self.deferral: tuple[str, str] | None = None
        self.months_answer: int | None = None
        self.prepare: Any = None  # called with a dialog before it is "accepted"
        self.shown: list[QDialog] = []

    def choose_meeting(self, parent: Any, title: str, choices: list[tuple[int, str]]) -> int | None:
        return self.meeting

    def defer(self, parent: Any, title: str, next_meeting: str | None) -> tuple[str, str] | None:
        return self.deferral

    def months(self, parent: Any, title: str) -> int | None:
        return self.months_answer

    def run(self, dialog: QDialog) -> bool:
        self.shown.append(dialog)
        if self.prepare is not None:
            self.prepare(dialog)
        return True


@pytest.fixture
def planner(qtbot: QtBot, sqlite_demo_db: Database, messages: list[str]) -> Iterator[PlannerView]:
    with sqlite_demo_db.transaction() as s:
        cid = s.scalar(select(Committee.id).where(Committee.short_name == "ECSC"))
    hub = Hub(sqlite_demo_db)
    stack = QUndoStack()
    view = PlannerView(hub, stack, dialogs=Answers())
    view.undo_stack_ref = stack  # keep it alive with the view
    view.today = lambda: dt.date(2019, 7, 11)
    qtbot.addWidget(view)
    view.resize(1400, 850)
    view.set_committee_year(cid, 2019)
    view.show()
    qtbot.waitExposed(view)
    yield view
    assert messages == []


def _meeting(view: PlannerView, day: dt.date) -> tuple[int, QModelIndex]:
    for r, row in enumerate(view.model.meeting_rows()):
        if row.meeting.starts_at.date() == day:
            return row.meeting.id, view.model.index(r, 0)
    raise AssertionError(day)


def _titles(view: PlannerView, day: dt.date) -> list[str]:
    mid, _index = _meeting(view, day)
    row = next(r for r in view.model.meeting_rows() if r.meeting.id == mid)
    return [e.title for e in row.entries]


def _heading(view: PlannerView, day: dt.date) -> str:
    return _meeting(view, day)[1].data()


def _waiting(view: PlannerView) -> list[str]:
    return [t.title for t in view.waiting_model.shown_rows()]


def _waiting_index(view: PlannerView, title: str) -> QModelIndex:
    row = view.waiting_model.row_of(lambda t: t.title == title)
    assert row >= 0, title
    return view.waiting_model.index(row, 0)


def _entry_index(view: PlannerView, day: dt.date, title: str) -> QModelIndex:
    _mid, parent = _meeting(view, day)
    for i in range(view.model.rowCount(parent)):
        index = view.model.index(i, 0, parent)
        if view.model.entry_at(index).title == title:
            return index
    raise AssertionError(title)


def test_models_pass_the_model_tester(planner: PlannerView, qtmodeltester: Any) -> None:
    qtmodeltester.check(planner.model)
    qtmodeltester.check(planner.waiting_model)


def test_meetings_show_deadlines_and_load(planner: PlannerView) -> None:
    assert _heading(planner, SEPT) == (
        "Wednesday 11 September 2019, 2 pm — 5 of 6 items — Agenda published by Tue 3 Sept · "
        "reports due Thu 29 Aug"
    )
    assert "7 of 6 items (1 too many)" in _heading(planner, NOV)
    assert planner.warnings.item(0).text() == "13 Nov 2019 has 7 items; its capacity is 6."


def test_dropping_a_topic_on_a_meeting_books_it_and_undo_takes_it_off(planner: PlannerView) -> None:
    mime = planner.waiting_model.mimeData([_waiting_index(planner, "School visits")])
    assert mime.hasFormat(TOPIC_MIME)
    _mid, march = _meeting(planner, MARCH)
    assert planner.model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, march)
    assert planner.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, march)
    assert _titles(planner, MARCH)[-1] == "School visits"
    assert "School visits" not in _waiting(planner)
    assert "3 of 6 items" in _heading(planner, MARCH)
    assert planner.undo_stack.undoText() == "book School visits on 4 Mar 2020"
    planner.undo_stack.undo()
    assert "School visits" not in _titles(planner, MARCH)
    assert "School visits" in _waiting(planner)


def test_a_real_drop_on_the_tree_view_books_between_agenda_items(planner: PlannerView) -> None:
    tree = planner.tree
    target = _entry_index(planner, MARCH, "Sex Education and Relationship Curriculum")
    rect = tree.visualRect(target)
    pos = QPoint(rect.center().x(), rect.top() + 2)  # the upper edge: in front of this item
    mime = planner.waiting_model.mimeData([_waiting_index(planner, "Code of Conduct")])
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = tree.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(pos.toPointF(), actions, mime, buttons, mods))
    QApplication.sendEvent(viewport, QDragMoveEvent(pos.toPointF(), actions, mime, buttons, mods))
    drop = QDropEvent(pos.toPointF(), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    assert _titles(planner, MARCH) == [STANDING, "Code of Conduct", "Sex Education and Relationship Curriculum"]
    planner.undo_stack.undo()
    assert _titles(planner, MARCH) == [STANDING, "Sex Education and Relationship Curriculum"]


def test_a_drop_on_a_cancelled_meeting_or_between_meetings_is_refused(planner: PlannerView) -> None:
    mime = planner.waiting_model.mimeData([_waiting_index(planner, "School visits")])
    assert not planner.model.canDropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert not planner.model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    other = QMimeData()
    other.setText("School visits")
    assert not planner.model.canDropMimeData(other, Qt.DropAction.MoveAction, -1, 0, _meeting(planner, MARCH)[1])
    assert planner.undo_stack.count() == 0


def test_reorder_within_a_meeting_by_drag_and_by_keyboard(planner: PlannerView, qtbot: QtBot) -> None:
    before = _titles(planner, SEPT)
    entry = _entry_index(planner, SEPT, "Early Help Offer and plans for development")
    mime = planner.model.mimeData([entry])
    assert mime.hasFormat(ENTRY_MIME)
    _mid, sept = _meeting(planner, SEPT)
    assert planner.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, sept)
    assert _titles(planner, SEPT) == [before[3], *before[:3], before[4]]
    assert planner.undo_stack.undoText().startswith("reorder Early Help")
    planner.undo_stack.undo()
    assert _titles(planner, SEPT) == before

    planner.tree.setFocus()
    planner.tree.setCurrentIndex(_entry_index(planner, SEPT, before[0]))
    qtbot.keyClick(planner.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _titles(planner, SEPT) == [before[1], before[0], *before[2:]]
    assert planner.current_entry().title == before[0]  # the moved item stays selected
    planner.undo_stack.undo()
    assert _titles(planner, SEPT) == before


def test_moving_between_meetings_and_back_to_the_list(planner: PlannerView) -> None:
    title = "Plymouth Challenge Update"
    entry = _entry_index(planner, SEPT, title)
    mime = planner.model.mimeData([entry])
    _mid, march = _meeting(planner, MARCH)
    assert planner.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, march)
    assert _titles(planner, MARCH)[-1] == title and title not in _titles(planner, SEPT)

    mime = planner.model.mimeData([_entry_index(planner, MARCH, title)])
    assert planner.waiting_model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert planner.waiting_model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert title in _waiting(planner) and title not in _titles(planner, MARCH)

    planner.undo_stack.undo()
    assert _titles(planner, MARCH)[-1] == title
    planner.undo_stack.undo()
    assert title in _titles(planner, SEPT) and title not in _waiting(planner)
    planner.undo_stack.redo()
    planner.undo_stack.redo()
    assert title in _waiting(planner)


def test_the_keyboard_moves_an_item_to_another_meeting_and_unschedules(planner: PlannerView, qtbot: QtBot) -> None:
    title = "Plymouth Challenge Update"
    planner.dialogs.meeting = _meeting(planner, MARCH)[0]
    planner.tree.setFocus()
    planner.tree.setCurrentIndex(_entry_index(planner, SEPT, title))
    qtbot.keyClick(planner.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert _titles(planner, MARCH)[-1] == title
    planner.tree.setCurrentIndex(_entry_index(planner, MARCH, title))
    qtbot.keyClick(planner.tree, Qt.Key.Key_Delete)
    assert title in _waiting(planner)
    planner.undo_stack.undo()
    planner.undo_stack.undo()
    assert title in _titles(planner, SEPT)


def test_a_warning_appears_when_a_meeting_overflows(planner: PlannerView) -> None:
    _mid, sept = _meeting(planner, SEPT)
    assert planner.model.data(sept, Qt.ItemDataRole.DecorationRole) is None
    for title in ("School visits", "Code of Conduct"):
        mime = planner.waiting_model.mimeData([_waiting_index(planner, title)])
        planner.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, _meeting(planner, SEPT)[1])
    assert "7 of 6 items (1 too many)" in _heading(planner, SEPT)
    texts = [planner.warnings.item(i).text() for i in range(planner.warnings.count())]
    assert "11 Sept 2019 has 7 items; its capacity is 6." in texts
    assert planner.model.data(_meeting(planner, SEPT)[1], Qt.ItemDataRole.DecorationRole) is not None
    planner.undo_stack.undo()
    texts = [planner.warnings.item(i).text() for i in range(planner.warnings.count())]
    assert "11 Sept 2019 has 7 items; its capacity is 6." not in texts


def test_booking_after_the_report_deadline_says_so(planner: PlannerView) -> None:
    planner.today = lambda: dt.date(2019, 9, 2)
    mime = planner.waiting_model.mimeData([_waiting_index(planner, "School visits")])
    planner.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, _meeting(planner, SEPT)[1])
    assert planner.notice.isVisible()
    assert "after its report deadline of 29 Aug 2019" in planner.notice.text()


def test_flags_and_deferral_from_the_menu_actions(planner: PlannerView) -> None:
    title = "Early Help Offer and plans for development"
    planner.tree.setCurrentIndex(_entry_index(planner, SEPT, title))
    planner.to_follow_action.trigger()
    assert f"{title} (to follow)" in [planner.model.index(i, 0, _meeting(planner, SEPT)[1]).data() for i in range(5)]
    planner.dialogs.deferral = ("Report not ready", "next")
    planner.tree.setCurrentIndex(_entry_index(planner, SEPT, title))
    planner.defer_action.trigger()
    assert title not in _titles(planner, SEPT) and _titles(planner, NOV)[-1] == title
    planner.undo_stack.undo()
    planner.undo_stack.undo()
    assert title in _titles(planner, SEPT)
    assert planner.model.index(3, 0, _meeting(planner, SEPT)[1]).data() == title


def test_accepting_part_of_a_suggestion_books_those_items_and_undo_removes_them(planner: PlannerView) -> None:
    before = {d: _titles(planner, d) for d in (SEPT, MARCH)}

    def untick_first(dialog: Any) -> None:
        assert dialog.tree.topLevelItemCount() == 5
        dialog.set_checked(0, False)
        assert dialog.accept_button.text() == "Book 4 items"

    planner.dialogs.prepare = untick_first
    planner.suggest_button.click()
    assert _titles(planner, SEPT) == before[SEPT]  # the unticked booking was for September
    booked = _titles(planner, MARCH)[len(before[MARCH]):]
    assert len(booked) == 4 and not set(booked) & set(_waiting(planner))
    assert all("(suggested)" in planner.model.index(i, 0, _meeting(planner, MARCH)[1]).data()
               for i in range(len(before[MARCH]), len(before[MARCH]) + 4))
    planner.undo_stack.undo()
    assert _titles(planner, MARCH) == before[MARCH]
    assert set(booked) <= set(_waiting(planner))


def test_create_meetings_from_a_pattern_with_standing_items_then_undo(planner: PlannerView) -> None:
    def fill(dialog: MeetingCalendarDialog) -> None:
        from PySide6.QtCore import QDate

        dialog.first.setDate(QDate(2020, 4, 1))
        dialog.every.setValue(4)
        dialog.until_check.setChecked(False)
        dialog.count.setValue(2)
        assert [dialog.preview.item(i).text() for i in range(dialog.preview.count())] == [
            "Wednesday 1 April 2020", "Wednesday 29 April 2020"
        ]

    planner.dialogs.prepare = fill
    count = planner.model.rowCount()
    planner.create_button.click()
    assert planner.model.rowCount() == count + 2
    assert _titles(planner, dt.date(2020, 4, 29)) == [STANDING]
    assert "2 meetings created" in planner.notice.text()
    planner.undo_stack.undo()
    assert planner.model.rowCount() == count


def test_a_pasted_list_with_a_bad_line_says_which(qtbot: QtBot) -> None:
    dialog = MeetingCalendarDialog(year_start=2019)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.text.setPlainText("11 Sept 2019\n31/02/2020\n")
    assert dialog.message.text().startswith("Line 2 ('31/02/2020')")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_place_standing_items_adds_the_missing_one_once(planner: PlannerView) -> None:
    planner.standing_button.click()
    assert _titles(planner, SEPT)[-1] == STANDING
    assert planner.undo_stack.count() == 1
    planner.standing_button.click()
    assert planner.undo_stack.count() == 1
    assert planner.notice.text() == "Every meeting already has its standing items."
    planner.undo_stack.undo()
    assert STANDING not in _titles(planner, SEPT)


def test_planner_model_rows_are_plain_values(planner: PlannerView) -> None:
    model: PlannerModel = planner.model
    rows = model.meeting_rows()
    assert [r.meeting.starts_at.date() for r in rows] == sorted(r.meeting.starts_at.date() for r in rows)


# --- someone else changed what the planner shows ----------------------------------------------


def _sept_entries(view: PlannerView) -> list[Any]:
    mid, _index = _meeting(view, SEPT)
    return list(next(r for r in view.model.meeting_rows() if r.meeting.id == mid).entries)


def _drag_first_two_to_march(view: PlannerView) -> list[str]:
    _mid, sept = _meeting(view, SEPT)
    dragged = [view.model.index(i, 0, sept) for i in (0, 1)]
    titles = [view.model.entry_at(i).title for i in dragged]
    _mid, march = _meeting(view, MARCH)
    view.model.dropMimeData(view.model.mimeData(dragged), Qt.DropAction.MoveAction, -1, 0, march)
    return titles


def test_dragging_two_items_together_is_not_mistaken_for_someone_elses_change(
    planner: PlannerView, conflicts: ConflictAnswers
) -> None:
    titles = _drag_first_two_to_march(planner)  # the first move renumbers the second
    assert _titles(planner, MARCH)[-2:] == titles
    assert conflicts.asked == []


def test_dragging_items_someone_else_moved_meanwhile_moves_none(
    planner: PlannerView, sqlite_demo_db: Database, messages: list[str]
) -> None:
    second = _sept_entries(planner)[1]
    with sqlite_demo_db.transaction(who="Sam Patel") as s:
        planning.move_entry(s, entry_id=second.id, meeting_id=second.meeting_id, position=4)

    titles = _drag_first_two_to_march(planner)

    assert len(messages) == 1 and messages.pop().startswith("Sam Patel changed ")
    assert not set(titles) & set(_titles(planner, MARCH))
    assert set(titles) <= set(_titles(planner, SEPT))


def test_bringing_back_an_item_someone_else_moved_meanwhile_is_refused(
    planner: PlannerView, sqlite_demo_db: Database, messages: list[str]
) -> None:
    entry = _sept_entries(planner)[0]
    with sqlite_demo_db.transaction(who="Sam Patel") as s:
        planning.move_entry(s, entry_id=entry.id, meeting_id=entry.meeting_id, position=3)
    planner.tree.setCurrentIndex(_entry_index(planner, SEPT, entry.title))
    planner.dialogs.months_answer = 6

    planner.bring_back()

    assert len(messages) == 1 and messages.pop().startswith("Sam Patel changed ")
    assert planner.undo_stack.count() == 0
    assert [e.title for row in planner.model.meeting_rows() for e in row.entries].count(entry.title) == 1


def test_accepting_a_suggestion_after_someone_changed_a_topic_books_nothing(
    planner: PlannerView, sqlite_demo_db: Database, messages: list[str]
) -> None:
    before = _titles(planner, MARCH)

    def sam_edits_a_suggested_topic(dialog: Any) -> None:  # while the dialog is open
        with sqlite_demo_db.transaction(who="Sam Patel") as s:
            topic_id = dialog.chosen()[-1].topic_id
            topics.update_topic(s, topic_id=topic_id, reason="Sam's reason")

    planner.dialogs.prepare = sam_edits_a_suggested_topic
    planner.suggest_button.click()

    assert len(messages) == 1 and messages.pop().startswith("Sam Patel changed ")
    assert _titles(planner, MARCH) == before and planner.undo_stack.count() == 0


def test_placing_standing_items_after_someone_moved_a_meeting_places_none(
    planner: PlannerView, sqlite_demo_db: Database, messages: list[str]
) -> None:
    mid, _index = _meeting(planner, SEPT)
    with sqlite_demo_db.transaction(who="Sam Patel") as s:
        planning.move_meeting(s, meeting_id=mid, starts_at=dt.datetime(2019, 9, 11, 15))

    planner.standing_button.click()

    assert len(messages) == 1 and messages.pop().startswith("Sam Patel changed ")
    assert STANDING not in _titles(planner, SEPT) and planner.undo_stack.count() == 0
