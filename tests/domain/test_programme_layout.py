"""A committee chooses the layout its work programme prints in, and only a known one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Integer, create_engine, inspect, text

from domain import db as dbmod
from domain.db import Database, open_database
from domain.errors import Invalid
from domain.ops import committees


def test_a_new_committee_prints_the_scored_layout(db: Database) -> None:
    with db.transaction() as s:
        info = committees.create_committee(s, name="Health Scrutiny")
    assert info.programme_layout == "scored"


def test_the_layout_can_be_changed_to_purpose(db: Database) -> None:
    with db.transaction() as s:
        info = committees.create_committee(s, name="Health Scrutiny")
    with db.transaction() as s:
        committees.update_committee(
            s, committee_id=info.id, expected_version=info.version, programme_layout="purpose"
        )
    with db.transaction() as s:
        assert committees.get_committee(s, committee_id=info.id).programme_layout == "purpose"


@pytest.mark.parametrize("bad", ["landscape", "", "Scored", None])
def test_an_unknown_layout_is_refused_and_nothing_changes(db: Database, bad: object) -> None:
    with db.transaction() as s:
        info = committees.create_committee(s, name="Health Scrutiny", chair="Cllr A")
    with pytest.raises(Invalid) as caught, db.transaction() as s:
        committees.update_committee(
            s, committee_id=info.id, chair="Cllr B", programme_layout=bad
        )
    assert caught.value.field == "programme_layout"
    assert "scored" in str(caught.value) and "purpose" in str(caught.value)
    with db.transaction() as s:
        after = committees.get_committee(s, committee_id=info.id)
    assert (after.chair, after.programme_layout) == ("Cllr A", "scored")


def test_an_unknown_layout_is_refused_for_a_new_committee(db: Database) -> None:
    with pytest.raises(Invalid) as caught, db.transaction() as s:
        committees.create_committee(s, name="Health Scrutiny", programme_layout="wide")
    assert caught.value.field == "programme_layout"
    with db.transaction() as s:
        assert committees.list_committees(s) == []


def test_the_demo_committees_print_in_their_councils_layouts(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        layouts = {c.short_name: c.programme_layout for c in committees.list_committees(s)}
    assert layouts == {"ECSC": "scored", "Ambitious": "purpose"}


def test_committees_in_an_older_database_keep_the_scored_layout(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    dbmod.upgrade(engine, "0002")
    # A committee row as the 0002 schema holds it: every required column filled, no layout.
    required = {
        c["name"]: c["type"]
        for c in inspect(engine).get_columns("committee")
        if not c["nullable"] and c["name"] != "id"
    }
    assert "programme_layout" not in required
    values = {
        name: 1 if isinstance(kind, Integer) else "" for name, kind in required.items()
    } | {"name": "Old Panel"}
    columns = ", ".join(values)
    with engine.begin() as conn:
        conn.execute(
            text(f"INSERT INTO committee ({columns}) VALUES ({', '.join(':' + k for k in values)})"),
            values,
        )
    engine.dispose()
    database = open_database(f"sqlite:///{path}")
    try:
        with database.transaction() as s:
            (info,) = committees.list_committees(s)
        assert info.programme_layout == "scored"
    finally:
        database.close()
