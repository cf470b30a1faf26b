"""`import-meetings` on the command line: what a democratic advisor sees."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import cli

from domain.db import open_database
from domain.ops import planning
from domain.ops.convert import committee_by_name

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MEETINGS = FIXTURES / "modgov_getmeetings_ecsc.xml"
AGENDA = FIXTURES / "modgov_getmeeting_ecsc.xml"
NAME = "Education and Children's Social Care"


def meetings_of(url: str) -> list[tuple]:
    database = open_database(url)
    try:
        with database.transaction() as s:
            c = committee_by_name(s, NAME)
            view = planning.load_programme(s, committee_id=c.id, year_start=2020)
    finally:
        database.close()
    return [(g.meeting.starts_at, g.meeting.status, [e.title for e in g.entries]) for g in view.meetings]


def test_import_meetings_then_an_agenda_then_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.sqlite")
    args = ("--committee", NAME, "--year", "2020-21")
    code, out, err = cli(capsys, "--db", db, "import-meetings", str(MEETINGS), *args, "--create-committee")
    assert (code, err) == (0, "")
    assert out == (
        f"4 meetings added (1 cancelled) — {NAME}, 2020 - 21. 3 meetings outside 2020 - 21 left "
        "out (11 September 2019 to 16 June 2021).\n"
    )
    code, out, err = cli(capsys, "--db", db, "import-meetings", str(AGENDA), *args)
    assert code == 0
    assert out.splitlines() == [
        f"1 meeting changed, 4 agenda items added (1 exempt, Part II) — {NAME}, 2020 - 21.",
        "  09/09/2020: venue becomes Warspite Room, Council House",
    ]
    shown = meetings_of(db)
    code, out, err = cli(capsys, "--db", db, "import-meetings", str(AGENDA), *args)
    assert out == f"Nothing to change: the meeting of 2020 - 21 in this file is already in {NAME}.\n"
    assert meetings_of(db) == shown
    assert [s for _at, s, _items in shown] == ["scheduled", "scheduled", "cancelled", "scheduled"]


def test_a_bad_file_names_itself_and_the_meeting_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.sqlite")
    bad = tmp_path / "answer.xml"
    bad.write_bytes(MEETINGS.read_bytes().replace(b"10/03/2021", b"10/13/2021"))
    code, out, err = cli(
        capsys, "--db", db, "import-meetings", str(bad), "--committee", NAME, "--year", "2020-21",
        "--create-committee",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert err.startswith(f"scrutineer: error: {bad}, meeting 6 (meetingid 4106): <meetingdate>:")
    assert "nothing was imported" in err
    code, out, err = cli(capsys, "--db", db, "committees")
    assert NAME not in out  # not even the committee was made


@pytest.fixture
def site() -> Iterator[str]:
    """A council site on 127.0.0.1 whose web service answers GetMeetings with the saved
    answer and refuses anything else with an HTML 403 page, as many do; it stops with the test."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            ok = self.path.startswith("/mgWebService.asmx/GetMeetings?lCommitteeId=143&")
            body = MEETINGS.read_bytes() if ok else b"<html><body>403 Forbidden</body></html>"
            self.send_response(200 if ok else 403)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def test_the_live_service_is_asked_and_a_refusal_is_said_in_words(
    site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.sqlite")
    args = ("--committee", NAME, "--year", "2020-21", "--create-committee")
    code, out, err = cli(capsys, "--db", db, "import-meetings", "--url", f"{site}/mgWebService.asmx", "--committee-id", "143", *args)
    assert code == 0 and out.startswith("4 meetings added (1 cancelled)")
    code, out, err = cli(capsys, "--db", db, "import-meetings", "--url", site, "--committee-id", "9", *args)
    assert code == 1
    assert "answered 403 Forbidden instead of the meetings" in err
    assert "in a browser, save the answer" in err
    code, out, err = cli(capsys, "--db", db, "import-meetings", "--url", site, *args)
    assert code == 1 and "--url needs --committee-id" in err
