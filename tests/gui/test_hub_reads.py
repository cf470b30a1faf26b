"""The hub reads an operation declared to take a Reader through a plain connection, and any
other operation in a session: the window's first screen needs no ORM."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from domain.db import Database
from domain.ops.committees import list_committees
from gui.hub import Hub

if TYPE_CHECKING:
    from domain.reader import Reader


def reads_tables(session: Reader) -> Any:
    return session


def loads_classes(session: Session) -> Any:
    return session


def test_a_reader_is_given_a_connection_and_anything_else_a_session(sqlite_demo_db: Database) -> None:
    hub = Hub(sqlite_demo_db)
    assert isinstance(hub.query(reads_tables), Connection)
    assert isinstance(hub.query(loads_classes), Session)
    with sqlite_demo_db.transaction(read_only=True) as session:
        assert hub.query(list_committees) == list_committees(session)
