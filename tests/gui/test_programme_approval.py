"""Programme ▸ Programme approved: an undoable step that the planner heading and the print show."""

from __future__ import annotations

from window_helpers import ECSC, select_committee

from domain.printing.build import build_programme
from gui.mainwindow import MainWindow


def _draft(window: MainWindow) -> bool:
    doc = window.hub.query(build_programme, committee_id=window.committee_id, year_start=window.year_start)
    return doc.draft


def test_approval_is_shown_printed_and_undone(window: MainWindow) -> None:
    # The demo's 2019-20 programme is the one the committee approved.
    select_committee(window, ECSC, 2019)
    window.tabs.setCurrentWidget(window.programme_view)
    heading = window.programme_view.heading
    action = window.approved_action
    assert action.isEnabled() and action.isCheckable()
    assert action.isChecked() and heading.text().endswith("Work Programme 2019 - 20 (approved)")
    assert not _draft(window)

    action.trigger()  # back to draft, e.g. to change it before the board meets
    assert not action.isChecked()
    assert heading.text().endswith("Work Programme 2019 - 20 (draft)")
    assert _draft(window)  # the printed programme says DRAFT
    assert window.undo_action.text() == "Undo mark as draft programme 2019 - 20"

    window.undo_action.trigger()
    assert action.isChecked() and heading.text().endswith("(approved)") and not _draft(window)
    window.redo_action.trigger()
    assert not action.isChecked() and heading.text().endswith("(draft)") and _draft(window)

    action.trigger()
    assert action.isChecked() and heading.text().endswith("(approved)") and not _draft(window)
    assert window.undo_action.text() == "Undo approve programme 2019 - 20"
    window.undo_action.trigger()
    assert not action.isChecked() and _draft(window)


def test_the_tick_follows_the_committee_and_year_shown(window: MainWindow) -> None:
    select_committee(window, ECSC, 2019)
    window.approved_action.trigger()
    assert not window.approved_action.isChecked()
    other = "Ambitious Plymouth"
    select_committee(window, other)
    shown = window.approved_action.isChecked()
    window.approved_action.trigger()
    assert window.approved_action.isChecked() is not shown
    select_committee(window, ECSC, 2019)
    assert not window.approved_action.isChecked()
    select_committee(window, other)
    assert window.approved_action.isChecked() is not shown
