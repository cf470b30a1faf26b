"""The synthetic data generator used by the benchmarks: counts, realism, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from domain.db import Database, open_database
from domain.errors import Invalid
from domain.models import Answer, Assessment, Meeting, ProgrammeEntry, Topic
from domain.ops import planning, topics
from domain.synthetic import generate

TINY = {"committees": 2, "years": 2, "meetings_per_year": 3, "items_per_meeting": 4, "extra_topics_per_year": 5}


def dump(database: Database) -> dict[str, list[tuple]]:
    """Every generated row, as plain tuples, in id order."""
    out: dict[str, list[tuple]] = {}
    with database.transaction() as s:
        for model in (Meeting, Topic, Assessment, Answer, ProgrammeEntry):
            table = model.__table__
            out[table.name] = [tuple(r) for r in s.execute(select(table).order_by(table.c.id))]
    return out


def test_tiny_council_has_the_expected_counts(db: Database) -> None:
    with db.transaction() as s:
        summary = generate(s, **TINY, seed=7)
    assert summary.committees == 2
    assert summary.meetings == 2 * 2 * 3
    assert summary.entries == 2 * 2 * 3 * 4
    assert summary.topics == 2 * 2 * (3 * 4 + 5)
    data = dump(db)
    assert len(data["meeting"]) == summary.meetings
    assert len(data["programme_entry"]) == summary.entries
    assert len(data["topic"]) == summary.topics
    assert len(data["assessment"]) == summary.assessments
    assert len(data["answer"]) == summary.answers
    imported_col = Assessment.__table__.c.keys().index("imported_total")
    answered = [a for a in data["assessment"] if a[imported_col] is None]
    assert summary.answers == 6 * len(answered)  # six PAPER questions per answered score
    assert summary.assessments > summary.topics / 2  # most topics are scored, some several times


def test_the_generated_programmes_load_like_real_ones(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        generate(s, **TINY, seed=3)
    with sqlite_db.transaction() as s:
        from domain.ops import committees

        first = committees.list_committees(s)[0]
        years = committees.list_years(s, committee_id=first.id)
        view = planning.load_programme(s, committee_id=first.id, year_start=years[-1])
        listed = topics.list_topics(s, committee_id=first.id, year_start=years[-1])
    assert len(years) == 2
    assert len(view.meetings) == 3
    assert all(len(g.entries) == 4 for g in view.meetings)
    assert len(listed) == 3 * 4 + 5
    assert any(t.score is not None for t in listed)


def test_the_same_seed_gives_the_same_data_and_another_seed_does_not(tmp_path: Path) -> None:
    dumps = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        database = open_database(f"sqlite:///{tmp_path / name}.sqlite")
        try:
            with database.transaction() as s:
                generate(s, **TINY, seed=seed)
            dumps.append(dump(database))
        finally:
            database.close()
    assert dumps[0] == dumps[1]
    assert dumps[0]["topic"] != dumps[2]["topic"]


def test_generating_twice_into_one_database_is_refused(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        generate(s, **TINY)
    with pytest.raises(Invalid, match="already a committee"), sqlite_db.transaction() as s:
        generate(s, **TINY)
