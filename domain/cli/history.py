"""``history``: who changed what, newest first, from the audit history."""

from __future__ import annotations

import argparse
import datetime as dt

from . import find_committee

DEFAULT_SHOWN = 200


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "history",
        help="show who changed what and when, newest first",
        description="Print the recorded changes: when (your local time), who, which action, "
        "and what changed. Every change made with Scrutineer or this command line is recorded.",
    )
    p.add_argument("--committee", metavar="NAME", help="only this committee's changes (name or short name)")
    p.add_argument("--since", metavar="DATE", help="only changes on or after this day, e.g. 2026-11-01 or '1 Nov 2026'")
    p.add_argument("--who", metavar="NAME", help="only this person's changes")
    p.add_argument(
        "--limit", type=int, default=DEFAULT_SHOWN, metavar="N",
        help=f"show at most N changes (default {DEFAULT_SHOWN})",
    )
    p.set_defaults(func=cmd_history)


def _since(text: str) -> dt.datetime:
    """The start of a day typed by the user, in their own time zone."""
    from ..dates import parse_council_date
    from . import CliError

    try:
        day = parse_council_date(text)
    except ValueError as exc:
        raise CliError(f"--since: {exc}") from None
    return dt.datetime.combine(day, dt.time()).astimezone()


def cmd_history(args: argparse.Namespace) -> int:
    from ..ops.history import committee_history
    from . import CliError, open_db

    if args.limit < 1:
        raise CliError("--limit: give a number of changes, 1 or more.")
    since = _since(args.since) if args.since else None
    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(read_only=True) as s:
            committee = find_committee(s, args.committee) if args.committee else None
            entries = committee_history(
                s,
                committee_id=committee.id if committee else None,
                who=args.who,
                since=since,
                limit=args.limit + 1,
            )
    finally:
        database.close()
    if not entries:
        print("No changes recorded" + (" that match." if args.committee or args.since or args.who else "."))
        return 0
    for e in entries[: args.limit]:
        print(f"{e.when()}  {e.who}  {e.action}: {e.what()}")
    if len(entries) > args.limit:
        print(f"(older changes not shown; --limit {args.limit * 2} shows more)")
    return 0
