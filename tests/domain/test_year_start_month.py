"""A council whose municipal year starts in April: every rule that asks "which year is this
in" follows the setting, not May."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from domain.db import Database
from domain.ops import committees, decisions, planning, reviews, topics
from domain.printing.build import build_programme
from domain.printing.render import render_programme
from domain.settings import load_settings, save_settings

APRIL_15 = dt.date(2020, 4, 15)


@pytest.fixture
def s(sqlite_db: Database):  # type: ignore[no-untyped-def]
    with sqlite_db.sessions() as session:
        yield session
        session.rollback()


def _start_in(s: Session, month: int) -> None:
    save_settings(s, settings=dataclasses.replace(load_settings(s), year_start_month=month))


def _committee(s: Session) -> int:
    return committees.create_committee(s, name="Health Scrutiny", short_name="HS").id


@pytest.mark.parametrize(("month", "year", "other"), [(4, 2020, 2019), (5, 2019, 2020)])
def test_a_meeting_prints_in_the_programme_of_the_year_it_falls_in(
    s: Session, month: int, year: int, other: int
) -> None:
    _start_in(s, month)
    cid = _committee(s)
    m = planning.add_meeting(s, committee_id=cid, starts_at=dt.datetime.combine(APRIL_15, dt.time(14)))
    t = topics.create_topic(s, committee_id=cid, year_start=year, title="Dental access")
    planning.book(s, topic_id=t.id, meeting_id=m.id)

    doc = build_programme(s, committee_id=cid, year_start=year)
    assert [[r.title for r in g.rows] for g in doc.meetings] == [["Dental access"]]
    assert build_programme(s, committee_id=cid, year_start=other).meetings == ()
    pdf = io.BytesIO()
    render_programme(doc, pdf)
    printed = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "15 April 2020" in printed and "Dental access" in printed
    assert year in committees.list_years(s, committee_id=cid)


def test_with_april_a_review_added_on_15_april_2020_belongs_to_2020_21(s: Session) -> None:
    _start_in(s, 4)
    cid = _committee(s)
    reviews.create_review(s, committee_id=cid, title="Waiting lists", added_on=APRIL_15)

    def listed(year: int) -> list[str]:
        return [r.subject for r in build_programme(s, committee_id=cid, year_start=year).reviews]  # type: ignore[union-attr]

    assert listed(2020) == ["Waiting lists"]
    assert listed(2019) == []


def test_with_april_a_resolution_of_15_april_2020_belongs_to_2020_21(s: Session) -> None:
    _start_in(s, 4)
    cid = _committee(s)
    d = decisions.create_decision(
        s, committee_id=cid, title="Dentistry", meeting_date=APRIL_15, minute_no="12",
        resolution="Report back on NHS dentistry.",
    )  # fmt: skip
    assert [x.id for x in decisions.list_decisions(s, committee_id=cid, year_start=2020)] == [d.id]
    assert decisions.list_decisions(s, committee_id=cid, year_start=2019) == []

    added = decisions.add_to_work_programme(s, decision_id=d.id, today=APRIL_15)
    assert not added.booked  # no meeting yet: it waits in the year of the resolution
    assert added.year_start == 2020
    assert topics.get_topic(s, topic_id=added.topic_id).year_start == 2020
