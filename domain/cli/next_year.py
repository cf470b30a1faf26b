"""``next-year``: start a committee's next programme from this year's."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "next-year",
        help="carry a committee's items into the next municipal year",
        description="Start next year's work programme: carry the items still to be scheduled "
        "and the standing items of --year into the year after, with any reports you name that "
        "come back every year. Each carried item is linked to the one it came from; an item "
        "already carried is not carried again.",
    )
    p.add_argument("--committee", required=True, metavar="NAME", help="the committee (name or short name)")
    p.add_argument("--year", required=True, metavar="YEAR", help="the year to carry from, e.g. 2019-20")
    p.add_argument(
        "--standing", action="append", metavar="TITLE",
        help="carry only this standing item (repeat for more; default: every standing item)",
    )  # fmt: skip
    p.add_argument("--no-standing", action="store_true", help="carry no standing items")
    p.add_argument(
        "--report", action="append", default=[], metavar="TITLE",
        help="also carry this report heard during the year (repeat for more)",
    )  # fmt: skip
    p.add_argument("--no-waiting", action="store_true", help="leave the items to be scheduled behind")
    p.add_argument("--dry-run", action="store_true", help="list what would be carried and change nothing")
    p.set_defaults(func=cmd_next_year)


def _chosen(plan: object, args: argparse.Namespace) -> list[int]:
    from ..ops.next_year import REPORT, STANDING, WAITING, NextYearPlan
    from . import CliError

    assert isinstance(plan, NextYearPlan)
    open_ = [c for c in plan.candidates if c.carried_to is None]
    by_title: dict[str, dict[str, int]] = {STANDING: {}, REPORT: {}}
    for c in open_:
        if c.group in by_title:
            by_title[c.group].setdefault(c.title.casefold(), c.id)
    chosen = [] if args.no_waiting else [c.id for c in open_ if c.group == WAITING]
    if args.standing is not None and args.no_standing:
        raise CliError("--standing and --no-standing cannot be given together.")
    if args.standing is None and not args.no_standing:
        chosen += [c.id for c in open_ if c.group == STANDING]
    for group, titles, option in ((STANDING, args.standing or [], "--standing"), (REPORT, args.report, "--report")):
        for title in titles:
            found = by_title[group].get(" ".join(title.split()).casefold())
            if found is None:
                have = "; ".join(sorted({c.title for c in open_ if c.group == group})) or "none"
                raise CliError(f"{option}: '{title}' is not one of the year's items that can be carried ({have}).")
            chosen.append(found)
    return chosen


def cmd_next_year(args: argparse.Namespace) -> int:
    from ..ops.next_year import carry_forward, next_year_plan
    from ..years import short_year_label
    from . import CliError, find_committee, open_db, parse_year

    year = parse_year(args.year)
    database = open_db(args.db, user=args.user)
    try:
        # A dry run only reads: it neither waits for the write lock nor tells other windows to reload.
        with database.transaction(action=f"Start {short_year_label(year + 1)} programme", read_only=args.dry_run) as s:
            committee = find_committee(s, args.committee)
            plan = next_year_plan(s, committee_id=committee.id, year_start=year)
            chosen = _chosen(plan, args)
            if not chosen:
                raise CliError(f"Nothing to carry from {short_year_label(year)}: every item is carried already or left out.")
            titles = {c.id: c.title for c in plan.candidates}
            if args.dry_run:
                for tid in chosen:
                    print(f"would carry: {titles[tid]}")
                return 0
            carried = carry_forward(s, committee_id=committee.id, year_start=year, topic_ids=chosen)
    finally:
        database.close()
    for row in carried.rows:
        print(f"carried: {titles[row.origin_id]}")
    for title in carried.skipped:
        print(f"already carried: {title}")
    print(carried.summary)
    return 0
