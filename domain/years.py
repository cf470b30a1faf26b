"""Municipal years: which one a date falls in, how they are written, and reading them back.

The municipal year runs from the annual council meeting in May to the next, so 10 July 2019
and 4 March 2020 are both in "2019 - 20". Kept free of heavy imports: the command line and the
GUI's first paint use it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .reader import Reader

# Years a programme can be kept for: municipal years as we know them began in the 1970s, and a
# bound well short of datetime's year 9999 keeps every date arithmetic on a year valid.
FIRST_YEAR, LAST_YEAR = 1900, 2999

_YEAR = re.compile(r"^(\d{4})(?:\s*[-/–]\s*(\d{2}|\d{4}))?$")


def municipal_year_of(d: dt.date, start_month: int = 5) -> int:
    """The calendar year in which the municipal year containing ``d`` began."""
    if not 1 <= start_month <= 12:
        raise ValueError(f"The municipal year must start in month 1-12, not {start_month}.")
    return d.year if d.month >= start_month else d.year - 1


def start_month(session: Reader) -> int:
    """The month the council's municipal year starts in (council setting, May by default).

    The one place that answers it: every rule that needs the year's bounds asks here.
    """
    from .settings import load_settings

    return load_settings(session).year_start_month


def year_bounds(year_start: int, start_month: int = 5) -> tuple[dt.date, dt.date]:
    """The first day of the municipal year that begins in ``year_start`` and the first day of
    the next one: a date ``d`` is in the year when ``begins <= d < ends``."""
    if not 1 <= start_month <= 12:
        raise ValueError(f"The municipal year must start in month 1-12, not {start_month}.")
    return dt.date(year_start, start_month, 1), dt.date(year_start + 1, start_month, 1)


def added_after_year(added: dt.date, year_start: int, start_month: int = 5) -> bool:
    """Whether a topic added on ``added`` is out of place on the programme of ``year_start``:
    added after that year ended. A topic may be suggested before its year starts (seed 001's
    2019-20 programme lists items added in November 2018 and March 2019), so an earlier date
    is no mistake."""
    return added >= year_bounds(year_start, start_month)[1]


def municipal_year_label(year_start: int, style: Literal["dash", "slash", "full"] = "dash") -> str:
    """How the municipal year is written on printed documents.

    "dash" -> "2019 - 20" (work programme heading), "slash" -> "2019/20" ("Items to be
    scheduled 2019/20"), "full" -> "2019 - 2020" (older programmes, e.g. "2015 - 2016").
    """
    end = year_start + 1
    if style == "dash":
        return f"{year_start} - {end % 100:02d}"
    if style == "slash":
        return f"{year_start}/{end % 100:02d}"
    if style == "full":
        return f"{year_start} - {end}"
    raise ValueError(f"Unknown municipal year label style {style!r}; use dash, slash or full.")


def year_label(year_start: int) -> str:
    """'2019 - 20', as programmes are titled."""
    return municipal_year_label(year_start, "dash")


def short_year_label(year_start: int) -> str:
    """'2019/20', as 'Items to be scheduled 2019/20' is headed."""
    return municipal_year_label(year_start, "slash")


def parse_municipal_year(text: str) -> int:
    """The first calendar year of a municipal year written "2019-20", "2019/20", "2019 - 20",
    "2019-2020" or "2019". Raises ValueError saying how to write it."""
    m = _YEAR.match(text.strip())
    if m is None:
        raise ValueError(
            f"'{text}' is not a municipal year; write it like 2019-20 (the year that starts in "
            "May 2019)."
        )
    start = int(m[1])
    if not FIRST_YEAR <= start <= LAST_YEAR:
        raise ValueError(
            f"'{text}' is not a municipal year this program can hold; give one that starts "
            f"between {FIRST_YEAR} and {LAST_YEAR}, e.g. 2019-20."
        )
    if m[2] is not None:
        end = int(m[2])
        if (len(m[2]) == 2 and end != (start + 1) % 100) or (len(m[2]) == 4 and end != start + 1):
            raise ValueError(
                f"'{text}' is not a municipal year: it runs from May of one year to April of the "
                f"next, e.g. {start}-{(start + 1) % 100:02d}."
            )
    return start
