"""Many rows into one table with a single executemany, past SQLAlchemy's per-row work.

``Connection.execute(insert(table), rows)`` spends about 10 µs a row building each row's
parameters from the compiled statement (``construct_params``), as much as the database takes
to store it; an import writes 30,000 rows and as many history records. Here the statement is
compiled once, each column's bind processor (the conversion SQLAlchemy would apply: a date to
text on SQLite, an enumeration to its value) looked up once, and the driver's ``executemany``
given plain tuples or dictionaries:
https://docs.sqlalchemy.org/en/20/core/connections.html#working-with-the-dbapi-cursor-directly
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert


@dataclass(frozen=True, slots=True)
class _Statement:
    sql: str
    positional: bool
    order: tuple[str, ...]  # the columns in the order of the statement's parameters
    convert: dict[str, Callable[[Any], Any]]  # each column's bind processor, where it has one
    extra: dict[str, Any]  # the columns left out, with their defaults (already converted)


@lru_cache(maxsize=64)
def _statement(table: Table, keys: tuple[str, ...], dialect: Dialect) -> _Statement:
    # for_executemany: no RETURNING of the new ids, which nothing here would read.
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys), for_executemany=True)
    names = [bind.key for bind in compiled.binds.values()]
    processors = {k: table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in names}
    convert: dict[str, Callable[[Any], Any]] = {
        k: p for k, p in processors.items() if p is not None
    }
    extra: dict[str, Any] = {}
    for name in names:
        if name not in keys:
            default = table.c[name].default
            if default is None or not default.is_scalar:
                raise ValueError(f"Give every row a value for {table.name}.{name}.")
            value = default.arg  # type: ignore[attr-defined]
            extra[name] = convert[name](value) if name in convert else value
    order = tuple(compiled.binds[name].key for name in compiled.positiontup or ())
    return _Statement(compiled.string, bool(compiled.positional), order, convert, extra)


def insert_many(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (each with the same keys, every one a column of ``table``) in one
    executemany on ``connection``. A column left out gets its scalar default."""
    if not rows:
        return
    st = _statement(table, tuple(rows[0]), connection.dialect)
    convert, extra = st.convert, st.extra
    params: list[Any]
    if st.positional and not extra:
        params = _positional(st, rows)
    elif st.positional:
        params = [
            tuple(
                extra[k] if k in extra else convert[k](r[k]) if k in convert else r[k]
                for k in st.order
            )
            for r in rows
        ]
    else:
        params = []
        for r in rows:
            row = {**extra, **r}
            for k, p in convert.items():
                if k not in extra:
                    row[k] = p(row[k])
            params.append(row)
    connection.exec_driver_sql(st.sql, params)


def _positional(st: _Statement, rows: Sequence[Mapping[str, Any]]) -> list[Any]:
    """Each row's values as a tuple in the statement's order, read a column at a time (the
    columns to convert are the few; a value repeated from the row before, such as the time
    every history record of a change shares, is converted once)."""
    get = itemgetter(*st.order)
    if len(st.order) == 1:
        return [(get(r),) for r in rows]
    if not st.convert:
        return [get(r) for r in rows]
    columns: list[Any] = list(zip(*map(get, rows), strict=True))
    for i, key in enumerate(st.order):
        process = st.convert.get(key)
        if process is not None:
            columns[i] = _convert_column(process, columns[i])
    return list(zip(*columns, strict=True))


_NOTHING = object()  # no row holds it


def _convert_column(process: Callable[[Any], Any], values: Sequence[Any]) -> list[Any]:
    converted: list[Any] = []
    last: Any = _NOTHING
    done: Any = None
    for value in values:
        if value is not last:
            last, done = value, process(value)
        converted.append(done)
    return converted
