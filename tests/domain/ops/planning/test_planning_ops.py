"""Planning use cases on the demo programme and on an empty database (SQLite and PostgreSQL):
meeting calendars, deadlines, capacity, standing items, moves, deferrals, suggestions,
warnings, and undo (restoring the state captured before) putting everything back exactly."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from domain.dates import parse_date_list
from domain.db import Database
from domain.deadlines import meetings_from_pattern
from domain.errors import Invalid
from domain.models import Committee, Meeting, ProgrammeEntry, Topic
from domain.ops import committees, planning, topics

ECSC = "Education and Children's Social Care Overview and Scrutiny Committee"
TODAY = dt.date(2019, 7, 11)  # the day after the July 2019 meeting


def _ecsc(db: Database) -> int:
    with db.transaction(read_only=True) as s:
        return s.scalar(select(Committee.id).where(Committee.name == ECSC))


def _shape(db: Database, cid: int, year: int = 2019) -> Any:
    """The programme as a user sees it, without the version counters undo bumps."""
    with db.transaction(read_only=True) as s:
        view = planning.load_programme(s, committee_id=cid, year_start=year)
        statuses = sorted((t.id, t.status.value, t.status_reason, t.needed_by) for t in s.scalars(select(Topic).where(Topic.committee_id == cid)))
        from domain.models import StandingExclusion

        excl = sorted(s.execute(select(StandingExclusion.meeting_id, StandingExclusion.topic_id)).all())
    meetings_ = [
        (
            g.meeting.id, g.meeting.starts_at, g.meeting.status, g.meeting.venue,
            [(e.id, e.topic_id, e.position, e.to_follow, e.verbal_update, e.pinned, e.provisional, e.note, e.purpose) for e in g.entries],
        )
        for g in view.meetings
    ]
    return meetings_, [t.id for t in view.to_be_scheduled], statuses, excl


def _undo(db: Database, result: planning.Undoable) -> None:
    with db.transaction() as s:
        planning.restore_state(s, state=result.before)


def _redo(db: Database, result: planning.Undoable) -> None:
    with db.transaction() as s:
        planning.restore_state(s, state=result.after)


def _meeting_on(db: Database, cid: int, day: dt.date) -> int:
    with db.transaction(read_only=True) as s:
        for m in planning.list_meetings(s, committee_id=cid):
            if m.starts_at.date() == day:
                return m.id
    raise AssertionError(day)


def _titles_on(db: Database, meeting_id: int) -> list[str]:
    with db.transaction() as s:
        rows = s.scalars(select(ProgrammeEntry).where(ProgrammeEntry.meeting_id == meeting_id).order_by(ProgrammeEntry.position))
        return [e.topic.title for e in rows]


def _topic_id(db: Database, title_start: str) -> int:
    with db.transaction(read_only=True) as s:
        return s.scalar(select(Topic.id).where(Topic.title.startswith(title_start)))


SEPT, NOV, JAN, MARCH = dt.date(2019, 9, 11), dt.date(2019, 11, 13), dt.date(2020, 1, 8), dt.date(2020, 3, 4)


# --- deadlines and capacity -------------------------------------------------------------------


def test_each_demo_meeting_shows_its_publication_date_and_report_deadline(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        found = {d.day: d for d in planning.meeting_deadlines(s, committee_id=cid, year_start=2019)}
    # Five clear working days: Wed 4 to Tue 10 Sept, so published by Tue 3 Sept; reports are
    # due three working days before that.
    assert found[SEPT].publication == dt.date(2019, 9, 3)
    assert found[SEPT].report_deadline == dt.date(2019, 8, 29)
    # 8 January 2020: New Year's Day is not a working day, so the clear days are 7, 6, 3, 2
    # January and 31 December, and the agenda goes out on Monday 30 December.
    assert found[JAN].publication == dt.date(2019, 12, 30)
    assert found[JAN].report_deadline == dt.date(2019, 12, 23)
    assert list(found) == sorted(found)


def test_council_closures_from_the_settings_move_the_deadlines(demo_db: Database) -> None:
    from dataclasses import replace

    from domain.settings import load_settings, save_settings

    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        save_settings(s, settings=replace(load_settings(s), extra_closures=(dt.date(2019, 12, 27), dt.date(2019, 12, 30), dt.date(2019, 12, 31)), report_days=5))
    with demo_db.transaction() as s:
        jan = next(d for d in planning.meeting_deadlines(s, committee_id=cid, year_start=2019) if d.day == JAN)
    # Closed from Christmas to New Year: the fifth clear day is Tuesday 24 December.
    assert jan.publication == dt.date(2019, 12, 23)
    assert jan.report_deadline == dt.date(2019, 12, 16)


def test_loads_count_items_against_the_committee_or_meeting_capacity(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    nov = _meeting_on(demo_db, cid, NOV)
    with demo_db.transaction() as s:
        loads = {ld.meeting_id: ld for ld in planning.meeting_loads(s, committee_id=cid, year_start=2019)}
    assert loads[nov].text == "7 of 6 items" and loads[nov].over
    assert loads[_meeting_on(demo_db, cid, SEPT)].text == "5 of 6 items"
    with demo_db.transaction() as s:
        m = s.get(Meeting, nov)
        m.capacity_items, m.capacity_minutes = 8, 240
        t = s.get(Topic, _topic_id(demo_db, "Young Carers"))
        t.estimated_minutes = 60
    with demo_db.transaction() as s:
        load = next(ld for ld in planning.meeting_loads(s, committee_id=cid, year_start=2019) if ld.meeting_id == nov)
    # Six items at the committee's 30 minutes each, and one estimated at an hour.
    assert load.text == "7 of 8 items, 240 of 240 minutes"
    assert not load.over and load.full


# --- the meeting calendar ---------------------------------------------------------------------


def test_meetings_from_a_pattern_skip_taken_days_get_standing_items_and_undo(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    before = _shape(demo_db, cid)
    dates = meetings_from_pattern(dt.date(2020, 3, 4), every_weeks=4, count=3)  # 4 Mar, 1 Apr, 29 Apr
    with demo_db.transaction() as s:
        done = planning.create_meetings(s, committee_id=cid, dates=dates)
    assert done.skipped == (MARCH,)
    assert [m.starts_at for m in done.created] == [dt.datetime(2020, 4, 1, 14), dt.datetime(2020, 4, 29, 14)]
    assert all(m.venue == "Warspite Room, Council House" for m in done.created)
    for m in done.created:
        assert _titles_on(demo_db, m.id) == ["Corporate Performance and Finance Outturn Report - Education focus"]
    assert len(done.standing_entry_ids) == 2

    _undo(demo_db, done)
    assert _shape(demo_db, cid) == before
    _redo(demo_db, done)
    with demo_db.transaction() as s:
        assert {m.id for m in planning.list_meetings(s, committee_id=cid)} >= {m.id for m in done.created}
    assert _titles_on(demo_db, done.created[0].id) == ["Corporate Performance and Finance Outturn Report - Education focus"]


def test_a_pasted_list_of_dates_makes_meetings_at_the_given_time(db: Database) -> None:
    with db.transaction() as s:
        cid = committees.create_committee(s, name="Panel", default_venue="Council House").id
    dates = parse_date_list("Wednesday 11 Sept 2019\n13/11/2019\n\n8 Jan 2020\n")
    with db.transaction() as s:
        done = planning.create_meetings(s, committee_id=cid, dates=dates, time=dt.time(10, 0), venue="Room 1")
    assert [m.starts_at for m in done.created] == [
        dt.datetime(2019, 9, 11, 10), dt.datetime(2019, 11, 13, 10), dt.datetime(2020, 1, 8, 10)
    ]
    assert {m.venue for m in done.created} == {"Room 1"}
    with db.transaction() as s, pytest.raises(Invalid, match="at least one"):
        planning.create_meetings(s, committee_id=cid, dates=[])


def test_cancelling_a_meeting_moves_its_items_where_the_user_says(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    sept, march = _meeting_on(demo_db, cid, SEPT), _meeting_on(demo_db, cid, MARCH)
    sept_titles, march_titles = _titles_on(demo_db, sept), _titles_on(demo_db, march)
    before = _shape(demo_db, cid)

    with demo_db.transaction() as s:
        to_march = planning.cancel_meeting(s, meeting_id=sept, move_items_to=march)
    assert to_march.meeting.status == "cancelled" and to_march.meeting.item_count == 0
    assert _titles_on(demo_db, march) == march_titles + sept_titles
    _undo(demo_db, to_march)
    assert _shape(demo_db, cid) == before

    with demo_db.transaction() as s:
        to_list = planning.cancel_meeting(s, meeting_id=sept, move_items_to="list")
    with demo_db.transaction() as s:
        waiting = {t.title for t in planning.load_programme(s, committee_id=cid, year_start=2019).to_be_scheduled}
    # The Ofsted plan is also on the January agenda, so it is still scheduled there.
    ofsted = "OFSTED Inspection of Children, Young People and Families Service – Action/ Improvement Plans"
    assert set(sept_titles) - waiting == {ofsted}
    assert ofsted in _titles_on(demo_db, _meeting_on(demo_db, cid, JAN))
    _undo(demo_db, to_list)
    assert _shape(demo_db, cid) == before

    with demo_db.transaction() as s:
        kept = planning.cancel_meeting(s, meeting_id=sept, move_items_to=None)
    assert _titles_on(demo_db, sept) == sept_titles
    with demo_db.transaction() as s:
        warnings = planning.programme_warnings(s, committee_id=cid, year_start=2019, today=TODAY)
    assert any(w.kind == "cancelled_meeting" and w.meeting_id == sept for w in warnings)
    _undo(demo_db, kept)
    assert _shape(demo_db, cid) == before

    with demo_db.transaction() as s, pytest.raises(Invalid, match="another meeting"):
        planning.cancel_meeting(s, meeting_id=sept, move_items_to=sept)
    assert _shape(demo_db, cid) == before


# --- booking, moves and flags -----------------------------------------------------------------


def test_booking_after_the_report_deadline_is_made_with_a_warning(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    sept = _meeting_on(demo_db, cid, SEPT)
    tid = _topic_id(demo_db, "School visits")
    with demo_db.transaction() as s:
        early = planning.book(s, topic_id=tid, meeting_id=sept, today=dt.date(2019, 8, 1))
    assert early.warnings == ()
    _undo(demo_db, early)
    with demo_db.transaction() as s:
        late = planning.book(s, topic_id=tid, meeting_id=sept, position=0, today=dt.date(2019, 8, 30))
    assert late.entry.position == 0
    assert late.warnings == (
        "'School visits' is booked for 11 Sept 2019 after its report deadline of 29 Aug 2019; "
        "the agenda is published by 3 Sept 2019.",
    )
    assert _titles_on(demo_db, sept)[0] == "School visits"


def test_moves_reorder_change_meeting_and_go_back_to_the_list_each_undone(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    sept, march = _meeting_on(demo_db, cid, SEPT), _meeting_on(demo_db, cid, MARCH)
    original = _shape(demo_db, cid)
    titles = _titles_on(demo_db, sept)
    with demo_db.transaction() as s:
        entries = [e.id for e in s.scalars(select(ProgrammeEntry).where(ProgrammeEntry.meeting_id == sept).order_by(ProgrammeEntry.position))]

    with demo_db.transaction() as s:
        reorder = planning.move_entry(s, entry_id=entries[3], meeting_id=sept, position=0)
    assert _titles_on(demo_db, sept) == [titles[3], *titles[:3], titles[4]]
    _undo(demo_db, reorder)
    assert _shape(demo_db, cid) == original

    with demo_db.transaction() as s:
        across = planning.move_entry(s, entry_id=entries[0], meeting_id=march, position=1, today=dt.date(2020, 2, 28))
    assert _titles_on(demo_db, march)[1] == titles[0]
    assert titles[0] not in _titles_on(demo_db, sept)
    assert across.warnings and "report deadline" in across.warnings[0]
    _undo(demo_db, across)
    assert _shape(demo_db, cid) == original
    _redo(demo_db, across)
    assert _titles_on(demo_db, march)[1] == titles[0]
    _undo(demo_db, across)

    with demo_db.transaction() as s:
        back = planning.move_entry(s, entry_id=entries[2], meeting_id=None)
    assert back.entry is None
    with demo_db.transaction() as s:
        waiting = [t.title for t in planning.load_programme(s, committee_id=cid, year_start=2019).to_be_scheduled]
    assert titles[2] in waiting
    assert _titles_on(demo_db, sept) == [titles[0], titles[1], titles[3], titles[4]]
    _undo(demo_db, back)
    assert _shape(demo_db, cid) == original


def test_flags_to_follow_and_verbal_update_are_set_and_undone(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    sept = _meeting_on(demo_db, cid, SEPT)
    original = _shape(demo_db, cid)
    with demo_db.transaction() as s:
        eid = s.scalar(select(ProgrammeEntry.id).where(ProgrammeEntry.meeting_id == sept, ProgrammeEntry.position == 2))
        done = planning.set_entry_flags(s, entry_id=eid, to_follow=True, verbal_update=True)
    assert done.entry.to_follow and done.entry.verbal_update
    _undo(demo_db, done)
    assert _shape(demo_db, cid) == original


# --- standing items ---------------------------------------------------------------------------


def test_standing_items_go_on_every_meeting_once_and_stay_off_where_removed(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    standing = "Corporate Performance and Finance Outturn Report - Education focus"
    sept, nov = _meeting_on(demo_db, cid, SEPT), _meeting_on(demo_db, cid, NOV)
    held = _meeting_on(demo_db, cid, dt.date(2019, 7, 10))
    original = _shape(demo_db, cid)
    with demo_db.transaction() as s:
        placed = planning.place_standing_items(s, committee_id=cid, year_start=2019)
    # The demo has it on November, January and March; September lacks it, July was held.
    assert len(placed.entry_ids) == 1
    assert _titles_on(demo_db, sept)[-1] == standing
    assert standing not in _titles_on(demo_db, held)
    with demo_db.transaction() as s:
        assert planning.place_standing_items(s, committee_id=cid, year_start=2019).entry_ids == ()

    with demo_db.transaction() as s:
        eid = s.scalar(select(ProgrammeEntry.id).join(Topic).where(ProgrammeEntry.meeting_id == nov, Topic.title == standing))
        removed = planning.move_entry(s, entry_id=eid, meeting_id=None)
    with demo_db.transaction() as s:
        again = planning.place_standing_items(s, committee_id=cid, year_start=2019)
        assert s.get(Topic, _topic_id(demo_db, "Corporate Performance")).status.value == "scheduled"
    assert again.entry_ids == ()
    assert standing not in _titles_on(demo_db, nov)

    with demo_db.transaction() as s, pytest.raises(Invalid, match="standing item"):
        eid = s.scalar(select(ProgrammeEntry.id).join(Topic).where(ProgrammeEntry.meeting_id == sept, Topic.title == standing))
        planning.move_entry(s, entry_id=eid, meeting_id=nov)

    _undo(demo_db, removed)
    assert standing in _titles_on(demo_db, nov)
    _undo(demo_db, placed)
    assert _shape(demo_db, cid) == original


def test_a_new_meeting_gets_the_standing_items_of_its_year(db: Database) -> None:
    with db.transaction() as s:
        cid = committees.create_committee(s, name="Panel").id
        standing = topics.create_topic(s, committee_id=cid, year_start=2019, title="Tracking Decisions", kind="standing", status="accepted").id
        topics.create_topic(s, committee_id=cid, year_start=2019, title="Old item", kind="standing", status="withdrawn")
        topics.create_topic(s, committee_id=cid, year_start=2020, title="Next year's item", kind="standing", status="accepted")
    with db.transaction() as s:
        done = planning.create_meetings(s, committee_id=cid, dates=[dt.date(2019, 9, 11)])
    assert _titles_on(db, done.created[0].id) == ["Tracking Decisions"]
    with db.transaction() as s:
        assert s.get(Topic, standing).status.value == "scheduled"
    _undo(db, done)
    with db.transaction() as s:
        assert s.get(Topic, standing).status.value == "accepted"
        assert s.scalars(select(Meeting)).all() == []


# --- defer and bring back ---------------------------------------------------------------------


def test_deferring_to_the_next_meeting_keeps_the_reason_and_a_history_line(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    sept, nov = _meeting_on(demo_db, cid, SEPT), _meeting_on(demo_db, cid, NOV)
    original = _shape(demo_db, cid)
    with demo_db.transaction() as s:
        eid = s.scalar(select(ProgrammeEntry.id).join(Topic).where(ProgrammeEntry.meeting_id == sept, Topic.title.startswith("Early Help")))
        with pytest.raises(Invalid, match="why"):
            planning.defer_entry(s, entry_id=eid, reason="  ")
        done = planning.defer_entry(s, entry_id=eid, reason="Report not ready", today=dt.date(2019, 8, 20))
    assert done.to_meeting is not None and done.to_meeting.id == nov
    assert _titles_on(demo_db, nov)[-1].startswith("Early Help")
    line = "Deferred from 11 Sept 2019 to 13 Nov 2019 on 20 Aug 2019: Report not ready"
    assert done.entry is not None and done.entry.note == line
    with demo_db.transaction() as s:
        assert s.get(Topic, done.entry.topic_id).status_reason.endswith(line)
    _undo(demo_db, done)
    assert _shape(demo_db, cid) == original

    with demo_db.transaction() as s:
        to_list = planning.defer_entry(s, entry_id=eid, reason="Awaiting Ofsted", to="list", today=dt.date(2019, 8, 20))
    with demo_db.transaction() as s:
        t = s.get(Topic, done.entry.topic_id)
        assert t.status.value == "to_be_scheduled"
        assert t.status_reason.endswith("Deferred from 11 Sept 2019 to be scheduled on 20 Aug 2019: Awaiting Ofsted")
    _undo(demo_db, to_list)
    assert _shape(demo_db, cid) == original


def test_deferring_goes_to_the_next_meeting_still_to_come_not_one_already_past(demo_db: Database) -> None:
    """Deferred from September in December, an item goes to January: November has taken place."""
    cid = _ecsc(demo_db)
    sept = _meeting_on(demo_db, cid, SEPT)
    with demo_db.transaction() as s:
        eid = s.scalar(select(ProgrammeEntry.id).join(Topic).where(ProgrammeEntry.meeting_id == sept, Topic.title.startswith("Early Help")))
        done = planning.defer_entry(s, entry_id=eid, reason="Report not ready", today=dt.date(2019, 12, 2))
    assert done.to_meeting is not None
    assert done.to_meeting.starts_at.date() == dt.date(2020, 1, 8)
    with demo_db.transaction() as s, pytest.raises(Invalid, match="still to come"):
        planning.defer_entry(s, entry_id=done.entry.id, reason="Again", today=dt.date(2020, 6, 1))


def test_bring_back_in_six_months_books_a_provisional_entry_in_january(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    original = _shape(demo_db, cid)
    tid = _topic_id(demo_db, "School visits")
    with demo_db.transaction() as s:
        done = planning.bring_back(s, topic_id=tid, months=6, from_date=dt.date(2019, 7, 10))
    assert done.entry is not None and done.entry.provisional
    assert done.entry.meeting_id == _meeting_on(demo_db, cid, JAN)
    _undo(demo_db, done)
    assert _shape(demo_db, cid) == original

    with demo_db.transaction() as s:
        later = planning.bring_back(s, topic_id=tid, months=12, from_date=dt.date(2019, 7, 10))
    assert later.entry is None and later.needed_by == dt.date(2020, 7, 10)
    assert "no meeting in or after July 2020" in later.message
    _undo(demo_db, later)
    assert _shape(demo_db, cid) == original


# --- suggestions and warnings -----------------------------------------------------------------


def test_suggest_and_accept_on_the_demo_then_undo(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    original = _shape(demo_db, cid)
    sept, march = _meeting_on(demo_db, cid, SEPT), _meeting_on(demo_db, cid, MARCH)
    with demo_db.transaction() as s:
        waiting = {t.id for t in planning.load_programme(s, committee_id=cid, year_start=2019).to_be_scheduled if t.kind == "report"}
        proposal = planning.suggest(s, committee_id=cid, year_start=2019, today=TODAY)
    # September has room for one more item, November and January are full, March takes four.
    assert [p.meeting_day for p in proposal.changes] == [SEPT, MARCH, MARCH, MARCH, MARCH]
    assert {p.topic_id for p in proposal.placements} | {u.topic_id for u in proposal.unplaced} == waiting
    assert all("full" in u.reason for u in proposal.unplaced)

    chosen = proposal.changes[:3]
    with demo_db.transaction() as s:
        accepted = planning.accept_suggestion(s, placements=chosen)
    assert len(accepted.entry_ids) == 3
    with demo_db.transaction() as s:
        booked = [s.get(ProgrammeEntry, i) for i in accepted.entry_ids]
        assert [e.meeting_id for e in booked] == [sept, march, march]
        assert not any(e.pinned for e in booked)
    assert _titles_on(demo_db, sept)[-1] == chosen[0].title

    # Asking again keeps the accepted bookings where they are and offers the rest.
    with demo_db.transaction() as s:
        again = planning.suggest(s, committee_id=cid, year_start=2019, today=TODAY)
    assert [p.topic_id for p in again.changes] == [p.topic_id for p in proposal.changes[3:]]

    _undo(demo_db, accepted)
    assert _shape(demo_db, cid) == original
    with demo_db.transaction() as s, pytest.raises(Invalid, match="at least one"):
        planning.accept_suggestion(s, placements=[])


def test_warnings_name_an_overfull_meeting_and_an_overloaded_officer(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    nov = _meeting_on(demo_db, cid, NOV)
    with demo_db.transaction() as s:
        found = planning.programme_warnings(s, committee_id=cid, year_start=2019, today=TODAY)
    over = [w for w in found if w.kind == "over_capacity"]
    assert [w.meeting_id for w in over] == [nov]
    assert over[0].message == "13 Nov 2019 has 7 items; its capacity is 6."
    with demo_db.transaction() as s:
        t = s.get(Topic, _topic_id(demo_db, "Young Carers"))
        t.needed_by = dt.date(2019, 10, 1)
        found = planning.programme_warnings(s, committee_id=cid, year_start=2019, today=TODAY)
    assert any(w.kind == "after_needed_by" and "needed by 1 Oct 2019" in w.message for w in found)
