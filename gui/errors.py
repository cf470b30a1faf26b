"""Showing errors to the user, through one seam that tests replace.

An exception in a slot is logged with its traceback and shown as a message in plain words;
the window keeps working. ``domain.ops.errors.OpError`` messages are already in the user's
words and are shown as they are.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from domain.ops.errors import OpError

log = logging.getLogger("scrutineer")

# The function that shows a message box; tests replace it to capture messages instead of
# blocking on a modal dialog.
def _message_box(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


show_message: Callable[[QWidget | None, str, str], None] = _message_box


def user_message(exc: BaseException) -> str:
    if isinstance(exc, OpError):
        return str(exc)
    return (
        "Something went wrong and the action was not completed; nothing was changed. "
        f"The details are in the log.\n\n({type(exc).__name__}: {exc})"
    )


def report(exc: BaseException, parent: QWidget | None = None, title: str = "Scrutineer") -> None:
    if not isinstance(exc, OpError):
        log.error("".join(traceback.format_exception(exc)))
    show_message(parent, title, user_message(exc))


def install_excepthook() -> None:
    """Exceptions that escape a Qt slot reach sys.excepthook: log and show them."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        report(exc)

    sys.excepthook = hook
