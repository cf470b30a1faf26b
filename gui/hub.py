"""The bridge between widgets and the domain: one operation, one short transaction.

Widgets never open sessions. They ask the hub to run a domain operation
(``f(session, *, ...) -> plain value``); the hub runs it in its own transaction and then emits
``changed`` with a :class:`domain.values.Change` saying what kind of data changed, so views
reload only what they show (Anki's ``OpChanges``). What changed is read from the operation's
result (:func:`domain.values.change_of`), never guessed by the caller.

Signals:
    writing(): an operation that changes data is about to begin its transaction.
    changed(Change): an operation that changed data has committed (or, from
        ``gui.live.ChangeWatcher``, someone else has).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from domain.db import Database
from domain.values import EVERYTHING, Change, change_of

T = TypeVar("T")

_READS: dict[Callable[..., Any], bool] = {}


def _takes_reader(op: Callable[..., Any]) -> bool:
    """Whether ``op`` declares its first parameter a ``domain.reader.Reader``: it queries the
    tables only, so a plain connection serves it and the ORM need not be loaded."""
    known = _READS.get(op)
    if known is None:
        code = getattr(op, "__code__", None)
        first = code.co_varnames[0] if code is not None and code.co_argcount else None
        known = _READS[op] = getattr(op, "__annotations__", {}).get(first) == "Reader"
    return known


class Hub(QObject):
    writing = Signal()
    changed = Signal(object)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database

    def query(self, op: Callable[..., T], /, **kwargs: Any) -> T:
        """Run a read-only operation and return its plain result. An operation declared to take
        a ``Reader`` reads through a plain connection (``Database.reading()``), so the window's
        first screen shows its data without loading SQLAlchemy's ORM; others in a session."""
        if _takes_reader(op):
            with self.database.reading() as connection:
                return op(connection, **kwargs)
        with self.database.transaction(read_only=True) as session:
            return op(session, **kwargs)

    def run(
        self,
        op: Callable[..., T],
        /,
        *,
        otherwise: Change | None = None,
        action: str | None = None,
        **kwargs: Any,
    ) -> T:
        """Run an operation that changes data; on success emit ``changed`` with what its result
        says changed, or ``otherwise`` (everything, if not given) when the result says nothing.

        ``action`` names the change in the audit history (an undo command's text is the
        natural one: "Move School attendance", "Undo move School attendance"; default "Edit").

        Errors (``domain.errors.OpError`` for the user's mistakes, anything else for ours)
        propagate after the transaction is rolled back, so a failed action changes nothing.
        """
        self.writing.emit()
        with self.database.transaction(action=action) as session:
            result = op(session, **kwargs)
        self.changed.emit(change_of(result, otherwise or EVERYTHING))
        return result
