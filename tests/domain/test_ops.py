"""The use cases' rules: validation, optimistic locking, booking, criteria revisions."""

from __future__ import annotations

import datetime as dt

import pytest

from domain import scoring
from domain.db import Database
from domain.errors import Conflict, Invalid, NotFound
from domain.models import Topic
from domain.ops import assessments, committees, criteria, planning, topics


@pytest.fixture
def committee(db: Database) -> int:
    with db.transaction() as s:
        return committees.create_committee(
            s, name="Education and Children's Social Care Overview and Scrutiny Committee",
            short_name="ECSC", default_venue="Warspite Room, Council House", capacity_items=6,
        ).id


def _topic(db: Database, committee: int, title: str = "Child Exploitation", **kw: object) -> int:
    with db.transaction() as s:
        return topics.create_topic(s, committee_id=committee, year_start=2019, title=title, **kw).id


def test_a_topic_needs_a_title_and_a_valid_exempt_paragraph(db: Database, committee: int) -> None:
    with db.transaction() as s, pytest.raises(Invalid) as err:
        topics.create_topic(s, committee_id=committee, year_start=2019, title="   ")
    assert err.value.field == "title"
    with db.transaction() as s, pytest.raises(Invalid, match="paragraphs 1 to 7"):
        topics.create_topic(
            s, committee_id=committee, year_start=2019, title="Land sale", exempt=True,
            exempt_paragraph=9,
        )
    with db.transaction() as s:
        assert topics.list_topics(s, committee_id=committee) == []


def test_an_unknown_status_is_refused_with_the_allowed_values(db: Database, committee: int) -> None:
    tid = _topic(db, committee)
    with db.transaction() as s, pytest.raises(Invalid, match="proposed, accepted"):
        topics.update_topic(s, topic_id=tid, status="maybe")


def test_a_duplicate_committee_name_is_refused(db: Database, committee: int) -> None:
    with db.transaction() as s, pytest.raises(Invalid, match="already a committee"):
        committees.create_committee(
            s, name="Education and Children's Social Care Overview and Scrutiny Committee"
        )


def test_a_stale_edit_is_caught_not_silently_overwritten(db: Database, committee: int) -> None:
    tid = _topic(db, committee)
    with db.transaction() as s:
        seen = topics.get_topic(s, topic_id=tid)
    with db.transaction() as s:
        topics.update_topic(s, topic_id=tid, expected_version=seen.version, reason="First edit")
    with db.transaction() as s, pytest.raises(Conflict, match="changed .Child Exploitation. at"):
        topics.update_topic(s, topic_id=tid, expected_version=seen.version, reason="Second edit")
    with db.transaction() as s:
        assert topics.get_topic(s, topic_id=tid).reason == "First edit"


def test_two_sessions_writing_one_row_conflict_at_commit(db: Database, committee: int) -> None:
    tid = _topic(db, committee)
    first = db.sessions()
    second = db.sessions()
    try:
        # Each advisor reads the row in a short transaction of their own and saves later.
        a = first.get(Topic, tid)
        first.commit()
        b = second.get(Topic, tid)
        second.commit()
        a.reason = "Advisor A"
        first.commit()
        b.reason = "Advisor B"
        with pytest.raises(Exception, match="expected to update 1 row"):
            second.commit()
    finally:
        first.close()
        second.rollback()
        second.close()
    with db.transaction() as s:
        assert topics.get_topic(s, topic_id=tid).reason == "Advisor A"


def test_booking_orders_the_agenda_and_unscheduling_returns_the_topic(
    db: Database, committee: int
) -> None:
    with db.transaction() as s:
        m = planning.add_meeting(s, committee_id=committee, starts_at=dt.datetime(2019, 9, 11, 14))
    a, b, c = (_topic(db, committee, t, status="to_be_scheduled") for t in ("A", "B", "C"))
    with db.transaction() as s:
        planning.book(s, topic_id=a, meeting_id=m.id)
        planning.book(s, topic_id=b, meeting_id=m.id)
        eb = planning.book(s, topic_id=c, meeting_id=m.id, position=0)
    with db.transaction() as s:
        view = planning.load_programme(s, committee_id=committee, year_start=2019)
    assert [e.title for e in view.meetings[0].entries] == ["C", "A", "B"]
    assert m.venue == "Warspite Room, Council House"
    with db.transaction() as s:
        planning.move_entry(s, entry_id=eb.entry.id, meeting_id=None)
        view = planning.load_programme(s, committee_id=committee, year_start=2019)
    assert [e.title for e in view.meetings[0].entries] == ["A", "B"]
    assert [e.position for e in view.meetings[0].entries] == [0, 1]
    assert [t.title for t in view.to_be_scheduled] == ["C"]


def test_a_meeting_cannot_be_added_twice_at_the_same_time(db: Database, committee: int) -> None:
    when = dt.datetime(2019, 11, 13, 14)
    with db.transaction() as s:
        planning.add_meeting(s, committee_id=committee, starts_at=when)
    with db.transaction() as s, pytest.raises(Invalid, match="already meets"):
        planning.add_meeting(s, committee_id=committee, starts_at=when)


