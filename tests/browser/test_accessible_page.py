"""The exported web page in a real browser: axe-core finds nothing to fix, hostile text stays
text, the page reflows on a phone and prints.

Runs in Debian's chromium (/usr/bin/chromium, or $SCRUTINY_CHROMIUM), driven by playwright,
with axe-core installed by npm into tests/browser/node_modules (``npm ci --prefix tests/browser``).
Without them the tests are skipped, except where a run must check accessibility (CI=true or
SCRUTINY_REQUIRE_BROWSER=1, as .ci/run sets): there they fail.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from domain.db import Database
from domain.ops import planning, topics
from domain.ops.committees import create_committee
from domain.ops.convert import committee_by_name
from domain.ops.publish import FORMATS

HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def _required() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("SCRUTINY_REQUIRE_BROWSER") == "1"


def _chromium() -> str | None:
    return os.environ.get("SCRUTINY_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _missing(what: str) -> None:
    if _required():
        pytest.fail(f"{what}; the accessibility tests must run here (see .ci/run).")
    pytest.skip(what)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        _missing("chromium is not installed (apt install chromium)")
    if not AXE.is_file():
        _missing(f"axe-core is not installed ({AXE}; npm ci --prefix tests/browser)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        # --no-sandbox: CI containers run as root, where chromium's sandbox cannot start.
        b = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


def _page(browser: Any, html: bytes, width: int = 1280, height: int = 800) -> Any:
    page = browser.new_page(viewport={"width": width, "height": height})
    # Fresh each time: a page runs no script of its own, so any script is an injection.
    page.set_content(html.decode("utf-8"))
    return page


def axe_violations(browser: Any, html: bytes) -> list[str]:
    page = _page(browser, html)
    try:
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async (tags) => {
                const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
                return r.violations.map(v => v.id + ': ' + v.help + ' at '
                    + v.nodes.map(n => n.target.join(' ')).join(', '));
            }""",
            TAGS,
        )
    finally:
        page.close()
    return list(violations)


def export(db: Database, committee: str, year: int, fmt: str = "html") -> bytes:
    with db.transaction(read_only=True) as s:
        c = committee_by_name(s, committee)
        return FORMATS[fmt].make(s, committee_id=c.id, year_start=year, include_exempt=False).data


# --- a programme full of hostile text ---------------------------------------------------------

SCRIPT = "<script>window.__pwned = 1</script>"
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4
HOSTILE = [
    f"{SCRIPT} Budget & \"cuts\" <b>bold</b> 'quoted'",
    f"<img src=x onerror=\"window.__pwned = 2\"> {LONG_WORD}",
    "مراجعة خدمات الأطفال في بليموث",  # right to left
    "Young carers 🧒🏽 – support 👍 and Ł, ŵ, ŷ",
    "Line one\nLine two\r\nLine three \x07 with a bell",
]


def make_hostile_programme(s: Session) -> int:
    c = create_committee(
        s,
        name="Health & <Wellbeing> \"Scrutiny\" Panel 🏥",
        officer_name="O'Brien <officer@example.org>",
        officer_phone="01752 & 398444",
    )
    meeting = planning.add_meeting(
        s, committee_id=c.id, starts_at=dt.datetime(2021, 7, 14, 10), venue="<Room> & \"Hall\""
    )
    planning.add_meeting(s, committee_id=c.id, starts_at=dt.datetime(2021, 9, 8, 14))
    for i, text in enumerate(HOSTILE):
        t = topics.create_topic(
            s, committee_id=c.id, year_start=2021, title=text, reason=text, responsible=text,
            status="to_be_scheduled",
        )  # fmt: skip
        if i % 2 == 0:
            planning.book(s, topic_id=t.id, meeting_id=meeting.id, purpose=text)
    s.flush()
    return c.id


@pytest.fixture
def hostile_html(sqlite_db: Database) -> bytes:
    with sqlite_db.transaction() as s:
        committee_id = make_hostile_programme(s)
        return FORMATS["html"].make(
            s, committee_id=committee_id, year_start=2021, include_exempt=False
        ).data


# --- tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("committee", "year"), [("ECSC", 2019), ("Ambitious Plymouth", 2015)], ids=["scored", "purpose"]
)
def test_demo_programme_pages_pass_axe(
    browser: Any, sqlite_demo_db: Database, committee: str, year: int
) -> None:
    assert axe_violations(browser, export(sqlite_demo_db, committee, year)) == []


def test_hostile_programme_page_passes_axe(browser: Any, hostile_html: bytes) -> None:
    assert axe_violations(browser, hostile_html) == []


def test_an_empty_programme_page_passes_axe(browser: Any, sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        create_committee(s, name="New Panel")
    assert axe_violations(browser, export(sqlite_db, "New Panel", 2021)) == []


def test_hostile_text_shows_as_typed_and_never_runs(browser: Any, hostile_html: bytes) -> None:
    page = _page(browser, hostile_html)
    try:
        text = page.inner_text("main")
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.scripts.length") == 0
        assert page.evaluate("document.images.length") == 0
        assert SCRIPT in text
        assert "<b>bold</b>" in text and 'Budget & "cuts"' in text
        assert "مراجعة خدمات الأطفال" in text
        assert "🧒🏽" in text
        assert "Line one\nLine two\nLine three" in text
        assert "\x07" not in text
        assert page.title().startswith('Health & <Wellbeing> "Scrutiny" Panel 🏥')
        assert page.inner_text("h1").upper().startswith('HEALTH & <WELLBEING> "SCRUTINY" PANEL')
    finally:
        page.close()


def test_page_reflows_on_a_phone_without_sideways_scrolling(
    browser: Any, hostile_html: bytes, sqlite_demo_db: Database
) -> None:
    # WCAG 1.4.10 Reflow: 320 CSS pixels wide, even with a 180-letter word in a cell; data
    # tables are excepted, so they scroll within the page rather than the page scrolling.
    for html in (hostile_html, export(sqlite_demo_db, "ECSC", 2019)):
        page = _page(browser, html, width=320, height=640)
        try:
            assert page.evaluate("document.documentElement.scrollWidth") <= 320
            # A table keeps its columns and scrolls sideways in its own box, which the
            # keyboard can reach to scroll.
            box = page.locator(".scroll").first
            assert box.evaluate("b => b.scrollWidth > b.clientWidth")
            assert box.get_attribute("tabindex") == "0"
        finally:
            page.close()


def test_page_prints_every_item_on_landscape_pages(browser: Any, sqlite_demo_db: Database) -> None:
    from pypdf import PdfReader

    page = _page(browser, export(sqlite_demo_db, "ECSC", 2019))
    try:
        pdf = page.pdf(prefer_css_page_size=True)
    finally:
        page.close()
    reader = PdfReader(io.BytesIO(pdf))
    first = reader.pages[0].mediabox
    assert first.width > first.height  # landscape A4, as the print
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    for title in ("Fair Funding for Schools", "Sex Education and Relationship", "Young Carers"):
        assert title in " ".join(pages)
    # The meetings table runs over several pages, its header row repeated on each.
    scheduled = next(i for i, p in enumerate(pages) if "Items to be scheduled 2019/20" in p)
    assert scheduled >= 2
    assert all("Date of meeting" in p for p in pages[:scheduled])
