"""Exempt (Part II) items never reach a public document.

A canary string is written into every field of exempt items that could print (title, reason,
purpose, responsible officer, PAPER evidence, a select review, linked resolutions and their
progress). Each public document is printed and read back as a reader would (every page's text,
the bookmarks, the metadata): the canary must be nowhere. Printed with exempt items included,
it must be there, and every page must say NOT FOR PUBLICATION.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_helpers import everything_readable, page_texts, reader
from sqlalchemy.orm import Session

from domain.db import Database
from domain.demo import load_demo
from domain.errors import Invalid
from domain.models import Topic
from domain.ops import assessments, decisions, planning, reviews, topics
from domain.ops.committees import create_committee, set_programme_approved
from domain.ops.convert import committee_by_name
from domain.printing.build import build_decisions, build_programme, build_scoring_sheets
from domain.printing.render import (
    render_decisions,
    render_programme,
    render_scoring_sheet,
)
from domain.settings import load_settings, save_settings

CANARY = "CANARY-7f3a"
PLACEHOLDER = "Part II item (paragraph 3)"


# --- reading a PDF as a reader would ----------------------------------------------------------


def render(fn: Callable[..., None], doc: Any) -> bytes:
    buffer = io.BytesIO()
    fn(doc, buffer)
    return buffer.getvalue()


# --- an exempt item in every place one can be -------------------------------------------------


@dataclass(frozen=True)
class Seeded:
    committee_id: int
    exempt_topic_id: int
    public_topic_id: int


def seed_exempt_items(s: Session) -> Seeded:
    ecsc = committee_by_name(s, "ECSC")
    meeting = next(
        m for m in planning.list_meetings(s, committee_id=ecsc.id, year_start=2019)
        if m.starts_at.date() == dt.date(2019, 11, 13)
    )  # fmt: skip
    secret = topics.create_topic(
        s,
        committee_id=ecsc.id,
        year_start=2019,
        title=f"Staffing matter {CANARY}",
        reason=f"Disciplinary case {CANARY}",
        responsible=f"Officer {CANARY}",
        exempt=True,
        exempt_paragraph=3,
    )
    planning.book(
        s, topic_id=secret.id, meeting_id=meeting.id, position=1, purpose=f"Update {CANARY}"
    )
    assessments.record_assessment(
        s,
        topic_id=secret.id,
        scorer="Councillor Murphy",
        answers=[(True, f"Evidence {CANARY}")] * 6,
        agreed=True,
    )
    topics.create_topic(
        s,
        committee_id=ecsc.id,
        year_start=2019,
        title=f"Contract dispute {CANARY}",
        reason=f"Legal advice {CANARY}",
        responsible=f"Solicitor {CANARY}",
        status="to_be_scheduled",
        exempt=True,
        exempt_paragraph=3,
    )
    review_topic = topics.create_topic(
        s,
        committee_id=ecsc.id,
        year_start=2019,
        title=f"Review topic {CANARY}",
        reason=f"Review reason {CANARY}",
        kind="select_review",
        status="to_be_scheduled",
        exempt=True,
        exempt_paragraph=3,
    )
    reviews.create_review(
        s,
        committee_id=ecsc.id,
        title=f"Select review {CANARY}",
        scope=f"Scope {CANARY}",
        lead_officer=f"Lead {CANARY}",
        added_on=dt.date(2019, 7, 10),
        topic_id=review_topic.id,
    )
    # A resolution the exempt topic was created from, and one made on the exempt item itself.
    origin = decisions.create_decision(
        s,
        committee_id=ecsc.id,
        title=f"Origin {CANARY}",
        meeting_date=dt.date(2019, 7, 10),
        minute_no="21",
        resolution=f"Resolved {CANARY}",
        officer=f"Officer {CANARY}",
    )
    decisions.add_progress_note(s, decision_id=origin.id, text=f"Progress {CANARY}")
    s.get(Topic, secret.id).decision_id = origin.id  # type: ignore[union-attr]
    decisions.create_decision(
        s,
        committee_id=ecsc.id,
        title=secret.title,
        meeting_id=meeting.id,
        meeting_date=meeting.starts_at.date(),
        minute_no="40",
        resolution=f"Agreed {CANARY}",
        officer=f"Officer {CANARY}",
    )
    public = next(
        t for t in topics.list_topics(s, committee_id=ecsc.id, year_start=2019)
        if t.title == "Children in Need"
    )  # fmt: skip
    s.flush()
    return Seeded(ecsc.id, secret.id, public.id)


def set_placeholders(s: Session, on: bool) -> None:
    save_settings(
        s, settings=dataclasses.replace(load_settings(s), show_part_ii_placeholders=on)
    )


@pytest.fixture
def seeded(sqlite_db: Database) -> Seeded:
    with sqlite_db.transaction() as s:
        load_demo(s)
        return seed_exempt_items(s)


def public_documents(db: Database, ids: Seeded) -> dict[str, bytes]:
    with db.transaction() as s:
        prog = build_programme(s, committee_id=ids.committee_id, year_start=2019)
        annex = build_programme(
            s, committee_id=ids.committee_id, year_start=2019, annex=True,
            annex_topic_id=ids.public_topic_id,
        )  # fmt: skip
        dec = build_decisions(s, committee_id=ids.committee_id)
        open_dec = build_decisions(s, committee_id=ids.committee_id, open_only=True)
    return {
        "programme": render(render_programme, prog),
        "programme with annex": render(render_programme, annex),
        "decisions": render(render_decisions, dec),
        "open decisions": render(render_decisions, open_dec),
    }


# --- tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("placeholders", [False, True], ids=["left out", "placeholders"])
def test_public_documents_never_show_exempt_details(
    sqlite_db: Database, seeded: Seeded, placeholders: bool
) -> None:
    with sqlite_db.transaction() as s:
        set_placeholders(s, placeholders)
    docs = public_documents(sqlite_db, seeded)
    for name, data in docs.items():
        text = everything_readable(data)
        assert CANARY not in text, name
        assert "NOT FOR PUBLICATION" not in text, name
    programme_text = " ".join(page_texts(docs["programme"]))
    decisions_text = " ".join(page_texts(docs["decisions"]))
    # The public items are all still there.
    assert "Children in Need" in programme_text
    assert "The Oracy Project" in decisions_text
    if placeholders:
        # The booked item, the waiting item and the review each leave a placeholder.
        assert programme_text.count(PLACEHOLDER) == 3
        assert decisions_text.count(PLACEHOLDER) == 2
    else:
        assert "Part II item" not in programme_text
        assert "Part II item" not in decisions_text


def test_placeholder_sits_where_the_item_is_on_the_agenda(
    sqlite_db: Database, seeded: Seeded
) -> None:
    with sqlite_db.transaction() as s:
        set_placeholders(s, True)
        doc = build_programme(s, committee_id=seeded.committee_id, year_start=2019)
    november = next(m for m in doc.meetings if m.meeting_date == dt.date(2019, 11, 13))
    assert [getattr(r, "label", None) for r in november.rows][1] == PLACEHOLDER
    assert november.rows[0].title.startswith("Corporate Performance")  # type: ignore[union-attr]


def test_exempt_text_is_not_loaded_into_the_session(sqlite_db: Database, seeded: Seeded) -> None:
    """Rows come from an allow-list query: no exempt topic is even loaded to be filtered."""
    with sqlite_db.transaction() as s:
        set_placeholders(s, True)
    with sqlite_db.transaction() as s:
        build_programme(s, committee_id=seeded.committee_id, year_start=2019, annex=True)
        build_decisions(s, committee_id=seeded.committee_id)
        loaded = [repr(vars(obj)) for obj in s.identity_map.values()]
    assert not [row for row in loaded if CANARY in row]


def test_exempt_topic_cannot_be_the_public_annex(sqlite_db: Database, seeded: Seeded) -> None:
    with sqlite_db.transaction() as s, pytest.raises(Invalid, match="exempt") as exc:
        build_programme(
            s, committee_id=seeded.committee_id, year_start=2019,
            annex_topic_id=seeded.exempt_topic_id,
        )  # fmt: skip
    assert CANARY not in str(exc.value)
    with sqlite_db.transaction() as s, pytest.raises(Invalid, match="exempt") as exc:
        build_scoring_sheets(s, topic_ids=[seeded.public_topic_id, seeded.exempt_topic_id])
    assert CANARY not in str(exc.value)


def test_include_exempt_prints_everything_marked_not_for_publication(
    sqlite_db: Database, seeded: Seeded
) -> None:
    with sqlite_db.transaction() as s:
        prog = build_programme(
            s, committee_id=seeded.committee_id, year_start=2019, include_exempt=True,
            annex_topic_id=seeded.exempt_topic_id,
        )  # fmt: skip
        dec = build_decisions(s, committee_id=seeded.committee_id, include_exempt=True)
        sheets = build_scoring_sheets(
            s, topic_ids=[seeded.exempt_topic_id], include_exempt=True
        )
    for name, data in {
        "programme": render(render_programme, prog),
        "decisions": render(render_decisions, dec),
        "scoring sheet": render(render_scoring_sheet, sheets),
    }.items():
        pages = page_texts(data)
        assert all("NOT FOR PUBLICATION" in p for p in pages), name
        assert CANARY in " ".join(pages), name
        assert "NOT FOR PUBLICATION" in str((reader(data).metadata or {}).get("/Subject")), name
    prog_text = " ".join(page_texts(render(render_programme, prog)))
    for field in ("Staffing matter", "Update", "Officer", "Evidence", "Contract dispute",
                  "Select review"):  # fmt: skip
        assert f"{field} {CANARY}" in prog_text, field


# --- generated programmes ---------------------------------------------------------------------

_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
_phrase = st.lists(_words, min_size=1, max_size=5).map(" ".join)


@st.composite
def small_programmes(draw: st.DrawFn) -> dict[str, Any]:
    items = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "exempt": st.booleans(),
                    "where": st.sampled_from(["m0", "m1", "m2", "waiting", "review"]),
                    "title": _phrase,
                    "reason": _phrase,
                    "responsible": _phrase,
                    "purpose": st.none() | _phrase,
                    "scored": st.booleans(),
                    "decision": st.booleans(),
                    "paragraph": st.integers(1, 7),
                }
            ),
            min_size=1,
            max_size=7,
        )
    )
    return {
        "items": items,
        "placeholders": draw(st.booleans()),
        "approved": draw(st.booleans()),
    }


_names = itertools.count()


def _make(s: Session, spec: dict[str, Any]) -> tuple[int, list[str]]:
    """The generated programme through the use cases; returns the committee and the public
    titles that must print."""
    c = create_committee(s, name=f"Generated committee {next(_names)}", officer_name="A Officer")
    set_programme_approved(s, committee_id=c.id, year_start=2021, approved=spec["approved"])
    set_placeholders(s, spec["placeholders"])
    ms = [
        planning.add_meeting(s, committee_id=c.id, starts_at=dt.datetime(2021, 6 + 2 * i, 10, 14))
        for i in range(3)
    ]
    public_titles = []
    for item in spec["items"]:
        mark = f" {CANARY}" if item["exempt"] else ""
        t = topics.create_topic(
            s,
            committee_id=c.id,
            year_start=2021,
            title=item["title"] + mark,
            reason=item["reason"] + mark,
            responsible=item["responsible"] + mark,
            kind="select_review" if item["where"] == "review" else "report",
            status="to_be_scheduled",
            exempt=item["exempt"],
            exempt_paragraph=item["paragraph"] if item["exempt"] else None,
        )
        if item["where"].startswith("m"):
            meeting = ms[int(item["where"][1])]
            purpose = None if item["purpose"] is None else item["purpose"] + mark
            planning.book(s, topic_id=t.id, meeting_id=meeting.id, purpose=purpose)
        if item["scored"]:
            assessments.record_assessment(
                s, topic_id=t.id, scorer="Chair", answers=[(True, "why" + mark)] * 6, agreed=True
            )
        if item["decision"]:
            d = decisions.create_decision(
                s,
                committee_id=c.id,
                title="Resolution on " + t.title,
                meeting_date=dt.date(2021, 6, 10),
                resolution="Resolved" + mark,
                officer="Officer" + mark,
            )
            s.get(Topic, t.id).decision_id = d.id  # type: ignore[union-attr]
        if not item["exempt"]:
            public_titles.append(item["title"])
    s.flush()
    return c.id, public_titles


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=small_programmes())
def test_generated_programmes_never_leak_exempt_items(
    sqlite_db: Database, spec: dict[str, Any]
) -> None:
    # Each example makes its own committee, so examples sharing the database do not mix.
    with sqlite_db.transaction() as s:
        committee_id, public_titles = _make(s, spec)
        prog = build_programme(s, committee_id=committee_id, year_start=2021, annex=True)
        dec = build_decisions(s, committee_id=committee_id)
    expected_placeholders = sum(
        item["exempt"] for item in spec["items"]
    ) if spec["placeholders"] else 0
    prog_pdf = render(render_programme, prog)
    dec_pdf = render(render_decisions, dec)
    for data in (prog_pdf, dec_pdf):
        assert CANARY not in everything_readable(data)
    prog_text = " ".join(page_texts(prog_pdf))
    assert prog_text.count("Part II item (paragraph") == expected_placeholders
    for title in public_titles:
        assert title in prog_text
    assert ("DRAFT" in prog_text) is (not spec["approved"])
    exempt_decisions = sum(item["exempt"] and item["decision"] for item in spec["items"])
    dec_text = " ".join(page_texts(dec_pdf))
    assert dec_text.count("Part II item (paragraph") == (
        exempt_decisions if spec["placeholders"] else 0
    )


# --- exported files ---------------------------------------------------------------------------


def _file_text(data: bytes) -> str:
    """Everything a file holds, as text: each part of a Word or Excel zip, or the CSV text."""
    import zipfile

    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return data.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_exported_files_never_hold_exempt_details_unless_asked(
    sqlite_db: Database, seeded: Seeded, fmt: str
) -> None:
    from domain.io.csv import programme_csv_text
    from domain.io.docx import programme_docx
    from domain.io.sniff import read_programme
    from domain.io.xlsx import programme_xlsx
    from domain.ops.exports import programme_table

    writers: dict[str, Callable[[Any], bytes]] = {
        "csv": lambda export: programme_csv_text(export.rows).encode("utf-8"),
        "xlsx": programme_xlsx,
        "docx": programme_docx,
    }
    with sqlite_db.transaction() as s:
        set_placeholders(s, True)
        public = programme_table(s, committee_id=seeded.committee_id, year_start=2019)
        full = programme_table(s, committee_id=seeded.committee_id, year_start=2019, include_exempt=True)
    public_file, full_file = writers[fmt](public), writers[fmt](full)
    assert CANARY not in _file_text(public_file)
    assert "Children in Need" in _file_text(public_file)
    assert public.exempt_left_out == 3  # the booked item, the waiting item and the review
    text = _file_text(full_file)
    assert CANARY in text and "[Part II, paragraph 3]" in text
    if fmt != "csv":
        assert "NOT FOR PUBLICATION" in text
    # Imported again, each comes back exempt with its paragraph.
    exempt = [r for r in read_programme(full_file, name=f"full.{fmt}") if CANARY in r.title]
    assert len(exempt) == 3 and {r.exempt_paragraph for r in exempt} == {3}
