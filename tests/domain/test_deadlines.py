from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.deadlines import (
    MeetingDeadlines,
    WorkingCalendar,
    deadlines_for,
    meetings_from_pattern,
    municipal_year_label,
    municipal_year_of,
    publication_date,
    report_deadline,
)

ENGLAND = WorkingCalendar()
# Plymouth-style Christmas shutdown: the working days between Boxing Day and New Year.
CHRISTMAS_2019 = WorkingCalendar(
    extra_closures=frozenset({date(2019, 12, d) for d in (27, 28, 29)})
)


def _independent_working_days_between(cal: WorkingCalendar, a: date, b: date) -> int:
    """A slow count used as an oracle, so the properties do not check the code with itself."""
    return sum(1 for i in range(1, (b - a).days) if cal.is_working_day(a + timedelta(days=i)))


# --- The calendar ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working", "reason"),
    [
        (date(2019, 9, 11), True, None),
        (date(2019, 9, 14), False, "Saturday"),
        (date(2019, 9, 15), False, "Sunday"),
        (date(2020, 4, 10), False, "Good Friday"),
        (date(2020, 4, 13), False, "Easter Monday"),
        (date(2019, 5, 27), False, "Spring Bank Holiday"),
        # VE Day 2020: the early-May bank holiday moved from Monday 4 to Friday 8 May.
        (date(2020, 5, 4), True, None),
        (date(2020, 5, 8), False, "May Day"),
        # Christmas 2021 fell at a weekend, so the substitute days are holidays too.
        (date(2021, 12, 27), False, "Christmas Day (observed)"),
        (date(2022, 9, 19), False, "State Funeral of Queen Elizabeth II"),
    ],
)
def test_working_days_follow_english_bank_holidays(
    day: date, working: bool, reason: str | None
) -> None:
    assert ENGLAND.is_working_day(day) is working
    assert ENGLAND.closure_reason(day) == reason


def test_extra_closures_are_not_working_days_but_only_for_that_council() -> None:
    assert not CHRISTMAS_2019.is_working_day(date(2019, 12, 27))
    assert CHRISTMAS_2019.closure_reason(date(2019, 12, 27)) == "council closure"
    assert ENGLAND.is_working_day(date(2019, 12, 27))


def test_closures_given_as_a_set_still_make_a_usable_calendar() -> None:
    cal = WorkingCalendar(extra_closures={date(2019, 12, 27)})  # type: ignore[arg-type]
    assert cal.extra_closures == frozenset({date(2019, 12, 27)})
    assert hash(cal) == hash(WorkingCalendar(extra_closures=frozenset({date(2019, 12, 27)})))


