"""A database that is refused, busy or read-only: the user gets one plain sentence and the
file is left exactly as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

import domain.db as dbmod
from domain.db import DatabaseError, DatabaseTooNew, open_database
from domain.errors import Busy, ReadOnly
from domain.models import Committee
from domain.years import parse_municipal_year


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rollback_journal_copy(tmp_path: Path, name: str) -> Path:
    """A Scrutineer database whose file is in SQLite's default (rollback) journal mode, as a
    file copied from elsewhere or made by another tool would be."""
    path = tmp_path / name
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    return path


def test_refusing_a_newer_database_leaves_every_byte_as_it_was(tmp_path: Path) -> None:
    path = _rollback_journal_copy(tmp_path, "newer.sqlite")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _digest(path)
    with pytest.raises(DatabaseTooNew, match="It has not been changed"):
        open_database(f"sqlite:///{path}")
    assert _digest(path) == before
    assert not path.with_name(path.name + "-wal").exists()


def test_refusing_another_programs_database_leaves_every_byte_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "accounts.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
        conn.execute("INSERT INTO customers VALUES (1)")
    before = _digest(path)
    with pytest.raises(DatabaseError, match="not made by Scrutineer"):
        open_database(f"sqlite:///{path}")
    assert _digest(path) == before


def test_an_accepted_database_is_switched_to_write_ahead_logging(tmp_path: Path) -> None:
    path = _rollback_journal_copy(tmp_path, "copied.sqlite")
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


class _Killed(BaseException):
    """Stands for the process being killed in the middle of the copy."""


class _SqliteDyingMidCopy:
    """sqlite3 as db.py sees it, whose backup writes part of the copy and then dies."""

    def connect(self, target: object) -> _Conn:
        return _Conn(sqlite3.connect(target))  # type: ignore[arg-type]


class _Conn:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def backup(self, target: _Conn) -> None:
        target._conn.execute("CREATE TABLE half_copied (x)")
        target._conn.commit()
        raise _Killed

    def close(self) -> None:
        self._conn.close()


def test_a_backup_that_dies_half_way_leaves_no_backup_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    open_database(f"sqlite:///{path}").close()
    monkeypatch.setattr(dbmod, "sqlite3", _SqliteDyingMidCopy())
    with pytest.raises(_Killed):
        dbmod.backup_sqlite(path, "0001")
    assert [p.name for p in tmp_path.iterdir() if "before" in p.name] == []

    monkeypatch.undo()
    done = dbmod.backup_sqlite(path, "0001")
    assert [p.name for p in tmp_path.iterdir() if "before" in p.name] == [done.name]
    with sqlite3.connect(done) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def test_a_writer_kept_waiting_is_told_the_database_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "shared.sqlite"
    database = open_database(f"sqlite:///{path}")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another person's long save holds the write lock
    try:
        with pytest.raises(Busy, match="is busy: someone else has been saving"), \
                database.transaction() as session:
            session.add(Committee(name="Health and Adult Social Care"))
            session.flush()
    finally:
        other.execute("ROLLBACK")
        other.close()
    with database.transaction() as session:
        assert session.query(Committee).count() == 0
    database.close()


def test_a_read_only_connection_says_so(tmp_path: Path) -> None:
    path = tmp_path / "readonly.sqlite"
    database = open_database(f"sqlite:///{path}")
    with pytest.raises(ReadOnly, match="is read-only"), database.transaction() as session:
        session.connection().exec_driver_sql("PRAGMA query_only=ON")
        session.add(Committee(name="Health and Adult Social Care"))
        session.flush()
    database.close()


def test_a_read_only_file_is_refused_with_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "readonly.sqlite"
    open_database(f"sqlite:///{path}").close()
    # Root may write anywhere, so the file's permission is simulated for the check itself.
    monkeypatch.setattr(dbmod.os, "access", lambda p, mode: False)
    with pytest.raises(DatabaseError, match="is read-only, so nothing could be saved"):
        open_database(f"sqlite:///{path}")


@pytest.mark.parametrize("text", ["9999", "9999-00", "0001", "1066-67"])
def test_impossible_years_are_refused_in_words(text: str) -> None:
    with pytest.raises(ValueError, match="not a municipal year this program can hold"):
        parse_municipal_year(text)
