"""An imported programme file can be taken back exactly and made again with the same ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from domain.db import Database
from domain.errors import Conflict
from domain.io.csv import read_programme_csv
from domain.io.layout import HEADER
from domain.io.rows import ImportFileError
from domain.models import Meeting, Topic
from domain.ops import committees, planning, topics
from domain.ops.imports import import_rows, remove_imported, topic_count
from domain.settings import load_settings, save_settings

TEXT = (
    ",".join(HEADER) + "\n"
    "11 Sept 2019,Tracking Decisions,,Standing item,Ross Jago\n"
    ",Early Help,5,Commissioning,Jo Siney\n"
    "13 Nov 2019,Tracking Decisions,,Standing item,Ross Jago\n"
    ",Ofsted Report,3,Inspection outcome,Judith Harwood\n"
    "To be scheduled,School visits,2,Visits,Judith Harwood\n"
)


def _state(db: Database, committee_id: int) -> tuple:
    """Everything a user sees of the committee's 2019-20 programme, with ids."""
    with db.transaction() as s:
        view = planning.load_programme(s, committee_id=committee_id, year_start=2019)
        listed = topics.list_topics(s, committee_id=committee_id, year_start=2019)
        met = planning.list_meetings(s, committee_id=committee_id, year_start=2019)
    return (
        [
            (g.meeting.id, [(e.id, e.topic_id, e.title, e.score, e.reason) for e in g.entries])
            for g in view.meetings
        ],
        [(t.id, t.title, t.score) for t in view.to_be_scheduled],
        sorted((t.id, t.title, t.status, t.score) for t in listed),
        [(m.id, m.starts_at) for m in met],
    )


@pytest.fixture
def panel(db: Database) -> int:
    """A committee with a meeting on 11 September 2019 that already has one item."""
    with db.transaction() as s:
        c = committees.create_committee(s, name="Panel")
        m = planning.add_meeting(s, committee_id=c.id, starts_at=dt.datetime(2019, 9, 11, 14, 0))
        t = topics.create_topic(s, committee_id=c.id, year_start=2019, title="Budget")
        planning.book(s, topic_id=t.id, meeting_id=m.id)
    return c.id


def test_undo_removes_exactly_what_the_import_made_and_redo_makes_it_with_the_same_ids(
    db: Database, panel: int
) -> None:
    before = _state(db, panel)
    rows = read_programme_csv(TEXT)
    with db.transaction() as s:
        first = import_rows(s, committee_id=panel, year_start=2019, rows=rows, file="p.csv")
    imported = _state(db, panel)
    made = first.created
    assert len(made.topic_ids) == first.summary.topics == 4
    assert len(made.meeting_ids) == first.summary.meetings_created == 1
    assert len(made.entry_ids) == first.summary.entries == 4
    assert len(made.assessment_ids) == 3  # the three scored rows
    # The existing meeting keeps its item first; the file's items follow it.
    assert [e[2] for e in imported[0][0][1]] == ["Budget", "Tracking Decisions", "Early Help"]

    with db.transaction() as s:
        remove_imported(s, imported=made)
    assert _state(db, panel) == before

    with db.transaction() as s:
        again = import_rows(s, committee_id=panel, year_start=2019, rows=rows, file="p.csv", reuse=made)
    assert again.created == made
    assert _state(db, panel) == imported

    # Once more round, as undo and redo go back and forth.
    with db.transaction() as s:
        remove_imported(s, imported=again.created)
    assert _state(db, panel) == before
    with db.transaction() as s:
        assert topic_count(s, committee_id=panel, year_start=2019) == 1


def test_a_meeting_the_import_made_is_not_deleted_with_someone_elses_item_on_it(
    db: Database, panel: int
) -> None:
    rows = read_programme_csv(TEXT)
    with db.transaction() as s:
        made = import_rows(s, committee_id=panel, year_start=2019, rows=rows).created
        other = topics.create_topic(s, committee_id=panel, year_start=2019, title="Added later")
        planning.book(s, topic_id=other.id, meeting_id=made.meeting_ids[0])
    state = _state(db, panel)
    with pytest.raises(Conflict, match="13 November 2019"), db.transaction() as s:
        remove_imported(s, imported=made)
    assert _state(db, panel) == state


