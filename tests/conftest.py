"""Shared fixtures: databases on SQLite and on a throwaway PostgreSQL cluster."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pg import Cluster, PgUnavailable  # noqa: E402

from domain.db import Database, open_database  # noqa: E402

_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    try:
        cluster = Cluster()
        cluster.start()
    except (PgUnavailable, OSError, Exception) as exc:  # noqa: B014 - report any start failure
        if os.environ.get("SCRUTINY_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL is required here but could not start: {exc}")
        pytest.skip(f"no PostgreSQL server available: {exc}")
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite'}"
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name = f"t{os.getpid()}_{next(_counter)}"
    yield cluster.create_database(name)
    cluster.drop_database(name)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A freshly migrated, empty database (SQLite and PostgreSQL)."""
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.close()


def _copy_sqlite(template: Path, path: Path) -> str:
    import sqlite3

    src, dst = sqlite3.connect(template), sqlite3.connect(path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def _sqlite_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from domain.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(f"sqlite:///{path}")
    with database.transaction() as s:
        load_demo(s)
    database.close()
    return path


@pytest.fixture(scope="session")
def _pg_demo_template(pg_cluster: Cluster) -> str:
    from domain.demo import load_demo

    name = f"demo_template_{os.getpid()}"
    database = open_database(pg_cluster.create_database(name))
    with database.transaction() as s:
        load_demo(s)
    database.close()  # a template must have no open connections
    return name


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def demo_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database holding the demo data, on SQLite and on PostgreSQL.

    The demo is loaded once per run into a template that each test copies, which is much
    faster than loading it for every test.
    """
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("_sqlite_demo_template")
        url = _copy_sqlite(template, tmp_path / "demo.sqlite")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        template_name = request.getfixturevalue("_pg_demo_template")
        pg_name = f"t{os.getpid()}_{next(_counter)}"
        url = cluster.create_database(pg_name, template=template_name)
    database = open_database(url)
    try:
        yield database
    finally:
        database.close()
        if request.param == "postgres":
            cluster.drop_database(pg_name)


@pytest.fixture
def sqlite_demo_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The demo data on SQLite only (GUI tests and others that need one backend)."""
    template: Path = request.getfixturevalue("_sqlite_demo_template")
    database = open_database(_copy_sqlite(template, tmp_path / "demo.sqlite"))
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated SQLite database, for tests that need only one backend."""
    database = open_database(f"sqlite:///{tmp_path / 'test.sqlite'}")
    try:
        yield database
    finally:
        database.close()
