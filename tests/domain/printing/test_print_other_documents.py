"""Tracking decisions, scoring sheets and the stand-alone prioritisation tool."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pdf_helpers import all_text, outline_titles, page_texts, reader, render_to_bytes

from domain.printing.document import (
    DecisionRow,
    DecisionsDoc,
    PaperAnnex,
    PaperAnswer,
    PartIIPlaceholder,
    ScoringSheet,
)
from domain.printing.render import (
    PrintError,
    render_annex,
    render_decisions,
    render_scoring_sheet,
)
from domain.printing.samples import sample_decisions, sample_scoring_sheet
from domain.scoring import PAPER


def test_decisions_columns_and_row_layout() -> None:
    data = render_to_bytes(render_decisions, sample_decisions())
    text = all_text(data)
    assert "Tracking Decisions" in text
    assert "Minute No. Resolution Target Date, Officer Responsible and Progress" in text
    assert (
        "10 July 2019 Number of Children in Care \u2013 verbal update Agreed that further details"
        in text
    )
    assert "Date: July 2019 Officer: Jean Kelly Progress: Request for information emailed" in text
    assert "Date: March 2019 Officer: Ruth Woodhouse Progress: Ongoing" in text
    meta = reader(data).metadata
    assert meta is not None
    assert meta.author == "Plymouth City Council"


def test_decisions_resolution_keeps_numbered_lines() -> None:
    raw = reader(render_to_bytes(render_decisions, sample_decisions())).pages[0].extract_text()
    assert "\n1. recommend to Officers" in raw
    assert "\n2. recommend to Officers" in raw


def test_decisions_split_across_pages_repeat_the_header() -> None:
    row = sample_decisions().rows[3]
    doc = dataclasses.replace(sample_decisions(), rows=(row,) * 25)
    pages = page_texts(render_to_bytes(render_decisions, doc))
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert "Minute No. Resolution" in page
        assert f"Page {number} of {len(pages)}" in page


def test_decisions_minute_number_and_part_ii() -> None:
    doc = DecisionsDoc(
        "Panel",
        "Council",
        (
            DecisionRow(
                dt.date(2019, 7, 10),
                "Budget",
                "Noted.",
                "July 2019",
                "A N Other",
                "Ongoing",
                minute_no="12",
            ),  # fmt: skip
            PartIIPlaceholder(5),
        ),
        not_for_publication=True,
    )
    text = all_text(render_to_bytes(render_decisions, doc))
    assert "Minute 12 10 July 2019 Budget Noted." in text
    assert "Part II item (paragraph 5)" in text
    assert "NOT FOR PUBLICATION" in text


def _sheet(title: str, *yes: bool | None) -> ScoringSheet:
    answers = tuple(PaperAnswer(y, f"{title} evidence {i}") for i, y in enumerate(yes))
    return ScoringSheet(title, "Cllr Chair", dt.date(2019, 7, 10), answers)


def test_scoring_sheet_prints_questions_answers_total_and_band() -> None:
    text = all_text(render_to_bytes(render_scoring_sheet, sample_scoring_sheet()))
    assert "Topic: School Attendance Consultation" in text
    assert "Scored by: Cllr Mrs Bowyer (Chair) on 10 July 2019" in text
    for q in PAPER.questions:
        assert q.question in text
    assert "Could Scrutiny have an influence? Yes The consultation closes in October" in text
    assert "Is the topic due planned to be the subject of an Executive Decision? No" in text
    assert "Total: 5 High" in text
    assert "High 5-6 Medium 3-4 Low 1-2" in text


def test_one_page_per_topic() -> None:
    sheets = [
        _sheet("Young Carers", True, True, False, False, False, False),
        _sheet("Cyber Bullying", True, True, True, False, False, None),
        _sheet("Fit and Fed", *[True] * 6),
    ]
    data = render_to_bytes(render_scoring_sheet, sheets)
    pages = page_texts(data)
    assert len(pages) == 3
    for page, sheet, summary in zip(
        pages, sheets, ["Total: 2 Low", "Total: 3 Medium", "Total: 6 High"], strict=True
    ):
        assert f"Topic: {sheet.topic_title}" in page
        assert summary in page
        others = [s.topic_title for s in sheets if s is not sheet]
        assert not any(f"Topic: {o}" in page for o in others)
    assert outline_titles(data) == [s.topic_title for s in sheets]


def test_no_sheets_is_a_clear_error() -> None:
    with pytest.raises(PrintError, match="score a topic first"):
        render_to_bytes(render_scoring_sheet, [])


def test_blank_tool_leaves_answers_for_the_pen() -> None:
    text = all_text(render_to_bytes(render_annex, PaperAnnex(), council_name="Council"))
    assert "Annex 1 \u2013 Scrutiny Prioritisation Tool" in text
    assert "Criterion Question Yes (=1) Evidence" in text
    assert "Total: High/Medium/Low" in text
    assert "Priority Score High 5-6" in text


def test_scoring_sheet_is_byte_stable() -> None:
    sheet = sample_scoring_sheet()
    first = render_to_bytes(render_scoring_sheet, sheet, invariant=True)
    assert first == render_to_bytes(render_scoring_sheet, sheet, invariant=True)


def test_markup_in_decision_fields_prints_literally() -> None:
    hostile = '<u>x</u> & <a href="https://example.invalid">y</a>'
    row = DecisionRow(dt.date(2019, 7, 10), hostile, hostile, hostile, hostile, hostile)
    data = render_to_bytes(render_decisions, DecisionsDoc("Panel", "Council", (row,)))
    text = all_text(data).replace(" ", "")
    assert text.count(hostile.replace(" ", "")) == 5
    assert all("/Annots" not in page for page in reader(data).pages)


def test_topic_title_reaches_bookmark_and_metadata_as_typed() -> None:
    title = "\u0141\u00f3d\u017a \u201cquotes\u201d \u0175 <b>x</b>"
    sheet = ScoringSheet(title, "Cllr", dt.date(2019, 7, 10), (PaperAnswer(True),) * 6)
    data = render_to_bytes(render_scoring_sheet, sheet)
    assert outline_titles(data) == [title]
    meta = reader(data).metadata
    assert meta is not None
    assert meta.title == f"Prioritisation \u2013 {title}"
