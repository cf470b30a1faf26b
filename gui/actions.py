"""Making menu actions and giving them shortcuts without delaying the window's first paint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


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