def test_other_parts_of_the_uk_can_be_used() -> None:
    # St Andrew's Day is a bank holiday in Scotland, not in England.
    scotland = WorkingCalendar(subdiv="SCT")
    assert not scotland.is_working_day(date(2019, 12, 2))
    assert ENGLAND.is_working_day(date(2019, 12, 2))


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2019, 9, 6), 1, date(2019, 9, 9)),  # Friday -> Monday
        (date(2019, 9, 9), -1, date(2019, 9, 6)),  # Monday -> Friday
        (date(2020, 4, 9), 1, date(2020, 4, 14)),  # over Easter
        (date(2020, 4, 14), -1, date(2020, 4, 9)),
        (date(2019, 9, 14), 0, date(2019, 9, 14)),  # zero steps stays put, even on a Saturday
        (date(2019, 9, 11), 10, date(2019, 9, 25)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert ENGLAND.add_working_days(start, n) == expected


def test_working_days_between_excludes_both_ends_and_ignores_order() -> None:
    # Tue 3 Sep -> Wed 11 Sep 2019: Wed 4, Thu 5, Fri 6, Mon 9, Tue 10.
    assert ENGLAND.working_days_between(date(2019, 9, 3), date(2019, 9, 11)) == 5
    assert ENGLAND.working_days_between(date(2019, 9, 11), date(2019, 9, 3)) == 5
    assert ENGLAND.working_days_between(date(2019, 9, 11), date(2019, 9, 12)) == 0
    assert ENGLAND.working_days_between(date(2019, 9, 11), date(2019, 9, 11)) == 0


# --- Publication and report deadlines -----------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting", "cal", "expected_publication"),
    [
        # The worked example: clear days Wed 4, Thu 5, Fri 6, Mon 9, Tue 10.
        pytest.param(date(2019, 9, 11), ENGLAND, date(2019, 9, 3), id="wednesday-11-sep-2019"),
        # Clear days Tue 14, Thu 9, Wed 8, Tue 7, Mon 6 (Good Friday 10 and Easter Monday 13
        # do not count), so publish on Friday 3 April.
        pytest.param(date(2020, 4, 15), ENGLAND, date(2020, 4, 3), id="easter-2020"),
        # Clear days Fri 3, Thu 2, Tue 31, Mon 30 Dec (1 Jan is a bank holiday), then with the
        # council closed on Fri 27 Dec and Christmas/Boxing Day off, Tue 24 Dec; publish Mon 23.
        pytest.param(date(2020, 1, 6), CHRISTMAS_2019, date(2019, 12, 23), id="new-year-closure"),
        # Without the closure Fri 27 Dec is the fifth clear day, so publish on Tue 24 Dec.
        pytest.param(date(2020, 1, 6), ENGLAND, date(2019, 12, 24), id="new-year-no-closure"),
        # Clear days Tue 28, Fri 24, Thu 23, Wed 22, Tue 21 (Mon 27 May is the Spring Bank
        # Holiday), so publish on Monday 20 May.
        pytest.param(date(2019, 5, 29), ENGLAND, date(2019, 5, 20), id="late-may-bank-holiday"),
        # A Monday meeting: clear days Fri 4 .. Mon 30 Nov, publish the Friday before that.
        pytest.param(date(2015, 12, 7), ENGLAND, date(2015, 11, 27), id="monday-meeting"),
        # VE Day 2020 moved the bank holiday to Fri 8 May: clear days Tue 12, Mon 11, Thu 7,
        # Wed 6, Tue 5, so Monday 4 May (normally a holiday) is the publication day.
        pytest.param(date(2020, 5, 13), ENGLAND, date(2020, 5, 4), id="ve-day-2020"),
    ],
)
def test_publication_date(meeting: date, cal: WorkingCalendar, expected_publication: date) -> None:
    published = publication_date(meeting, cal)
    assert published == expected_publication
    assert cal.is_working_day(published)
    assert _independent_working_days_between(cal, published, meeting) == 5


def test_report_deadline_is_working_days_before_publication() -> None:
    # Publication Tue 3 Sep 2019; three working days earlier: Mon 2, Fri 30, Thu 29 Aug.
    assert report_deadline(date(2019, 9, 11), ENGLAND) == date(2019, 8, 29)
    # Publication Fri 3 Apr 2020; one working day earlier is Thu 2 Apr.
    assert report_deadline(date(2020, 4, 15), ENGLAND, report_days=1) == date(2020, 4, 2)


def test_deadlines_for_gathers_both_dates_and_respects_settings() -> None:
    assert deadlines_for(date(2019, 9, 11), ENGLAND, clear_days=5, report_days=3) == (
        MeetingDeadlines(publication=date(2019, 9, 3), report_deadline=date(2019, 8, 29))
    )
    # Ten clear days (Wed 28 Aug .. Tue 10 Sep) move publication a week earlier, and with no
    # report days reports are due on the publication day itself.
    assert deadlines_for(date(2019, 9, 11), ENGLAND, clear_days=10, report_days=0) == (
        MeetingDeadlines(publication=date(2019, 8, 27), report_deadline=date(2019, 8, 27))
    )
    # Eleven reach back past the Late Summer Bank Holiday (Mon 26 Aug) to Friday 23 Aug.
    assert publication_date(date(2019, 9, 11), ENGLAND, clear_days=11) == date(2019, 8, 23)


@pytest.mark.parametrize("bad", [{"clear_days": -1}, {"report_days": -2}])
def test_negative_settings_are_refused(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="0 or more"):
        deadlines_for(date(2019, 9, 11), ENGLAND, **{"clear_days": 5, "report_days": 3, **bad})


_meeting_days = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def _calendars(draw: st.DrawFn) -> WorkingCalendar:
    closures = draw(st.frozensets(_meeting_days, max_size=20))
    return WorkingCalendar(extra_closures=closures)


