from __future__ import annotations

from domain.db import Database
from domain.demo import load_demo
from domain.ops import committees
from domain.ops.decisions_read import list_decision_rows


def test_decisions_are_listed_newest_meeting_first_with_latest_progress(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        load_demo(s)
        ecsc = next(c for c in committees.list_committees(s) if c.name.startswith("Education"))
        rows = list_decision_rows(s, committee_id=ecsc.id)
        years = committees.list_years(s, committee_id=ecsc.id)
    assert rows
    dates = [r.meeting_date for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert any(r.latest_progress for r in rows)
    assert all(r.status in ("ongoing", "complete") for r in rows)
    assert 2019 in years and years == sorted(set(years), reverse=True)
