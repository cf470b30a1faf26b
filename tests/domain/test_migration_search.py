"""The upgrade that made the search index, on a database with data in it: old rows are found by the search (on
SQLite through the index the migration fills) and can be carried into the next year; a later
table rebuild that drops the index's triggers is repaired on the next upgrade."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, text

from domain import db as dbmod
from domain import search_index
from domain.db import open_database
from domain.ops import next_year, search, topics


def _at_0007_with_data(url: str) -> None:
    # Ids well above 1: PostgreSQL's sequences do not see ids given by hand.
    engine = create_engine(url)
    dbmod.upgrade(engine, "0007")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO committee (id, name, short_name, remit, corporate_priorities, chair, vice_chair, members, co_opted, officer_name, officer_phone, officer_email, default_venue, minutes_per_item, programme_layout, version) VALUES (1, 'Audit Panel', 'AP', '', '', '', '', '', '', '', '', '', '', 30, 'scored', 1)"))
        conn.execute(text("INSERT INTO topic (id, committee_id, year_start, title, reason, responsible, source_ref, kind, status, status_reason, exempt, exempt_cleared_reason, version) VALUES (1001, 1, 2023, 'Treasury management', 'Half-year review of borrowing', 'Ms Pennywise', '', 'report', 'to_be_scheduled', '', false, '', 1)"))
        conn.execute(text("INSERT INTO criteria_set (id, name, revision, is_default, created_on, version) VALUES (1, 'PAPER', 1, true, :d, 1)"), {"d": dt.date(2023, 5, 1)})
        conn.execute(text("INSERT INTO criterion (id, criteria_set_id, position, letter, title, question, weight, version) VALUES (1, 1, 1, 'P', 'Public interest', 'Is it?', 1, 1)"))
        conn.execute(text("INSERT INTO assessment (id, topic_id, criteria_set_id, scorer, scored_on, agreed, note, version) VALUES (1, 1001, 1, 'Cllr Smith', :d, true, '', 1)"), {"d": dt.date(2023, 6, 1)})
        conn.execute(text("INSERT INTO answer (id, assessment_id, criterion_id, answer, evidence, version) VALUES (1, 1, 1, true, 'External auditor flagged liquidity', 1)"))
    engine.dispose()


def test_old_rows_are_found_and_carried_after_the_upgrade(db_url: str) -> None:
    _at_0007_with_data(db_url)
    database = open_database(db_url)
    try:
        with database.transaction() as s:
            assert [h.kind for h in search.search(s, query="borrowing").hits] == ["topic"]
            assert [h.kind for h in search.search(s, query="liquidity").hits] == ["answer"]
            carried = next_year.carry_forward(s, committee_id=1, year_start=2023, topic_ids=[1001])
        with database.transaction() as s:
            assert [t.title for t in topics.list_topics(s, committee_id=1, year_start=2024)] == ["Treasury management"]
            assert next_year.carried_from(s, topic_id=carried.rows[0].id) == (1001, 2023, "Treasury management")
    finally:
        database.close()


def test_an_index_trigger_a_later_rebuild_dropped_comes_back_with_the_rows_it_missed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'rebuilt.sqlite'}"
    _at_0007_with_data(url)
    open_database(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:  # as a migration's batch rebuild of the topic table would
        conn.exec_driver_sql("DROP TRIGGER search_topic_ai")
        conn.exec_driver_sql("DROP TRIGGER search_topic_au")
        conn.exec_driver_sql("UPDATE topic SET title = 'Capital strategy' WHERE id = 1001")
    dbmod.upgrade(engine)
    with engine.connect() as conn:
        assert search_index.present(conn)
        found = conn.exec_driver_sql(f"SELECT rowid FROM {search_index.TABLE} WHERE text LIKE '%capital strategy%'").all()
    engine.dispose()
    assert found == [(1001 * search_index.STRIDE + 1,)]


def test_an_upgrade_through_the_program_keeps_every_score(db_url: str) -> None:
    """A later migration that copies the topic table (SQLite's way to change one) must not
    delete the scores that refer to it, as foreign keys enforced during the copy once did."""
    _at_0007_with_data(db_url)
    open_database(db_url).close()
    engine = create_engine(db_url)
    with engine.connect() as conn:
        answers = conn.exec_driver_sql("SELECT evidence FROM answer").scalars().all()
        scorers = conn.exec_driver_sql("SELECT scorer FROM assessment").scalars().all()
    engine.dispose()
    assert answers == ["External auditor flagged liquidity"]
    assert scorers == ["Cllr Smith"]
