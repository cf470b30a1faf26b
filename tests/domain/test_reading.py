"""Reading through a plain connection (``Database.reading()``), as the print command and the
window's first screen do: the same data a session reads, and nothing ever written."""

from __future__ import annotations

from sqlalchemy import update

from domain import schema
from domain.db import Database
from domain.ops.committees import list_committees, list_years
from domain.ops.convert import committee_row_by_name
from domain.ops.topics import list_topics
from domain.printing.build import build_programme


def test_reading_shows_what_a_session_shows(demo_db: Database) -> None:
    with demo_db.transaction(read_only=True) as s:
        ecsc = committee_row_by_name(s, "ECSC").id
        expected = (
            list_committees(s),
            list_years(s, committee_id=ecsc),
            list_topics(s, committee_id=ecsc, year_start=2019),
            build_programme(s, committee_id=ecsc, year_start=2019, annex=True),
        )
    with demo_db.reading() as conn:
        read = (
            list_committees(conn),
            list_years(conn, committee_id=ecsc),
            list_topics(conn, committee_id=ecsc, year_start=2019),
            # the annex reads the scoring tool's ORM classes in the same transaction
            build_programme(conn, committee_id=ecsc, year_start=2019, annex=True),
        )
    assert read == expected
    assert expected[3].annex is not None and expected[3].annex.questions


def test_nothing_written_while_reading_is_kept(demo_db: Database) -> None:
    with demo_db.reading() as conn:
        before = list_committees(conn)
        first = before[0].id
        conn.execute(update(schema.committee).where(schema.committee.c.id == first).values(name="Renamed"))
    with demo_db.reading() as conn:
        assert list_committees(conn) == before
