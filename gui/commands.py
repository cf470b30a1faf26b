"""Undoable edits: one QUndoCommand class per kind of edit (orange-canvas-core's pattern).

Every edit the user makes goes through a command pushed on the main window's ``QUndoStack``.
``redo`` and ``undo`` call domain operations through the :class:`gui.hub.Hub`, so each step is
saved at once in its own transaction. The command's text is the menu label ("Undo score Child
Exploitation"). If the first ``redo`` fails, the error is shown and the command marks itself
obsolete, so ``QUndoStack.push`` discards it and the stack stays true to the database.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from . import errors
from .hub import Hub


class HubCommand(QUndoCommand):
    """Base class: subclasses implement ``do()`` and ``undo_()`` with hub calls."""

    def __init__(self, hub: Hub, text: str) -> None:
        super().__init__(text)
        self.hub = hub
        self.failed: BaseException | None = None

    def do(self) -> None:
        raise NotImplementedError

    def undo_(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.do()
        except Exception as exc:  # shown to the user; the stack must not record a failed edit
            self.failed = exc
            self.setObsolete(True)
            errors.report(exc)

    def undo(self) -> None:
        try:
            self.undo_()
        except Exception as exc:
            self.failed = exc
            self.setObsolete(True)
            errors.report(exc)
