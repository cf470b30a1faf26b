"""A review's recommendations and the executive's responses, printed and read back."""

from __future__ import annotations

import datetime as dt

from pdf_helpers import all_text, reader, render_to_bytes

from domain.db import Database
from domain.ops import committees, reviews
from domain.printing.review import RecommendationRow, ReviewDoc, render_review, review_doc


def _fair_funding(db: Database) -> tuple[int, str]:
    with db.transaction() as s:
        committee = next(c for c in committees.list_committees(s) if c.name.startswith("Education"))
        review = next(
            r for r in reviews.list_reviews(s, committee_id=committee.id) if r.title == "Fair Funding for Schools"
        )
        return review.id, committee.name


def test_recommendations_and_responses_print_in_number_order(sqlite_demo_db: Database) -> None:
    review_id, committee_name = _fair_funding(sqlite_demo_db)
    with sqlite_demo_db.transaction() as s:
        reviews.add_recommendation(
            s, review_id=review_id, number=2, text="Report the number of teaching assistant posts lost.",
        )
        reviews.add_recommendation(
            s, review_id=review_id, number=1, response="agreed", response_on=dt.date(2020, 2, 11),
            text="Write to the Secretary of State about class sizes.",
            response_text="The Cabinet Member will write before the spending review.",
            follow_up_on=dt.date(2020, 9, 1),
        )
        reviews.update_review(s, review_id=review_id, status="reported", reported_on=dt.date(2020, 1, 8))
        info = reviews.get_review(s, review_id=review_id)

    data = render_to_bytes(render_review, review_doc(info, committee_name=committee_name, council_name="Plymouth City Council"))
    text = all_text(data)
    assert committee_name in text
    assert "Fair Funding for Schools \u2013 Recommendations and responses" in text
    assert "Lead officer: Judith Harwood" in text and "Status: Reported" in text
    assert "Reported: 8 January 2020" in text
    assert "No. Recommendation Executive response Date of response Response Follow-up" in text
    first = text.index("Write to the Secretary of State")
    second = text.index("Report the number of teaching assistant")
    assert first < second  # printed by number, not by the order they were typed in
    assert "Agreed 11 February 2020 The Cabinet Member will write" in text
    assert "1 September 2020" in text
    assert "Pending" in text[second:]
    meta = reader(data).metadata
    assert meta.title == "Fair Funding for Schools \u2013 Recommendations and responses"
    assert meta.author == "Plymouth City Council"


def test_a_review_without_recommendations_says_so() -> None:
    doc = ReviewDoc(committee_name="Ambitious Plymouth", council_name="", review_title="Bullying")
    assert "No recommendations recorded yet" in all_text(render_to_bytes(render_review, doc))


def test_typed_markup_prints_as_typed_and_a_follow_up_on_the_programme_is_said() -> None:
    hostile = "<b>Budget & Cuts</b> <img src='x'/>"
    doc = ReviewDoc(
        committee_name="Panel & Board",
        council_name="",
        review_title=hostile,
        rows=(RecommendationRow(1, hostile, "Noted", dt.date(2020, 3, 4), hostile, None, True),),
    )
    text = all_text(render_to_bytes(render_review, doc))
    assert "<b>Budget & Cuts</b>" in text
    assert "On the work programme" in text
    assert "Noted 4 March 2020" in text
