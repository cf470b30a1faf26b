"""A topic's path: suggestion fields, screening flags, the 12-month rule found from titles,
stages moved several at once, urgent topics first in suggested schedules, the 0008 upgrade."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from domain import db as dbmod
from domain.db import Database, open_database
from domain.errors import Invalid
from domain.ops import committees, planning, suggestions, topics
from domain.ops.convert import committee_row_by_name
from domain.scheduling import Candidate, MeetingSlot, suggest_schedule
from domain.screening import Earlier, likeness, most_alike, normal_screening, title_words

ROOT = Path(__file__).resolve().parent.parent.parent


def alike(a: str, b: str) -> bool:
    return likeness(title_words(a), title_words(b)) > 0


# Pairs of titles from the demo programmes (seeds 000 and 001) and the council's own naming:
# the same subject under another wording, and near misses that are not.
SAME = [
    ("Plymouth Plan", "Plymouth Plan Refresh"),
    ("Care Leavers and NEET", "Care Leavers and NEET - plan"),
    ("Changes resulting from Adoption Bill", "Update on the changes resulting from Adoption Bill"),
    ("Bullying and Attendance", "Bullying and attendance – Select Review?"),
    ("SEND framework 2015- 2018", "SEND framework 2015- 2018 – 6 Monthly update"),
    ("Strategic Risk Register", "Strategic Risk and Opportunity Register – update"),
    ("Elective Home Education", "Elective home education support"),
]
DIFFERENT = [
    ("Cyber Bullying", "Bullying and Attendance"),
    ("School Attendance Consultation", "Bullying and Attendance"),
    ("Adoption", "Changes resulting from Adoption Bill"),
    ("Children in Need", "Children's Social Care Improvement Plan"),
    ("School Readiness Update", "School Transport Contract Award"),
    ("Pledge Update", "Plymouth Challenge Update"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_titles_of_one_subject_are_alike(a: str, b: str) -> None:
    assert alike(a, b) and alike(b, a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_near_misses_are_not_alike(a: str, b: str) -> None:
    assert not alike(a, b)


def test_a_screening_flag_needs_a_reason_and_a_known_name() -> None:
    assert normal_screening({"recent": " Like  'X' ", "complaint": "One family's case"}) == (
        ("complaint", "One family's case"), ("recent", "Like 'X'"),
    )  # fmt: skip
    with pytest.raises(Invalid, match="Say why"):
        normal_screening({"outside_remit": "  "})
    with pytest.raises(Invalid, match="not a screening flag"):
        normal_screening({"boring": "yes"})


@pytest.fixture
def ecsc(demo_db: Database) -> int:
    with demo_db.transaction(read_only=True) as s:
        return int(committee_row_by_name(s, "ECSC").id)


def test_a_suggestion_keeps_its_proposer_outcome_workload_flags_and_urgency(demo_db: Database, ecsc: int) -> None:
    with demo_db.transaction() as s:
        row = topics.create_topic(
            s, committee_id=ecsc, year_start=2019, title="Youth services after the budget cuts",
            source_kind="partner", proposer_name="Plymouth Youth Trust", proposer_contact="info@youth.example.org",
            outcome="An offer agreed with partners", plan_link="A growing city", workload="heavy",
            screening={"elsewhere": "The Health and Wellbeing Board in March"}, told_on=dt.date(2019, 10, 1),
            urgent=True, urgent_reason="Budget decision due in October", status="long_listed",
        )  # fmt: skip
    with demo_db.transaction(read_only=True) as s:
        again = topics.get_topic(s, topic_id=row.id)
    assert again == row
    assert (again.workload, again.status, again.urgent) == ("heavy", "long_listed", True)
    assert again.screening == (("elsewhere", "The Health and Wellbeing Board in March"),)


def test_an_urgent_topic_needs_its_reason(demo_db: Database, ecsc: int) -> None:
    with demo_db.transaction() as s, pytest.raises(Invalid) as err:
        topics.create_topic(s, committee_id=ecsc, year_start=2019, title="Pot holes", urgent=True)
    assert err.value.field == "urgent_reason"
    with demo_db.transaction() as s:
        row = topics.create_topic(s, committee_id=ecsc, year_start=2019, title="Pot holes")
    with demo_db.transaction() as s, pytest.raises(Invalid):
        topics.update_topic(s, topic_id=row.id, urgent=True)


def test_an_earlier_item_like_the_suggestion_is_found_in_any_committee(demo_db: Database) -> None:
    with demo_db.transaction(read_only=True) as s:
        found = suggestions.similar_recent(s, title="Care Leavers and NEET plan refresh", on=dt.date(2019, 9, 2))
        later = suggestions.similar_recent(s, title="Care Leavers and NEET plan refresh", on=dt.date(2022, 9, 2))
        nothing = suggestions.similar_recent(s, title="Pot holes on Mutley Plain", on=dt.date(2019, 9, 2))
    texts = [f.text for f in found]
    assert "'Care Leavers and NEET - plan' at ECSC on 10 Jul 2019" in texts
    assert any("booked for" in t for t in texts)  # the item still to come that year
    assert later == () and nothing == ()


@pytest.fixture
def suggested(demo_db: Database, ecsc: int) -> list[int]:
    with demo_db.transaction() as s:
        return [
            topics.create_topic(s, committee_id=ecsc, year_start=2019, title=t, status="long_listed").id
            for t in ("Youth services", "School crossing patrols", "Pot holes")
        ]


def _status(db: Database, ids: list[int]) -> list[tuple[str, str]]:
    with db.transaction(read_only=True) as s:
        return [(r.status, r.status_reason) for r in (topics.get_topic(s, topic_id=i) for i in ids)]


def test_several_topics_move_along_their_path_in_one_step(demo_db: Database, ecsc: int, suggested: list[int]) -> None:
    with demo_db.transaction() as s:
        suggestions.move_to_stage(s, topics=[(i, None) for i in suggested[:2]], stage="short_list")
    assert _status(demo_db, suggested) == [("short_listed", ""), ("short_listed", ""), ("long_listed", "")]
    with demo_db.transaction() as s:
        suggestions.move_to_stage(s, topics=[(suggested[0], None)], stage="accept")
        view = planning.load_programme(s, committee_id=ecsc, year_start=2019)
    assert "Youth services" in [t.title for t in view.to_be_scheduled]
    with demo_db.transaction() as s, pytest.raises(Invalid, match="Say why"):
        suggestions.move_to_stage(s, topics=[(suggested[2], None)], stage="not_pursued")
    with demo_db.transaction() as s:
        suggestions.move_to_stage(s, topics=[(suggested[2], None)], stage="not_pursued", reason="A matter for Highways")
    assert _status(demo_db, suggested)[2] == ("not_pursued", "A matter for Highways")


def test_a_booked_topic_cannot_be_moved_back_and_nothing_moves(demo_db: Database, ecsc: int, suggested: list[int]) -> None:
    with demo_db.transaction(read_only=True) as s:
        booked = next(t for t in topics.list_topics(s, committee_id=ecsc, year_start=2019) if t.status == "scheduled")
    with demo_db.transaction() as s, pytest.raises(Invalid, match="booked on a meeting"):
        suggestions.move_to_stage(s, topics=[(suggested[0], None), (booked.id, None)], stage="short_list")
    assert _status(demo_db, suggested[:1]) == [("long_listed", "")]


def test_an_urgent_topic_is_suggested_first_whatever_its_band() -> None:
    high = Candidate(topic_id=1, title="High", band_rank=0, total=6, added_on=dt.date(2019, 6, 1))
    urgent = Candidate(topic_id=2, title="Low but urgent", band_rank=2, total=1, added_on=dt.date(2019, 7, 1), urgent=True)
    meetings = [MeetingSlot(10, dt.date(2019, 9, 11), capacity_items=1), MeetingSlot(11, dt.date(2019, 11, 6), capacity_items=1)]
    result = suggest_schedule([high, urgent], meetings, [], today=dt.date(2019, 7, 15))
    assert {p.topic_id: p.meeting_id for p in result.placements} == {2: 10, 1: 11}
    assert result.placements[0].reason.startswith("Urgent: earliest open meeting")


def test_a_0007_database_with_topics_upgrades_with_empty_suggestion_fields(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    dbmod.upgrade(engine, "0007")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO committee (id, name, short_name, remit, corporate_priorities, chair, vice_chair, members, co_opted, officer_name, officer_phone, officer_email, default_venue, minutes_per_item, programme_layout, version) VALUES (1, 'Growth', '', '', '', '', '', '', '', '', '', '', '', 30, 'scored', 1)"))
        conn.execute(text("INSERT INTO topic (id, committee_id, year_start, title, reason, responsible, source_ref, kind, status, status_reason, exempt, exempt_cleared_reason, version) VALUES (1, 1, 2019, 'Plymouth Plan', 'Why', '', '', 'report', 'proposed', '', 0, '', 1)"))
    engine.dispose()
    database = open_database(f"sqlite:///{path}")
    try:
        with database.transaction(read_only=True) as s:
            row = topics.get_topic(s, topic_id=1)
            assert committees.list_committees(s)[0].name == "Growth"
    finally:
        database.close()
    assert (row.title, row.status, row.proposer_name, row.workload, row.screening, row.urgent) == (
        "Plymouth Plan", "proposed", "", None, (), False,
    )  # fmt: skip
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (dbmod.SCHEMA_HEAD,)


def test_an_exempt_items_title_never_reaches_the_import_summary_or_the_public_pack(demo_db: Database, ecsc: int) -> None:
    from domain.io.suggestions import read_suggestions
    from domain.printing.session_pack import build_session_pack
    from domain.screening import RECENT

    secret = "Care Leavers and NEET - plan"
    with demo_db.transaction() as s:
        earlier = next(t for t in topics.list_topics(s, committee_id=ecsc, year_start=2019) if t.title == secret)
        topics.update_topic(s, topic_id=earlier.id, exempt=True, exempt_paragraph=3)
    form = (ROOT / "tests" / "fixtures" / "suggestion_form.csv").read_bytes()
    rows = read_suggestions(form, name="suggestion_form.csv")
    with demo_db.transaction() as s:
        done = suggestions.import_suggestions(s, committee_id=ecsc, year_start=2019, rows=rows)
    assert "a Part II item (paragraph 3) at ECSC on 10 Jul 2019" in done.summary
    assert secret not in done.summary
    like = next(sim for title, sim in done.similar if title == "Care Leavers and NEET plan refresh")
    made = next(t for t in done.rows if t.title == "Care Leavers and NEET plan refresh")
    assert like.exempt and like.title == secret and secret in like.shown and "Part II" in like.shown
    # The advisor copies the earlier item into the flag's reason (the editor's "Use" button).
    with demo_db.transaction() as s:
        topics.update_topic(s, topic_id=made.id, screening={RECENT: f"Like {like.text}"})
        suggestions.move_to_stage(s, topics=[(made.id, None)], stage="short_list")
    with demo_db.transaction(read_only=True) as s:
        doc = build_session_pack(s, committee_id=ecsc, year_start=2019)
        found = suggestions.similar_recent(s, title=made.title, on=made.added_on, exclude_topic_id=made.id)
    assert "Like a Part II item (paragraph 3) at ECSC on 10 Jul 2019" in repr(doc)
    assert secret not in repr(doc)
    assert all(secret not in f.text for f in found) and any(f.exempt for f in found)


@given(
    title=st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), min_size=12, max_size=80).filter(
        lambda t: len(title_words(t)) >= 2
    ),
    paragraph=st.one_of(st.none(), st.integers(1, 7)),
)
def test_an_exempt_items_title_is_never_in_the_words_a_person_may_copy(title: str, paragraph: int | None) -> None:
    assume(title.strip() not in f"a Part II item (paragraph {paragraph}) at ECSC on 10 Jul 2019")  # its wording
    on = dt.date(2019, 9, 2)
    item = Earlier(topic_id=1, title=title, committee="ECSC", day=dt.date(2019, 7, 10), exempt=True, exempt_paragraph=paragraph)
    (found,) = most_alike([item], title=title, on=on)
    assert found.text.startswith("a Part II item") and title.strip() not in found.text
    assert title in found.shown and "not for publication" in found.shown
