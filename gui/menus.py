"""The main window's menu bar, made from the window's actions."""

from __future__ import annotations

from typing import Any


def build_menus(window: Any) -> Any:
    """The menu bar: File, Edit, View, Programme and Meetings, from the actions of ``window``
    (the MainWindow, which imports this module, so it is not named here).
    Returns the print actions (gui.printing's), which the window keeps."""
    from .printing import install_print_actions
    from .workflows.criteria import ScoringToolsFlow
    from .workflows.evidence import EvidenceFlow
    from .workflows.find import FindFlow
    from .workflows.history import HistoryFlow
    from .workflows.meeting_import import MeetingImportFlow
    from .workflows.next_year import NextYearFlow

    menus = window.menuBar()
    file_menu = menus.addMenu("&File")
    file_menu.addAction(window.new_topic_action)
    file_menu.addAction(window.new_committee_action)
    file_menu.addSeparator()
    file_menu.addAction(window.import_csv_action)
    file_menu.addAction(EvidenceFlow(window).action)
    file_menu.addAction(window.topics_flow.path.import_action)
    file_menu.addAction(window.export_action)
    file_menu.addSeparator()
    print_actions = install_print_actions(window, window.hub, file_menu)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit_menu = menus.addMenu("&Edit")
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.find_action)
    edit_menu.addAction(FindFlow(window).action)
    edit_menu.addAction(window.edit_topic_action)
    edit_menu.addAction(window.edit_committee_action)
    edit_menu.addAction(window.settings_action)
    edit_menu.addAction(ScoringToolsFlow(window).action)
    edit_menu.addAction(HistoryFlow(window).action)
    view_menu = menus.addMenu("&View")
    view_menu.addActions(window.page_actions)
    topics_menu = menus.addMenu("T&opics")  # Alt+T is the Topics page
    topics_menu.addActions(window.topics_flow.path.actions)
    topics_menu.aboutToShow.connect(window.topics_flow.path.update)
    programme_menu = menus.addMenu("&Programme")
    programme_menu.addAction(window.approved_action)
    programme_menu.addSeparator()
    programme_menu.addAction(NextYearFlow(window).action)
    meetings_menu = menus.addMenu("&Meetings")
    meetings_menu.addActions([window.add_meeting_action, window.move_meeting_action, window.cancel_meeting_action, window.reinstate_meeting_action, window.outcome_action, *MeetingImportFlow(window).actions])
    meetings_menu.addSeparator()
    meetings_menu.addAction(window.print_meeting_action)
    return print_actions
