"""Modern.gov's web service answers (``mgWebService.asmx``): a committee's meetings.

Two answers are read. GetMeetings lists a committee's meetings
(``getmeetings > committee > committeemeetings > meeting``, each with ``meetingid``,
``meetingdate`` as dd/mm/yyyy, ``meetingtime`` such as "2.00 pm" and ``meetingstatus``
Confirmed or Cancelled). GetMeeting gives one ``meeting`` with its ``meetinglocation`` and its
agenda (``agendaitems > agendaitem`` with ``agendaitemtitle``, ``agendatext`` as escaped HTML
and ``isrestricted``). Tags are matched ignoring case and namespace, and every value is
stripped: councils' answers differ in both, and counts come padded with spaces.

The XML is parsed with defusedxml and any document type declaration refused: a real answer
never has one, and one is how a file makes a parser expand entities without end ("billion
laughs") or read another file or address. Such a file is refused, never followed.

The live fetch asks a council's service for the meetings between two dates. Many council sites
answer programs with an HTML "403" page; anything but the expected XML gets a message saying
to save the answer from a browser and import that file.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from xml.etree.ElementTree import Element, ParseError

from ..dates import parse_clock_time, parse_council_date
from .meeting_records import SAVE_FROM_BROWSER, AgendaRecord, MeetingRecord, MeetingsFile
from .rows import ImportFileError

FETCH_TIMEOUT = 20.0  # seconds; a council's service answers in one or two
MAX_ANSWER = 20 * 1024 * 1024  # a whole committee history is well under 1 MB
_FIX = (
    "Save the answer again from the web service, or correct that meeting in the file; "
    "nothing was imported."
)
_PARAGRAPH = re.compile(r"\bparagraphs?\s+([1-7])\b", re.IGNORECASE)


def _name(element: Element) -> str:
    """An element's tag without its namespace, in lower case."""
    return element.tag.rsplit("}", 1)[-1].casefold() if isinstance(element.tag, str) else ""


def _child(element: Element, name: str) -> Element | None:
    return next((c for c in element if _name(c) == name), None)


def _text(element: Element, name: str) -> str:
    found = _child(element, name)
    return "" if found is None else "".join(found.itertext()).strip()


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head


def parse_xml(data: bytes, *, name: str) -> Element:
    """Parse XML safely: no document type, no entities, nothing fetched. ``ImportFileError``
    says what is wrong with a file that is not plain XML."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    if not data.strip():
        raise ImportFileError(name, None, None, "is empty.", hint=SAVE_FROM_BROWSER)
    if _looks_like_html(data):
        raise ImportFileError(
            name, None, None,
            "is a web page, not the web service's XML answer (council sites often answer "
            "programs with a \"403 Forbidden\" page).",
            hint=SAVE_FROM_BROWSER,
        )
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportFileError(
            name, None, None,
            "declares a document type or entities, which a Modern.gov answer never does. Such "
            "declarations can make a file expand without end or read other files, so it was "
            "refused and not read.",
            hint="Save the answer again from the council's web service; nothing was imported.",
        ) from None
    except ParseError as exc:
        raise ImportFileError(
            name, None, None, f"is not readable XML ({exc}).", hint=SAVE_FROM_BROWSER
        ) from None


class _PlainText(HTMLParser):
    """Agenda text as plain paragraphs: tags dropped (never kept), entities decoded, scripts
    and styles left out, a line break for each block."""

    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"})
    _SKIP = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Escaped HTML from an answer as plain text: one line per paragraph or list item."""
    parser = _PlainText()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _flag(text: str) -> bool:
    return text.strip().casefold() in ("true", "1", "yes", "y")


def _agenda(meeting: Element) -> tuple[AgendaRecord, ...] | None:
    items = _child(meeting, "agendaitems")
    if items is None:
        return None
    out: list[AgendaRecord] = []
    for item in items:
        if _name(item) != "agendaitem":
            continue
        title = " ".join(html_to_text(_text(item, "agendaitemtitle")).split())
        if not title:
            continue
        text = html_to_text(_text(item, "agendatext"))
        restricted = _flag(_text(item, "isrestricted"))
        paragraph = None
        if restricted and (m := _PARAGRAPH.search(f"{title}\n{text}")):
            paragraph = int(m[1])
        out.append(AgendaRecord(title=title, text=text, restricted=restricted, exempt_paragraph=paragraph))
    return tuple(out)


