"""The schema comes only from the Alembic migrations, and they match the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from domain import db as dbmod
from domain.db import Database, DatabaseError, DatabaseTooNew, open_database
from domain.models import Base
from domain.search_index import is_ours


def test_schema_head_constant_matches_the_migrations() -> None:
    script = ScriptDirectory.from_config(dbmod.alembic_config(create_engine("sqlite://")))
    assert script.get_current_head() == dbmod.SCHEMA_HEAD


def test_upgraded_empty_database_matches_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, kind, _p: not is_ours(name, kind),
            },
        )
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []
    assert db.created


def test_sqlite_pragmas_are_set(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_a_database_from_a_newer_program_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version of Scrutineer"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_an_older_database_is_backed_up_before_it_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    dbmod.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value, version) VALUES ('k', '1', 1)"))
    engine.dispose()
    # Pretend the program knows a newer head so that this file needs an upgrade.
    real_head, real_upgrade = dbmod.SCHEMA_HEAD, dbmod.upgrade
    calls: list[str] = []
    try:
        dbmod.SCHEMA_HEAD = "0002"
        dbmod.upgrade = lambda eng, rev="head": calls.append(rev)  # type: ignore[assignment]
        database = open_database(f"sqlite:///{path}")
    finally:
        dbmod.SCHEMA_HEAD, dbmod.upgrade = real_head, real_upgrade
    database.close()
    assert calls == ["head"]
    assert database.backup_path is not None and database.backup_path.exists()
    with sqlite3.connect(database.backup_path) as conn:
        assert conn.execute("SELECT value FROM setting WHERE key='k'").fetchone() == ("1",)


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(DatabaseError, match="not made by Scrutineer"):
        open_database(f"sqlite:///{path}")


def test_a_bad_address_gets_a_message() -> None:
    with pytest.raises(DatabaseError, match="Cannot open the database nonsense"):
        open_database("nonsense://///")
