"""The load chart on the programme's first page: asked for, it prints the Year page's figures
(each meeting's items, "N too many" in words); it never carries an exempt item's words."""

from __future__ import annotations

import datetime as dt

from pdf_helpers import everything_readable, page_texts, render_to_bytes
from test_exempt import CANARY, Seeded, seed_exempt_items

from domain.db import Database
from domain.demo import load_demo
from domain.ops.convert import committee_by_name
from domain.ops.year_view import year_loads
from domain.printing.build import build_programme
from domain.printing.render import render_programme

SEPT_2 = dt.date(2019, 9, 2)


def test_the_chart_prints_on_the_first_page_only_when_asked(sqlite_demo_db: Database) -> None:
    with sqlite_demo_db.transaction() as s:
        cid = committee_by_name(s, "ECSC").id
        plain = build_programme(s, committee_id=cid, year_start=2019)
        charted = build_programme(s, committee_id=cid, year_start=2019, load_chart=True, today=SEPT_2)
        loads = year_loads(s, committee_id=cid, year_start=2019, today=SEPT_2)
    assert plain.load_chart is None and charted.load_chart == loads
    pages = page_texts(render_to_bytes(render_programme, charted))
    first = pages[0]
    assert "Load against capacity" in first
    assert "1 too many" in first
    for label in ("10 Jul", "11 Sept", "13 Nov", "8 Jan", "4 Mar"):
        assert label in first
    assert not any("Load against capacity" in p for p in pages[1:])
    assert not any("Load against capacity" in p for p in page_texts(render_to_bytes(render_programme, plain)))


def test_the_chart_counts_an_exempt_item_but_never_shows_or_loads_its_words(sqlite_db: Database) -> None:
    with sqlite_db.transaction() as s:
        load_demo(s)
        seeded: Seeded = seed_exempt_items(s)
    with sqlite_db.transaction() as s:
        doc = build_programme(s, committee_id=seeded.committee_id, year_start=2019, load_chart=True, today=SEPT_2)
        loaded = [repr(vars(obj)) for obj in s.identity_map.values()]
    assert not [row for row in loaded if CANARY in row]
    assert doc.load_chart is not None
    november = next(b for b in doc.load_chart if b.day == dt.date(2019, 11, 13))
    assert (november.items, november.excess) == (8, 2)  # the exempt item is one more in the count
    text = everything_readable(render_to_bytes(render_programme, doc))
    assert CANARY not in text
    assert "2 too many" in text
