"""Scoring tools as data: sets that cannot work are refused in words, graded answers score
everywhere a Yes/No one does, changing a used set makes a revision, and sets travel as JSON."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from domain import bands, scoring
from domain import db as dbmod
from domain.db import Database, open_database
from domain.errors import Invalid
from domain.io.criteria import read_set, write_set
from domain.io.rows import ImportFileError
from domain.ops import assessments, committees, criteria, topics
from domain.ops.convert import agreed_scores
from domain.scoring import SCALE, BandRule, CriteriaSetSpec, Question

ROOT = Path(__file__).resolve().parents[2]
TOPIC = read_set(ROOT / "resources" / "criteria" / "topic.json")


@pytest.fixture
def committee(db: Database) -> int:
    with db.transaction() as s:
        return committees.create_committee(s, name="Health Scrutiny Panel").id


def _topic(db: Database, committee: int, title: str = "Dentistry") -> int:
    with db.transaction() as s:
        return topics.create_topic(s, committee_id=committee, year_start=2019, title=title).id


def test_the_example_files_are_paper_and_a_topic_tool_on_a_0_to_2_scale() -> None:
    paper = read_set(ROOT / "resources" / "criteria" / "paper.json")
    assert paper == scoring.PAPER
    assert {scoring.scale_label(q) for q in TOPIC.questions} == {"0-2"}
    assert (TOPIC.max_total, scoring.problems(TOPIC)) == (10, [])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: replace(s, questions=()), "The set has no questions"),
        (lambda s: replace(s, questions=(replace(s.questions[0], weight=0), *s.questions[1:])),
         "Question 1 (Public interest) has a weight of 0"),
        (lambda s: replace(s, bands=(BandRule("High", 4, 6), BandRule("Medium", 3, 4), BandRule("Low", 1, 2))),
         "Bands Medium (3-4) and High (4-6) overlap"),
        (lambda s: replace(s, bands=(BandRule("High", 5, 6), BandRule("Low", 1, 2))),
         "Bands Low and High leave a gap: no band holds totals 3 to 4"),
        (lambda s: replace(s, bands=(BandRule("High", 5, 5), BandRule("Medium", 3, 4), BandRule("Low", 1, 2))),
         "the highest possible total is 6, but the top band, High, ends at 5"),
        (lambda s: replace(s, bands=(BandRule("High", 5, 6, "red"), *s.bands[1:])),
         "the colour 'red' is not written #rrggbb"),
    ],
)
def test_a_set_that_cannot_work_is_refused_naming_the_problem(
    db: Database, change: object, message: str
) -> None:
    spec = change(scoring.PAPER)  # type: ignore[operator]
    with pytest.raises(Invalid, match=re.escape(message)), db.transaction() as s:
        criteria.create_set(s, spec=replace(spec, name="Ours"))
    with db.transaction() as s:
        assert [t.name for t in criteria.list_sets(s)] == ["PAPER"]  # nothing was saved


def test_graded_answers_total_band_and_print_in_the_score_column(db: Database, committee: int) -> None:
    tid = _topic(db, committee)
    with db.transaction() as s:
        tool = criteria.create_set(s, spec=TOPIC)
        criteria.choose_set(s, committee_id=committee, criteria_set_id=tool.id)
        info = assessments.record_assessment(
            s, topic_id=tid, scorer="Cllr Ahmed", answers=[(2, "due in June"), (1, ""), (2, ""), (0, ""), (None, "")]
        )
    assert (info.total, info.max_total, info.band) == (5, 10, "Medium")
    assert [a.answer for a in info.answers] == [2, 1, 2, 0, None]
    with db.transaction() as s:
        assert agreed_scores(s, [tid]) == {tid: (5, "Medium")}  # what the programme prints
        with pytest.raises(Invalid, match=r"Question 1 \(Timely\) is answered 0 to 2; got 3"):
            assessments.record_assessment(s, topic_id=tid, scorer="Cllr Ahmed", answers=[(3, "")] + [(None, "")] * 4)


def test_weights_multiply_scale_answers(db: Database, committee: int) -> None:
    heavy = replace(
        TOPIC,
        name="Weighted",
        questions=(replace(TOPIC.questions[0], weight=3), *TOPIC.questions[1:]),
        bands=(BandRule("High", 9, 14), BandRule("Low", 1, 8)),
    )
    tid = _topic(db, committee)
    with db.transaction() as s:
        tool = criteria.create_set(s, spec=heavy)
        info = assessments.record_assessment(
            s, topic_id=tid, scorer="Chair", answers=[(2, "")] + [(1, "")] * 4, criteria_set_id=tool.id
        )
        assert agreed_scores(s, [tid]) == {tid: (10, "High")}
    assert (info.total, info.max_total) == (10, 14)


def test_changing_a_used_set_makes_a_revision_and_old_scores_keep_theirs(db: Database, committee: int) -> None:
    tid = _topic(db, committee)
    with db.transaction() as s:
        tool = criteria.create_set(s, spec=TOPIC)
        criteria.choose_set(s, committee_id=committee, criteria_set_id=tool.id)
        old = assessments.record_assessment(s, topic_id=tid, scorer="Chair", answers=[(2, "")] * 5)
    stricter = replace(TOPIC, bands=(BandRule("High", 10, 10), BandRule("Medium", 5, 9), BandRule("Low", 1, 4)))
    with db.transaction() as s:
        new = criteria.revise_set(s, criteria_set_id=tool.id, spec=stricter, expected_version=tool.version)
        listed = criteria.list_sets(s)
        assert criteria.set_for_committee(s, committee_id=committee).id == new.id
        (kept,) = assessments.list_assessments(s, topic_id=tid)
    assert (new.name, new.revision) == ("TOPIC", 2)
    assert [(t.name, t.info.revision) for t in listed] == [("PAPER", 1), ("TOPIC", 2)]
    assert (kept.id, kept.criteria_set_id, kept.band) == (old.id, tool.id, "High")
    with db.transaction() as s:  # undo: the revision goes, the first is in use again
        back = criteria.withdraw_revision(s, criteria_set_id=new.id)
        assert criteria.set_for_committee(s, committee_id=committee).id == tool.id == back.id


def test_an_unused_set_is_deleted_and_restored_a_used_or_default_one_is_not(db: Database, committee: int) -> None:
    with db.transaction() as s:
        criteria.ensure_default_set(s)
        tool = criteria.create_set(s, spec=TOPIC)
        criteria.choose_set(s, committee_id=committee, criteria_set_id=tool.id)
        gone = criteria.delete_set(s, criteria_set_id=tool.id)
        assert criteria.set_for_committee(s, committee_id=committee).name == "PAPER"
    with db.transaction() as s:  # undo, in a transaction of its own as the window runs it
        back = criteria.restore_set(s, deleted=gone)
        assert (back.id, criteria.set_for_committee(s, committee_id=committee).id) == (tool.id, tool.id)
        paper = criteria.ensure_default_set(s)
        with pytest.raises(Invalid, match="PAPER is the default scoring tool and cannot be deleted"):
            criteria.delete_set(s, criteria_set_id=paper.id)
    tid = _topic(db, committee)
    with db.transaction() as s:
        assessments.record_assessment(s, topic_id=tid, scorer="Chair", answers=[(1, "")] * 5)
        with pytest.raises(Invalid, match="TOPIC cannot be deleted: 1 score already use"):
            criteria.delete_set(s, criteria_set_id=tool.id)


def test_a_custom_band_colour_is_used_with_text_that_meets_aa() -> None:
    for fill in ("#777777", "#0055aa", "#ffd700", "#7f3fbf"):
        rules = (BandRule("Urgent", 5, 6, fill), BandRule("Later", 1, 4))
        found = bands.colours_of("Urgent", rules)
        assert found is not None and found.light.fill == fill
        assert bands.contrast(found.light.text, fill) >= bands.AA_CONTRAST
    assert bands.colours_of("Later", rules) == bands.MEDIUM  # no colour of its own: its rank's


def test_a_set_round_trips_through_json_and_a_bad_file_names_the_question() -> None:
    spec = replace(TOPIC, bands=(BandRule("High", 8, 10, "#aa0000"), *TOPIC.bands[1:]))
    assert read_set(write_set(spec)) == spec
    bad = write_set(TOPIC).replace(b'"answer": "0-2"', b'"answer": "some"', 1)
    with pytest.raises(ImportFileError, match=r"ours.json: question 1: 'answer' is 'some'"):
        read_set(bad, "ours.json")
    with pytest.raises(ImportFileError, match="not valid JSON"):
        read_set(b"{", "ours.json")
    weight = write_set(TOPIC).replace(b'"weight": 1', b'"weight": "2"', 1)
    with pytest.raises(ImportFileError, match="question 1: 'weight' must be a whole number"):
        read_set(weight, "ours.json")


def test_upgrading_keeps_every_yes_and_no_answer(db_url: str) -> None:
    engine = create_engine(db_url)
    dbmod.upgrade(engine, "0007")
    yes, no = True, False
    with engine.begin() as conn:
        for statement, rows in (
            ("INSERT INTO criteria_set (id, name, revision, is_default, created_on, version) "
             "VALUES (:id, 'PAPER', 1, :d, '2019-07-01', 1)", [{"id": 1, "d": yes}]),
            ("INSERT INTO criterion (id, criteria_set_id, position, letter, title, question, weight, version) "
             "VALUES (:id, 1, :p, '', :t, 'Q?', :w, 1)",
             [{"id": 1, "p": 0, "t": "Public interest", "w": 1}, {"id": 2, "p": 1, "t": "Ability", "w": 2},
              {"id": 3, "p": 2, "t": "Extent", "w": 1}]),
            ("INSERT INTO band (id, criteria_set_id, position, name, min_total, max_total, version) "
             "VALUES (:id, 1, :p, :n, :lo, :hi, 1)",
             [{"id": 1, "p": 0, "n": "High", "lo": 3, "hi": 4}, {"id": 2, "p": 1, "n": "Low", "lo": 1, "hi": 2}]),
            ("INSERT INTO committee (id, name, short_name, remit, corporate_priorities, chair, vice_chair, "
             "members, co_opted, officer_name, officer_phone, officer_email, default_venue, minutes_per_item, "
             "programme_layout, version) VALUES (1, 'Panel', '', '', '', '', '', '', '', '', '', '', '', 30, "
             "'scored', 1)", [{}]),
            ("INSERT INTO topic (id, committee_id, year_start, title, reason, responsible, source_ref, kind, "
             "status, status_reason, exempt, exempt_cleared_reason, version) VALUES (1, 1, 2019, 'Dentistry', "
             "'', '', '', 'report', 'proposed', '', :no, '', 1)", [{"no": no}]),
            ("INSERT INTO assessment (id, topic_id, criteria_set_id, scorer, scored_on, agreed, note, version) "
             "VALUES (1, 1, 1, 'Chair', '2019-07-10', :yes, '', 1)", [{"yes": yes}]),
            ("INSERT INTO answer (id, assessment_id, criterion_id, answer, evidence, version) "
             "VALUES (:id, 1, :id, :a, :e, 1)",
             [{"id": 1, "a": yes, "e": "yes"}, {"id": 2, "a": no, "e": ""}, {"id": 3, "a": None, "e": ""}]),
        ):
            for row in rows:
                conn.execute(text(statement), row)
    engine.dispose()
    database = open_database(db_url)
    try:
        with database.transaction() as s:
            (score,) = assessments.list_assessments(s, topic_id=1)
            assert agreed_scores(s, [1]) == {1: (1, "Low")}
        assert [a.answer for a in score.answers] == [True, False, None]
        assert (score.total, score.max_total, score.answers[0].evidence) == (1, 4, "yes")
    finally:
        database.close()


def test_a_question_on_a_scale_of_1_to_5() -> None:
    q = Question("R", "Risk", "How great is the risk?", 2, SCALE, 1, 5, "1 = low, 5 = severe")
    spec = CriteriaSetSpec("Risk tool", (q,), (BandRule("High", 7, 10), BandRule("Low", 1, 6)))
    assert (spec.max_total, scoring.problems(spec)) == (10, [])
    assert scoring.total([4], [q.weight]) == 8
    assert scoring.answer_word(4, q) == "4" and scoring.answer_word(None, q) == ""


def test_deleting_a_revision_gives_its_committees_back_the_revision_it_replaced(
    db: Database, committee: int
) -> None:
    tid = _topic(db, committee)
    with db.transaction() as s:
        criteria.ensure_default_set(s)
        tool = criteria.create_set(s, spec=TOPIC)
        criteria.choose_set(s, committee_id=committee, criteria_set_id=tool.id)
        assessments.record_assessment(s, topic_id=tid, scorer="Chair", answers=[(2, "")] * 5)
        new = criteria.revise_set(s, criteria_set_id=tool.id, spec=replace(TOPIC, name="TOPIC"))
    with db.transaction() as s:
        gone = criteria.delete_set(s, criteria_set_id=new.id)
        assert criteria.set_for_committee(s, committee_id=committee).id == tool.id  # not PAPER
        assert [(t.name, t.info.revision) for t in criteria.list_sets(s)] == [("PAPER", 1), ("TOPIC", 1)]
    with db.transaction() as s:
        criteria.restore_set(s, deleted=gone)
        assert criteria.set_for_committee(s, committee_id=committee).id == new.id


def test_a_choice_of_tool_over_someone_elses_change_is_refused(db: Database, committee: int) -> None:
    from domain.errors import Conflict
    from domain.models import Committee

    with db.transaction() as s:
        paper = criteria.ensure_default_set(s)
        tool = criteria.create_set(s, spec=TOPIC)
        read = committees.get_committee(s, committee_id=committee)
    with db.transaction() as s:
        committees.update_committee(s, committee_id=committee, name="Health and Care Panel")
    with db.transaction() as s, pytest.raises(Conflict):
        criteria.choose_set(s, committee_id=committee, criteria_set_id=tool.id, expected_version=read.version)
    with db.transaction() as s:  # the default as read was PAPER; someone made TOPIC the default
        criteria.make_default(s, criteria_set_id=tool.id)
    with db.transaction() as s, pytest.raises(Conflict):
        criteria.make_default(s, criteria_set_id=paper.id, expected_default=paper.id)
    with db.transaction(read_only=True) as s:
        assert criteria.set_for_committee(s, committee_id=committee).name == "TOPIC"
        assert s.get(Committee, committee).criteria_set_id is None  # still on the default


def test_a_stale_withdraw_of_a_revision_is_refused(db: Database, committee: int) -> None:
    from domain.errors import Conflict

    tid = _topic(db, committee)
    with db.transaction() as s:
        tool = criteria.create_set(s, spec=TOPIC)
        criteria.choose_set(s, committee_id=committee, criteria_set_id=tool.id)
        assessments.record_assessment(s, topic_id=tid, scorer="Chair", answers=[(2, "")] * 5)
        new = criteria.revise_set(s, criteria_set_id=tool.id, spec=TOPIC)
    with db.transaction() as s:
        criteria.revise_set(s, criteria_set_id=new.id, spec=replace(TOPIC, name="Topic tool"))
    with db.transaction() as s, pytest.raises(Conflict):
        criteria.withdraw_revision(s, criteria_set_id=new.id, expected_version=new.version)
