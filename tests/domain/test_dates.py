"""Dates for people: each written style comes from one function, in English whatever the
computer's locale, and typed dates are read day first."""

from __future__ import annotations

import datetime as dt
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.dates import (
    council_date,
    date_field,
    dotted_date,
    long_date,
    month_name,
    month_year,
    parse_council_date,
    parse_date_list,
    short_date,
    short_weekday_date,
    weekday_date,
)
from domain.errors import Invalid

# --- Writing dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "printed"),
    [
        # The five meeting dates of seed 001's "Work Programme 2019 - 20", as printed there.
        (dt.date(2019, 7, 10), "10 July 2019"),
        (dt.date(2019, 9, 11), "11 Sept 2019"),
        (dt.date(2019, 11, 13), "13 Nov 2019"),
        (dt.date(2020, 1, 8), "8 Jan 2020"),
        (dt.date(2020, 3, 4), "4 March 2020"),
    ],
)
def test_meeting_dates_print_as_in_the_seed_programme(day: dt.date, printed: str) -> None:
    assert council_date(day) == printed


def test_every_month_follows_one_rule() -> None:
    labels = [council_date(dt.date(2021, m, 1)).split()[1] for m in range(1, 13)]
    assert labels == [
        "Jan", "Feb", "March", "April", "May", "June",
        "July", "Aug", "Sept", "Oct", "Nov", "Dec",
    ]  # fmt: skip


def test_each_style_of_date() -> None:
    day = dt.date(2019, 9, 11)
    assert short_date(day) == "11 Sept 2019"
    assert short_date(dt.date(2019, 7, 10)) == "10 Jul 2019"
    assert long_date(day) == "11 September 2019"
    assert weekday_date(day) == "Wednesday 11 September 2019"
    assert short_weekday_date(day) == "Wed 11 Sept 2019"
    assert month_year(dt.date(2019, 7, 31)) == "July 2019"
    assert dotted_date(dt.date(2015, 7, 6)) == "6.7.15"
    assert month_name(4) == "April"


class _GermanDate(dt.date):
    """A date whose strftime speaks German, as it does on a computer set to a German locale:
    a label built with "%B" or "%b" would come out as "September" -> "September", but "July"
    -> "Juli", "March" -> "März", and "%A" gives "Mittwoch"."""

    _MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Dezember")  # fmt: skip
    _DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

    def strftime(self, fmt: str) -> str:
        german = (
            fmt.replace("%B", self._MONTHS[self.month - 1])
            .replace("%b", self._MONTHS[self.month - 1][:3])
            .replace("%A", self._DAYS[self.weekday()])
            .replace("%a", self._DAYS[self.weekday()][:2])
        )
        return dt.date(self.year, self.month, self.day).strftime(german)

    def __format__(self, spec: str) -> str:
        return self.strftime(spec) if spec else str(self)


def test_dates_are_written_in_english_whatever_the_computers_locale() -> None:
    day = _GermanDate(2020, 3, 4)
    assert f"{day:%B}" == "März"  # the stand-in behaves like a German computer
    assert council_date(day) == "4 March 2020"
    assert long_date(day) == "4 March 2020"
    assert short_date(day) == "4 Mar 2020"
    assert weekday_date(day) == "Wednesday 4 March 2020"
    assert short_weekday_date(day) == "Wed 4 Mar 2020"
    assert month_year(day) == "March 2020"


def test_dates_are_written_in_english_under_a_german_time_locale() -> None:
    import locale

    before = locale.setlocale(locale.LC_TIME)
    try:
        try:
            locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
        except locale.Error:
            pytest.skip("the de_DE.UTF-8 locale is not installed on this computer")
        day = dt.date(2019, 7, 10)
        assert long_date(day) == "10 July 2019"
        assert weekday_date(day) == "Wednesday 10 July 2019"
        assert council_date(day) == "10 July 2019"
    finally:
        locale.setlocale(locale.LC_TIME, before)


# --- Reading a date field ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["10/07/2019", "2019-07-10", "10 July 2019", " 10/7/2019 ", "10.07.2019", "20190710"]
)
def test_a_date_field_reads_what_its_hint_says_to_type(typed: str) -> None:
    assert date_field(typed, "added_on", "date added") == dt.date(2019, 7, 10)


def test_a_date_field_takes_dates_and_leaves_empty_values_empty() -> None:
    assert date_field(dt.datetime(2019, 7, 10, 14, 0), "f", "date") == dt.date(2019, 7, 10)
    assert date_field(dt.date(2019, 7, 10), "f", "date") == dt.date(2019, 7, 10)
    assert date_field(None, "f", "date") is None
    assert date_field("   ", "f", "date") is None


@pytest.mark.parametrize("typed", ["next Tuesday", "31/02/2019", "07/2019", 42])
def test_a_bad_date_names_the_field_and_shows_the_format(typed: object) -> None:
    with pytest.raises(Invalid, match=r"The date reported .* is not a date; enter it as 10/07/2019") as e:
        date_field(typed, "reported_on", "date reported")
    assert e.value.field == "reported_on"


# --- Reading dates as councils write them ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11 Sept 2019", date(2019, 9, 11)),
        ("11 September 2019", date(2019, 9, 11)),
        ("11 sep 19", date(2019, 9, 11)),
        ("Wednesday 11 September 2019", date(2019, 9, 11)),
        ("Wed 11th Sept. 2019", date(2019, 9, 11)),
        ("1st April 2024", date(2024, 4, 1)),
        ("7th December 2015", date(2015, 12, 7)),
        ("11-Sep-2019", date(2019, 9, 11)),
        ("September 11, 2019", date(2019, 9, 11)),
        ("6.7.15", date(2015, 7, 6)),
        ("10.07.2019", date(2019, 7, 10)),
        ("11/09/2019", date(2019, 9, 11)),
        ("1/3/23", date(2023, 3, 1)),
        ("11-09-2019", date(2019, 9, 11)),
        ("2019-09-11", date(2019, 9, 11)),
        ("  8 Jan 2020  ", date(2020, 1, 8)),
    ],
)
def test_council_dates_are_read_day_first(text: str, expected: date) -> None:
    assert parse_council_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("next Tuesday", "cannot be read|not a date"),
        ("31/02/2019", "not a real date"),
        ("11 Septober 2019", "no month called 'Septober'"),
        ("11/09/2019/1", "not a date"),
        ("2019-13-01", "not a real date"),
    ],
)
def test_unreadable_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_council_date(text)


def test_a_pasted_list_of_meeting_dates() -> None:
    text = "11 Sept 2019\n\n6.7.15\n  11/09/2019\n2019-11-13\n8 January 2020\n"
    assert parse_date_list(text) == [
        date(2015, 7, 6),
        date(2019, 9, 11),
        date(2019, 11, 13),
        date(2020, 1, 8),
    ]


def test_a_bad_line_in_a_list_is_named_by_number_and_text() -> None:
    with pytest.raises(ValueError, match=r"Line 3 \('31 Sept 2019'\).*not a real date"):
        parse_date_list("11 Sept 2019\n13 Nov 2019\n31 Sept 2019\n8 Jan 2020")


@settings(max_examples=200)
@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_written_form_of_a_date_reads_back_as_that_date(day: date) -> None:
    forms = [
        day.isoformat(),
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}",
        f"{day.day}.{day.month}.{day.year % 100:02d}",
        day.strftime("%d %B %Y"),
        day.strftime("%A %d %b %Y"),
    ]
    for form in forms:
        assert parse_council_date(form) == day, form
