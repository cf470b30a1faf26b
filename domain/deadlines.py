"""Working days, agenda publication and report deadlines, municipal years, meeting dates.

An agenda must be published at least five *clear* working days before its meeting (Local
Government Act 1972, s.100B): neither the day of publication nor the day of the meeting
counts, and weekends and bank holidays are not working days. Councils also close between
Christmas and New Year, so extra closure days are part of the calendar.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import holidays

from .years import municipal_year_label, municipal_year_of

__all__ = [
    "MeetingDeadlines",
    "WorkingCalendar",
    "deadlines_for",
    "meetings_from_pattern",
    "municipal_year_label",
    "municipal_year_of",
    "publication_date",
    "report_deadline",
]

_ONE_DAY = timedelta(days=1)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days the council's offices are open.

    Bank holidays come from the ``holidays`` package (England by default), fetched one year at
    a time on first use and cached, so a calendar costs nothing until it is asked about a year.
    """

    extra_closures: frozenset[date] = frozenset()
    country: str = "GB"
    subdiv: str | None = "ENG"
    # The cache is an implementation detail: two calendars with the same closures are equal.
    _bank_holidays: dict[int, dict[date, str]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        # Callers often pass a set or list; normalise so the dataclass stays hashable.
        if not isinstance(self.extra_closures, frozenset):
            object.__setattr__(self, "extra_closures", frozenset(self.extra_closures))

    def bank_holidays(self, year: int) -> dict[date, str]:
        """The bank holidays of ``year`` (date -> name), including substitute days."""
        cached = self._bank_holidays.get(year)
        if cached is None:
            found = holidays.country_holidays(self.country, subdiv=self.subdiv, years=year)
            cached = {d: str(name) for d, name in sorted(found.items())}
            self._bank_holidays[year] = cached
        return cached

    def closure_reason(self, d: date) -> str | None:
        """Why ``d`` is not a working day ("Saturday", "Good Friday", ...), or None if it is."""
        if d.weekday() >= 5:
            return _WEEKDAY_NAMES[d.weekday()]
        name = self.bank_holidays(d.year).get(d)
        if name is not None:
            return name
        if d in self.extra_closures:
            return "council closure"
        return None

    def is_working_day(self, d: date) -> bool:
        return (
            d.weekday() < 5 and d not in self.extra_closures and d not in self.bank_holidays(d.year)
        )

    def add_working_days(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (before it when ``n`` is negative).

        ``d`` itself never counts, so ``add_working_days(friday, 1)`` is the next Monday (if
        that is not a bank holiday). ``n == 0`` returns ``d`` unchanged, working day or not.
        """
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        remaining = abs(n)
        current = d
        while remaining:
            current += step
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, a: date, b: date) -> int:
        """How many working days lie strictly between ``a`` and ``b`` (in either order)."""
        if b < a:
            a, b = b, a
        count = 0
        current = a + _ONE_DAY
        while current < b:
            if self.is_working_day(current):
                count += 1
            current += _ONE_DAY
        return count


def publication_date(meeting_day: date, cal: WorkingCalendar, clear_days: int = 5) -> date:
    """The latest working day on which the agenda for ``meeting_day`` can be published.

    There must be at least ``clear_days`` working days strictly between publication and the
    meeting. Meeting on Wednesday 11 Sept 2019 means the clear days are Wed 4, Thu 5, Fri 6,
    Mon 9 and Tue 10, so the agenda goes out on Tuesday 3 Sept at the latest.
    """
    if clear_days < 0:
        raise ValueError(f"Clear days must be 0 or more, not {clear_days}.")
    earliest_clear_day = cal.add_working_days(meeting_day, -clear_days)
    return cal.add_working_days(earliest_clear_day, -1)


def report_deadline(
    meeting_day: date, cal: WorkingCalendar, clear_days: int = 5, report_days: int = 3
) -> date:
    """The day reports are due to democratic support: ``report_days`` working days before
    the agenda's publication date."""
    return deadlines_for(
        meeting_day, cal, clear_days=clear_days, report_days=report_days
    ).report_deadline


@dataclass(frozen=True)
class MeetingDeadlines:
    publication: date
    report_deadline: date


def deadlines_for(
    meeting_day: date, cal: WorkingCalendar, *, clear_days: int = 5, report_days: int = 3
) -> MeetingDeadlines:
    publication = publication_date(meeting_day, cal, clear_days)
    if report_days < 0:
        raise ValueError(f"Report days must be 0 or more, not {report_days}.")
    return MeetingDeadlines(
        publication=publication,
        report_deadline=cal.add_working_days(publication, -report_days),
    )


# --- Meeting dates ---------------------------------------------------------------------------


def meetings_from_pattern(
    start: date,
    *,
    every_weeks: int,
    weekday: int | None = None,
    count: int | None = None,
    until: date | None = None,
    skip: Iterable[date] = frozenset(),
) -> list[date]:
    """Meeting dates repeating every ``every_weeks`` weeks.

    The first meeting is ``start``, or the first ``weekday`` (0 = Monday) on or after it.
    Dates in ``skip`` are left out and do not count towards ``count``. The series stops after
    ``count`` meetings or after ``until`` (inclusive), whichever comes first.
    """
    if every_weeks < 1:
        raise ValueError(f"Meetings must repeat every 1 or more weeks, not {every_weeks}.")
    if weekday is not None and not 0 <= weekday <= 6:
        raise ValueError(f"Weekday must be 0 (Monday) to 6 (Sunday), not {weekday}.")
    if count is None and until is None:
        raise ValueError("Give a number of meetings or a last date, or the series never ends.")
    if count is not None and count < 0:
        raise ValueError(f"The number of meetings must be 0 or more, not {count}.")
    skipped = frozenset(skip)
    first = start
    if weekday is not None:
        first = start + timedelta(days=(weekday - start.weekday()) % 7)
    step = timedelta(weeks=every_weeks)
    result: list[date] = []
    current = first
    while (count is None or len(result) < count) and (until is None or current <= until):
        if current not in skipped:
            result.append(current)
        current += step
    return result
