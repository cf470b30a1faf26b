"""Evidence from the council's own systems: reading the files, importing them twice, links,
suggested answers, Part II on the scoring sheet, and the upgrade that adds the tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.exc import IntegrityError

from domain import db as dbmod
from domain import schema
from domain.codes import EvidenceKind, Rag
from domain.db import Database, open_database
from domain.io.evidence import EvidenceFile, detect_kind, read_evidence
from domain.io.rows import ImportFileError
from domain.ops import assessments
from domain.ops import evidence as ev
from domain.printing.build import build_scoring_sheets

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
KPIS = EXAMPLES / "ambitious_plymouth_kpis_q2_2015_16.csv"
FORWARD_PLAN = EXAMPLES / "cabinet_forward_plan_june_2023.csv"
RISKS = EXAMPLES / "corporate_risk_register.csv"


def _topic(s: object, title: str) -> int:
    return int(s.scalar(select(schema.topic.c.id).where(schema.topic.c.title == title)))  # type: ignore[attr-defined]


# --- reading -----------------------------------------------------------------------------------


def test_the_performance_report_reads_with_its_marks_per_quarter() -> None:
    rows = {r.reference: r for r in read_evidence(KPIS, EvidenceFile.KPI)}
    assert rows["K14"].kind is EvidenceKind.KEY_ACTION
    assert rows["P31"].kind is EvidenceKind.INDICATOR
    assert rows["P31"].lead == "Alison Botham" and rows["P31"].panel == "Ambitious"
    assert rows["P31"].ratings[-1].period == "Q2 2015/16"
    assert rows["P31"].ratings[-1].rag is Rag.RED
    assert rows["P27"].ratings == ()  # a new indicator, not rated yet


def test_each_example_file_is_told_by_its_header() -> None:
    assert detect_kind(KPIS) is EvidenceFile.KPI
    assert detect_kind(FORWARD_PLAN) is EvidenceFile.FORWARD_PLAN
    assert detect_kind(RISKS) is EvidenceFile.RISK


def test_an_exempt_forward_plan_item_keeps_its_part_ii_mark() -> None:
    rows = {r.title: r for r in read_evidence(FORWARD_PLAN, EvidenceFile.FORWARD_PLAN)}
    assert rows["Brickfields"].exempt and rows["Brickfields"].key_decision
    young_carers = rows["Young Carers & Substance Misuse Business Case"]
    assert young_carers.key_decision and not young_carers.exempt
    assert young_carers.decision_on == dt.date(2023, 6, 12)


def test_a_wrong_rag_mark_names_the_file_row_and_quarter() -> None:
    data = b"Code,Title,Q1 2015/16,Q2 2015/16\nP14,Early help,Green,Purple\n"
    with pytest.raises(ImportFileError) as caught:
        read_evidence(data, EvidenceFile.KPI, name="kpis.csv")
    message = str(caught.value)
    assert "kpis.csv, row 2, column 'Q2 2015/16'" in message
    assert "'Purple' is not a RAG mark" in message and "nothing was imported" in message


def test_a_missing_column_and_a_bad_paragraph_are_refused_in_words() -> None:
    with pytest.raises(ImportFileError, match="no 'Key decision' column"):
        read_evidence(b"Title,Decision maker,Date expected\nX,Cabinet,12/06/2023\n", EvidenceFile.FORWARD_PLAN)
    bad = b"Title,Decision maker,Date expected,Key decision,Exempt paragraph\nX,Cabinet,12/06/2023,Yes,9\n"
    with pytest.raises(ImportFileError, match="paragraphs 1 to 7, not 9"):
        read_evidence(bad, EvidenceFile.FORWARD_PLAN)


def test_the_same_code_twice_in_one_file_is_refused() -> None:
    with pytest.raises(ImportFileError, match="'P14' is already on row 2"):
        read_evidence(b"Code,Title\nP14,Early help\nP14,Early help again\n", EvidenceFile.KPI)


def test_a_risk_score_must_be_on_the_register_scale() -> None:
    with pytest.raises(ImportFileError, match="row 2, column 'Score'"):
        read_evidence(b"Reference,Risk,Score\nCR9,Floods,40\n", EvidenceFile.RISK)


def test_an_excel_workbook_reads_as_the_csv_does(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Corporate risk register"])  # a title row above the header
    sheet.append(["Ref", "Risk description", "Risk score", "Risk owner"])
    sheet.append(["CR01", "Failure to reduce health inequalities", 16, "Director of Public Health"])
    path = tmp_path / "risks.xlsx"
    book.save(path)
    (row,) = read_evidence(path, EvidenceFile.RISK)
    assert (row.reference, row.score, row.lead) == ("CR01", 16, "Director of Public Health")
    assert row.row == 3


# --- importing ---------------------------------------------------------------------------------


def test_importing_the_same_file_twice_updates_and_never_doubles(db: Database) -> None:
    rows = read_evidence(KPIS, EvidenceFile.KPI)
    with db.transaction() as s:
        first = ev.import_evidence(s, file_kind=EvidenceFile.KPI, rows=rows)
    with db.transaction() as s:
        again = ev.import_evidence(s, file_kind=EvidenceFile.KPI, rows=rows)
        count = s.scalar(select(text("count(*)")).select_from(schema.evidence))
    assert len(first.added) == 15 and again.added == () and again.unchanged == 15
    assert count == 15
    changed = read_evidence(
        b"Code,Title,Q2 2015/16,Q3 2015/16\nP14,Increase access to early help and support.,Red,Amber\n",
        EvidenceFile.KPI,
    )
    with db.transaction() as s:
        summary = ev.import_evidence(s, file_kind=EvidenceFile.KPI, rows=changed)
        p14 = ev.find_evidence(s, reference="p14")
    assert summary.updated == 1 and summary.ratings == 2
    assert p14.latest is not None and (p14.latest.period, p14.latest.rag) == ("Q3 2015/16", Rag.AMBER)
    with db.transaction() as s:
        ev.undo_import(s, summary=summary)
        p14 = ev.find_evidence(s, reference="P14")
    assert p14.latest is not None and (p14.latest.period, p14.latest.rag) == ("Q2 2015/16", Rag.AMBER)
    assert p14.title == "Increase access to early help and support."


def test_the_database_refuses_a_second_row_for_the_same_code(db: Database) -> None:
    values = {"kind": "indicator", "key": "P14", "reference": "P14", "title": "Early help", "version": 1}
    with db.transaction() as s:
        s.execute(insert(schema.evidence).values(**values))
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(insert(schema.evidence).values(**values))


# --- links and suggestions ---------------------------------------------------------------------


def test_the_demo_links_evidence_and_suggests_answers(demo_db: Database) -> None:
    with demo_db.transaction(read_only=True) as s:
        be_wise = ev.answer_suggestions(s, topic_id=_topic(s, "'Be-wise to Child Sexual Exploitation'"))
        carers = ev.answer_suggestions(s, topic_id=_topic(s, "Young Carers"))
        unlinked = ev.answer_suggestions(s, topic_id=_topic(s, "Cyber Bullying"))
    assert [(a.role, a.text("Performance")) for a in be_wise] == [
        (ev.Role.PERFORMANCE, "Performance: Yes suggested \u2014 P31 is Red for Q2 2015/16")
    ]
    assert carers[0].text("Executive decision") == (
        "Executive decision: Yes suggested \u2014 key decision expected 12 Jun 2023"
    )
    assert "Young Carers & Substance Misuse Business Case" in carers[0].evidence
    assert unlinked == ()


def test_a_suggestion_from_an_exempt_item_never_carries_its_title(demo_db: Database) -> None:
    with demo_db.transaction(read_only=True) as s:
        (suggestion,) = ev.answer_suggestions(s, topic_id=_topic(s, "Failure to Reduce Health Inequalities"))
    assert suggestion.exempt
    assert "Brickfields" not in suggestion.evidence and "Brickfields" not in suggestion.reason
    assert "exempt (Part II)" in suggestion.evidence


def test_questions_are_matched_by_their_title() -> None:
    assert ev.question_role("Performance") is ev.Role.PERFORMANCE
    assert ev.question_role("Executive decision") is ev.Role.EXECUTIVE_DECISION
    assert ev.question_role("Underperformance against targets") is ev.Role.PERFORMANCE
    assert ev.question_role("Public interest") is None


def test_links_are_suggested_from_shared_words_and_codes(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        topic_id = _topic(s, "Corporate Performance Report \u2013 K14, K15 K19, K45, K27a/b")
        ev.set_topic_evidence(s, topic_id=topic_id, evidence_ids=[])
        found = ev.topic_evidence(s, topic_id=topic_id)
    suggested = {e.reference for e in found.suggested}
    assert {"K14", "K15", "K19", "K45"} <= suggested


def test_a_link_change_someone_else_made_first_is_not_overwritten(demo_db: Database) -> None:
    from domain.errors import Conflict

    with demo_db.transaction() as s:
        topic_id = _topic(s, "Young Carers")
        p14 = ev.find_evidence(s, reference="P14").id
        before = [e.id for e in ev.topic_evidence(s, topic_id=topic_id).linked]
        ev.link(s, topic_id=topic_id, evidence_id=p14)  # someone else's change
    with pytest.raises(Conflict), demo_db.transaction() as s:
        ev.set_topic_evidence(s, topic_id=topic_id, evidence_ids=[], expected=before)


# --- the scoring sheet -------------------------------------------------------------------------


def test_the_scoring_sheet_prints_linked_evidence_and_keeps_part_ii_out(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        topic_id = _topic(s, "Failure to Reduce Health Inequalities")
        assessments.record_assessment(
            s, topic_id=topic_id, scorer="Councillor Murphy",
            answers=[(True, ""), (True, ""), (None, ""), (True, ""), (None, ""), (True, "")],
        )
        (public,) = build_scoring_sheets(s, topic_ids=[topic_id])
        (internal,) = build_scoring_sheets(s, topic_ids=[topic_id], include_exempt=True)
    assert any("CR01" in line for line in public.evidence)
    assert not any("Brickfields" in line for line in public.evidence)
    assert not public.not_for_publication
    assert any(line.startswith("[Part II]") and "Brickfields" in line for line in internal.evidence)
    assert internal.not_for_publication


# --- the upgrade -------------------------------------------------------------------------------


def test_a_database_at_0007_with_data_upgrades_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    dbmod.upgrade(engine, "0007")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO committee (id, name, short_name, remit, corporate_priorities, chair, vice_chair, "
            "members, co_opted, officer_name, officer_phone, officer_email, default_venue, "
            "minutes_per_item, programme_layout, version) VALUES (1, 'Panel', '', '', '', '', '', '', "
            "'', '', '', '', '', 30, 'scored', 1)"
        ))
        conn.execute(text(
            "INSERT INTO topic (id, committee_id, year_start, title, reason, responsible, source_ref, "
            "kind, status, status_reason, exempt, exempt_cleared_reason, version) VALUES "
            "(1, 1, 2015, 'Early help', '', '', '', 'report', 'proposed', '', 0, '', 1)"
        ))
    engine.dispose()
    database = open_database(f"sqlite:///{path}")
    try:
        rows = read_evidence(KPIS, EvidenceFile.KPI)
        with database.transaction() as s:
            ev.import_evidence(s, file_kind=EvidenceFile.KPI, rows=rows)
            ev.link(s, topic_id=1, evidence_id=ev.find_evidence(s, reference="P14").id)
            found = ev.topic_evidence(s, topic_id=1)
            title = s.scalar(select(schema.topic.c.title).where(schema.topic.c.id == 1))
    finally:
        database.close()
    assert title == "Early help"
    assert [e.reference for e in found.linked] == ["P14"]


def test_undoing_an_import_stops_when_someone_changed_its_rows_since(db: Database) -> None:
    from domain.errors import Conflict
    from domain.models import Evidence

    rows = read_evidence(b"Code,Title,Q2 2015/16\nP14,Early help,Amber\n", EvidenceFile.KPI)
    with db.transaction() as s:
        summary = ev.import_evidence(s, file_kind=EvidenceFile.KPI, rows=rows)
    with db.transaction() as s:
        p14 = s.get(Evidence, summary.added[0])
        assert p14 is not None
        p14.lead = "Alison Botham"  # someone else's edit
    with pytest.raises(Conflict), db.transaction() as s:
        ev.undo_import(s, summary=summary)
    with db.transaction(read_only=True) as s:
        assert ev.find_evidence(s, reference="P14").lead == "Alison Botham"


def test_a_risk_register_headed_ref_and_description_is_told_from_a_kpi_file(tmp_path: Path) -> None:
    register = tmp_path / "risks.csv"
    register.write_text("Ref,Description,Risk score,Risk owner\nCR01,Health inequalities,16,Director of Public Health\n")
    assert detect_kind(register) is EvidenceFile.RISK


def test_a_key_performance_indicator_is_an_indicator() -> None:
    rows = read_evidence(b"Code,Type,Title\nX1,Key performance indicator,Early help\nX2,Key action,Family hubs\n", EvidenceFile.KPI)
    assert [r.kind for r in rows] == [EvidenceKind.INDICATOR, EvidenceKind.KEY_ACTION]


def test_undoing_an_import_stops_when_a_later_import_changed_only_its_marks(db: Database) -> None:
    from domain.errors import Conflict

    first = read_evidence(b"Code,Title,Q1 2015/16\nP14,Early help,Green\n", EvidenceFile.KPI)
    later = read_evidence(b"Code,Title,Q1 2015/16,Q2 2015/16\nP14,Early help,Green,Red\n", EvidenceFile.KPI)
    with db.transaction() as s:
        summary = ev.import_evidence(s, file_kind=EvidenceFile.KPI, rows=first)
    with db.transaction() as s:
        ev.import_evidence(s, file_kind=EvidenceFile.KPI, rows=later)
    with pytest.raises(Conflict), db.transaction() as s:
        ev.undo_import(s, summary=summary)
    with db.transaction(read_only=True) as s:
        latest = ev.find_evidence(s, reference="P14").latest
        assert latest is not None and (latest.period, latest.rag) == ("Q2 2015/16", Rag.RED)
