"""Every page and dialog fits a council laptop: at 1280×800 and 1366×768, and at the room those
screens leave at 125 % scaling, nothing is wider than the screen, no label, button, choice,
field or column heading shows its text cut, and the parts an advisor must see are not hidden
below a scroll.

Scaling is tested as the room it leaves: at 125 % a 1280×800 screen gives the program 1024×640
logical pixels, and a 1920×1080 one at 150 % gives 1280×720. Qt lays out in logical pixels
(fonts in points turn into the same logical sizes at any scale), so a window laid out in that
room shows what the scaled screen shows, without a QApplication per scale factor.

``CASES`` is the one list of pages and dialogs: a new dialog gets a line there.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fit_check import clipped, hidden_part, too_big
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from window_helpers import ECSC, select_committee

from gui.mainwindow import MainWindow
from gui.widgets.planner import PlannerDialogs

SHOTS = os.environ.get("SCRUTINEER_FIT_SHOTS")

# (name, width, height, what is checked): "all" is the whole list above; "room" only that the
# window or dialog is no bigger than the screen (in the narrowest room, columns and choices
# may be elided, with their whole text in a tooltip, rather than push the window off screen).
SCREENS = (
    ("1280×800", 1280, 800, "all"),
    ("1366×768", 1366, 768, "all"),
    ("1920×1080 at 150 %", 1280, 720, "all"),
    ("1280×800 at 125 %", 1024, 640, "room"),
)


@dataclass(frozen=True)


class Case:
    """A page or dialog: ``open`` shows it on the demo window and returns it (the window itself
    for a page); ``must_see`` lists the parts that may not be scrolled out of view."""

    name: str
    open: Callable[[MainWindow], QWidget | None]
    must_see: Callable[[QWidget], list[QWidget]] = field(default=lambda _w: [])


def _page(name: str, prepare: Callable[[MainWindow], Any] | None = None) -> Callable[[MainWindow], QWidget]:
    def open_page(window: MainWindow) -> QWidget:
        window.tabs.setCurrentWidget(window.pages[name])
        if prepare is not None:
            prepare(window)
        return window

    return open_page


def _select_scored_topic(window: MainWindow) -> None:
    view = window.topics_view
    view.select_topic(view.model.rows()[0].id)


def _select_review(window: MainWindow) -> None:
    view = window.reviews_view
    view.select_review(view.model.rows()[0].id)


def _select_decision(window: MainWindow) -> None:
    view = window.decisions_view
    rows = view.model.rows()
    if rows:
        view.select_decision(rows[0].id)


def _scoring_questions(window: QWidget) -> list[QWidget]:
    assert isinstance(window, MainWindow)
    panel = window.topics_view.scoring_panel
    assert panel is not None
    return [part for row in panel.rows for part in (row.answer, row.evidence)]


def _window_dialog(trigger: Callable[[MainWindow], Any]) -> Callable[[MainWindow], QWidget | None]:
    def open_dialog(window: MainWindow) -> QWidget | None:
        trigger(window)
        return window.open_dialog

    return open_dialog


def _page_dialog(page: str, prepare: Callable[[MainWindow], Any] | None, method: str) -> Callable[[MainWindow], QWidget | None]:
    def open_dialog(window: MainWindow) -> QWidget | None:
        view = window.pages[page]
        window.tabs.setCurrentWidget(view)
        if prepare is not None:
            prepare(window)
        result = getattr(view, method)()
        return result if isinstance(result, QWidget) else view.open_dialog

    return open_dialog


def _planner_dialog(method: str, prepare: Callable[[MainWindow], Any] | None = None) -> Callable[[MainWindow], QWidget | None]:
    """A planner dialog the planner runs modally: caught before it runs, and shown instead."""

    def open_dialog(window: MainWindow) -> QWidget | None:
        view = window.programme_view
        window.tabs.setCurrentWidget(view)
        if prepare is not None:
            prepare(window)
        caught: list[QDialog] = []

        def run(_self: PlannerDialogs, dialog: QDialog) -> bool:
            caught.append(dialog)
            return False

        original = PlannerDialogs.run
        PlannerDialogs.run = run  # type: ignore[method-assign]
        try:
            getattr(view, method)()
        finally:
            PlannerDialogs.run = original  # type: ignore[method-assign]
        return caught[0] if caught else None

    return open_dialog


def _select_meeting(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.meetings_view)
    window.meetings_view.table.selectRow(0)


def _new_topic(window: MainWindow) -> None:
    window.new_topic_action.trigger()


def _edit_topic(window: MainWindow) -> None:
    _select_scored_topic(window)
    window.edit_topic_action.trigger()


def _move_meeting(window: MainWindow) -> None:
    _select_meeting(window)
    window.move_meeting_action.trigger()


def _select_recommendation(window: MainWindow) -> None:
    """The demo reviews have no recommendations yet: one is added, as the committee would."""
    import datetime as dt

    from domain.ops import reviews

    view = window.reviews_view
    review = view.model.rows()[0]
    assert window.database is not None
    with window.database.transaction() as s:
        reviews.add_recommendation(
            s, review_id=review.id, response="agreed", response_on=dt.date(2020, 2, 11),
            text="Write to the Secretary of State on the effect of the funding formula on class sizes.",
            response_text="The Cabinet Member will write before the spending review.",
        )
    view.reload()
    review = next(r for r in view.model.rows() if r.id == review.id)
    view.select_review(review.id)
    view.select_recommendation(review.recommendations[0].id)


def _printing(window: MainWindow) -> QWidget | None:
    from gui.printing import controller_of

    controller = controller_of(window)
    return controller.open_preview() if controller is not None else None


def _session_pack(window: MainWindow) -> QWidget | None:
    from gui.printing import controller_of

    controller = controller_of(window)
    return controller.open_session_pack() if controller is not None else None


def _editor_tab(index: int) -> Callable[[MainWindow], QWidget | None]:
    def open_tab(window: MainWindow) -> QWidget | None:
        _edit_topic(window)
        dialog: Any = window.open_dialog
        if dialog is not None:
            dialog.tabs.setCurrentIndex(index)
        return dialog  # type: ignore[no-any-return]

    return open_tab


def _in_september_2019(window: MainWindow) -> None:
    import datetime as dt

    window.programme_view.today = lambda: dt.date(2019, 9, 2)


def _defer(window: MainWindow) -> QWidget:
    from gui.widgets.planner import DeferDialog

    return DeferDialog(
        "Corporate Performance and Finance Outturn Report - Education", "Wed 13 Nov 2019", window
    )


def _export(window: MainWindow) -> QWidget:
    from domain.ops.publish import FORMATS
    from gui.dialogs.export_dialog import ExportDialog

    return ExportDialog(FORMATS.values(), programme="ECSC, 2019 - 20", parent=window)


def _import_meetings(window: MainWindow) -> QWidget:
    from domain.io.meetings import read_meetings_file
    from domain.ops.meeting_import import plan_meeting_import
    from gui.dialogs.meeting_import_dialog import MeetingImportPreview

    answer = Path(__file__).parent.parent / "fixtures" / "modgov_getmeetings_ecsc.xml"
    plan = window.query(
        plan_meeting_import, committee_id=window.committee_id, year_start=window.year_start,
        meetings=read_meetings_file(answer),
    )  # fmt: skip
    return MeetingImportPreview(plan, window)


def _record_outcome(window: MainWindow) -> QWidget:
    import datetime as dt

    from domain.ops.planning import meeting_agenda
    from gui.dialogs.meeting_outcome import OutcomeDialog

    _select_meeting(window)
    meeting = window.meetings_view.current_meeting()
    assert meeting is not None
    agenda = window.query(meeting_agenda, meeting_id=meeting.id, today=dt.date(2026, 11, 29))
    return OutcomeDialog(agenda, window)


def _meeting_papers(window: MainWindow) -> QWidget | None:
    from gui.printing import controller_of

    _select_meeting(window)
    meeting = window.meetings_view.current_meeting()
    controller = controller_of(window)
    assert meeting is not None and controller is not None
    return controller.open_meeting_papers(meeting.id)


def _evidence_links(window: MainWindow) -> QWidget | None:
    view = window.topics_view
    view.select_topic(next(r.id for r in view.model.rows() if r.title == "Young Carers"))
    panel = view.scoring_panel
    assert panel is not None
    panel.hints.links_button.click()  # type: ignore[attr-defined]
    return panel.hints.open_dialog  # type: ignore[attr-defined,no-any-return]


def _find_all(window: MainWindow) -> None:
    window.window_state.set_text("find_all_query", "school")
    window.findChild(QAction, "findAll").trigger()


CASES = (
    Case("Topics page with the scoring panel", _page("topics", _select_scored_topic), _scoring_questions),
    Case("Programme page", _page("programme")),
    Case("Year page", _page("year"), lambda w: [w.pages["year"].load_chart.view.viewport(), w.pages["year"].spread_chart.view.viewport(), w.pages["year"].timeline_chart.view.viewport()]),
    Case("Year page as tables", _page("year", lambda w: w.pages["year"].tables_button.setChecked(True))),
    Case("Meetings page", _page("meetings", lambda w: w.meetings_view.table.selectRow(0))),
    Case("Reviews page", _page("reviews", _select_review)),
    Case("Decisions page", _page("decisions", _select_decision)),
    Case("New topic", _window_dialog(_new_topic)),
    Case("Edit topic", _window_dialog(_edit_topic)),
    Case("Edit topic: suggestion", _editor_tab(1)),
    Case("Edit topic: screening flags", _editor_tab(2)),
    Case("Add meeting", _window_dialog(lambda w: w.add_meeting_action.trigger())),
    Case("Move meeting", _window_dialog(_move_meeting)),
    Case("Committee details", _window_dialog(lambda w: w.edit_committee_action.trigger())),
    Case("Council settings", _window_dialog(lambda w: w.settings_action.trigger())),
    Case("History", _window_dialog(lambda w: w.findChild(QAction, "history").trigger())),
    Case("Scoring tools", _window_dialog(lambda w: w.findChild(QAction, "scoringTools").trigger())),
    Case("Print preview", _printing),
    Case("Session pack", _session_pack),
    Case("Create meetings", _planner_dialog("create_meetings")),
    Case("Suggest schedule", _planner_dialog("suggest_schedule", _in_september_2019)),
    Case("Defer item", _defer),
    Case("New review", _page_dialog("reviews", None, "new_review")),
    Case("Edit review", _page_dialog("reviews", _select_review, "edit_review")),
    Case("Add review meeting", _page_dialog("reviews", _select_review, "add_meeting")),
    Case("Add recommendation", _page_dialog("reviews", _select_review, "add_recommendation")),
    Case("Record a response", _page_dialog("reviews", _select_recommendation, "edit_recommendation")),
    Case("New resolution", _page_dialog("decisions", None, "new_resolution")),
    Case("Edit resolution", _page_dialog("decisions", _select_decision, "edit_resolution")),
    Case("Progress note", _page_dialog("decisions", _select_decision, "add_progress_note")),
    Case("Add resolution to the programme", _page_dialog("decisions", _select_decision, "add_to_programme")),
    Case("Export programme", _export),
    Case("Import meetings", _import_meetings),
    Case("Record what happened", _record_outcome),
    Case("Meeting papers", _meeting_papers),
    Case("Linked evidence", _evidence_links),
    Case("Start next year's programme", _window_dialog(lambda w: w.findChild(QAction, "startNextYear").trigger())),
    Case("Find in all committees", _window_dialog(_find_all)),
)


def test_the_programme_heading_keeps_approved_on_its_line_at_1280_pixels(window_2019: MainWindow) -> None:
    window_2019.resize(1280, 800)
    view = window_2019.programme_view
    window_2019.tabs.setCurrentWidget(view)
    _settle()
    heading = view.heading
    assert heading.text().endswith("(approved)")
    one_line = heading.fontMetrics().lineSpacing() + 2 * heading.margin() + 2
    assert heading.height() <= one_line, "the heading wraps onto a second line"


def test_an_evidence_box_takes_a_phrase_a_line_at_1280_pixels(window_2019: MainWindow) -> None:
    window_2019.resize(1280, 800)
    _select_scored_topic(window_2019)
    _settle()
    panel = window_2019.topics_view.scoring_panel
    assert panel is not None
    line = "Cabinet decision due in the"  # the start of the demo's own evidence
    for row in panel.rows:  # beside a split with the history of scores, a box took 15 characters
        assert row.evidence.viewport().width() >= row.evidence.fontMetrics().horizontalAdvance(line)


def _settle() -> None:
    for _ in range(3):  # layouts and splitters settle over a few turns of the event loop
        QApplication.processEvents()


def _opening_size(widget: QWidget) -> QSize:
    """A dialog opens at the size it sets itself, else at its size hint."""
    set_size = widget.testAttribute(Qt.WidgetAttribute.WA_Resized)
    return (widget.size() if set_size else widget.sizeHint()).expandedTo(widget.minimumSizeHint())


def _lay_out(widget: QWidget, window: MainWindow, size: QSize, width: int, height: int) -> None:
    if widget is window:
        window.resize(width, height)
    else:  # the window system keeps a dialog within the screen
        widget.resize(min(size.width(), width), min(size.height(), height))
    _settle()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])


def test_every_page_and_dialog_fits_a_laptop_screen(case: Case, make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    window = make_window()
    select_committee(window, ECSC, 2019)
    window.resize(1280, 800)
    _settle()
    shown = case.open(window)
    assert shown is not None, f"{case.name} did not open"
    if shown is not window:
        qtbot.addWidget(shown)
    size = _opening_size(shown)
    shown.show()
    _settle()
    problems = []
    for screen, width, height, checks in SCREENS:
        _lay_out(shown, window, size, width, height)
        found = too_big(shown, width, height)
        if checks == "all":
            found += clipped(shown)
            found += [p for part in case.must_see(shown) if (p := hidden_part(shown, part)) is not None]
        problems += [f"{screen}: {f}" for f in found]
        if SHOTS:  # to look at what was checked: SCRUTINEER_FIT_SHOTS=folder
            shown.grab().save(str(Path(SHOTS) / f"{case.name} {width}x{height}.png"))
    assert not problems, f"{case.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("scale", ["1.25", "1.5"])


def test_scaled_fonts_lay_out_as_the_logical_sizes_say(scale: str) -> None:
    """The check above stands for scaling by logical sizes; here Qt really scales (a process
    of its own, as QT_SCALE_FACTOR is read when the application starts) and the pages of a
    1920×1080 screen at that scale show nothing cut either."""
    import subprocess
    import sys

    width, height = (1536, 864) if scale == "1.25" else (1280, 720)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    out = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("fit_scaled.py")), str(width), str(height)],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )
    assert out.stdout.strip() == "", out.stdout

