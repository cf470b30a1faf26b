"""Making menu actions and giving them shortcuts without delaying the window's first paint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack


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



def undo_redo_actions(stack: QUndoStack, parent: QObject, undo: str = "Undo", redo: str = "Redo") -> tuple[QAction, QAction]:
    """Undo and Redo actions of ``stack`` for ``parent`` (a window or a dialog of its own),
    with the platform's shortcuts (Ctrl+Z; Ctrl+Y and Ctrl+Shift+Z)."""
    undo_action = stack.createUndoAction(parent, undo)
    undo_action.setObjectName("undo")
    standard_shortcut(undo_action, QKeySequence.StandardKey.Undo, "Ctrl+Z")
    redo_action = stack.createRedoAction(parent, redo)
    redo_action.setObjectName("redo")
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    shift_z = QKeySequence.fromString("Ctrl+Shift+Z")
    if shift_z not in redo_keys:
        redo_keys.append(shift_z)
    redo_action.setShortcuts(redo_keys)
    return undo_action, redo_action
