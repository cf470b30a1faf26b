"""Meetings read from Modern.gov web service answers and calendars, as an advisor saves them;
hostile XML refused; the live service asked through a small server of the test's own."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from domain.io import modgov
from domain.io.meetings import read_meetings_file
from domain.io.rows import ImportFileError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GET_MEETINGS = FIXTURES / "modgov_getmeetings_ecsc.xml"
GET_MEETING = FIXTURES / "modgov_getmeeting_ecsc.xml"
CALENDAR = FIXTURES / "ecsc_meetings.ics"


def test_get_meetings_gives_every_meeting_whatever_the_tag_case_and_padding() -> None:
    read = read_meetings_file(GET_MEETINGS)
    assert read.kind == "Modern.gov GetMeetings answer"
    assert read.committee == "Education and Children's Social Care Overview and Scrutiny Committee"
    assert [m.modgov_id for m in read.meetings] == [4101, 4102, 4103, 4104, 4105, 4106, 4107]
    third = read.meetings[2]  # written with mixed-case tags
    assert (third.day, third.time, third.cancelled) == (dt.date(2020, 9, 9), dt.time(14), False)
    cancelled = [m for m in read.meetings if m.cancelled]
    assert [(m.day, m.time) for m in cancelled] == [(dt.date(2021, 1, 13), dt.time(10))]
    assert all(m.items is None for m in read.meetings)  # GetMeetings has no agendas


def test_get_meeting_gives_the_venue_and_the_agenda_as_plain_text() -> None:
    (meeting,) = read_meetings_file(GET_MEETING).meetings
    assert meeting.venue == "Warspite Room, Council House"
    assert meeting.items is not None
    titles = [i.title for i in meeting.items]
    assert titles == [
        "Tracking Decisions", "School Attendance Consultation",
        "Children's Residential Care Commissioning Contract", "Work Programme",
    ]  # fmt: skip
    school = meeting.items[1]
    assert school.text == (
        "Members requested that the School Attendance Consultation is added to the work "
        "programme.\nPersistent absence & exclusions\nElective home education"
    )
    assert "<" not in school.text and "alert" not in school.text  # markup and scripts never kept
    restricted = [i for i in meeting.items if i.restricted]
    assert [(i.title, i.exempt_paragraph) for i in restricted] == [
        ("Children's Residential Care Commissioning Contract", 3)
    ]


def test_a_bad_date_names_the_file_the_meeting_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "answer.xml"
    path.write_bytes(GET_MEETINGS.read_bytes().replace(b"11/11/2020", b"31/11/2020"))
    with pytest.raises(ImportFileError) as caught:
        read_meetings_file(path)
    message = str(caught.value)
    assert message.startswith("answer.xml, meeting 4 (meetingid 4104): <meetingdate>:")
    assert "'31/11/2020' is not a real date" in message
    assert "dd/mm/yyyy" in message and "nothing was imported" in message


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<getmeetings><committee><committeemeetings><meeting><meetingid>1</meetingid>
<meetingdate>09/09/2020</meetingdate><meetingdescription>&lol4;</meetingdescription>
</meeting></committeemeetings></committee></getmeetings>"""


def test_entity_expansion_is_refused_not_followed(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_meetings_file(BILLION_LAUGHS, name="lolz.xml")
    assert "lolz.xml: declares a document type or entities" in str(caught.value)
    assert "refused" in str(caught.value)


def test_an_external_entity_is_refused_and_the_file_it_names_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VENUE")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        "<getmeeting><meeting><meetingid>1</meetingid><meetingdate>09/09/2020</meetingdate>"
        "<meetinglocation>&x;</meetinglocation></meeting></getmeeting>"
    ).encode()
    with pytest.raises(ImportFileError) as caught:
        read_meetings_file(data, name="xxe.xml")
    assert "declares a document type or entities" in str(caught.value)
    assert "TOP-SECRET" not in str(caught.value)


def test_a_web_page_instead_of_the_answer_says_to_save_it_from_a_browser() -> None:
    page = b"<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body>Forbidden</body></html>"
    with pytest.raises(ImportFileError) as caught:
        read_meetings_file(page, name="answer.xml")
    assert "answer.xml: is a web page, not the web service's XML answer" in str(caught.value)
    assert "save the answer" in str(caught.value)


def test_other_xml_is_not_taken_for_meetings() -> None:
    with pytest.raises(ImportFileError) as caught:
        read_meetings_file(b"<rss><channel><item/></channel></rss>", name="feed.xml")
    assert "not a Modern.gov GetMeetings or GetMeeting answer (it begins with <rss>)" in str(caught.value)


