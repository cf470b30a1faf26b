"""``import-suggestions`` (a suggestion form's export onto a committee's long list) and
``print-session-pack`` (the short list for the work-planning session, as a PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import CliError, find_committee, parse_year


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-suggestions",
        help="add the suggestions of an online form's export (CSV or Excel) to a committee's long list",
        description="Read the CSV or Excel file a council's online suggestion form exports (a "
        "column for the topic, and any of: why, outcome wanted, who is proposing (member, "
        "officer, partner, public), name, email, corporate plan link, workload, date submitted) "
        "and add each suggestion to the committee's long list for the year. The whole file is "
        "checked first: a problem names the row and column, and nothing is imported. "
        "Suggestions whose titles look like items reviewed in the last 12 months are listed.",
    )
    p.add_argument("file", metavar="FILE", help="the form's export (.csv or .xlsx)")
    p.add_argument("--committee", required=True, metavar="NAME", help="committee name or short name")
    p.add_argument("--year", required=True, metavar="YEAR", help="municipal year, e.g. 2020-21")
    p.set_defaults(func=cmd_import_suggestions)

    p = sub.add_parser(
        "print-session-pack",
        help="print the short list for the work-planning session to PDF",
        description="Print the committee's short-listed topics for a year, each with who "
        "proposed it, why, the outcome wanted, the workload and the score; urgent topics "
        "first, then by score. Exempt (Part II) topics are a 'Part II item' line unless "
        "--include-exempt is given. Members of the public are not named, and nobody's contact "
        "details are printed.",
    )
    p.add_argument("--committee", required=True, metavar="NAME", help="committee name or short name")
    p.add_argument("--year", required=True, metavar="YEAR", help="municipal year, e.g. 2020-21")
    p.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    p.add_argument(
        "--include-exempt",
        action="store_true",
        help="also print exempt topics in full; every page is then marked NOT FOR PUBLICATION",
    )
    p.set_defaults(func=cmd_print_session_pack)


def cmd_import_suggestions(args: argparse.Namespace) -> int:
    from ..io.rows import ImportFileError
    from ..io.suggestions import read_suggestions
    from ..ops.suggestions import import_suggestions
    from . import open_db

    year = parse_year(args.year)
    try:
        rows = read_suggestions(Path(args.file), name=args.file)
    except ImportFileError as exc:
        raise CliError(str(exc)) from None
    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(action=f"Import suggestions from {Path(args.file).name}") as s:
            committee = find_committee(s, args.committee)
            done = import_suggestions(s, committee_id=committee.id, year_start=year, rows=rows)
    finally:
        database.close()
    print(f"{committee.name}: {done.summary}")
    return 0


def cmd_print_session_pack(args: argparse.Namespace) -> int:
    from ..printing.session_pack import build_session_pack, render_session_pack
    from . import open_db
    from .printing import _warn_exempt, _write, check_writable

    year = parse_year(args.year)
    out = Path(args.out)
    check_writable(out)
    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(read_only=True) as s:
            committee = find_committee(s, args.committee)
            doc = build_session_pack(
                s, committee_id=committee.id, year_start=year, include_exempt=args.include_exempt
            )
    finally:
        database.close()
    _write(render_session_pack, doc, out)
    count = sum(1 for _ in doc.rows)
    print(f"Wrote {out}: {doc.committee_name}, {doc.title} ({count} on the short list).")
    _warn_exempt(args.include_exempt)
    return 0
