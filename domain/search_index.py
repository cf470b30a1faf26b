"""The text index that finds words anywhere in a council's programmes, on SQLite.

SQLite's FTS5 with the trigram tokenizer answers ``text LIKE '%school admissions%'`` from an
index (https://www.sqlite.org/fts5.html#the_trigram_tokenizer), case-insensitively for ASCII
letters only, as SQLite's LIKE itself: "école" does not find "École". One virtual table, ``search_fts``, holds one row per
searchable thing; triggers on the tables keep it up to date, whoever writes (the program, the
command line, a bulk insert, a cascaded delete). Its rowid says what the row is: the source
row's id times 8 plus the kind below, so a trigger finds its row by rowid, not by a scan.

PostgreSQL has no FTS5; there the search asks each table ``(its text) ILIKE '%word%'``, and a
trigram index on that same expression (pg_trgm's GIN operator class,
https://www.postgresql.org/docs/current/pgtrgm.html#PGTRGM-INDEX) answers it. pg_trgm is a
"trusted" extension since PostgreSQL 13, which the database's owner may create; where it cannot
be created, the search reads the tables instead, more slowly but with the same answers.

The migration that made the index calls :func:`install`; :func:`ensure` runs after every
upgrade too, because SQLite drops a table's triggers when a later migration rebuilds that
table (Alembic's batch mode copies it to a new one).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

TABLE = "search_fts"

# kind -> (table, the columns searched). The numbers are stored in the index: never reuse one.
KINDS: Mapping[int, tuple[str, tuple[str, ...]]] = {
    1: ("topic", ("title", "reason", "responsible")),
    2: ("answer", ("evidence",)),
    3: ("decision", ("title", "resolution", "officer")),
    4: ("select_review", ("title", "scope", "lead_officer")),
    5: ("recommendation", ("text", "response_text")),
    6: ("progress_note", ("text",)),
}
KIND_OF_TABLE = {table: kind for kind, (table, _cols) in KINDS.items()}
STRIDE = 8


def is_ours(name: str | None, kind: str) -> bool:
    """Whether a table or index is the search's, made by a migration rather than a model (FTS5
    keeps its data in tables named after it; the trigram indexes are on expressions)."""
    name = name or ""
    if kind == "table":
        return name == TABLE or name.startswith(TABLE + "_")
    return kind == "index" and name.startswith("ix_search_")


def _text(prefix: str, columns: tuple[str, ...], newline: str = "char(10)") -> str:
    return f" || {newline} || ".join(f"coalesce({prefix}.{c}, '')" for c in columns)


def text_sql(table: str, dialect: str) -> str:
    """The text of a row of ``table`` the search reads, as SQL: on PostgreSQL exactly the
    expression the trigram index is made on, so that the index answers it."""
    columns = dict(KINDS.values())[table]
    return _text(table, columns, "chr(10)" if dialect == "postgresql" else "char(10)")


def _triggers(kind: int, table: str, columns: tuple[str, ...]) -> dict[str, str]:
    rowid = f"{{row}}.id * {STRIDE} + {kind}"
    insert = (
        f"INSERT INTO {TABLE}(rowid, text) SELECT {rowid.format(row='new')}, {_text('new', columns)} "
        f"WHERE {_text('new', columns)} != ''; "
    )
    delete = f"DELETE FROM {TABLE} WHERE rowid = {rowid.format(row='old')}; "
    cols = ", ".join(columns)
    return {
        f"search_{table}_ai": f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {insert}END",
        f"search_{table}_au": (
            f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {cols} ON {table} BEGIN {delete}{insert}END"
        ),
        f"search_{table}_ad": f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete}END",
    }


def _all_triggers() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, (table, columns) in KINDS.items():
        out.update(_triggers(kind, table, columns))
    return out


def install(conn: Any) -> bool:
    """Make the index and its triggers on an SQLite connection and fill it from the tables.
    False (and nothing made) when this SQLite was built without FTS5: the search then reads
    the tables."""
    if conn.dialect.name == "postgresql":
        return _install_trigrams(conn)
    if conn.dialect.name != "sqlite":
        return False
    try:
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(text, tokenize='trigram', "
            "detail='none', columnsize=0)"
        )
    except Exception:  # no FTS5 (or no trigram tokenizer, before SQLite 3.34)
        return False
    for name, sql in _all_triggers().items():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql(sql)
    rebuild(conn)
    return True


def _install_trigrams(conn: Any) -> bool:
    try:
        with conn.begin_nested():  # a refusal must not end the migration's transaction
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:  # not installed on the server, or not allowed: the search scans
        return False
    for table, _columns in KINDS.values():
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_search_{table} ON {table} "
            f"USING gin (({text_sql(table, 'postgresql')}) gin_trgm_ops)"
        )
    return True


def rebuild(conn: Any) -> None:
    """Fill the index afresh from the tables."""
    conn.exec_driver_sql(f"DELETE FROM {TABLE}")
    for kind, (table, columns) in KINDS.items():
        text = _text(table, columns)
        conn.exec_driver_sql(
            f"INSERT INTO {TABLE}(rowid, text) SELECT {table}.id * {STRIDE} + {kind}, {text} "
            f"FROM {table} WHERE {text} != ''"
        )


def present(conn: Any) -> bool:
    """Whether this database has the index (SQLite with FTS5)."""
    if conn.dialect.name != "sqlite":
        return False
    found = conn.exec_driver_sql(
        f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{TABLE}'"
    ).scalar()
    return bool(found)


def ensure(conn: Any) -> None:
    """After an upgrade: put back any trigger a migration's table rebuild dropped (and fill
    the index again, since changes made without the trigger are missing from it); on
    PostgreSQL, make the trigram index of a kind added to KINDS since."""
    if conn.dialect.name == "postgresql":
        have_trgm = conn.exec_driver_sql("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'").scalar()
        if have_trgm:
            _install_trigrams(conn)
        return
    if not present(conn):
        return
    have = {
        row[0]
        for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    if set(_all_triggers()) - have:
        install(conn)


@contextmanager
def bulk_load(conn: Any) -> Iterator[None]:
    """Write many rows without the triggers, then fill the index once: FTS5 takes a row at a
    time about six times slower than the whole table at once (the synthetic council's 278,000
    answers: 33 s against 5 s). Inside the caller's transaction, so a failure leaves the
    triggers as they were."""
    if not present(conn):
        yield
        return
    for name in _all_triggers():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    yield
    install(conn)


def drop(conn: Any) -> None:
    """Remove the index and its triggers (downgrade)."""
    if conn.dialect.name == "postgresql":
        for table, _columns in KINDS.values():
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_search_{table}")
        return
    if conn.dialect.name != "sqlite":
        return
    for name in _all_triggers():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")
