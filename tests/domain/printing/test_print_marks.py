"""What a reader sees on the printed documents: whom to contact, which rows are Part II on a
paper NOT FOR PUBLICATION, the RAG mark of a resolution, and an outline to jump through."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from pdf_helpers import all_text, outline_titles, page_texts, render_to_bytes
from sqlalchemy.orm import Session
from test_exempt import seed_exempt_items

from domain.db import Database
from domain.demo import load_demo
from domain.ops import decisions, reviews
from domain.ops.convert import committee_by_name
from domain.printing.build import build_decisions, build_programme, build_scoring_sheets
from domain.printing.render import render_decisions, render_programme, render_scoring_sheet
from domain.printing.review import build_review, render_review
from domain.printing.samples import sample_programme

PART_II = "Part II (paragraph 3)"


@pytest.fixture
def s(sqlite_demo_db: Database):  # type: ignore[no-untyped-def]
    with sqlite_demo_db.sessions() as session:
        yield session
        session.rollback()


def programme_text(**officer: str) -> str:
    doc = dataclasses.replace(sample_programme(), **officer)
    return all_text(render_to_bytes(render_programme, doc))


def test_a_committee_with_no_support_officer_prints_no_empty_contact_sentence() -> None:
    text = programme_text(officer_name="", officer_phone="")
    assert "please contact" not in text
    assert "contact ," not in text and " on ." not in text


def test_the_contact_sentence_says_what_the_committee_details_give() -> None:
    assert (
        "please contact Helen Rickman, Democratic Support Officer." in
        programme_text(officer_name="Helen Rickman", officer_phone="")
    )  # fmt: skip
    assert (
        "please contact the Democratic Support Officer on 01752 398444." in
        programme_text(officer_name="", officer_phone="01752 398444")
    )  # fmt: skip
    assert (
        "please contact Helen Rickman, Democratic Support Officer, on 01752 398444." in
        programme_text(officer_name="Helen Rickman", officer_phone="01752 398444")
    )  # fmt: skip


def test_a_programme_not_for_publication_marks_each_exempt_row(s: Session) -> None:
    seeded = seed_exempt_items(s)
    text = all_text(
        render_to_bytes(
            render_programme,
            build_programme(s, committee_id=seeded.committee_id, year_start=2019, include_exempt=True),
        )
    )
    # The booked item, the item to be scheduled and the select review: each marked once.
    assert len(re.findall(re.escape(PART_II), text)) == 3
    assert re.search(r"Staffing matter CANARY-7f3a .{0,40}" + re.escape(PART_II), text)
    assert re.search(r"Contract dispute CANARY-7f3a " + re.escape(PART_II), text)
    public = all_text(
        render_to_bytes(render_programme, build_programme(s, committee_id=seeded.committee_id, year_start=2019))
    )
    assert "Part II" not in public


def test_tracking_decisions_not_for_publication_mark_exempt_resolutions(s: Session) -> None:
    seeded = seed_exempt_items(s)
    doc = build_decisions(s, committee_id=seeded.committee_id, include_exempt=True)
    text = all_text(render_to_bytes(render_decisions, doc))
    assert len(re.findall(re.escape(PART_II), text)) == 2  # minute 21 and minute 40
    assert "Origin CANARY-7f3a " + PART_II in text


def test_tracking_decisions_print_the_rag_mark(s: Session) -> None:
    ecsc = committee_by_name(s, "ECSC")
    decisions.create_decision(
        s, committee_id=ecsc.id, title="School places", meeting_date=dt.date(2019, 9, 11),
        minute_no="30", resolution="Report back in March", officer="Ming Zhang", rag="amber",
    )  # fmt: skip
    text = all_text(render_to_bytes(render_decisions, build_decisions(s, committee_id=ecsc.id)))
    assert "Officer: Ming Zhang Progress: RAG: Amber \u2013 progressing" in text


def test_the_tracking_decisions_pdf_has_an_outline_of_its_meetings(s: Session) -> None:
    ecsc = committee_by_name(s, "ECSC")
    titles = outline_titles(render_to_bytes(render_decisions, build_decisions(s, committee_id=ecsc.id)))
    assert titles[0] == "Tracking Decisions"
    assert "10 July 2019" in titles


def test_the_review_pdf_has_an_outline_of_its_recommendations(s: Session) -> None:
    ecsc = committee_by_name(s, "ECSC")
    review = reviews.create_review(s, committee_id=ecsc.id, title="School exclusions", scope="Why")
    for text in ("Publish the figures", "Train governors"):
        reviews.add_recommendation(s, review_id=review.id, text=text)
    titles = outline_titles(render_to_bytes(render_review, build_review(s, review_id=review.id)))
    assert titles == ["School exclusions", "Recommendation 1", "Recommendation 2"]


def test_a_review_not_for_publication_says_it_is_part_ii(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        load_demo(s)
        seed_exempt_items(s)
        review_id = next(
            r.id for r in reviews.list_reviews(s, committee_id=committee_by_name(s, "ECSC").id)
            if r.title.startswith("Select review")
        )  # fmt: skip
        doc = build_review(s, review_id=review_id, include_exempt=True)
    assert PART_II in all_text(render_to_bytes(render_review, doc))


def test_an_exempt_topics_scoring_sheet_and_annex_are_marked(s: Session) -> None:
    seeded = seed_exempt_items(s)
    sheets = build_scoring_sheets(
        s, topic_ids=[seeded.public_topic_id, seeded.exempt_topic_id], include_exempt=True
    )
    pages = page_texts(render_to_bytes(render_scoring_sheet, sheets))
    marked = [page for page in pages if PART_II in page]
    assert len(marked) == 1 and "Staffing matter CANARY-7f3a" in marked[0]
    doc = build_programme(
        s, committee_id=seeded.committee_id, year_start=2019, include_exempt=True,
        annex_topic_id=seeded.exempt_topic_id,
    )  # fmt: skip
    assert "Topic: Staffing matter CANARY-7f3a " + PART_II in all_text(render_to_bytes(render_programme, doc))
