"""Which committee the window opens on: the one last used, else the one with the newest
programme, never just whichever sorts first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from window_helpers import ECSC, select_committee

from domain.db import Database
from domain.ops import committees, planning
from gui.mainwindow import MainWindow

AMBITIOUS = "Ambitious Plymouth"


def shown(window: MainWindow) -> str:
    assert window.committee is not None
    return window.committee.name


def test_a_first_start_opens_the_committee_with_the_newest_programme(
    make_window: Callable[[], MainWindow],
) -> None:
    window = make_window()
    # Ambitious Plymouth (2015 - 16) sorts first; the Education committee's 2019 - 20 is newer.
    assert window.committee_combo.itemText(0) == AMBITIOUS
    assert shown(window) == ECSC
    assert window.year_start == 2019


def test_the_window_opens_the_committee_last_used_even_without_a_clean_close(
    make_window: Callable[[], MainWindow], demo_db: Database
) -> None:
    with demo_db.transaction() as s:
        committees.create_committee(s, name="Health Scrutiny", short_name="HS")
    first = make_window()
    select_committee(first, AMBITIOUS)
    select_committee(first, "Health Scrutiny")
    # The next window starts while this one is still open (as after a crash): no close event.
    again = make_window()
    assert shown(again) == "Health Scrutiny"
    select_committee(again, AMBITIOUS, 2015)
    assert (shown(make_window()), make_window().year_start) == (AMBITIOUS, 2015)


def test_the_newest_programme_is_the_latest_year_then_the_latest_meeting(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        ecsc = committees.newest_programme(s)
        other = committees.create_committee(s, name="Health Scrutiny", short_name="HS")
        assert committees.newest_programme(s) == ecsc
        planning.add_meeting(s, committee_id=other.id, starts_at=dt.datetime(2020, 3, 25, 10))
        assert committees.newest_programme(s) == other.id  # same year, a later meeting
