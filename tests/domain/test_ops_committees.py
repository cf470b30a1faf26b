from __future__ import annotations

from domain.db import Database
from domain.ops import committees


def test_a_committees_years_are_listed_newest_first_without_repeats(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        ecsc = next(c for c in committees.list_committees(s) if c.name.startswith("Education"))
        years = committees.list_years(s, committee_id=ecsc.id)
    assert 2019 in years and years == sorted(set(years), reverse=True)
