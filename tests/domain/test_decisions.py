"""Tracking decisions: the log, derived overdue, and resolutions put on the work programme."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.db import Database
from domain.demo import demo_paths
from domain.errors import Conflict, Invalid, NotFound
from domain.models import ProgrammeEntry, ProgressNote, Topic
from domain.ops import decisions, planning, topics
from domain.ops.convert import committee_by_name

JULY_10 = dt.date(2019, 7, 10)
PACK_DAY = dt.date(2019, 9, 3)  # the agenda pack of seed 001 was published then


@pytest.fixture
def demo(demo_db: Database) -> tuple[Database, int]:
    db = demo_db
    with db.transaction() as s:
        return db, committee_by_name(s, "ECSC").id


def _meeting_on(s: Session, committee_id: int, day: dt.date) -> int:
    return next(
        m.id
        for m in planning.list_meetings(s, committee_id=committee_id)
        if m.starts_at.date() == day
    )


def _counts(s: Session) -> tuple[int, int, int]:
    return (
        s.scalar(select(func.count()).select_from(Topic)) or 0,
        s.scalar(select(func.count()).select_from(ProgrammeEntry)) or 0,
        s.scalar(select(func.count()).select_from(ProgressNote)) or 0,
    )


def _new_resolution(s: Session, committee_id: int, **fields: object) -> decisions.DecisionInfo:
    values: dict[str, object] = {
        "title": "Care Leavers and NEET",
        "meeting_date": JULY_10,
        "minute_no": "17",
        "resolution": "Agreed that a progress report would be scheduled for 6 months' time.",
        "target_date": dt.date(2019, 7, 31),
        "officer": "Jean Kelly",
    }
    values.update(fields)
    return decisions.create_decision(s, committee_id=committee_id, **values)  # type: ignore[arg-type]


# --- the demo ---------------------------------------------------------------------------------


def test_demo_resolutions_are_present_and_linked_both_ways(demo: tuple[Database, int]) -> None:
    db, cid = demo
    data = json.loads(demo_paths()[0].read_text(encoding="utf-8"))
    titles = {t["key"]: t["title"] for t in data["topics"]}
    with db.transaction() as s:
        log = decisions.list_decisions(s, committee_id=cid, today=PACK_DAY)
        origins = {
            t.id: decisions.topic_origin(s, topic_id=t.id)
            for d in log
            for t in d.topics
        }
    assert [(d.meeting_date.isoformat(), d.minute_no, d.title) for d in log] == [
        (x["meeting_date"], x["minute_no"] or "", x["title"]) for x in data["decisions"]
    ]
    for expected, d in zip(data["decisions"], log, strict=True):
        linked = [t.title for t in d.topics]
        assert linked == ([titles[expected["topic"]]] if expected["topic"] else [])
        assert d.progress_text == expected["progress"][0]["text"]
        # Only the 13 March resolution predates the meetings in the database.
        assert (d.meeting_id is None) == (d.meeting_date.month == 3)
        for t in d.topics:
            origin = origins[t.id]
            assert origin is not None and origin.id == d.id
    pledge = next(d for d in log if d.title == "Pledge Update")
    assert pledge.status == "complete"
    assert pledge.target_label == "July 2019"
    assert next(d for d in log if d.title == "Work Programme").target_label == "10 July 2019"


def test_a_topic_typed_in_by_hand_has_no_origin(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        t = topics.create_topic(s, committee_id=cid, year_start=2019, title="School visits 2")
        assert decisions.topic_origin(s, topic_id=t.id) is None


def test_log_of_one_meeting_and_of_one_year(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        july_id = _meeting_on(s, cid, JULY_10)
        by_meeting = decisions.list_decisions(s, committee_id=cid, meeting_id=july_id)
        by_date = decisions.list_decisions(s, committee_id=cid, meeting_date=JULY_10)
        earlier = decisions.list_decisions(s, committee_id=cid, year_start=2018)
    assert [d.minute_no for d in by_meeting] == [str(n) for n in range(13, 21)]
    assert by_date == by_meeting
    assert [d.title for d in earlier] == ["The Oracy Project"]


# --- overdue ----------------------------------------------------------------------------------


def test_overdue_is_worked_out_against_today_and_never_for_complete(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        d = _new_resolution(s, cid, target_date=dt.date(2019, 9, 30))
        undated = _new_resolution(s, cid, minute_no="21", target_date=None)
    with db.transaction() as s:
        on_the_day = decisions.get_decision(s, decision_id=d.id, today=dt.date(2019, 9, 30))
        day_after = decisions.get_decision(s, decision_id=d.id, today=dt.date(2019, 10, 1))
        never = decisions.get_decision(s, decision_id=undated.id, today=dt.date(2030, 1, 1))
    assert not on_the_day.overdue
    assert day_after.overdue
    assert not never.overdue
    with db.transaction() as s:
        edit = decisions.set_status(s, decision_id=d.id, status="complete", today=dt.date(2019, 10, 1))
    assert edit.before.overdue and not edit.after.overdue
    assert edit.before.status == "ongoing" and edit.after.status == "complete"


def test_open_decisions_across_years_soonest_target_first_undated_last(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        undated = _new_resolution(s, cid, minute_no="30", target_date=None)
        later = _new_resolution(
            s, cid, meeting_date=dt.date(2020, 1, 8), minute_no="40",
            target_date=dt.date(2020, 6, 30),
        )
        done = _new_resolution(s, cid, minute_no="31", status="complete")
        rows = decisions.open_decisions(s, committee_id=cid, today=dt.date(2020, 2, 1))
    ids = [r.id for r in rows]
    assert done.id not in ids
    assert all(r.status == "ongoing" for r in rows)
    assert ids[-1] == undated.id
    targets = [r.target_date for r in rows if r.target_date is not None]
    assert targets == sorted(targets)
    assert rows[0].title == "The Oracy Project"  # March 2019, the previous municipal year
    assert [r.overdue for r in rows] == [
        r.target_date is not None and r.target_date < dt.date(2020, 2, 1) for r in rows
    ]
    assert not next(r for r in rows if r.id == later.id).overdue


# --- editing ----------------------------------------------------------------------------------


def test_resolution_needs_title_and_meeting_date_and_known_marks(demo: tuple[Database, int]) -> None:
    db, cid = demo
    cases = [
        ({"title": "  "}, "title"),
        ({"meeting_date": None}, "meeting_date"),
        ({"rag": "purple"}, "rag"),
        ({"status": "finished"}, "status"),
        ({"target_date": "next week"}, "target_date"),
    ]
    for fields, field in cases:
        with pytest.raises(Invalid) as err, db.transaction() as s:
            _new_resolution(s, cid, **fields)
        assert err.value.field == field
        assert str(err.value)


def test_a_resolution_is_linked_to_its_meeting_when_the_meeting_is_known(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        sept = _meeting_on(s, cid, dt.date(2019, 9, 11))
        by_date = _new_resolution(s, cid, meeting_date=dt.date(2019, 9, 11))
        by_meeting = _new_resolution(s, cid, meeting_id=sept, meeting_date=None)
        unknown = _new_resolution(s, cid, meeting_date=dt.date(2019, 6, 1))
    assert by_date.meeting_id == sept
    assert by_meeting.meeting_date == dt.date(2019, 9, 11)
    assert unknown.meeting_id is None


def test_edit_returns_previous_values_that_undo_puts_back(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        d = _new_resolution(s, cid)
    with db.transaction() as s:
        edit = decisions.update_decision(
            s, decision_id=d.id, expected_version=d.version,
            officer="Judith Harwood", target_date=dt.date(2019, 12, 31), rag="amber",
        )
    assert edit.after.officer == "Judith Harwood" and edit.after.rag == "amber"
    assert edit.before == d
    with db.transaction() as s:
        decisions.update_decision(
            s, decision_id=d.id, expected_version=edit.after.version,
            **decisions.decision_fields(edit.before),
        )
        back = decisions.get_decision(s, decision_id=d.id)
    assert decisions.decision_fields(back) == decisions.decision_fields(d)
    with pytest.raises(Conflict), db.transaction() as s:
        decisions.update_decision(s, decision_id=d.id, expected_version=d.version, title="Stale")


def test_rag_marks_and_clearing_them(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        d = _new_resolution(s, cid)
        green = decisions.update_decision(s, decision_id=d.id, rag="Green").after
        cleared = decisions.update_decision(s, decision_id=d.id, rag=None)
    assert green.rag == "green"
    assert cleared.before.rag == "green" and cleared.after.rag is None


def test_progress_notes_newest_first_and_deleted_notes_come_back(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        d = _new_resolution(s, cid)
        first = decisions.add_progress_note(
            s, decision_id=d.id, text="Request for information emailed", noted_on=dt.date(2019, 8, 1)
        )
        second = decisions.add_progress_note(
            s, decision_id=d.id, text="Reply received", noted_on=dt.date(2019, 9, 3)
        )
    with db.transaction() as s:
        assert decisions.get_decision(s, decision_id=d.id).progress == (second, first)
        removed = decisions.delete_progress_note(s, note_id=first.id)
        assert decisions.get_decision(s, decision_id=d.id).progress == (second,)
    with db.transaction() as s:
        decisions.restore_progress_note(s, note=removed)
        assert decisions.get_decision(s, decision_id=d.id).progress == (second, first)
    with pytest.raises(Invalid) as err, db.transaction() as s:
        decisions.add_progress_note(s, decision_id=d.id, text="   ")
    assert err.value.field == "text"


def test_deleted_resolution_is_restored_with_its_id_notes_and_links(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        pledge = next(
            d for d in decisions.list_decisions(s, committee_id=cid) if d.title == "Pledge Update"
        )
        topic_id = pledge.topics[0].id
        removed = decisions.delete_decision(s, decision_id=pledge.id)
    with db.transaction() as s:
        assert decisions.topic_origin(s, topic_id=topic_id) is None
        assert topics.get_topic(s, topic_id=topic_id).title == pledge.topics[0].title
        with pytest.raises(NotFound):
            decisions.get_decision(s, decision_id=pledge.id)
    with db.transaction() as s:
        decisions.restore_decision(s, info=removed)
    with db.transaction() as s:
        back = decisions.get_decision(s, decision_id=pledge.id)
        origin = decisions.topic_origin(s, topic_id=topic_id)
    assert origin is not None and origin.id == pledge.id
    assert decisions.decision_fields(back) == decisions.decision_fields(pledge)
    assert back.progress == pledge.progress
    assert [t.id for t in back.topics] == [topic_id]


# --- from resolution to programme -------------------------------------------------------------


def test_add_to_a_named_meeting_creates_a_linked_topic_and_records_progress(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        nov = _meeting_on(s, cid, dt.date(2019, 11, 13))
        d = _new_resolution(s, cid, title="Bullying and Attendance", officer="Judith Harwood")
        before = len(planning.load_programme(s, committee_id=cid, year_start=2019).meetings[2].entries)
    with db.transaction() as s:
        added = decisions.add_to_work_programme(
            s, decision_id=d.id, meeting_id=nov, title="Bullying – head teachers", today=PACK_DAY
        )
    assert added.meeting_date == dt.date(2019, 11, 13) and added.booked
    assert "13 November 2019" in added.message
    with db.transaction() as s:
        topic = topics.get_topic(s, topic_id=added.topic_id)
        after = decisions.get_decision(s, decision_id=d.id, today=PACK_DAY)
        view = planning.load_programme(s, committee_id=cid, year_start=2019)
        origin = decisions.topic_origin(s, topic_id=added.topic_id)
    assert topic.title == "Bullying – head teachers"
    assert topic.source_kind == "resolution"
    assert topic.source_ref == "Minute 17, 10 July 2019"
    assert topic.reason == d.resolution
    assert topic.responsible == "Judith Harwood"
    assert topic.decision_id == d.id and topic.added_on == PACK_DAY
    assert topic.status == "scheduled" and topic.year_start == 2019
    nov_entries = view.meetings[2].entries
    assert len(nov_entries) == before + 1
    assert nov_entries[-1].topic_id == added.topic_id and nov_entries[-1].id == added.entry_id
    assert after.status == "complete"
    assert after.progress[0].text == "Added to work programme for 13 November 2019"
    assert after.progress[0].noted_on == PACK_DAY
    assert [(t.id, t.meeting_dates) for t in after.topics] == [
        (added.topic_id, (dt.date(2019, 11, 13),))
    ]
    assert origin is not None and origin.id == d.id


def test_in_six_months_from_10_july_2019_is_the_meeting_of_8_january_2020(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        d = _new_resolution(s, cid)
        added = decisions.add_to_work_programme(s, decision_id=d.id, in_months=6, today=PACK_DAY)
        jan = _meeting_on(s, cid, dt.date(2020, 1, 8))
        titles = [
            e.title
            for g in planning.load_programme(s, committee_id=cid, year_start=2019).meetings
            if g.meeting.id == jan
            for e in g.entries
        ]
    assert added.meeting_date == dt.date(2020, 1, 8)
    assert added.meeting_id == jan and added.year_start == 2019
    assert titles.count("Care Leavers and NEET") == 2  # the demo's own item and the new one


def test_in_months_skips_a_cancelled_meeting(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        jan = _meeting_on(s, cid, dt.date(2020, 1, 8))
        planning.cancel_meeting(s, meeting_id=jan)
        d = _new_resolution(s, cid)
        added = decisions.add_to_work_programme(s, decision_id=d.id, in_months=6, today=PACK_DAY)
    assert added.meeting_date == dt.date(2020, 3, 4)
    with pytest.raises(Invalid) as err, db.transaction() as s:
        decisions.add_to_work_programme(s, decision_id=d.id, meeting_id=jan, today=PACK_DAY)
    assert err.value.field == "meeting_id" and "cancelled" in str(err.value)


def test_with_no_meeting_in_time_the_item_waits_to_be_scheduled_with_a_needed_by_date(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        d = _new_resolution(s, cid)
        added = decisions.add_to_work_programme(s, decision_id=d.id, in_months=12, today=PACK_DAY)
        topic = topics.get_topic(s, topic_id=added.topic_id)
        view = planning.load_programme(s, committee_id=cid, year_start=2019)
        after = decisions.get_decision(s, decision_id=d.id)
    assert not added.booked and added.entry_id is None and added.meeting_date is None
    assert added.needed_by == dt.date(2020, 7, 10)
    assert "to be scheduled" in added.message and "10 July 2020" in added.message
    assert topic.status == "to_be_scheduled" and topic.needed_by == dt.date(2020, 7, 10)
    assert topic.year_start == 2019  # the year of the meeting that asked for it
    assert added.topic_id in [t.id for t in view.to_be_scheduled]
    assert all(e.topic_id != added.topic_id for g in view.meetings for e in g.entries)
    assert after.status == "complete"
    assert after.progress[0].text == "Added to work programme (to be scheduled)"


def test_a_meeting_and_a_number_of_months_together_are_refused(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        d = _new_resolution(s, cid)
        counts = _counts(s)
    for kwargs, field in (
        ({"meeting_id": 1, "in_months": 6}, "in_months"),
        ({"in_months": 0}, "in_months"),
        ({"meeting_id": 10_000}, "meeting_id"),
    ):
        with pytest.raises(Invalid) as err, db.transaction() as s:
            decisions.add_to_work_programme(s, decision_id=d.id, today=PACK_DAY, **kwargs)
        assert err.value.field == field
    with db.transaction() as s:
        assert _counts(s) == counts
        assert decisions.get_decision(s, decision_id=d.id).status == "ongoing"


@pytest.mark.parametrize("placement", [{"in_months": 6}, {"in_months": 12}, {}])
def test_undo_removes_exactly_what_was_added_and_redo_brings_it_back(
    demo: tuple[Database, int], placement: dict[str, int]
) -> None:
    db, cid = demo
    with db.transaction() as s:
        d = _new_resolution(s, cid)
        decisions.add_progress_note(s, decision_id=d.id, text="Emailed to officers", noted_on=PACK_DAY)
        original = decisions.get_decision(s, decision_id=d.id)
        counts = _counts(s)
        agendas = [
            [(e.id, e.position) for e in g.entries]
            for g in planning.load_programme(s, committee_id=cid, year_start=2019).meetings
        ]
    with db.transaction() as s:
        added = decisions.add_to_work_programme(s, decision_id=d.id, today=PACK_DAY, **placement)
        assert _counts(s) == (
            counts[0] + 1, counts[1] + (1 if added.booked else 0), counts[2] + 1
        )
    with db.transaction() as s:
        decisions.undo_add_to_work_programme(s, addition=added)
    with db.transaction() as s:
        assert _counts(s) == counts
        back = decisions.get_decision(s, decision_id=d.id)
        assert [
            [(e.id, e.position) for e in g.entries]
            for g in planning.load_programme(s, committee_id=cid, year_start=2019).meetings
        ] == agendas
    assert back.status == "ongoing"
    assert back.progress == original.progress
    assert back.topics == ()
    with db.transaction() as s:
        again = decisions.redo_add_to_work_programme(s, addition=added)
        redone = decisions.get_decision(s, decision_id=d.id)
    assert again == added
    assert [t.id for t in redone.topics] == [added.topic_id]
    assert redone.progress[0].id == added.note_id
