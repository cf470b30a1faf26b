"""Opening a database: engine, SQLite pragmas, migrations and the session factory.

SQLite (the default, in the user's data directory) or any SQLAlchemy URL, PostgreSQL included,
for a team sharing one database. The schema is only ever created or changed by the Alembic
migrations in ``domain/migrations``; before a migration an SQLite file is copied with the
SQLite backup API, and a database written by a newer version of the program is refused and
left untouched.

Alembic is imported only when a migration is due, so opening an up-to-date database (the
common case, e.g. for a print from the command line) stays fast.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url

from .identity import default_user

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig
    from sqlalchemy.engine import URL
    from sqlalchemy.orm import Session, sessionmaker

# The newest migration this version of the program knows. tests/domain/test_migrations.py
# checks that it matches the head of domain/migrations/versions.
SCHEMA_HEAD = "0011"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ENV_VAR = "SCRUTINY_DB"


class DatabaseError(Exception):
    """A database cannot be opened; the message is for the user."""


class DatabaseTooNew(DatabaseError):
    pass


# The PostgreSQL channel every writing transaction notifies (payload: the writer's origin).
NOTIFY_CHANNEL = "scrutineer"

# How long a writer waits for another writer to finish before it is told the database is busy.
BUSY_TIMEOUT_MS = 5000


@dataclass
class Database:
    """An open database: the engine, a session factory and what the user should know."""

    engine: Engine
    description: str  # file path or server, for the status bar
    warnings: list[str] = field(default_factory=list)
    backup_path: Path | None = None
    created: bool = False  # True when the schema was created by this open
    # Who the audit history names for changes made through this database (the login name
    # unless the user chose another name).
    user: str = field(default_factory=default_user)
    # Names this open database in the change notices it sends, so a window can tell its own
    # commits from other people's (see ``NOTIFY_CHANNEL``).
    origin: str = field(default_factory=lambda: f"{os.getpid()}-{uuid.uuid4().hex[:12]}")
    _sessions: sessionmaker[Session] | None = field(default=None, repr=False)
    _sessions_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def sessions(self) -> sessionmaker[Session]:
        """The session factory; every change made through its sessions is recorded in the
        history (as this database's ``user`` when made outside ``transaction()``). Made at
        first use, so that a path that only reads (``reading()``: a print from the command
        line) never imports SQLAlchemy's ORM, about a tenth of such a process."""
        with self._sessions_lock:
            if self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                from .audit import INFO_KEY, AuditContext, install

                sessions = sessionmaker(
                    self.engine, expire_on_commit=False, info={INFO_KEY: AuditContext(who=self.user)}
                )
                install(sessions)
                self._sessions = sessions
            return self._sessions

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One read-only transaction on a plain connection: one consistent snapshot of the
        database, as ``transaction(read_only=True)`` reads, for use cases that only query
        ``schema``'s tables (they take a ``domain.reader.Reader``). Nothing is written; busy and unreadable
        databases surface as in ``transaction()``."""
        from sqlalchemy.exc import OperationalError

        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{_READ_ONLY: True})
                conn.begin()
                try:
                    yield conn
                finally:
                    conn.rollback()
        except OperationalError as exc:
            plain = _plain_operational_error(exc, self.description)
            if plain is None:
                raise
            raise plain from exc

    @contextmanager
    def transaction(
        self, *, action: str | None = None, who: str | None = None, read_only: bool = False
    ) -> Iterator[Session]:
        """One short transaction: committed on success, rolled back on any error.

        Every change made in it is recorded in the audit history, in the same transaction,
        as ``action`` ("Import ecsc.csv", "Move School attendance"; default "Edit") by ``who``
        (default: the database's ``user``).

        A row changed by someone else since this session read it (the version counter moved)
        surfaces as ``domain.errors.Conflict`` with a message for the user.

        On SQLite a writing transaction holds the database's write lock from its first
        statement (``BEGIN IMMEDIATE``), so the checks a use case makes before it writes
        ("this year has no items yet", "no committee has this name") cannot be overtaken by
        another writer; ``read_only`` transactions read one consistent snapshot without it.
        On PostgreSQL a use case locks what it checks (``domain.locks``), and a writing
        transaction sends ``NOTIFY scrutineer`` with the database's ``origin``: PostgreSQL
        delivers it only when the transaction commits, so other windows reload exactly when
        there is something new to see.
        """
        from sqlalchemy.exc import IntegrityError, OperationalError
        from sqlalchemy.orm.exc import StaleDataError

        from .audit import DEFAULT_ACTION, INFO_KEY, AuditContext
        from .errors import Conflict

        try:
            with self.sessions.begin() as session:
                session.info[INFO_KEY] = AuditContext(
                    who=who or self.user, action=DEFAULT_ACTION if action is None else action
                )
                if read_only:
                    session.connection(execution_options={_READ_ONLY: True})
                yield session
                if not read_only and self.engine.dialect.name == "postgresql":
                    session.execute(
                        text("SELECT pg_notify(:channel, :origin)"),
                        {"channel": NOTIFY_CHANNEL, "origin": self.origin},
                    )
        except StaleDataError as exc:
            raise Conflict(
                "Someone else changed this since you opened it. Your change was not saved; "
                "the view has been reloaded, so check it and make your change again."
            ) from exc
        except IntegrityError as exc:
            # A rule the database keeps (a unique name, a row that must exist) was broken by a
            # change someone else committed at the same moment: nothing of this one was saved.
            # The details go to the log too, since the same error from a fault of ours would
            # otherwise read to the user as someone else's change.
            logging.getLogger("scrutineer").warning("Refused by the database: %s", exc.orig)
            raise Conflict(
                "Someone else saved a change that clashes with yours at the same moment, so "
                "yours was not saved. The view has been reloaded; check it and try again."
            ) from exc
        except OperationalError as exc:
            plain = _plain_operational_error(exc, self.description)
            if plain is None:
                raise
            raise plain from exc

    def run(
        self, op: Callable[..., object], /, *, action: str | None = None, **kwargs: object
    ) -> object:
        """Run one use case in its own transaction and return its (plain) result."""
        with self.transaction(action=action) as session:
            return op(session, **kwargs)

    def close(self) -> None:
        self.engine.dispose()


def _plain_operational_error(exc: Exception, description: str) -> Exception | None:
    """The user's words for a database that is busy or cannot be written; None for others."""
    from .errors import Busy, ReadOnly

    detail = str(getattr(exc, "orig", exc)).lower()
    if "database is locked" in detail or "database table is locked" in detail:
        return Busy(
            f"The database {description} is busy: someone else has been saving for more than "
            f"{BUSY_TIMEOUT_MS // 1000} seconds. Nothing was changed; try again in a moment."
        )
    if "readonly database" in detail or "read-only" in detail:
        return ReadOnly(
            f"The database {description} is read-only, so nothing can be saved. Nothing was "
            "changed. Ask for write access to the file, or copy it to a folder you can write to."
        )
    return None


def installation_url() -> str | None:
    """The database named by ``scrutineer.ini`` next to the program (``[database]`` ``url =``),
    which an IT team deploys so that every user opens the shared database; None without one.

    A file that cannot be read raises ``DatabaseError`` naming it and saying what to fix.
    """
    import configparser

    from .paths import installation_settings_path

    path = installation_settings_path()
    if not path.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "message", None) or str(exc).splitlines()[0]
        raise DatabaseError(
            f"{path} cannot be read: {reason}. Write it as two lines, '[database]' and "
            "'url = postgresql+psycopg://user@server/scrutiny', or remove it."
        ) from None
    value = parser.get("database", "url", fallback="").strip()
    return value or None


def resolve_url(url: str | None) -> str:
    """The URL to open: the argument, else $SCRUTINY_DB, else ``scrutineer.ini`` next to the
    program, else the default SQLite file in the user's data folder."""
    if url:
        return url if "://" in url else f"sqlite:///{Path(url).expanduser().resolve()}"
    env = os.environ.get(ENV_VAR)
    if env:
        return resolve_url(env)
    deployed = installation_url()
    if deployed:
        return resolve_url(deployed)
    from .paths import default_database_path

    path = default_database_path()
    return f"sqlite:///{path}"


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite":
        return None
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def _network_share_warning(path: Path) -> str | None:
    """SQLite's file locking is unreliable on network file systems."""
    text_path = str(path)
    if text_path.startswith(("\\\\", "//")):
        return _share_message(path)
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, fstype = "", ""
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    if fstype in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p"}:
        return _share_message(path)
    return None


def _share_message(path: Path) -> str:
    return (
        f"The database {path} is on a network share. SQLite cannot lock files safely there, "
        "so two people using it at once can damage it. For a shared database use a "
        "PostgreSQL server (--db postgresql://...)."
    )


_READ_ONLY = "scrutineer_read_only"


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # The driver would begin a transaction only at the first write, leaving a use case's
    # reads (the check before the write) outside it; the program begins them itself
    # (_on_sqlite_begin), as SQLAlchemy's SQLite dialect documentation describes under
    # "Serializable isolation / Savepoints / Transactional DDL".
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _on_sqlite_begin(conn: Connection) -> None:
    read_only = conn.get_execution_options().get(_READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite":
        path = _sqlite_path(sa_url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(sa_url)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(sa_url, pool_pre_ping=True)


def _use_wal(engine: Engine) -> None:
    """Switch an SQLite file to write-ahead logging (persistent in the file, so once).

    Only after the file is known to be ours and of a schema this program accepts: switching
    writes to the file, and a refused database must be left exactly as it was.
    """
    raw = engine.raw_connection()  # outside any transaction, which the switch needs
    try:
        cursor = raw.cursor()
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()
    finally:
        raw.close()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database, or None for an empty database."""
    with engine.connect().execution_options(**{_READ_ONLY: True}) as conn:
        if not inspect(conn).has_table("alembic_version"):
            if inspect(conn).get_table_names():
                raise DatabaseError(
                    "This database has tables but no schema version: it was not made by "
                    "Scrutineer. Choose another file or an empty database."
                )
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    names = set()
    for f in (MIGRATIONS_DIR / "versions").glob("*.py"):
        names.add(f.name.split("_", 1)[0])
    return names


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy an SQLite database with the backup API (safe while others have it open).

    The copy is written under a temporary name and renamed when complete, so a backup file
    that exists is always whole; a failed or killed copy leaves at most the temporary file.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{revision or 'empty'}-{stamp}{path.suffix}")
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return target


def alembic_config(engine: Engine) -> AlembicConfig:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)
    if revision == "head":
        from . import search_index

        with engine.begin() as conn:
            search_index.ensure(conn)


def open_database(
    url: str | None = None,
    *,
    migrate: bool = True,
    demo_on_first_run: bool = False,
    user: str | None = None,
) -> Database:
    """Open (and if needed create or upgrade) a database.

    With ``demo_on_first_run``, the user's default database (no URL given, no $SCRUTINY_DB)
    gets the demo data when this open creates it, so the program's first run shows real
    programmes; an explicitly named database is left as it is. The demo module is imported
    only then.

    ``user`` is who the audit history names for changes made through it (default: $SCRUTINY_USER,
    else the login name).

    Raises ``DatabaseError`` with a message for the user when it cannot be used.
    """
    resolved = resolve_url(url)
    try:
        sa_url = make_url(resolved)
    except Exception as exc:  # sqlalchemy.exc.ArgumentError
        raise DatabaseError(f"'{resolved}' is not a database address: {exc}") from exc
    path = _sqlite_path(sa_url)
    description = str(path) if path else sa_url.render_as_string(hide_password=True)
    warnings: list[str] = []
    if path is not None:
        share = _network_share_warning(path)
        if share:
            warnings.append(share)
        if path.exists() and not os.access(path, os.W_OK):
            raise DatabaseError(
                f"The database {description} is read-only, so nothing could be saved in it. "
                "Ask for write access to the file, or copy it to a folder you can write to."
            )
    try:
        engine = make_engine(resolved)
        rev = current_revision(engine)
    except DatabaseError:
        raise
    except ImportError as exc:
        if "pq" not in str(exc):
            raise DatabaseError(f"Cannot open the database {description}: {exc}") from exc
        # The Linux build uses the system's PostgreSQL client library rather than a copy.
        raise DatabaseError(
            f"Cannot open the database {description}: PostgreSQL's client library (libpq) is not "
            "installed. Install it (Debian and Ubuntu: sudo apt install libpq5) and start the "
            "program again."
        ) from exc
    except Exception as exc:
        raise DatabaseError(f"Cannot open the database {description}: {exc}") from exc

    if rev is not None and rev != SCHEMA_HEAD and rev not in known_revisions():
        engine.dispose()
        raise DatabaseTooNew(
            f"The database {description} was written by a newer version of Scrutineer "
            f"(schema {rev}). It has not been changed. Install the newer version to open it."
        )
    backup_path = None
    created = rev is None
    if rev != SCHEMA_HEAD:
        if not migrate:
            raise DatabaseError(f"The database {description} needs an upgrade.")
        if path is not None and rev is not None:
            backup_path = backup_sqlite(path, rev)
        upgrade(engine)
    if path is not None:
        _use_wal(engine)
    database = Database(
        engine=engine,
        description=description,
        warnings=warnings,
        backup_path=backup_path,
        created=created,
        user=user or default_user(),
    )
    if (
        demo_on_first_run
        and created
        and not url
        and not os.environ.get(ENV_VAR)
        and installation_url() is None
    ):
        from .demo import load_demo

        with database.transaction(action="Load the demo") as session:
            load_demo(session)
    return database
