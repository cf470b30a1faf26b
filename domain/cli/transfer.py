"""Commands that move a work programme in (a CSV, Excel or Word file in the council's layout)
and out (a web page, a spreadsheet, a Word document, a CSV file or a calendar: the formats of
``domain.ops.publish``)."""

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
        help="export a committee's work programme for a year: a web page, CSV or a calendar",
        description="Write a committee's work programme for a year in one of these formats "
        "(chosen with --format, else by the --out file's extension). "
        + " ".join(f"{key}: {text}" for key, text in _format_help())
        + " For printing, use the print command (PDF). Exempt (Part II) items are left out "
        "unless --include-exempt is given.",
    )
    p.add_argument("--committee", required=True, metavar="NAME", help="committee name or short name")
    p.add_argument("--year", required=True, metavar="YEAR", help="municipal year, e.g. 2019-20")
    p.add_argument(
        "--format",
        choices=_format_keys(),
        help="file format (default: from the --out file's extension, else csv)",
    )
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


def _format_keys() -> list[str]:
    from ..ops.publish import FORMATS

    return list(FORMATS)


def _format_help() -> list[tuple[str, str]]:
    from ..ops.publish import FORMATS

    return [(f.key, f.purpose) for f in FORMATS.values()]


def cmd_export(args: argparse.Namespace) -> int:
    import sys

    from ..io.output import write_export
    from ..ops.publish import FORMATS
    from ..years import municipal_year_label
    from . import open_db

    year = parse_year(args.year)
    out = Path(args.out)
    by_extension = {f.extension: f.key for f in FORMATS.values()}
    fmt = FORMATS[args.format or by_extension.get(out.suffix.lower(), "csv")]
    database = open_db(args.db)
    try:
        with database.transaction(read_only=True) as s:
            committee = find_committee(s, args.committee)
            name = committee.name
            exported = fmt.make(
                s, committee_id=committee.id, year_start=year, include_exempt=args.include_exempt
            )
    finally:
        database.close()
    write_export(out, exported.data, what=fmt.noun)
    print(f"Wrote {exported.contents} of {name}, {municipal_year_label(year)} to {out}.")
    for note in exported.notes:
        print(f"note: {note}", file=sys.stderr)
    if exported.exempt_left_out:
        print(
            f"{counted(exported.exempt_left_out, 'exempt (Part II) item')} left out; --include-exempt "
            "writes them (the file is then not for publication).",
            file=sys.stderr,
        )
    elif args.include_exempt:
        print("This file may hold exempt (Part II) items: do not publish it.", file=sys.stderr)
    return 0
