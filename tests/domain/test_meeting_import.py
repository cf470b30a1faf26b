"""Meetings brought in from Modern.gov and calendars: what an advisor sees after importing,
importing again, undoing and redoing, and two imports at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from domain.db import Database
from domain.errors import Conflict
from domain.io.meetings import read_meetings_file
from domain.io.rows import ImportFileError
from domain.models import Meeting, MeetingStatus, TopicKind, TopicStatus
from domain.ops import committees, planning, topics
from domain.ops.meeting_import import (
    import_meetings,
    plan_meeting_import,
    redo_meeting_import,
    undo_meeting_import,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MEETINGS = read_meetings_file(FIXTURES / "modgov_getmeetings_ecsc.xml")
AGENDA = read_meetings_file(FIXTURES / "modgov_getmeeting_ecsc.xml")
CALENDAR = read_meetings_file(FIXTURES / "ecsc_meetings.ics")


@pytest.fixture
def ecsc(db: Database) -> int:
    """A committee with its two standing items for 2020-21 and no meetings yet."""
    with db.transaction() as s:
        c = committees.create_committee(s, name="Education and Children's Social Care")
        for title in ("Tracking Decisions", "Work Programme"):
            topics.create_topic(
                s, committee_id=c.id, year_start=2020, title=title,
                kind=TopicKind.STANDING, status=TopicStatus.ACCEPTED,
            )  # fmt: skip
    return c.id


def shown(db: Database, committee_id: int) -> list[tuple]:
    """The year as the planner shows it: each meeting with its items, and the Part II flags."""
    with db.transaction() as s:
        view = planning.load_programme(s, committee_id=committee_id, year_start=2020)
        links = {m.id: m.modgov_id for m in s.query(Meeting).filter_by(committee_id=committee_id)}
    return [
        (g.meeting.id, g.meeting.starts_at, g.meeting.venue, g.meeting.status, links[g.meeting.id],
         [(e.id, e.topic_id, e.title, e.reason, e.exempt, e.exempt_paragraph) for e in g.entries])
        for g in view.meetings
    ]  # fmt: skip


def test_the_years_meetings_come_in_and_the_rest_are_counted(db: Database, ecsc: int) -> None:
    with db.transaction() as s:
        done = import_meetings(s, committee_id=ecsc, year_start=2020, meetings=MEETINGS)
    plan = done.plan
    assert [p.modgov_id for p in plan.added] == [4103, 4104, 4105, 4106]
    assert plan.left_out == (dt.date(2019, 9, 11), dt.date(2019, 11, 27), dt.date(2021, 6, 16))
    assert plan.summary() == (
        "4 meetings added (1 cancelled) — "
        "Education and Children's Social Care, 2020 - 21. 3 meetings outside 2020 - 21 left out "
        "(11 September 2019 to 16 June 2021)."
    )
    rows = shown(db, ecsc)
    assert [(r[1], r[3], r[4]) for r in rows] == [
        (dt.datetime(2020, 9, 9, 14), "scheduled", 4103),
        (dt.datetime(2020, 11, 11, 14), "scheduled", 4104),
        (dt.datetime(2021, 1, 13, 10), "cancelled", 4105),
        (dt.datetime(2021, 3, 10, 14), "scheduled", 4106),
    ]
    # New meetings get the standing items, as any new meeting does; a cancelled one does not.
    assert [[e[2] for e in r[5]] for r in rows] == [
        ["Tracking Decisions", "Work Programme"], ["Tracking Decisions", "Work Programme"], [],
        ["Tracking Decisions", "Work Programme"],
    ]  # fmt: skip


def test_importing_the_same_answer_twice_changes_nothing_the_second_time(db: Database, ecsc: int) -> None:
    for source in (MEETINGS, AGENDA, CALENDAR):
        with db.transaction() as s:
            import_meetings(s, committee_id=ecsc, year_start=2020, meetings=source)
    before = shown(db, ecsc)
    for source in (MEETINGS, AGENDA):
        with db.transaction() as s:
            again = import_meetings(s, committee_id=ecsc, year_start=2020, meetings=source)
        assert again.plan.nothing_to_do
    assert again.plan.summary().startswith(
        "Nothing to change: the meeting of 2020 - 21 in this file is already in Education"
    )
    assert shown(db, ecsc) == before


def test_an_agenda_books_standing_items_by_title_and_makes_the_rest_topics(db: Database, ecsc: int) -> None:
    with db.transaction() as s:
        import_meetings(s, committee_id=ecsc, year_start=2020, meetings=MEETINGS)
        standing = {t.title: t.id for t in topics.list_topics(s, committee_id=ecsc, year_start=2020)}
        plan = plan_meeting_import(s, committee_id=ecsc, year_start=2020, meetings=AGENDA)
    (changed,) = plan.changed
    assert changed.changes == ("venue becomes Warspite Room, Council House",)
    assert [(i.title, i.exempt) for i in changed.items] == [
        ("School Attendance Consultation", False),
        ("Children's Residential Care Commissioning Contract", True),
    ]  # the standing items are on it already
    with db.transaction() as s:
        import_meetings(s, committee_id=ecsc, year_start=2020, meetings=AGENDA)
    first = shown(db, ecsc)[0]
    assert first[2] == "Warspite Room, Council House"
    items = first[5]
    assert [(e[1] in standing.values(), e[2]) for e in items] == [
        (True, "Tracking Decisions"), (True, "Work Programme"),
        (False, "School Attendance Consultation"),
        (False, "Children's Residential Care Commissioning Contract"),
    ]  # fmt: skip
    school, restricted = items[2], items[3]
    assert school[3].startswith("Members requested that the School Attendance Consultation")
    assert "<" not in school[3] and not school[4]
    assert (restricted[4], restricted[5]) == (True, 3)  # exempt, Part II paragraph 3


def test_an_agenda_for_a_meeting_not_yet_imported_gives_just_its_items(db: Database, ecsc: int) -> None:
    with db.transaction() as s:
        import_meetings(s, committee_id=ecsc, year_start=2020, meetings=AGENDA)
    (only,) = shown(db, ecsc)
    assert only[4] == 4103
    assert [e[2] for e in only[5]] == [
        "Tracking Decisions", "School Attendance Consultation",
        "Children's Residential Care Commissioning Contract", "Work Programme",
    ]  # fmt: skip


def test_a_meeting_made_by_hand_on_the_day_is_linked_not_doubled(db: Database, ecsc: int) -> None:
    with db.transaction() as s:
        own = planning.add_meeting(s, committee_id=ecsc, starts_at=dt.datetime(2020, 11, 11, 10, 0))
    with db.transaction() as s:
        plan = plan_meeting_import(s, committee_id=ecsc, year_start=2020, meetings=MEETINGS)
        import_meetings(s, committee_id=ecsc, year_start=2020, meetings=MEETINGS)
    (changed,) = plan.changed
    assert changed.meeting_id == own.id
    assert changed.changes == (
        "linked to Modern.gov meeting 4104",
        "moves from 10:00 on 11 November 2020 to 14:00 on 11 November 2020",
    )
    rows = shown(db, ecsc)
    assert len(rows) == 4
    assert [(r[0], r[1], r[4]) for r in rows if r[0] == own.id] == [(own.id, dt.datetime(2020, 11, 11, 14), 4104)]


def test_a_meeting_cancelled_in_modern_gov_is_cancelled_here_and_keeps_its_items(db: Database, ecsc: int) -> None:
    with db.transaction() as s:
        import_meetings(s, committee_id=ecsc, year_start=2020, meetings=MEETINGS)
    cancelled_now = read_meetings_file(
        (FIXTURES / "modgov_getmeetings_ecsc.xml").read_bytes().replace(
            b"<meetingdate>11/11/2020</meetingdate>\n        <meetingtime>2.00 pm</meetingtime>\n"
            b"        <meetingstatus>Confirmed",
            b"<meetingdate>11/11/2020</meetingdate>\n        <meetingtime>2.00 pm</meetingtime>\n"
            b"        <meetingstatus>Cancelled",
        ),
        name="again.xml",
    )
    with db.transaction() as s:
        done = import_meetings(s, committee_id=ecsc, year_start=2020, meetings=cancelled_now)
    assert [p.changes for p in done.plan.changed] == [("cancelled (its items stay on it, to be moved)",)]
    november = shown(db, ecsc)[1]
    assert november[3] == "cancelled" and len(november[5]) == 2


def test_undo_puts_everything_back_and_redo_makes_it_again_with_the_same_ids(db: Database, ecsc: int) -> None:
    with db.transaction() as s:
        planning.add_meeting(s, committee_id=ecsc, starts_at=dt.datetime(2020, 9, 9, 10, 0), venue="Room 1")
    before = shown(db, ecsc)
    with db.transaction() as s:
        import_meetings(s, committee_id=ecsc, year_start=2020, meetings=MEETINGS)
    with db.transaction() as s:
        done = import_meetings(s, committee_id=ecsc, year_start=2020, meetings=AGENDA)
    after = shown(db, ecsc)
    with db.transaction() as s:
        left = undo_meeting_import(s, imported=done, expected=done.after)
    with db.transaction() as s:
        redone = redo_meeting_import(s, imported=done, expected=left)
    assert shown(db, ecsc) == after
    with db.transaction() as s:
        undo_meeting_import(s, imported=done, expected=redone)
    with db.transaction() as s:
        assert not any(t.title == "School Attendance Consultation"
                       for t in topics.list_topics(s, committee_id=ecsc, year_start=2020))
    assert [r[4] for r in shown(db, ecsc)] == [4103, 4104, 4105, 4106]
    assert shown(db, ecsc)[0][2] == "Room 1"
    assert before[0][0] == shown(db, ecsc)[0][0]


def test_undo_after_someone_else_changed_an_imported_meeting_says_so(db: Database, ecsc: int) -> None:
    with db.transaction() as s:
        done = import_meetings(s, committee_id=ecsc, year_start=2020, meetings=MEETINGS)
    with db.transaction() as s:
        first = planning.list_meetings(s, committee_id=ecsc, year_start=2020)[0]
        planning.move_meeting(s, meeting_id=first.id, starts_at=dt.datetime(2020, 9, 10, 14))
    before = shown(db, ecsc)
    with pytest.raises(Conflict), db.transaction() as s:
        undo_meeting_import(s, imported=done, expected=done.after)
    assert shown(db, ecsc) == before


def test_the_database_refuses_a_second_meeting_with_the_same_modern_gov_id(db: Database, ecsc: int) -> None:
    """Two advisors importing at once: whichever commits second is refused by the database
    itself, whatever each transaction read."""
    with db.transaction() as s:
        s.add(Meeting(committee_id=ecsc, starts_at=dt.datetime(2020, 9, 9, 14), modgov_id=4103))
    with pytest.raises(Conflict), db.transaction() as s:
        s.add(Meeting(committee_id=ecsc, starts_at=dt.datetime(2020, 9, 9, 14), modgov_id=4103))
    with db.transaction() as s:
        other = committees.create_committee(s, name="Other")
        s.add(Meeting(committee_id=other.id, starts_at=dt.datetime(2020, 9, 9, 14), modgov_id=4103))
    with db.transaction() as s:
        assert s.query(Meeting).filter_by(modgov_id=4103).count() == 2  # one per committee


def test_a_calendar_matches_meetings_by_day(db: Database, ecsc: int) -> None:
    with db.transaction() as s:
        done = import_meetings(s, committee_id=ecsc, year_start=2020, meetings=CALENDAR)
    assert done.plan.left_out == (dt.date(2021, 6, 16),)
    assert [(r[1], r[2], r[3], r[4]) for r in shown(db, ecsc)] == [
        (dt.datetime(2020, 9, 9, 14), "Warspite Room, Council House", "scheduled", None),
        (dt.datetime(2021, 1, 13, 10), "Council House", "cancelled", None),
    ]
    with db.transaction() as s:
        assert plan_meeting_import(s, committee_id=ecsc, year_start=2020, meetings=CALENDAR).nothing_to_do
        assert s.query(Meeting).filter_by(status=MeetingStatus.CANCELLED).count() == 1


def test_a_failure_part_way_leaves_everything_as_it_was(db: Database, ecsc: int) -> None:
    with db.transaction() as s:
        other = planning.add_meeting(s, committee_id=ecsc, starts_at=dt.datetime(2020, 11, 11, 14))
        s.get(Meeting, other.id).modgov_id = 9999  # linked to another Modern.gov meeting
    before = shown(db, ecsc)
    with pytest.raises(ImportFileError) as caught, db.transaction() as s:
        import_meetings(s, committee_id=ecsc, year_start=2020, meetings=MEETINGS)
    assert str(caught.value).startswith(
        "modgov_getmeetings_ecsc.xml, meeting 4 (meetingid 4104): The committee already meets at "
        "14:00 on 11 November 2020."
    )
    assert "nothing was imported" in str(caught.value)
    assert shown(db, ecsc) == before  # the meeting of 9 September, added first, is not there


def test_two_advisors_importing_at_once_make_each_meeting_once(db: Database, db_url: str, ecsc: int) -> None:
    """Two windows import the same answer at the same moment (two connections, two threads):
    the second waits for the first and finds its meetings, or is refused by the database; never
    a meeting twice."""
    import threading

    from domain.db import open_database

    outcomes: list[str] = []
    start = threading.Barrier(2)

    def advisor() -> None:
        mine = open_database(db_url)
        try:
            start.wait(5)
            with mine.transaction() as s:
                done = import_meetings(s, committee_id=ecsc, year_start=2020, meetings=MEETINGS)
            outcomes.append("nothing" if done.plan.nothing_to_do else "added")
        except Conflict:
            outcomes.append("refused")
        finally:
            mine.close()

    threads = [threading.Thread(target=advisor) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(outcomes) in (["added", "nothing"], ["added", "refused"])
    assert [r[4] for r in shown(db, ecsc)] == [4103, 4104, 4105, 4106]
