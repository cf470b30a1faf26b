"""The demo data reproduces the seed programmes."""

from __future__ import annotations

import datetime as dt

from domain.db import Database
from domain.demo import load_demo
from domain.ops import committees, planning
from domain.ops.convert import committee_by_name


def test_demo_loads_both_committees_and_the_ecsc_programme(db: Database) -> None:
    with db.transaction() as s:
        names = load_demo(s)
    assert len(names) == 2
    with db.transaction() as s:
        listed = [c.name for c in committees.list_committees(s)]
        ecsc = committee_by_name(s, "ECSC")
        view = planning.load_programme(s, committee_id=ecsc.id, year_start=2019)
    assert "Education and Children's Social Care Overview and Scrutiny Committee" in listed
    assert [g.meeting.starts_at.date() for g in view.meetings] == [
        dt.date(2019, 7, 10), dt.date(2019, 9, 11), dt.date(2019, 11, 13),
        dt.date(2020, 1, 8), dt.date(2020, 3, 4),
    ]
    sept = view.meetings[1].entries
    assert [(e.title, e.score) for e in sept][:3] == [
        ("Child Exploitation", 2), ("Together for Childhood", None), ("Plymouth Challenge Update", 4)
    ]
    assert view.approved
    assert any(t.title == "School visits" for t in view.to_be_scheduled)
    assert {t.title for t in view.reviews} >= {"Fair Funding for Schools"}


def test_recreating_the_demo_replaces_it_rather_than_doubling_it(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        load_demo(s)
    with sqlite_db.transaction() as s:
        load_demo(s)
    with sqlite_db.transaction() as s:
        assert len(committees.list_committees(s)) == 2
        ecsc = committee_by_name(s, "ECSC")
        view = planning.load_programme(s, committee_id=ecsc.id, year_start=2019)
    assert sum(len(g.entries) for g in view.meetings) == 26
