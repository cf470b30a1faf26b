"""Showing errors to the user, through one seam that tests replace.

An exception in a slot is logged with its traceback and shown as a message in plain words;
the window keeps working. ``domain.errors.OpError`` messages are already in the user's
words and are shown as they are.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from domain.errors import OpError

log = logging.getLogger("scrutineer")

# Where the details of an error are written; set by configure_logging().
log_file: Path | None = None


def configure_logging(path: Path | None = None) -> Path | None:
    """Log to a rotating file in the user's log folder (details of every error), and only
    warnings to the console. Returns the file, or None if it cannot be written."""
    global log_file
    from logging.handlers import RotatingFileHandler

    from domain.paths import log_path

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root.addHandler(console)
    target = path or log_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        log.warning("Cannot write the log file %s; errors go to the console only.", target)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    log_file = target
    return target

# The function that shows a message box; tests replace it to capture messages instead of
# blocking on a modal dialog.
def _message_box(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


show_message: Callable[[QWidget | None, str, str], None] = _message_box


def user_message(exc: BaseException) -> str:
    if isinstance(exc, OpError):
        return str(exc)
    where = f"the log ({log_file})" if log_file is not None else "the log"
    return (
        "Something went wrong and the action was not completed; nothing was changed. "
        f"The details are in {where}.\n\n({type(exc).__name__}: {exc})"
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
