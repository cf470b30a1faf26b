"""Exempt (Part II) items never reach an exported file unless asked for, in every format.

The same canary as the printed documents (test_exempt.py) is written into every field of exempt
items; each format of the export table (``domain.ops.publish.FORMATS``) is exported and read
back as text (a zipped format, as a workbook or Word file is, member by member; a calendar
with its folded lines joined again): the canary must be nowhere. Asked for, it must be there,
and the file must say it is not for publication where the format has room to say so.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from test_exempt import CANARY, PLACEHOLDER, Seeded, seed_exempt_items, set_placeholders

from domain.db import Database
from domain.demo import load_demo
from domain.ops.publish import FORMATS


def readable(data: bytes) -> str:
    """Everything a reader of the file could see, as one string."""
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        # Text split over runs or cells is joined again, tags dropped.
        return re.sub(r"<[^>]+>", "", " ".join(parts))
    text = data.decode("utf-8-sig")
    # iCalendar folds long lines (RFC 5545 3.1) and escapes commas and semicolons.
    return text.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n")


@pytest.fixture
def seeded(sqlite_db: Database) -> Seeded:
    with sqlite_db.transaction() as s:
        load_demo(s)
        return seed_exempt_items(s)


def export(db: Database, ids: Seeded, key: str, include_exempt: bool) -> str:
    with db.transaction(read_only=True) as s:
        exported = FORMATS[key].make(
            s, committee_id=ids.committee_id, year_start=2019, include_exempt=include_exempt
        )
    assert exported.includes_exempt is include_exempt
    return readable(exported.data)


@pytest.mark.parametrize("placeholders", [False, True], ids=["left out", "placeholders"])
@pytest.mark.parametrize("key", list(FORMATS))
def test_no_format_exports_exempt_details(
    sqlite_db: Database, seeded: Seeded, key: str, placeholders: bool
) -> None:
    with sqlite_db.transaction() as s:
        set_placeholders(s, placeholders)
    text = export(sqlite_db, seeded, key, include_exempt=False)
    assert CANARY not in text
    assert "NOT FOR PUBLICATION" not in text
    assert "Children in Need" in text  # the public items are all still there


def test_the_web_page_shows_placeholders_as_the_print_does(
    sqlite_db: Database, seeded: Seeded
) -> None:
    with sqlite_db.transaction() as s:
        set_placeholders(s, True)
    assert export(sqlite_db, seeded, "html", include_exempt=False).count(PLACEHOLDER) == 3
    with sqlite_db.transaction() as s:
        set_placeholders(s, False)
    assert "Part II item" not in export(sqlite_db, seeded, "html", include_exempt=False)


@pytest.mark.parametrize("key", list(FORMATS))
def test_every_format_includes_exempt_items_only_when_asked(
    sqlite_db: Database, seeded: Seeded, key: str
) -> None:
    text = export(sqlite_db, seeded, key, include_exempt=True)
    assert f"Staffing matter {CANARY}" in text
    if key in ("html", "ics"):
        assert "NOT FOR PUBLICATION" in text


@pytest.mark.parametrize("key", ["html", "csv", "docx", "xlsx"])
def test_every_programme_format_counts_the_exempt_items_it_left_out(
    sqlite_db: Database, seeded: Seeded, key: str
) -> None:
    """The export's message says how many exempt items were left out, the web page's too."""
    with sqlite_db.transaction(read_only=True) as s:
        public = FORMATS[key].make(s, committee_id=seeded.committee_id, year_start=2019, include_exempt=False)
        full = FORMATS[key].make(s, committee_id=seeded.committee_id, year_start=2019, include_exempt=True)
    assert public.exempt_left_out > 0
    assert full.exempt_left_out == 0
