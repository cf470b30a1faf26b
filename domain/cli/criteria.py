"""Commands for scoring tools (criteria sets) and the scoring papers: ``criteria list|show|
import|export`` and ``print-scoring``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..words import counted
from . import CliError, find_committee, find_topic, parse_year

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..values import CriteriaSetInfo


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "criteria",
        help="list, show, import or export the scoring tools (criteria sets)",
        description="The council's scoring tools: PAPER by default, and any set of its own, "
        "shared as a small JSON file (see resources/criteria/ for examples).",
    )
    actions = p.add_subparsers(dest="criteria_command", metavar="ACTION", required=True)
    a = actions.add_parser("list", help="every scoring tool in use, with the committees using it")
    a.set_defaults(func=cmd_list)
    a = actions.add_parser("show", help="one tool's questions and bands")
    a.add_argument("name", metavar="NAME", help="the tool's name, e.g. PAPER")
    a.set_defaults(func=cmd_show)
    a = actions.add_parser(
        "import",
        help="add a scoring tool from a JSON file",
        description="Add the tool in FILE. A tool that cannot work (no questions, bands that "
        "overlap or leave a gap, a weight of 0) is refused, naming the problem. With "
        "--replace, a tool of the same name is changed instead (a new revision when scores "
        "already use it).",
    )
    a.add_argument("file", metavar="FILE", help="the .json file")
    a.add_argument("--name", metavar="NAME", help="call it NAME instead of the name in the file")
    a.add_argument("--replace", action="store_true", help="change the tool of the same name")
    a.add_argument("--committee", metavar="NAME", help="and make this committee score with it")
    a.set_defaults(func=cmd_import)
    a = actions.add_parser("export", help="write a scoring tool to a JSON file")
    a.add_argument("name", metavar="NAME", help="the tool's name, e.g. PAPER")
    a.add_argument("--out", required=True, metavar="FILE", help="the .json file to write")
    a.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "print-scoring",
        help="print scoring sheets: one topic's, or every short-listed topic's, to PDF",
        description="Print the prioritisation tool, in the committee's own scoring tool, one "
        "page per topic: the named topic, or every short-listed topic of the year (for the "
        "work-planning session). A scored topic's page is filled in with its printed score's "
        "answers and evidence; --blank prints every page to fill in by hand. Exempt (Part II) "
        "topics are left out (a named one is refused) unless --include-exempt is given.",
    )
    p.add_argument("--committee", required=True, metavar="NAME", help="committee name or short name")
    p.add_argument("--year", required=True, metavar="YEAR", help="municipal year, e.g. 2019-20")
    p.add_argument("--topic", metavar="TITLE", help="one topic, by its title (any case)")
    p.add_argument("--out", required=True, metavar="FILE", help="the PDF to write")
    p.add_argument("--blank", action="store_true", help="leave the answers blank, to fill in by hand")
    p.add_argument(
        "--include-exempt",
        action="store_true",
        help="also print exempt topics; every page is then marked NOT FOR PUBLICATION",
    )
    p.set_defaults(func=cmd_print_scoring)


def _describe(info: CriteriaSetInfo) -> list[str]:
    from ..scoring import scale_label

    lines = [f"{info.name} (revision {info.revision}): {counted(len(info.questions), 'question')}, totals 0-{info.max_total}"]
    for n, q in enumerate(info.questions, start=1):
        weight = f", weight {q.weight}" if q.weight != 1 else ""
        code = f"{q.letter} " if q.letter else ""
        lines.append(f"  {n}. {code}{q.title} [{scale_label(q.rule)}{weight}]: {q.question}")
        if q.help:
            lines.append(f"     {q.help}")
    lines.append("  Bands: " + ", ".join(
        f"{b.name} {b.min_total}-{b.max_total}" + (f" ({b.colour})" if b.colour else "") for b in info.bands
    ))  # fmt: skip
    return lines


def _with_db(args: argparse.Namespace, action: str | None, work: Any) -> Any:
    from . import open_db

    database = open_db(args.db, user=args.user)
    try:  # each command's ``work`` returns what that command needs
        if action is None:
            with database.transaction(read_only=True) as s:
                return work(s)
        with database.transaction(action=action) as s:
            return work(s)
    finally:
        database.close()


def cmd_list(args: argparse.Namespace) -> int:
    from ..ops.criteria import list_sets

    for summary in _with_db(args, None, list_sets):
        info = summary.info
        flags = [f"revision {info.revision}"] + (["default"] if info.is_default else [])
        used = ", ".join(summary.committees) or "no committee"
        print(f"{info.name} ({', '.join(flags)}): {counted(len(info.questions), 'question')}, "
              f"totals 0-{info.max_total}; {summary.scores} scores; used by {used}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from ..ops.criteria import find_set

    info = _with_db(args, None, lambda s: find_set(s, args.name))
    print("\n".join(_describe(info)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..io.criteria import read_set
    from ..ops import criteria

    spec = read_set(Path(args.file))
    if args.name:
        spec = replace(spec, name=" ".join(args.name.split()))

    def work(s: Session) -> tuple[CriteriaSetInfo, str]:
        if args.replace:
            old = criteria.find_set(s, spec.name)
            info = criteria.revise_set(s, criteria_set_id=old.id, spec=spec)
            how = "changed" if info.id == old.id else f"revised (revision {info.revision}; old scores keep revision {old.revision})"
        else:
            info, how = criteria.create_set(s, spec=spec), "added"
        if args.committee:
            committee = find_committee(s, args.committee)
            criteria.choose_set(s, committee_id=committee.id, criteria_set_id=info.id)
            how += f"; {committee.name} now scores with it"
        return info, how

    info, how = _with_db(args, f"Import scoring tool {Path(args.file).name}", work)
    print(f"{info.name} {how}: {counted(len(info.questions), 'question')}, totals 0-{info.max_total}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..io.criteria import write_set
    from ..io.output import write_export
    from ..ops.criteria import find_set

    out = Path(args.out)
    info = _with_db(args, None, lambda s: find_set(s, args.name))
    write_export(out, write_set(info.spec), what="scoring tool file")
    print(f"Wrote {out}: {info.name}, {counted(len(info.questions), 'question')}.")
    return 0


def cmd_print_scoring(args: argparse.Namespace) -> int:
    from ..printing.build import build_scoring_papers
    from ..printing.render import render_scoring_sheet
    from .printing import _warn_exempt, _write, _year_label, check_writable

    year = parse_year(args.year)
    out = Path(args.out)
    check_writable(out)

    def work(s: Session) -> Any:
        committee = find_committee(s, args.committee)
        topic_ids = None if args.topic is None else [find_topic(s, committee.id, args.topic, year=year)]
        papers = build_scoring_papers(
            s, committee_id=committee.id, year_start=year, topic_ids=topic_ids,
            blank=args.blank, include_exempt=args.include_exempt,
        )  # fmt: skip
        return committee, papers

    committee, papers = _with_db(args, None, work)
    if not papers.sheets:
        left = f" ({counted(papers.exempt_left_out, 'exempt topic')} left out)" if papers.exempt_left_out else ""
        raise CliError(
            f"{committee.name} has no short-listed topic in {_year_label(year)}{left}: short-list "
            "topics on the Topics page, or name one with --topic."
        )
    _write(render_scoring_sheet, papers.sheets, out)
    print(f"Wrote {out}: {counted(len(papers.sheets), 'scoring sheet')} for {committee.name}.")
    if papers.exempt_left_out:
        print(
            f"{counted(papers.exempt_left_out, 'exempt (Part II) topic')} left out; "
            "--include-exempt prints them, marked NOT FOR PUBLICATION.",
            file=sys.stderr,
        )
    _warn_exempt(args.include_exempt)
    return 0
