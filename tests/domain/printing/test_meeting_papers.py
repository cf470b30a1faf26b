"""A meeting's own papers: its scrutiny items with purpose, report author and report deadline
(the list an advisor sends to report authors), and the forward look of the next meetings (the
chair's briefing)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pdf_helpers import all_text, outline_titles, reader, render_to_bytes
from sqlalchemy.orm import Session
from test_exempt import CANARY, PLACEHOLDER, seed_exempt_items

from domain.db import Database
from domain.ops import planning
from domain.ops.convert import committee_by_name
from domain.printing.build import FORWARD_LOOK, build_meeting_papers
from domain.printing.document import AgendaRow, PartII, PartIIPlaceholder
from domain.printing.render import render_meeting_papers
from domain.settings import load_settings, save_settings


@pytest.fixture
def s(sqlite_demo_db: Database):  # type: ignore[no-untyped-def]
    with sqlite_demo_db.sessions() as session:
        yield session
        session.rollback()


def meeting_on(s: Session, day: dt.date) -> int:
    ecsc = committee_by_name(s, "ECSC")
    return next(
        m.id for m in planning.list_meetings(s, committee_id=ecsc.id, year_start=2019)
        if m.starts_at.date() == day
    )  # fmt: skip


SEPT = dt.date(2019, 9, 11)


def test_the_agenda_items_of_a_meeting_with_purpose_author_and_report_deadline(s: Session) -> None:
    doc = build_meeting_papers(s, meeting_id=meeting_on(s, SEPT))
    assert doc.committee_name.startswith("Education and Children")
    # Seed 001: a meeting on Wednesday 11 September 2019 publishes its agenda on Tuesday 3
    # September (five clear working days) and wants reports three working days before that.
    assert (doc.meeting.publication, doc.meeting.report_deadline) == (
        dt.date(2019, 9, 3), dt.date(2019, 8, 29),
    )  # fmt: skip
    first = doc.meeting.rows[0]
    assert isinstance(first, AgendaRow)
    assert (first.title, first.author, first.flags) == ("Child Exploitation", "Jean Kelly", ("To follow",))
    assert first.purpose.startswith("Include a progress report on Together for Childhood")
    assert doc.forward_look == () and not doc.with_forward_look

    text = all_text(render_to_bytes(render_meeting_papers, doc))
    assert "Scrutiny items for the meeting of 11 September 2019" in text
    assert "Reports are due by Thursday 29 August 2019; the agenda is published on Tuesday 3 September 2019." in text
    assert "No. Agenda item Purpose of the agenda item Report author Report deadline" in text
    assert "1 Child Exploitation To follow Include a progress report" in text
    assert "Jean Kelly 29 August 2019" in text
    assert "Forward look" not in text


def test_the_chairs_briefing_looks_at_the_next_three_meetings(s: Session) -> None:
    doc = build_meeting_papers(s, meeting_id=meeting_on(s, SEPT), forward_look=FORWARD_LOOK)
    assert [m.starts_at.date() for m in doc.forward_look] == [
        dt.date(2019, 11, 13), dt.date(2020, 1, 8), dt.date(2020, 3, 4),
    ]  # fmt: skip
    data = render_to_bytes(render_meeting_papers, doc)
    text = all_text(data)
    assert "Forward look: the next 3 meetings" in text
    assert "13 Nov 2019 Reports due 31 Oct 2019" in text
    assert "Sex Education and Relationship Curriculum" in text  # on 4 March 2020
    assert outline_titles(data) == [
        "Scrutiny items for the meeting of 11 September 2019",
        "Forward look: the next 3 meetings",
        "13 Nov 2019", "8 Jan 2020", "4 March 2020",
    ]  # fmt: skip
    meta = reader(data).metadata
    assert meta is not None and "Chair\u2019s briefing, 11 Sept 2019" in str(meta.title)


def test_the_forward_look_skips_cancelled_meetings_and_says_when_none_follow(s: Session) -> None:
    planning.cancel_meeting(s, meeting_id=meeting_on(s, dt.date(2020, 1, 8)))
    doc = build_meeting_papers(s, meeting_id=meeting_on(s, SEPT), forward_look=FORWARD_LOOK)
    assert [m.starts_at.date() for m in doc.forward_look] == [dt.date(2019, 11, 13), dt.date(2020, 3, 4)]
    last = build_meeting_papers(s, meeting_id=meeting_on(s, dt.date(2020, 3, 4)), forward_look=FORWARD_LOOK)
    text = all_text(render_to_bytes(render_meeting_papers, last))
    assert "Forward look: no meetings are arranged after this one yet" in text


def test_exempt_items_are_left_out_shown_as_placeholders_or_marked(s: Session) -> None:
    seed_exempt_items(s)  # an exempt item (paragraph 3) booked on 13 November 2019
    nov = meeting_on(s, dt.date(2019, 11, 13))
    public = build_meeting_papers(s, meeting_id=meeting_on(s, SEPT), forward_look=FORWARD_LOOK)
    assert CANARY not in all_text(render_to_bytes(render_meeting_papers, public))
    assert not public.not_for_publication

    save_settings(s, settings=dataclasses.replace(load_settings(s), show_part_ii_placeholders=True))
    shown = build_meeting_papers(s, meeting_id=nov)
    assert PartIIPlaceholder(3) in shown.meeting.rows
    text = all_text(render_to_bytes(render_meeting_papers, shown))
    assert PLACEHOLDER in text and CANARY not in text

    full = build_meeting_papers(s, meeting_id=nov, include_exempt=True)
    secret = next(r for r in full.meeting.rows if isinstance(r, AgendaRow) and CANARY in r.title)
    assert secret.part_ii == PartII(3) and secret.purpose == f"Update {CANARY}"
    text = all_text(render_to_bytes(render_meeting_papers, full))
    assert f"Staffing matter {CANARY} Part II (paragraph 3)" in text
    assert "NOT FOR PUBLICATION" in text
