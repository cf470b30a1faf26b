"""Commands that move a work programme in and out as a file in the council's layout: in from
CSV, Excel or Word, out as CSV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..words import counted
from . import find_committee, parse_year

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..models import Committee


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import a work programme from a CSV, Excel (.xlsx) or Word (.docx) file in the "
        "council's column layout",
        description="Read a work programme from a CSV file, an Excel workbook or a Word document "
        "with the columns Date of meeting, Agenda item, Prioritisation Score (or Purpose of the "
        "agenda item), Reason for consideration, Responsible Cabinet Member / Officer; Word and "
        "Excel files may also have 'Items to be scheduled' and 'Select Committee Reviews' "
        "tables. The kind of file is told from its content. The whole file is checked first; if "
        "any row is wrong nothing is imported.",
    )
    p.add_argument(
        "file", metavar="FILE",
        help="the .csv (UTF-8 or Windows-1252; , ; or tab), .xlsx or .docx file",
    )
    p.add_argument("--committee", required=True, metavar="NAME", help="committee name or short name")
    p.add_argument("--year", required=True, metavar="YEAR", help="municipal year, e.g. 2019-20")
    p.add_argument(
        "--create-committee",
        action="store_true",
        help="create the committee (named as given) if the database has no such committee",
    )
    p.add_argument(
        "--append",
        action="store_true",
        help="add to a programme that already has items for that year (otherwise refused, so "
        "that importing a file twice does not book every item twice)",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "export",
        help="export a committee's work programme for a year as a CSV file",
        description="Write a work programme as a CSV file in the council's column layout "
        "(UTF-8 with a byte order mark, so Excel shows every character). Exempt (Part II) "
        "items are left out unless --include-exempt is given.",
    )
    p.add_argument("--committee", required=True, metavar="NAME", help="committee name or short name")
    p.add_argument("--year", required=True, metavar="YEAR", help="municipal year, e.g. 2019-20")
    p.add_argument("--format", choices=["csv"], default="csv", help="file format (csv)")
    p.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    p.add_argument(
        "--include-exempt",
        action="store_true",
        help="also write exempt (Part II) items, marked [Part II, paragraph N]; the file is "
        "then NOT for publication",
    )
    p.set_defaults(func=cmd_export)


def _committee_for_import(session: Session, args: argparse.Namespace) -> Committee:
    from sqlalchemy import func, select

    from ..deadlines import municipal_year_label
    from ..locks import lock_programme
    from ..models import Topic
    from . import CliError, committee_to_import_into

    # Two imports at once: the second waits until the first has committed, then sees its
    # committee and its items (a new committee has none).
    committee = committee_to_import_into(session, args.committee, create=args.create_committee)
    year = parse_year(args.year)
    lock_programme(session, committee.id, year)
    booked = session.scalar(
        select(func.count())
        .select_from(Topic)
        .where(Topic.committee_id == committee.id, Topic.year_start == year)
    )
    if booked and not args.append:
        raise CliError(
            f"{committee.name} already has {counted(booked, 'item')} in {municipal_year_label(year)}; "
            "importing would add them again. Add --append to add this file to that programme."
        )
    return committee


def cmd_import(args: argparse.Namespace) -> int:
    import sys

    from ..deadlines import municipal_year_label
    from ..io.rows import ImportFileError
    from ..io.sniff import read_programme
    from ..ops.imports import check_rows_in_year, import_programme
    from . import CliError, open_db

    year = parse_year(args.year)
    path = Path(args.file)
    # The file is read and checked against the layout before the database is opened, so a
    # bad file cannot touch it at all.
    try:
        rows = read_programme(path, name=str(path))
    except ImportFileError as exc:
        raise CliError(str(exc)) from None
    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(action=f"Import {path.name}") as s:
            # Before the committee checks: a file of another year is the first thing to fix.
            check_rows_in_year(s, year_start=year, rows=rows, file=str(path))
            committee = _committee_for_import(s, args)
            summary = import_programme(
                s, committee_id=committee.id, year_start=year, rows=rows, file=str(path)
            )
    finally:
        database.close()

    print(
        f"Imported {summary.counts()} into {summary.committee}, {municipal_year_label(year)}."
    )
    for warning in summary.warnings:
        print(f"note: {warning}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import sys

    from ..deadlines import municipal_year_label
    from ..io.csv import write_programme_csv
    from ..ops.exports import programme_table
    from . import open_db

    year = parse_year(args.year)
    out = Path(args.out)
    database = open_db(args.db)
    try:
        with database.transaction(read_only=True) as s:
            committee = find_committee(s, args.committee)
            name = committee.name
            table = programme_table(
                s, committee_id=committee.id, year_start=year, include_exempt=args.include_exempt
            )
    finally:
        database.close()
    write_programme_csv(out, table.rows)

    print(f"Wrote {counted(len(table.rows), 'row')} of {name}, {municipal_year_label(year)} to {out}.")
    if table.exempt_left_out:
        print(
            f"{counted(table.exempt_left_out, 'exempt (Part II) item')} left out; --include-exempt "
            "writes them (the file is then not for publication).",
            file=sys.stderr,
        )
    elif args.include_exempt:
        print("This file may hold exempt (Part II) items: do not publish it.", file=sys.stderr)
    return 0
