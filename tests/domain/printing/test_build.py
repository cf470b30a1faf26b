"""Building printed documents from the database: what each row says and where it goes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy.orm import Session

from domain.db import Database
from domain.demo import load_demo
from domain.ops import assessments, decisions, planning, reviews, topics
from domain.ops.committees import create_committee, set_programme_approved
from domain.ops.convert import committee_by_name
from domain.printing.build import (
    TO_FOLLOW,
    VERBAL_UPDATE,
    build_decisions,
    build_programme,
    build_scoring_sheets,
)
from domain.printing.document import ProgrammeRow
from domain.settings import load_settings, save_settings


@pytest.fixture
def s(sqlite_db: Database):  # type: ignore[no-untyped-def]
    with sqlite_db.sessions() as session:
        yield session
        session.rollback()


def committee(s: Session, name: str = "Health Scrutiny"):  # type: ignore[no-untyped-def]
    return create_committee(
        s, name=name, short_name="HS", officer_name="Helen Rickman", officer_phone="01752 398444"
    )


def meeting(s: Session, committee_id: int, day: dt.date):  # type: ignore[no-untyped-def]
    return planning.add_meeting(s, committee_id=committee_id, starts_at=dt.datetime.combine(day, dt.time(14)))


def topic(s: Session, committee_id: int, title: str, **fields):  # type: ignore[no-untyped-def]
    return topics.create_topic(s, committee_id=committee_id, year_start=2019, title=title, **fields)


def titles(doc) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[r.title for r in m.rows] for m in doc.meetings]


def test_heading_comes_from_the_committee_and_council_settings(s: Session) -> None:
    c = committee(s)
    save_settings(s, settings=dataclasses.replace(load_settings(s), council_name="Devon County Council"))
    doc = build_programme(s, committee_id=c.id, year_start=2019)
    assert (doc.committee_name, doc.officer_name, doc.officer_phone) == (
        "Health Scrutiny", "Helen Rickman", "01752 398444",
    )  # fmt: skip
    assert (doc.year_label, doc.short_year) == ("2019 - 20", "2019/20")
    assert doc.council_name == "Devon County Council"
    assert not doc.not_for_publication


def test_a_programme_is_a_draft_until_approved(s: Session) -> None:
    c = committee(s)
    assert build_programme(s, committee_id=c.id, year_start=2019).draft
    set_programme_approved(s, committee_id=c.id, year_start=2019, approved=True)
    assert not build_programme(s, committee_id=c.id, year_start=2019).draft


def test_meetings_of_the_year_in_date_order_items_in_agenda_order(s: Session) -> None:
    c = committee(s)
    later = meeting(s, c.id, dt.date(2019, 11, 13))
    first = meeting(s, c.id, dt.date(2019, 7, 10))
    meeting(s, c.id, dt.date(2020, 6, 1))  # next municipal year
    meeting(s, c.id, dt.date(2019, 4, 30))  # previous municipal year
    a, b, x = (topic(s, c.id, t) for t in ("Alpha", "Beta", "Gamma"))
    planning.book(s, topic_id=a.id, meeting_id=first.id)
    planning.book(s, topic_id=b.id, meeting_id=first.id, position=0)
    planning.book(s, topic_id=x.id, meeting_id=later.id)
    doc = build_programme(s, committee_id=c.id, year_start=2019)
    assert [m.meeting_date for m in doc.meetings] == [dt.date(2019, 7, 10), dt.date(2019, 11, 13)]
    assert titles(doc) == [["Beta", "Alpha"], ["Gamma"]]


def test_a_cancelled_meeting_is_not_printed(s: Session) -> None:
    c = committee(s)
    m = meeting(s, c.id, dt.date(2019, 9, 11))
    meeting(s, c.id, dt.date(2019, 11, 13))
    planning.cancel_meeting(s, meeting_id=m.id)
    doc = build_programme(s, committee_id=c.id, year_start=2019)
    assert [g.meeting_date for g in doc.meetings] == [dt.date(2019, 11, 13)]


def test_printed_reason_is_the_purpose_else_the_topic_reason(s: Session) -> None:
    c = committee(s)
    m1, m2 = meeting(s, c.id, dt.date(2019, 7, 10)), meeting(s, c.id, dt.date(2019, 9, 11))
    t = topic(s, c.id, "Care Leavers", reason="Pledge 48", responsible="Jean Kelly")
    planning.book(s, topic_id=t.id, meeting_id=m1.id)
    planning.book(s, topic_id=t.id, meeting_id=m2.id, purpose="Progress report")
    doc = build_programme(s, committee_id=c.id, year_start=2019)
    rows = [m.rows[0] for m in doc.meetings]
    assert [(r.reason, r.responsible) for r in rows] == [  # type: ignore[union-attr]
        ("Pledge 48", "Jean Kelly"), ("Progress report", "Jean Kelly"),
    ]  # fmt: skip


def test_printed_score_is_the_agreed_score(s: Session) -> None:
    c = committee(s)
    m = meeting(s, c.id, dt.date(2019, 7, 10))
    t = topic(s, c.id, "Child Exploitation")
    planning.book(s, topic_id=t.id, meeting_id=m.id)

    def score() -> int | None:
        row = build_programme(s, committee_id=c.id, year_start=2019).meetings[0].rows[0]
        assert isinstance(row, ProgrammeRow)
        return row.score

    assert score() is None  # never scored: a blank cell
    assessments.record_assessment(s, topic_id=t.id, scorer="Chair", answers=[(True, "")] * 6)
    assert score() == 6  # a single scorer's score prints
    second = assessments.record_assessment(
        s, topic_id=t.id, scorer="Vice-chair", answers=[(True, "")] * 2 + [(False, "")] * 4
    )
    assert score() is None  # two scorers disagree and none is agreed
    assessments.set_agreed(s, assessment_id=second.id)
    assert score() == 2


def test_flags_to_follow_and_verbal_update(s: Session) -> None:
    c = committee(s)
    m = meeting(s, c.id, dt.date(2019, 7, 10))
    a = topic(s, c.id, "Report late")
    b = topic(s, c.id, "Spoken only")
    v = topic(s, c.id, "Number of Children in Care", kind="verbal_update")
    planning.book(s, topic_id=a.id, meeting_id=m.id, to_follow=True)
    planning.book(s, topic_id=b.id, meeting_id=m.id, verbal_update=True)
    planning.book(s, topic_id=v.id, meeting_id=m.id)
    rows = build_programme(s, committee_id=c.id, year_start=2019).meetings[0].rows
    assert [r.flags for r in rows] == [(TO_FOLLOW,), (VERBAL_UPDATE,), (VERBAL_UPDATE,)]  # type: ignore[union-attr]


def test_items_to_be_scheduled_in_the_order_they_joined_the_list(s: Session) -> None:
    c = committee(s)
    topic(s, c.id, "School visits", status="to_be_scheduled", added_on=dt.date(2019, 3, 13))
    topic(s, c.id, "PSHE", status="to_be_scheduled", added_on=dt.date(2018, 11, 28))
    topic(s, c.id, "Accepted", status="accepted", reason="Why", responsible="Who")
    topic(s, c.id, "Only proposed", status="proposed")
    topic(s, c.id, "Dropped", status="not_pursued")
    topic(s, c.id, "Review", kind="select_review", status="to_be_scheduled")
    doc = build_programme(s, committee_id=c.id, year_start=2019)
    assert [r.subject for r in doc.to_be_scheduled] == ["School visits", "PSHE", "Accepted"]  # type: ignore[union-attr]
    assert doc.to_be_scheduled[2].reason == "Why"  # type: ignore[union-attr]
    assert [r.subject for r in doc.reviews] == ["Review"]  # type: ignore[union-attr]


def test_select_reviews_stay_until_closed(s: Session) -> None:
    c = committee(s)
    t = topic(s, c.id, "Bullying", kind="select_review", reason="Topic reason", responsible="Topic officer")
    reviews.create_review(
        s, committee_id=c.id, title="Bullying review", topic_id=t.id, added_on=dt.date(2019, 3, 13)
    )
    reviews.create_review(
        s, committee_id=c.id, title="Funding", scope="The scope", lead_officer="Judith Harwood",
        added_on=dt.date(2019, 7, 10),
    )  # fmt: skip
    reviews.create_review(
        s, committee_id=c.id, title="Reported long ago", added_on=dt.date(2017, 1, 1),
        status="reported", reported_on=dt.date(2018, 1, 1),
    )  # fmt: skip
    reviews.create_review(
        s, committee_id=c.id, title="Next year", added_on=dt.date(2020, 6, 1)
    )
    closed = reviews.create_review(s, committee_id=c.id, title="Closed", added_on=dt.date(2019, 8, 1))
    reviews.update_review(s, review_id=closed.id, status="closed")
    rows = build_programme(s, committee_id=c.id, year_start=2019).reviews
    assert [(r.subject, r.reason, r.responsible) for r in rows] == [  # type: ignore[union-attr]
        ("Bullying review", "Topic reason", "Topic officer"),
        ("Funding", "The scope", "Judith Harwood"),
    ]


def test_annex_blank_or_filled_in_for_a_topic(s: Session) -> None:
    c = committee(s)
    assert build_programme(s, committee_id=c.id, year_start=2019).annex is None
    blank = build_programme(s, committee_id=c.id, year_start=2019, annex=True).annex
    assert blank is not None and blank.answers is None and len(blank.questions) == 6
    t = topic(s, c.id, "Early Help")
    answers = [(True, "Partners raised it"), (True, ""), (False, "Improving"), (True, ""), (None, ""), (True, "")]
    assessments.record_assessment(s, topic_id=t.id, scorer="Chair", answers=answers)
    filled = build_programme(s, committee_id=c.id, year_start=2019, annex_topic_id=t.id).annex
    assert filled is not None
    assert filled.topic_title == "Early Help"
    assert [(a.value, a.evidence) for a in filled.answers or ()] == answers
    assert (filled.total, filled.band) == (4, "Medium")


def test_demo_decisions_in_meeting_and_minute_order_with_latest_progress(s: Session) -> None:
    load_demo(s)
    ecsc = committee_by_name(s, "ECSC")
    doc = build_decisions(s, committee_id=ecsc.id)
    assert doc.committee_name == ecsc.name
    assert [r.minute_no for r in doc.rows] == ["", "13", "14", "15", "16", "17", "18", "19", "20"]  # type: ignore[union-attr]
    first = doc.rows[0]
    assert (first.title, first.target_date_label, first.officer, first.progress) == (  # type: ignore[union-attr]
        "The Oracy Project", "March 2019", "Ruth Woodhouse", "Ongoing",
    )  # fmt: skip
    decisions.add_progress_note(
        s, decision_id=_decision_id(s, ecsc.id, "The Oracy Project"), text="Reports received",
        noted_on=dt.date(2019, 10, 1),
    )  # fmt: skip
    again = build_decisions(s, committee_id=ecsc.id, open_only=True)
    assert again.rows[0].progress == "Reports received"  # type: ignore[union-attr]
    assert [r.title for r in again.rows] == [  # type: ignore[union-attr]
        "The Oracy Project", "Number of Children in Care \u2013 verbal update",
        "Fair Funding for Schools", "Bullying and Attendance",
    ]  # fmt: skip


def _decision_id(s: Session, committee_id: int, title: str) -> int:
    return next(d.id for d in decisions.list_decisions(s, committee_id=committee_id) if d.title == title)


def test_scoring_sheets_one_per_answered_topic_in_the_order_asked(s: Session) -> None:
    c = committee(s)
    a, b, imported, unscored = (topic(s, c.id, t) for t in ("A", "B", "Imported", "Unscored"))
    assessments.record_assessment(s, topic_id=a.id, scorer="Chair", answers=[(True, "ev")] * 6)
    assessments.record_assessment(s, topic_id=b.id, scorer="Member", answers=[(False, "")] * 6)
    assessments.record_imported_total(s, topic_id=imported.id, total=4)
    sheets = build_scoring_sheets(s, topic_ids=[b.id, imported.id, unscored.id, a.id])
    assert [(x.topic_title, x.scorer, x.total) for x in sheets] == [("B", "Member", 0), ("A", "Chair", 6)]
    assert sheets[1].answers[0].evidence == "ev"
    assert sheets[1].committee_name == "Health Scrutiny"