def test_a_calendar_gives_its_events_in_english_time() -> None:
    read = read_meetings_file(CALENDAR)
    assert read.kind == "calendar"
    assert [(m.day, m.time, m.cancelled, m.venue) for m in read.meetings] == [
        (dt.date(2020, 9, 9), dt.time(14), False, "Warspite Room, Council House"),
        (dt.date(2021, 1, 13), dt.time(10), True, "Council House"),  # given in UTC, GMT then
        (dt.date(2021, 6, 16), dt.time(10), False, "Council House"),
    ]
    summer_utc = CALENDAR.read_bytes().replace(
        b"DTSTART;TZID=Europe/London:20200909T140000", b"DTSTART:20200909T130000Z"
    )
    assert read_meetings_file(summer_utc).meetings[0].time == dt.time(14)  # BST


# --- the live service -------------------------------------------------------------------------


@pytest.fixture
def service() -> Iterator[Callable[[int, bytes, float], str]]:
    """Start a web server on 127.0.0.1 that answers every request with one status and body
    (after a delay); it serves at most 20 requests and stops with the test."""
    servers: list[tuple[http.server.HTTPServer, threading.Thread]] = []
    asked: list[str] = []

    def start(status: int, body: bytes, delay: float = 0.0) -> str:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the standard library's name
                asked.append(self.path)
                time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "text/xml" if body.startswith(b"<?xml") else "text/html")
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the program stopped waiting (the timeout test)

            def log_message(self, *args: object) -> None:
                pass

        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        server.timeout = 0.1

        def serve() -> None:
            for _ in range(200):  # 20 seconds at most
                if getattr(server, "done", False):
                    return
                server.handle_request()

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_address[1]}/mgWebService.asmx"

    start.asked = asked  # type: ignore[attr-defined]
    yield start
    for server, thread in servers:
        server.done = True  # type: ignore[attr-defined]
        thread.join(5)
        server.server_close()


def test_the_live_service_is_asked_for_the_years_dates(service: Callable[..., str]) -> None:
    url = service(200, GET_MEETINGS.read_bytes())
    read = modgov.fetch_meetings(url, committee_id=143, begins=dt.date(2020, 5, 1), ends=dt.date(2021, 4, 30))
    assert len(read.meetings) == 7
    (path,) = service.asked  # type: ignore[attr-defined]
    assert path == "/mgWebService.asmx/GetMeetings?lCommitteeId=143&sFromDate=01%2F05%2F2020&sToDate=30%2F04%2F2021"


def test_a_403_page_from_the_service_says_to_save_the_answer_from_a_browser(service: Callable[..., str]) -> None:
    url = service(403, b"<html><body><h1>403 Forbidden</h1></body></html>")
    with pytest.raises(ImportFileError) as caught:
        modgov.fetch_meetings(url, committee_id=143, begins=dt.date(2020, 5, 1), ends=dt.date(2021, 4, 30))
    assert "answered 403 Forbidden instead of the meetings" in str(caught.value)
    assert "save the answer" in str(caught.value) and "import that file" in str(caught.value)


def test_a_web_page_with_status_200_is_not_taken_for_meetings(service: Callable[..., str]) -> None:
    url = service(200, b"<!DOCTYPE html><html><body>Please enable JavaScript</body></html>")
    with pytest.raises(ImportFileError, match="is a web page, not the web service's XML answer"):
        modgov.fetch_meetings(url, committee_id=1, begins=dt.date(2020, 5, 1), ends=dt.date(2021, 4, 30))


def test_a_service_that_does_not_answer_in_time_is_said_in_words(service: Callable[..., str]) -> None:
    url = service(200, GET_MEETINGS.read_bytes(), 2.0)
    with pytest.raises(ImportFileError) as caught:
        modgov.fetch_meetings(url, committee_id=1, begins=dt.date(2020, 5, 1), ends=dt.date(2021, 4, 30), timeout=0.3)
    assert "did not answer within 0.3 seconds" in str(caught.value)


def test_a_service_that_cannot_be_reached_is_said_in_words() -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ImportFileError) as caught:
        modgov.fetch_meetings(f"http://127.0.0.1:{port}", committee_id=1, begins=dt.date(2020, 5, 1), ends=dt.date(2021, 4, 30))
    assert "could not be reached" in str(caught.value)
    assert "Check the address and your connection" in str(caught.value)
