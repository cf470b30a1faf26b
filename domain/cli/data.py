"""Commands about the data itself: listing committees, (re)creating the demo."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("committees", help="list the committees and their programme years")
    p.set_defaults(func=cmd_committees)
    p = sub.add_parser("demo", help="(re)create the demo committees in the database")
    p.set_defaults(func=cmd_demo)


def cmd_committees(args: argparse.Namespace) -> int:
    from ..ops import committees
    from ..years import year_label
    from . import open_db

    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(read_only=True) as s:
            rows = [
                (c, committees.list_years(s, committee_id=c.id))
                for c in committees.list_committees(s)
            ]
    finally:
        database.close()
    if not rows:
        print("No committees yet. Run 'scrutineer demo' to load the demo committees.")
    for c, years in rows:
        labels = ", ".join(year_label(y) for y in years) or "no programme yet"
        short = f" ({c.short_name})" if c.short_name else ""
        print(f"{c.name}{short}: {labels}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ..demo import load_demo
    from . import open_db

    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(action="Load the demo") as s:
            names = load_demo(s)
    finally:
        database.close()
    for name in names:
        print(f"Loaded {name}")
    return 0
