"""Every change leaves a record of who made it, when, in which action, and what it was before
and after; a change and its record are saved together or not at all."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, func, insert, select

from domain.db import Database
from domain.errors import Invalid
from domain.io.csv import read_programme_csv
from domain.io.layout import HEADER
from domain.models import AuditRecord, Topic
from domain.ops import assessments, committees, planning, topics
from domain.ops.history import HistoryEntry, committee_history, history_people, row_history
from domain.ops.imports import import_rows

CSV = (
    ",".join(HEADER) + "\n"
    "11 Sept 2019,Tracking Decisions,,Standing item,Ross Jago\n"
    ",Early Help,5,Commissioning,Jo Siney\n"
    "To be scheduled,School visits,2,Visits,Judith Harwood\n"
)


@pytest.fixture
def committee(db: Database) -> int:
    with db.transaction(who="setup") as s:
        return committees.create_committee(s, name="Education Panel").id


def _records(db: Database) -> int:
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(AuditRecord)) or 0


def test_adding_editing_and_removing_a_topic_each_leave_a_record(db: Database, committee: int) -> None:
    with db.transaction(who="jsmith", action="Add topic") as s:
        t = topics.create_topic(s, committee_id=committee, year_start=2019, title="Attendance")
    with db.transaction(who="jsmith", action="Edit topic") as s:
        topics.update_topic(s, topic_id=t.id, title="School attendance", reason="Falling")
    with db.transaction(who="akhan", action="Delete School attendance") as s:
        topics.delete_topic(s, topic_id=t.id)

    with db.transaction() as s:
        history = row_history(s, table="topic", row_id=t.id)
    removed, *changed, added = history
    assert (removed.kind, removed.who, removed.action) == ("removed", "akhan", "Delete School attendance")
    assert "title: School attendance" in removed.before  # what was removed stays readable
    assert removed.what() == f"Topic {t.id} 'School attendance' removed"
    assert {(c.field, c.before, c.after) for c in changed} == {
        ("title", "Attendance", "School attendance"),
        ("reason", "", "Falling"),
    }
    assert all(c.who == "jsmith" and c.action == "Edit topic" for c in changed)
    title_change = next(c for c in changed if c.field == "title")
    assert title_change.what() == f"Topic {t.id} 'School attendance': title 'Attendance' → 'School attendance'"
    assert (added.kind, added.action) == ("added", "Add topic")
    assert "year_start: 2019" in added.after and added.committee_id == committee
    assert abs(added.at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_a_move_and_a_score_are_recorded_against_the_committee(db: Database, committee: int) -> None:
    with db.transaction() as s:
        m1 = planning.add_meeting(s, committee_id=committee, starts_at=dt.datetime(2019, 9, 11, 14))
        m2 = planning.add_meeting(s, committee_id=committee, starts_at=dt.datetime(2019, 11, 13, 14))
        t = topics.create_topic(s, committee_id=committee, year_start=2019, title="Early Help")
        entry = planning.book(s, topic_id=t.id, meeting_id=m1.id).entry
    with db.transaction(who="chair", action="Move Early Help") as s:
        planning.move_entry(s, entry_id=entry.id, meeting_id=m2.id)
    with db.transaction(who="chair", action="Score Early Help") as s:
        assessments.record_assessment(
            s, topic_id=t.id, scorer="Cllr Smith", answers=[(True, "")] * 6, scored_on=dt.date(2019, 8, 1)
        )
    with db.transaction() as s:
        recent = committee_history(s, committee_id=committee, who="CHAIR")
    moved = [e for e in recent if e.action == "Move Early Help"]
    assert any(
        e.table == "programme_entry" and e.field == "meeting_id" and (e.before, e.after) == (str(m1.id), str(m2.id))
        for e in moved
    )
    assert all(e.label == "Early Help" for e in moved)  # an entry is named after its topic
    scored = [e for e in recent if e.action == "Score Early Help"]
    assert {e.table for e in scored} >= {"assessment", "answer"}
    assert all(e.committee_id == committee for e in scored)


def test_an_import_is_recorded_under_its_action(db: Database, committee: int) -> None:
    rows = read_programme_csv(CSV)
    with db.transaction(who="officer", action="Import ecsc.csv") as s:
        result = import_rows(s, committee_id=committee, year_start=2019, rows=rows, file="ecsc.csv")
    with db.transaction() as s:
        recent = committee_history(s, committee_id=committee, since=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
        people = history_people(s, committee_id=committee)
    imported = [e for e in recent if e.action == "Import ecsc.csv"]
    assert {int(e.row_id) for e in imported if e.table == "topic" and e.kind == "added"} == set(
        result.created.topic_ids
    )
    assert {int(e.row_id) for e in imported if e.table == "programme_entry" and e.kind == "added"} == set(
        result.created.entry_ids
    )
    assert all(e.who == "officer" for e in imported)
    assert people == ["officer", "setup"]


def test_a_failed_transaction_leaves_neither_the_change_nor_its_record(db: Database, committee: int) -> None:
    before = _records(db)
    with db.transaction() as s:
        t = topics.create_topic(s, committee_id=committee, year_start=2019, title="Budget")
    with pytest.raises(Invalid), db.transaction(action="Edit Budget") as s:
        topics.update_topic(s, topic_id=t.id, title="Budget 2020")
        topics.update_topic(s, topic_id=t.id, exempt=True)  # no paragraph: refused
    with db.transaction() as s:
        assert s.get(Topic, t.id).title == "Budget"  # type: ignore[union-attr]
        assert row_history(s, table="topic", row_id=t.id)[0].kind == "added"
    assert _records(db) == before + 1


def test_a_bulk_insert_and_a_bulk_delete_are_recorded(db: Database, committee: int) -> None:
    with db.transaction(who="loader", action="Bulk load") as s:
        s.execute(
            insert(Topic.__table__),  # type: ignore[arg-type]
            [
                {"id": 900 + i, "version": 1, "committee_id": committee, "year_start": 2019,
                 "title": f"Bulk {i}", "reason": "", "responsible": "", "source_ref": "",
                 "kind": "report", "status": "proposed", "status_reason": "", "exempt": False}
                for i in range(3)
            ],
        )
    with db.transaction(who="loader", action="Bulk remove") as s:
        s.execute(delete(Topic).where(Topic.id >= 901))
    with db.transaction() as s:
        added = row_history(s, table="topic", row_id=901)
        kept = row_history(s, table="topic", row_id=900)
    assert [(e.kind, e.action, e.label) for e in added] == [
        ("removed", "Bulk remove", "Bulk 1"),
        ("added", "Bulk load", "Bulk 1"),
    ]
    assert [e.kind for e in kept] == ["added"] and kept[0].committee_id == committee


def test_the_committee_history_filters_by_person_and_date(db: Database, committee: int) -> None:
    with db.transaction(who="ann") as s:
        topics.create_topic(s, committee_id=committee, year_start=2019, title="One")
    with db.transaction(who="bob") as s:
        topics.create_topic(s, committee_id=committee, year_start=2019, title="Two")
    with db.transaction() as s:
        everyone = committee_history(s, committee_id=committee)
        bob = committee_history(s, committee_id=committee, who="bob")
        future = committee_history(s, committee_id=committee, since=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
        past = committee_history(s, committee_id=committee, until=dt.datetime(2000, 1, 1))
    assert [e.label for e in everyone][:2] == ["Two", "One"]  # newest first
    assert [e.label for e in bob] == ["Two"]
    assert future == [] and past == []


def test_the_time_is_shown_in_local_time() -> None:
    entry = HistoryEntry(
        id=1, at=dt.datetime(2026, 11, 29, 14, 5, tzinfo=dt.UTC), who="a", action="Edit",
        committee_id=None, table="topic", row_id="1", label="", kind="added", field=None,
        before="", after="",
    )
    local = entry.at.astimezone()
    assert entry.when() == f"{local.day} {local:%b %Y %H:%M}"


def test_a_rolled_back_savepoint_takes_back_only_its_own_records(db: Database, committee: int) -> None:
    with db.transaction(action="Add two") as s:
        kept = topics.create_topic(s, committee_id=committee, year_start=2019, title="Kept")
        savepoint = s.begin_nested()
        dropped = topics.create_topic(s, committee_id=committee, year_start=2019, title="Dropped")
        savepoint.rollback()
    with db.transaction() as s:
        assert [e.label for e in row_history(s, table="topic", row_id=kept.id)] == ["Kept"]
        assert s.get(Topic, dropped.id) is None
        assert row_history(s, table="topic", row_id=dropped.id) == []


def test_rows_written_straight_to_the_driver_are_recorded_when_the_writer_says_so(db: Database) -> None:
    from domain.synthetic import generate

    with db.transaction(action="Generate") as s:
        summary = generate(
            s, committees=1, years=1, meetings_per_year=2, items_per_meeting=2, extra_topics_per_year=1, seed=1
        )
    with db.transaction() as s:
        recorded = dict(
            s.execute(
                select(AuditRecord.table_name, func.count())
                .where(AuditRecord.action == "Generate", AuditRecord.kind == "added")
                .group_by(AuditRecord.table_name)
            ).all()
        )
    assert recorded["answer"] == summary.answers > 0  # written with exec_driver_sql
    assert recorded["topic"] == summary.topics and recorded["programme_entry"] == summary.entries
