"""Locks a use case takes on what it checks before it writes, so that two people doing the same
thing at the same moment are put one after the other by the database itself.

On SQLite every writing transaction already holds the database's write lock from its first
statement (``BEGIN IMMEDIATE``, see ``domain.db``), so these are no-ops there. On PostgreSQL a
transaction-scoped advisory lock on the name of what is checked ("committee names", "the
programme of committee 3 for 2019") makes a second transaction wait until the first has
committed; its check then sees the first one's rows.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _key(*parts: object) -> int:
    """A stable signed 64-bit number for a lock's name (PostgreSQL's advisory lock key)."""
    name = "\x1f".join(str(p) for p in parts).encode("utf-8")
    high, low = zlib.crc32(name), zlib.adler32(name)
    value = (high << 32) | low
    return value - (1 << 64) if value >= 1 << 63 else value


def lock(session: Session, *name: object) -> None:
    """Hold the lock called ``name`` until this transaction ends (waiting for it if another
    transaction holds it)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _key(*name)})


def lock_committee_names(session: Session) -> None:
    lock(session, "committee names")


def lock_programme(session: Session, committee_id: int, year_start: int) -> None:
    """The programme of one committee for one municipal year: its items, approval and import."""
    lock(session, "programme", committee_id, year_start)


def lock_meetings(session: Session, committee_id: int) -> None:
    """A committee's meeting dates (two meetings at one date and time are refused)."""
    lock(session, "meetings", committee_id)
