"""ReportLab's platypus as the renderer imports it (domain.printing.platypus): its web-address
pattern is compiled at first use, and a long address still breaks across lines as ever."""

from __future__ import annotations

import re
from dataclasses import replace

from pdf_helpers import all_text, render_to_bytes

from domain.printing.document import ProgrammeRow
from domain.printing.render import render_programme
from domain.printing.samples import sample_programme

ADDRESS = (
    "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=1234&MId=5678&Ver=4"
    "&Info=1&Agenda=ScrutinyWorkProgrammeAppendixB"
)


def test_a_long_web_address_in_an_item_prints_whole() -> None:
    doc = sample_programme(annex=False)
    first = doc.meetings[0]
    row = first.rows[0]
    assert isinstance(row, ProgrammeRow)
    rows = (replace(row, title=f"Report at {ADDRESS}"), *first.rows[1:])
    doc = replace(doc, meetings=(replace(first, rows=rows), *doc.meetings[1:]))
    text = "".join(all_text(render_to_bytes(render_programme, doc, invariant=True)).split())
    assert ADDRESS in text


def test_the_web_address_pattern_splits_as_reportlab_compiles_it() -> None:
    import reportlab.platypus.paragraph as rl_paragraph

    import domain.printing.platypus  # noqa: F401 - imports ReportLab's paragraph module

    lazy = rl_paragraph.uri_pat
    compiled = re.compile(lazy.pattern, lazy.flags)
    for uri in (ADDRESS, "http://10.0.0.1:8080/a/b", "not an address", "ftp://files.example.org/x"):
        assert bool(lazy.match(uri)) == bool(compiled.match(uri))
    assert rl_paragraph._uri_split_pairs(ADDRESS) is not None
