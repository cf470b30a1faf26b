"""The plain records a meetings file is read into: a committee's meetings from Modern.gov's web
service (:mod:`domain.io.modgov`) or from a calendar (:mod:`domain.io.ical_read`), each knowing
where in its file it came from, for :mod:`domain.ops.meeting_import` to write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SAVE_FROM_BROWSER = (
    "Open the web service address in a browser, save the answer (File ▸ Save Page As…, as XML) "
    "and import that file; nothing was imported."
)


@dataclass(frozen=True, slots=True)
class AgendaRecord:
    """One item of a meeting's agenda: its title, its text as plain text (never markup), and
    whether the council marked it restricted (exempt, Part II), with the Schedule 12A paragraph
    when the item names one."""

    title: str
    text: str
    restricted: bool
    exempt_paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """One meeting as a file gives it.

    ``where`` names it in messages ("meeting 3 (meetingid 1234)"). ``time`` and ``venue`` are
    None and "" when the file does not say; ``items`` is None when the file does not list the
    agenda (a GetMeetings answer, a calendar) and a tuple, maybe empty, when it does.
    """

    where: str
    day: dt.date
    time: dt.time | None
    cancelled: bool
    venue: str
    modgov_id: int | None
    items: tuple[AgendaRecord, ...] | None = None


@dataclass(frozen=True, slots=True)
class MeetingsFile:
    """A whole meetings file, read and checked: ``kind`` says what it is for messages
    ("a Modern.gov GetMeetings answer"), ``committee`` the committee it names, if any."""

    name: str
    kind: str
    meetings: tuple[MeetingRecord, ...]
    committee: str = ""
