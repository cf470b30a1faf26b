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
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
            compare_type=True,
            # The search's index is made by a migration, not a model (domain.search_index).
            include_name=lambda name, kind, _parent: not is_ours(name, kind),
        )
        context.run_migrations()


run_migrations_online()
