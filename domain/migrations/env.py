"""Alembic environment: the engine comes from ``domain.db`` (config attribute ``engine``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from domain.models import Base
from domain.search_index import is_ours

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        assert url is not None, "alembic.ini or the caller gives sqlalchemy.url"
        engine = create_engine(url)
    with engine.connect() as connection:
        # On SQLite a migration that changes a table copies it and drops the old one; with
        # foreign keys enforced, dropping the old topic table would delete every score and
        # booking that refers to it (ON DELETE CASCADE). SQLite's own procedure for such changes
        # (https://www.sqlite.org/lang_altertable.html#otheralter) turns enforcement off, which
        # only works outside a transaction, and checks the keys before committing.
        raw = connection.connection.driver_connection if connection.dialect.name == "sqlite" else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                context.configure(
                    connection=connection,
                    target_metadata=target_metadata,
                    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
                    compare_type=True,
                    # The search's index is made by a migration, not a model (domain.search_index).
                    include_name=lambda name, kind, _parent: not is_ours(name, kind),
                )
                context.run_migrations()
                if raw is not None:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"the upgrade would leave rows pointing nowhere: {broken[:5]}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")

run_migrations_online()
