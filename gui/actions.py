"""Making menu actions and giving them shortcuts without delaying the window's first paint."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from .mainwindow import MainWindow


def new_action(parent: QObject, text: str, slot: Callable[[], Any], name: str, tip: str = "") -> QAction:
    """An action called ``name`` (tests and screen readers find it by it) that runs ``slot``."""
    action = QAction(text, parent)
    action.setObjectName(name)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def standard_shortcut(action: QAction, key: QKeySequence.StandardKey, fallback: str) -> None:
    """The platform's shortcut, or ``fallback`` where the platform has none (Quit on Windows)."""
    keys = QKeySequence.keyBindings(key)
    if not keys:
        keys = [QKeySequence.fromString(fallback)]
    action.setShortcuts(keys)


def shortcut(action: QAction, keys: str) -> None:
    # setShortcuts([QKeySequence.fromString(...)]), not setShortcut(QKeySequence(...)): PySide
    # resolves those overloads by creating every enum of the Qt namespace (about 50 ms, measured
    # with PySide6 6.12), which would delay the window's first paint.
    action.setShortcuts([QKeySequence.fromString(keys)])


def build_menus(window: MainWindow) -> Any:
    """The menu bar: File, Edit, View, Programme and Meetings, from the window's actions.
    Returns the print actions (gui.printing's), which the window keeps."""
    from .printing import install_print_actions
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