def test_moving_a_meeting_remembers_where_it_was(db: Database, committee: int) -> None:
    with db.transaction() as s:
        m = planning.add_meeting(s, committee_id=committee, starts_at=dt.datetime(2019, 11, 13, 14))
        moved = planning.move_meeting(s, meeting_id=m.id, starts_at=dt.datetime(2019, 11, 20, 10))
    assert moved.status == "moved"
    assert moved.moved_from == dt.datetime(2019, 11, 13, 14)
    with db.transaction() as s:
        back = planning.move_meeting(s, meeting_id=m.id, starts_at=dt.datetime(2019, 11, 13, 14))
    assert back.status == "scheduled" and back.moved_from is None


def test_scores_total_band_and_the_agreed_one_is_printed(db: Database, committee: int) -> None:
    tid = _topic(db, committee)
    yes_no = [True, True, False, True, True, False]
    with db.transaction() as s:
        first = assessments.record_assessment(
            s, topic_id=tid, scorer="Councillor Mrs Johnson",
            answers=[(a, "evidence") for a in yes_no],
        )
        second = assessments.record_assessment(
            s, topic_id=tid, scorer="Councillor Murphy", answers=[(True, "")] * 6
        )
    assert (first.total, first.band) == (4, "Medium")
    assert (second.total, second.band) == (6, "High")
    with db.transaction() as s:
        assert topics.get_topic(s, topic_id=tid).score is None  # two scorers disagree
        assessments.set_agreed(s, assessment_id=first.id)
        assert topics.get_topic(s, topic_id=tid).score == 4
        previous = assessments.set_agreed(s, assessment_id=second.id)
        assert previous == first.id
        assert topics.get_topic(s, topic_id=tid).band == "High"
        assessments.restore_agreed(s, topic_id=tid, assessment_id=previous)
        assert topics.get_topic(s, topic_id=tid).score == 4
        assert [a.scorer for a in assessments.list_assessments(s, topic_id=tid)] == [
            "Councillor Mrs Johnson", "Councillor Murphy"
        ]


def test_a_score_needs_a_scorer_and_one_answer_per_question(db: Database, committee: int) -> None:
    tid = _topic(db, committee)
    with db.transaction() as s, pytest.raises(Invalid, match="name of the person"):
        assessments.record_assessment(s, topic_id=tid, scorer=" ", answers=[(True, "")] * 6)
    with db.transaction() as s, pytest.raises(Invalid, match="6 questions; 5 answers"):
        assessments.record_assessment(s, topic_id=tid, scorer="Cllr", answers=[(True, "")] * 5)


def test_zero_means_not_a_scrutiny_topic_and_can_be_not_pursued(db: Database, committee: int) -> None:
    tid = _topic(db, committee)
    with db.transaction() as s:
        a = assessments.record_assessment(s, topic_id=tid, scorer="Chair", answers=[(False, "")] * 6)
        assert a.band == "Not a scrutiny topic"
        with pytest.raises(Invalid, match="Say why"):
            topics.mark_not_pursued(s, topic_id=tid, reason="")
    with db.transaction() as s:
        row = topics.mark_not_pursued(s, topic_id=tid, reason="Covered by Cabinet")
    assert (row.status, row.status_reason) == ("not_pursued", "Covered by Cabinet")


def test_a_used_criteria_set_is_revised_not_edited(db: Database, committee: int) -> None:
    tid = _topic(db, committee)
    with db.transaction() as s:
        paper = criteria.ensure_default_set(s)
        old = assessments.record_assessment(s, topic_id=tid, scorer="Chair", answers=[(True, "")] * 6)
    heavier = scoring.CriteriaSetSpec(
        "PAPER",
        tuple(scoring.Question(q.letter, q.title, q.question, 2) for q in scoring.PAPER.questions),
        (scoring.BandRule("High", 10, 12), scoring.BandRule("Medium", 6, 9), scoring.BandRule("Low", 1, 5)),
    )
    with db.transaction() as s:
        new = criteria.revise_set(s, criteria_set_id=paper.id, spec=heavier)
        assert new.id != paper.id and new.revision == 2 and new.max_total == 12
        assert criteria.set_for_committee(s, committee_id=committee).id == new.id
        (kept,) = assessments.list_assessments(s, topic_id=tid)
    assert (kept.id, kept.total, kept.max_total, kept.band) == (old.id, 6, 6, "High")


def test_an_unused_criteria_set_is_edited_in_place(db: Database, committee: int) -> None:
    with db.transaction() as s:
        paper = criteria.ensure_default_set(s)
        spec = scoring.CriteriaSetSpec("PAPER", scoring.PAPER.questions[:5], scoring.PAPER.bands)
        new = criteria.revise_set(s, criteria_set_id=paper.id, spec=spec)
    assert new.id == paper.id and len(new.questions) == 5


def test_a_missing_row_is_reported_in_words(db: Database, committee: int) -> None:
    with db.transaction() as s, pytest.raises(NotFound, match="That topic no longer exists"):
        topics.get_topic(s, topic_id=99999)


def test_a_failed_action_leaves_the_database_as_it_was(db: Database, committee: int) -> None:
    with pytest.raises(Invalid), db.transaction() as s:
        topics.create_topic(s, committee_id=committee, year_start=2019, title="Kept?")
        topics.create_topic(s, committee_id=committee, year_start=2019, title="")
    with db.transaction() as s:
        assert topics.list_topics(s, committee_id=committee) == []
