"""A committee's meetings for a year as an iCalendar file (RFC 5545), for Outlook and the like.

Times are local to Europe/London, with its ``VTIMEZONE`` in the file, so a meeting at 2 pm in
July is at 2 pm in every calendar program whatever its own time zone. Each meeting keeps the
same ``UID`` every time the file is exported (the meeting's id and the database's identity), so
importing a newer file updates the meetings already in a calendar rather than adding them
again; ``SEQUENCE`` is the meeting's version, which goes up with every change made to it. A
cancelled meeting stays in the file with ``STATUS:CANCELLED``, which takes it off calendars it
was on. Each meeting's description gives the latest day its agenda may be published and the
items on it, which the export use case has already chosen by the Part II rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..dates import weekday_date
from ..printing.wording import NOT_FOR_PUBLICATION, clean_text

TIME_ZONE = "Europe/London"
# A meeting has no end time of its own; one with a capacity in minutes lasts that long.
DEFAULT_LENGTH = dt.timedelta(hours=2)
PRODUCT = "-//Scrutineer//Committee meetings//EN"


@dataclass(frozen=True, slots=True)
class CalendarMeeting:
    """One meeting as the calendar shows it."""

    meeting_id: int
    version: int  # goes up with every change: the event's SEQUENCE
    starts_at: dt.datetime  # local time in Europe/London
    venue: str
    cancelled: bool
    publication: dt.date  # the latest day its agenda may be published
    items: tuple[str, ...]  # its agenda, in order, as the public may see it
    length: dt.timedelta = DEFAULT_LENGTH


@dataclass(frozen=True, slots=True)
class MeetingCalendar:
    """A committee's meetings for one municipal year, ready to write."""

    committee: str
    council: str
    year_label: str  # "2019 - 20"
    database_identity: str
    meetings: tuple[CalendarMeeting, ...]
    exempt_left_out: int  # exempt items kept out of the descriptions
    includes_exempt: bool  # the user asked for exempt items: the file is not for publication

    def uid(self, meeting_id: int) -> str:
        return f"meeting-{meeting_id}-{self.database_identity}@scrutineer"


def _description(calendar: MeetingCalendar, meeting: CalendarMeeting) -> str:
    lines = []
    if calendar.includes_exempt:
        lines += [f"{NOT_FOR_PUBLICATION}: includes exempt (Part II) items.", ""]
    if meeting.cancelled:
        lines += ["This meeting is cancelled.", ""]
    lines.append(
        f"The agenda is published by {weekday_date(meeting.publication)} at the latest."
    )
    if meeting.items:
        lines += ["", "Agenda items:"]
        lines += [f"- {item}" for item in meeting.items]
    return "\n".join(lines)


def meetings_ics(calendar: MeetingCalendar) -> bytes:
    """The calendar file's bytes (UTF-8, CRLF line ends, long lines folded)."""
    from icalendar import Calendar, Event, Timezone

    zone = ZoneInfo(TIME_ZONE)
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = f"{calendar.committee} meetings {calendar.year_label}"
    if calendar.includes_exempt:
        name = f"{NOT_FOR_PUBLICATION}: {name}"
    cal.add("x-wr-calname", clean_text(name))
    cal.add("x-wr-timezone", TIME_ZONE)
    if calendar.meetings:
        first = min(m.starts_at for m in calendar.meetings).date()
        last = max(m.starts_at for m in calendar.meetings).date()
        cal.add_component(
            Timezone.from_tzid(
                TIME_ZONE,
                first_date=first - dt.timedelta(days=366),
                last_date=last + dt.timedelta(days=366),
            )
        )
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for m in calendar.meetings:
        event = Event()
        event.add("uid", calendar.uid(m.meeting_id))
        event.add("dtstamp", stamp)
        event.add("sequence", m.version)
        start = m.starts_at.replace(tzinfo=zone)
        event.add("dtstart", start)
        event.add("dtend", start + m.length)
        summary = clean_text(calendar.committee)
        event.add("summary", f"Cancelled: {summary}" if m.cancelled else summary)
        if m.venue.strip():
            event.add("location", clean_text(m.venue))
        event.add("status", "CANCELLED" if m.cancelled else "CONFIRMED")
        event.add("transp", "TRANSPARENT" if m.cancelled else "OPAQUE")
        event.add("description", clean_text(_description(calendar, m)))
        if calendar.includes_exempt:
            event.add("class", "CONFIDENTIAL")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data

