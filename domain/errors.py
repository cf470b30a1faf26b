"""Errors a use case raises for the user: the message is shown as it is."""

from __future__ import annotations

import datetime as dt


class OpError(Exception):
    """A user action cannot be done; ``str(exc)`` says why in the user's words."""


class NotFound(OpError):
    pass


class Conflict(OpError):
    """Someone else changed the row since it was read (optimistic locking).

    ``table`` and ``row_id`` name the row when one row is at stake; ``who`` and ``when``
    (a timezone-aware moment) say whose change it was, from the audit history, when known.
    """

    def __init__(
        self,
        message: str,
        *,
        table: str | None = None,
        row_id: int | str | None = None,
        who: str | None = None,
        when: dt.datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.table = table
        self.row_id = row_id
        self.who = who
        self.when = when


class Invalid(OpError):
    """The input breaks a rule; ``field`` names the field, for inline messages."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Busy(OpError):
    """The database stayed locked by another writer for longer than the program waits."""


class ReadOnly(OpError):
    """The database cannot be written (a read-only file or a read-only connection)."""