def _meeting(element: Element, number: int, name: str) -> MeetingRecord:
    raw_id = _text(element, "meetingid")
    where = f"meeting {number}" + (f" (meetingid {raw_id})" if raw_id else "")

    def error(field: str, message: str, hint: str = _FIX) -> ImportFileError:
        return ImportFileError(name, None, None, f"<{field}>: {message}", hint=hint, table=where)

    try:
        modgov_id = int(raw_id)
    except ValueError:
        raise error("meetingid", f"{raw_id!r} is not a meeting id (a whole number)."
                    if raw_id else "the meeting has no id.") from None
    raw_date = _text(element, "meetingdate")
    try:
        # Some services add a time of day to the date ("09/09/2020 00:00:00").
        day = parse_council_date(raw_date.split()[0] if raw_date else "")
    except ValueError as exc:
        raise error(
            "meetingdate", str(exc),
            "Save the answer again from the web service, or write that meeting's date as "
            "dd/mm/yyyy (e.g. 09/09/2020); nothing was imported.",
        ) from None
    raw_time = _text(element, "meetingtime")
    try:
        time = parse_clock_time(raw_time) if raw_time else None
    except ValueError as exc:
        raise error("meetingtime", str(exc)) from None
    return MeetingRecord(
        where=where,
        day=day,
        time=time,
        cancelled=_text(element, "meetingstatus").casefold().startswith("cancel"),
        venue=" ".join(_text(element, "meetinglocation").split()),
        modgov_id=modgov_id,
        items=_agenda(element),
    )


def read_modgov(data: bytes, *, name: str) -> MeetingsFile:
    """Read a saved GetMeetings or GetMeeting answer; ``ImportFileError`` at the first problem."""
    root = parse_xml(data, name=name)
    if _name(root) == "string" and "".join(root.itertext()).lstrip().startswith("<"):
        # An answer some services wrap, escaped, in a SOAP-style <string> element.
        root = parse_xml("".join(root.itertext()).strip().encode("utf-8"), name=name)
    top = _name(root)
    elements = [e for e in root.iter() if _name(e) == "meeting"]
    if top not in ("getmeetings", "getmeeting") and not elements:
        raise ImportFileError(
            name, None, None,
            f"is XML but not a Modern.gov GetMeetings or GetMeeting answer (it begins with "
            f"<{top}>).",
            hint=SAVE_FROM_BROWSER,
        )
    committee = root if top == "committee" else next((e for e in root.iter() if _name(e) == "committee"), None)
    title = _text(committee, "committeetitle") if committee is not None else ""
    if not title and elements:
        title = _text(elements[0], "committeetitle")
    kind = {"getmeetings": "Modern.gov GetMeetings answer", "getmeeting": "Modern.gov GetMeeting answer"}
    return MeetingsFile(
        name=name,
        kind=kind.get(top, "Modern.gov answer"),
        meetings=tuple(_meeting(e, i, name) for i, e in enumerate(elements, start=1)),
        committee=title,
    )


# --- asking the service itself ----------------------------------------------------------------


def meetings_url(service: str, *, committee_id: int, begins: dt.date, ends: dt.date) -> str:
    """The GetMeetings address for a committee's meetings from ``begins`` to ``ends``.
    ``service`` is the web service (``https://SITE/mgWebService.asmx``) or the site itself."""
    parts = urllib.parse.urlsplit(service.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImportFileError(
            service, None, None, "is not a web address.",
            hint="Give the web service's address, e.g. https://democracy.example.gov.uk/mgWebService.asmx.",
        )
    path = parts.path.rstrip("/")
    if not path.casefold().endswith(".asmx"):
        path += "/mgWebService.asmx"
    query = urllib.parse.urlencode(
        {"lCommitteeId": committee_id, "sFromDate": f"{begins:%d/%m/%Y}", "sToDate": f"{ends:%d/%m/%Y}"}
    )
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, f"{path}/GetMeetings", query, ""))


def fetch(url: str, *, timeout: float = FETCH_TIMEOUT) -> bytes:
    """The service's answer at ``url``; ``ImportFileError`` in words when it cannot be had."""
    request = urllib.request.Request(
        url, headers={"User-Agent": "Scrutineer (council work programmes)", "Accept": "text/xml, application/xml"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - http(s) only, checked above
            data: bytes = answer.read(MAX_ANSWER + 1)
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the connection open otherwise
        raise ImportFileError(
            url, None, None, f"answered {exc.code} {exc.reason} instead of the meetings.",
            hint=SAVE_FROM_BROWSER,
        ) from None
    except (TimeoutError, urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        said = (
            f"did not answer within {timeout:g} seconds."
            if isinstance(reason, TimeoutError) or "timed out" in str(reason)
            else f"could not be reached ({reason})."
        )
        raise ImportFileError(
            url, None, None, said,
            hint="Check the address and your connection, or open the address in a browser, save "
            "the answer and import that file; nothing was imported.",
        ) from None
    if len(data) > MAX_ANSWER:
        raise ImportFileError(
            url, None, None, f"answered with more than {MAX_ANSWER // (1024 * 1024)} MB, far more "
            "than a committee's meetings.", hint=SAVE_FROM_BROWSER,
        )
    return data


def fetch_meetings(
    service: str, *, committee_id: int, begins: dt.date, ends: dt.date, timeout: float = FETCH_TIMEOUT
) -> MeetingsFile:
    """Ask the service for a committee's meetings between two dates and read its answer."""
    url = meetings_url(service, committee_id=committee_id, begins=begins, ends=ends)
    return read_modgov(fetch(url, timeout=timeout), name=url)
