"""Starting next year's programme: what is carried, linked, placed, refused and undone."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from domain import schema
from domain.db import Database
from domain.errors import Conflict
from domain.exemption import source_exemption
from domain.ops import next_year, planning, topics
from domain.ops.next_year import REPORT, STANDING, WAITING


def _ecsc(db: Database) -> int:
    with db.transaction() as s:
        return int(s.scalar(select(schema.committee.c.id).where(schema.committee.c.short_name == "ECSC")))


def _count(db: Database, cid: int, year: int) -> int:
    with db.transaction() as s:
        return int(s.scalar(
            select(func.count()).select_from(schema.topic).where(schema.topic.c.committee_id == cid, schema.topic.c.year_start == year)
        ))  # fmt: skip


def test_the_plan_offers_waiting_items_and_standing_items_ticked_and_heard_reports_unticked(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        plan = next_year.next_year_plan(s, committee_id=cid, year_start=2019)
    groups = [c.group for c in plan.candidates]
    assert groups == sorted(groups, key=[WAITING, STANDING, REPORT].index)
    assert groups.count(WAITING) == 9 and groups.count(STANDING) == 1 and groups.count(REPORT) == 22
    assert all(c.chosen == (c.group != REPORT) for c in plan.candidates)
    assert plan.to_year == 2020 and plan.meetings == 0


def test_carrying_makes_linked_topics_in_the_next_year_and_leaves_the_old_year_alone(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        plan = next_year.next_year_plan(s, committee_id=cid, year_start=2019)
        chosen = [c.id for c in plan.candidates if c.chosen]
        old = {t.id: t for t in topics.list_topics(s, committee_id=cid, year_start=2019)}
    with demo_db.transaction() as s:
        carried = next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=chosen)
    assert len(carried.rows) == 10 and carried.skipped == ()
    assert carried.summary == "10 items carried into 2020/21."
    with demo_db.transaction() as s:
        new = topics.list_topics(s, committee_id=cid, year_start=2020)
        assert {t.title for t in new} == {old[i].title for i in chosen}
        for t in new:
            origin_id, year, title = next_year.carried_from(s, topic_id=t.id) or (0, 0, "")
            assert year == 2019 and title == t.title and origin_id in chosen
            assert t.status in ("to_be_scheduled", "accepted") and t.score is None
        assert {t.id: t for t in topics.list_topics(s, committee_id=cid, year_start=2019)} == old


def test_carrying_twice_doubles_nothing(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        chosen = [c.id for c in next_year.next_year_plan(s, committee_id=cid, year_start=2019).candidates if c.chosen]
    with demo_db.transaction() as s:
        next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=chosen)
    # The second run makes no check of its own first: the unique link refuses each item.
    with demo_db.transaction() as s:
        again = next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=chosen)
    assert again.rows == () and len(again.skipped) == 10
    assert _count(demo_db, cid, 2020) == 10
    with demo_db.transaction() as s:
        plan = next_year.next_year_plan(s, committee_id=cid, year_start=2019)
    assert all(c.carried_to is not None and not c.chosen for c in plan.candidates if c.id in chosen)


def test_standing_items_go_on_the_new_years_meetings_and_undo_takes_everything_back(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        for day in (dt.datetime(2020, 7, 8, 14), dt.datetime(2020, 9, 9, 14)):
            planning.add_meeting(s, committee_id=cid, starts_at=day)
        plan = next_year.next_year_plan(s, committee_id=cid, year_start=2019)
        standing = [c.id for c in plan.candidates if c.group == STANDING]
        waiting = [c.id for c in plan.candidates if c.group == WAITING][:2]
    assert plan.meetings == 2
    with demo_db.transaction() as s:
        carried = next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=standing + waiting)
    assert len(carried.after.entries) == 2  # the standing item on both meetings
    with demo_db.transaction() as s:
        next_year.undo_carry(s, carried=carried, expected=carried)
    assert _count(demo_db, cid, 2020) == 0
    with demo_db.transaction() as s:
        again = next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=standing + waiting, reuse=carried)
    assert [r.id for r in again.rows] == [r.id for r in carried.rows]
    assert again.after == carried.after  # the same entries, with the same ids


def test_undo_refuses_when_someone_changed_a_carried_topic(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        first = next(c.id for c in next_year.next_year_plan(s, committee_id=cid, year_start=2019).candidates)
    with demo_db.transaction() as s:
        carried = next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=[first])
    with demo_db.transaction() as s:
        topics.update_topic(s, topic_id=carried.rows[0].id, title="Renamed by someone else")
    with demo_db.transaction() as s, pytest.raises(Conflict):
        next_year.undo_carry(s, carried=carried, expected=carried)
    assert _count(demo_db, cid, 2020) == 1


def test_an_exempt_item_stays_exempt_and_clearing_it_needs_a_reason(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        tid = topics.create_topic(
            s, committee_id=cid, year_start=2019, title="Land at Derriford", exempt=True, exempt_paragraph=3,
            status="to_be_scheduled",
        ).id  # fmt: skip
    with demo_db.transaction() as s:
        carried = next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=[tid])
        new = topics.get_topic(s, topic_id=carried.rows[0].id)
        assert new.exempt and new.exempt_paragraph == 3
        assert source_exemption(s, new.id) is not None


def test_two_people_carrying_at_the_same_moment_make_one_copy(demo_db: Database) -> None:
    import threading

    cid = _ecsc(demo_db)
    with demo_db.transaction() as s:
        chosen = [c.id for c in next_year.next_year_plan(s, committee_id=cid, year_start=2019).candidates if c.chosen]
    first_carried, second_started = threading.Event(), threading.Event()
    results: dict[str, next_year.Carried] = {}
    failures: list[BaseException] = []

    def first() -> None:
        try:
            with demo_db.transaction() as s:
                results["first"] = next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=chosen)
                first_carried.set()
                second_started.wait(5)
                threading.Event().wait(0.3)  # the second is waiting on the database by now
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            failures.append(exc)
            first_carried.set()

    def second() -> None:
        try:
            second_started.set()
            with demo_db.transaction() as s:
                results["second"] = next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=chosen)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            failures.append(exc)

    one = threading.Thread(target=first)
    one.start()
    assert first_carried.wait(10)
    two = threading.Thread(target=second)
    two.start()
    one.join(20)
    two.join(20)
    assert failures == []
    assert len(results["first"].rows) == 10
    assert results["second"].rows == () and len(results["second"].skipped) == 10
    assert _count(demo_db, cid, 2020) == 10


def test_a_carried_item_keeps_its_suggestion_and_a_waiting_one_its_urgency(demo_db: Database) -> None:
    cid = _ecsc(demo_db)
    details = dict(
        outcome="A plan with targets", plan_link="A caring council", workload="heavy", proposer_name="Cllr Jo Bowles",
        proposer_contact="jo@example.gov.uk", screening={"elsewhere": "The Health and Wellbeing Board in March"},
        urgent=True, urgent_reason="Budget decision due in October",
    )  # fmt: skip
    with demo_db.transaction() as s:
        plan = next_year.next_year_plan(s, committee_id=cid, year_start=2019)
        waiting = next(c for c in plan.candidates if c.group == WAITING)
        heard = next(c for c in plan.candidates if c.group == REPORT)
        for c in (waiting, heard):
            topics.update_topic(s, topic_id=c.id, told_on=dt.date(2019, 9, 30), **details)
    with demo_db.transaction() as s:
        carried = next_year.carry_forward(s, committee_id=cid, year_start=2019, topic_ids=[waiting.id, heard.id])
    with demo_db.transaction() as s:
        new = {r.origin_id: topics.get_topic(s, topic_id=r.id) for r in carried.rows}
    for t in new.values():
        assert (t.outcome, t.plan_link, t.workload, t.proposer_name, t.proposer_contact) == (
            "A plan with targets", "A caring council", "heavy", "Cllr Jo Bowles", "jo@example.gov.uk",
        )  # fmt: skip
        assert t.screening == (("elsewhere", "The Health and Wellbeing Board in March"),)
        assert t.told_on is None
    assert (new[waiting.id].urgent, new[waiting.id].urgent_reason) == (True, "Budget decision due in October")
    assert (new[heard.id].urgent, new[heard.id].urgent_reason) == (False, "")
