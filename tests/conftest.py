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

SEEDS = ROOT.parent / "shared" / "seeds"
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
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database(f"t{os.getpid()}_{next(_counter)}")


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A freshly migrated, empty database (SQLite and PostgreSQL)."""
    database = open_database(db_url)
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
