"""Dates for people: how the program writes a date, and how it reads one typed or pasted.

Month names come from a fixed English table, never from ``strftime`` ("%B", "%b"), which
follows the computer's locale: a programme printed on a machine set to German must still say
"11 Sept 2019". Each written style has one function here:

- ``short_date``     "11 Sept 2019", "10 Jul 2019" (lists, the planner, messages)
- ``council_date``   "11 Sept 2019", "10 July 2019", "4 March 2020" (printed programmes)
- ``long_date``      "11 September 2019" (minutes, tracking decisions, files, messages)
- ``weekday_date``   "Wednesday 11 September 2019"
- ``short_weekday_date``  "Wed 11 Sept 2019" (the planner, review meetings)
- ``month_year``     "September 2019" (target months)
- ``time_text``      "2 pm", "10:30 am" (a meeting's time)
- ``dotted_date``    "6.7.15" (the purpose layout of the programme)

Reading: ``parse_council_date`` takes a date as councils write it, day first; ``date_field``
is the one reader of a date field of a use case (a date, an empty value or typed text).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .errors import Invalid

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Council documents abbreviate September as "Sept" ("11 Sept 2019", seed 001).
_MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
)  # fmt: skip


def month_name(month: int) -> str:
    """'September' for 9."""
    return MONTH_NAMES[month - 1]


def short_date(d: dt.date) -> str:
    """'11 Sept 2019', '10 Jul 2019': a date where space is short."""
    return f"{d.day} {_MONTH_ABBREVIATIONS[d.month - 1]} {d.year}"


def council_date(d: dt.date) -> str:
    """A meeting date as the council prints it: "10 July 2019", "11 Sept 2019", "4 March 2020".

    Month names of five letters or fewer are printed in full; longer ones take the council's
    abbreviations (seed 001: "11 Sept 2019", "8 Jan 2020").
    """
    name = MONTH_NAMES[d.month - 1]
    month = name if len(name) <= 5 else _MONTH_ABBREVIATIONS[d.month - 1]
    return f"{d.day} {month} {d.year}"


def long_date(d: dt.date) -> str:
    """'10 July 2019', '11 September 2019': a date in full, as minutes write it."""
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def weekday_date(d: dt.date) -> str:
    """'Wednesday 11 September 2019'."""
    return f"{WEEKDAY_NAMES[d.weekday()]} {long_date(d)}"


def time_text(t: dt.time) -> str:
    """'2 pm', '10:30 am': a meeting's time as agendas write it."""
    hour = t.hour % 12 or 12
    suffix = "am" if t.hour < 12 else "pm"
    return f"{hour}:{t.minute:02d} {suffix}" if t.minute else f"{hour} {suffix}"


def short_weekday_date(d: dt.date) -> str:
    """'Wed 11 Sept 2019'."""
    return f"{WEEKDAY_NAMES[d.weekday()][:3]} {short_date(d)}"


def month_year(d: dt.date) -> str:
    """'July 2019': a target month, as the tracking decisions document writes it."""
    return f"{MONTH_NAMES[d.month - 1]} {d.year}"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved on by whole months; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    # The last day of the month without the calendar module (4 ms to import, at start-up).
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (first_of_next - dt.timedelta(days=1)).day))


def dotted_date(d: dt.date) -> str:
    """'6.7.15', '19.10.15': a meeting date as the purpose layout prints it (seed 000)."""
    return f"{d.day}.{d.month}.{d.year % 100:02d}"


# --- reading ------------------------------------------------------------------------------------

_MONTH_NUMBERS = {
    **{name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}

_WEEKDAY_PREFIX = re.compile(
    r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\.?,?\s+",
    re.IGNORECASE,
)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})$")
_DAY_MONTH_YEAR = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2}|\d{4})$", re.IGNORECASE
)
_EXAMPLES = "write it like 11 Sept 2019, 11/09/2019, 6.7.15 or 2019-09-11"


def _full_year(text: str) -> int:
    # Council documents write "6.7.15" for 2015; nothing in a work programme is from the 1900s.
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _month_number(name: str, original: str) -> int:
    month = _MONTH_NUMBERS.get(name.lower())
    if month is None:
        raise ValueError(f"{original!r} has no month called {name!r}; {_EXAMPLES}.")
    return month


def _make_date(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(
            f"{original!r} is not a real date (day {day}, month {month}, year {year})."
        ) from None


def parse_council_date(text: str) -> dt.date:
    """Read a date as councils write it: day first, as in "11 Sept 2019", "Wednesday 11th
    September 2019", "6.7.15", "11/09/2019", "11-Sep-19" or "2019-09-11".

    Two-digit years are 20xx. Raises ValueError with the offending text and an example.
    """
    original = text
    cleaned = " ".join(text.strip().split())
    if not cleaned:
        raise ValueError(f"The date is empty; {_EXAMPLES}.")
    cleaned = _WEEKDAY_PREFIX.sub("", cleaned)

    if m := _ISO.match(cleaned):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), original)
    if m := _NUMERIC.match(cleaned):
        return _make_date(_full_year(m[4]), int(m[3]), int(m[1]), original)
    if m := _DAY_MONTH_YEAR.match(cleaned):
        month = _month_number(m[2], original)
        return _make_date(_full_year(m[3]), month, int(m[1]), original)
    if m := _MONTH_DAY_YEAR.match(cleaned):
        month = _month_number(m[1], original)
        return _make_date(_full_year(m[3]), month, int(m[2]), original)
    raise ValueError(f"{original!r} is not a date that can be read; {_EXAMPLES}.")


def parse_date_list(text: str) -> list[dt.date]:
    """Meeting dates typed or pasted one per line, returned in date order without repeats.

    Blank lines are ignored. The first unreadable line raises ValueError naming its line
    number, so nothing is half-imported.
    """
    found: set[dt.date] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            found.add(parse_council_date(line))
        except ValueError as exc:
            raise ValueError(f"Line {number} ({line.strip()!r}): {exc}") from None
    return sorted(found)


DATE_FORMAT_HINT = "10/07/2019 (day/month/year) or 2019-07-10"


def date_field(value: Any, field: str, label: str) -> dt.date | None:
    """The date of a use case's date field: a date, a datetime (its day), or text typed as
    10/07/2019, 2019-07-10, 10 July 2019 or any form ``parse_council_date`` reads. Empty is
    None. Raises ``Invalid`` naming the field and showing the format otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            return parse_council_date(value)
        except ValueError:
            try:  # the compact ISO forms Python reads, e.g. 20190710
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
    raise Invalid(f"The {label} '{value}' is not a date; enter it as {DATE_FORMAT_HINT}.", field)


_CLOCK = re.compile(r"^(\d{1,2})(?:\s*[.:]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$", re.IGNORECASE)


def parse_clock_time(text: str) -> dt.time:
    """Read a time as councils write it: "2.00 pm", "10.00 am", "2pm", "14:00", "9.30".
    Noon is "12.00 pm" and midnight "12.00 am". Raises ValueError with an example otherwise."""
    cleaned = " ".join(text.strip().split())
    m = _CLOCK.match(cleaned)
    if m is None:
        raise ValueError(f"{text.strip()!r} is not a time; write it like 2.00 pm or 14:00.")
    hour, minute = int(m[1]), int(m[2] or 0)
    half = (m[3] or "").replace(".", "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"{text.strip()!r} is not a time: {hour} is not an hour of a 12-hour clock.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{text.strip()!r} is not a time; write it like 2.00 pm or 14:00.")
    return dt.time(hour, minute)
