"""``import-meetings``: a committee's meetings from Modern.gov or a calendar file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from . import CliError, parse_year

if TYPE_CHECKING:
    from ..io.meeting_records import MeetingsFile


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-meetings",
        help="import a committee's meetings from a saved Modern.gov answer or an .ics calendar",
        description="Read a committee's meetings from a Modern.gov web service answer saved "
        "from a browser (GetMeetings: the meetings; GetMeeting: one meeting with its venue and "
        "agenda) or from an .ics calendar, and bring the municipal year's meetings into the "
        "committee. Meetings of other years are left out and counted. Importing the same file "
        "again changes nothing. With --url, the service is asked itself.",
    )
    p.add_argument("file", metavar="FILE", nargs="?", help="the saved answer (.xml) or calendar (.ics)")
    p.add_argument("--committee", required=True, metavar="NAME", help="committee name or short name")
    p.add_argument("--year", required=True, metavar="YEAR", help="municipal year, e.g. 2020-21")
    p.add_argument(
        "--create-committee",
        action="store_true",
        help="create the committee (named as given) if the database has no such committee",
    )
    p.add_argument(
        "--url",
        metavar="URL",
        help="ask the council's web service instead of reading a file, e.g. "
        "https://democracy.example.gov.uk/mgWebService.asmx (needs --committee-id)",
    )
    p.add_argument(
        "--committee-id", type=int, metavar="N", help="the committee's number in Modern.gov (with --url)"
    )
    p.set_defaults(func=cmd_import_meetings)


def _read(args: argparse.Namespace, year: int, first_month: int) -> MeetingsFile:
    from ..io.meetings import read_meetings_file
    from ..io.modgov import fetch_meetings
    from ..io.rows import ImportFileError
    from ..years import year_bounds

    if (args.file is None) == (args.url is None):
        raise CliError("Give either a FILE to read or --url to ask the web service, not both.")
    try:
        if args.url is None:
            return read_meetings_file(Path(args.file), name=args.file)
        if args.committee_id is None:
            raise CliError(
                "--url needs --committee-id: the committee's number in Modern.gov (the CId= in "
                "the address of its page on the council's site)."
            )
        begins, ends = year_bounds(year, first_month)
        last = ends - dt.timedelta(days=1)
        return fetch_meetings(args.url, committee_id=args.committee_id, begins=begins, ends=last)
    except ImportFileError as exc:
        raise CliError(str(exc)) from None


def cmd_import_meetings(args: argparse.Namespace) -> int:
    from ..ops.meeting_import import import_meetings
    from ..years import start_month
    from . import committee_to_import_into, open_db

    year = parse_year(args.year)
    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(read_only=True) as s:
            first_month = start_month(s)
        # The file (or the service's answer) is read and checked before anything is written.
        source = _read(args, year, first_month)
        with database.transaction(action=f"Import meetings from {Path(source.name).name}") as s:
            committee = committee_to_import_into(s, args.committee, create=args.create_committee)
            done = import_meetings(s, committee_id=committee.id, year_start=year, meetings=source)
    finally:
        database.close()
    print(done.plan.summary())
    for p in done.plan.changed:
        print(f"  {p.starts_at:%d/%m/%Y}: {'; '.join(p.changes) or 'agenda items added'}")
    return 0
