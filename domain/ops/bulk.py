"""Writing many new rows of one kind at once, recorded in the history.

An import makes tens of thousands of topics, scores and entries; through the ORM each costs
about a quarter of a millisecond in bookkeeping alone (building the object, the flush's unit of
work, the history hook), so a 10,000-row file took 8 s. Here they go in as one executemany
INSERT per kind. On PostgreSQL the ids are read back in the order given (``RETURNING`` with
SQLAlchemy's "insertmanyvalues" and ``sort_by_parameter_order``); on SQLite they are given
(see :func:`insert_rows`):
https://docs.sqlalchemy.org/en/20/core/connections.html#insertmanyvalues
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from .. import audit
from ..bulk_insert import insert_many


def _defaults(table: Table) -> dict[str, Any]:
    # The columns' own scalar defaults (the version counter starts at 1, flags are off), so
    # every row names every column: an executemany needs the same keys in each row, and the
    # history shows the row as the ORM would have written it.
    return {
        c.key: c.default.arg  # type: ignore[attr-defined]
        for c in table.columns
        if c.default is not None and c.default.is_scalar
    }


def insert_rows(session: Session, cls: type, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert rows of ``cls`` (a mapped class with an integer ``id``) and return their ids in
    the order given. A row whose ``id`` is set keeps it (a row made again after an undo); the
    others get the database's next ids. Every row is recorded in the history as added.

    Pending ORM changes are flushed first, so the rows may refer to objects just added.
    """
    if not rows:
        return []
    session.flush()
    table: Table = cls.__table__  # type: ignore[attr-defined]
    defaults = _defaults(table)
    full = [{**defaults, **r} for r in rows]
    given = [r for r in full if r.get("id") is not None]
    fresh = [i for i, r in enumerate(full) if r.get("id") is None]
    # On the connection, not through Session.execute: the rows are recorded below, with
    # their ids, once.
    connection = session.connection()
    if given:
        insert_many(connection, table, given)
    if fresh and connection.dialect.name == "sqlite":
        # SQLite returns the rows of a multi-row INSERT in no promised order, so SQLAlchemy
        # sends such an INSERT one row at a time. The ids are the ones SQLite itself would give
        # (the highest plus one, as the tables have no AUTOINCREMENT), and no one else can take
        # them: a writing transaction holds the database's write lock from its first statement.
        highest = connection.scalar(select(func.max(table.c.id))) or 0
        for n, i in enumerate(fresh, highest + 1):
            full[i]["id"] = n
        insert_many(connection, table, [full[i] for i in fresh])
    elif fresh:
        params = [{k: v for k, v in full[i].items() if k != "id"} for i in fresh]
        result = connection.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), params
        )
        for i, new_id in zip(fresh, result.scalars(), strict=True):
            full[i]["id"] = new_id
    audit.record_added(session, cls, full)
    return [r["id"] for r in full]
