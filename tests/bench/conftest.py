"""Shared benchmark fixtures: a synthetic council database, built once and cached under /tmp.

Building the default 20 committees x 10 years takes seconds, so the file is kept between runs,
keyed by the generator's parameters and a hash of the generator's source and of the migration
files (editing ``domain/synthetic.py`` or adding a migration builds a fresh one, so a
benchmark never times a schema upgrade of a stale file).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from domain import audit, synthetic
from domain.db import MIGRATIONS_DIR, SCHEMA_HEAD, open_database

CACHE_DIR = Path(tempfile.gettempdir()) / "scrutineer-bench"
DEFAULTS = {
    "committees": 20,
    "years": 10,
    "meetings_per_year": 8,
    "items_per_meeting": 10,
    "extra_topics_per_year": 70,
    "seed": 1,
}


def _source_hash() -> str:
    digest = hashlib.sha256(Path(synthetic.__file__).read_bytes())
    for migration in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        digest.update(migration.name.encode())
    return digest.hexdigest()[:12]


def build_synthetic(**params: int) -> Path:
    """The path of an SQLite file holding ``synthetic.generate(**params)``, built if missing."""
    values = {**DEFAULTS, **params}
    key = "-".join(f"{k[0]}{v}" for k, v in sorted(values.items()))
    path = CACHE_DIR / f"synthetic-{SCHEMA_HEAD}-{_source_hash()}-{key}.sqlite"
    if path.exists():
        return path
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    # Built under a temporary name and renamed, so an interrupted build is never reused.
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    database = open_database(f"sqlite:///{partial}")
    # The council stands for years of data already there, not for anyone's change: recording
    # its 100,000 rows in the history would make building it four times slower.
    audit.uninstall(database.sessions)
    try:
        started = time.perf_counter()
        with database.transaction() as session:
            summary = synthetic.generate(session, **values)
        seconds = time.perf_counter() - started
    finally:
        database.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    os.replace(partial, path)
    print(f"\nbuilt {path.name}: {summary} in {seconds:.1f} s")
    return path


@pytest.fixture(scope="session")
def byte_compiled() -> None:
    """The project's modules byte-compiled, as an installed program's are: a checkout run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module changed since in every
    process a benchmark starts, and time that."""
    import compileall

    root = Path(__file__).resolve().parents[2]
    for package in ("domain", "gui"):
        compileall.compile_dir(root / package, quiet=1)


@pytest.fixture(scope="session")
def synthetic_db() -> Callable[..., Path]:
    """Call with generator parameters (default: the full 20 x 10 x 8 x 10 council)."""
    return build_synthetic


@pytest.fixture(scope="session")
def big_council(synthetic_db: Callable[..., Path]) -> Path:
    return synthetic_db()
