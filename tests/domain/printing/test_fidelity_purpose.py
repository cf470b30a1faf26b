"""The demo Ambitious Plymouth 2015 - 16 programme prints in the council's own layout for it
(seed 000): a "Purpose of the agenda item" column instead of a score, dates such as "6.7.15",
and "NEW - items not yet allocated a date" for the undated items.

The expected rows are read from the council's own printed table (an excerpt of seed 000 kept in
tests/fixtures): the table after the "Date of meeting" header,
where the date is printed on the last row of each meeting (resources/demo/README.md). Only the
extraction damage the README lists is repaired here.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pdf_helpers import page_texts

from domain.db import Database
from domain.demo import load_demo
from domain.ops import committees
from domain.ops.convert import committee_by_name
from domain.printing.build import build_programme
from domain.printing.render import render_programme

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "ambitious_plymouth_2015_16_programme.txt"
HEADER = "Date of meeting\tAgenda item\tPurpose of the a"
UNDATED = "NEW - items not yet allocated a date"
APPROVAL = (
    "The information in this work programme is intended to be of strategic relevance and is "
    "subject to approval at the Cooperative Scrutiny Board."
)
# Text lost in the PDF extraction of the seed, as repaired in resources/demo/README.md.
REPAIRS = {
    "To monitor progress falling within the pan reference.": (
        "To monitor progress falling within the panel's terms of reference."
    ),
    "Referral from Co- operative Scrutiny Board.": "Referral from Co-operative Scrutiny Board.",
    "ly years childcare provision": "Early years childcare provision",
}


def norm(text: str) -> str:
    text = " ".join(text.split())
    return REPAIRS.get(text, text)


@dataclass
class SeedMeeting:
    date: str
    rows: list[list[str]] = field(default_factory=list)  # title, purpose, reason, officer


def parse_seed() -> tuple[list[SeedMeeting], list[str]]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(HEADER))
    meetings: list[SeedMeeting] = []
    pending: list[list[str]] = []
    i = start + 1
    while not lines[i].startswith("NEW - ite"):
        # The purpose heading is split over two cells, so a row has six.
        date, title, purpose, _, reason, officer = (lines[i].split("\t") + [""] * 6)[:6]
        i += 1
        pending.append([norm(title), norm(purpose), norm(reason), norm(officer)])
        if date.strip():
            meetings.append(SeedMeeting(norm(date), pending))
            pending = []
    assert not pending, "rows after the last date in the seed table"
    undated = []
    i += 1
    while "review proposals" not in lines[i]:
        undated.append(norm(lines[i].split("\t")[1]))
        i += 1
    return meetings, undated


def row_pattern(cells: list[str]) -> str:
    """The non-empty cells of a row as they read, one after another and nothing between."""
    return " ".join(re.escape(c) for c in cells if c)


def find_in_order(text: str, patterns: list[tuple[str, str]]) -> list[str]:
    missing = []
    pos = 0
    for label, pattern in patterns:
        m = re.compile(pattern).search(text, pos)
        if m is None:
            missing.append(label)
        else:
            pos = m.end()
    return missing


def printed_text(db: Database) -> str:
    with db.transaction() as s:
        panel = committee_by_name(s, "Ambitious")
        doc = build_programme(s, committee_id=panel.id, year_start=2015)
    buffer = io.BytesIO()
    render_programme(doc, buffer)
    text = " ".join(page_texts(buffer.getvalue()))
    return " ".join(re.sub(r" Page \d+ of \d+", " ", text).split())


@pytest.fixture(scope="module")
def seed() -> tuple[list[SeedMeeting], list[str]]:
    return parse_seed()


@pytest.fixture
def demo(sqlite_db: Database) -> Database:
    with sqlite_db.transaction() as s:
        load_demo(s)
    return sqlite_db


@pytest.fixture
def demo_text(demo: Database) -> str:
    return printed_text(demo)


def test_seed_table_is_parsed_as_the_council_printed_it(
    seed: tuple[list[SeedMeeting], list[str]],
) -> None:
    meetings, undated = seed
    assert [m.date for m in meetings] == ["6.7.15", "7.9.15", "19.10.15", "7.12.15", "1.2.16", "7.3.16"]
    assert sum(len(m.rows) for m in meetings) == 14
    assert sum(1 for m in meetings for row in m.rows if row[1] and row[2]) == 2
    assert undated == ["Early years childcare provision"]


def test_the_columns_are_the_purpose_layouts(demo_text: str) -> None:
    headings = [
        "Date of meeting",
        "Agenda item",
        "Purpose of the agenda item",
        "Reason for consideration",
        "Responsible Officer",
    ]
    assert re.search(row_pattern(headings), demo_text)
    assert "Prioritisation Score" not in demo_text
    assert "Responsible Cabinet Member" not in demo_text


def test_every_meeting_and_item_prints_in_the_seed_order_with_its_dates_written_short(
    seed: tuple[list[SeedMeeting], list[str]], demo_text: str
) -> None:
    meetings, _ = seed
    patterns: list[tuple[str, str]] = []
    for m in meetings:
        patterns.append((m.date, rf"(?<![\d.]){re.escape(m.date)}(?![\d.])"))
        for title, purpose, reason, officer in m.rows:
            patterns.append((f"{m.date}: {title}", row_pattern([title, purpose, reason, officer])))
    assert find_in_order(demo_text, patterns) == []
    # The scored layout's long dates ("6 July 2015") are not used here.
    assert not re.search(r"\b\d{1,2} (?:July|Sept|Oct|Dec|Feb|March) 201[56]\b", demo_text)


def test_purpose_and_reason_print_in_their_own_columns(
    seed: tuple[list[SeedMeeting], list[str]], demo_text: str
) -> None:
    meetings, _ = seed
    both = [row for m in meetings for row in m.rows if row[1] and row[2]]
    assert both
    for title, purpose, reason, officer in both:
        assert re.search(row_pattern([title, purpose, reason, officer]), demo_text), title


def test_undated_items_print_under_the_councils_heading(
    seed: tuple[list[SeedMeeting], list[str]], demo_text: str
) -> None:
    meetings, undated = seed
    last = meetings[-1].rows[-1][0]
    patterns = [(last, re.escape(last)), (UNDATED, re.escape(UNDATED))]
    patterns += [(subject, re.escape(subject)) for subject in undated]
    assert find_in_order(demo_text, patterns) == []
    assert "Items to be scheduled" not in demo_text


def test_a_draft_says_it_is_subject_to_approval_and_an_approved_one_does_not(
    demo: Database, demo_text: str
) -> None:
    live = "Please note that the work programme is a \u2018live\u2019 document"
    assert re.search(re.escape(live) + r".*?" + re.escape(APPROVAL), demo_text)
    with demo.transaction() as s:
        panel = committee_by_name(s, "Ambitious")
        committees.set_programme_approved(s, committee_id=panel.id, year_start=2015, approved=True)
    approved = printed_text(demo)
    assert live in approved
    assert APPROVAL not in approved


def test_the_purpose_layout_titles_the_year_as_the_seed_does(demo_text: str) -> None:
    # seed 000: "Work Programme 2015 - 2016"
    assert "Work Programme 2015 - 2016" in norm(demo_text)
