"""Reading a committee's meetings from a calendar file (.ics, RFC 5545): each event's DTSTART,
SUMMARY, LOCATION and STATUS (CANCELLED), as :class:`~domain.io.meetings.MeetingRecord` values.

A time with a time zone (or in UTC) is read as the time in England, where the meeting is.
An event with a date and no time takes the committee's usual time when it is imported.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .meeting_records import MeetingRecord, MeetingsFile
from .rows import ImportFileError

LOCAL = ZoneInfo("Europe/London")


def read_calendar(data: bytes, *, name: str) -> MeetingsFile:
    """Read every event of a calendar; ``ImportFileError`` names the first bad one."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(data)
    except ValueError as exc:
        raise ImportFileError(
            name, None, None, f"is not a calendar that can be read ({exc}).",
            hint="Export the calendar again as an .ics file; nothing was imported.",
        ) from None
    records: list[MeetingRecord] = []
    for number, event in enumerate(calendar.walk("VEVENT"), start=1):
        summary = " ".join(str(event.get("SUMMARY", "")).split())
        where = f"event {number}" + (f" ('{summary}')" if summary else "")
        start = event.get("DTSTART")
        value = getattr(start, "dt", None)
        if not isinstance(value, dt.date):
            raise ImportFileError(
                name, None, None, "DTSTART: the event has no start date.",
                hint="Give the event a date in the calendar program and export it again; "
                "nothing was imported.", table=where,
            )
        time: dt.time | None = None
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None:
                value = value.astimezone(LOCAL).replace(tzinfo=None)
            time = value.time()
            value = value.date()
        records.append(
            MeetingRecord(
                where=where,
                day=value,
                time=time,
                cancelled=str(event.get("STATUS", "")).strip().upper() == "CANCELLED",
                venue=" ".join(str(event.get("LOCATION", "")).split()),
                modgov_id=None,
            )
        )
    return MeetingsFile(name=name, kind="calendar", meetings=tuple(records))
