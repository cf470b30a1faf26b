"""Meetings that happen: a past meeting reads as held with nobody marking it; marking what
happened defers the items not taken in one undoable step; booking onto a past meeting or after
its report deadline is cautioned; headings and warnings agree; a suggestion is summed up once."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from test_planning_ops import NOV, SEPT, _ecsc, _meeting_on, _shape, _titles_on, _undo

from domain import scheduling
from domain.db import Database
from domain.errors import Conflict, Invalid
from domain.models import Meeting, ProgrammeEntry, Topic
from domain.ops import planning


def test_a_meeting_whose_day_has_passed_is_shown_held() -> None:
    day = dt.date(2019, 11, 13)
    assert scheduling.shown_status("scheduled", day, dt.date(2019, 11, 14)) == "held"
    assert scheduling.shown_status("moved", day, dt.date(2020, 1, 1)) == "held"
    assert scheduling.shown_status("scheduled", day, day) == "scheduled"  # it meets today
    assert scheduling.shown_status("scheduled", day, dt.date(2019, 11, 1)) == "scheduled"
    assert scheduling.shown_status("cancelled", day, dt.date(2020, 1, 1)) == "cancelled"
    assert scheduling.shown_status("adjourned", day, dt.date(2020, 1, 1)) == "adjourned"


def _agenda(db: Database, meeting_id: int, today: dt.date) -> planning.MeetingAgenda:
    with db.transaction(read_only=True) as s:
        return planning.meeting_agenda(s, meeting_id=meeting_id, today=today)


def test_marking_a_meeting_held_sends_the_items_not_taken_back_to_the_list_in_one_step(
    demo_db: Database,
) -> None:
    cid = _ecsc(demo_db)
    sept = _meeting_on(demo_db, cid, SEPT)
    today = dt.date(2019, 9, 12)
    agenda = _agenda(demo_db, sept, today)
    assert agenda.status == "held"  # its day has passed; nobody marked it yet
    with demo_db.transaction(read_only=True) as s:
        elsewhere = set(
            s.scalars(select(ProgrammeEntry.topic_id).where(ProgrammeEntry.meeting_id != sept))
        )
    # Two items booked nowhere else, so they go back to the list.
    not_taken = [e for e in agenda.entries if e.topic_id not in elsewhere and e.kind == "report"][:2]
    assert len(not_taken) == 2
    before = _shape(demo_db, cid)
    with demo_db.transaction() as s:
        done = planning.record_outcome(
            s, meeting_id=sept, outcome="held", not_taken=[e.id for e in not_taken], to="list",
            today=today, expected_version=agenda.meeting.version,
        )
    assert done.meeting.status == "held"
    assert done.message == (
        "The meeting of 11 Sept 2019 is recorded as held. 2 items not taken go to the items to "
        "be scheduled."
    )
    assert _titles_on(demo_db, sept) == [e.title for e in agenda.entries if e not in not_taken]
    with demo_db.transaction(read_only=True) as s:
        view = planning.load_programme(s, committee_id=cid, year_start=2019)
        waiting = {t.title for t in view.to_be_scheduled}
        reasons = [s.get(Topic, e.topic_id).status_reason for e in not_taken]
    assert {e.title for e in not_taken} <= waiting
    assert all("Not taken at the meeting of 11 Sept 2019 (held)" in r for r in reasons)
    _undo(demo_db, done)
    assert _shape(demo_db, cid) == before


def test_an_adjourned_meeting_defers_its_items_to_the_next_meeting_still_to_come(
    demo_db: Database,
) -> None:
    cid = _ecsc(demo_db)
    sept, nov = _meeting_on(demo_db, cid, SEPT), _meeting_on(demo_db, cid, NOV)
    today = dt.date(2019, 9, 12)
    agenda = _agenda(demo_db, sept, today)
    assert agenda.next_meeting is not None and agenda.next_meeting.id == nov
    last = agenda.entries[-1]
    with demo_db.transaction() as s:
        done = planning.record_outcome(
            s, meeting_id=sept, outcome="adjourned", not_taken=[last.id], to="next", today=today,
        )
    assert done.meeting.status == "adjourned"
    assert done.moved_entry_ids == (last.id,)
    assert _titles_on(demo_db, nov)[-1] == last.title
    with demo_db.transaction(read_only=True) as s:
        assert s.get(Meeting, sept).status.value == "adjourned"


def test_what_happened_cannot_be_recorded_before_the_meeting_or_over_a_newer_change(
    demo_db: Database,
) -> None:
    cid = _ecsc(demo_db)
    nov = _meeting_on(demo_db, cid, NOV)
    with demo_db.transaction() as s, pytest.raises(Invalid, match="has not taken place yet"):
        planning.record_outcome(s, meeting_id=nov, outcome="held", today=dt.date(2019, 9, 12))
    agenda = _agenda(demo_db, nov, dt.date(2019, 11, 14))
    with demo_db.transaction() as s:
        s.get(Meeting, nov).venue = "Council House"  # someone else's change
    with demo_db.transaction() as s, pytest.raises(Conflict):
        planning.record_outcome(
            s, meeting_id=nov, outcome="held", today=dt.date(2019, 11, 14),
            expected_version=agenda.meeting.version,
        )
    with demo_db.transaction(read_only=True) as s:
        assert s.get(Meeting, nov).status.value == "scheduled"


def _caution(db: Database, meeting_id: int, today: dt.date) -> str | None:
    with db.transaction(read_only=True) as s:
        return planning.booking_caution(s, meeting_id=meeting_id, today=today)


def test_booking_onto_a_past_meeting_or_after_its_report_deadline_is_cautioned(
    demo_db: Database,
) -> None:
    cid = _ecsc(demo_db)
    sept = _meeting_on(demo_db, cid, SEPT)
    assert _caution(demo_db, sept, dt.date(2019, 7, 11)) is None
    assert _caution(demo_db, sept, dt.date(2019, 9, 2)) == (
        "Reports for the meeting of 11 September 2019 were due on 29 August 2019; its agenda is "
        "published by 3 September 2019."
    )
    assert _caution(demo_db, sept, dt.date(2019, 9, 12)) == (
        "The meeting of 11 September 2019 has already taken place."
    )
    # Booking goes ahead (an old programme is being typed in), and its result says so.
    with demo_db.transaction(read_only=True) as s:
        topic_id = s.scalar(select(Topic.id).where(Topic.title == "School visits"))
    with demo_db.transaction() as s:
        booked = planning.book(s, topic_id=topic_id, meeting_id=sept, today=dt.date(2020, 1, 1))
    assert booked.warnings == (
        "'School visits' is booked onto the meeting of 11 Sept 2019, which has already taken "
        "place.",
    )


@pytest.mark.parametrize(
    "today", [dt.date(2019, 7, 11), dt.date(2019, 11, 13), dt.date(2019, 11, 14), dt.date(2026, 11, 29)]
)
def test_headings_and_the_warnings_list_never_disagree(demo_db: Database, today: dt.date) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction(read_only=True) as s:
        data = planning.planner_data(s, committee_id=cid, year_start=2019, today=today)
    over = {w.meeting_id for w in data.warnings if w.kind == "over_capacity"}
    nov = next(g.meeting for g in data.programme.meetings if g.meeting.starts_at.date() == NOV)
    for group in data.programme.meetings:
        text = data.load_text(group.meeting)
        assert ("too many" in text) == (group.meeting.id in over), (today, text)
    if today <= NOV:  # the demo's 13 Nov meeting has 7 items and room for 6
        assert data.load_text(nov) == "7 of 6 items (1 too many)"
        assert nov.id in over
    else:  # it has taken place: what it took is history, not a warning
        assert data.status_of(nov) == "held"
        assert data.load_text(nov) == "7 items"
    if today.year > 2020:
        assert not data.warnings
        assert data.all_clear == (
            "No warnings: every meeting of this year has taken place or is cancelled."
        )


def test_a_suggestion_is_summed_up_once_with_each_item_in_the_details(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction(read_only=True) as s:
        late = planning.suggest(s, committee_id=cid, year_start=2019, today=dt.date(2026, 11, 29))
        early = planning.suggest(s, committee_id=cid, year_start=2019, today=dt.date(2019, 7, 11))
    n = len(late.unplaced)
    assert n > 1 and not late.changes
    assert late.summary == (
        f"Nothing can be booked: {n} items could not be placed. No meeting is open for bookings: "
        "each one is past, cancelled or past its report deadline. Add a meeting first."
    )
    assert ".;" not in late.summary and late.summary.count("No meeting is open") == 1
    assert late.details == tuple(u.title for u in late.unplaced)
    placed = len(early.changes)
    meetings = len({p.meeting_id for p in early.changes})
    assert early.summary.startswith(f"{placed} items placed at {meetings} meeting")