@settings(max_examples=300, deadline=None)
@given(meeting=_meeting_days, clear_days=st.integers(0, 12), cal=_calendars())
def test_publication_date_is_the_latest_working_day_with_enough_clear_days(
    meeting: date, clear_days: int, cal: WorkingCalendar
) -> None:
    published = publication_date(meeting, cal, clear_days)
    assert published < meeting
    assert cal.is_working_day(published)
    assert _independent_working_days_between(cal, published, meeting) >= clear_days
    # Any later working day before the meeting would leave too few clear days.
    later = published + timedelta(days=1)
    while later < meeting:
        if cal.is_working_day(later):
            assert _independent_working_days_between(cal, later, meeting) < clear_days
        later += timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(start=_meeting_days, n=st.integers(-30, 30), cal=_calendars())
def test_adding_working_days_lands_on_a_working_day_that_far_away(
    start: date, n: int, cal: WorkingCalendar
) -> None:
    end = cal.add_working_days(start, n)
    if n == 0:
        assert end == start
        return
    assert cal.is_working_day(end)
    assert (end > start) == (n > 0)
    assert _independent_working_days_between(cal, min(start, end), max(start, end)) == abs(n) - 1
    assert cal.working_days_between(start, end) == abs(n) - 1


# --- Municipal years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2019, 7, 10), 2019),
        (date(2020, 3, 4), 2019),
        (date(2019, 5, 1), 2019),
        (date(2019, 4, 30), 2018),
        (date(2019, 12, 31), 2019),
        (date(2020, 1, 1), 2019),
    ],
)
def test_municipal_year_starts_in_may(day: date, year: int) -> None:
    assert municipal_year_of(day) == year


def test_municipal_year_start_month_is_a_setting() -> None:
    assert municipal_year_of(date(2020, 3, 4), start_month=1) == 2020
    assert municipal_year_of(date(2019, 8, 31), start_month=9) == 2018
    with pytest.raises(ValueError, match="month 1-12"):
        municipal_year_of(date(2019, 8, 31), start_month=13)


def test_municipal_year_labels_match_the_printed_programmes() -> None:
    assert municipal_year_label(2019) == "2019 - 20"
    assert municipal_year_label(2019, "slash") == "2019/20"
    assert municipal_year_label(2015, "full") == "2015 - 2016"
    assert municipal_year_label(2009) == "2009 - 10"
    assert municipal_year_label(1999, "slash") == "1999/00"
    with pytest.raises(ValueError, match="dash, slash or full"):
        municipal_year_label(2019, "roman")  # type: ignore[arg-type]


# --- Meeting patterns ----------------------------------------------------------------------------


def test_six_weekly_wednesdays_from_a_given_day() -> None:
    # Asked from Monday 8 July 2019: the first Wednesday is 10 July.
    assert meetings_from_pattern(date(2019, 7, 8), every_weeks=6, weekday=2, count=4) == [
        date(2019, 7, 10),
        date(2019, 8, 21),
        date(2019, 10, 2),
        date(2019, 11, 13),
    ]


def test_pattern_stops_at_the_last_date_and_skips_do_not_count() -> None:
    dates = meetings_from_pattern(
        date(2019, 12, 4),
        every_weeks=1,
        weekday=None,
        until=date(2020, 1, 8),
        skip={date(2019, 12, 25), date(2020, 1, 1)},
    )
    assert dates == [date(2019, 12, 4), date(2019, 12, 11), date(2019, 12, 18), date(2020, 1, 8)]
    counted = meetings_from_pattern(
        date(2019, 12, 18), every_weeks=1, count=3, skip={date(2019, 12, 25)}
    )
    assert counted == [date(2019, 12, 18), date(2020, 1, 1), date(2020, 1, 8)]


def test_count_and_until_together_stop_at_whichever_comes_first() -> None:
    dates = meetings_from_pattern(
        date(2019, 9, 11), every_weeks=2, count=10, until=date(2019, 10, 9)
    )
    assert dates == [date(2019, 9, 11), date(2019, 9, 25), date(2019, 10, 9)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"every_weeks": 0, "count": 3}, "every 1 or more weeks"),
        ({"every_weeks": 1, "weekday": 7, "count": 3}, "Weekday"),
        ({"every_weeks": 1}, "never ends"),
        ({"every_weeks": 1, "count": -1}, "0 or more"),
    ],
)
def test_impossible_patterns_are_explained(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        meetings_from_pattern(date(2019, 9, 11), **kwargs)  # type: ignore[arg-type]
