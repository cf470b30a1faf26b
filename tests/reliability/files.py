"""Programme files for the reliability trials."""

from __future__ import annotations

import datetime as dt

from domain.dates import long_date
from domain.io.layout import HEADER

MEETINGS = (dt.date(2019, 9, 11), dt.date(2019, 11, 13), dt.date(2020, 1, 8), dt.date(2020, 3, 4))


def programme_csv(rows: int) -> str:
    """A programme of ``rows`` items spread over four meetings, in the council's CSV layout."""
    lines = [",".join(HEADER)]
    for i in range(rows):
        date = long_date(MEETINGS[i % len(MEETINGS)])
        lines.append(f"{date},Item {i:05d},{i % 7},Reason {i},Officer {i % 13}")
    return "\n".join(lines) + "\n"
