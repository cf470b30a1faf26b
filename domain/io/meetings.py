"""Reading a meetings file, whichever kind it is: a saved Modern.gov web service answer
(:mod:`domain.io.modgov`) or a calendar (:mod:`domain.io.ical_read`), told apart by content."""

from __future__ import annotations

from pathlib import Path

from . import ical_read, modgov
from .meeting_records import MeetingsFile
from .rows import ImportFileError


def read_meetings_file(source: Path | bytes, *, name: str | None = None) -> MeetingsFile:
    """Read a saved Modern.gov answer (XML) or a calendar (.ics), told apart by content.

    Raises ``ImportFileError`` naming the file, the meeting and what to do at the first
    problem; nothing is written anywhere.
    """
    label = name if name is not None else (source.name if isinstance(source, Path) else "the file")
    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise ImportFileError(label, None, None, f"cannot be read: {exc.strerror or exc}.",
                                  hint="Check the file's name and that you may read it.") from None
    else:
        data = source
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        return ical_read.read_calendar(data, name=label)
    return modgov.read_modgov(data, name=label)
