from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from window_helpers import ECSC, ConflictAnswers, select_committee, table_titles

from domain.db import Database
from domain.ops import planning
from domain.ops import topics as topic_ops
from gui.dialogs.fields import to_qdate
from gui.dialogs.meeting_dialog import MeetingDialog
from gui.dialogs.topic_editor import TopicEditor
from gui.mainwindow import MainWindow


def test_window_names_the_database_and_lists_both_demo_committees(window: MainWindow, demo_db: Database) -> None:
    names = [window.committee_combo.itemText(i) for i in range(window.committee_combo.count())]
    assert ECSC in names and "Ambitious Plymouth" in names
    assert demo_db.description in window.status_label.text()
    assert window.year_combo.currentText() == "2019 - 20"
    assert "Work Programme 2019 - 20" in window.windowTitle()


def test_typing_a_filter_narrows_the_topics(window: MainWindow, qtbot: QtBot) -> None:
    everything = table_titles(window)
    assert len(everything) > 10
    qtbot.keyClicks(window.topics_view.filter_edit, "attend")
    narrowed = table_titles(window)
    assert 0 < len(narrowed) < len(everything)
    model = window.topics_view.model
    for row in model.shown_rows():
        assert "attend" in f"{row.title} {row.reason} {row.responsible}".lower()
    assert f"{len(narrowed)} of {len(everything)}" in window.topics_view.count_label.text()
    window.topics_view.filter_edit.clear()
    assert table_titles(window) == everything


def test_combo_filters_and_text_filter_combine(window: MainWindow, qtbot: QtBot) -> None:
    view = window.topics_view
    view.status_combo.setCurrentIndex(view.status_combo.findData("done"))
    done = view.model.shown_rows()
    assert done and all(r.status == "done" for r in done)
    view.band_combo.setCurrentIndex(view.band_combo.findData("High"))
    assert all(r.band == "High" and r.status == "done" for r in view.model.shown_rows())
    view.status_combo.setCurrentIndex(0)
    view.band_combo.setCurrentIndex(view.band_combo.findData(""))
    assert all(r.score is None for r in view.model.shown_rows())


def test_band_is_written_as_text_with_a_colour(window: MainWindow) -> None:
    proxy = window.topics_view.proxy
    scored = [r for r in range(proxy.rowCount()) if proxy.index(r, 2).data()]
    assert scored
    index = proxy.index(scored[0], 2)
    assert index.data() in ("High", "Medium", "Low", "Not a scrutiny topic")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_an_exempt_topic_is_marked_part_ii_with_its_paragraph(window: MainWindow) -> None:
    assert window.hub is not None
    row = window.topics_view.model.rows()[0]
    window.hub.run(
        topic_ops.update_topic, topic_id=row.id, exempt=True, exempt_paragraph=3
    )
    r = window.topics_view.model.row_of_topic(row.id)
    index = window.topics_view.model.index(r, 0)
    assert index.data().startswith("Part II · ")
    assert "paragraph 3" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_sorting_by_score_puts_the_highest_first(window: MainWindow) -> None:
    window.topics_view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    scores = [r.score for r in window.topics_view.model.shown_rows() if r.score is not None]
    assert scores == sorted(scores, reverse=True) and scores


