"""The question asked before booking onto a meeting that has taken place or whose report
deadline has passed. The domain says why (``planning.booking_caution``); every place that
books asks through :func:`confirm_booking`, so the question reads the same everywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from .. import errors

if TYPE_CHECKING:
    from ..hub import Hub

Ask = Callable[[QWidget, str], bool]


def book_anyway(parent: QWidget, caution: str) -> bool:
    """Ask whether to book despite ``caution``; Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, "Book anyway?", caution, parent=parent)
    box.setInformativeText("Book the item onto this meeting anyway?")
    box.setObjectName("bookAnywayQuestion")
    book = box.addButton("&Book anyway", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is book


def confirm_booking(
    hub: Hub, parent: QWidget, *, meeting_id: int, today: dt.date, ask: Ask | None = None
) -> bool:
    """True when booking onto the meeting may go ahead: nothing to caution about, or the user
    chose "Book anyway". ``ask`` defaults to the window's ``dialogs.book_anyway`` (the seam
    tests answer), else :func:`book_anyway`."""
    from domain.ops import planning

    try:
        caution = hub.query(planning.booking_caution, meeting_id=meeting_id, today=today)
    except Exception as exc:  # the meeting went away under us: say so, book nothing
        errors.report(exc, parent)
        return False
    if caution is None:
        return True
    if ask is None:
        seam = getattr(parent.window(), "dialogs", None)
        ask = getattr(seam, "book_anyway", book_anyway)
    return bool(ask(parent, caution))
