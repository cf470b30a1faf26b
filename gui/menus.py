"""The main window's menu bar, made from the window's actions."""

from __future__ import annotations

from typing import Any


def build_menus(window: Any) -> Any:
    """The menu bar: File, Edit, View, Programme and Meetings, from the actions of ``window``
    (the MainWindow, which imports this module, so it is not named here).
    Returns the print actions (gui.printing's), which the window keeps."""
    from .printing import install_print_actions
    from .workflows.criteria import ScoringToolsFlow
    from .workflows.history import HistoryFlow
    from .workflows.meeting_import import MeetingImportFlow

    menus = window.menuBar()
    file_menu = menus.addMenu("&File")
    file_menu.addAction(window.new_topic_action)
    file_menu.addAction(window.new_committee_action)
    file_menu.addSeparator()
    file_menu.addAction(window.import_csv_action)
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
    edit_menu.addAction(window.edit_topic_action)
    edit_menu.addAction(window.edit_committee_action)
    edit_menu.addAction(window.settings_action)
    edit_menu.addAction(ScoringToolsFlow(window).action)
    edit_menu.addAction(HistoryFlow(window).action)
    view_menu = menus.addMenu("&View")
    view_menu.addActions(window.page_actions)
    programme_menu = menus.addMenu("&Programme")
    programme_menu.addAction(window.approved_action)
    meetings_menu = menus.addMenu("&Meetings")
    meetings_menu.addActions([window.add_meeting_action, window.move_meeting_action, window.cancel_meeting_action, window.reinstate_meeting_action, window.outcome_action, *MeetingImportFlow(window).actions])
    meetings_menu.addSeparator()
    meetings_menu.addAction(window.print_meeting_action)
    return print_actions
