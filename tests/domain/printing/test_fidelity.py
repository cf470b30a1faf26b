"""The demo ECSC 2019 - 20 programme, printed from the database, says what the council's own
programme (seed 001) says, in the same order.

The expected rows are read from the council's own printed tables (an excerpt of seed 001 kept in
tests/fixtures, not typed into this test): the programme is the tab-separated table after
"Work Programme 2019 - 20"; an empty date cell continues the
meeting above; a repeated header row is a page break.
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
from domain.ops.convert import committee_by_name
from domain.printing.build import TO_FOLLOW, VERBAL_UPDATE, build_programme
from domain.printing.render import render_programme

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "ecsc_2019_20_programme.txt"
PROGRAMME_HEADER = "Date of meeting\tAgenda item\tPrioritisation Score"
SCHEDULE_HEADER = "Subject\tReason added to work programme\tResponsible Officer"


def norm(text: str) -> str:
    return " ".join(text.split())


@dataclass
class SeedMeeting:
    date: str
    rows: list[list[str]] = field(default_factory=list)  # title, score, reason, officer


@dataclass
class SeedProgramme:
    meetings: list[SeedMeeting]
    to_be_scheduled: list[list[str]]  # subject, reason, officer
    reviews: list[list[str]]


def parse_seed_programme(path: Path) -> SeedProgramme:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("Work Programme 2019 - 20")
    meetings: list[SeedMeeting] = []
    i = start + 1
    while not lines[i].startswith("Items to be scheduled"):
        line = lines[i]
        i += 1
        if not line.strip() or line.startswith(PROGRAMME_HEADER) or "\t" not in line:
            continue  # blank lines, the page-break header rows and the heading's paragraphs
        date, title, score, reason, officer = (line.split("\t") + [""] * 5)[:5]
        if date.strip():
            meetings.append(SeedMeeting(norm(date)))
        meetings[-1].rows.append([norm(title), norm(score), norm(reason), norm(officer)])

    def table(begin: int, stop: str) -> tuple[list[list[str]], int]:
        rows: list[list[str]] = []
        j = begin
        while not lines[j].startswith(stop):
            line = lines[j]
            j += 1
            if not line.strip() or line.startswith(SCHEDULE_HEADER):
                continue
            subject, reason, officer = (line.split("\t") + [""] * 3)[:3]
            rows.append([norm(subject), norm(reason), norm(officer)])
        return rows, j

    to_be_scheduled, i = table(i + 1, "Select Committee Reviews")
    reviews, _ = table(i + 1, "Annex")
    return SeedProgramme(meetings, to_be_scheduled, reviews)


def row_pattern(cells: list[str], *, flags_after_first: bool = False) -> str:
    """The cells of one table row, as they read in order, empty cells skipped. The item cell
    may carry the application's flags ("To follow") under the title."""
    parts = [re.escape(c) for c in cells if c]
    if not parts:
        return ""
    head, *rest = parts
    if flags_after_first:
        head += rf"(?: (?:{re.escape(TO_FOLLOW)}|{re.escape(VERBAL_UPDATE)})(?: · \w[\w ]*)?)?"
    return " ".join([head, *rest])


def find_in_order(text: str, patterns: list[tuple[str, str]]) -> list[str]:
    """Each pattern searched after the end of the previous match; the labels of those missing."""
    missing = []
    pos = 0
    for label, pattern in patterns:
        m = re.compile(pattern).search(text, pos)
        if m is None:
            missing.append(label)
        else:
            pos = m.end()
    return missing


@pytest.fixture(scope="module")
def seed() -> SeedProgramme:
    return parse_seed_programme(SEED)


@pytest.fixture
def demo_text(sqlite_db: Database) -> str:
    with sqlite_db.transaction() as s:
        load_demo(s)
        ecsc = committee_by_name(s, "ECSC")
        doc = build_programme(s, committee_id=ecsc.id, year_start=2019)
    buffer = io.BytesIO()
    render_programme(doc, buffer)
    # Page furniture and the repeated header are dropped so rows split across pages still
    # read as one run of text.
    text = " ".join(page_texts(buffer.getvalue()))
    text = re.sub(r" Page \d+ of \d+", " ", text)
    return norm(text)


def test_seed_table_is_parsed_as_the_council_printed_it(seed: SeedProgramme) -> None:
    # The seed's own shape, so a change to the parser cannot quietly compare nothing.
    assert [m.date for m in seed.meetings] == [
        "10 July 2019", "11 Sept 2019", "13 Nov 2019", "8 Jan 2020", "4 March 2020",
    ]  # fmt: skip
    assert sum(len(m.rows) for m in seed.meetings) == 26
    assert len(seed.to_be_scheduled) == 9
    assert len(seed.reviews) == 2


def test_every_meeting_and_item_prints_in_the_seed_order(
    seed: SeedProgramme, demo_text: str
) -> None:
    patterns: list[tuple[str, str]] = []
    for m in seed.meetings:
        patterns.append((m.date, re.escape(m.date)))
        for title, score, reason, officer in m.rows:
            patterns.append(
                (f"{m.date}: {title}", row_pattern([title, score, reason, officer], flags_after_first=True))
            )
    assert find_in_order(demo_text, patterns) == []


def test_items_to_be_scheduled_and_reviews_print_in_the_seed_order(
    seed: SeedProgramme, demo_text: str
) -> None:
    patterns = [("Items to be scheduled", re.escape("Items to be scheduled 2019/20"))]
    patterns += [(row[0], row_pattern(row)) for row in seed.to_be_scheduled]
    patterns.append(("Select Committee Reviews", re.escape("Select Committee Reviews")))
    patterns += [(row[0], row_pattern(row)) for row in seed.reviews]
    assert find_in_order(demo_text, patterns) == []


def test_scores_are_the_agreed_scores_of_their_own_rows(seed: SeedProgramme, demo_text: str) -> None:
    # A score moved to the neighbouring row would still be "in order" as a lone number; here
    # each scored row must read title, score, reason with nothing else between.
    scored = [row for m in seed.meetings for row in m.rows if row[1]]
    assert scored, "the seed programme has scored items"
    for title, score, reason, _officer in scored:
        pattern = row_pattern([title, score, reason], flags_after_first=True)
        assert re.search(pattern, demo_text), f"{title} does not print with score {score}"
