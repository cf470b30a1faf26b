"""``search``: find words in every committee's topics, evidence, resolutions and reviews."""

from __future__ import annotations

import argparse

from ..ops.search import LIMIT


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help="find words in every committee and year",
        description="Find every topic (title, reason, responsible officer), score evidence, "
        "resolution, progress note, select committee review and recommendation holding all the "
        "words given, in any order and case, in every committee and year. Results are grouped by "
        "committee and year; exempt (Part II) items are listed and marked.",
    )
    p.add_argument("text", nargs="+", metavar="TEXT", help="the words to find")
    p.add_argument("--limit", type=int, default=LIMIT, metavar="N", help=f"show at most N results (default {LIMIT})")
    p.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from ..ops.search import search
    from ..years import year_label
    from . import CliError, open_db

    if args.limit < 1:
        raise CliError("--limit: give a number of results, 1 or more.")
    query = " ".join(args.text)
    database = open_db(args.db, user=args.user)
    try:
        with database.transaction(read_only=True) as s:
            found = search(s, query=query, limit=args.limit)
    finally:
        database.close()
    if not found.hits:
        print(f"Nothing found for '{query}'." if found.words else "Give a word to find.")
        return 0
    for (committee, year), hits in found.groups():
        print(f"{committee} — {year_label(year) if year is not None else 'no year'}")
        for h in hits:
            title = f"{h.title}  [{h.part_ii}]" if h.exempt else h.title
            print(f"  {h.kind_word:<14} {title}")
            print(f"  {'':<14} {h.field}: {h.excerpt}")
    if found.more:
        print(f"(more than {args.limit} found; add words, or --limit {args.limit * 2} shows more)")
    return 0
