"""Save a picture of each page and the main dialogs, from the demo data, to docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py [--scale 2]

Runs offscreen with the DejaVu fonts (the offscreen platform has no font configuration of its
own), on a throwaway copy of the demo database and a throwaway settings file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QWidget
    from sqlalchemy.orm import Session

    from domain.db import Database
    from gui.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR, e.g. 2 for 200 %%")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts/truetype/dejavu")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from gui import spare_references_to_none

    spare_references_to_none()
    from domain.db import open_database
    from domain.demo import load_demo
    from gui.mainwindow import MainWindow

    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == 1.0 else f"_{int(args.scale * 100)}"
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(f"sqlite:///{Path(tmp) / 'demo.sqlite'}")
        with database.transaction() as s:
            load_demo(s)
            _scoring_example(s)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(database, settings=settings)
        window.resize(1280, 800)
        window.show()
        ecsc = window.committee_combo.findText(
            "Education and Children's Social Care Overview and Scrutiny Committee"
        )
        window.committee_combo.setCurrentIndex(max(ecsc, 0))
        app.processEvents()

        def save(name: str) -> None:
            app.processEvents()
            path = args.out / f"{name}{suffix}.png"
            window.grab().save(str(path))
            print(path)

        # The demo is the 2019-20 programme: look at it as in September 2019, so the planner's
        # warnings and the overdue resolutions are those the advisor saw then.
        import datetime as dt

        window.programme_view.today = lambda: dt.date(2019, 9, 2)
        window.decisions_view.today = dt.date(2019, 9, 2)
        view = window.topics_view
        view.select_topic(view.model.rows()[1].id)
        save("main_window")
        view.filter_edit.setText("school")
        scored = [r for r in view.model.shown_rows() if r.score is not None]
        if scored:
            view.select_topic(scored[0].id)
        save("topics_filtered")
        if view.scoring_panel is not None and hasattr(view.scoring_panel, "set_topic"):
            save("topics_with_scoring")
        view.filter_edit.clear()
        _half_score(window)
        save("scoring_panel")
        _evidence_example(window)
        save("evidence_suggestions")
        links = _evidence_links(window)
        if links is not None:
            app.processEvents()
            links.grab().save(str(args.out / f"evidence_links{suffix}.png"))
            print(args.out / f"evidence_links{suffix}.png")
            links.close()
        window.committee_combo.setCurrentIndex(max(ecsc, 0))
        app.processEvents()
        _review_example(database)
        # The Programme page is the planner (the picture keeps the name the README uses).
        names = {"programme": "planner"}
        for page in ("programme", "meetings", "reviews", "decisions"):
            window.tabs.setCurrentWidget(window.pages[page])
            if page == "meetings":
                window.meetings_view.table.selectRow(0)
            if page in ("reviews", "decisions"):
                _select_example(window, page)
            save(names.get(page, f"{page}_view"))
        _year_shots(window, save)

        def save_dialog(name: str, dialog: QWidget | None, wait_ms: int = 0) -> None:
            if dialog is None:
                print(f"no {name} dialog opened", file=sys.stderr)
                return
            app.processEvents()
            if wait_ms:  # QPdfView renders its pages in the background
                from PySide6.QtCore import QEventLoop, QTimer

                loop = QEventLoop()
                QTimer.singleShot(wait_ms, loop.quit)
                loop.exec()
            path = args.out / f"{name}{suffix}.png"
            dialog.grab().save(str(path))
            print(path)
            dialog.close()
            app.processEvents()

        window.tabs.setCurrentWidget(window.reviews_view)
        save_dialog("review_print_preview", window.reviews_view.print_recommendations(), 2000)
        window.tabs.setCurrentWidget(view)
        from gui.printing import controller_of

        controller = controller_of(window)
        save_dialog("print_preview", controller.open_preview() if controller else None, 2000)
        window.tabs.setCurrentWidget(window.meetings_view)
        window.meetings_view.table.selectRow(0)
        meeting = window.meetings_view.current_meeting()
        if controller is not None and meeting is not None:
            save_dialog("meeting_papers", controller.open_meeting_papers(meeting.id), 2000)
        from domain.ops.publish import FORMATS
        from gui.dialogs.export_dialog import ExportDialog

        export = ExportDialog(FORMATS.values(), programme=window.windowTitle().split(" \u2014 ")[0], parent=window)
        export.show()
        save_dialog("export_dialog", export)
        window.tabs.setCurrentWidget(view)

        # A topic made from a resolution, so the editor shows where it came from.
        example = [r for r in view.model.rows() if r.decision_id is not None] or view.model.rows()
        view.select_topic(example[0].id)
        window.edit_topic_action.trigger()
        app.processEvents()
        dialog = window.open_dialog
        if dialog is not None:
            dialog.adjustSize()
        save_dialog("topic_editor", dialog)
        window.settings_action.trigger()
        dialog = window.open_dialog
        if dialog is not None:
            dialog.adjustSize()
        save_dialog("council_settings", dialog)
        _path_example(window, save, save_dialog)
        _next_year_and_find(window, save_dialog)
        _scale_tool(window, view, save, save_dialog)
        window.close()
        database.close()
    return 0


def _path_example(window: MainWindow, save: Any, save_dialog: Any) -> None:
    """Suggestions from the example form export on the long list, two short-listed, the
    editor's screening tab showing an earlier item like one of them, and the session pack."""
    from domain.io.suggestions import read_suggestions
    from gui.commands.topics import ImportSuggestionsCommand
    from gui.printing import controller_of

    assert window.hub is not None and window.committee_id is not None and window.year_start is not None
    rows = read_suggestions(ROOT / "resources" / "examples" / "suggestion_form.csv")
    window.push(ImportSuggestionsCommand(
        window.hub, committee_id=window.committee_id, year_start=window.year_start, rows=rows,
        file_name="suggestion_form.csv",
    ))  # fmt: skip
    view = window.topics_view
    window.tabs.setCurrentWidget(view)
    view.status_combo.setCurrentIndex(view.status_combo.findData("long_listed"))
    view.table.selectAll()
    window.topics_flow.path.move("short_list")
    view.status_combo.setCurrentIndex(view.status_combo.findData("short_listed"))
    from PySide6.QtCore import QItemSelectionModel

    view.table.selectRow(0)
    rows_flag = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.table.selectionModel().select(view.model.index(1, 0), rows_flag)
    save("topics_path")
    care = [r for r in view.model.rows() if r.title.startswith("Care Leavers and NEET plan")]
    if care:
        view.select_topic(care[0].id)
        window.edit_topic_action.trigger()
        dialog: Any = window.open_dialog
        if dialog is not None:
            dialog.tabs.setCurrentIndex(2)
            dialog.screening_box.similar_list.setCurrentRow(0)
            dialog.adjustSize()
        save_dialog("topic_editor_screening", dialog)
    controller = controller_of(window)
    save_dialog("session_pack", controller.open_session_pack() if controller else None, 2000)
    view.status_combo.setCurrentIndex(0)


