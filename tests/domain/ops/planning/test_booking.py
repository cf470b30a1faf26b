"""Booking onto a meeting through the one ``book``: many items at once keep their order, a
cancelled meeting takes none, and the year's meetings follow the council's start month."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from domain.db import Database
from domain.errors import Invalid
from domain.models import Topic, TopicStatus
from domain.ops import committees, planning, topics
from domain.settings import DEFAULTS, save_settings


def _panel(db: Database, day: dt.date = dt.date(2019, 9, 11)) -> tuple[int, int]:
    with db.transaction() as s:
        cid = committees.create_committee(s, name="Panel").id
        mid = planning.add_meeting(
            s, committee_id=cid, starts_at=dt.datetime.combine(day, dt.time(14))
        ).id
    return cid, mid


def _topics(db: Database, cid: int, titles: list[str]) -> list[int]:
    with db.transaction() as s:
        return [
            topics.create_topic(s, committee_id=cid, year_start=2019, title=t).id for t in titles
        ]


def _agenda(db: Database, cid: int) -> list[tuple[int, str]]:
    with db.transaction() as s:
        view = planning.load_programme(s, committee_id=cid, year_start=2019)
    return [(e.position, e.title) for e in view.meetings[0].entries]


def test_booking_many_items_onto_one_meeting_keeps_the_agenda_order_exact(db: Database) -> None:
    cid, mid = _panel(db)
    first, last = _topics(db, cid, ["Opening"]), _topics(db, cid, ["Closing"])
    with db.transaction() as s:
        planning.book(s, topic_id=first[0], meeting_id=mid)
        planning.book(s, topic_id=last[0], meeting_id=mid)
    many = _topics(db, cid, [f"Item {i:03d}" for i in range(300)])
    with db.transaction() as s:
        done = planning.book_many(
            s, meeting_id=mid, bookings=[planning.Booking(t) for t in many], position=1
        )
        statuses = {s.get(Topic, t).status for t in many}  # type: ignore[union-attr]
    assert len(done.entry_ids) == 300 and statuses == {TopicStatus.SCHEDULED}
    titles = ["Opening", *(f"Item {i:03d}" for i in range(300)), "Closing"]
    assert _agenda(db, cid) == list(enumerate(titles))


def test_nothing_is_booked_onto_a_cancelled_meeting_by_anyone(db: Database) -> None:
    cid, mid = _panel(db)
    (tid,) = _topics(db, cid, ["Budget"])
    with db.transaction() as s:
        planning.cancel_meeting(s, meeting_id=mid)
    for book in (
        lambda s: planning.book(s, topic_id=tid, meeting_id=mid),
        lambda s: planning.book_many(s, meeting_id=mid, bookings=[planning.Booking(tid)]),
    ):
        with pytest.raises(Invalid, match="is cancelled; choose another"), db.transaction() as s:
            book(s)
    with db.transaction() as s:
        assert planning.list_meetings(s, committee_id=cid)[0].item_count == 0


def test_a_meeting_status_change_cannot_cancel_behind_cancel_meetings_back(db: Database) -> None:
    _cid, mid = _panel(db)
    with pytest.raises(Invalid, match="cancel_meeting"), db.transaction() as s:
        planning.set_meeting_status(s, meeting_id=mid, status="cancelled")


def test_a_meeting_in_april_is_in_the_new_year_when_the_council_year_starts_in_april(
    db: Database,
) -> None:
    cid, april = _panel(db, dt.date(2020, 4, 15))
    with db.transaction() as s:
        planning.add_meeting(s, committee_id=cid, starts_at=dt.datetime(2020, 3, 4, 14))
    with db.transaction() as s:
        may_year = [m.starts_at.date() for m in planning.list_meetings(s, committee_id=cid, year_start=2019)]
    assert may_year == [dt.date(2020, 3, 4), dt.date(2020, 4, 15)]
    with db.transaction() as s:
        save_settings(s, settings=replace(DEFAULTS, year_start_month=4))
    with db.transaction() as s:
        listed = [m.id for m in planning.list_meetings(s, committee_id=cid, year_start=2020)]
        shown = planning.planner_data(s, committee_id=cid, year_start=2020, today=dt.date(2020, 1, 6))
        loads = planning.meeting_loads(s, committee_id=cid, year_start=2020)
        before = [m.starts_at.date() for m in planning.list_meetings(s, committee_id=cid, year_start=2019)]
    assert listed == [april]
    assert [g.meeting.id for g in shown.programme.meetings] == [april]
    assert list(shown.deadlines) == [april] and [ld.meeting_id for ld in loads] == [april]
    assert before == [dt.date(2020, 3, 4)]


def test_an_item_with_no_estimate_takes_the_committees_minutes_and_an_old_council_value_is_ignored(
    db: Database,
) -> None:
    from domain.models import Setting
    from domain.settings import load_settings

    cid, mid = _panel(db)
    a, b = _topics(db, cid, ["Estimated", "Not estimated"])
    with db.transaction() as s:
        # "Minutes for an item" was once a council setting that nothing read.
        s.add(Setting(key="council.default_item_minutes", value="45"))
        committees.update_committee(s, committee_id=cid, minutes_per_item=20, capacity_minutes=60)
        s.get(Topic, a).estimated_minutes = 50  # type: ignore[union-attr]
        planning.book_many(s, meeting_id=mid, bookings=[planning.Booking(a), planning.Booking(b)])
    with db.transaction() as s:
        (load,) = planning.meeting_loads(s, committee_id=cid, year_start=2019)
        assert load_settings(s).council_name  # still reads
        save_settings(s, settings=replace(load_settings(s), max_items_per_officer=5))
    assert load.text == "70 of 60 minutes" and load.over


def test_an_import_names_the_row_that_asks_for_a_cancelled_meeting_and_imports_nothing(
    db: Database,
) -> None:
    from domain.io.csv import read_programme_csv
    from domain.io.layout import HEADER
    from domain.io.rows import ImportFileError
    from domain.ops.imports import import_rows

    cid, mid = _panel(db)
    with db.transaction() as s:
        planning.cancel_meeting(s, meeting_id=mid)
    text = ",".join(HEADER) + "\n13 Nov 2019,Budget,,Money,Ann\n11 Sept 2019,Libraries,,Books,Bob\n"
    rows = read_programme_csv(text)
    with pytest.raises(ImportFileError) as err, db.transaction() as s:
        import_rows(s, committee_id=cid, year_start=2019, rows=rows, file="p.csv")
    assert "p.csv, row 3" in str(err.value) and "11 September 2019 is cancelled" in str(err.value)
    with db.transaction() as s:
        assert [m.id for m in planning.list_meetings(s, committee_id=cid)] == [mid]
