from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from domain.db import Database
from domain.ops.errors import Invalid
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
