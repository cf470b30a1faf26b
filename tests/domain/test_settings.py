from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from domain.db import Database
from domain.errors import Invalid
from domain.settings import DEFAULTS, load_settings, save_settings


def test_defaults_are_the_seed_council_rules(db: Database) -> None:
    with db.transaction() as s:
        settings = load_settings(s)
    assert settings.clear_days == 5
    assert settings.council_name == "Plymouth City Council"
    assert settings.show_part_ii_placeholders is False


def test_settings_are_shared_through_the_database(db: Database) -> None:
    changed = replace(
        DEFAULTS, report_days=4, extra_closures=(dt.date(2019, 12, 27), dt.date(2019, 12, 30))
    )
    with db.transaction() as s:
        previous = save_settings(s, settings=changed)
    assert previous == DEFAULTS
    with db.transaction() as s:
        assert load_settings(s) == changed


def test_a_bad_setting_is_refused_and_nothing_is_stored(db: Database) -> None:
    with pytest.raises(Invalid) as err, db.transaction() as s:
        save_settings(s, settings=replace(DEFAULTS, clear_days=-1))
    assert err.value.field == "clear_days"
    with db.transaction() as s:
        assert load_settings(s) == DEFAULTS


def test_a_lead_officer_with_four_items_is_normal_and_the_limit_is_a_setting(demo_db: Database) -> None:
    # The approved 2019-20 programme gives Judith Harwood four items at 13 November 2019.
    from domain.ops import committees
    from domain.ops.planning import programme_warnings

    today = dt.date(2019, 6, 1)
    with demo_db.transaction() as s:
        cid = next(c.id for c in committees.list_committees(s) if c.name.startswith("Education and"))
        found = programme_warnings(s, committee_id=cid, year_start=2019, today=today)
    assert DEFAULTS.max_items_per_officer == 4
    assert not [w for w in found if w.kind == "officer_overload"]

    with demo_db.transaction() as s:
        save_settings(s, settings=replace(DEFAULTS, max_items_per_officer=3))
    with demo_db.transaction() as s:
        found = programme_warnings(s, committee_id=cid, year_start=2019, today=today)
    assert [w.message for w in found if w.kind == "officer_overload"] == [
        "Judith Harwood is responsible for 4 items at 13 Nov 2019; the most for one officer is 3."
    ]
