"""Commands that print documents to PDF: a committee's work programme, every committee's
programme for a year, the tracking decisions document and a meeting's own papers.

Only what printing needs is imported (SQLAlchemy, the domain's ops and ReportLab): no Qt, no
Alembic unless the database needs a migration, no bank-holiday tables.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..words import counted, slug

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.orm import Session
from . import find_committee, parse_year


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "print",
        help="print a committee's work programme for a year to PDF (or every committee's)",
        description="Print a work programme as the council lays it out (landscape A4). Exempt "
        "(Part II) items are left out unless --include-exempt is given; the council's setting "
        "decides whether a 'Part II item (paragraph N)' line shows where they were. A "
        "programme not yet approved prints as a DRAFT. An existing file is replaced only by a "
        "complete new one.",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--committee", metavar="NAME", help="committee name or short name")
    which.add_argument(
        "--all", action="store_true", help="every committee that has a programme that year"
    )
    p.add_argument("--year", required=True, metavar="YEAR", help="municipal year, e.g. 2019-20")
    p.add_argument("--out", metavar="FILE", help="the PDF to write (with --committee)")
    p.add_argument(
        "--out-dir", metavar="DIR", help="the folder to write one PDF per committee in (with --all)"
    )
    p.add_argument(
        "--annex", action="store_true", help="add the blank prioritisation tool as an annex"
    )
    p.add_argument(
        "--load-chart",
        action="store_true",
        help="put the chart of each meeting's items against its capacity on the first page",
    )
    p.add_argument(
        "--include-exempt",
        action="store_true",
        help="also print exempt (Part II) items; every page is then marked NOT FOR PUBLICATION",
    )
    p.set_defaults(func=cmd_print)

    p = sub.add_parser(
        "print-decisions",
        help="print a committee's tracking decisions to PDF",
        description="Print the tracking decisions document: each resolution with its target "
        "date, officer and latest progress. Resolutions on exempt (Part II) items are left out "
        "unless --include-exempt is given.",
    )
    p.add_argument("--committee", required=True, metavar="NAME", help="committee name or short name")
    p.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    p.add_argument("--open-only", action="store_true", help="only resolutions still ongoing")
    p.add_argument(
        "--include-exempt",
        action="store_true",
        help="also print resolutions on exempt items; every page is then marked NOT FOR "
        "PUBLICATION",
    )
    p.set_defaults(func=cmd_print_decisions)

    p = sub.add_parser(
        "print-meeting",
        help="print a meeting's scrutiny items with their report deadline (and a forward look)",
        description="Print the scrutiny items on a meeting's agenda, each with its purpose, "
        "report author and the report deadline: the list sent to report authors. With "
        "--forward-look, add the items of the meetings after it for the chair's briefing. "
        "Exempt (Part II) items are left out unless --include-exempt is given.",
    )
    p.add_argument("--committee", required=True, metavar="NAME", help="committee name or short name")
    p.add_argument("--date", required=True, metavar="DATE", help="the meeting's date, e.g. 11 Sept 2019")
    p.add_argument(
        "--time", metavar="HH:MM", help="the meeting's start time, when it has two that day"
    )
    p.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    p.add_argument(
        "--forward-look",
        nargs="?",
        type=int,
        const=3,
        default=0,
        metavar="N",
        help="add the next N meetings' items (3 when N is not given) for the chair's briefing",
    )
    p.add_argument(
        "--include-exempt",
        action="store_true",
        help="also print exempt items, each marked Part II; every page is then marked NOT FOR "
        "PUBLICATION",
    )
    p.set_defaults(func=cmd_print_meeting)


# --- arguments --------------------------------------------------------------------------------


def _year_label(year_start: int) -> str:
    from ..years import year_label

    return year_label(year_start)


def check_writable(path: Path) -> None:
    """Fail before any work when ``path`` cannot be written, saying why."""
    from . import CliError

    folder = path.parent
    if path.is_dir():
        raise CliError(f"Cannot write {path}: it is a folder; give a file name ending in .pdf.")
    if not folder.is_dir():
        raise CliError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CliError(f"Cannot write {path}: you have no permission to write in {folder}.")
    if path.exists() and not os.access(path, os.W_OK):
        raise CliError(f"Cannot write {path}: the file is read-only.")


def programme_file_name(short_name: str, name: str, year_start: int) -> str:
    return f"{slug(short_name or name, 'committee')}-work-programme-{year_start}-{(year_start + 1) % 100:02d}.pdf"


# --- rendering --------------------------------------------------------------------------------


def _write(render, doc, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Render ``doc`` to ``path`` whole or not at all (the renderer writes a temporary file
    beside it and renames it), turning every failure into one line for the user."""
    from ..printing.render import PrintError
    from . import CliError

    try:
        render(doc, path)
    except PrintError as exc:
        raise CliError(f"Cannot print {path.name}: {exc}") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CliError(f"Cannot write {path}: {reason}. The file was not changed.") from None


