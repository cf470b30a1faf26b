"""Two people editing one row: the second save, made with the version read before the first,
is refused with a Conflict naming who changed the row and when, and saves nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from domain.db import Database
from domain.errors import Conflict
from domain.models import (
    Assessment,
    Base,
    Committee,
    Decision,
    Meeting,
    MeetingStatus,
    ProgrammeEntry,
    Recommendation,
    ReviewMeeting,
    SelectReview,
    Topic,
)
from domain.ops import assessments, committees, decisions, planning, reviews, topics

# Each case: the model whose first row both people edit, the op, and its arguments for that
# row (``mine`` True for A's write, False for B's, so the two writes differ).
Args = Callable[[Any, bool], dict[str, Any]]
CASES: dict[str, tuple[type[Base], Callable[..., Any], Args]] = {
    "topic": (Topic, topics.update_topic, lambda r, mine: {"topic_id": r.id, "reason": f"mine {mine}"}),
    "meeting": (
        Meeting, planning.move_meeting,
        lambda r, mine: {"meeting_id": r.id, "starts_at": r.starts_at + dt.timedelta(hours=1 + mine)},
    ),
    "cancel meeting": (
        Meeting, planning.cancel_meeting, lambda r, mine: {"meeting_id": r.id, "move_items_to": "list"}
    ),
    "planner move": (
        ProgrammeEntry, planning.move_entry,
        lambda r, mine: {"entry_id": r.id, "meeting_id": r.meeting_id, "position": 3 if mine else 1},
    ),
    "planner flags": (
        ProgrammeEntry, planning.set_entry_flags, lambda r, mine: {"entry_id": r.id, "to_follow": not r.to_follow}
    ),
    "committee": (Committee, committees.update_committee, lambda r, mine: {"committee_id": r.id, "chair": f"Cllr {mine}"}),
    "decision": (Decision, decisions.update_decision, lambda r, mine: {"decision_id": r.id, "title": f"Resolution {mine}"}),
    "review": (SelectReview, reviews.update_review, lambda r, mine: {"review_id": r.id, "title": f"Review {mine}"}),
    "review meeting": (
        ReviewMeeting, reviews.update_review_meeting, lambda r, mine: {"review_meeting_id": r.id, "notes": f"notes {mine}"}
    ),
    "recommendation": (
        Recommendation, reviews.update_recommendation, lambda r, mine: {"recommendation_id": r.id, "text": f"text {mine}"}
    ),
    "agreed score": (
        Assessment, assessments.set_agreed, lambda r, mine: {"assessment_id": r.id, "agreed": mine}
    ),
}  # fmt: skip


def _make(session: Any, model: type[Base]) -> None:
    """Rows the demo data does not have."""
    review_id = session.scalars(select(SelectReview.id).order_by(SelectReview.id)).first()
    if model is ReviewMeeting:
        reviews.add_review_meeting(session, review_id=review_id, starts_at=dt.datetime(2020, 1, 6, 10))
    elif model is Recommendation:
        reviews.add_recommendation(session, review_id=review_id, text="More youth workers")


def _first(session: Any, model: type[Base]) -> Any:
    q = select(model).order_by(model.id)  # type: ignore[attr-defined]
    if model is Meeting:
        q = q.where(Meeting.status != MeetingStatus.CANCELLED)
    if model is ProgrammeEntry:  # an entry a person would move: on a meeting with others
        q = q.where(ProgrammeEntry.position == 2)
    row = session.scalars(q).first()
    assert row is not None, f"the demo data has no {model.__name__}"
    return row


@pytest.mark.parametrize("case", list(CASES))
def test_a_write_with_a_stale_version_names_who_changed_the_row(demo_db: Database, case: str) -> None:
    model, op, args = CASES[case]
    with demo_db.transaction() as s:
        _make(s, model)
    with demo_db.transaction(who="Alex Jones") as s:  # A reads
        row = _first(s, model)
        row_id, version, a_args = row.id, row.version, args(row, True)
    with demo_db.transaction(who="Sam Patel") as s:  # B writes
        op(s, **args(_first(s, model), False))
    with demo_db.transaction(read_only=True) as s:
        after_b = s.get(model, row_id).version
    assert after_b != version

    with pytest.raises(Conflict) as caught, demo_db.transaction(who="Alex Jones") as s:
        op(s, expected_version=version, **a_args)

    conflict = caught.value
    assert conflict.who == "Sam Patel"
    assert conflict.when is not None
    assert abs(dt.datetime.now(dt.UTC) - conflict.when) < dt.timedelta(minutes=5)
    assert str(conflict).startswith("Sam Patel changed ")
    assert "today" in str(conflict)
    assert (conflict.table, conflict.row_id) == (model.__table__.name, row_id)  # type: ignore[attr-defined]
    with demo_db.transaction(read_only=True) as s:
        assert s.get(model, row_id).version == after_b  # nothing of A's was saved


def test_restoring_a_planner_snapshot_refuses_rows_someone_else_moved(demo_db: Database) -> None:
    with demo_db.transaction(who="Alex Jones") as s:
        entry = _first(s, ProgrammeEntry)
        moved = planning.move_entry(s, entry_id=entry.id, meeting_id=entry.meeting_id, position=1)
    with demo_db.transaction(who="Sam Patel") as s:
        planning.move_entry(s, entry_id=entry.id, meeting_id=None)
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction() as s:
        planning.restore_state(s, state=moved.before, expected=moved.after)
    assert caught.value.table == "programme_entry"
    with demo_db.transaction(read_only=True) as s:
        assert s.get(ProgrammeEntry, entry.id) is None  # Sam's unscheduling stands

    with demo_db.transaction(who="Alex Jones") as s:  # choosing to overwrite it
        planning.restore_state(s, state=moved.before)
        assert s.get(ProgrammeEntry, entry.id) is not None


def test_settings_saved_over_someone_elses_change_are_refused(demo_db: Database) -> None:
    from dataclasses import replace

    from domain.settings import load_settings, save_settings

    with demo_db.transaction(who="Alex Jones") as s:
        seen = load_settings(s)
    with demo_db.transaction(who="Sam Patel") as s:
        save_settings(s, settings=replace(seen, clear_days=seen.clear_days + 1))
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction(who="Alex Jones") as s:
        save_settings(s, settings=replace(seen, council_name="Mine"), expected=seen)
    assert caught.value.row_id == "council.clear_days"
    with demo_db.transaction(read_only=True) as s:
        assert load_settings(s).council_name == seen.council_name


def _two_scores(db: Database) -> tuple[int, int, int]:
    """A topic with its demo score agreed and a second score: (topic, agreed, other)."""
    with db.transaction() as s:
        agreed = s.scalars(select(Assessment).where(Assessment.agreed).order_by(Assessment.id)).first()
        assert agreed is not None
        other = assessments.record_assessment(s, topic_id=agreed.topic_id, scorer="Cllr Murphy", answers=[(True, "")] * 6)
        return agreed.topic_id, agreed.id, other.id


def test_undoing_an_agreed_score_after_someone_agreed_another_is_refused(demo_db: Database) -> None:
    topic_id, first, second = _two_scores(demo_db)
    with demo_db.transaction(who="Alex Jones") as s:  # A agrees the second score
        previous = assessments.set_agreed(s, assessment_id=second)
    with demo_db.transaction(who="Sam Patel") as s:  # B puts it back on the first
        assessments.set_agreed(s, assessment_id=first)
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction() as s:
        assessments.restore_agreed(s, topic_id=topic_id, assessment_id=previous, expected_agreed=second)
    assert caught.value.table == "assessment"
    with demo_db.transaction(read_only=True) as s:
        assert s.get(Assessment, first).agreed and not s.get(Assessment, second).agreed


def test_approving_a_programme_someone_else_approved_meanwhile_is_refused(demo_db: Database) -> None:
    from domain.models import ProgrammeYear

    with demo_db.transaction(who="Alex Jones") as s:  # A sees a draft
        committee_id = s.scalars(select(Committee.id).order_by(Committee.id)).first()
        seen = committees.is_approved(s, committee_id=committee_id, year_start=2030)
    assert seen is False
    with demo_db.transaction(who="Sam Patel") as s:
        committees.set_programme_approved(s, committee_id=committee_id, year_start=2030, approved=True)
    with demo_db.transaction(read_only=True) as s:
        after_sam = s.scalars(select(ProgrammeYear.version).where(ProgrammeYear.year_start == 2030)).one()
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction(who="Alex Jones") as s:
        committees.set_programme_approved(s, committee_id=committee_id, year_start=2030, approved=True, expected=seen)
    assert caught.value.table == "programme_year"
    with demo_db.transaction(read_only=True) as s:
        py = s.scalars(select(ProgrammeYear).where(ProgrammeYear.year_start == 2030)).one()
        assert py.approved and py.version == after_sam  # Sam's approval, not written again


def _meeting_with_entries(s: Any) -> tuple[Meeting, list[ProgrammeEntry]]:
    """The first meeting with at least three entries, and its entries in agenda order."""
    for m in s.scalars(select(Meeting).order_by(Meeting.starts_at)):
        entries = sorted(m.entries, key=lambda e: e.position)
        if len(entries) >= 3:
            return m, entries
    raise AssertionError("the demo data has no meeting with three entries")


def test_moving_several_entries_checks_each_as_read_before_the_first_moved(demo_db: Database) -> None:
    with demo_db.transaction(who="Alex Jones") as s:  # A picks up the first two entries
        meeting, entries = _meeting_with_entries(s)
        mid, (first, second) = meeting.id, entries[:2]
        read = {first.id: first.version, second.id: second.version}
    with demo_db.transaction(who="Sam Patel") as s:  # B unschedules the second
        planning.move_entry(s, entry_id=second.id, meeting_id=None)
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction() as s:
        planning.move_entry(s, entry_id=first.id, meeting_id=mid, position=3, expected_entries=read)
    assert (caught.value.table, caught.value.row_id) == ("programme_entry", second.id)
    with demo_db.transaction(read_only=True) as s:
        assert s.get(ProgrammeEntry, first.id).version == read[first.id]  # the first did not move


def test_bringing_back_an_entry_someone_moved_meanwhile_is_refused(demo_db: Database) -> None:
    with demo_db.transaction(who="Alex Jones") as s:
        entry = _first(s, ProgrammeEntry)
        read, topic_id, day = {entry.id: entry.version}, entry.topic_id, entry.meeting.starts_at.date()
    with demo_db.transaction(who="Sam Patel") as s:
        planning.move_entry(s, entry_id=entry.id, meeting_id=entry.meeting_id, position=1)
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction() as s:
        planning.bring_back(s, topic_id=topic_id, months=6, from_date=day, expected_entries=read)
    assert caught.value.table == "programme_entry"
    with demo_db.transaction(read_only=True) as s:
        assert len(s.scalars(select(ProgrammeEntry).where(ProgrammeEntry.topic_id == topic_id)).all()) == 1


def test_accepting_a_suggestion_for_a_topic_someone_changed_meanwhile_is_refused(demo_db: Database) -> None:
    with demo_db.transaction(who="Alex Jones") as s:
        cid = s.scalars(select(Topic.committee_id).where(Topic.year_start == 2019)).first()
        proposal = planning.suggest(s, committee_id=cid, year_start=2019, today=dt.date(2019, 7, 11))
    chosen = proposal.changes[:2]
    assert chosen, "the demo data has topics waiting to be scheduled"
    with demo_db.transaction(who="Sam Patel") as s:
        topics.update_topic(s, topic_id=chosen[1].topic_id, reason="Sam's reason")
    read = {p.topic_id: p.topic_version for p in chosen if p.topic_version is not None}
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction() as s:
        planning.accept_suggestion(s, placements=chosen, expected_topics=read)
    assert (caught.value.table, caught.value.row_id) == ("topic", chosen[1].topic_id)
    with demo_db.transaction(read_only=True) as s:
        assert not s.scalars(select(ProgrammeEntry).where(ProgrammeEntry.topic_id == chosen[0].topic_id)).all()


def test_placing_standing_items_after_someone_changed_the_years_meetings_is_refused(demo_db: Database) -> None:
    with demo_db.transaction(who="Alex Jones") as s:
        cid = s.scalars(select(Topic.committee_id).where(Topic.year_start == 2019)).first()
        shown = planning.load_programme(s, committee_id=cid, year_start=2019)
        read = {row.meeting.id: row.meeting.version for row in shown.meetings}
    with demo_db.transaction(who="Sam Patel") as s:
        later = shown.meetings[-1].meeting
        planning.move_meeting(s, meeting_id=later.id, starts_at=later.starts_at + dt.timedelta(hours=1))
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction() as s:
        planning.place_standing_items(s, committee_id=cid, year_start=2019, expected_meetings=read)
    assert (caught.value.table, caught.value.row_id) == ("meeting", later.id)
    with demo_db.transaction() as s:  # read afresh, the same placing goes ahead
        fresh = {r.meeting.id: r.meeting.version for r in planning.load_programme(s, committee_id=cid, year_start=2019).meetings}
        assert planning.place_standing_items(s, committee_id=cid, year_start=2019, expected_meetings=fresh).entry_ids


def test_undo_and_redo_of_adding_to_the_work_programme_refuse_someone_elses_change(demo_db: Database) -> None:
    with demo_db.transaction(who="Alex Jones") as s:
        added = decisions.add_to_work_programme(s, decision_id=_first(s, Decision).id)
    with demo_db.transaction(who="Sam Patel") as s:
        topics.update_topic(s, topic_id=added.topic_id, reason="Sam's reason")
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction() as s:
        decisions.undo_add_to_work_programme(s, addition=added, expected=added)
    assert (caught.value.table, caught.value.row_id) == ("topic", added.topic_id)

    with demo_db.transaction(who="Alex Jones") as s:  # choosing to overwrite it, then redo
        undone = decisions.undo_add_to_work_programme(s, addition=added)
        assert s.get(Topic, added.topic_id) is None
    with demo_db.transaction(who="Sam Patel") as s:
        decisions.update_decision(s, decision_id=added.decision_id, title="Sam's resolution")
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction() as s:
        decisions.redo_add_to_work_programme(s, addition=undone, expected=undone)
    assert (caught.value.table, caught.value.row_id) == ("decision", added.decision_id)
    with demo_db.transaction(read_only=True) as s:
        assert s.get(Topic, added.topic_id) is None


def test_undo_of_a_follow_up_added_to_the_programme_refuses_someone_elses_change(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        _make(s, Recommendation)
    with demo_db.transaction(who="Alex Jones") as s:
        added = reviews.add_follow_up_to_programme(s, recommendation_id=_first(s, Recommendation).id)
    with demo_db.transaction(who="Sam Patel") as s:
        reviews.update_recommendation(s, recommendation_id=added.recommendation_id, text="Sam's text")
    with pytest.raises(Conflict, match="^Sam Patel changed ") as caught, demo_db.transaction() as s:
        reviews.undo_add_follow_up(s, addition=added, expected=added)
    assert caught.value.table == "recommendation"
    with demo_db.transaction(read_only=True) as s:
        assert s.get(Topic, added.topic_id) is not None