def _year_shots(window: MainWindow, save: Callable[[str], None]) -> None:
    """The Year page as in September 2019 (as the planner's picture), as charts in light and
    dark, and as tables."""
    import datetime as dt

    from PySide6.QtWidgets import QApplication

    from gui.year.page import YearPage

    year = window.pages["year"]
    assert isinstance(year, YearPage)
    year.today = lambda: dt.date(2019, 9, 2)
    window.tabs.setCurrentWidget(year)
    save("year_view")
    year.tables_button.setChecked(True)
    save("year_view_tables")
    year.tables_button.setChecked(False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    app.setPalette(dark_palette(light))
    save("year_view_dark")
    app.setPalette(light)


def dark_palette(light: QPalette) -> QPalette:
    """``light`` with a dark window, fields and buttons: the window as in a system's dark mode."""
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette(light)
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Base, "#202124"), (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
        (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
    ):  # fmt: skip
        dark.setColor(role, QColor(colour))
    return dark


def _next_year_and_find(window: MainWindow, save_dialog: Any) -> None:
    """Programme ▸ Start next year's programme… with a yearly report ticked, and Edit ▸ Find
    in all committees with words that are in topics and resolutions."""
    from PySide6.QtGui import QAction

    from gui.dialogs.next_year import NextYearDialog

    window.year_combo.setCurrentIndex(max(window.year_combo.findData(2019), 0))
    for name in ("startNextYear", "findAll"):
        assert window.findChild(QAction, name) is not None, name
    window.findChild(QAction, "startNextYear").trigger()  # type: ignore[union-attr]
    dialog = window.open_dialog
    if isinstance(dialog, NextYearDialog):
        for c in dialog.plan.candidates:
            if c.title == "Young Carers":
                dialog.set_chosen(c.id, True)
    save_dialog("next_year", dialog)
    window.window_state.set_text("find_all_query", "school attendance")
    window.findChild(QAction, "findAll").trigger()  # type: ignore[union-attr]
    save_dialog("find_all", window.open_dialog)


def _scoring_example(s: Session) -> None:
    """Two councillors' scores of Young Carers, one agreed, for the scoring panel's history."""
    import datetime as dt

    from domain.ops import assessments, topics

    rows = topics.list_topics(s, committee_id=_ecsc_id(s))
    topic = next(t for t in rows if t.title == "Young Carers")
    assessments.record_assessment(
        s,
        topic_id=topic.id,
        scorer="Councillor Allen",
        answers=[(True, "Schools report more young carers"), (True, ""),
                 (False, ""), (True, ""), (False, ""), (False, "")],
        scored_on=dt.date(2019, 9, 10),
    )
    murphy = assessments.record_assessment(
        s,
        topic_id=topic.id,
        scorer="Councillor Murphy",
        answers=[
            (True, "Raised by the Young Carers' forum"),
            (True, "Cabinet decision due in the autumn"),
            (False, ""),
            (True, "Carers live in every ward"),
            (True, ""),
            (True, ""),
        ],
        scored_on=dt.date(2019, 9, 11),
    )
    assessments.set_agreed(s, assessment_id=murphy.id)


def _half_score(window: MainWindow) -> None:
    """Young Carers on the Topics page, a third councillor half-way through scoring it."""
    view = window.topics_view
    view.select_topic(next(r.id for r in view.model.rows() if r.title == "Young Carers"))
    panel = view.scoring_panel
    if panel is None:
        return
    from gui.widgets.scoring import ScoringPanel

    assert isinstance(panel, ScoringPanel)
    panel.scorer_edit.setText("Councillor Mrs Johnson")
    evidence = (
        "Raised by the Young Carers' forum and partners",
        "Cabinet Member has asked for the Committee's view",
        "",
    )
    for row, answer, text in zip(panel.rows, (True, True, False), evidence, strict=False):
        row.answer.set_answer(answer)
        row.evidence.setPlainText(text)
    panel.rows[3].answer.setFocus()


def _evidence_example(window: MainWindow) -> None:
    """The Ambitious Plymouth panel scoring 'Be-wise to Child Sexual Exploitation': its linked
    indicator P31 is Red for Q2 2015/16, so the strip suggests Yes to Performance."""
    combo = window.committee_combo
    combo.setCurrentIndex(max(combo.findText("Ambitious Plymouth"), 0))
    view = window.topics_view
    view.select_topic(next(r.id for r in view.model.rows() if "Be-wise" in r.title))
    panel = view.scoring_panel
    if panel is not None:
        panel.scorer_edit.setText("Councillor Murphy")  # type: ignore[attr-defined]
        panel.rows[2].answer.setFocus()  # type: ignore[attr-defined]


def _evidence_links(window: MainWindow) -> QWidget | None:
    """Linked evidence… for the topic on screen, Find narrowed to safeguarding."""
    panel = window.topics_view.scoring_panel
    if panel is None:
        return None
    hints = panel.hints  # type: ignore[attr-defined]
    hints.links_button.click()
    dialog: QWidget | None = hints.dialog
    if dialog is not None:
        dialog.resize(880, 520)
    return dialog


def _scale_tool(window: MainWindow, view: Any, save: Any, save_dialog: Any) -> None:
    """Edit ▸ Scoring tools with the TOPIC example imported and chosen for the committee; then
    a topic half-scored with it on its 0-2 scale, and its scoring papers' preview."""
    from PySide6.QtGui import QAction

    from gui.dialogs.scoring_tools import ScoringToolsDialog
    from gui.widgets.scoring import ScoringPanel

    action = window.findChild(QAction, "scoringTools")
    if action is None:
        return
    action.trigger()
    tools = window.open_dialog
    if not isinstance(tools, ScoringToolsDialog):
        return
    tools.open_file = lambda: str(ROOT / "resources" / "criteria" / "topic.json")
    tools.import_tool()
    tools.save()
    tools.use_for_committee()
    tools.questions.selectRow(0)
    save_dialog("scoring_tools", tools)
    window.tabs.setCurrentWidget(view)
    view.select_topic(next(r.id for r in view.model.rows() if r.title == "School visits"))
    panel = view.scoring_panel
    if not isinstance(panel, ScoringPanel):
        return
    panel.scorer_edit.setText("Councillor Murphy")
    for row, value, text in zip(panel.rows, (2, 1, 2), ("Visits resume in September", "", "Attendance below target"), strict=False):
        row.answer.set_answer(value)
        row.evidence.setPlainText(text)
    panel.rows[3].answer.setFocus()
    save("scoring_panel_scale")
    save_dialog("scoring_papers", panel.print_papers(), 2000)


def _review_example(database: Database) -> None:
    """The demo reviews have no meetings or recommendations yet; give the Fair Funding review
    an illustrative meeting and two recommendations (one answered), so the picture shows them."""
    import datetime as dt

    from domain.ops import reviews

    with database.transaction() as s:
        review = next(r for r in reviews.list_reviews(s, committee_id=_ecsc_id(s)) if r.title == "Fair Funding for Schools")
        reviews.add_review_meeting(
            s, review_id=review.id, starts_at=dt.datetime(2019, 9, 25, 10, 0), venue="Warspite Room, Council House"
        )
        reviews.add_recommendation(
            s, review_id=review.id, response="agreed", response_on=dt.date(2020, 2, 11),
            text="Write to the Secretary of State on the effect of the National Funding Formula on class sizes.",
            response_text="The Cabinet Member will write before the spending review.",
            follow_up_on=dt.date(2020, 9, 1),
        )
        reviews.add_recommendation(
            s, review_id=review.id,
            text="Report the number of teaching assistant posts lost since 2017 to the committee.",
        )


def _ecsc_id(session: Session) -> int:
    from domain.ops import committees

    return next(c.id for c in committees.list_committees(session) if c.name.startswith("Education and Children"))


def _select_example(window: MainWindow, page: str) -> None:
    """A row that shows what the page can say: an overdue resolution with its topic; a review
    with recommendations."""
    if page == "decisions":
        view = window.decisions_view
        rows = [d for d in view.model.rows() if d.overdue and d.topics] or view.model.rows()
        if rows:
            view.select_decision(rows[0].id)
    else:
        reviews_view = window.reviews_view
        reviews_view.reload()
        reviews = [r for r in reviews_view.model.rows() if r.recommendations] or reviews_view.model.rows()
        if reviews:
            reviews_view.select_review(reviews[0].id)
            if reviews[0].recommendations:
                reviews_view.select_recommendation(reviews[0].recommendations[0].id)


if __name__ == "__main__":
    sys.exit(main())