def _render_one(job: tuple[Any, Any, Path]) -> Path:
    render, doc, path = job
    _write(render, doc, path)
    return path


def _render_all(render, docs: list[tuple[Path, Any]]) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """Render each (path, document) and yield each path once written, in order. Rendering is
    ReportLab's pure-Python work, about 40 ms of CPU a document, so several documents are
    rendered in a pool of processes, one per CPU; the first failure stops the rest."""
    jobs = [(render, doc, path) for path, doc in docs]
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers < 2:
        yield from map(_render_one, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            yield from pool.map(_render_one, jobs)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _warn_exempt(include_exempt: bool) -> None:
    if include_exempt:
        print(
            "This document includes exempt (Part II) items and is marked NOT FOR PUBLICATION: "
            "do not publish it.",
            file=sys.stderr,
        )


def cmd_print(args: argparse.Namespace) -> int:
    from . import CliError

    year = parse_year(args.year)
    if args.all:
        if not args.out_dir or args.out:
            raise CliError("--all writes one file per committee: give --out-dir DIR, not --out.")
        return _print_all(args, year)
    if not args.out or args.out_dir:
        raise CliError("Give --out FILE.pdf for the programme of one committee.")
    out = Path(args.out)
    check_writable(out)

    from ..ops.committees import list_years
    from ..printing.build import build_programme
    from . import open_db

    database = open_db(args.db)
    try:
        with database.reading() as s:
            committee = find_committee(s, args.committee)
            years = list_years(s, committee_id=committee.id)
            if year not in years:
                known = ", ".join(_year_label(y) for y in years) or "none yet"
                raise CliError(
                    f"{committee.name} has no programme for {_year_label(year)}. Its years: "
                    f"{known}."
                )
            doc = build_programme(
                s,
                committee_id=committee.id,
                year_start=year,
                include_exempt=args.include_exempt,
                annex=args.annex,
                load_chart=args.load_chart,
            )
    finally:
        database.close()

    from ..printing.render import render_programme

    _write(render_programme, doc, out)
    draft = " (DRAFT)" if doc.draft else ""
    print(f"Wrote {out}: {doc.committee_name}, Work Programme {doc.year_label}{draft}.")
    _warn_exempt(args.include_exempt)
    return 0


def _print_all(args: argparse.Namespace, year: int) -> int:
    from . import CliError

    out_dir = Path(args.out_dir)
    if not out_dir.is_dir():
        raise CliError(f"Cannot write into {out_dir}: the folder does not exist.")
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise CliError(f"Cannot write into {out_dir}: you have no permission to write there.")

    from ..printing.build import build_programmes
    from . import open_db

    database = open_db(args.db)
    try:
        with database.reading() as s:
            docs = [
                (out_dir / programme_file_name(c.short_name, c.name, year), doc)
                for c, doc in build_programmes(
                    s, year_start=year, include_exempt=args.include_exempt, annex=args.annex,
                    load_chart=args.load_chart,
                )  # fmt: skip
            ]
    finally:
        database.close()
    if not docs:
        raise CliError(f"No committee has a programme for {_year_label(year)}.")

    from ..printing.render import render_programme

    names = [path.name for path, _ in docs]
    if len(set(names)) != len(names):
        raise CliError(
            "Two committees would print to the same file name; give them different short names."
        )
    for path in _render_all(render_programme, docs):
        print(f"Wrote {path}")

    print(f"Printed {counted(len(docs), 'programme')} for {_year_label(year)} into {out_dir}.")
    _warn_exempt(args.include_exempt)
    return 0


def cmd_print_decisions(args: argparse.Namespace) -> int:
    out = Path(args.out)
    check_writable(out)

    from ..printing.build import build_decisions
    from . import open_db

    database = open_db(args.db)
    try:
        with database.transaction(read_only=True) as s:
            committee = find_committee(s, args.committee)
            doc = build_decisions(
                s,
                committee_id=committee.id,
                open_only=args.open_only,
                include_exempt=args.include_exempt,
            )
    finally:
        database.close()

    from ..printing.render import render_decisions

    _write(render_decisions, doc, out)

    print(f"Wrote {out}: {doc.committee_name}, {doc.heading} ({counted(len(doc.rows), 'resolution')}).")
    _warn_exempt(args.include_exempt)
    return 0


def _meeting_on(session: Session, committee: Row[*tuple[Any, ...]], day: dt.date, time_text: str | None) -> int:
    """The id of the committee's meeting on ``day`` (at ``time_text`` when given)."""
    from sqlalchemy import select

    from ..dates import long_date
    from ..dates import time_text as written_time
    from ..schema import meeting
    from . import CliError

    lo = dt.datetime.combine(day, dt.time())
    meetings = session.execute(
        select(meeting.c.id, meeting.c.starts_at)
        .where(
            meeting.c.committee_id == committee.id,
            meeting.c.starts_at >= lo,
            meeting.c.starts_at < lo + dt.timedelta(days=1),
        )
        .order_by(meeting.c.starts_at)
    ).all()
    if time_text:
        try:
            at = dt.time.fromisoformat(time_text.strip())
        except ValueError:
            raise CliError(f"--time {time_text!r} is not a time; write it as 14:00.") from None
        meetings = [m for m in meetings if m.starts_at.time() == at]
    if len(meetings) == 1:
        return int(meetings[0].id)
    if not meetings:
        raise CliError(
            f"{committee.name} has no meeting on {long_date(day)}"
            + (f" at {time_text}." if time_text else ".")
            + " The Meetings page lists its meetings."
        )
    times = ", ".join(written_time(m.starts_at.time()) for m in meetings)
    raise CliError(
        f"{committee.name} has {counted(len(meetings), 'meeting')} on {long_date(day)} "
        f"({times}); say which with --time HH:MM."
    )


def cmd_print_meeting(args: argparse.Namespace) -> int:
    from . import CliError

    if args.forward_look < 0:
        raise CliError("--forward-look takes a number of meetings, 0 or more.")
    out = Path(args.out)
    check_writable(out)

    from ..dates import parse_council_date

    try:
        day = parse_council_date(args.date)
    except ValueError as exc:
        raise CliError(f"--date: {exc}") from None

    from ..printing.build import build_meeting_papers
    from . import open_db

    database = open_db(args.db)
    try:
        with database.transaction(read_only=True) as s:
            committee = find_committee(s, args.committee)
            doc = build_meeting_papers(
                s,
                meeting_id=_meeting_on(s, committee, day, args.time),
                include_exempt=args.include_exempt,
                forward_look=args.forward_look,
            )
    finally:
        database.close()

    from ..printing.render import render_meeting_papers

    _write(render_meeting_papers, doc, out)
    items = counted(len(doc.meeting.rows), "item")
    ahead = (
        f" and the forward look of {counted(len(doc.forward_look), 'meeting')}"
        if doc.with_forward_look
        else ""
    )
    print(f"Wrote {out}: {doc.committee_name}, {doc.meeting.date_label}: {items}{ahead}.")
    _warn_exempt(args.include_exempt)
    return 0
