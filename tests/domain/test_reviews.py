"""Select committee reviews: status rules, meetings, recommendations, follow-ups, programme rows."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.db import Database
from domain.demo import demo_paths
from domain.errors import Conflict, Invalid
from domain.models import ProgrammeEntry, Topic
from domain.ops import planning, reviews, topics
from domain.ops.convert import committee_by_name
from domain.printing.build import build_programme
from domain.printing.document import ScheduleRow

TODAY = dt.date(2019, 9, 3)


@pytest.fixture
def demo(demo_db: Database) -> tuple[Database, int]:
    db = demo_db
    with db.transaction() as s:
        return db, committee_by_name(s, "ECSC").id


def _fair_funding(s: Session, cid: int) -> reviews.ReviewInfo:
    return next(r for r in reviews.list_reviews(s, committee_id=cid) if r.title.startswith("Fair"))


def _counts(s: Session) -> tuple[int, int]:
    return (
        s.scalar(select(func.count()).select_from(Topic)) or 0,
        s.scalar(select(func.count()).select_from(ProgrammeEntry)) or 0,
    )


def _new_review(s: Session, cid: int, **fields: object) -> reviews.ReviewInfo:
    values: dict[str, object] = {
        "title": "School Exclusions",
        "scope": "Why exclusions rose in 2018-19.",
        "members": ["Cllr Jordan", "Cllr Kelly"],
        "lead_officer": "Judith Harwood",
        "added_on": dt.date(2019, 9, 11),
    }
    values.update(fields)
    return reviews.create_review(s, committee_id=cid, **values)  # type: ignore[arg-type]


# --- the programme table ----------------------------------------------------------------------


def _printed_reviews(s: Session, cid: int, year: int, **kw: bool) -> list[ScheduleRow]:
    rows = build_programme(s, committee_id=cid, year_start=year, **kw).reviews
    return [r for r in rows if isinstance(r, ScheduleRow)]


def test_demo_reviews_make_the_programme_table_with_their_topics_reasons(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    data = json.loads(demo_paths()[0].read_text(encoding="utf-8"))
    reasons = {t["key"]: (t["title"], t["reason"]) for t in data["topics"]}
    with db.transaction() as s:
        rows = _printed_reviews(s, cid, 2019)
    assert [(r.subject, r.reason, r.responsible) for r in rows] == [
        (x["title"], reasons[x["topic"]][1], x["lead_officer"]) for x in data["reviews"]
    ]


def test_closed_reviews_and_reviews_of_other_years_are_left_off(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        scoped = _new_review(s, cid)  # no topic: its scope is the reason
        later = _new_review(s, cid, title="Next year", added_on=dt.date(2020, 6, 1))
        old = _new_review(
            s, cid, title="Long done", added_on=dt.date(2017, 6, 1), status="reported",
            reported_on=dt.date(2018, 3, 1),
        )
        this_year = _printed_reviews(s, cid, 2019)
        reviews.update_review(s, review_id=scoped.id, status="closed")
        after_closing = _printed_reviews(s, cid, 2019)
        next_year = _printed_reviews(s, cid, 2020)
    subjects = [r.subject for r in this_year]
    assert "School Exclusions" in subjects
    assert later.title not in subjects and old.title not in subjects
    row = next(r for r in this_year if r.subject == scoped.title)
    assert row.reason == "Why exclusions rose in 2018-19."
    assert scoped.title not in [r.subject for r in after_closing]
    assert later.title in [r.subject for r in next_year]


def test_an_exempt_review_topic_is_printed_only_in_the_exempt_programme(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        t = topics.create_topic(
            s, committee_id=cid, year_start=2019, title="Named school finances", kind="select_review",
            exempt=True, exempt_paragraph=3,
        )
        r = _new_review(s, cid, topic_id=t.id)
        public = [x.subject for x in _printed_reviews(s, cid, 2019)]
        exempt = [x.subject for x in _printed_reviews(s, cid, 2019, include_exempt=True)]
    assert r.title not in public and r.title in exempt


# --- status rules -----------------------------------------------------------------------------


def test_reported_needs_the_date_it_reported(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        r = _new_review(s, cid, status="in_progress")
    with pytest.raises(Invalid) as err, db.transaction() as s:
        reviews.update_review(s, review_id=r.id, status="reported")
    assert err.value.field == "reported_on"
    with db.transaction() as s:
        edit = reviews.update_review(
            s, review_id=r.id, status="reported", reported_on=dt.date(2020, 3, 4)
        )
    assert edit.before.status == "in_progress"
    assert (edit.after.status, edit.after.reported_on) == ("reported", dt.date(2020, 3, 4))
    with pytest.raises(Invalid) as err, db.transaction() as s:
        _new_review(s, cid, status="reported")
    assert err.value.field == "reported_on"


@pytest.mark.parametrize("finished", ["reported", "closed"])
def test_a_finished_review_cannot_go_back_to_proposed(
    demo: tuple[Database, int], finished: str
) -> None:
    db, cid = demo
    with db.transaction() as s:
        r = _new_review(s, cid)
        reviews.update_review(s, review_id=r.id, status=finished, reported_on=dt.date(2020, 1, 8))
    with pytest.raises(Invalid) as err, db.transaction() as s:
        reviews.update_review(s, review_id=r.id, status="proposed")
    assert err.value.field == "status" and "proposed" in str(err.value)
    assert "proposed" not in reviews.allowed_statuses(finished)
    assert "proposed" in reviews.allowed_statuses("scoping")
    with db.transaction() as s:
        assert reviews.get_review(s, review_id=r.id).status == finished
        reopened = reviews.update_review(s, review_id=r.id, status="in progress").after
    assert reopened.status == "in_progress"


def test_undo_of_a_status_change_puts_the_review_back_even_to_proposed(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        r = _new_review(s, cid)
        edit = reviews.update_review(
            s, review_id=r.id, status="reported", reported_on=dt.date(2020, 1, 8)
        )
        back = reviews.revert_review(s, info=edit.before)
    assert reviews.review_fields(back) == reviews.review_fields(r)


def test_review_fields_are_checked(demo: tuple[Database, int]) -> None:
    db, cid = demo
    for fields, field in (
        ({"title": " "}, "title"),
        ({"status": "abandoned"}, "status"),
        ({"status": "reported", "reported_on": dt.date(2019, 1, 1)}, "reported_on"),
        ({"topic_id": 10_000}, "topic_id"),
    ):
        with pytest.raises(Invalid) as err, db.transaction() as s:
            _new_review(s, cid, **fields)
        assert err.value.field == field


def test_edit_with_a_stale_version_is_refused(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        r = _new_review(s, cid)
        reviews.update_review(s, review_id=r.id, expected_version=r.version, scope="Wider scope")
    with pytest.raises(Conflict), db.transaction() as s:
        reviews.update_review(s, review_id=r.id, expected_version=r.version, scope="Mine")
    with db.transaction() as s:
        assert reviews.get_review(s, review_id=r.id).scope == "Wider scope"


# --- meetings and recommendations -------------------------------------------------------------


def test_review_meetings_are_added_moved_and_deleted_in_date_order(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        r = _new_review(s, cid)
        second = reviews.add_review_meeting(
            s, review_id=r.id, starts_at=dt.datetime(2019, 11, 1, 10), venue="Warspite Room"
        )
        first = reviews.add_review_meeting(s, review_id=r.id, starts_at=dt.datetime(2019, 10, 1, 10))
        assert [m.id for m in reviews.get_review(s, review_id=r.id).meetings] == [first.id, second.id]
        moved = reviews.update_review_meeting(
            s, review_meeting_id=first.id, starts_at=dt.datetime(2019, 12, 2, 14)
        )
        assert moved.before == first
        assert [m.id for m in reviews.get_review(s, review_id=r.id).meetings] == [second.id, first.id]
    with pytest.raises(Invalid) as err, db.transaction() as s:
        reviews.add_review_meeting(s, review_id=r.id, starts_at=dt.datetime(2019, 11, 1, 10))
    assert err.value.field == "starts_at"
    with db.transaction() as s:
        gone = reviews.delete_review_meeting(s, review_meeting_id=second.id)
        assert [m.id for m in reviews.get_review(s, review_id=r.id).meetings] == [first.id]
        reviews.restore_review_meeting(s, info=gone)
        reviews.revert_review_meeting(s, info=moved.before)
        assert reviews.get_review(s, review_id=r.id).meetings[0].starts_at == first.starts_at


def test_a_response_other_than_pending_needs_its_date(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        rec = reviews.add_recommendation(
            s, review_id=_fair_funding(s, cid).id, text="Write to the Secretary of State"
        )
    assert (rec.number, rec.response) == (1, "pending")
    for response in ("agreed", "noted", "rejected"):
        with pytest.raises(Invalid) as err, db.transaction() as s:
            reviews.update_recommendation(s, recommendation_id=rec.id, response=response)
        assert err.value.field == "response_on"
    with db.transaction() as s:
        edit = reviews.update_recommendation(
            s, recommendation_id=rec.id, response="rejected", response_on=dt.date(2019, 12, 10),
            response_text="Funding is a national matter.",
        )
        pending_again = reviews.update_recommendation(
            s, recommendation_id=rec.id, response="pending", response_on=None
        ).after
    assert edit.before == rec and edit.after.response == "rejected"
    assert pending_again.response == "pending" and pending_again.response_on is None


def test_recommendations_are_numbered_in_turn_and_numbers_are_unique(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        rid = _fair_funding(s, cid).id
        one = reviews.add_recommendation(s, review_id=rid, text="First")
        two = reviews.add_recommendation(s, review_id=rid, text="Second")
    assert (one.number, two.number) == (1, 2)
    with pytest.raises(Invalid) as err, db.transaction() as s:
        reviews.update_recommendation(s, recommendation_id=two.id, number=1)
    assert err.value.field == "number"
    with db.transaction() as s:
        gone = reviews.delete_recommendation(s, recommendation_id=one.id)
        assert [x.number for x in reviews.get_review(s, review_id=rid).recommendations] == [2]
        reviews.restore_recommendation(s, info=gone)
        assert reviews.get_review(s, review_id=rid).recommendations == (one, two)


def test_a_deleted_review_comes_back_whole_with_its_id(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        r = _new_review(s, cid)
        reviews.add_review_meeting(s, review_id=r.id, starts_at=dt.datetime(2019, 10, 1, 10))
        reviews.add_recommendation(s, review_id=r.id, text="Publish exclusion data termly")
        whole = reviews.get_review(s, review_id=r.id)
        removed = reviews.delete_review(s, review_id=r.id)
    assert removed == whole
    with db.transaction() as s:
        assert r.id not in [x.id for x in reviews.list_reviews(s, committee_id=cid)]
        reviews.restore_review(s, info=removed)
    with db.transaction() as s:
        assert reviews.get_review(s, review_id=r.id) == whole


# --- follow-up on the work programme ----------------------------------------------------------


def test_follow_up_goes_on_the_programme_with_the_recommendation_and_response(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        rid = _fair_funding(s, cid).id
        rec = reviews.add_recommendation(s, review_id=rid, text="Write to the Secretary of State")
        reviews.update_recommendation(
            s, recommendation_id=rec.id, response="agreed", response_on=dt.date(2019, 11, 20),
            response_text="The Leader will write.",
        )
        march = next(
            m.id for m in planning.list_meetings(s, committee_id=cid)
            if m.starts_at.date() == dt.date(2020, 3, 4)
        )
        added = reviews.add_follow_up_to_programme(
            s, recommendation_id=rec.id, meeting_id=march, source_kind="referral", today=TODAY
        )
        topic = topics.get_topic(s, topic_id=added.topic_id)
        linked = reviews.get_review(s, review_id=rid).recommendations[0]
        origin = next(
            (x for x in reviews.get_review(s, review_id=rid).recommendations if x.follow_up_topic_id == added.topic_id),
            None,
        )
    assert added.meeting_date == dt.date(2020, 3, 4) and added.booked
    assert topic.source_kind == "referral"
    assert "Write to the Secretary of State" in topic.reason
    assert "agreed on 20 November 2019" in topic.reason and "The Leader will write." in topic.reason
    assert topic.responsible == "Judith Harwood"
    assert linked.follow_up_topic_id == added.topic_id
    assert origin is not None and origin.id == rec.id


def test_follow_up_reason_is_made_from_the_plain_recommendation_value() -> None:
    from domain.decision_values import RecommendationInfo

    pending = RecommendationInfo(
        id=1, version=1, review_id=1, number=2, text="Report on class sizes.", response="pending",
        response_on=None, response_text="", follow_up_on=None, follow_up_topic_id=None,
    )
    assert reviews.follow_up_reason("Fair Funding for Schools", pending) == (
        "Fair Funding for Schools review, recommendation 2: Report on class sizes.\n"
        "Executive response: pending."
    )
    noted = replace(pending, response="noted", response_on=dt.date(2020, 2, 11), response_text="Noted by Cabinet.")
    assert reviews.follow_up_reason("Fair Funding for Schools", noted).endswith(
        "\nExecutive response: noted on 11 February 2020. Noted by Cabinet."
    )


def test_follow_up_date_picks_the_meeting_or_leaves_it_to_be_scheduled(
    demo: tuple[Database, int],
) -> None:
    db, cid = demo
    with db.transaction() as s:
        rid = _fair_funding(s, cid).id
        soon = reviews.add_recommendation(
            s, review_id=rid, text="Report back", follow_up_on=dt.date(2019, 11, 14)
        )
        late = reviews.add_recommendation(
            s, review_id=rid, text="Review the formula", follow_up_on=dt.date(2020, 9, 1)
        )
        booked = reviews.add_follow_up_to_programme(s, recommendation_id=soon.id, today=TODAY)
        waiting = reviews.add_follow_up_to_programme(s, recommendation_id=late.id, today=TODAY)
        waiting_topic = topics.get_topic(s, topic_id=waiting.topic_id)
    assert booked.meeting_date == dt.date(2020, 1, 8)  # first meeting on or after 14 Nov
    assert not waiting.booked and waiting.needed_by == dt.date(2020, 9, 1)
    assert waiting_topic.status == "to_be_scheduled"
    assert waiting_topic.needed_by == dt.date(2020, 9, 1)
    assert "needed by 1 September 2020" in waiting.message


def test_undo_of_a_follow_up_removes_exactly_what_it_made(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        rid = _fair_funding(s, cid).id
        rec = reviews.add_recommendation(
            s, review_id=rid, text="Report back", follow_up_on=dt.date(2019, 11, 14)
        )
        counts = _counts(s)
    with db.transaction() as s:
        added = reviews.add_follow_up_to_programme(s, recommendation_id=rec.id, today=TODAY)
        assert _counts(s) == (counts[0] + 1, counts[1] + 1)
    with db.transaction() as s:
        reviews.undo_add_follow_up(s, addition=added)
    with db.transaction() as s:
        assert _counts(s) == counts
        (back,) = reviews.get_review(s, review_id=rid).recommendations
        assert reviews.recommendation_fields(back) == reviews.recommendation_fields(rec)
        assert back.follow_up_topic_id is None
    with db.transaction() as s:
        again = reviews.redo_add_follow_up(s, addition=added)
        assert again == added
        (linked,) = reviews.get_review(s, review_id=rid).recommendations
        assert linked.follow_up_topic_id == added.topic_id


def test_follow_up_source_must_be_a_resolution_or_referral(demo: tuple[Database, int]) -> None:
    db, cid = demo
    with db.transaction() as s:
        rec = reviews.add_recommendation(s, review_id=_fair_funding(s, cid).id, text="Report back")
        counts = _counts(s)
    with pytest.raises(Invalid) as err, db.transaction() as s:
        reviews.add_follow_up_to_programme(s, recommendation_id=rec.id, source_kind="pledge")
    assert err.value.field == "source_kind"
    with db.transaction() as s:
        assert _counts(s) == counts
