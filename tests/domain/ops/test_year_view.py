"""The Year page's figures: the same loads, "too many", bands and dates as the planner, the
scores and the decisions log say, for the charts and the printed load chart alike."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from domain.db import Database
from domain.ops import decisions, planning, reviews, topics
from domain.ops.convert import committee_by_name
from domain.ops.year_view import (
    MEETING,
    PUBLICATION,
    REPORT_DEADLINE,
    RESOLUTION,
    REVIEW,
    STAGES,
    year_loads,
    year_view,
)

SEPT_2 = dt.date(2019, 9, 2)  # before the November meeting, which has one item too many
NOV_20 = dt.date(2019, 11, 20)  # after it: held, its capacity is history


@pytest.fixture
def s(demo_db: Database):  # type: ignore[no-untyped-def]
    with demo_db.sessions() as session:
        yield session
        session.rollback()


def _ecsc(s: Session) -> int:
    return committee_by_name(s, "ECSC").id


def test_loads_are_the_planners_own_words_and_warnings(s: Session) -> None:
    cid = _ecsc(s)
    view = year_view(s, committee_id=cid, year_start=2019, today=SEPT_2)
    data = planning.planner_data(s, committee_id=cid, year_start=2019, today=SEPT_2)
    assert [b.load_text for b in view.loads] == [data.load_text(g.meeting) for g in data.programme.meetings]
    over = [b for b in view.loads if b.over]
    assert [(b.day, b.items, b.capacity, b.excess) for b in over] == [(dt.date(2019, 11, 13), 7, 6, 1)]
    assert over[0].load_text == "7 of 6 items (1 too many)"
    assert over[0].words.endswith("over capacity")
    assert view.load_summary == "5 meetings; 1 over capacity: 13 Nov."
    held = view.loads[0]
    assert (held.status, held.happened, held.over) == ("held", True, False)


def test_a_meeting_that_has_taken_place_is_never_over_capacity(s: Session) -> None:
    view = year_view(s, committee_id=_ecsc(s), year_start=2019, today=NOV_20)
    november = next(b for b in view.loads if b.day == dt.date(2019, 11, 13))
    assert (november.status, november.over, november.load_text) == ("held", False, "7 items")
    assert view.load_summary == "5 meetings; none over capacity."


def test_the_printed_loads_are_the_pages_loads(s: Session) -> None:
    cid = _ecsc(s)
    for today in (SEPT_2, NOV_20):
        assert year_loads(s, committee_id=cid, year_start=2019, today=today) == year_view(
            s, committee_id=cid, year_start=2019, today=today
        ).loads


def test_priority_spread_counts_each_topic_once_by_its_agreed_band_and_stage(s: Session) -> None:
    cid = _ecsc(s)
    view = year_view(s, committee_id=cid, year_start=2019, today=SEPT_2)
    rows = topics.list_topics(s, committee_id=cid, year_start=2019)
    for i, (_title, statuses) in enumerate(STAGES):
        for count in view.bands:
            expected = sum(1 for t in rows if t.status in statuses and (t.band or "Not scored") == count.band)
            assert count.counts[i] == expected, (count.band, statuses)
    assert [b.band for b in view.bands][:4] == ["High", "Medium", "Low", "Not a scrutiny topic"]
    high = next(b for b in view.bands if b.band == "High")
    assert high.total == sum(1 for t in rows if t.band == "High" and t.status in ("scheduled", "done", "accepted", "to_be_scheduled", "not_pursued"))
    # Not pursuing a High topic moves it from its stage to "Not pursued".
    topic = next(t for t in rows if t.band == "High" and t.status == "scheduled")
    topics.update_topic(s, topic_id=topic.id, status="not_pursued", status_reason="Covered by the Cabinet")
    after = next(b for b in year_view(s, committee_id=cid, year_start=2019, today=SEPT_2).bands if b.band == "High")
    assert after.counts[1] == high.counts[1] - 1 and after.counts[2] == high.counts[2] + 1


def test_timeline_has_each_meeting_with_its_deadlines_and_none_for_a_cancelled_one(s: Session) -> None:
    cid = _ecsc(s)
    view = year_view(s, committee_id=cid, year_start=2019, today=SEPT_2)
    deadlines = {d.meeting_id: d for d in planning.meeting_deadlines(s, committee_id=cid, year_start=2019)}
    meetings = [m for m in view.marks if m.kind == MEETING]
    assert len(meetings) == len(deadlines) == 5
    for kind, field in ((PUBLICATION, "publication"), (REPORT_DEADLINE, "report_deadline")):
        assert {m.ref_id: m.day for m in view.marks if m.kind == kind} == {
            i: getattr(d, field) for i, d in deadlines.items()
        }
    march = next(m for m in meetings if m.day == dt.date(2020, 3, 4))
    info = next(m for m in planning.list_meetings(s, committee_id=cid, year_start=2019) if m.id == march.ref_id)
    planning.cancel_meeting(s, meeting_id=info.id, expected_version=info.version, move_items_to="list")
    after = year_view(s, committee_id=cid, year_start=2019, today=SEPT_2)
    assert "cancelled" in next(m for m in after.marks if m.ref_id == march.ref_id and m.kind == MEETING).label
    assert not [m for m in after.marks if m.ref_id == march.ref_id and m.kind in (PUBLICATION, REPORT_DEADLINE)]
    assert next(b for b in after.loads if b.meeting_id == march.ref_id).cancelled


def test_timeline_shows_targets_in_the_year_and_reviews_spans(s: Session) -> None:
    cid = _ecsc(s)
    inside = decisions.create_decision(
        s, committee_id=cid, title="Report back on school meals", meeting_date=dt.date(2019, 9, 11),
        minute_no="30", resolution="To report back", target_date=dt.date(2020, 1, 15),
    )  # fmt: skip
    outside = decisions.create_decision(
        s, committee_id=cid, title="Five-year estate plan", meeting_date=dt.date(2019, 9, 11),
        minute_no="31", resolution="To review", target_date=dt.date(2021, 6, 1),
    )  # fmt: skip
    review = reviews.create_review(
        s, committee_id=cid, title="Home to school transport", added_on=dt.date(2019, 10, 1),
        reported_on=dt.date(2020, 2, 20), status="reported",
    )  # fmt: skip
    view = year_view(s, committee_id=cid, year_start=2019, today=SEPT_2)
    targets = {m.ref_id: m for m in view.marks if m.kind == RESOLUTION}
    assert inside.id in targets and outside.id not in targets
    assert targets[inside.id].day == dt.date(2020, 1, 15)
    assert "school meals" in targets[inside.id].label
    span = next(m for m in view.marks if m.kind == REVIEW and m.ref_id == review.id)
    assert (span.day, span.end, span.ongoing) == (dt.date(2019, 10, 1), dt.date(2020, 2, 20), False)


def test_an_exempt_reviews_span_names_no_title(s: Session) -> None:
    cid = _ecsc(s)
    topic = topics.create_topic(
        s, committee_id=cid, year_start=2019, title="Staffing matter", kind="select_review",
        status="to_be_scheduled", exempt=True, exempt_paragraph=1,
    )  # fmt: skip
    review = reviews.create_review(
        s, committee_id=cid, title="Staffing matter review", added_on=dt.date(2019, 10, 1), topic_id=topic.id
    )
    view = year_view(s, committee_id=cid, year_start=2019, today=SEPT_2)
    span = next(m for m in view.marks if m.kind == REVIEW and m.ref_id == review.id)
    assert span.label == "Part II review" and span.ongoing


def test_an_empty_year_says_so(s: Session) -> None:
    cid = _ecsc(s)
    view = year_view(s, committee_id=cid, year_start=2031, today=SEPT_2)
    assert view.loads == () and view.load_summary == "No meetings in this year yet."
    assert all(b.total == 0 for b in view.bands)
    assert view.band_summary.startswith("No topics")


def test_a_committee_on_its_own_tool_sees_that_tools_bands(s: Session) -> None:
    from dataclasses import replace

    from domain.ops import criteria
    from domain.scoring import PAPER

    names = ("Priority", "Maybe", "Later")
    ours = replace(PAPER, name="Ours", bands=tuple(replace(b, name=n) for b, n in zip(PAPER.bands, names, strict=True)))
    cid = _ecsc(s)
    tool = criteria.create_set(s, spec=ours)
    criteria.choose_set(s, committee_id=cid, criteria_set_id=tool.id)
    bands = year_view(s, committee_id=cid, year_start=2019, today=SEPT_2).bands
    assert [b.band for b in bands][:4] == ["Priority", "Maybe", "Later", "Not a scrutiny topic"]
    # PAPER's bands show only for the topics scored with PAPER before: none is listed empty.
    assert all(b.total for b in bands if b.band in ("High", "Medium", "Low"))