def test_a_failed_import_makes_nothing(db: Database, panel: int) -> None:
    before = _state(db, panel)
    too_high = ",".join(HEADER) + "\n11 Sept 2019,Early Help,60,Commissioning,Jo Siney\n"
    rows = read_programme_csv(too_high, max_score=99)
    with pytest.raises(ImportFileError, match="row 2"), db.transaction() as s:
        import_rows(s, committee_id=panel, year_start=2019, rows=rows, file="p.csv")
    assert _state(db, panel) == before


def test_redo_gives_a_new_id_only_to_a_row_whose_old_id_someone_else_took(
    db: Database, panel: int
) -> None:
    rows = read_programme_csv(TEXT)
    with db.transaction() as s:
        made = import_rows(s, committee_id=panel, year_start=2019, rows=rows).created
    with db.transaction() as s:
        remove_imported(s, imported=made)
        taken = made.topic_ids[0]
        # Another row holds the first topic's old id now (as SQLite hands freed ids out again).
        s.add(Topic(id=taken, committee_id=panel, year_start=2020, title="Taken"))
    with db.transaction() as s:
        again = import_rows(s, committee_id=panel, year_start=2019, rows=rows, reuse=made).created
        assert s.get(Topic, taken).title == "Taken"
    assert again.topic_ids[0] != taken
    assert again.topic_ids[1:] == made.topic_ids[1:]
    assert again.meeting_ids == made.meeting_ids


def _refusal(db: Database, committee_id: int, year_start: int, lines: str) -> str:
    """The message importing ``lines`` (under the header) as p.csv into a year gives."""
    rows = read_programme_csv(f"{','.join(HEADER)}\n{lines}", name="p.csv")
    with pytest.raises(ImportFileError) as info, db.transaction() as s:
        import_rows(s, committee_id=committee_id, year_start=year_start, rows=rows, file="p.csv")
    return str(info.value)


def test_a_meeting_outside_the_chosen_year_is_refused_naming_file_row_and_column(
    db: Database, panel: int
) -> None:
    before = _state(db, panel)
    assert _refusal(db, panel, 2019, "11 Sept 2019,Item,,,\n11 Sept 2020,Other,,,\n") == (
        "p.csv, row 3, column 'Date of meeting': 11 September 2020 is not in the municipal year "
        "2019 - 20 (1 May 2019 to 30 April 2020). Correct the date, or import the file as the "
        "programme of 2020 - 21; nothing was imported."
    )
    assert _state(db, panel) == before


@pytest.fixture
def april(db: Database) -> None:
    """A council whose municipal year starts in April."""
    with db.transaction() as s:
        save_settings(s, settings=replace(load_settings(s), year_start_month=4))


def test_the_year_check_follows_the_councils_start_month(db: Database, panel: int, april: None) -> None:
    on_the_15th = read_programme_csv(f"{','.join(HEADER)}\n15 April 2020,Budget outturn,,,\n")
    with db.transaction() as s:
        made = import_rows(s, committee_id=panel, year_start=2020, rows=on_the_15th).created
        [meeting] = [s.get(Meeting, i) for i in made.meeting_ids]
        [topic] = [s.get(Topic, i) for i in made.topic_ids]
        assert meeting.starts_at.date() == dt.date(2020, 4, 15)
        assert (topic.title, topic.year_start) == ("Budget outturn", 2020)

    # Under the default (May) it would be the other way round for both files.
    assert _refusal(db, panel, 2019, "10 April 2020,Budget outturn,,,\n") == (
        "p.csv, row 2, column 'Date of meeting': 10 April 2020 is not in the municipal year "
        "2019 - 20 (1 April 2019 to 31 March 2020). Correct the date, or import the file as the "
        "programme of 2020 - 21; nothing was imported."
    )

    # Undoing the import takes the April meeting away with the rest of what it made.
    with db.transaction() as s:
        remove_imported(s, imported=made)
        assert s.get(Meeting, made.meeting_ids[0]) is None