def test_find_shortcut_focuses_the_filter(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(2)
    window.find_action.trigger()
    assert window.tabs.currentWidget() is window.topics_view
    assert window.topics_view.filter_edit.hasFocus() or QApplication.focusWidget() is window.topics_view.filter_edit


def _editor(window: MainWindow) -> TopicEditor:
    dialog = window.open_dialog
    assert isinstance(dialog, TopicEditor)
    return dialog


def test_new_topic_needs_a_title_then_enter_saves_and_undo_removes_it(
    window: MainWindow, qtbot: QtBot, messages: list[str]
) -> None:
    before = len(table_titles(window))
    window.new_topic_action.trigger()
    editor = _editor(window)
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    message = editor.messages["title"]
    assert editor.isVisible()
    assert message.isVisible() and "title" in message.text().lower()
    qtbot.keyClicks(editor.title_edit, "Youth Justice Plan Review")
    assert not message.isVisible()
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert "Youth Justice Plan Review" in table_titles(window)
    assert window.topics_view.current_topic().title == "Youth Justice Plan Review"
    assert window.undo_action.text() == "Undo add topic Youth Justice Plan Review"

    new_id = window.topics_view.current_topic().id
    window.undo_action.trigger()
    assert "Youth Justice Plan Review" not in table_titles(window)
    assert len(table_titles(window)) == before
    assert messages == []
    window.redo_action.trigger()
    assert window.topics_view.model.row_of_topic(new_id) >= 0


def test_exempt_needs_a_paragraph_and_a_date_outside_the_year_warns(window: MainWindow, qtbot: QtBot) -> None:
    window.new_topic_action.trigger()
    editor = _editor(window)
    qtbot.keyClicks(editor.title_edit, "Contract dispute")
    editor.added_date.set_value(dt.date(2020, 6, 5))
    assert editor.messages["added_on"].isVisible()
    assert "after the municipal year 2019 - 20" in editor.messages["added_on"].text().replace("\xa0", " ")
    editor.exempt_check.setChecked(True)
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert editor.isVisible()
    assert "paragraph" in editor.messages["exempt_paragraph"].text()
    editor.paragraph_combo.setCurrentIndex(editor.paragraph_combo.findData(3))
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert "Part II · Contract dispute" in table_titles(window)


def test_escape_cancels_the_editor_and_changes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    before = table_titles(window)
    window.new_topic_action.trigger()
    editor = _editor(window)
    qtbot.keyClicks(editor.title_edit, "Never saved")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert table_titles(window) == before
    assert not window.undo_stack.canUndo()


def test_edit_undo_redo_shows_old_and_new_value_in_the_table(window: MainWindow, qtbot: QtBot) -> None:
    view = window.topics_view
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    old = view.current_topic()
    assert old is not None
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    editor = _editor(window)
    assert editor.title_edit.text() == old.title
    editor.title_edit.setText("Child Exploitation")
    editor.responsible_edit.setText("Councillor Jemima Laing")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert not editor.isVisible()

    def shown() -> tuple[str, str]:
        r = view.model.row_of_topic(old.id)
        return view.model.text(r, 0), view.model.text(r, 4)

    assert shown() == ("Child Exploitation", "Councillor Jemima Laing")
    assert window.undo_action.text() == "Undo edit Child Exploitation"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown() == (old.title, old.responsible)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert shown() == ("Child Exploitation", "Councillor Jemima Laing")


def test_someone_elses_change_is_reported_and_the_view_reloads(
    window: MainWindow, qtbot: QtBot, demo_db: Database, conflicts: ConflictAnswers
) -> None:
    view = window.topics_view
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    row = view.current_topic()
    with demo_db.transaction() as s:  # another user, straight to the database
        topic_ops.update_topic(s, topic_id=row.id, title="Changed elsewhere")
    window.edit_topic_action.trigger()
    editor = _editor(window)
    editor.title_edit.setText("My change")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    assert conflicts.asked and "changed 'Changed elsewhere' at" in str(conflicts.asked[-1])
    assert "Changed elsewhere" in table_titles(window)
    assert "My change" not in table_titles(window)
    assert not window.undo_stack.canUndo()


def _accept_meeting_dialog(window: MainWindow, qtbot: QtBot, when: dt.datetime) -> None:
    dialog = window.open_dialog
    assert isinstance(dialog, MeetingDialog)
    dialog.date_edit.setDate(to_qdate(when.date()))
    dialog.time_edit.setTime(dialog.time_edit.time().fromString(f"{when:%H:%M}", "HH:mm"))
    qtbot.keyClick(dialog.venue_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def _meeting_dates(window: MainWindow) -> list[dt.datetime]:
    return [m.starts_at for m in window.meetings_view.model.shown_rows()]


def test_add_meeting_is_listed_and_undo_removes_it(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentWidget(window.meetings_view)
    before = _meeting_dates(window)
    window.add_meeting_action.trigger()
    when = dt.datetime(2020, 3, 18, 14, 0)
    _accept_meeting_dialog(window, qtbot, when)
    assert when in _meeting_dates(window)
    assert window.meetings_view.current_meeting().starts_at == when
    assert "Wednesday 18 March 2020" in [
        window.meetings_view.model.text(r, 0) for r in range(window.meetings_view.model.rowCount())
    ]
    window.undo_action.trigger()
    assert _meeting_dates(window) == before
    window.redo_action.trigger()
    assert when in _meeting_dates(window)


def test_move_cancel_and_reinstate_a_meeting_with_undo(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentWidget(window.meetings_view)
    view = window.meetings_view
    view.model.today = lambda: dt.date(2019, 7, 1)  # before the year's meetings took place
    first = view.model.shown_rows()[-1]
    view.select_meeting(first.id)
    window.move_meeting_action.trigger()
    moved_to = first.starts_at + dt.timedelta(days=2)
    _accept_meeting_dialog(window, qtbot, moved_to)
    current = view.current_meeting()
    assert current.starts_at == moved_to and current.status == "moved"
    assert "Moved (was" in view.model.text(view.model.row_of_meeting(first.id), 3)

    window.dialogs.cancel_destination = lambda *_a: None  # type: ignore[method-assign]
    window.cancel_meeting_action.trigger()
    assert view.current_meeting().status == "cancelled"
    assert window.reinstate_meeting_action.isEnabled()
    window.reinstate_meeting_action.trigger()
    assert view.current_meeting().status == "moved"
    window.undo_action.trigger()  # reinstate
    window.undo_action.trigger()  # cancel
    window.undo_action.trigger()  # move
    back = view.model.row_value(view.model.row_of_meeting(first.id))
    assert back.starts_at == first.starts_at and back.status == first.status


def test_cancelling_on_the_meetings_page_asks_where_the_items_go_as_the_planner_does(
    window: MainWindow, demo_db: Database
) -> None:
    window.tabs.setCurrentWidget(window.meetings_view)
    view = window.meetings_view
    busy = next(m for m in view.model.shown_rows() if m.item_count and m.status != "cancelled")
    view.select_meeting(busy.id)
    asked: list[list[tuple[int, str]]] = []

    def back_to_the_list(_parent: object, meeting: object, choices: list[tuple[int, str]]) -> str:
        asked.append(choices)
        return "list"

    window.dialogs.cancel_destination = back_to_the_list  # type: ignore[method-assign]
    window.cancel_meeting_action.trigger()
    assert asked and busy.id not in {mid for mid, _text in asked[0]}
    now = view.model.row_value(view.model.row_of_meeting(busy.id))
    assert now.status == "cancelled" and now.item_count == 0
    window.undo_action.trigger()
    back = view.model.row_value(view.model.row_of_meeting(busy.id))
    assert back.status == busy.status and back.item_count == busy.item_count


def test_a_clash_is_explained_and_nothing_is_recorded(window: MainWindow, qtbot: QtBot, messages: list[str]) -> None:
    window.tabs.setCurrentWidget(window.meetings_view)
    existing = window.meetings_view.model.shown_rows()[0].starts_at
    window.add_meeting_action.trigger()
    _accept_meeting_dialog(window, qtbot, existing)
    assert messages and "already meets" in messages[-1]
    assert not window.undo_stack.canUndo()


def test_committee_details_edit_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    from gui.dialogs.committee_dialog import CommitteeDialog

    before = window.committee
    window.edit_committee_action.trigger()
    dialog = window.open_dialog
    assert isinstance(dialog, CommitteeDialog)
    dialog.chair_edit.setText("Councillor Ms Watkin")
    dialog.members_edit.setPlainText("Councillor A\n\nCouncillor B\n")
    dialog.officer_edit.setText("Jamie Sheldon")
    dialog.accept()
    assert window.committee.chair == "Councillor Ms Watkin"
    assert window.committee.members == ("Councillor A", "Councillor B")
    window.undo_action.trigger()
    assert window.committee.chair == before.chair
    assert window.committee.members == before.members
    assert window.committee.officer_name == before.officer_name


def test_pages_show_programme_reviews_and_decisions(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.programme_view)
    texts = window.programme_view.top_level_texts()
    assert len(texts) >= 2
    assert "September 2019" in " ".join(texts)
    assert texts[-1] == "Items to be scheduled 2019/20"
    window.tabs.setCurrentWidget(window.decisions_view)
    assert window.decisions_view.model.rowCount() > 0
    window.tabs.setCurrentWidget(window.reviews_view)
    assert window.reviews_view.model.rowCount() == len(
        window.hub.query(_load, committee_id=window.committee_id, year_start=window.year_start).reviews
    )


def _load(session, **kw):  # noqa: ANN001, ANN003, ANN202
    from domain.ops.planning import load_programme

    return load_programme(session, **kw)


def test_switching_committee_reloads_the_pages(window: MainWindow) -> None:
    select_committee(window, "Ambitious Plymouth")
    assert window.year_combo.currentText() == "2015 - 16"
    titles = table_titles(window)
    assert "SEND framework 2015- 2018" in titles
    window.tabs.setCurrentWidget(window.meetings_view)
    assert all(m.starts_at.year in (2015, 2016) for m in window.meetings_view.model.shown_rows())


def test_window_is_restored_as_it_was_left(make_window, settings_path: Path) -> None:  # noqa: ANN001
    first = make_window()
    select_committee(first, "Ambitious Plymouth")
    first.resize(780, 560)  # the offscreen test screen is 800 x 600
    left_size = (first.width(), first.height())
    assert left_size != (1200, 760)  # differs from the size a first start gets
    header = first.topics_view.table.horizontalHeader()
    header.resizeSection(0, 411)
    header.moveSection(4, 1)
    first.tabs.setCurrentWidget(first.meetings_view)
    first.close()
    assert Path(settings_path).exists()

    second = make_window()
    assert second.committee_combo.currentText() == "Ambitious Plymouth"
    assert second.year_combo.currentText() == "2015 - 16"
    assert (second.width(), second.height()) == left_size
    restored = second.topics_view.table.horizontalHeader()
    assert restored.sectionSize(0) == 411
    assert restored.visualIndex(4) == 1
    assert second.tabs.currentWidget() is second.meetings_view
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert "window/geometry" in settings.allKeys() and "preferences/version" in settings.allKeys()


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    window.new_topic_action.trigger()
    unnamed = []
    for root in (window, window.open_dialog):
        for w in root.findChildren(QWidget_types()):
            if isinstance(w, QComboBox | QLineEdit | QAbstractItemView | QAbstractButton):
                if w.parent() is not None and type(w.parent()).__name__ in ("QComboBox", "QAbstractSpinBox", "QDateEdit", "QSpinBox", "QTimeEdit"):
                    continue  # parts of a compound control, named by it
                if type(w).__name__ in ("QTabBar", "QHeaderView", "QToolBarExtension", "QScrollBar") or w.objectName().startswith("qt_"):
                    continue
                if w.isVisibleTo(root) and not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text()):
                    unnamed.append(f"{type(w).__name__} {w.objectName()}")
    assert unnamed == []


def QWidget_types():  # noqa: N802, ANN201
    from PySide6.QtWidgets import QWidget

    return QWidget


@pytest.mark.parametrize("page", ["topics", "meetings", "reviews", "decisions"])
def test_models_pass_the_model_tester(window: MainWindow, qtmodeltester, page: str) -> None:  # noqa: ANN001
    window.tabs.setCurrentIndex(["topics", "programme", "meetings", "reviews", "decisions"].index(page))
    view = window.pages[page]
    qtmodeltester.check(view.model)
    if page == "topics":
        qtmodeltester.check(window.topics_view.proxy)


def test_programme_tree_model_passes_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # noqa: ANN001
    window.tabs.setCurrentWidget(window.programme_view)
    qtmodeltester.check(window.programme_view.model)


def test_failed_page_load_is_reported_and_window_keeps_working(
    window: MainWindow, messages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(planning, "list_meetings", broken)
    window.tabs.setCurrentWidget(window.meetings_view)
    assert messages and "nothing was changed" in messages[-1] and "disk on fire" in messages[-1]
    window.tabs.setCurrentWidget(window.topics_view)
    assert table_titles(window)


def test_opening_the_window_module_loads_neither_the_database_layer_nor_a_page() -> None:
    # The window paints its frame before the database is opened and before any page is built.
    code = (
        "import sys, gui.mainwindow; print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'"
        " or m.startswith(('gui.hub', 'domain.ops', 'gui.widgets.topics_view', 'gui.widgets.planner'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": "."},
    )  # fmt: skip
    assert out.stdout.strip() == "[]"
