"""Exemption is inherited: a row made from an exempt (Part II) row is exempt with the same
Schedule 12A paragraph, so what it copied (title, reason, officer) never reaches a public
document. Clearing an inherited exemption needs a reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from domain.db import Database
from domain.errors import Invalid
from domain.io.csv import programme_csv_text
from domain.models import Topic
from domain.ops import assessments, decisions, planning, reviews, topics
from domain.ops.committees import create_committee
from domain.ops.exports import programme_table
from domain.printing.build import build_decisions, build_programme, build_scoring_sheets
from domain.printing.render import render_decisions, render_programme, render_scoring_sheet
from domain.printing.review import build_review, render_review, review_doc
from domain.settings import load_settings, save_settings
from tests.domain.printing.pdf_helpers import everything_readable, page_texts, render_to_bytes

CANARY = "CANARY-5e2b"
YEAR = 2021
_names = itertools.count()


def _committee(s: Session) -> tuple[int, list[int]]:
    c = create_committee(s, name=f"Inheriting committee {next(_names)}", officer_name="A Officer")
    ms = [
        planning.add_meeting(s, committee_id=c.id, starts_at=dt.datetime(YEAR, 6 + 2 * i, 10, 14))
        for i in range(4)
    ]
    return c.id, [m.id for m in ms]


def _exempt_topic(
    s: Session, committee_id: int, title: str, paragraph: int, **fields: Any
) -> topics.TopicRow:
    return topics.create_topic(
        s, committee_id=committee_id, year_start=YEAR, title=title,
        reason=f"Reason {CANARY}", responsible=f"Officer {CANARY}",
        exempt=True, exempt_paragraph=paragraph, **fields,
    )  # fmt: skip


def _exempt_resolution(
    s: Session, committee_id: int, meeting_id: int, paragraph: int, how: str
) -> int:
    """A resolution that is exempt because a topic made from it is ("created"), or because it
    was made on an exempt agenda item of its meeting ("made_on")."""
    title = f"Staffing matter {next(_names)} {CANARY}"
    d = decisions.create_decision(
        s, committee_id=committee_id, title=title, meeting_id=meeting_id,
        meeting_date=dt.date(YEAR, 6, 10), minute_no="7", resolution=f"Resolved {CANARY}",
        officer=f"Officer {CANARY}",
    )  # fmt: skip
    decisions.add_progress_note(s, decision_id=d.id, text=f"Progress {CANARY}")
    t = _exempt_topic(s, committee_id, title, paragraph, status="to_be_scheduled")
    if how == "created":
        s.get(Topic, t.id).decision_id = d.id  # type: ignore[union-attr]
    else:
        planning.book(s, topic_id=t.id, meeting_id=meeting_id, purpose=f"Purpose {CANARY}")
    s.flush()
    return d.id


def _exempt_review(s: Session, committee_id: int, paragraph: int) -> tuple[int, int]:
    """A review of an exempt topic with one recommendation: (review id, recommendation id)."""
    t = _exempt_topic(
        s, committee_id, f"Review topic {CANARY}", paragraph, kind="select_review",
        status="to_be_scheduled",
    )  # fmt: skip
    r = reviews.create_review(
        s, committee_id=committee_id, title=f"Select review {CANARY}", scope=f"Scope {CANARY}",
        lead_officer=f"Lead {CANARY}", added_on=dt.date(YEAR, 6, 1), topic_id=t.id,
    )  # fmt: skip
    x = reviews.add_recommendation(
        s, review_id=r.id, text=f"Recommendation {CANARY}", response="agreed",
        response_on=dt.date(YEAR, 7, 1), response_text=f"Response {CANARY}",
        follow_up_on=dt.date(YEAR, 9, 1),
    )  # fmt: skip
    return r.id, x.id


# --- example tests: each op that makes a row from another row -----------------------------------


@pytest.mark.parametrize("how", ["created", "made_on"])
def test_a_topic_from_an_exempt_resolution_is_exempt_with_its_paragraph(
    sqlite_db: Database, how: str
) -> None:
    with sqlite_db.transaction() as s:
        committee_id, ms = _committee(s)
        decision_id = _exempt_resolution(s, committee_id, ms[0], 4, how)
        added = decisions.add_to_work_programme(s, decision_id=decision_id, meeting_id=ms[2])
        made = topics.get_topic(s, topic_id=added.topic_id)
    assert (made.exempt, made.exempt_paragraph) == (True, 4)


def test_a_topic_from_a_public_resolution_stays_public(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        committee_id, ms = _committee(s)
        d = decisions.create_decision(
            s, committee_id=committee_id, title="Pledge update", meeting_date=dt.date(YEAR, 6, 10),
            resolution="A progress report in 6 months' time",
        )  # fmt: skip
        added = decisions.add_to_work_programme(s, decision_id=d.id, in_months=6)
        assert topics.get_topic(s, topic_id=added.topic_id).exempt is False


def test_a_follow_up_of_an_exempt_review_is_exempt_with_its_paragraph(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        committee_id, ms = _committee(s)
        _, rec = _exempt_review(s, committee_id, 2)
        added = reviews.add_follow_up_to_programme(s, recommendation_id=rec)
        made = topics.get_topic(s, topic_id=added.topic_id)
    assert (made.exempt, made.exempt_paragraph) == (True, 2)
    assert added.booked  # the follow-up date's meeting


def test_redo_makes_the_derived_topic_exempt_again(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        committee_id, ms = _committee(s)
        decision_id = _exempt_resolution(s, committee_id, ms[0], 5, "made_on")
        added = decisions.add_to_work_programme(s, decision_id=decision_id)
        decisions.undo_add_to_work_programme(s, addition=added)
        again = decisions.redo_add_to_work_programme(s, addition=added)
        _, rec = _exempt_review(s, committee_id, 6)
        follow = reviews.add_follow_up_to_programme(s, recommendation_id=rec)
        reviews.undo_add_follow_up(s, addition=follow)
        follow_again = reviews.redo_add_follow_up(s, addition=follow)
        rows = [topics.get_topic(s, topic_id=i) for i in (again.topic_id, follow_again.topic_id)]
    assert [(t.exempt, t.exempt_paragraph) for t in rows] == [(True, 5), (True, 6)]


def test_clearing_an_inherited_exemption_needs_a_reason_which_is_kept(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        committee_id, ms = _committee(s)
        _, rec = _exempt_review(s, committee_id, 3)
        topic_id = reviews.add_follow_up_to_programme(s, recommendation_id=rec).topic_id
        before = topics.get_topic(s, topic_id=topic_id)
        with pytest.raises(Invalid, match="Say why it can be published") as exc:
            topics.update_topic(s, topic_id=topic_id, exempt=False)
        assert exc.value.field == "exempt_cleared_reason"
        with pytest.raises(Invalid):
            topics.update_topic(s, topic_id=topic_id, exempt=False, exempt_cleared_reason="  ")
        cleared = topics.update_topic(
            s, topic_id=topic_id, exempt=False,
            exempt_cleared_reason="The executive published its response in full.",
        )  # fmt: skip
        assert (cleared.exempt, cleared.exempt_paragraph) == (False, None)
        assert cleared.exempt_cleared_reason == "The executive published its response in full."
        # Undo puts the exemption back, and the reason goes with it.
        restored = topics.update_topic(s, topic_id=topic_id, **topics.topic_fields(before))
        assert (restored.exempt, restored.exempt_paragraph) == (True, 3)
        assert restored.exempt_cleared_reason == ""
        # Redo clears it again with the same reason.
        again = topics.update_topic(s, topic_id=topic_id, **topics.topic_fields(cleared))
        assert again.exempt is False


def test_an_exemption_set_by_hand_on_an_item_of_its_own_clears_without_a_reason(
    sqlite_db: Database,
) -> None:
    with sqlite_db.transaction() as s:
        committee_id, _ = _committee(s)
        t = _exempt_topic(s, committee_id, "Contract dispute", 5)
        assert topics.update_topic(s, topic_id=t.id, exempt=False).exempt is False


def test_the_review_document_refuses_an_exempt_review_whoever_builds_it(
    sqlite_db: Database,
) -> None:
    with sqlite_db.transaction() as s:
        committee_id, _ = _committee(s)
        review_id, _ = _exempt_review(s, committee_id, 1)
        info = reviews.get_review(s, review_id=review_id)
        with pytest.raises(Invalid, match="exempt") as built:
            build_review(s, review_id=review_id)
        with pytest.raises(Invalid, match="exempt") as made:
            review_doc(info, committee_name="A committee")
        full = build_review(s, review_id=review_id, include_exempt=True)
    assert CANARY not in str(built.value) + str(made.value)
    pages = page_texts(render_to_bytes(render_review, full))
    assert all("NOT FOR PUBLICATION" in p for p in pages)
    assert CANARY in " ".join(pages)


# --- generated committees ------------------------------------------------------------------------


@st.composite
def committees_with_exempt_rows(draw: st.DrawFn) -> dict[str, Any]:
    sources = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["created", "made_on", "review", "public"]),
                    "paragraph": st.integers(1, 7),
                    # where the derived item goes: a meeting, N months on, or to be scheduled
                    "meeting": st.none() | st.integers(0, 3),
                    "in_months": st.none() | st.integers(1, 6),
                    "undo_redo": st.booleans(),
                    "bring_back": st.none() | st.integers(1, 3),
                }
            ),
            min_size=1,
            max_size=4,
        )
    )
    return {"sources": sources, "placeholders": draw(st.booleans())}


def _derive(s: Session, spec: dict[str, Any]) -> tuple[int, list[int], list[int]]:
    """Build the committee, then run every op that makes rows from other rows.
    Returns (committee, review ids, derived topic ids)."""
    committee_id, ms = _committee(s)
    save_settings(
        s,
        settings=dataclasses.replace(
            load_settings(s), show_part_ii_placeholders=spec["placeholders"]
        ),
    )
    review_ids, derived = [], []
    for src in spec["sources"]:
        meeting_id = None if src["meeting"] is None else ms[src["meeting"]]
        in_months = src["in_months"] if meeting_id is None else None
        if src["kind"] == "review":
            review_id, rec = _exempt_review(s, committee_id, src["paragraph"])
            review_ids.append(review_id)
            added = reviews.add_follow_up_to_programme(
                s, recommendation_id=rec, meeting_id=meeting_id, in_months=in_months
            )
            if src["undo_redo"]:
                reviews.undo_add_follow_up(s, addition=added)
                added = reviews.redo_add_follow_up(s, addition=added)
        else:
            if src["kind"] == "public":
                decision_id = decisions.create_decision(
                    s, committee_id=committee_id, title="Pledge update",
                    meeting_date=dt.date(YEAR, 6, 10), resolution="A progress report",
                ).id  # fmt: skip
            else:
                decision_id = _exempt_resolution(
                    s, committee_id, ms[0], src["paragraph"], src["kind"]
                )
            added = decisions.add_to_work_programme(
                s, decision_id=decision_id, meeting_id=meeting_id, in_months=in_months
            )
            if src["undo_redo"]:
                decisions.undo_add_to_work_programme(s, addition=added)
                added = decisions.redo_add_to_work_programme(s, addition=added)
        if src["bring_back"] is not None:
            from domain.ops.planning import bring_back

            bring_back(
                s, topic_id=added.topic_id, months=src["bring_back"], from_date=dt.date(YEAR, 6, 1)
            )
        derived.append(added.topic_id)
        t = topics.get_topic(s, topic_id=added.topic_id)
        if src["kind"] != "public":
            assert (t.exempt, t.exempt_paragraph) == (True, src["paragraph"])
            assessments.record_assessment(
                s, topic_id=t.id, scorer="Chair", answers=[(True, f"Evidence {CANARY}")] * 6,
                agreed=True,
            )  # fmt: skip
    s.flush()
    return committee_id, review_ids, derived


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=committees_with_exempt_rows())
def test_no_public_output_shows_text_of_a_row_made_from_an_exempt_row(
    sqlite_db: Database, spec: dict[str, Any]
) -> None:
    outputs: dict[str, str] = {}
    with sqlite_db.transaction() as s:
        committee_id, review_ids, derived = _derive(s, spec)
        prog = build_programme(s, committee_id=committee_id, year_start=YEAR, annex=True)
        outputs["programme"] = everything_readable(render_to_bytes(render_programme, prog))
        for open_only in (False, True):
            dec = build_decisions(s, committee_id=committee_id, open_only=open_only)
            outputs[f"decisions {open_only}"] = everything_readable(render_to_bytes(render_decisions, dec))
        table = programme_table(s, committee_id=committee_id, year_start=YEAR)
        outputs["csv"] = programme_csv_text(table.rows)
        for review_id in review_ids:
            with pytest.raises(Invalid) as refused:
                build_review(s, review_id=review_id)
            outputs[f"review {review_id} refusal"] = str(refused.value)
        public = [t for t in derived if not topics.get_topic(s, topic_id=t).exempt]
        sheets = build_scoring_sheets(s, topic_ids=public)
        if sheets:
            outputs["scoring sheets"] = everything_readable(render_to_bytes(render_scoring_sheet, sheets))
        if len(public) < len(derived):
            with pytest.raises(Invalid) as refused:
                build_scoring_sheets(s, topic_ids=derived)
            outputs["scoring sheets refusal"] = str(refused.value)
    leaks = [name for name, text in outputs.items() if CANARY in text]
    assert leaks == []
    if any(src["kind"] == "public" for src in spec["sources"]):
        assert "Pledge update" in outputs["programme"]
